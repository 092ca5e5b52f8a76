// The sync simulation of tests/sync run long with random seeds (docs/architecture.md,
// "The sync model"):
//   lectern-bench-sync-soak [--minutes M] [--steps N] [--devices D] [--seed S]
// Each run uses a fresh seed (printed, so a failure can be replayed with --seed) on one server.
// Exits 1 at the first failing run.
#include "simulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>

using namespace Lectern::Test;
using namespace Qt::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption minutes(u"minutes"_s, u"how long to run"_s, u"m"_s, u"10"_s);
    const QCommandLineOption steps(u"steps"_s, u"steps per run"_s, u"n"_s, u"1500"_s);
    const QCommandLineOption devices(u"devices"_s, u"devices per run"_s, u"n"_s, u"6"_s);
    const QCommandLineOption seed(u"seed"_s, u"run this one seed only"_s, u"s"_s);
    parser.addOptions({minutes, steps, devices, seed});
    parser.process(app);

    TestServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.problem()));
        return 1;
    }
    QTemporaryDir dir;
    QElapsedTimer timer;
    timer.start();
    const qint64 budgetMs = qint64(parser.value(minutes).toDouble() * 60000);
    int runs = 0;
    do {
        SimulationConfig config;
        config.seed = parser.isSet(seed) ? parser.value(seed).toULongLong()
                                         : QRandomGenerator::system()->generate64();
        config.steps = parser.value(steps).toInt();
        config.devices = parser.value(devices).toInt();
        config.dataDir = dir.filePath(QString::number(config.seed));
        QElapsedTimer one;
        one.start();
        const SimulationReport report = Simulation(server, config).run();
        ++runs;
        std::fprintf(stdout, "run %d seed %llu (%lld ms): %s\n", runs,
                     static_cast<unsigned long long>(config.seed),
                     static_cast<long long>(one.elapsed()), qPrintable(report.summary()));
        if (!report.failures.isEmpty()) {
            std::fprintf(stdout, "FAILED:\n%s\n", qPrintable(report.failures.join(u'\n')));
            return 1;
        }
        std::fflush(stdout);
    } while (!parser.isSet(seed) && timer.elapsed() < budgetMs);
    std::fprintf(stdout, "%d runs passed in %lld s\n", runs,
                 static_cast<long long>(timer.elapsed() / 1000));
    return 0;
}
