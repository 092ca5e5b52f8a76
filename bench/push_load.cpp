// Issue 17's write-path numbers: what a sync push costs per op as one course grows (to 5,000
// modules x 10 items by default), and how long other people's writes take while a full push
// (500 ops) runs.
//
// The server runs in this process (its own worker threads, real HTTP on 127.0.0.1) on a fresh
// SQLite file, or PostgreSQL with LECTERN_TEST_BACKEND=postgresql and LECTERN_TEST_PG_URL. The
// course grows through the server's own store (RecordStore: revisions, change log, search index
// as for any write); the pushes are what an instructor's device sends: modules and items made
// without an order key (the server places them last), and titles of modules and items renamed.
//
//   lectern-bench-push-load [--sizes 50,500,1000,2500,5000] [--items 10] [--ops 25] [--rounds 7]
//                           [--big 500]
#include "benchutil.h"
#include "httpclient.h"
#include "search/searchindex.h"
#include "storage/recordstore.h"
#include "testserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <algorithm>
#include <lectern/entityspec.h>
#include <lectern/hlc.h>
#include <lectern/orderkey.h>
#include <lectern/syncop.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;
using namespace Lectern::Bench;

namespace {

struct Course
{
    QString id;
    QString orgId;
    QString lastModuleKey;
    // Records a push may rename, with their title now.
    QList<QString> modules;
    QList<QString> items;
    QHash<QString, QString> titles;
};

// Grows `course` to `modules` modules of `items` items, in transactions of 100 modules.
void grow(TestServer &server, Course &course, int modules, int items)
{
    auto &context = server.server().context();
    const QStringList itemKeys = OrderKey::spread(items);
    while (course.modules.size() < modules) {
        Server::Transaction tx(context.db());
        // The search index's updates made together, as a push does: seeding stays quick.
        Server::SearchBatch search(tx);
        for (int n = 0; n < 100 && course.modules.size() < modules; ++n) {
            const QString moduleId = createUuidV7String();
            const int m = int(course.modules.size()) + 1;
            course.lastModuleKey = OrderKey::between(course.lastModuleKey, QString());
            const QString title = u"Module %1"_s.arg(m);
            auto module = Server::RecordStore::insert(
                tx, context.clock(), Entities::module(), course.orgId, moduleId,
                Entities::module().normalize({{u"courseId"_s, course.id},
                                              {u"title"_s, title},
                                              {u"orderKey"_s, course.lastModuleKey},
                                              {u"published"_s, true}},
                                             EntitySpec::Mode::Create));
            if (!module)
                die(module.error().message);
            course.modules.append(moduleId);
            course.titles.insert(moduleId, title);
            for (int i = 0; i < items; ++i) {
                const QString itemId = createUuidV7String();
                const QString itemTitle = u"Lesson %1.%2"_s.arg(m).arg(i + 1);
                auto item = Server::RecordStore::insert(
                    tx, context.clock(), Entities::content(), course.orgId, itemId,
                    Entities::content().normalize(
                        {{u"moduleId"_s, moduleId},
                         {u"courseId"_s, course.id},
                         {u"type"_s, u"lesson"_s},
                         {u"title"_s, itemTitle},
                         {u"body"_s,
                          u"# Lesson\n\nSome text for lesson %1, long enough to be a real "
                          u"paragraph of a real lesson.\n"_s.arg(i)},
                         {u"orderKey"_s, itemKeys.at(i)},
                         {u"published"_s, true}},
                        EntitySpec::Mode::Create));
                if (!item)
                    die(item.error().message);
                course.items.append(itemId);
                course.titles.insert(itemId, itemTitle);
            }
        }
        if (auto r = search.flush(); !r)
            die(r.error().message);
        if (auto r = tx.commit(); !r)
            die(r.error().message);
    }
}

// The ops of one push of `count`: a fifth new modules, a fifth new items in random modules (both
// placed last by the server), the rest renames of random modules and items.
class Ops
{
public:
    explicit Ops(Course &course)
        : m_course(course)
    { }

