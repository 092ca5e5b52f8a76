#include "syncengine.h"

#include "../apiclient.h"
#include "localstore.h"
#include "synclogging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

namespace {

const QString pushPath = QStringLiteral("/api/v1/sync/push");
const QString pullPath = QStringLiteral("/api/v1/sync/pull");
const QString socketPath = QStringLiteral("/api/v1/ws");
constexpr int closeUnauthorized = 4401;

bool isTokenProblem(const Error &error)
{
    return error.code == QLatin1StringView(ErrorCode::TokenExpired)
        || error.code == QLatin1StringView(ErrorCode::InvalidToken)
        || error.code == QLatin1StringView(ErrorCode::Unauthorized)
        || error.details.value(u"httpStatus").toInt() == 401;
}

} // namespace

SyncEngine::SyncEngine(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_store(std::make_unique<LocalStore>())
    , m_api(new ApiClient(this))
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    m_api->setBaseUrl(m_config.serverUrl);
    m_api->setAccessToken(m_config.accessToken);
    m_batchLimit = m_config.pushLimit;

    // The timers are members, not children by default: make them children so moveToThread()
    // takes them along (a timer can only be started from the thread it lives in).
    for (QTimer *timer : {&m_debounce, &m_fallback, &m_retry, &m_socketRetry})
        timer->setParent(this);
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(m_config.debounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_fallback.setInterval(m_config.fallbackIntervalMs);
    connect(&m_fallback, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_socketRetry.setSingleShot(true);
    connect(&m_socketRetry, &QTimer::timeout, this, &SyncEngine::connectSocket);

    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_socketToken = m_config.accessToken;
        m_socket->sendTextMessage(
            QString::fromUtf8(Json::toBytes({{QStringLiteral("type"), QStringLiteral("auth")},
                                             {QStringLiteral("token"), m_socketToken}})));
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SyncEngine::onSocketMessage);
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState)
            onSocketClosed();
    });
}

SyncEngine::~SyncEngine()
{
    // Whatever is in flight stays marked so in the store; the next engine queues it again.
    m_started = false;
    ApiClient::cancel(m_reply);
    m_socket->disconnect(this);
    m_socket->abort();
}

void SyncEngine::start()
{
    if (m_started)
        return;
    const Result<void> opened = m_store->open(m_config.databasePath);
    if (!opened) {
        qCWarning(lcSync) << "cannot open the offline store:" << opened.error().message;
        m_status.lastError = opened.error().message;
        Q_EMIT statusChanged(m_status);
        return;
    }
    requeueInFlight();
    m_started = true;
    qCInfo(lcSync) << "sync engine for" << m_config.serverUrl.toDisplayString() << "device"
                   << m_store->deviceId();
    m_status.lastError = m_store->lastError();
    refreshStatus();
    m_fallback.start();
    connectSocket();
    syncNow();
}

void SyncEngine::setAccessToken(const QString &token)
{
    const bool changed = token != m_config.accessToken;
    m_config.accessToken = token;
    m_api->setAccessToken(token);
    if (token.isEmpty())
        return;
    m_tokenRequested = false;
    if (m_signedOut) {
        // Logged in again as the same person: carry on with the outbox kept meanwhile.
        m_signedOut = false;
        m_status.signedOut = false;
        m_fallback.start();
    }
    if (!m_started)
        return;
    // An open channel stays open (the server checks the token once); one that is still
    // connecting may have been refused the old token.
    if (m_socket->state() == QAbstractSocket::UnconnectedState || (changed && !m_socketReady)) {
        m_socketFailures = 0;
        m_socket->abort();
        connectSocket();
    }
    m_failures = 0;
    m_retry.stop();
    syncNow();
}

void SyncEngine::localChanged()
{
    if (!m_started)
        return;
    refreshStatus();
    m_debounce.start();
}

