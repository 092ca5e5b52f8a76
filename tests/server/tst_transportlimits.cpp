// The HTTP transport of the real lectern-server binary under the attacks of issue 17: slow and
// chunked senders meet the size limits on the bytes they send (413, 414, 431) while the server's
// memory stays put; stalled and idle connections are closed; one address cannot hold more than
// its share of connections; and with the open-file limit full of idle sockets, a health check is
// still answered.
#include "httpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/resource.h>

using namespace Lectern::Test;
using namespace Qt::StringLiterals;

namespace {
const QHostAddress localhost(QHostAddress::LocalHost);

// A lectern-server process with its own data folder, settings from LECTERN_* variables, and
// optionally its own open-file limit.
class ServerProcess
{
public:
    explicit ServerProcess(const QHash<QString, QString> &settings, rlim_t softFiles = 0,
                           rlim_t hardFiles = 0)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : env.keys()) {
            if (name.startsWith(u"LECTERN_"))
                env.remove(name);
        }
        for (auto it = settings.cbegin(); it != settings.cend(); ++it)
            env.insert(u"LECTERN_"_s + it.key(), it.value());
        // Request lines are not what these tests read; the warnings are.
        env.insert(u"QT_LOGGING_RULES"_s, u"lectern.server.http.info=false"_s);
        m_process.setProcessEnvironment(env);
        m_process.setStandardOutputFile(m_dir.filePath(u"out.log"_s));
        m_process.setStandardErrorFile(m_dir.filePath(u"err.log"_s));
        if (softFiles > 0) {
            m_process.setChildProcessModifier([softFiles, hardFiles] {
                const rlimit limit {softFiles, hardFiles};
                ::setrlimit(RLIMIT_NOFILE, &limit);
            });
        }
        QTcpServer probe;
        probe.listen(localhost, 0);
        m_port = probe.serverPort();
    }
    ~ServerProcess()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool start()
    {
        m_process.start(QStringLiteral(LECTERN_SERVER_BINARY),
                        {u"serve"_s, u"--data-dir"_s, m_dir.filePath(u"data"_s), u"--listen"_s,
                         u"127.0.0.1:"_s + QString::number(m_port)});
        if (!m_process.waitForStarted(10000))
            return false;
        HttpClient client(url());
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000 && m_process.state() == QProcess::Running) {
            if (client.get(u"/healthz"_s).status == 200)
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(u"http://127.0.0.1:"_s + QString::number(m_port)); }
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QString log() const
    {
        QFile file(m_dir.filePath(u"err.log"_s));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    // A line of /proc/PID/status or /proc/PID/limits.
    QString proc(const QString &file, const QString &prefix) const
    {
        QFile status(u"/proc/%1/%2"_s.arg(m_process.processId()).arg(file));
        if (!status.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &line : status.readAll().split('\n')) {
            if (line.startsWith(prefix.toLatin1()))
                return QString::fromLatin1(line);
        }
        return {};
    }
    qint64 residentKiB() const
    {
        return proc(u"status"_s, u"VmRSS:"_s).split(u' ', Qt::SkipEmptyParts).value(1).toLongLong();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

#define START(server)                                                                              \
    do {                                                                                           \
        if (!(server).start())                                                                     \
            QFAIL(qPrintable(u"the server did not start: "_s + (server).log()));                   \
    } while (false)

// A connection from `from` (any loopback address: the per-address cap counts each apart).
std::unique_ptr<QTcpSocket> connectTo(quint16 port, const QHostAddress &from = localhost)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (from != localhost)
        socket->bind(from, 0);
    socket->connectToHost(localhost, port);
    socket->waitForConnected(5000);
    return socket;
}

// Reads until a whole answer (by Content-Length), the connection closes, or `timeoutMs` passes.
QByteArray readAnswer(QTcpSocket &socket, int timeoutMs = 5000)
{
    QByteArray answer;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        answer += socket.readAll();
        const qsizetype headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd >= 0) {
            static const QRegularExpression length(u"Content-Length: (\\d+)"_s);
            const auto match = length.match(QString::fromLatin1(answer.left(headEnd)));
            if (match.hasMatch() && answer.size() >= headEnd + 4 + match.captured(1).toInt())
                break;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        socket.waitForReadyRead(50);
    }
    return answer;
}

