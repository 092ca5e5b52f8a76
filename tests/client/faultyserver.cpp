#include "faultyserver.h"

#include <QTcpSocket>

namespace Lectern::ClientTest {

FaultyServer::FaultyServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultyServer::onNewConnection);
}

bool FaultyServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FaultyServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(m_server.serverPort());
    return url;
}

void FaultyServer::answerRaw(const QByteArray &bytes)
{
    m_answer = bytes;
}

void FaultyServer::answerHttp(int status, const QByteArray &contentType, const QByteArray &body)
{
    m_answer = "HTTP/1.1 " + QByteArray::number(status) + " Status\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
        + body;
}

void FaultyServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            // The requests here have small bodies: the end of the headers is the request.
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            socket->setProperty("buffer", buffer);
            if (!buffer.contains("\r\n\r\n") || socket->property("seen").toBool())
                return;
            socket->setProperty("seen", true);
            ++m_requests;
            if (m_answer.isEmpty())
                return;
            socket->write(m_answer);
            socket->disconnectFromHost();
        });
    }
}

} // namespace Lectern::ClientTest
