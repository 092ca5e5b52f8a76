#pragma once

#include "syncstatus.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <lectern/result.h>
#include <lectern/syncop.h>
#include <memory>
#include <optional>

class QNetworkReply;
class QWebSocket;

namespace Lectern::Client {

class ApiClient;
class LocalStore;

// Moves the outbox to the server and the server's changes into the LocalStore
// (docs/architecture.md, "The sync model"): a round pushes batches until the outbox is empty, then
// pulls pages until the server has no more, saving the cursor with each page, so a round cut off
// anywhere resumes where it stopped.
//
// Rounds start on syncNow(), a WebSocket "changes"/"ready" event newer than the cursor, a local
// edit (localChanged(), debounced), the "online again" hint, and a fallback timer. Failures back
// off exponentially with jitter; an expired access token asks for a new one
// (accessTokenNeeded() -> setAccessToken()). Safe to destroy at any point: what was in flight is
// sent again by the next engine (the server answers an op id with its first outcome).
//
// Owns its own LocalStore connection, network access and WebSocket, so it can live in a thread of
// its own (SyncController does that); every slot must be called in the engine's thread.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        QString databasePath; // the account's LocalStore file
        QUrl serverUrl;
        QString accessToken;
        int debounceMs = 50;            // after a local edit
        int fallbackIntervalMs = 60000; // pull even without a WebSocket event
        int minBackoffMs = 1000;
        int maxBackoffMs = 60000;
        int pullLimit = Sync::defaultPullLimit;
        int pushLimit = Sync::maxOpsPerPush;
        bool useWebSocket = true;
    };

    explicit SyncEngine(Config config, QObject *parent = nullptr);
    ~SyncEngine() override;

    SyncStatus status() const { return m_status; }
    // The engine's own connection (for tests driving the engine on their thread).
    LocalStore *store() const { return m_store.get(); }
    bool isWebSocketReady() const { return m_socketReady; }

public Q_SLOTS:
    // Opens the store, queues again what a previous run left in flight, connects the WebSocket
    // and starts a round.
    void start();
    void syncNow();
    void setAccessToken(const QString &token);
    // Something was written to the outbox by another connection: push soon.
    void localChanged();
    // The connection monitor found the server again: retry now instead of after the back-off.
    void networkAvailable();
    // The session is over: stop talking to the server; the outbox stays for the next login.
    void signOut();

Q_SIGNALS:
    void statusChanged(const Lectern::Client::SyncStatus &status);
    // Records of these entities changed in the store (after a pull page or push results).
    void recordsChanged(const QStringList &entities);
    // The server refused the access token: set a fresh one with setAccessToken().
    void accessTokenNeeded();
    // A round ended: with the server's newest state (true) or with an error (false).
    void roundFinished(bool ok);
    // A pulled page is stored (its cursor saved).
    void pageApplied(qint64 cursor);

private:
    void beginRound();
    void pushNext();
    // A batch of the outbox, marked in flight, with the request body that carries it.
    struct Batch
    {
        QList<Sync::Op> ops;
        QJsonObject body;
    };
    // The batch made ready while the server worked on the last one (m_prepared), or the next
    // one of the outbox; no ops when it is empty.
    Batch takeBatch();
    // Sends one batch and settles its answer.
    void sendBatch(const Batch &batch);
    // Gives the outbox back every op in flight, the prepared batch's too.
    void requeueInFlight();
    void pullNext();
    void finishRound();
    void fail(const Error &error);
    void needToken();
    void scheduleRetry(int minimumMs = 0);
    // Stores what the server answered to a push (m_unsettled). False when the store failed:
    // the round has failed then.
    bool settleAnswer();
    // Once a push has left: settles the answer before it and makes the next batch ready, while
    // `sending` is still the push under way.
    void settleAndPrepare(const QNetworkReply *sending);
    void connectSocket();
    void onSocketMessage(const QString &message);
    void onSocketClosed();
    void noteServerSeq(qint64 seq);
    void setOnline(bool online);
    // A request of the round was answered: online, and the last round's error is over.
    void heardFromServer();
    // Emits statusChanged when anything moved, or when `changed` (a field set before the call).
    void refreshStatus(bool changed = false);
    QString describe(const Error &error) const;

    Config m_config;
    std::unique_ptr<LocalStore> m_store;
    ApiClient *m_api = nullptr;
    QWebSocket *m_socket = nullptr;
    QPointer<QNetworkReply> m_reply;
    // The answer to the last push, settled once the next push has left (settleAnswer()).
    struct Answer
    {
        QList<Sync::OpResult> results;
        qint64 batchEnd = 0;
    };
    std::optional<Answer> m_unsettled;
    // The batch after the one the server is working on, taken from the outbox and made ready
    // meanwhile, so that it leaves the moment that one's answer arrives: a long push then keeps
    // the server busy instead of waiting on this side between batches.
    std::optional<Batch> m_prepared;
    QString m_roundToken;  // the access token the round's requests went out with
    QString m_socketToken; // the one the live channel authenticated with
    QTimer m_debounce;
    QTimer m_fallback;
    QTimer m_retry;
    QTimer m_socketRetry;
    SyncStatus m_status;
    bool m_started = false;
    bool m_running = false;
    bool m_again = false;
    bool m_signedOut = false;
    bool m_tokenRequested = false;
    bool m_socketReady = false;
    int m_failures = 0;
    int m_socketFailures = 0;
    int m_batchLimit = 0;
    qint64 m_serverSeq = 0;   // newest seq the server told us about
    qint64 m_roundCursor = 0; // cursor when the round began
    qint64 m_roundQueued = 0; // ops queued when the round began
    qint64 m_roundPushed = 0; // ops answered in this round
    // Answers of this round that gave their record: the change rows they stand for are among
    // those the server announces, but this device's pull passes over them.
    qint64 m_roundOwnChanges = 0;
    SyncReport m_roundReport; // what the server did with this round's ops
};

} // namespace Lectern::Client
