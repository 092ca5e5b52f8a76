#pragma once

// What the in-process benches share: printing results, giving up, and waiting on the event loop.
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QString>
#include <QTimer>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace Lectern::Bench {

// One line of results on standard output, flushed (a bench may run for minutes).
inline void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

// Names the program and the reason on standard error, and exits with 1.
[[noreturn]] inline void die(const QString &why)
{
    const QString program = QCoreApplication::instance()
        ? QFileInfo(QCoreApplication::applicationFilePath()).fileName()
        : QStringLiteral("bench");
    std::fprintf(stderr, "%s: %s\n", qPrintable(program), qPrintable(why));
    std::exit(1);
}

// Spins the event loop until `done` holds or `timeoutMs` passes; answers whether it held.
inline bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace Lectern::Bench
