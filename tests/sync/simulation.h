#pragma once

#include "testserver.h"

#include <QMap>
#include <QStringList>

namespace Lectern::Test {

// The deterministic sync simulation of docs/architecture.md ("The sync model"), shared by the test
// suite (fixed seeds) and the soak benchmark (random seeds, long runs).
//
// Several devices, each with its own LocalStore file, edit one course offline at random (create,
// rename, edit lesson text, move, delete, resolve conflicts) and sync in a random order against a
// real server, while the network drops requests and answers, duplicates pushes, and devices are
// killed and restarted between writing and pushing, after a push before its answer, and between
// pull pages. Then everyone syncs without faults until nothing moves, and the run checks:
//   - every outbox is empty and every replica equals the server's view for that user;
//   - every op id ever pushed has exactly one recorded outcome on the server (applied, merged,
//     conflict with its conflict record, or rejected) and every answer for it was that outcome;
//   - replaying every push body ever sent changes nothing: same answers, no new change.
struct SimulationConfig
{
    quint64 seed = 1;
    int devices = 4; // two of the instructor, the TA's and the admin's
    int steps = 400;
    QString dataDir; // where the device databases go (a temporary folder)
};

struct SimulationReport
{
    QStringList failures; // empty: the run proved the promise
    int edits = 0;
    int opsPushed = 0;           // distinct op ids sent
    QMap<QString, int> outcomes; // first outcome -> count
    int pushes = 0;
    int pulls = 0;
    int droppedRequests = 0;
    int droppedAnswers = 0;
    int duplicatedPushes = 0;
    int kills = 0;
    int conflictsResolved = 0;
    int rounds = 0; // fault-free rounds until quiet

    QString summary() const;
};

class Simulation
{
public:
    Simulation(TestServer &server, SimulationConfig config);
    ~Simulation();

    SimulationReport run();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Lectern::Test