void SyncEngine::networkAvailable()
{
    if (!m_started || m_signedOut)
        return;
    m_failures = 0;
    m_retry.stop();
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        m_socketFailures = 0;
        m_socketRetry.stop();
        connectSocket();
    }
    syncNow();
}

void SyncEngine::signOut()
{
    qCInfo(lcSync) << "signed out; the outbox is kept for the next login";
    // What the server answered already is kept, not sent again.
    if (m_started)
        (void)settleAnswer();
    m_signedOut = true;
    m_config.accessToken.clear();
    m_api->setAccessToken({});
    ApiClient::cancel(m_reply);
    m_reply = nullptr;
    if (m_started)
        requeueInFlight();
    m_running = false;
    m_debounce.stop();
    m_retry.stop();
    m_fallback.stop();
    m_socketRetry.stop();
    m_socket->abort();
    m_status.signedOut = true;
    m_status.syncing = false;
    refreshStatus();
}

void SyncEngine::syncNow()
{
    if (!m_started || m_signedOut)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    if (m_config.accessToken.isEmpty()) {
        needToken();
        return;
    }
    beginRound();
}

void SyncEngine::beginRound()
{
    m_debounce.stop();
    m_retry.stop();
    m_running = true;
    m_again = false;
    m_roundToken = m_config.accessToken;
    m_roundCursor = m_store->cursor();
    m_roundQueued = m_store->pendingCount();
    m_roundPushed = 0;
    m_roundOwnChanges = 0;
    m_roundReport = {};
    m_status.syncing = true;
    refreshStatus();
    pushNext();
}

void SyncEngine::pushNext()
{
    const Batch batch = takeBatch();
    if (batch.ops.isEmpty()) {
        pullNext();
        return;
    }
    sendBatch(batch);
}

SyncEngine::Batch SyncEngine::takeBatch()
{
    if (m_prepared)
        return *std::exchange(m_prepared, std::nullopt);
    Batch batch;
    batch.ops = m_store->takeBatch(m_batchLimit);
    if (batch.ops.isEmpty())
        return batch;
    QJsonArray ops;
    for (const Sync::Op &op : std::as_const(batch.ops))
        ops.append(op.toJson());
    batch.body = {{QStringLiteral("deviceId"), m_store->deviceId()}, {QStringLiteral("ops"), ops}};
    return batch;
}

void SyncEngine::requeueInFlight()
{
    m_prepared.reset();
    (void)m_store->requeueInFlight();
}

void SyncEngine::sendBatch(const Batch &batch)
{
    qCDebug(lcSync) << "pushing" << batch.ops.size() << "ops";
    const qsizetype sent = batch.ops.size();
    const qint64 batchEnd = batch.ops.last().deviceSeq;
    m_reply = m_api->post(
        pushPath, batch.body, this, [this, sent, batchEnd](const Result<QJsonValue> &reply) {
            m_reply = nullptr;
            // The answer before this one first: settling follows the order of the pushes.
            if (!settleAnswer())
                return;
            if (!reply) {
                requeueInFlight();
                if (reply.error().code == QLatin1StringView(ErrorCode::PayloadTooLarge)
                    && m_batchLimit > 1) {
                    // Smaller batches, at once: the server's limit is lower than ours.
                    m_batchLimit = qMax(1, int(sent / 2));
                    pushNext();
                    return;
                }
                fail(reply.error());
                return;
            }
            heardFromServer();
            Answer answer;
            answer.batchEnd = batchEnd;
            const QJsonArray items = reply->toObject().value(u"results").toArray();
            for (const QJsonValue &item : items) {
                if (std::optional<Sync::OpResult> result
                    = Sync::OpResult::fromJson(item.toObject()))
                    answer.results.append(*result);
            }
            if (answer.results.isEmpty()) {
                // Nothing settled: pushing the same batch again would never end.
                requeueInFlight();
                fail(Error(QString::fromLatin1(ClientErrorCode::InvalidResponse),
                           tr("The server did not answer for the changes sent.")));
                return;
            }
            m_unsettled = std::move(answer);
            const Batch next = takeBatch();
            if (next.ops.isEmpty()) {
                // The last batch: settle, then send what is left unanswered again, or pull.
                if (settleAnswer())
                    pushNext();
                return;
            }
            // The server starts on the next batch while this answer is settled here: the two
            // overlap instead of taking turns (one request is still on its way at a time). Qt
            // hands a request's body to its network thread piece by piece through this thread,
            // so the settling waits until the body is out; otherwise the server would wait for
            // the rest of it as long as the settling takes. The batch after it is made ready
            // then too.
            sendBatch(next);
            if (QNetworkReply *sending = m_reply) {
                connect(sending, &QNetworkReply::uploadProgress, this,
                        [this, sending](qint64 done, qint64 total) {
                            if (total > 0 && done >= total)
                                QMetaObject::invokeMethod(
                                    this, [this, sending] { settleAndPrepare(sending); },
                                    Qt::QueuedConnection);
                        });
            }
        });
}

