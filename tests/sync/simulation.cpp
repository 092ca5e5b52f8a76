#include "simulation.h"

#include "httpclient.h"
#include "storage/transaction.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>
#include <lectern/orderkey.h>
#include <lectern/syncop.h>

using namespace Qt::StringLiterals;

namespace Lectern::Test {

namespace {
const QStringList syncedEntities {u"course"_s, u"module"_s, u"content"_s, u"conflict"_s};

// The registry's fields of a record, without the bookkeeping the two sides may present apart.
QJsonObject registryFields(const QString &entity, const QJsonObject &record)
{
    QJsonObject out;
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (!spec)
        return record;
    for (const FieldSpec &f : spec->fields) {
        const QJsonValue v = record.value(f.name);
        // Absent and null are the same value; an empty long text reads back as "".
        if (v.isUndefined() || v.isNull())
            continue;
        out.insert(f.name, v);
    }
    return out;
}

// What the server decided for an op (its answer without the record's `state`, which is the
// record as it stands at each answer): a repeated push answers the same.
QJsonObject decisionOf(const Sync::OpResult &result)
{
    QJsonObject json = result.toJson();
    json.remove(QStringLiteral("state"));
    return json;
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}
} // namespace

QString SimulationReport::summary() const
{
    QStringList parts;
    for (auto it = outcomes.begin(); it != outcomes.end(); ++it)
        parts.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    return u"%1 edits, %2 ops (%3); %4 pushes, %5 pulls, %6 requests and %7 answers dropped, "
           u"%8 pushes duplicated, %9 kills, %10 conflicts resolved, quiet after %11 rounds"_s
               .arg(edits)
               .arg(opsPushed)
               .arg(parts.join(u", "))
               .arg(pushes)
               .arg(pulls)
               .arg(droppedRequests)
               .arg(droppedAnswers)
               .arg(duplicatedPushes)
               .arg(kills)
               .arg(conflictsResolved)
               .arg(rounds);
}

struct Device
{
    QString name;
    QString email;
    QString token;
    QString path;
    std::unique_ptr<Client::LocalStore> store;
};

// One push as sent, to replay at the end.
struct SentPush
{
    QString token;
    QByteArray body;
};

struct Simulation::Private
{
    TestServer &server;
    SimulationConfig config;
    QRandomGenerator rng;
    SimulationReport report;
    std::vector<Device> devices;
    QString courseId;
    QList<SentPush> sent;
    // The first answer the server gave for each op id, as JSON text.
    QHash<QString, Sync::OpResult> firstAnswer;
    QHash<QString, QString> opDevice;

    Private(TestServer &s, SimulationConfig c)
        : server(s)
        , config(std::move(c))
        , rng(config.seed)
    { }

    void failure(const QString &what)
    {
        if (report.failures.size() < 50)
            report.failures.append(u"seed %1: %2"_s.arg(config.seed).arg(what));
    }

    bool setUp();
    void reopen(Device &device);
    void kill(Device &device);
    void step(int number);
    void edit(Device &device, int number);
    void resolveConflict(Device &device);
    enum class Fault { None, DropRequest, DropAnswer, Duplicate };
    bool push(Device &device, Fault fault, int maxOps);
    // Returns whether the page had changes; nullopt when the exchange failed.
    std::optional<bool> pullPage(Device &device, bool dropAnswer, int limit);
    void quiesce();
    void check();
    // What the device's file and the server know of one record, for a failure message.
    QString diagnose(Device &device, const QString &entity, const QString &id);
    HttpResult sendPush(const QString &token, const QByteArray &body);

