#pragma once

#include "storage/database.h"

#include <QObject>
#include <QTimer>

namespace Lectern::Server {

// Hears the changes every server process on the same PostgreSQL database announces
// (ChangeNotifier::announce): a connection of its own, on the thread that creates it, LISTENs on
// the channel and reports each notification as changed(). Reconnects when the connection drops;
// notifications sent meanwhile are lost (clients also pull now and then).
class ChangeListener : public QObject
{
    Q_OBJECT

public:
    explicit ChangeListener(DatabaseConfig config, QObject *parent = nullptr);
    ~ChangeListener() override;

    // Opens the connection and subscribes. Only for PostgreSQL.
    Result<void> start();
    bool isListening() const;

Q_SIGNALS:
    void changed(const QString &orgId, qint64 seq);

private:
    Result<void> connectAndListen();
    void check();
    void received(const QString &name, const QVariant &payload);

    DatabaseConfig m_config;
    QString m_name;
    QTimer m_health;
};

} // namespace Lectern::Server