void SyncEngine::settleAndPrepare(const QNetworkReply *sending)
{
    if (!settleAnswer() || m_reply != sending || m_prepared)
        return;
    if (Batch next = takeBatch(); !next.ops.isEmpty())
        m_prepared = std::move(next);
}

bool SyncEngine::settleAnswer()
{
    if (!m_unsettled)
        return true;
    const Answer answer = *std::exchange(m_unsettled, std::nullopt);
    QStringList entities;
    const Result<void> applied
        = m_store->applyPushResults(answer.results, &entities, answer.batchEnd);
    if (!applied) {
        ApiClient::cancel(m_reply);
        m_reply = nullptr;
        requeueInFlight();
        fail(applied.error());
        return false;
    }
    m_roundPushed += answer.results.size();
    for (const Sync::OpResult &result : answer.results) {
        if (result.state)
            ++m_roundOwnChanges;
        ++m_roundReport.sent;
        if (result.outcome == Sync::Outcome::Merged)
            ++m_roundReport.merged;
        else if (result.outcome == Sync::Outcome::Conflict)
            ++m_roundReport.conflicts;
        else if (result.outcome == Sync::Outcome::Rejected)
            ++m_roundReport.refused;
    }
    if (!entities.isEmpty())
        Q_EMIT recordsChanged(entities);
    refreshStatus();
    return true;
}

void SyncEngine::pullNext()
{
    const qint64 cursor = m_store->cursor();
    // With the device's id, the pull leaves out what this device's pushes wrote: their answers
    // gave it those records already.
    const QString path = pullPath
        + QStringLiteral("?cursor=%1&limit=%2&deviceId=%3")
              .arg(cursor)
              .arg(m_config.pullLimit)
              .arg(m_store->deviceId());
    m_reply = m_api->get(path, this, [this, cursor](const Result<QJsonValue> &reply) {
        m_reply = nullptr;
        if (!reply) {
            fail(reply.error());
            return;
        }
        heardFromServer();
        const std::optional<Sync::PullPage> page = Sync::PullPage::fromJson(reply->toObject());
        if (!page || (page->hasMore && page->cursor <= cursor)) {
            fail(Error(QString::fromLatin1(ClientErrorCode::InvalidResponse),
                       tr("The server sent changes Lectern does not understand.")));
            return;
        }
        QStringList entities;
        const Result<void> applied = m_store->applyPulled(*page, &entities);
        if (!applied) {
            fail(applied.error());
            return;
        }
        noteServerSeq(page->cursor);
        Q_EMIT pageApplied(page->cursor);
        if (!entities.isEmpty())
            Q_EMIT recordsChanged(entities);
        if (!m_running)
            return; // signed out, or the engine is going away, meanwhile
        refreshStatus();
        if (page->hasMore)
            pullNext();
        else
            finishRound();
    });
}

