#include "autosaver.h"

#include <QCoreApplication>
#include <QSemaphore>
#include <QThread>
#include <lectern/client/sync/localstore.h>
#include <lectern/client/sync/storewriter.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/merge.h>
#include <memory>

namespace Lectern::Client {

// Lives in the saver's thread; writes through the sync layer's door for edits made off the UI
// thread (StoreWriter), which then tells the controller.
class AutoSaveWorker : public QObject
{
    Q_OBJECT

public:
    AutoSaveWorker(AutoSaver *saver, SyncController *sync)
        : m_saver(saver)
        , m_writer(new StoreWriter(sync, this))
    { }

    void write(quint64 seq, const QString &path, const QString &entity, const QString &id,
               const AutoSaver::Edit &edit)
    {
        Q_EMIT m_saver->aboutToWrite(entity, id);
        m_writer->update(
            path, entity, id, edit.fields, edit.bases, [&](const Result<QJsonObject> &written) {
                if (written)
                    Q_EMIT this->written(seq, entity, id, written.value(), {});
                else
                    Q_EMIT this->written(seq, entity, id, edit.fields, written.error().message);
            });
    }

    void close() { m_writer->close(); }

Q_SIGNALS:
    void written(quint64 seq, const QString &entity, const QString &id, const QJsonObject &fields,
                 const QString &error);

private:
    AutoSaver *m_saver;
    StoreWriter *m_writer; // a child: it goes to the saver's thread with this object
};

AutoSaver::AutoSaver(SyncController *sync, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("lectern-autosave"));
    m_worker = new AutoSaveWorker(this, sync);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &AutoSaveWorker::written, this, &AutoSaver::onWritten, Qt::QueuedConnection);
    m_thread->start();

    m_idleTimer.setSingleShot(true);
    m_maxTimer.setSingleShot(true);
    connect(&m_idleTimer, &QTimer::timeout, this, &AutoSaver::send);
    connect(&m_maxTimer, &QTimer::timeout, this, &AutoSaver::send);
}

AutoSaver::~AutoSaver()
{
    waitForSaved();
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->close();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void AutoSaver::edited(const QString &entity, const QString &id, Provider provider)
{
    const QString path = m_sync && m_sync->store() ? m_sync->store()->path() : QString();
    Waiting &waiting = m_waiting[Key {entity, id}];
    waiting.provider = std::move(provider);
    if (waiting.path.isEmpty())
        waiting.path = path;
    m_idleTimer.start(m_options.idleMs);
    // Typing without a pause still saves every few seconds.
    if (!m_maxTimer.isActive())
        m_maxTimer.start(m_options.maxIntervalMs);
    setBusy();
}

void AutoSaver::edited(const QString &entity, const QString &id, const QJsonObject &fields)
{
    // Fields handed over earlier and not sent yet are kept.
    Provider earlier = m_waiting.value(Key {entity, id}).provider;
    edited(entity, id, [earlier, fields] {
        Edit edit = earlier ? earlier() : Edit();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            edit.fields.insert(it.key(), it.value());
        return edit;
    });
}

void AutoSaver::flush()
{
    send();
}

void AutoSaver::send()
{
    m_idleTimer.stop();
    m_maxTimer.stop();
    if (m_waiting.isEmpty())
        return;
    const QHash<Key, Waiting> waiting = std::exchange(m_waiting, {});
    for (auto it = waiting.begin(); it != waiting.end(); ++it) {
        const Edit edit = it->provider();
        if (edit.fields.isEmpty())
            continue;
        const quint64 seq = ++m_seq;
        auto &sent = m_sent[it.key()];
        sent.first = seq;
        for (auto field = edit.fields.begin(); field != edit.fields.end(); ++field)
            sent.second.insert(field.key(), field.value());
        const QString path = it->path;
        ++m_inFlight;
        QMetaObject::invokeMethod(
            m_worker,
            [worker = m_worker, seq, path, key = it.key(), edit] {
                worker->write(seq, path, key.entity, key.id, edit);
            },
            Qt::QueuedConnection);
    }
    setBusy();
}

bool AutoSaver::waitForSaved(int timeoutMs)
{
    send();
    if (m_inFlight == 0)
        return true;
    // The worker takes its calls in order: once this one ran, every write before it is done.
    auto done = std::make_shared<QSemaphore>();
    QMetaObject::invokeMethod(
        m_worker, [done] { done->release(); }, Qt::QueuedConnection);
    const bool finished = done->tryAcquire(1, timeoutMs);
    // Take the worker's answers now rather than at the next turn of the event loop, and let the
    // controller hear of the writes (StoreWriter::edited) as it would have then.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_sync)
        QCoreApplication::sendPostedEvents(m_sync, QEvent::MetaCall);
    return finished && m_inFlight == 0;
}

std::optional<QJsonObject> AutoSaver::unsavedFields(const QString &entity, const QString &id) const
{
    if (const auto sent = m_sent.constFind(Key {entity, id}); sent != m_sent.constEnd())
        return sent->second;
    return std::nullopt;
}

void AutoSaver::onWritten(quint64 seq, const QString &entity, const QString &id,
                          const QJsonObject &fields, const QString &error)
{
    --m_inFlight;
    const Key key {entity, id};
    if (auto sent = m_sent.find(key); sent != m_sent.end() && sent->first == seq)
        m_sent.erase(sent);
    if (error.isEmpty()) {
        // The controller hears of it after this (StoreWriter), so those who edit the record
        // learn what it holds before views refresh and the engine pushes.
        Q_EMIT saved(entity, id, fields);
    } else {
        Q_EMIT saveFailed(entity, id, error);
    }
    setBusy();
}

void AutoSaver::setBusy()
{
    const bool busy = isBusy();
    if (busy == m_wasBusy)
        return;
    m_wasBusy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Lectern::Client

#include "autosaver.moc"
