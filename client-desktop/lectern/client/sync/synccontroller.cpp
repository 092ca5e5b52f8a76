#include "synccontroller.h"

#include "localconnection.h"
#include "syncengine.h"
#include "synclogging.h"

#include <QThread>
#include <lectern/entityspec.h>

namespace Lectern::Client {

SyncController::SyncController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncStatus>();
}

SyncController::~SyncController()
{
    stop();
}

Result<void> SyncController::start(const QUrl &server, const QString &userId,
                                   const QString &accessToken, const QString &dataDir)
{
    stop();
    const QString path = LocalStore::pathFor(server, userId, dataDir);
    auto store = std::make_unique<LocalStore>();
    const Result<void> opened = store->open(path);
    if (!opened) {
        qCWarning(lcSync) << "cannot open" << path << opened.error().message;
        return opened;
    }
    m_store = std::move(store);
    m_server = server;
    m_userId = userId;

    SyncEngine::Config config;
    config.databasePath = path;
    config.serverUrl = server;
    config.accessToken = accessToken;
    config.debounceMs = m_options.debounceMs;
    config.fallbackIntervalMs = m_options.fallbackIntervalMs;
    config.minBackoffMs = m_options.minBackoffMs;
    config.maxBackoffMs = m_options.maxBackoffMs;
    config.useWebSocket = m_options.useWebSocket;

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("lectern-sync"));
    m_engine = new SyncEngine(config);
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_engine, &SyncEngine::start);
    connect(m_engine, &SyncEngine::statusChanged, this, &SyncController::onEngineStatus);
    connect(m_engine, &SyncEngine::recordsChanged, this, &SyncController::recordsChanged);
    connect(m_engine, &SyncEngine::accessTokenNeeded, this, &SyncController::accessTokenNeeded);

    SyncStatus status;
    status.queued = m_store->pendingCount();
    status.openConflicts = m_store->openConflictCount();
    status.rejected = m_store->rejectedCount();
    status.lastSuccess = m_store->lastSuccess();
    status.lastError = m_store->lastError();
    onEngineStatus(status);

    m_thread->start();
    // Views that were open before (a logout and a login of the same account) read again.
    QStringList entities;
    for (const EntitySpec &spec : EntityRegistry::all())
        entities.append(spec.name);
    Q_EMIT recordsChanged(entities);
    return {};
}

void SyncController::stop()
{
    if (m_engine) {
        SyncEngine *engine = std::exchange(m_engine, nullptr);
        // Deleted in its own thread, between two events: whatever is in flight stays marked so
        // in the database and goes out again with the next start.
        QMetaObject::invokeMethod(
            engine, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    if (m_store) {
        m_store.reset();
        onEngineStatus(SyncStatus());
    }
}

template<typename Write> auto SyncController::edit(const QString &entity, Write write)
{
    using Answer = decltype(write(*m_store));
    if (!m_store)
        return Answer(LocalConnection::notOpen());
    Answer result = write(*m_store);
    if (result)
        afterEdit(entity);
    return result;
}

Result<QString> SyncController::create(const QString &entity, const QJsonObject &fields)
{
    return edit(entity, [&](LocalStore &store) { return store.create(entity, fields); });
}

Result<void> SyncController::update(const QString &entity, const QString &id,
                                    const QJsonObject &changes)
{
    return edit(entity, [&](LocalStore &store) { return store.update(entity, id, changes); });
}

Result<void> SyncController::remove(const QString &entity, const QString &id)
{
    return edit(entity, [&](LocalStore &store) { return store.remove(entity, id); });
}

Result<QString> SyncController::append(const QString &entity, const QJsonObject &fields)
{
    QJsonObject values = fields;
    if (const EntitySpec *spec = EntityRegistry::find(entity); spec && !spec->ownerField.isEmpty()
        && !values.contains(spec->ownerField) && !m_userId.isEmpty())
        values.insert(spec->ownerField, m_userId);
    return edit(entity, [&](LocalStore &store) { return store.append(entity, values); });
}

Result<void> SyncController::dismissRejected(const QString &opId)
{
    if (!m_store)
        return LocalConnection::notOpen();
    Result<void> dismissed = m_store->dismissRejected(opId);
    if (dismissed) {
        SyncStatus status = m_status;
        status.rejected = m_store->rejectedCount();
        onEngineStatus(status);
    }
    return dismissed;
}

void SyncController::afterBackgroundEdit(const QString &entity)
{
    if (m_store)
        afterEdit(entity);
}

void SyncController::afterEdit(const QString &entity)
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::localChanged, Qt::QueuedConnection);
    SyncStatus status = m_status;
    status.queued = m_store->pendingCount();
    onEngineStatus(status);
    Q_EMIT recordsChanged({entity});
}

void SyncController::onEngineStatus(const SyncStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(m_status);
}

void SyncController::syncNow()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::syncNow, Qt::QueuedConnection);
}

void SyncController::setAccessToken(const QString &token)
{
    if (m_engine)
        QMetaObject::invokeMethod(
            m_engine, [engine = m_engine, token] { engine->setAccessToken(token); },
            Qt::QueuedConnection);
}

void SyncController::networkAvailable()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::networkAvailable, Qt::QueuedConnection);
}

void SyncController::signOut()
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(m_engine, &SyncEngine::signOut, Qt::QueuedConnection);
    SyncStatus status = m_status;
    status.signedOut = true;
    status.syncing = false;
    onEngineStatus(status);
}

} // namespace Lectern::Client