    QJsonArray make(int count)
    {
        QJsonArray ops;
        for (int i = 0; i < count; ++i) {
            switch (i % 5) {
            case 0: {
                const QString id = createUuidV7String();
                ops.append(op(u"module"_s, id, u"create"_s,
                              {{u"courseId"_s, QJsonObject {{u"new"_s, m_course.id}}},
                               {u"title"_s, QJsonObject {{u"new"_s, u"Pushed module"_s}}}}));
                m_course.modules.append(id);
                m_course.titles.insert(id, u"Pushed module"_s);
                break;
            }
            case 1: {
                const QString id = createUuidV7String();
                const QString module = pick(m_course.modules);
                ops.append(op(u"content"_s, id, u"create"_s,
                              {{u"moduleId"_s, QJsonObject {{u"new"_s, module}}},
                               {u"type"_s, QJsonObject {{u"new"_s, u"lesson"_s}}},
                               {u"title"_s, QJsonObject {{u"new"_s, u"Pushed lesson"_s}}},
                               {u"body"_s, QJsonObject {{u"new"_s, u"Written offline."_s}}}}));
                m_course.items.append(id);
                m_course.titles.insert(id, u"Pushed lesson"_s);
                break;
            }
            case 2:
                ops.append(rename(u"module"_s, pick(m_course.modules)));
                break;
            default:
                ops.append(rename(u"content"_s, pick(m_course.items)));
                break;
            }
        }
        return ops;
    }

private:
    QString pick(const QList<QString> &ids)
    {
        return ids.at(QRandomGenerator::global()->bounded(qsizetype(ids.size())));
    }
    QJsonObject rename(const QString &entity, const QString &id)
    {
        const QString old = m_course.titles.value(id);
        const QString title = u"Renamed %1"_s.arg(++m_renames);
        m_course.titles.insert(id, title);
        return op(entity, id, u"update"_s,
                  {{u"title"_s, QJsonObject {{u"old"_s, old}, {u"new"_s, title}}}});
    }
    QJsonObject op(const QString &entity, const QString &id, const QString &kind,
                   const QJsonObject &patch)
    {
        const Hlc hlc {QDateTime::currentMSecsSinceEpoch(), ++m_seq, u"bench-device"_s};
        return {{u"opId"_s, createUuidV7String()},
                {u"deviceSeq"_s, qint64(m_seq)},
                {u"hlc"_s, hlc.toString()},
                {u"entity"_s, entity},
                {u"entityId"_s, id},
                {u"kind"_s, kind},
                {u"baseRev"_s, QJsonValue()},
                {u"patch"_s, patch}};
    }