    template<typename T> const T &pick(const QList<T> &list)
    {
        return list.at(int(rng.bounded(quint32(list.size()))));
    }
    bool chance(int percent) { return int(rng.bounded(100u)) < percent; }
};

Simulation::Simulation(TestServer &server, SimulationConfig config)
    : d(std::make_unique<Private>(server, std::move(config)))
{ }

Simulation::~Simulation() = default;

SimulationReport Simulation::run()
{
    if (!d->setUp())
        return d->report;
    for (int i = 0; i < d->config.steps && d->report.failures.isEmpty(); ++i)
        d->step(i);
    if (d->report.failures.isEmpty())
        d->quiesce();
    if (d->report.failures.isEmpty())
        d->check();
    for (Device &device : d->devices)
        device.store.reset();
    return d->report;
}

bool Simulation::Private::setUp()
{
    HttpClient instructor(server.url());
    if (instructor.login(u"instructor@demo.lectern"_s).status != 200) {
        failure(u"the instructor cannot log in"_s);
        return false;
    }
    const HttpResult course
        = instructor.post(u"/api/v1/courses"_s,
                          QJsonObject {{u"code"_s, u"SIM-%1"_s.arg(config.seed)},
                                       {u"title"_s, u"Simulated course"_s},
                                       {u"description"_s, u"line one\nline two\nline three\n"_s}});
    if (course.status != 201) {
        failure(u"cannot create the course: %1"_s.arg(QString::fromUtf8(course.body)));
        return false;
    }
    courseId = course.data()[u"id"].toString();
    instructor.post(u"/api/v1/courses/%1/publish"_s.arg(courseId));

    HttpClient ta(server.url());
    const HttpResult taLogin = ta.login(u"ta@demo.lectern"_s);
    const QString taId = taLogin.data()[u"user"][u"id"].toString();
    const HttpResult enrolled = instructor.post(
        u"/api/v1/courses/%1/enroll"_s.arg(courseId),
        QJsonObject {{u"userId"_s, taId}, {u"role"_s, u"ta"_s}, {u"override"_s, true}});
    if (enrolled.status != 201) {
        failure(u"cannot enroll the TA: %1"_s.arg(QString::fromUtf8(enrolled.body)));
        return false;
    }

    const QStringList emails {u"instructor@demo.lectern"_s, u"instructor@demo.lectern"_s,
                              u"ta@demo.lectern"_s, u"admin@demo.lectern"_s};
    QDir().mkpath(config.dataDir);
    for (int i = 0; i < config.devices; ++i) {
        Device device;
        device.email = emails.at(i % emails.size());
        device.name = u"%1#%2"_s.arg(device.email.section(u'@', 0, 0)).arg(i);
        HttpClient client(server.url());
        if (client.login(device.email).status != 200) {
            failure(u"%1 cannot log in"_s.arg(device.name));
            return false;
        }
        device.token = client.token();
        device.path = QDir(config.dataDir).filePath(u"device-%1.sqlite"_s.arg(i));
        QFile::remove(device.path);
        devices.push_back(std::move(device));
        reopen(devices.back());
    }
    // Everyone starts from the server's state.
    for (Device &device : devices) {
        for (int guard = 0; guard < 100; ++guard) {
            auto more = pullPage(device, false, 500);
            if (!more || !*more)
                break;
        }
    }
    return report.failures.isEmpty();
}

void Simulation::Private::reopen(Device &device)
{
    device.store = std::make_unique<Client::LocalStore>();
    if (auto r = device.store->open(device.path); !r)
        failure(u"%1: cannot open its store: %2"_s.arg(device.name, r.error().message));
    // What the SyncEngine does when it starts: ops sent before a crash go again.
    else if (auto r = device.store->requeueInFlight(); !r)
        failure(u"%1: cannot requeue: %2"_s.arg(device.name, r.error().message));
}

void Simulation::Private::kill(Device &device)
{
    ++report.kills;
    device.store.reset(); // no goodbye: whatever was committed is what survives
    reopen(device);
}

HttpResult Simulation::Private::sendPush(const QString &token, const QByteArray &body)
{
    HttpClient client(server.url());
    client.setToken(token);
    return client.send("POST", u"/api/v1/sync/push"_s, body);
}

bool Simulation::Private::push(Device &device, Fault fault, int maxOps)
{
    const QList<Sync::Op> batch = device.store->takeBatch(maxOps);
    if (batch.isEmpty())
        return false;
    ++report.pushes;
    Sync::PushRequest request;
    request.deviceId = device.store->deviceId();
    request.ops = batch;
    for (const Sync::Op &op : batch) {
        if (!opDevice.contains(op.opId)) {
            opDevice.insert(op.opId, device.name);
            ++report.opsPushed;
        }
    }
    const QByteArray body = QJsonDocument(request.toJson()).toJson(QJsonDocument::Compact);
    if (fault == Fault::DropRequest) {
        ++report.droppedRequests;
        kill(device); // the device gave up and was closed before it heard anything
        return true;
    }
    sent.append({device.token, body});
    const HttpResult answer = sendPush(device.token, body);
    if (answer.status != 200) {
        failure(u"%1: push answered %2: %3"_s.arg(device.name)
                    .arg(answer.status)
                    .arg(QString::fromUtf8(answer.body.left(400))));
        return false;
    }
    const auto parse = [this, &device](const HttpResult &a) {
        QList<Sync::OpResult> results;
        for (const QJsonValue &v : a.data()[u"results"].toArray()) {
            auto r = Sync::OpResult::fromJson(v.toObject());
            if (!r)
                failure(u"%1: unreadable result %2"_s.arg(device.name, compact(v)));
            else
                results.append(*r);
        }
        return results;
    };
    const auto decision = decisionOf;
    const auto stateIsCurrent = [&](const Sync::OpResult &result) {
        if (result.state && result.state->rev < result.rev)
            failure(u"op %1: its answer's record (rev %2) is older than the op (rev %3)"_s
                        .arg(result.opId)
                        .arg(result.state->rev)
                        .arg(result.rev));
    };
    QList<Sync::OpResult> results = parse(answer);
    if (results.size() != batch.size())
        failure(u"%1: %2 ops pushed, %3 results"_s.arg(device.name)
                    .arg(batch.size())
                    .arg(results.size()));
    for (const Sync::OpResult &r : std::as_const(results)) {
        stateIsCurrent(r);
        auto first = firstAnswer.constFind(r.opId);
        if (first == firstAnswer.cend()) {
            firstAnswer.insert(r.opId, r);
            report.outcomes[Sync::toString(r.outcome)] += 1;
        } else if (decision(*first) != decision(r)) {
            failure(u"op %1 answered %2 first and %3 later"_s.arg(r.opId, compact(decision(*first)),
                                                                  compact(decision(r))));
        }
    }
    if (fault == Fault::Duplicate) {
        ++report.duplicatedPushes;
        sent.append({device.token, body});
        const HttpResult again = sendPush(device.token, body);
        if (again.status != 200 || parse(again).size() != results.size())
            failure(u"%1: a repeated push answered %2"_s.arg(device.name).arg(again.status));
        for (const Sync::OpResult &r : parse(again)) {
            stateIsCurrent(r);
            if (decision(firstAnswer.value(r.opId)) != decision(r))
                failure(u"op %1: the repeated push answered differently"_s.arg(r.opId));
        }
    }
    if (fault == Fault::DropAnswer) {
        ++report.droppedAnswers;
        kill(device); // applied on the server; the device never heard
        return true;
    }
    if (auto r = device.store->applyPushResults(results); !r)
        failure(u"%1: applyPushResults: %2"_s.arg(device.name, r.error().message));
    return true;
}

std::optional<bool> Simulation::Private::pullPage(Device &device, bool dropAnswer, int limit)
{
    ++report.pulls;
    HttpClient client(server.url());
    client.setToken(device.token);
    const HttpResult answer = client.get(
        u"/api/v1/sync/pull?cursor=%1&limit=%2"_s.arg(device.store->cursor()).arg(limit));
    if (answer.status != 200) {
        failure(u"%1: pull answered %2: %3"_s.arg(device.name)
                    .arg(answer.status)
                    .arg(QString::fromUtf8(answer.body.left(400))));
        return std::nullopt;
    }
    if (dropAnswer) {
        ++report.droppedAnswers;
        return true;
    }
    auto page = Sync::PullPage::fromJson(answer.data().toObject());
    if (!page) {
        failure(u"%1: unreadable pull page"_s.arg(device.name));
        return std::nullopt;
    }
    if (auto r = device.store->applyPulled(*page); !r) {
        failure(u"%1: applyPulled: %2"_s.arg(device.name, r.error().message));
        return std::nullopt;
    }
    return page->hasMore;
}

void Simulation::Private::step(int number)
{
    Device &device = devices.at(rng.bounded(quint32(devices.size())));
    const int roll = int(rng.bounded(100u));
    if (roll < 55) {
        edit(device, number);
    } else if (roll < 72) {
        const int f = int(rng.bounded(100u));
        const Fault fault = f < 10 ? Fault::DropRequest
            : f < 20               ? Fault::DropAnswer
            : f < 30               ? Fault::Duplicate
                                   : Fault::None;
        push(device, fault, 1 + int(rng.bounded(40u)));
    } else if (roll < 90) {
        pullPage(device, chance(10), 1 + int(rng.bounded(30u)));
    } else if (roll < 95) {
        resolveConflict(device);
    } else {
        kill(device);
    }
}

void Simulation::Private::edit(Device &device, int number)
{
    Client::LocalStore &store = *device.store;
    const QList<Client::LocalRecord> modules = store.children(u"module"_s, courseId);
    QList<Client::LocalRecord> contents;
    for (const Client::LocalRecord &m : modules)
        contents += store.children(u"content"_s, m.id);
    const QString stamp = u"%1 at %2"_s.arg(device.name).arg(number);

    const auto lastKey = [](const QList<Client::LocalRecord> &siblings) {
        return siblings.isEmpty() ? QString()
                                  : siblings.last().fields.value(u"orderKey").toString();
    };
    const auto expect = [this, &device](const Result<void> &r, const QString &what) {
        // A record another device deleted may be gone here: that is not a failure of the store.
        if (!r && r.error().code != QLatin1String(ErrorCode::NotFound))
            failure(u"%1: %2: %3 %4"_s.arg(device.name, what, r.error().code, r.error().message));
    };

    const int roll = int(rng.bounded(100u));
    ++report.edits;
    if (modules.size() < 2 || roll < 10) {
        auto made
            = store.create(u"module"_s,
                           {{u"courseId"_s, courseId},
                            {u"title"_s, u"Module by %1"_s.arg(stamp)},
                            {u"orderKey"_s, OrderKey::betweenJittered(lastKey(modules), QString())},
                            {u"published"_s, true}});
        expect(made ? Result<void>() : Result<void>(made.error()), u"create module"_s);
    } else if (contents.size() < 3 || roll < 25) {
        const Client::LocalRecord &module = pick(modules);
        QStringList lines;
        for (int i = 0; i < 6; ++i)
            lines.append(u"Paragraph %1 of a lesson written by %2."_s.arg(i).arg(stamp));
        auto made = store.create(
            u"content"_s,
            QJsonObject {{u"moduleId"_s, module.id},
                         {u"type"_s, u"lesson"_s},
                         {u"title"_s, u"Lesson by %1"_s.arg(stamp)},
                         {u"body"_s, QString(lines.join(u'\n') + u'\n')},
                         {u"orderKey"_s,
                          OrderKey::betweenJittered(
                              lastKey(store.children(u"content"_s, module.id)), QString())},
                         {u"published"_s, true}});
        expect(made ? Result<void>() : Result<void>(made.error()), u"create content"_s);
    } else if (roll < 45) {
        // Rename: the same field on several devices is where conflicts come from.
        const bool isModule = chance(30);
        const Client::LocalRecord &r = isModule ? pick(modules) : pick(contents);
        expect(store.update(r.entity, r.id, {{u"title"_s, u"Renamed by %1"_s.arg(stamp)}}),
               u"rename"_s);
    } else if (roll < 70) {
        // Edit one line of a lesson: different lines merge, the same line conflicts.
        const Client::LocalRecord &r = pick(contents);
        QStringList lines = r.fields.value(u"body").toString().split(u'\n');
        const int at = int(rng.bounded(quint32(qMax<qsizetype>(1, lines.size() - 1))));
        const int how = int(rng.bounded(3u));
        if (how == 0)
            lines[at] = u"Line rewritten by %1."_s.arg(stamp);
        else if (how == 1)
            lines.insert(at, u"Line added by %1."_s.arg(stamp));
        else if (lines.size() > 2)
            lines.removeAt(at);
        expect(store.update(r.entity, r.id, {{u"body"_s, lines.join(u'\n')}}), u"edit body"_s);
    } else if (roll < 85) {
        // Move an item: within its module, or to another one.
        const Client::LocalRecord &r = pick(contents);
        const Client::LocalRecord &target = chance(30) ? pick(modules) : Client::LocalRecord();
        const QString moduleId = target.id.isEmpty() ? r.parentId : target.id;
        QList<Client::LocalRecord> siblings = store.children(u"content"_s, moduleId);
        siblings.removeIf([&r](const Client::LocalRecord &s) { return s.id == r.id; });
        QStringList keys;
        for (const Client::LocalRecord &s : std::as_const(siblings))
            keys.append(s.fields.value(u"orderKey").toString());
        const QString key = OrderKey::forIndex(keys, rng.bounded(quint32(keys.size() + 1)));
        QJsonObject changes {{u"orderKey"_s, key}};
        if (moduleId != r.parentId)
            changes.insert(u"moduleId"_s, moduleId);
        expect(store.update(r.entity, r.id, changes), u"move"_s);
    } else if (roll < 95) {
        const Client::LocalRecord &r = pick(contents);
        expect(store.remove(r.entity, r.id), u"delete content"_s);
    } else if (modules.size() > 2) {
        const Client::LocalRecord &r = pick(modules);
        expect(store.remove(r.entity, r.id), u"delete module"_s);
    } else {
        expect(store.update(u"course"_s, courseId,
                            {{u"description"_s, u"Course text by %1\n"_s.arg(stamp)}}),
               u"edit course"_s);
    }
}

void Simulation::Private::resolveConflict(Device &device)
{
    Client::LocalStore &store = *device.store;
    const QList<Client::LocalRecord> open = store.openConflicts();
    if (open.isEmpty())
        return;
    const Client::LocalRecord &conflict = pick(open);
    const QJsonObject &c = conflict.fields;
    const QString kind = c.value(u"kind").toString();
    const QString entity = c.value(u"entity").toString();
    const QString entityId = c.value(u"entityId").toString();
    const QString field = c.value(u"field").toString();
    QString resolution = chance(50) ? u"mine"_s : u"theirs"_s;
    Result<void> chosen;
    if (kind == u"delete") {
        // The side that deleted holds `true`; the other holds the edit. Choosing the deleting
        // side deletes; choosing the edit keeps the record as it stands.
        const QJsonValue side = c.value(resolution);
        if (side.isBool() && side.toBool() && store.record(entity, entityId))
            chosen = store.remove(entity, entityId);
    } else if (resolution == u"mine" && store.record(entity, entityId)) {
        chosen = store.update(entity, entityId, {{field, c.value(u"mine")}});
    } else if (kind == u"text" && chance(30) && store.record(entity, entityId)) {
        resolution = u"both"_s;
        chosen = store.update(entity, entityId,
                              QJsonObject {{field,
                                            QString(c.value(u"theirs").toString() + u"\n\n"_s
                                                    + c.value(u"mine").toString())}});
    }
    if (!chosen && chosen.error().code != QLatin1String(ErrorCode::NotFound))
        failure(u"%1: resolving %2: %3"_s.arg(device.name, conflict.id, chosen.error().message));
    auto marked = store.update(u"conflict"_s, conflict.id,
                               {{u"status"_s, u"resolved"_s}, {u"resolution"_s, resolution}});
    if (!marked)
        failure(
            u"%1: marking %2 resolved: %3"_s.arg(device.name, conflict.id, marked.error().message));
    else
        ++report.conflictsResolved;
}

void Simulation::Private::quiesce()
{
    // Fault-free rounds: push everything, pull everything, until a round moves nothing.
    for (int round = 1; round <= 30; ++round) {
        report.rounds = round;
        bool moved = false;
        for (Device &device : devices) {
            for (int guard = 0; guard < 200 && device.store->pendingCount() > 0; ++guard) {
                if (!push(device, Fault::None, Sync::maxOpsPerPush))
                    break;
                moved = true;
            }
        }
        for (Device &device : devices) {
            for (int guard = 0; guard < 1000; ++guard) {
                const qint64 before = device.store->cursor();
                auto more = pullPage(device, false, 500);
                if (!more)
                    return;
                if (device.store->cursor() != before)
                    moved = true;
                if (!*more)
                    break;
            }
        }
        if (!report.failures.isEmpty())
            return;
        if (!moved)
            return;
    }
    failure(u"still moving after 30 fault-free rounds"_s);
}

QString Simulation::Private::diagnose(Device &device, const QString &entity, const QString &id)
{
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"diagnose"_s);
        db.setDatabaseName(device.path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(
                u"SELECT deleted, server_deleted, pending, server_rev, fields IS NOT NULL,"
                u" server_fields IS NOT NULL FROM records WHERE entity = '%1' AND id = '%2'"_s.arg(
                    entity, id));
            if (q.next())
                out.append(u"local: deleted %1 server_deleted %2 pending %3 server_rev %4"_s
                               .arg(q.value(0).toInt())
                               .arg(q.value(1).toInt())
                               .arg(q.value(2).toInt())
                               .arg(q.value(3).toLongLong()));
            else
                out.append(u"local: no row"_s);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"diagnose"_s);
    Server::Transaction tx(server.server().context().db(), Server::Transaction::Read);
    auto changes = tx.query(u"SELECT seq, rev, deleted, audience_user_id FROM change_log"
                            u" WHERE entity_id = :id ORDER BY seq"_s);
    changes.bind(u":id"_s, id);
    if (changes.exec()) {
        QStringList rows;
        while (changes.next())
            rows.append(u"%1:r%2%3"_s.arg(changes.int64(0))
                            .arg(changes.int64(1))
                            .arg(changes.int64(2) ? u"D"_s : QString()));
        out.append(u"server changes " + rows.join(u' '));
    }
    auto ops = tx.query(u"SELECT s.outcome, s.device_id, s.rev, s.reason FROM sync_ops s"
                        u" WHERE s.entity_id = :id ORDER BY s.received_at"_s);
    ops.bind(u":id"_s, id);
    if (ops.exec()) {
        QStringList rows;
        while (ops.next())
            rows.append(u"%1%2 r%3 %4"_s
                            .arg(ops.text(0),
                                 ops.text(1) == device.store->deviceId() ? u"(this)"_s : QString())
                            .arg(ops.int64(2))
                            .arg(ops.text(3)));
        out.append(u"ops " + rows.join(u", "));
    }
    tx.rollback();
    return out.join(u"; ");
}

