#pragma once

#include <QTcpServer>

class QTcpSocket;

namespace Lectern::Server {

// Qt 6.4's HTTP server reads a whole request body into memory before a handler sees it. This
// listener looks at each connection's bytes first and answers 413 (or 431 for endless headers)
// as soon as a request announces, or sends, more than the limit, then closes the connection —
// so an oversized body is never buffered.
class BodyLimitGuard : public QTcpServer
{
    Q_OBJECT

public:
    BodyLimitGuard(qint64 maxBodyBytes, QObject *parent = nullptr);

    static bool wasRejected(const QTcpSocket *socket);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void inspect(QTcpSocket *socket);
    void reject(QTcpSocket *socket, int status, const QByteArray &code, const QByteArray &message);

    qint64 m_maxBodyBytes;
};

} // namespace Lectern::Server