    Course &m_course;
    quint32 m_seq = 0;
    int m_renames = 0;
};

QByteArray pushBody(const QString &device, const QJsonArray &ops)
{
    return QJsonDocument(QJsonObject {{u"deviceId"_s, device}, {u"ops"_s, ops}})
        .toJson(QJsonDocument::Compact);
}

// Every result of a push answered 200 must be applied (the bench's ops are all good ones).
void checkResults(const QJsonObject &answer, qsizetype count)
{
    const QJsonArray results = answer.value(u"data").toObject().value(u"results").toArray();
    if (results.size() != count)
        die(u"the push answered %1 results for %2 ops"_s.arg(results.size()).arg(count));
    for (const QJsonValue &r : results) {
        if (r.toObject().value(u"outcome").toString() != u"applied")
            die(u"an op was not applied: "_s
                + QString::fromUtf8(QJsonDocument(r.toObject()).toJson(QJsonDocument::Compact)));
    }
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption sizesOption(u"sizes"_s, u"module counts to measure at"_s, u"list"_s,
                                         u"50,500,1000,2500,5000"_s);
    const QCommandLineOption itemsOption(u"items"_s, u"items per module"_s, u"n"_s, u"10"_s);
    const QCommandLineOption opsOption(u"ops"_s, u"ops per measured push"_s, u"n"_s, u"25"_s);
    const QCommandLineOption roundsOption(u"rounds"_s, u"pushes measured per size"_s, u"n"_s,
                                          u"7"_s);
    const QCommandLineOption bigOption(u"big"_s, u"ops of the push others write beside"_s, u"n"_s,
                                       u"500"_s);
    parser.addOptions({sizesOption, itemsOption, opsOption, roundsOption, bigOption});
    parser.process(app);
    QList<int> sizes;
    for (const QString &size : parser.value(sizesOption).split(u','))
        sizes.append(size.toInt());
    std::sort(sizes.begin(), sizes.end());
    const int items = parser.value(itemsOption).toInt();
    const int opsPerPush = parser.value(opsOption).toInt();
    const int rounds = parser.value(roundsOption).toInt();
    const int big = std::min(Sync::maxOpsPerPush, parser.value(bigOption).toInt());

    TestServer server;
    if (!server.start())
        die(server.problem());
    HttpClient instructor(server.url());
    if (instructor.login(u"instructor@demo.lectern"_s).status != 200)
        die(u"cannot log in as the instructor"_s);
    HttpClient admin(server.url());
    if (admin.login(u"admin@demo.lectern"_s).status != 200)
        die(u"cannot log in as the admin"_s);

    const HttpResult made = instructor.post(
        u"/api/v1/courses"_s, QJsonObject {{u"code"_s, u"PUSH-BENCH"_s}, {u"title"_s, u"Big"_s}});
    if (made.status != 201)
        die(u"cannot create the course: "_s + QString::fromUtf8(made.body));
    Course course;
    course.id = made.data()[u"id"].toString();
    course.orgId = made.data()[u"orgId"].toString();
    // What the others write to: a small course of the admin's.
    const HttpResult small = admin.post(
        u"/api/v1/courses"_s, QJsonObject {{u"code"_s, u"OTHERS"_s}, {u"title"_s, u"Small"_s}});
    const HttpResult smallModule
        = admin.post(u"/api/v1/courses/%1/modules"_s.arg(small.data()[u"id"].toString()),
                     QJsonObject {{u"title"_s, u"Module"_s}});
    if (smallModule.status != 201)
        die(u"cannot create the other course: "_s + QString::fromUtf8(smallModule.body));
    const QString otherModule = smallModule.data()[u"id"].toString();
    const QString otherCourse = small.data()[u"id"].toString();

    say(u"backend %1; per-op push cost of %2-op pushes (%3 per size), a course of N modules x %4 "
        u"items"_s.arg(qEnvironmentVariable("LECTERN_TEST_BACKEND", u"sqlite"_s))
            .arg(opsPerPush)
            .arg(rounds)
            .arg(items));
    Ops ops(course);
    const QString device = createUuidV7String();
    QList<std::pair<int, double>> costs;
    for (const int size : std::as_const(sizes)) {
        QElapsedTimer seedTimer;
        seedTimer.start();
        grow(server, course, size, items);
        const qint64 seeded = seedTimer.elapsed();
        QList<double> perOp;
        for (int round = 0; round < rounds; ++round) {
            const QJsonArray batch = ops.make(opsPerPush);
            QElapsedTimer timer;
            timer.start();
            const HttpResult r
                = instructor.send("POST", u"/api/v1/sync/push"_s, pushBody(device, batch));
            const double ms = timer.nsecsElapsed() / 1e6;
            if (r.status != 200)
                die(u"push failed: %1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body)));
            checkResults(r.json, batch.size());
            perOp.append(ms / batch.size());
        }
        const double cost = median(perOp);
        costs.append({size, cost});
        say(u"  %1 modules (%2 records, grown in %3 ms): %4 ms per op (median; min %5, max %6)"_s
                .arg(course.modules.size())
                .arg(course.modules.size() + course.items.size())
                .arg(seeded)
                .arg(cost, 0, 'f', 3)
                .arg(*std::min_element(perOp.begin(), perOp.end()), 0, 'f', 3)
                .arg(*std::max_element(perOp.begin(), perOp.end()), 0, 'f', 3));
    }
    const double ratio = costs.first().second > 0 ? costs.last().second / costs.first().second : 0;
    say(u"per-op cost, largest / smallest course: %1x (target: within 2x)"_s.arg(ratio, 0, 'f', 2));

    // A full push while an administrator keeps writing to another course over REST.
    const QJsonArray batch = ops.make(big);
    QNetworkAccessManager manager;
    QUrl url = server.url();
    url.setPath(u"/api/v1/sync/push"_s);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Authorization", "Bearer " + instructor.token().toLatin1());
    request.setTransferTimeout(300000);
    QElapsedTimer pushTimer;
    pushTimer.start();
    QNetworkReply *reply = manager.post(request, pushBody(device, batch));
    QList<double> latencies;
    int failures = 0;
    QString firstFailure;
    for (int i = 0; !reply->isFinished() && i < 100000; ++i) {
        QElapsedTimer one;
        one.start();
        const HttpResult r = (i % 2 == 0)
            ? admin.put(u"/api/v1/modules/"_s + otherModule,
                        QJsonObject {{u"title"_s, u"Renamed %1"_s.arg(i)}})
            : admin.post(u"/api/v1/courses/%1/modules"_s.arg(otherCourse),
                         QJsonObject {{u"title"_s, u"Added %1"_s.arg(i)}});
        latencies.append(one.nsecsElapsed() / 1e6);
        if (r.status != 200 && r.status != 201) {
            ++failures;
            if (firstFailure.isEmpty())
                firstFailure = u"%1 %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(200)));
        }
    }
    if (!waitFor([&] { return reply->isFinished(); }, 300000))
        die(u"the big push did not finish"_s);
    const qint64 pushMs = pushTimer.elapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    reply->deleteLater();
    if (status != 200)
        die(u"the big push failed: %1 %2"_s.arg(status).arg(QString::fromUtf8(body.left(300))));
    checkResults(QJsonDocument::fromJson(body).object(), batch.size());
    std::sort(latencies.begin(), latencies.end());
    const auto at = [&](double q) {
        return latencies.isEmpty() ? 0.0
                                   : latencies.at(std::min<qsizetype>(
                                       latencies.size() - 1, qsizetype(q * latencies.size())));
    };
    say(u"%1-op push at %2 modules: %3 ms; beside it %4 writes by another user: p50 %5 ms, "
        u"p95 %6 ms, max %7 ms, %8 failed (target: each within 1000 ms, none failing)"_s.arg(big)
            .arg(course.modules.size())
            .arg(pushMs)
            .arg(latencies.size())
            .arg(at(0.5), 0, 'f', 1)
            .arg(at(0.95), 0, 'f', 1)
            .arg(latencies.isEmpty() ? 0.0 : latencies.last(), 0, 'f', 1)
            .arg(failures));
    if (!firstFailure.isEmpty())
        say(u"  first failure: "_s + firstFailure);
    return 0;
}
