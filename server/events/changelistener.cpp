#include "changelistener.h"

#include "changenotifier.h"

#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <lectern/uuidv7.h>

Q_LOGGING_CATEGORY(lcEvents, "lectern.server.events")

namespace Lectern::Server {

ChangeListener::ChangeListener(DatabaseConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_name(QStringLiteral("lectern-listen-") + createUuidV7String())
{
    m_health.setInterval(std::chrono::seconds(10));
    connect(&m_health, &QTimer::timeout, this, &ChangeListener::check);
}

ChangeListener::~ChangeListener()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<void> ChangeListener::start()
{
    auto r = connectAndListen();
    m_health.start();
    return r;
}

bool ChangeListener::isListening() const
{
    const QSqlDatabase db = QSqlDatabase::database(m_name, false);
    return db.isOpen()
        && db.driver()->subscribedToNotifications().contains(
            QString::fromLatin1(ChangeNotifier::channel));
}

Result<void> ChangeListener::connectAndListen()
{
    QSqlDatabase db = QSqlDatabase::contains(m_name)
        ? QSqlDatabase::database(m_name, false)
        : QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
    if (!db.isValid())
        return fail(ErrorCode::Internal,
                    QStringLiteral("The Qt SQL driver for PostgreSQL is not installed."));
    if (db.isOpen())
        db.close();
    db.setHostName(m_config.host);
    db.setPort(m_config.port);
    db.setDatabaseName(m_config.databaseName);
    db.setUserName(m_config.user);
    db.setPassword(m_config.password);
    db.setConnectOptions(m_config.connectOptions);
    if (!db.open())
        return databaseError(db.lastError(), QStringLiteral("opening the change listener"));
    QSqlDriver *driver = db.driver();
    disconnect(driver, nullptr, this, nullptr);
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &name, QSqlDriver::NotificationSource, const QVariant &payload) {
                received(name, payload);
            });
    if (!driver->subscribeToNotification(QString::fromLatin1(ChangeNotifier::channel)))
        return databaseError(driver->lastError(), QStringLiteral("LISTEN"));
    return {};
}

void ChangeListener::check()
{
    QSqlDatabase db = QSqlDatabase::database(m_name, false);
    if (db.isOpen()) {
        QSqlQuery ping(db);
        if (ping.exec(QStringLiteral("SELECT 1"))) {
            // Notifications that arrived during the query wait in libpq's queue, where the
            // driver only looks when the socket has news: make it look now.
            QMetaObject::invokeMethod(db.driver(), "_q_handleNotification", Qt::QueuedConnection);
            return;
        }
    }
    qCWarning(lcEvents) << "the change listener lost its connection; reconnecting";
    if (auto r = connectAndListen(); !r)
        qCWarning(lcEvents).noquote() << "cannot listen for changes:" << r.error().message;
}

void ChangeListener::received(const QString &name, const QVariant &payload)
{
    if (name != QLatin1StringView(ChangeNotifier::channel))
        return;
    QString orgId;
    qint64 seq = 0;
    if (!ChangeNotifier::parsePayload(payload.toString(), &orgId, &seq)) {
        qCWarning(lcEvents) << "ignoring a malformed change notification" << payload;
        return;
    }
    Q_EMIT changed(orgId, seq);
}

} // namespace Lectern::Server
