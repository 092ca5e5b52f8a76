// The sync numbers of issue 4, end to end through the real client engine and a real server:
//   1. first sync of a course with N items (default 10,000) into an empty client;
//   2. pushing N queued offline edits (default 10,000);
//   3. one edit on one connected client visible on another (p50/p95/max over 100 edits).
// The server runs in this process (its own threads, real HTTP and WebSocket on 127.0.0.1) on a
// fresh SQLite file, or PostgreSQL with LECTERN_TEST_BACKEND=postgresql and LECTERN_TEST_PG_URL.
//
//   lectern-bench-sync [--items N] [--edits N] [--latency N]
#include "benchutil.h"
#include "httpclient.h"
#include "storage/recordstore.h"
#include "testserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;
using namespace Lectern::Bench;

namespace {
// A course of `items` lessons in modules of 100, written straight through the server's store.
QString seedCourse(TestServer &server, const QString &token, int items)
{
    HttpClient instructor(server.url());
    instructor.setToken(token);
    const HttpResult made = instructor.post(
        u"/api/v1/courses"_s, QJsonObject {{u"code"_s, u"SYNC-BENCH"_s}, {u"title"_s, u"Big"_s}});
    if (made.status != 201)
        die(u"cannot create the course: "_s + QString::fromUtf8(made.body));
    const QString courseId = made.data()[u"id"].toString();
    const QString orgId = made.data()[u"orgId"].toString();
    auto &context = server.server().context();
    Server::Transaction tx(context.db());
    const int perModule = 100;
    const QStringList moduleKeys = OrderKey::spread((items + perModule - 1) / perModule);
    const QStringList itemKeys = OrderKey::spread(perModule);
    for (int m = 0; m * perModule < items; ++m) {
        const QString moduleId = createUuidV7String();
        auto module = Server::RecordStore::insert(
            tx, context.clock(), Entities::module(), orgId, moduleId,
            Entities::module().normalize({{u"courseId"_s, courseId},
                                          {u"title"_s, u"Module %1"_s.arg(m + 1)},
                                          {u"orderKey"_s, moduleKeys.at(m)},
                                          {u"published"_s, true}},
                                         EntitySpec::Mode::Create));
        if (!module)
            die(module.error().message);
        for (int i = 0; i < perModule && m * perModule + i < items; ++i) {
            auto item = Server::RecordStore::insert(
                tx, context.clock(), Entities::content(), orgId, createUuidV7String(),
                Entities::content().normalize(
                    {{u"moduleId"_s, moduleId},
                     {u"courseId"_s, courseId},
                     {u"type"_s, u"lesson"_s},
                     {u"title"_s, u"Lesson %1.%2"_s.arg(m + 1).arg(i + 1)},
                     {u"body"_s,
                      u"# Lesson\n\nSome text for lesson %1, long enough to be a "
                      u"real paragraph of a real lesson.\n"_s.arg(i)},
                     {u"orderKey"_s, itemKeys.at(i)},
                     {u"published"_s, true}},
                    EntitySpec::Mode::Create));
            if (!item)
                die(item.error().message);
        }
    }
    if (auto r = tx.commit(); !r)
        die(r.error().message);
    return courseId;
}

struct Device
{
    std::unique_ptr<Client::SyncController> sync;
    QString dir;
};

void startDevice(Device &device, TestServer &server, const QString &userId, const QString &token)
{
    device.sync = std::make_unique<Client::SyncController>();
    if (auto r = device.sync->start(server.url(), userId, token, device.dir); !r)
        die(r.error().message);
}

bool idle(const Client::SyncController &sync)
{
    const Client::SyncStatus s = sync.status();
    return !s.syncing && s.queued == 0 && s.lastSuccess.isValid() && s.lastError.isEmpty();
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption itemsOption(u"items"_s, u"items in the course"_s, u"n"_s, u"10000"_s);
    const QCommandLineOption editsOption(u"edits"_s, u"offline edits to push"_s, u"n"_s,
                                         u"10000"_s);
    const QCommandLineOption latencyOption(u"latency"_s, u"edits timed across clients"_s, u"n"_s,
                                           u"100"_s);
    parser.addOptions({itemsOption, editsOption, latencyOption});
    parser.process(app);
    const int items = parser.value(itemsOption).toInt();
    const int edits = std::min(items, parser.value(editsOption).toInt());
    const int latencyEdits = parser.value(latencyOption).toInt();

    TestServer server;
    if (!server.start())
        die(server.problem());
    HttpClient login(server.url());
    const HttpResult answer = login.login(u"instructor@demo.lectern"_s);
    if (answer.status != 200)
        die(u"cannot log in"_s);
    const QString userId = answer.data()[u"user"][u"id"].toString();
    const QString token = login.token();
    QElapsedTimer seedTimer;
    seedTimer.start();
    seedCourse(server, token, items);
    say(u"seeded a course of %1 items in %2 ms (backend %3)"_s.arg(items)
            .arg(seedTimer.elapsed())
            .arg(qEnvironmentVariable("LECTERN_TEST_BACKEND", u"sqlite"_s)));

    QTemporaryDir dirs;
    // 1. First sync into an empty client.
    Device a;
    a.dir = dirs.filePath(u"a"_s);
    QElapsedTimer timer;
    timer.start();
    startDevice(a, server, userId, token);
    if (!waitFor(
            [&] { return idle(*a.sync) && a.sync->store()->list(u"content"_s).size() >= items; },
            120000))
        die(u"the first sync did not finish: %1"_s.arg(a.sync->status().lastError));
    const qint64 firstSync = timer.elapsed();
    say(u"first sync: %1 items in %2 ms (budget 2000 ms)"_s.arg(items).arg(firstSync));

    // 2. Offline edits pushed when the connection returns.
    a.sync->stop();
    {
        Client::LocalStore store;
        if (auto r = store.open(Client::LocalStore::pathFor(server.url(), userId, a.dir)); !r)
            die(r.error().message);
        const QList<Client::LocalRecord> contents = store.list(u"content"_s);
        QElapsedTimer editTimer;
        editTimer.start();
        for (int i = 0; i < edits; ++i) {
            if (auto r = store.update(u"content"_s, contents.at(i).id,
                                      {{u"title"_s, u"Edited offline %1"_s.arg(i)}});
                !r)
                die(r.error().message);
        }
        say(u"wrote %1 offline edits in %2 ms (%3 queued)"_s.arg(edits)
                .arg(editTimer.elapsed())
                .arg(store.pendingCount()));
    }
    timer.restart();
    startDevice(a, server, userId, token);
    // Two moments: every op acknowledged by the server (the outbox is empty), and the client
    // idle again (its pull of what the push changed included) — the budget's "end to end".
    if (!waitFor([&] { return a.sync->status().queued == 0; }, 120000))
        die(u"the push did not finish: %1"_s.arg(a.sync->status().lastError));
    const qint64 acknowledged = timer.elapsed();
    if (!waitFor([&] { return idle(*a.sync); }, 120000))
        die(u"the push did not finish: %1"_s.arg(a.sync->status().lastError));
    const qint64 push = timer.elapsed();
    say(u"push: %1 queued edits acknowledged (outbox empty) in %2 ms"_s.arg(edits).arg(
        acknowledged));
    say(u"push: %1 queued edits in %2 ms, until the client is idle with its pull-back (budget "
        u"3000 ms)"_s.arg(edits)
            .arg(push));

    // 3. Edit here, see it there.
    Device b;
    b.dir = dirs.filePath(u"b"_s);
    startDevice(b, server, userId, token);
    if (!waitFor(
            [&] { return idle(*b.sync) && b.sync->store()->list(u"content"_s).size() >= items; },
            120000))
        die(u"the second client did not sync"_s);
    const QString target = a.sync->store()->list(u"content"_s).first().id;
    QList<qint64> latencies;
    for (int i = 0; i < latencyEdits; ++i) {
        const QString title = u"Live edit %1"_s.arg(i);
        QElapsedTimer one;
        one.start();
        if (auto r = a.sync->update(u"content"_s, target, {{u"title"_s, title}}); !r)
            die(r.error().message);
        const bool seen = waitFor(
            [&] {
                auto r = b.sync->store()->record(u"content"_s, target);
                return r && r->fields.value(u"title").toString() == title;
            },
            10000);
        if (!seen)
            die(u"edit %1 never arrived"_s.arg(i));
        latencies.append(one.nsecsElapsed() / 1000);
        waitFor([&] { return idle(*a.sync); }, 10000);
    }
    if (latencies.isEmpty()) {
        a.sync->stop();
        b.sync->stop();
        return 0;
    }
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies.at(
            std::min<qsizetype>(latencies.size() - 1, qsizetype(q * latencies.size())));
    };
    say(u"edit visible on another client: p50 %1 ms, p95 %2 ms, max %3 ms over %4 edits "
        u"(budget p95 200 ms)"_s.arg(at(0.5) / 1000.0, 0, 'f', 1)
            .arg(at(0.95) / 1000.0, 0, 'f', 1)
            .arg(latencies.last() / 1000.0, 0, 'f', 1)
            .arg(latencies.size()));
    a.sync->stop();
    b.sync->stop();
    return 0;
}
