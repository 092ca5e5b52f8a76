// Issue 17's number: with the open-file limit full of idle sockets, /healthz still answers within
// 100 ms. Starts lectern-server with a soft and hard RLIMIT_NOFILE of 1,024 (FILES), opens 5,000
// idle connections to it (SOCKETS; from 127.0.0.10 upwards, 200 an address, so the per-address cap
// does not hide the test), holds them, and measures the server's CPU while they are held and the
// time of health checks on fresh connections (connect, request, whole answer).
//
//   lectern-bench-idle-flood [PATH/TO/lectern-server]
//
// Environment: SOCKETS (5000), FILES (1024), CHECKS (50), BUDGET_MS (100). Exits 1 over budget.
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <algorithm>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace Lectern::Bench;
using namespace Qt::StringLiterals;

namespace {
int setting(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

// utime + stime of a process, in clock ticks.
qint64 cpuTicks(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong();
}

// One health check on a fresh connection: milliseconds to the whole answer, or -1.
double healthCheck(quint16 port)
{
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return -1;
    socket.write("GET /healthz HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n");
    QByteArray answer;
    while (!answer.contains("\"ok\":true") && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    if (!answer.startsWith("HTTP/1.1 200") || !answer.contains("\"ok\":true"))
        return -1;
    return double(timer.nsecsElapsed()) / 1e6;
}

QString percentiles(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double p) {
        return ms[std::min(ms.size() - 1, size_t(p * ms.size()))];
    };
    return u"p50 %1 ms, p90 %2 ms, max %3 ms"_s.arg(at(0.5), 0, 'f', 2)
        .arg(at(0.9), 0, 'f', 2)
        .arg(ms.back(), 0, 'f', 2);
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString binary
        = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(LECTERN_SERVER_PATH);
    const int sockets = setting("SOCKETS", 5000);
    const int files = setting("FILES", 1024);
    const int checks = setting("CHECKS", 50);
    const int budgetMs = setting("BUDGET_MS", 100);

    rlimit own {};
    ::getrlimit(RLIMIT_NOFILE, &own);
    own.rlim_cur = own.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &own);
    if (own.rlim_cur < rlim_t(sockets + 256))
        die(u"this process may open only %1 files; SOCKETS=%2 needs more"_s.arg(own.rlim_cur)
                .arg(sockets));

    QTemporaryDir dir;
    quint16 port = 0;
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        port = probe.serverPort();
    }
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_LOGGING_RULES"_s, u"lectern.server.http.info=false"_s);
    server.setProcessEnvironment(env);
    server.setStandardErrorFile(dir.filePath(u"server.log"_s));
    server.setStandardOutputFile(QProcess::nullDevice());
    server.setChildProcessModifier([files] {
        const rlimit limit {rlim_t(files), rlim_t(files)};
        ::setrlimit(RLIMIT_NOFILE, &limit);
    });
    server.start(binary,
                 {u"serve"_s, u"--data-dir"_s, dir.filePath(u"data"_s), u"--listen"_s,
                  u"127.0.0.1:%1"_s.arg(port)});
    if (!server.waitForStarted(10000) || !waitFor([port] { return healthCheck(port) >= 0; }, 20000))
        die(u"the server did not start (%1)"_s.arg(binary));
    const qint64 pid = server.processId();

    std::vector<double> before;
    for (int i = 0; i < checks; ++i)
        before.push_back(healthCheck(port));
    say(u"health with no other connections: %1"_s.arg(percentiles(before)));

    QElapsedTimer opening;
    opening.start();
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    idle.reserve(size_t(sockets));
    for (int i = 0; i < sockets; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->bind(QHostAddress(u"127.0.0.%1"_s.arg(10 + i / 200)), 0);
        socket->connectToHost(QHostAddress::LocalHost, port);
        idle.push_back(std::move(socket));
    }
    waitFor(
        [&idle] {
            return std::none_of(idle.cbegin(), idle.cend(), [](const auto &socket) {
                return socket->state() == QAbstractSocket::ConnectingState;
            });
        },
        60000);
    say(u"%1 idle connections opened in %2 ms"_s.arg(sockets).arg(opening.elapsed()));

    const qint64 ticks = cpuTicks(pid);
    QElapsedTimer holding;
    holding.start();
    waitFor([] { return false; }, 5000);
    const double cpu = double(cpuTicks(pid) - ticks) / double(sysconf(_SC_CLK_TCK))
        / (double(holding.elapsed()) / 1000.0) * 100.0;
    const auto descriptors
        = QDir(u"/proc/%1/fd"_s.arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::System).size();
    say(u"held for 5 s: server CPU %1%, %2 descriptors open in the server (limit %3; it closes "
        "the idlest connections to stay under it)"_s.arg(cpu, 0, 'f', 1)
            .arg(descriptors)
            .arg(files));

    std::vector<double> during;
    int failed = 0;
    for (int i = 0; i < checks; ++i) {
        const double ms = healthCheck(port);
        if (ms < 0)
            ++failed;
        else
            during.push_back(ms);
    }
    if (during.empty())
        die(u"no health check was answered"_s);
    say(u"health with %1 idle connections against %2 open files: %3, %4 of %5 failed"_s.arg(sockets)
            .arg(files)
            .arg(percentiles(during))
            .arg(failed)
            .arg(checks));
    const double worst = *std::max_element(during.cbegin(), during.cend());
    idle.clear();
    server.terminate();
    server.waitForFinished(5000);
    if (failed > 0 || worst > budgetMs) {
        say(u"OVER BUDGET: every health check within %1 ms"_s.arg(budgetMs));
        return 1;
    }
    say(u"within budget: every health check within %1 ms"_s.arg(budgetMs));
    return 0;
}
