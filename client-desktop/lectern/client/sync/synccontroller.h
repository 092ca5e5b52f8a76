#pragma once

#include "localstore.h"
#include "syncstatus.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <lectern/result.h>
#include <memory>

class QThread;

namespace Lectern::Client {

class SyncEngine;

// The UI thread's door to the offline store and the sync engine; AppController owns one.
//
// start() opens the logged-in account's LocalStore (one database per server and user, kept
// across logouts) and runs a SyncEngine in a thread of its own. Views then:
//   - read with store() (a connection of the UI thread: record(), children(), list(),
//     openConflicts(), rejectedOps(), hasPending() to mark unsynced items);
//   - write with create() / update() / remove() (append() for append-only records such as
//     progress events): validated, written with their outbox op in one
//     transaction, and pushed shortly after (resolving a conflict is an update() of the
//     "conflict" record's status and resolution); nothing else writes the store: an edit
//     written off this thread (the lesson autosave) goes through a StoreWriter, which ends in
//     the same notification as these;
//   - refresh on recordsChanged(entities) (local edits, pulled pages, push results);
//   - show status() / statusChanged() (online, queued, progress, last success, error in words,
//     open conflicts, refused ops).
// Every function is for the thread the controller lives in.
class SyncController : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int debounceMs = 50;
        int fallbackIntervalMs = 60000;
        int minBackoffMs = 1000;
        int maxBackoffMs = 60000;
        bool useWebSocket = true;
    };

    explicit SyncController(QObject *parent = nullptr);
    ~SyncController() override;

    void setOptions(const Options &options) { m_options = options; }

    // Opens the account's database under `dataDir` (LocalStore::pathFor) and starts the engine.
    // An empty `accessToken` (offline start) waits for setAccessToken(). Starting for another
    // account stops the current one first.
    Result<void> start(const QUrl &server, const QString &userId, const QString &accessToken,
                       const QString &dataDir = {});
    // Stops the engine (even mid-round: nothing is lost) and closes the database; the outbox
    // stays for the next start of this account.
    void stop();
    bool isRunning() const { return m_engine != nullptr; }
    QUrl serverUrl() const { return m_server; }
    QString userId() const { return m_userId; }

    // The UI thread's connection (null when not running).
    LocalStore *store() const { return m_store.get(); }
    SyncStatus status() const { return m_status; }

    Result<QString> create(const QString &entity, const QJsonObject &fields);
    Result<void> update(const QString &entity, const QString &id, const QJsonObject &changes);
    Result<void> remove(const QString &entity, const QString &id);
    // Adds a record of an append-only entity (progress events: see Progress::event()); its
    // owner field (userId) is this account's user when not given, as the server will set it.
    Result<QString> append(const QString &entity, const QJsonObject &fields);
    Result<void> dismissRejected(const QString &opId);

public Q_SLOTS:
    void syncNow();
    // A fresh access token (after a login or refresh).
    void setAccessToken(const QString &token);
    // The server is reachable again (ConnectionMonitor): retry now.
    void networkAvailable();
    // The session ended (refresh token refused): stop sending; the outbox is kept.
    void signOut();
    // A view asks for the conflict inbox at this conflict (the editor's "Resolve…"): the main
    // window, which owns the inbox, answers conflictRequested().
    void requestConflict(const QString &conflictId) { Q_EMIT conflictRequested(conflictId); }

Q_SIGNALS:
    void statusChanged(const Lectern::Client::SyncStatus &status);
    void recordsChanged(const QStringList &entities);
    // The engine needs a new access token: refresh the session and call setAccessToken().
    void accessTokenNeeded();
    // Someone asked to see this conflict in the inbox (requestConflict()).
    void conflictRequested(const QString &conflictId);

private:
    friend class StoreWriter;

    // Every local edit's one path: the store writes the record and its outbox op (LocalStore's
    // write API), then afterEdit() tells views and the engine. Edits written off this thread
    // come through a StoreWriter, which ends in afterBackgroundEdit().
    template<typename Write> auto edit(const QString &entity, Write write);
    void afterEdit(const QString &entity);
    void afterBackgroundEdit(const QString &entity);
    void onEngineStatus(const SyncStatus &status);

    Options m_options;
    QUrl m_server;
    QString m_userId;
    std::unique_ptr<LocalStore> m_store;
    QThread *m_thread = nullptr;
    SyncEngine *m_engine = nullptr; // lives in m_thread
    SyncStatus m_status;
};

} // namespace Lectern::Client