// Whether the server closes the connection within `timeoutMs`; what it sent meanwhile goes to
// `answer`.
bool closedWithin(QTcpSocket &socket, int timeoutMs, QByteArray *answer = nullptr)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(50);
        const QByteArray bytes = socket.readAll();
        if (answer)
            *answer += bytes;
        if (socket.state() == QAbstractSocket::UnconnectedState)
            return true;
    }
    return false;
}

struct Trickle
{
    QByteArray answer;
    qint64 sent = 0;          // bytes the server took in all
    qint64 sentAtAnswer = -1; // bytes sent when its answer came
};

// Sends `head`, then `piece` again and again up to `total` bytes, a little at a time, and
// stops when the server closes the connection.
Trickle trickle(quint16 port, const QByteArray &head, const QByteArray &piece, qint64 total)
{
    Trickle result;
    auto socket = connectTo(port);
    socket->write(head);
    socket->waitForBytesWritten(5000);
    result.sent = head.size();
    while (result.sent < total && socket->state() == QAbstractSocket::ConnectedState) {
        if (socket->write(piece) < 0)
            break;
        if (!socket->waitForBytesWritten(5000))
            break;
        result.sent += piece.size();
        socket->waitForReadyRead(1); // the pace: a read of a few kilobytes at a time
        result.answer += socket->readAll();
        if (result.sentAtAnswer < 0 && result.answer.contains("\r\n\r\n"))
            result.sentAtAnswer = result.sent;
    }
    result.answer += readAnswer(*socket, 3000);
    if (result.sentAtAnswer < 0 && !result.answer.isEmpty())
        result.sentAtAnswer = result.sent;
    return result;
}

QByteArray chunk(const QByteArray &data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

constexpr qint64 MiB = 1024 * 1024;
} // namespace

class TestTransportLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(QStringLiteral(LECTERN_SERVER_BINARY)), LECTERN_SERVER_BINARY);
        // The flood test holds thousands of sockets on this side.
        rlimit limit {};
        ::getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }

    void slowChunkedBodyIsRefusedEarlyAndNotKept()
    {
        ServerProcess server({});
        START(server);
        const qint64 before = server.residentKiB();
        // A 16 MiB chunked body, 8 KiB a read: what once went past the 1 MiB limit.
        const QByteArray head
            = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
              "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        const Trickle sent
            = trickle(server.port(), head, chunk(QByteArray(8 * 1024, 'a')), 16 * MiB);
        const qint64 after = server.residentKiB();
        qInfo("resident %lld KiB before, %lld KiB after; 413 after %lld bytes, %lld sent in all",
              before, after, sent.sentAtAnswer, sent.sent);
        QVERIFY2(sent.answer.startsWith("HTTP/1.1 413"), sent.answer.left(300).constData());
        QVERIFY(sent.answer.contains("payload_too_large"));
        QVERIFY(sent.answer.contains("Connection: close"));
        QVERIFY2(sent.sentAtAnswer < 2 * MiB, qPrintable(QString::number(sent.sentAtAnswer)));
        QVERIFY2(after - before < 6 * 1024,
                 qPrintable(
                     u"resident %1 KiB -> %2 KiB after %3 bytes sent"_s.arg(before).arg(after).arg(
                         sent.sent)));
        HttpClient client(server.url());
        QCOMPARE(client.get(u"/healthz"_s).status, 200);
    }

    void announcedBodyTrickledHeadIsRefusedAtTheHead()
    {
        ServerProcess server({});
        START(server);
        auto socket = connectTo(server.port());
        const QByteArray head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\n"
                                "Content-Type: application/json\r\nContent-Length: 4194304\r\n\r\n";
        for (char c : head) { // one byte a read
            socket->write(&c, 1);
            socket->waitForBytesWritten(1000);
            socket->waitForReadyRead(1);
        }
        const QByteArray answer = readAnswer(*socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(300).constData());
    }

    void slowRequestLineIs414()
    {
        ServerProcess server({});
        START(server);
        const Trickle sent = trickle(server.port(), "GET /", QByteArray(4 * 1024, 'a'), 4 * MiB);
        QVERIFY2(sent.answer.startsWith("HTTP/1.1 414"), sent.answer.left(300).constData());
        QVERIFY(sent.answer.contains("uri_too_long"));
        QVERIFY2(sent.sentAtAnswer < 512 * 1024, qPrintable(QString::number(sent.sentAtAnswer)));
    }

    void slowHeadersAre431()
    {
        ServerProcess server({});
        START(server);
        const Trickle sent = trickle(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n",
                                     "X-Junk: " + QByteArray(1000, 'j') + "\r\n", 4 * MiB);
        QVERIFY2(sent.answer.startsWith("HTTP/1.1 431"), sent.answer.left(300).constData());
        QVERIFY(sent.answer.contains("headers_too_large"));
        QVERIFY2(sent.sentAtAnswer < 512 * 1024, qPrintable(QString::number(sent.sentAtAnswer)));
    }

    void chunkedBodyWithinTheLimitIsServed()
    {
        ServerProcess server({});
        START(server);
        auto socket = connectTo(server.port());
        const QByteArray body = R"({"email":"nobody@example.org","password":"wrong password"})";
        socket->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                      "application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                      + chunk(body.left(10)) + chunk(body.mid(10)) + "0\r\n\r\n");
        QByteArray answer = readAnswer(*socket, 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 401"), answer.left(300).constData());
        QVERIFY(answer.contains("invalid_credentials"));
        // The connection goes on after a chunked body.
        socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        answer = readAnswer(*socket);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.left(300).constData());
    }

    void silentConnectionIsClosedQuietly()
    {
        ServerProcess server({{u"HEADER_TIMEOUT"_s, u"1"_s}});
        START(server);
        auto socket = connectTo(server.port());
        QByteArray answer;
        QVERIFY(closedWithin(*socket, 10000, &answer));
        QVERIFY2(answer.isEmpty(), answer.constData());
    }

    void halfAHeadIsClosedWith408()
    {
        ServerProcess server({{u"HEADER_TIMEOUT"_s, u"1"_s}});
        START(server);
        auto socket = connectTo(server.port());
        socket->write("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        QByteArray answer;
        QVERIFY(closedWithin(*socket, 10000, &answer));
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
        QVERIFY(answer.contains("request_timeout"));
    }

    void tricklingBodyIsCutAtTheRateFloor()
    {
        ServerProcess server({{u"BODY_TIMEOUT"_s, u"1"_s}, {u"BODY_MIN_RATE"_s, u"1k"_s}});
        START(server);
        auto socket = connectTo(server.port());
        socket->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: "
                      "application/json\r\nContent-Length: 100000\r\n\r\n{");
        // 200 bytes a second, never silent for long: under the 1 KiB/s floor all the same.
        QByteArray answer;
        QElapsedTimer timer;
        timer.start();
        while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < 20000) {
            socket->write(QByteArray(100, ' '));
            if (closedWithin(*socket, 500, &answer))
                break;
        }
        QVERIFY2(socket->state() != QAbstractSocket::ConnectedState, "still open after 20 s");
        QVERIFY2(answer.startsWith("HTTP/1.1 408"), answer.constData());
    }

    void idleConnectionIsClosedButABusyOneIsNot()
    {
        ServerProcess server({{u"IDLE_TIMEOUT"_s, u"1"_s}});
        START(server);
        auto busy = connectTo(server.port());
        auto idle = connectTo(server.port());
        idle->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readAnswer(*idle).startsWith("HTTP/1.1 200"));
        // Requests every 300 ms for 3 s keep the busy one open; the idle one goes meanwhile.
        for (int i = 0; i < 10; ++i) {
            busy->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            const QByteArray answer = readAnswer(*busy);
            QVERIFY2(answer.startsWith("HTTP/1.1 200"),
                     qPrintable(u"request %1: "_s.arg(i) + QString::fromLatin1(answer)));
            QTest::qWait(300);
        }
        QByteArray answer;
        QVERIFY(closedWithin(*idle, 10000, &answer));
        QVERIFY2(answer.isEmpty(), answer.constData()); // an idle close says nothing
        QVERIFY(closedWithin(*busy, 10000));
    }

    void perAddressCapTurnsAwayTheNextConnection()
    {
        ServerProcess server({{u"MAX_CONNECTIONS_PER_ADDRESS"_s, u"4"_s}});
        START(server);
        const QHostAddress school(u"127.0.0.2"_s);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 4; ++i) {
            held.push_back(connectTo(server.port(), school));
            held.back()->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            QVERIFY(readAnswer(*held.back()).startsWith("HTTP/1.1 200"));
        }
        auto fifth = connectTo(server.port(), school);
        QByteArray refused;
        QVERIFY(closedWithin(*fifth, 10000, &refused));
        QVERIFY2(refused.startsWith("HTTP/1.1 503"), refused.constData());
        QVERIFY(refused.contains("too_many_connections"));
        QVERIFY(refused.contains("Retry-After: 1"));

        // Everyone else, and the four, are still served.
        HttpClient other(server.url());
        QCOMPARE(other.get(u"/healthz"_s).status, 200);
        held.front()->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readAnswer(*held.front()).startsWith("HTTP/1.1 200"));

        // One closes: the address has room again.
        held.pop_back();
        QTest::qWait(200);
        auto again = connectTo(server.port(), school);
        again->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        const QByteArray answer = readAnswer(*again);
        QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    }

    // A trusted reverse proxy brings every client through its one address: the cap would turn
    // the school away at its 257th connection, so it does not apply to the proxy.
    void trustedProxyIsNotCapped()
    {
        ServerProcess server(
            {{u"MAX_CONNECTIONS_PER_ADDRESS"_s, u"2"_s}, {u"TRUSTED_PROXIES"_s, u"127.0.0.3"_s}});
        START(server);
        const QHostAddress proxy(u"127.0.0.3"_s);
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 5; ++i) {
            held.push_back(connectTo(server.port(), proxy));
            held.back()->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
            const QByteArray answer = readAnswer(*held.back());
            QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
        }
        // Another address is still capped.
        const QHostAddress client(u"127.0.0.4"_s);
        auto first = connectTo(server.port(), client);
        auto second = connectTo(server.port(), client);
        first->write("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readAnswer(*first).startsWith("HTTP/1.1 200"));
        auto third = connectTo(server.port(), client);
        QByteArray refused;
        QVERIFY(closedWithin(*third, 10000, &refused));
        QVERIFY2(refused.startsWith("HTTP/1.1 503"), refused.constData());
    }

    void openFileLimitIsRaisedToTheHardLimit()
    {
        ServerProcess server({}, 1024, 4096);
        START(server);
        const QStringList limits
            = server.proc(u"limits"_s, u"Max open files"_s).split(u' ', Qt::SkipEmptyParts);
        QCOMPARE(limits.value(3), u"4096"_s); // soft
        QCOMPARE(limits.value(4), u"4096"_s); // hard
        QVERIFY(server.log().contains(u"raised from 1024 to 4096"_s));
    }

    // 2,000 idle sockets against a server allowed 1,024 open files (lectern-bench-idle-flood
    // measures the latency, with 5,000).
    void healthAnswersWithTheOpenFileLimitFullOfIdleSockets()
    {
        ServerProcess server({}, 1024, 1024);
        START(server);
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        // From 127.0.0.10 to .19, 200 each: under the per-address cap, over the open-file limit.
        for (int i = 0; i < 2000; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->bind(QHostAddress(u"127.0.0.%1"_s.arg(10 + i / 200)), 0);
            socket->connectToHost(localhost, server.port());
            idle.push_back(std::move(socket));
            if (i % 100 == 99)
                QTest::qWait(10);
        }
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(idle.cbegin(), idle.cend(),
                        [](const auto &socket) {
                            return socket->state() != QAbstractSocket::ConnectingState
                                && socket->state() != QAbstractSocket::HostLookupState;
                        }),
            30000);
        HttpClient client(server.url());
        for (int i = 0; i < 5; ++i) {
            const HttpResult health = client.get(u"/healthz"_s);
            QVERIFY2(health.status == 200, qPrintable(server.log().right(2000)));
        }
        HttpClient ready(server.url());
        QCOMPARE(ready.get(u"/readyz"_s).status, 200);
        QVERIFY(server.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestTransportLimits)
#include "tst_transportlimits.moc"