void Simulation::Private::check()
{
    // 1. Every outbox is empty.
    for (Device &device : devices) {
        if (device.store->pendingCount() != 0)
            failure(
                u"%1 still has %2 ops queued"_s.arg(device.name).arg(device.store->pendingCount()));
    }

    // 2. Every replica equals the server's view for its user: a pull from the start.
    for (Device &device : devices) {
        QHash<QString, Sync::Change> server; // entity/id -> newest change
        qint64 cursor = 0;
        HttpClient client(this->server.url());
        client.setToken(device.token);
        for (int guard = 0; guard < 1000; ++guard) {
            const HttpResult a
                = client.get(u"/api/v1/sync/pull?cursor=%1&limit=2000"_s.arg(cursor));
            auto page = Sync::PullPage::fromJson(a.data().toObject());
            if (a.status != 200 || !page) {
                failure(u"%1: full pull failed (%2)"_s.arg(device.name).arg(a.status));
                return;
            }
            for (const Sync::Change &c : std::as_const(page->changes))
                server.insert(c.entity + u'/' + c.entityId, c);
            cursor = page->cursor;
            if (!page->hasMore)
                break;
        }
        for (const QString &entity : syncedEntities) {
            QHash<QString, QJsonObject> expected;
            for (const Sync::Change &c : std::as_const(server)) {
                if (c.entity == entity && !c.deleted)
                    expected.insert(c.entityId, registryFields(entity, c.fields));
            }
            QHash<QString, QJsonObject> actual;
            for (const Client::LocalRecord &r : device.store->list(entity))
                actual.insert(r.id, registryFields(entity, r.fields));
            for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
                if (!actual.contains(it.key()))
                    failure(u"%1 lacks %2 %3 (%4)"_s.arg(device.name, entity, it.key(),
                                                         diagnose(device, entity, it.key())));
                else if (actual.value(it.key()) != it.value())
                    failure(u"%1 has %2 %3 as %4, the server as %5"_s.arg(
                        device.name, entity, it.key(), compact(actual.value(it.key())),
                        compact(it.value())));
            }
            for (auto it = actual.cbegin(); it != actual.cend(); ++it) {
                if (!expected.contains(it.key()))
                    failure(u"%1 has %2 %3 the server does not (%4)"_s.arg(
                        device.name, entity, it.key(), diagnose(device, entity, it.key())));
            }
        }
    }

    // 3. Every op id pushed has one outcome on the server, the one it answered.
    Server::Transaction tx(server.server().context().db(), Server::Transaction::Read);
    QHash<QString, QString> recorded;
    {
        auto q = tx.query(u"SELECT op_id, outcome FROM sync_ops"_s);
        if (auto r = q.exec(); !r) {
            failure(u"cannot read sync_ops: %1"_s.arg(r.error().message));
            return;
        }
        while (q.next())
            recorded.insert(q.text(0), q.text(1));
    }
    QSet<QString> conflictOps;
    {
        auto q = tx.query(u"SELECT op_id FROM sync_conflicts"_s);
        if (auto r = q.exec(); !r) {
            failure(u"cannot read sync_conflicts: %1"_s.arg(r.error().message));
            return;
        }
        while (q.next())
            conflictOps.insert(q.text(0));
    }
    for (auto it = opDevice.cbegin(); it != opDevice.cend(); ++it) {
        const QString outcome = recorded.value(it.key());
        if (outcome.isEmpty()) {
            failure(u"op %1 of %2 has no outcome on the server"_s.arg(it.key(), it.value()));
            continue;
        }
        if (!QStringList {u"applied"_s, u"merged"_s, u"conflict"_s, u"rejected"_s}.contains(
                outcome))
            failure(u"op %1 has outcome %2"_s.arg(it.key(), outcome));
        if (outcome == u"conflict" && !conflictOps.contains(it.key()))
            failure(u"op %1 is a conflict without a conflict record"_s.arg(it.key()));
        if (firstAnswer.contains(it.key())
            && Sync::toString(firstAnswer.value(it.key()).outcome) != outcome)
            failure(u"op %1 answered %2 but is recorded %3"_s.arg(
                it.key(), Sync::toString(firstAnswer.value(it.key()).outcome), outcome));
    }
    qint64 seqBefore = 0;
    {
        auto q = tx.query(u"SELECT MAX(seq) FROM change_log"_s);
        if (q.exec() && q.next())
            seqBefore = q.int64(0);
    }
    tx.rollback();

    // 4. Replaying every push ever sent changes nothing and answers the same.
    for (const SentPush &push : std::as_const(sent)) {
        const HttpResult a = sendPush(push.token, push.body);
        if (a.status != 200) {
            failure(u"a replayed push answered %1"_s.arg(a.status));
            continue;
        }
        for (const QJsonValue &v : a.data()[u"results"].toArray()) {
            auto r = Sync::OpResult::fromJson(v.toObject());
            if (!r || !firstAnswer.contains(r->opId)) {
                // Ops whose first answer was dropped: the replay is their first answer heard.
                if (r && recorded.value(r->opId) != Sync::toString(r->outcome))
                    failure(u"replayed op %1 answered %2, recorded %3"_s.arg(
                        r->opId, Sync::toString(r->outcome), recorded.value(r->opId)));
                continue;
            }
            if (decisionOf(firstAnswer.value(r->opId)) != decisionOf(*r))
                failure(u"replayed op %1 answered %2, first %3"_s.arg(
                    r->opId, compact(decisionOf(*r)),
                    compact(decisionOf(firstAnswer.value(r->opId)))));
        }
    }
    Server::Transaction after(server.server().context().db(), Server::Transaction::Read);
    auto q = after.query(u"SELECT MAX(seq) FROM change_log"_s);
    if (q.exec() && q.next() && q.int64(0) != seqBefore)
        failure(u"replaying every push wrote %1 changes"_s.arg(q.int64(0) - seqBefore));
}

} // namespace Lectern::Test