void SyncEngine::finishRound()
{
    m_running = false;
    m_failures = 0;
    m_batchLimit = m_config.pushLimit;
    m_status.syncing = false;
    m_status.lastError.clear();
    if (m_roundReport.sent > 0)
        m_status.lastSent = m_roundReport;
    (void)m_store->setLastSuccess(QDateTime::currentDateTimeUtc());
    refreshStatus();
    qCDebug(lcSync) << "round done; cursor" << m_store->cursor() << "queued" << m_status.queued;
    Q_EMIT roundFinished(true);
    // The server answers: if the live channel is down (its back-off may have grown long while
    // the server was away), bring it back now rather than at the next retry.
    if (m_socket->state() == QAbstractSocket::UnconnectedState) {
        m_socketRetry.stop();
        m_socketFailures = 0;
        connectSocket();
    }
    // Edits made or events received during the round.
    if (m_again || (m_status.queued > 0 && m_store->inFlightCount() == 0))
        m_debounce.start();
}

void SyncEngine::fail(const Error &error)
{
    qCDebug(lcSync) << "round failed:" << error.code << error.message;
    m_running = false;
    m_status.syncing = false;
    if (error.code == QLatin1StringView(ClientErrorCode::NetworkUnreachable))
        setOnline(false);
    else if (error.details.contains(u"httpStatus"))
        setOnline(true);
    if (isTokenProblem(error)) {
        if (m_roundToken != m_config.accessToken && !m_config.accessToken.isEmpty()) {
            // Refused the token that was replaced meanwhile: try the new one.
            refreshStatus();
            m_debounce.start();
            Q_EMIT roundFinished(false);
            return;
        }
        qCInfo(lcSync) << "the server refused the access token:" << error.code;
        needToken();
        refreshStatus();
        Q_EMIT roundFinished(false);
        return;
    }
    qCInfo(lcSync) << "sync failed:" << error.code << error.message;
    m_status.lastError = describe(error);
    (void)m_store->setLastError(m_status.lastError);
    refreshStatus();
    const int retryAfterMs = error.details.value(u"retryAfter").toInt() * 1000;
    scheduleRetry(retryAfterMs);
    Q_EMIT roundFinished(false);
}

void SyncEngine::needToken()
{
    m_status.lastError = tr("Waiting for the session to be renewed.");
    refreshStatus();
    if (m_tokenRequested)
        return;
    m_tokenRequested = true;
    m_config.accessToken.clear();
    m_api->setAccessToken({});
    Q_EMIT accessTokenNeeded();
}

void SyncEngine::scheduleRetry(int minimumMs)
{
    ++m_failures;
    const qint64 exponential = qint64(m_config.minBackoffMs) << qMin(m_failures - 1, 16);
    const int delay = int(qMin<qint64>(m_config.maxBackoffMs, exponential));
    // Jitter: many clients coming back at once do not all knock at the same moment.
    const int jittered
        = delay / 2 + int(QRandomGenerator::global()->bounded(quint32(delay / 2 + 1)));
    const int wait = qMax(jittered, minimumMs);
    qCDebug(lcSync) << "next try in" << wait << "ms";
    m_retry.start(wait);
}

void SyncEngine::connectSocket()
{
    if (!m_config.useWebSocket || !m_started || m_signedOut || m_config.accessToken.isEmpty())
        return;
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        return;
    QUrl url = m_api->urlFor(socketPath);
    url.setScheme(url.scheme() == u"https" ? QStringLiteral("wss") : QStringLiteral("ws"));
    m_socketReady = false;
    m_socket->open(QNetworkRequest(url));
}

void SyncEngine::onSocketMessage(const QString &message)
{
    const QJsonObject json = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = json.value(u"type").toString();
    if (type != u"ready" && type != u"changes")
        return;
    if (type == u"ready") {
        m_socketReady = true;
        m_socketFailures = 0;
        setOnline(true);
    }
    const qint64 seq = json.value(u"seq").toInteger();
    noteServerSeq(seq);
    // Pull when the server has something newer; on (re)connecting also push what waits.
    if (seq > m_store->cursor() || (type == u"ready" && m_store->pendingCount() > 0))
        syncNow();
}

