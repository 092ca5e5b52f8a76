#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>
#include <optional>

class QThread;

namespace Lectern::Client {

class AutoSaveWorker;
class SyncController;

// Writes a record's edited fields (a lesson's title and body) to the offline store without
// making the UI thread wait: a worker thread writes them through the sync layer's door for edits
// made off the UI thread (StoreWriter: the same LocalStore write as SyncController::update(), on a
// connection of its own), which then tells the controller so that views refresh and the sync
// engine pushes. This class decides only when to write.
//
// edited() says the record changed and how to read it; what it holds then is written once the
// edits pause (idleMs), and at least every maxIntervalMs while they go on, so a long text is only
// copied when it is written. flush() writes at once; waitForSaved() blocks until everything handed
// over is on disk (closing).
//
// Each written field may carry the value the editor started from (its base): when the store holds
// something else by then (sync brought in someone's edit), a text field is merged three ways
// (Merge::mergeText) and the merge is written and reported by saved(); where the edits overlap,
// what the person typed is kept.
class AutoSaver : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int idleMs = 600;
        int maxIntervalMs = 3000;
    };

    // What to write: the fields, and for some of them the value the edit started from.
    struct Edit
    {
        QJsonObject fields;
        QJsonObject bases;
    };
    using Provider = std::function<Edit()>;

    explicit AutoSaver(SyncController *sync, QObject *parent = nullptr);
    // Writes what is waiting and stops the worker.
    ~AutoSaver() override;

    void setOptions(const Options &options) { m_options = options; }

    // The record `id` of `entity` was edited; `provider` is asked what to write when it is time
    // (on this thread), and must stay valid until then (flush() before it goes away).
    void edited(const QString &entity, const QString &id, Provider provider);
    // The record should now hold `fields` (the fields this saver looks after; others are left
    // alone).
    void edited(const QString &entity, const QString &id, const QJsonObject &fields);
    // Sends what waits to the worker now.
    void flush();
    // flush(), then waits (processing no events) until the worker wrote everything.
    bool waitForSaved(int timeoutMs = 5000);

    // Edits waiting for the timer or being written.
    bool isBusy() const { return !m_waiting.isEmpty() || m_inFlight > 0; }
    // What was sent to the worker for the record and is not written yet (a view opening the
    // record reads this instead of the store's older copy; flush() first to include everything).
    std::optional<QJsonObject> unsavedFields(const QString &entity, const QString &id) const;

    // The thread the writes happen in (tests).
    QThread *workerThread() const { return m_thread; }

Q_SIGNALS:
    void busyChanged(bool busy);
    // `fields` as written: a text merged with a change sync brought in differs from what was
    // handed over.
    void saved(const QString &entity, const QString &id, const QJsonObject &fields);
    void saveFailed(const QString &entity, const QString &id, const QString &message);
    // Emitted from the worker thread as it starts a write (tests prove where writes happen).
    void aboutToWrite(const QString &entity, const QString &id);

private:
    struct Key
    {
        QString entity;
        QString id;
        bool operator==(const Key &other) const = default;
    };
    friend size_t qHash(const Key &key, size_t seed = 0)
    {
        return qHashMulti(seed, key.entity, key.id);
    }

    void send();
    void onWritten(quint64 seq, const QString &entity, const QString &id, const QJsonObject &fields,
                   const QString &error);
    void setBusy();

    QPointer<SyncController> m_sync;
    Options m_options;
    QThread *m_thread = nullptr;
    AutoSaveWorker *m_worker = nullptr; // lives in m_thread
    QTimer m_idleTimer;
    QTimer m_maxTimer;
    struct Waiting
    {
        Provider provider;
        // The database the edit was made in: it goes there even if the account changes (a
        // logout) before it is written.
        QString path;
    };
    QHash<Key, Waiting> m_waiting;                  // not yet sent to the worker
    QHash<Key, QPair<quint64, QJsonObject>> m_sent; // sent, last seq per record
    quint64 m_seq = 0;
    int m_inFlight = 0;
    bool m_wasBusy = false;
};

} // namespace Lectern::Client
