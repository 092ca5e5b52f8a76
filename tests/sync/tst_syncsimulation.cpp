#include "simulation.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace Lectern;
using namespace Lectern::Test;

// docs/architecture.md, "The sync model" (how it is checked), with fixed seeds: see simulation.h
// for what a run does and checks. bench/ runs the same simulation long with random seeds
// (lectern-bench-sync-soak).
class TestSyncSimulation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void run_data();
    void run();

private:
    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_dir;
};

void TestSyncSimulation::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<TestServer>();
    LECTERN_START_SERVER(*m_server);
}

void TestSyncSimulation::run_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("devices");
    QTest::addColumn<int>("steps");
    for (quint64 seed : {1, 2, 3, 4, 5, 6})
        QTest::addRow("seed %llu", seed) << seed << 4 << 300;
    QTest::addRow("six devices") << quint64(77) << 6 << 400;
}

void TestSyncSimulation::run()
{
    QFETCH(quint64, seed);
    QFETCH(int, devices);
    QFETCH(int, steps);
    SimulationConfig config;
    config.seed = seed;
    config.devices = devices;
    config.steps = steps;
    config.dataDir = m_dir.filePath(QString::number(seed));
    Simulation simulation(*m_server, config);
    const SimulationReport report = simulation.run();
    qInfo().noquote() << report.summary();
    if (!report.failures.isEmpty())
        QFAIL(qPrintable(report.failures.join(u'\n')));
    // The run must have exercised what it claims to: faults happened and ops were answered.
    QVERIFY(report.opsPushed > 20);
    QVERIFY(report.kills > 0);
    QVERIFY(report.droppedAnswers > 0);
}

QTEST_GUILESS_MAIN(TestSyncSimulation)
#include "tst_syncsimulation.moc"