void SyncEngine::onSocketClosed()
{
    const bool wasReady = m_socketReady;
    m_socketReady = false;
    if (!m_started || m_signedOut)
        return;
    if (m_socket->closeCode() == closeUnauthorized && m_socketToken == m_config.accessToken) {
        qCInfo(lcSync) << "live channel refused the access token";
        needToken();
        return;
    }
    if (m_config.accessToken.isEmpty())
        return;
    // Reconnect with its own back-off; a channel that worked is tried again at once. A channel
    // that worked and closed may mean the server went away: a round finds out (and says so in
    // the status) instead of showing "online" until the next edit.
    if (wasReady) {
        m_socketFailures = 0;
        m_debounce.start();
    }
    ++m_socketFailures;
    const int delay = int(qMin<qint64>(
        m_config.maxBackoffMs, qint64(m_config.minBackoffMs) << qMin(m_socketFailures - 1, 16)));
    m_socketRetry.start(delay / 2
                        + int(QRandomGenerator::global()->bounded(quint32(delay / 2 + 1))));
}

void SyncEngine::noteServerSeq(qint64 seq)
{
    m_serverSeq = qMax(m_serverSeq, seq);
}

void SyncEngine::heardFromServer()
{
    setOnline(true);
    // What went wrong before ("cannot reach the server") is over: saying it while the changes
    // go out would contradict the "Online" beside it.
    if (m_status.lastError.isEmpty())
        return;
    m_status.lastError.clear();
    (void)m_store->setLastError({});
    refreshStatus(true);
}

void SyncEngine::setOnline(bool online)
{
    if (m_status.online == online)
        return;
    qCDebug(lcSync) << (online ? "online" : "offline");
    m_status.online = online;
    refreshStatus(true); // m_status already holds the change: say it even if nothing else moved
}

void SyncEngine::refreshStatus(bool changed)
{
    SyncStatus next = m_status;
    if (m_store->isOpen()) {
        next.queued = m_store->pendingCount();
        next.openConflicts = m_store->openConflictCount();
        next.rejected = m_store->rejectedCount();
        next.lastSuccess = m_store->lastSuccess();
    }
    next.syncing = m_running;
    if (m_running) {
        // Progress through the change sequence, less the rows of this round's own pushes,
        // which its pull passes over (it holds those records from the answers).
        const qint64 pulled
            = qMax<qint64>(0, m_store->cursor() - m_roundCursor - m_roundOwnChanges);
        next.done = m_roundPushed + pulled;
        const qint64 toPull = qMax<qint64>(0, m_serverSeq - m_roundCursor - m_roundOwnChanges);
        next.total = qMax(next.done, m_roundQueued + toPull);
    } else {
        next.done = 0;
        next.total = 0;
    }
    if (next == m_status && !changed)
        return;
    m_status = next;
    Q_EMIT statusChanged(m_status);
}

QString SyncEngine::describe(const Error &error) const
{
    const int status = error.details.value(u"httpStatus").toInt();
    if (error.code == QLatin1StringView(ClientErrorCode::NetworkUnreachable))
        return tr("Cannot reach the server. Your changes are kept on this computer and will be "
                  "sent when it is back.");
    if (error.code == QLatin1StringView(ErrorCode::TooManyRequests))
        return tr("The server is busy. Lectern will try again shortly.");
    if (status >= 500 || error.code == QLatin1StringView(ErrorCode::Unavailable))
        return tr("The server has a problem (HTTP %1). Lectern will try again shortly.")
            .arg(status);
    if (error.code == QLatin1StringView(ClientErrorCode::InvalidResponse))
        return error.message.isEmpty()
            ? tr("The server sent an answer Lectern does not understand.")
            : error.message;
    if (!error.message.isEmpty())
        return tr("Sync failed: %1").arg(error.message);
    return tr("Sync failed (%1).").arg(error.code);
}

} // namespace Lectern::Client
