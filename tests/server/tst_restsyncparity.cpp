#include "httpclient.h"
#include "syncdevice.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <lectern/entityspec.h>
#include <lectern/hlc.h>
#include <lectern/orderkey.h>
#include <lectern/syncop.h>
#include <lectern/uuidv7.h>
#include <memory>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// REST and sync are two doors to the same records (docs/architecture.md, "The rules layer"): for
// every synced record type of the registry, every role and every action (create, each
// client-writable field change, one immutable field, move among siblings, move to another parent
// of the course and of another course, delete, resolve, read), both doors must decide alike:
// allowed (REST 2xx, sync applied or merged), or refused with the same code (REST error code,
// sync reason); a read is allowed when REST returns the record and a pull by the same caller
// ships it with the same fields. An allowed write must show its effect (and a delete its
// cascade) in the caller's pull. Each row starts from a fresh fixture per door. The rows are
// generated from EntityRegistry, so a record type declared there is covered without touching
// this file; what the registry cannot say (a REST door that is not /api/v1/<restPath>, a field
// REST changes by an action) is declared below, as are today's disagreements.
class TestRestSyncParity : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void parity_data();
    void parity();

private:
    // The records one row acts on, made fresh for each door, by entity name.
    struct Fixture
    {
        QHash<QString, QJsonObject> record;  // the record the row acts on
        QHash<QString, QJsonObject> sibling; // another under the same parent (where moves go)
        // entity -> one under a parent of another course (where children must not move)
        QHash<QString, QJsonObject> elsewhere;
        // way (heldBack) -> entity -> one held back from learners, under the record's parent
        QHash<QString, QHash<QString, QJsonObject>> held;
        qint64 cursorBefore = 0; // a pull from here ships every record of the fixture
    };
    // What a door answered: "allowed", or the refusal's code (REST error code, sync reason).
    struct Decision
    {
        QString verdict;
        QString detail;     // for failure messages
        QJsonObject record; // for reads: the record as the door gave it
    };

    HttpResult call(const QString &role, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    QJsonObject op(const QString &entity, const QString &id, const QString &kind,
                   const QJsonObject &patch, std::optional<qint64> baseRev = std::nullopt);
    HttpResult push(const QString &role, const QJsonArray &ops);
    // The results of `ops`, pushed in as many pushes as they need; empty when a push failed.
    QJsonArray pushAll(const QString &role, const QJsonArray &ops);
    // Pulls as `role` from `cursor` to the end: the newest change of each record by
    // "entity/id"; `cursor` moves to the end.
    QHash<QString, QJsonObject> pull(const QString &role, qint64 &cursor);
    QString unique();

    // A valid record of `spec` under the fixture's parents, made of its required fields.
    QJsonObject validRecord(const EntitySpec &spec, const Fixture &fixture);
    // A valid value for `field` other than `current`.
    QJsonValue newValue(const EntitySpec &spec, const FieldSpec &field, const QJsonValue &current,
                        const Fixture &fixture);
    // A fixture of its own for a row, from a pool that is made a batch at a time (one push and
    // one pull for many).
    // `forReads`: with the records held back from learners, which only reads look at.
    std::optional<Fixture> makeFixture(bool forReads = false);
    bool makeFixtures(int count, bool forReads);

    Decision restWrite(const QString &role, const EntitySpec &spec, const QString &action,
                       const QString &field, const Fixture &fixture, const QJsonObject &change);
    Decision syncWrite(const QString &role, const EntitySpec &spec, const QString &action,
                       const QString &field, const Fixture &fixture, const QJsonObject &change);
    Decision restRead(const QString &role, const EntitySpec &spec, const Fixture &fixture);
    Decision syncRead(const QString &role, const EntitySpec &spec, const Fixture &fixture);
    // Why an allowed write shows no effect in the caller's pull `changes` (empty when it does).
    QString effectMissing(const EntitySpec &spec, const QString &action, const Fixture &fixture,
                          const QJsonObject &sent, const QHash<QString, QJsonObject> &changes);

    TestServer m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, QString> m_tokens;     // role -> access token
    QHash<QString, QString> m_userIds;    // role -> user id
    QHash<QString, QString> m_referenced; // entity -> a live record of it (Id fields point there)
    std::unique_ptr<SyncDevice> m_device;
    quint32 m_counter = 0;
    qint64 m_cursor = 0; // the maker's pull cursor: everything before it belongs to earlier rows
    QElapsedTimer m_timer;
    int m_rows = 0;
    QMap<QString, int> m_tally; // "REST verdict / sync verdict" -> rows
    QList<Fixture> m_pool[2];   // by forReads
};

namespace {

const QString password = u"parity-tests-password"_s;
const QString allowed = u"allowed"_s;

// The roles: the organisation's admin, the course's instructor and TA, a student enrolled in it,
// another organisation's admin, and someone of the organisation with no enrolment in the course.
const QStringList roles
    = {u"admin"_s, u"instructor"_s, u"ta"_s, u"student"_s, u"otherAdmin"_s, u"unenrolled"_s};
// Who makes the fixtures' records (but a learner's own): the course's instructor.
const QString maker = u"instructor"_s;
// How each role is enrolled in the fixture's course (the instructor made it, and so teaches it).
const QList<std::pair<QString, QString>> enrolments
    = {{u"ta"_s, u"ta"_s}, {u"student"_s, u"student"_s}};
// Fixtures made at once: one push of their records, one pull of them.
constexpr int fixturesPerBatch = 16;

// What the registry does not say, declared here and nowhere else:
// - records without a restPath: where REST reads them and where it changes them. A change of
//   such a record is a resolution: REST posts {resolveField: value} to `change`, sync sends an
//   update of `statusField` to `statusValue` and of `resolveField` to the value.
struct OwnDoor
{
    QString read;   // "%1" is the record's id
    QString change; // "%1" is the record's id
    QString statusField;
    QString statusValue;
    QString resolveField;
    QString needsValue; // the resolution that REST takes with the new `value` of the field
};
const QHash<QString, OwnDoor> ownDoors = {
    {u"conflict"_s,
     {u"/api/v1/sync/conflicts/%1"_s, u"/api/v1/sync/conflicts/%1/resolve"_s, u"status"_s,
      u"resolved"_s, u"resolution"_s, u"edited"_s}},
};
// - fields REST changes by an action named for the new value (POST <record>/<action>) where sync
//   sends an update of the field.
const QHash<QString, QHash<QString, QString>> fieldActions = {
    {u"course.status"_s, {{u"published"_s, u"publish"_s}, {u"archived"_s, u"archive"_s}}},
};
// - how the fixture releases its records to learners, where a record type has these fields.
const QJsonObject released {{u"status"_s, u"published"_s}, {u"published"_s, true}};
// - how a record is held back from learners while its parents are released, for the reads of
//   record types that have these fields: a draft, and one published but locked until later.
const QList<std::pair<QString, QJsonObject>> heldBack = {
    {u"draft"_s, {{u"published"_s, false}}},
    {u"locked"_s, {{u"published"_s, true}, {u"unlockAt"_s, u"2099-01-01T00:00:00Z"_s}}},
};
// - the records of entities that are not synced but that Id fields reference, made once.
//   (Files come from an upload; see initTestCase.)

// The synced record types, parents before their children.
QList<const EntitySpec *> syncedEntities()
{
    QList<const EntitySpec *> pending;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        if (spec.syncWritable)
            pending.append(&spec);
    }
    QList<const EntitySpec *> ordered;
    for (int round = 0; round < 100 && !pending.isEmpty(); ++round) {
        for (qsizetype i = 0; i < pending.size(); ++i) {
            const EntitySpec *parent = pending[i]->parentSpec();
            if (!parent || ordered.contains(parent) || !parent->syncWritable) {
                ordered.append(pending.takeAt(i));
                --i;
            }
        }
    }
    return ordered + pending;
}

// The course record type: the one whose course is itself.
const EntitySpec *courseSpec()
{
    for (const EntitySpec &spec : EntityRegistry::all()) {
        if (spec.courseField == u"id")
            return &spec;
    }
    return nullptr;
}

// Made by the server, never by a client: a required field is the server's to decide.
bool serverMade(const EntitySpec &spec)
{
    return std::any_of(spec.fields.begin(), spec.fields.end(), [](const FieldSpec &f) {
        return f.required && f.merge == MergeRule::ServerDecides;
    });
}

// Append-only records that belong to a person are made by that person: a learner.
bool learnerMade(const EntitySpec &spec)
{
    return spec.isAppendOnly() && !spec.ownerField.isEmpty();
}

// The ways of holding `spec` back from learners that apply to it (it has a parent, and fields).
QStringList heldBackWays(const EntitySpec &spec)
{
    QStringList ways;
    for (const auto &[way, values] : heldBack) {
        const QStringList keys = values.keys();
        if (spec.parentSpec() && std::all_of(keys.begin(), keys.end(), [&](const QString &k) {
                return spec.field(k);
            }))
            ways.append(way);
    }
    return ways;
}

// Whether some synced record type hangs under `spec` (the fixture makes two of those, so that
// children can move, and immutable references have another record to point at).
bool isParent(const EntitySpec &spec)
{
    for (const EntitySpec &other : EntityRegistry::all()) {
        if (other.syncWritable && other.parentSpec() == &spec)
            return true;
    }
    return false;
}

// Whether some synced record type may move from one `spec` to another (the fixture makes one
// more of those, in another course, where they must not move).
bool isMovableParent(const EntitySpec &spec)
{
    for (const EntitySpec &other : EntityRegistry::all()) {
        const FieldSpec *parent = other.field(other.parentField);
        if (other.syncWritable && other.parentSpec() == &spec && parent && !parent->immutable)
            return true;
    }
    return false;
}

QString restBase(const EntitySpec &spec)
{
    return u"/api/v1/"_s + spec.restPath;
}

// The REST path that lists (and creates) the children of `spec` under the fixture's parent.
QString restChildren(const EntitySpec &spec, const QString &parentId)
{
    const EntitySpec *parent = spec.parentSpec();
    if (!parent)
        return restBase(spec);
    return restBase(*parent) + u'/' + parentId + u'/' + spec.restPath;
}

// The first object with this id anywhere in `value`.
QJsonObject findById(const QJsonValue &value, const QString &id)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        if (object.value(u"id").toString() == id)
            return object;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (const QJsonObject found = findById(it.value(), id); !found.isEmpty())
                return found;
        }
    } else if (value.isArray()) {
        for (const QJsonValue &v : value.toArray()) {
            if (const QJsonObject found = findById(v, id); !found.isEmpty())
                return found;
        }
    }
    return {};
}

QString compact(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact));
}

// The field that orders a record among its siblings; empty when it has none.
QString orderField(const EntitySpec &spec)
{
    for (const FieldSpec &f : spec.fields) {
        if (f.type == FieldType::OrderKey)
            return f.name;
    }
    return {};
}

} // namespace

HttpResult TestRestSyncParity::call(const QString &role, const QByteArray &method,
                                    const QString &path, const QJsonObject &body)
{
    m_http->setToken(m_tokens.value(role));
    const bool hasBody = method != "GET" && method != "DELETE";
    return m_http->send(
        method, path, hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray());
}

QJsonObject TestRestSyncParity::op(const QString &entity, const QString &id, const QString &kind,
                                   const QJsonObject &patch, std::optional<qint64> baseRev)
{
    return m_device->op(entity, id, kind, patch, baseRev);
}

HttpResult TestRestSyncParity::push(const QString &role, const QJsonArray &ops)
{
    m_http->setToken(m_tokens.value(role));
    return m_device->push(ops);
}

QJsonArray TestRestSyncParity::pushAll(const QString &role, const QJsonArray &ops)
{
    QJsonArray results;
    for (qsizetype from = 0; from < ops.size(); from += Sync::maxOpsPerPush) {
        QJsonArray some;
        for (qsizetype i = from; i < qMin(ops.size(), from + Sync::maxOpsPerPush); ++i)
            some.append(ops.at(i));
        const HttpResult made = push(role, some);
        if (made.status != 200) {
            qWarning().noquote() << "fixture push failed:" << made.status << made.body;
            return {};
        }
        for (const QJsonValue &r : made.data().toObject().value(u"results").toArray())
            results.append(r);
    }
    return results;
}

QHash<QString, QJsonObject> TestRestSyncParity::pull(const QString &role, qint64 &cursor)
{
    m_http->setToken(m_tokens.value(role));
    return m_device->pullAll(&cursor);
}

QString TestRestSyncParity::unique()
{
    return QString::number(++m_counter, 36).toUpper();
}

QJsonObject TestRestSyncParity::validRecord(const EntitySpec &spec, const Fixture &fixture)
{
    QJsonObject values;
    const EntitySpec *parent = spec.parentSpec();
    const EntitySpec *course = courseSpec();
    for (const FieldSpec &f : spec.fields) {
        if (parent && f.name == spec.parentField) {
            values.insert(f.name, fixture.record.value(parent->name).value(u"id"));
        } else if (course && f.name == spec.courseField && f.type == FieldType::Id) {
            values.insert(f.name, fixture.record.value(course->name).value(u"id"));
        } else if (f.required) {
            switch (f.type) {
            case FieldType::Text:
            case FieldType::LongText:
                values.insert(f.name,
                              QString(u"P-"_s + f.name + u'-' + unique()).left(f.maxLength));
                break;
            case FieldType::Enum:
                values.insert(f.name, f.values.value(0));
                break;
            case FieldType::Time:
                values.insert(f.name, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
                break;
            case FieldType::Date:
                values.insert(f.name, u"2026-09-01"_s);
                break;
            case FieldType::Integer:
            case FieldType::Number:
                values.insert(f.name, 1);
                break;
            case FieldType::Boolean:
                values.insert(f.name, true);
                break;
            case FieldType::Json:
                values.insert(f.name, QJsonObject());
                break;
            case FieldType::OrderKey:
                values.insert(f.name, OrderKey::between(QString(), QString()));
                break;
            case FieldType::Id:
                values.insert(f.name, m_referenced.value(f.references));
                break;
            case FieldType::Any:
                values.insert(f.name, QJsonValue());
                break;
            }
        }
    }
    return values;
}

QJsonValue TestRestSyncParity::newValue(const EntitySpec &spec, const FieldSpec &f,
                                        const QJsonValue &current, const Fixture &fixture)
{
    const auto other = [&](const QJsonValue &a, const QJsonValue &b) {
        return a == current ? b : a;
    };
    switch (f.type) {
    case FieldType::Text:
        if (f.webAddress)
            return QString(u"https://example.org/"_s + unique());
        return QString(u"Changed "_s + unique()).right(qMin(f.maxLength, 40));
    case FieldType::LongText:
        return QString(u"Changed text "_s + unique());
    case FieldType::Integer: {
        const qint64 high = f.maximum ? qint64(*f.maximum) : 1000;
        return other(qMin<qint64>(7, high), qMin<qint64>(8, high) - 2);
    }
    case FieldType::Number: {
        const double high = f.maximum.value_or(100.0);
        return other(high / 2, high / 4);
    }
    case FieldType::Boolean:
        return !current.toBool();
    case FieldType::Time:
        return other(u"2021-02-03T04:05:06Z"_s, u"2021-03-04T05:06:07Z"_s);
    case FieldType::Date:
        return other(u"2027-03-04"_s, u"2027-04-05"_s);
    case FieldType::Enum: {
        const auto actions = fieldActions.value(spec.name + u'.' + f.name);
        for (const QString &value : f.values) {
            if (value != current.toString() && (actions.isEmpty() || actions.contains(value)))
                return value;
        }
        return current;
    }
    case FieldType::Id: {
        // Another record of the kind it names: the fixture's sibling, or a referenced record.
        const QString entity = f.references.isEmpty() ? f.name.chopped(2) : f.references;
        if (fixture.sibling.contains(entity))
            return fixture.sibling.value(entity).value(u"id");
        return m_referenced.value(entity);
    }
    case FieldType::OrderKey: {
        const QString key = OrderKey::between(QString(), current.toString());
        return key.isEmpty() ? OrderKey::between(current.toString(), QString()) : key;
    }
    case FieldType::Json:
        return QJsonObject {{u"changed"_s, unique()}};
    case FieldType::Any:
        return u"changed"_s;
    }
    return current;
}

std::optional<TestRestSyncParity::Fixture> TestRestSyncParity::makeFixture(bool forReads)
{
    QList<Fixture> &pool = m_pool[forReads ? 1 : 0];
    if (pool.isEmpty() && !makeFixtures(fixturesPerBatch, forReads))
        return std::nullopt;
    return pool.takeFirst();
}

bool TestRestSyncParity::makeFixtures(int count, bool forReads)
{
    const EntitySpec *course = courseSpec();
    // What one fixture is made of: ids of its records by entity, and its conflicts' provoking ops.
    struct Planned
    {
        Fixture fixture;
        QHash<QString, QString> ids;                  // entity -> id of the record
        QHash<QString, QString> siblings;             // entity -> id of the sibling
        QHash<QString, QString> away;                 // entity -> id of the one in another course
        QHash<QString, QHash<QString, QString>> held; // way -> entity -> id
        QHash<QString, int> provoked; // entity -> index in staffOps of the op that made it
    };
    QList<Planned> plans;
    QJsonArray staffOps;   // made by the course's instructor (who teaches the course so)
    QJsonArray learnerOps; // made by its student
    QList<int> expectConflict;
    for (int n = 0; n < count; ++n) {
        Planned plan;
        plan.fixture.cursorBefore = m_cursor;
        Fixture &fixture = plan.fixture;
        for (const EntitySpec *spec : syncedEntities()) {
            if (serverMade(*spec)) {
                // Made by provoking one: two edits of the same field of the record it belongs
                // to, both made on the same revision.
                const EntitySpec *on = spec->parentSpec();
                if (!on || !fixture.record.contains(on->name))
                    continue;
                const FieldSpec *field = nullptr;
                for (const FieldSpec &f : on->fields) {
                    if (f.type == FieldType::Text && f.merge == MergeRule::Field) {
                        field = &f;
                        break;
                    }
                }
                if (!field)
                    continue;
                const QJsonValue base = fixture.record.value(on->name).value(field->name);
                for (const QString &suffix : {u" A"_s, u" B"_s}) {
                    staffOps.append(
                        op(on->name, plan.ids.value(on->name), u"update"_s,
                           {{field->name,
                             QJsonObject {{u"old"_s, base},
                                          {u"new"_s, QJsonValue(base.toString() + suffix)}}}},
                           1));
                }
                plan.provoked.insert(spec->name, int(staffOps.size() - 1));
                expectConflict.append(int(staffOps.size() - 1));
                continue;
            }
            const bool byLearner = learnerMade(*spec);
            const EntitySpec *parent = spec->parentSpec();
            const int copies = isMovableParent(*spec) && parent ? 3 : isParent(*spec) ? 2 : 1;
            const QStringList ways = byLearner || !forReads ? QStringList() : heldBackWays(*spec);
            for (int copy = 0; copy < 3 + ways.size(); ++copy) {
                if (copy >= copies && copy < 3)
                    continue;
                QJsonObject values = validRecord(*spec, fixture);
                if (copy == 2) {
                    // Under the parent's sibling, in another course.
                    const QJsonObject away = fixture.sibling.value(parent->name);
                    values.insert(spec->parentField, away.value(u"id"));
                    if (spec->field(spec->courseField) && spec->courseField != spec->parentField)
                        values.insert(spec->courseField, parent->courseIdOf(away));
                }
                for (auto it = released.begin(); it != released.end(); ++it) {
                    if (spec->field(it.key()) && !byLearner)
                        values.insert(it.key(), it.value());
                }
                QString way;
                if (copy >= 3) {
                    way = ways.at(copy - 3);
                    for (const auto &[name, held] : heldBack) {
                        for (auto it = held.begin(); name == way && it != held.end(); ++it)
                            values.insert(it.key(), it.value());
                    }
                }
                const QString id = createUuidV7String();
                QJsonObject patch;
                for (auto it = values.begin(); it != values.end(); ++it)
                    patch.insert(it.key(), QJsonObject {{u"new"_s, it.value()}});
                (byLearner ? learnerOps : staffOps)
                    .append(op(spec->name, id, spec->isAppendOnly() ? u"append"_s : u"create"_s,
                               patch));
                values.insert(u"id"_s, id);
                if (copy == 0) {
                    plan.ids.insert(spec->name, id);
                    fixture.record.insert(spec->name, values);
                } else if (copy == 1) {
                    plan.siblings.insert(spec->name, id);
                    fixture.sibling.insert(spec->name, values);
                } else if (copy == 2) {
                    plan.away.insert(spec->name, id);
                    fixture.elsewhere.insert(spec->name, values);
                } else {
                    plan.held[way].insert(spec->name, id);
                    fixture.held[way].insert(spec->name, values);
                }
            }
        }
        plans.append(plan);
    }

    const QJsonArray results = pushAll(maker, staffOps);
    if (results.size() != staffOps.size())
        return false;
    for (qsizetype i = 0; i < staffOps.size(); ++i) {
        const QString outcome = results.at(i).toObject().value(u"outcome").toString();
        if (outcome != (expectConflict.contains(int(i)) ? u"conflict"_s : u"applied"_s)) {
            qWarning().noquote() << "fixture op" << compact(staffOps.at(i)) << "answered"
                                 << compact(results.at(i));
            return false;
        }
    }
    for (Planned &plan : plans) {
        for (auto it = plan.provoked.begin(); it != plan.provoked.end(); ++it)
            plan.ids.insert(it.key(),
                            results.at(it.value()).toObject().value(u"conflictId").toString());
        for (const auto &[role, as] : enrolments) {
            const HttpResult enrolled = call(maker, "POST", u"/api/v1/enrollments"_s,
                                             {{u"courseId"_s, plan.ids.value(course->name)},
                                              {u"userId"_s, m_userIds.value(role)},
                                              {u"role"_s, as}});
            if (enrolled.status / 100 != 2) {
                qWarning().noquote() << "enrolment failed:" << enrolled.status << enrolled.body;
                return false;
            }
        }
    }
    if (!learnerOps.isEmpty()) {
        const QJsonArray learned = pushAll(u"student"_s, learnerOps);
        if (learned.size() != learnerOps.size())
            return false;
        for (const QJsonValue &r : learned) {
            if (r.toObject().value(u"outcome").toString() != u"applied") {
                qWarning().noquote() << "learner's fixture op answered" << compact(r);
                return false;
            }
        }
    }

    // The records as they are now (server-set fields, revisions), from the pull of their maker,
    // who sees them all (private ones too).
    const QHash<QString, QJsonObject> changes = pull(maker, m_cursor);
    const auto load = [&](const QHash<QString, QString> &which, QHash<QString, QJsonObject> &into) {
        for (auto it = which.begin(); it != which.end(); ++it) {
            const QJsonObject change = changes.value(it.key() + u'/' + it.value());
            if (change.isEmpty() || change.value(u"deleted").toBool()) {
                qWarning().noquote() << "the fixture's" << it.key() << "did not reach the pull";
                return false;
            }
            into.insert(it.key(), change.value(u"fields").toObject());
        }
        return true;
    };
    for (Planned &plan : plans) {
        if (!load(plan.ids, plan.fixture.record) || !load(plan.siblings, plan.fixture.sibling)
            || !load(plan.away, plan.fixture.elsewhere))
            return false;
        for (auto it = plan.held.begin(); it != plan.held.end(); ++it) {
            if (!load(it.value(), plan.fixture.held[it.key()]))
                return false;
        }
        m_pool[forReads ? 1 : 0].append(plan.fixture);
    }
    return true;
}

void TestRestSyncParity::initTestCase()
{
    m_timer.start();
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());
    m_device = std::make_unique<SyncDevice>(*m_http, u"parity-device"_s);
    const QHash<QString, QString> demoAccounts = {{u"admin"_s, u"admin"_s},
                                                  {u"instructor"_s, u"instructor"_s},
                                                  {u"ta"_s, u"ta"_s},
                                                  {u"student"_s, u"student1"_s},
                                                  {u"unenrolled"_s, u"student2"_s}};
    for (auto it = demoAccounts.begin(); it != demoAccounts.end(); ++it) {
        const HttpResult login = m_http->login(it.value() + u"@demo.lectern"_s);
        QVERIFY2(login.status == 200, login.body.constData());
        m_tokens.insert(it.key(), m_http->token());
        m_userIds.insert(it.key(),
                         login.data().toObject().value(u"user").toObject().value(u"id").toString());
    }
    QVERIFY(m_server.server().organizations().create(u"Elsewhere"_s, u"elsewhere"_s));
    QVERIFY(m_server.server().users().createInOrganization(
        u"elsewhere"_s, u"admin@elsewhere.example"_s, u"Other admin"_s, {Role::Admin}, password));
    {
        HttpClient client(m_server.url());
        QCOMPARE(client.login(u"admin@elsewhere.example"_s, password).status, 200);
        m_tokens.insert(u"otherAdmin"_s, client.token());
    }
    for (const QString &role : roles)
        QVERIFY2(m_tokens.contains(role), qPrintable(role));

    // Id fields that point at files: an organisation's file, uploaded once.
    {
        HttpClient client(m_server.url());
        client.setToken(m_tokens.value(u"admin"_s));
        const HttpResult file = client.send("POST", u"/api/v1/files/upload?name=parity.txt"_s,
                                            "Parity reading list\n", "text/plain");
        QVERIFY2(file.status == 201, file.body.constData());
        m_referenced.insert(Entities::file().name, file.data().toObject().value(u"id").toString());
    }
    // Everything so far is before the first fixture.
    pull(maker, m_cursor);
    QVERIFY(courseSpec());
}

void TestRestSyncParity::cleanupTestCase()
{
    qInfo().noquote() << m_rows << "rows on" << backendName() << "in" << m_timer.elapsed() << "ms";
    for (auto it = m_tally.begin(); it != m_tally.end(); ++it)
        qInfo().noquote() << "  REST / sync:" << it.key() << it.value();
}

void TestRestSyncParity::parity_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("field");

    for (const EntitySpec *spec : syncedEntities()) {
        QList<std::pair<QString, QString>> actions; // (action, field)
        const bool ownDoor = ownDoors.contains(spec->name);
        if (spec->restPath.isEmpty() && !ownDoor) {
            // A new record type without a REST door: say so rather than skip it.
            actions.append({u"read"_s, QString()});
        } else if (ownDoor) {
            const FieldSpec *resolve = spec->field(ownDoors.value(spec->name).resolveField);
            for (const QString &value : resolve ? resolve->values : QStringList())
                actions.append({u"resolve"_s, value});
            actions.append({u"read"_s, QString()});
        } else if (spec->isAppendOnly()) {
            actions.append({u"create"_s, QString()});
            actions.append({u"read"_s, QString()});
        } else {
            if (!serverMade(*spec))
                actions.append({u"create"_s, QString()});
            const FieldSpec *immutable = nullptr;
            for (const FieldSpec &f : spec->fields) {
                if (f.immutable) {
                    if (!immutable && f.type != FieldType::Any)
                        immutable = &f;
                    continue;
                }
                if (f.type == FieldType::OrderKey || f.name == spec->parentField)
                    continue; // moves, below
                actions.append({u"change"_s, f.name});
            }
            if (immutable)
                actions.append({u"immutable"_s, immutable->name});
            if (!orderField(*spec).isEmpty()) {
                actions.append({u"move"_s, orderField(*spec)});
                actions.append({u"place"_s, orderField(*spec)});
            }
            if (const FieldSpec *parent = spec->field(spec->parentField);
                parent && !parent->immutable) {
                actions.append({u"reparent"_s, parent->name});
                actions.append({u"reparent-elsewhere"_s, parent->name});
            }
            actions.append({u"delete"_s, QString()});
            actions.append({u"read"_s, QString()});
            for (const QString &way : heldBackWays(*spec))
                actions.append({u"read"_s, way});
        }
        for (const QString &role : roles) {
            for (const auto &[action, field] : std::as_const(actions)) {
                QString tag = spec->name + u'/' + role + u'/' + action;
                if (!field.isEmpty())
                    tag += u'/' + field;
                QTest::newRow(qPrintable(tag)) << spec->name << role << action << field;
            }
        }
    }
}

TestRestSyncParity::Decision
TestRestSyncParity::restWrite(const QString &role, const EntitySpec &spec, const QString &action,
                              const QString &field, const Fixture &fixture,
                              const QJsonObject &change)
{
    const QJsonObject record = fixture.record.value(spec.name);
    const QString id = record.value(u"id").toString();
    HttpResult r;
    if (action == u"create") {
        QJsonObject body = change;
        r = call(role, "POST", restChildren(spec, record.value(spec.parentField).toString()), body);
    } else if (action == u"resolve") {
        const OwnDoor door = ownDoors.value(spec.name);
        QJsonObject body {{door.resolveField, field}};
        if (field == door.needsValue)
            body.insert(u"value"_s, change.value(u"value"));
        r = call(role, "POST", door.change.arg(id), body);
    } else if (action == u"delete") {
        r = call(role, "DELETE", restBase(spec) + u'/' + id);
    } else {
        const auto actions = fieldActions.value(spec.name + u'.' + field);
        const QString value = change.value(field).toString();
        if (action == u"change" && actions.contains(value))
            r = call(role, "POST", restBase(spec) + u'/' + id + u'/' + actions.value(value));
        else if (action == u"place")
            r = call(role, "PUT", restBase(spec) + u'/' + id, {{u"position"_s, u"first"_s}});
        else
            r = call(role, "PUT", restBase(spec) + u'/' + id, change);
    }
    Decision d;
    d.verdict = r.status / 100 == 2 ? allowed : r.errorCode();
    if (d.verdict.isEmpty())
        d.verdict = u"http-%1"_s.arg(r.status);
    d.detail = u"REST %1: %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
    return d;
}

TestRestSyncParity::Decision
TestRestSyncParity::syncWrite(const QString &role, const EntitySpec &spec, const QString &action,
                              const QString &field, const Fixture &fixture,
                              const QJsonObject &change)
{
    const QJsonObject record = fixture.record.value(spec.name);
    const QString id = record.value(u"id").toString();
    const qint64 rev = record.value(u"rev").toInteger();
    QJsonObject theOp;
    const auto patchOf = [&](const QJsonObject &values) {
        QJsonObject patch;
        for (auto it = values.begin(); it != values.end(); ++it)
            patch.insert(it.key(),
                         QJsonObject {{u"old"_s, record.value(it.key())}, {u"new"_s, it.value()}});
        return patch;
    };
    if (action == u"create") {
        QJsonObject values = change;
        const QString newId = values.take(u"id").toString();
        QJsonObject patch;
        for (auto it = values.begin(); it != values.end(); ++it)
            patch.insert(it.key(), QJsonObject {{u"new"_s, it.value()}});
        theOp = op(spec.name, newId, spec.isAppendOnly() ? u"append"_s : u"create"_s, patch);
    } else if (action == u"resolve") {
        const OwnDoor door = ownDoors.value(spec.name);
        theOp
            = op(spec.name, id, u"update"_s,
                 patchOf({{door.statusField, door.statusValue}, {door.resolveField, field}}), rev);
    } else if (action == u"delete") {
        theOp = op(spec.name, id, u"delete"_s, {}, rev);
    } else {
        theOp = op(spec.name, id, u"update"_s, patchOf(change), rev);
    }
    const HttpResult r = push(role, {theOp});
    Decision d;
    const QJsonObject result = r.data().toObject().value(u"results").toArray().first().toObject();
    const QString outcome = result.value(u"outcome").toString();
    if (r.status != 200)
        d.verdict = u"push-%1-%2"_s.arg(r.status).arg(r.errorCode());
    else if (outcome == u"applied" || outcome == u"merged")
        d.verdict = allowed;
    else if (outcome == u"rejected")
        d.verdict = result.value(u"reason").toString();
    else
        d.verdict = u"outcome-"_s + outcome;
    d.detail = u"sync %1: %2"_s.arg(r.status).arg(compact(result));
    return d;
}

TestRestSyncParity::Decision
TestRestSyncParity::restRead(const QString &role, const EntitySpec &spec, const Fixture &fixture)
{
    const QJsonObject record = fixture.record.value(spec.name);
    const QString id = record.value(u"id").toString();
    Decision d;
    HttpResult r;
    if (ownDoors.contains(spec.name)) {
        r = call(role, "GET", ownDoors.value(spec.name).read.arg(id));
        d.record = r.data().toObject();
    } else if (spec.isAppendOnly()) {
        // Append-only records are listed under their parent (with the summary they add up to).
        r = call(role, "GET", restChildren(spec, record.value(spec.parentField).toString()));
        d.record = findById(r.data(), id);
        if (r.status == 200 && d.record.isEmpty()) {
            d.verdict = u"not_found"_s;
            d.detail = u"REST 200 without the record: "_s + QString::fromUtf8(r.body.left(300));
            return d;
        }
    } else {
        r = call(role, "GET", restBase(spec) + u'/' + id);
        d.record = r.data().toObject();
    }
    d.verdict = r.status == 200 ? allowed : r.errorCode();
    if (d.verdict.isEmpty())
        d.verdict = u"http-%1"_s.arg(r.status);
    d.detail = u"REST %1: %2"_s.arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
    return d;
}

TestRestSyncParity::Decision
TestRestSyncParity::syncRead(const QString &role, const EntitySpec &spec, const Fixture &fixture)
{
    const QString id = fixture.record.value(spec.name).value(u"id").toString();
    qint64 cursor = fixture.cursorBefore;
    const QJsonObject change = pull(role, cursor).value(spec.name + u'/' + id);
    Decision d;
    const bool shipped = !change.isEmpty() && !change.value(u"deleted").toBool();
    d.verdict = shipped ? allowed : u"not_found"_s;
    d.record = change.value(u"fields").toObject();
    d.detail = u"pull: "_s + (change.isEmpty() ? u"not shipped"_s : compact(change).left(300));
    return d;
}

void TestRestSyncParity::parity()
{
    QFETCH(QString, entity);
    QFETCH(QString, role);
    QFETCH(QString, action);
    QFETCH(QString, field);
    ++m_rows;
    const EntitySpec *spec = EntityRegistry::find(entity);
    QVERIFY(spec);
    if (spec->restPath.isEmpty() && !ownDoors.contains(entity))
        QFAIL("The record type has no restPath and no door declared in ownDoors: declare where "
              "REST reads and changes it.");

    if (action == u"read") {
        std::optional<Fixture> fixture = makeFixture(true);
        QVERIFY2(fixture, "could not make the fixture");
        if (!field.isEmpty()) // the record held back from learners
            fixture->record.insert(entity, fixture->held.value(field).value(entity));
        const Decision rest = restRead(role, *spec, *fixture);
        const Decision sync = syncRead(role, *spec, *fixture);
        ++m_tally[rest.verdict + u" / "_s + sync.verdict];
        qDebug().noquote() << "REST / sync:" << rest.verdict << "/" << sync.verdict;
        QVERIFY2(rest.verdict == sync.verdict,
                 qPrintable(u"REST %1, sync %2\n  %3\n  %4"_s.arg(rest.verdict, sync.verdict,
                                                                  rest.detail, sync.detail)));
        if (rest.verdict == allowed && sync.verdict == allowed) {
            // The same record through both doors.
            for (const FieldSpec &f : spec->fields)
                QVERIFY2(rest.record.value(f.name) == sync.record.value(f.name),
                         qPrintable(u"%1: REST %2, pull %3"_s.arg(
                             f.name, compact(rest.record.value(f.name)),
                             compact(sync.record.value(f.name)))));
            // What a learner reads of a locked record says what is coming and when, not what
            // it holds.
            if (field == u"locked" && role == u"student") {
                QVERIFY(rest.record.contains(u"unlockAt"));
                for (const FieldSpec &f : spec->fields)
                    QVERIFY2(f.type != FieldType::LongText || !rest.record.contains(f.name),
                             qPrintable(f.name + u" of a locked record reached a learner"_s));
            }
        }
        return;
    }

    // A fresh fixture for each door: what one door did must not decide for the other.
    std::optional<Fixture> forRest = makeFixture();
    std::optional<Fixture> forSync = makeFixture();
    QVERIFY2(forRest && forSync, "could not make the fixture");
    const auto changeFor = [&](const Fixture &fixture) {
        const QJsonObject record = fixture.record.value(entity);
        if (action == u"create") {
            QJsonObject values = validRecord(*spec, fixture);
            values.insert(u"id"_s, createUuidV7String());
            return values;
        }
        if (action == u"resolve") {
            // An edited resolution sends the value the person chose for the conflicted field.
            const QString conflicted = record.value(u"field").toString();
            const EntitySpec *target = EntityRegistry::find(record.value(u"entity").toString());
            const FieldSpec *f = target ? target->field(conflicted) : nullptr;
            return f ? QJsonObject {{u"value"_s,
                                     newValue(*target, *f, record.value(u"theirs"), fixture)}}
                     : QJsonObject();
        }
        if (action == u"delete")
            return QJsonObject();
        if (action == u"place") {
            // Sync says where by a key before every sibling's; REST by {"position": "first"}.
            QString first = record.value(field).toString();
            QList<QJsonObject> others {fixture.sibling.value(entity)};
            for (const auto &held : fixture.held)
                others.append(held.value(entity));
            for (const QJsonObject &other : std::as_const(others)) {
                if (other.value(spec->parentField) == record.value(spec->parentField)
                    && other.value(field).toString() < first)
                    first = other.value(field).toString();
            }
            return QJsonObject {{field, OrderKey::between(QString(), first)}};
        }
        if (action == u"reparent-elsewhere")
            return QJsonObject {
                {field, fixture.elsewhere.value(spec->parentSpec()->name).value(u"id")}};
        const FieldSpec *f = spec->field(field);
        return f ? QJsonObject {{field, newValue(*spec, *f, record.value(field), fixture)}}
                 : QJsonObject();
    };
    const QJsonObject restChange = changeFor(*forRest);
    const QJsonObject syncChange = changeFor(*forSync);
    const Decision rest = restWrite(role, *spec, action, field, *forRest, restChange);
    const Decision sync = syncWrite(role, *spec, action, field, *forSync, syncChange);
    ++m_tally[rest.verdict + u" / "_s + sync.verdict];
    qDebug().noquote() << "REST / sync:" << rest.verdict << "/" << sync.verdict;
    QVERIFY2(rest.verdict == sync.verdict,
             qPrintable(u"REST %1, sync %2\n  %3\n  %4"_s.arg(rest.verdict, sync.verdict,
                                                              rest.detail, sync.detail)));

    // An allowed write did what it said, through either door, as the caller's own pull shows it
    // (another organisation's admin made a course in theirs).
    if (rest.verdict != allowed && sync.verdict != allowed)
        return;
    qint64 cursor = forRest->cursorBefore;
    const QHash<QString, QJsonObject> changes = pull(role, cursor);
    const auto check = [&](const Decision &d, const Fixture &fixture, const QJsonObject &sent) {
        if (d.verdict != allowed)
            return QString();
        return effectMissing(*spec, action, fixture, sent, changes);
    };
    const QString restProblem = check(rest, *forRest, restChange);
    QVERIFY2(restProblem.isEmpty(), qPrintable(u"REST: "_s + restProblem));
    const QString syncProblem = check(sync, *forSync, syncChange);
    QVERIFY2(syncProblem.isEmpty(), qPrintable(u"sync: "_s + syncProblem));
}

QString TestRestSyncParity::effectMissing(const EntitySpec &spec, const QString &action,
                                          const Fixture &fixture, const QJsonObject &sent,
                                          const QHash<QString, QJsonObject> &changes)
{
    // Gone: a tombstone in the pull or, where none reaches it (a deleted course's tombstones do
    // not reach its staff's pull), no longer there for REST.
    const auto gone = [&](const EntitySpec &of, const QJsonObject &record) {
        const QJsonObject change = changes.value(of.name + u'/' + record.value(u"id").toString());
        if (!change.isEmpty())
            return change.value(u"deleted").toBool();
        Fixture only;
        only.record.insert(of.name, record);
        return restRead(maker, of, only).verdict != allowed;
    };
    if (action == u"delete") {
        const QJsonObject record = fixture.record.value(spec.name);
        if (!gone(spec, record))
            return u"the record is still there"_s;
        // What the registry says a delete takes with it goes too.
        for (const EntitySpec::Cascade &cascade : spec.cascade) {
            const EntitySpec *below = EntityRegistry::find(cascade.entity);
            const QJsonObject child = fixture.record.value(cascade.entity);
            if (below && !child.isEmpty() && child.value(cascade.field) == record.value(u"id")
                && !gone(*below, child))
                return cascade.entity + u" is still there"_s;
        }
        return QString();
    }
    const QString id = action == u"create"
        ? sent.value(u"id").toString()
        : fixture.record.value(spec.name).value(u"id").toString();
    const QJsonObject change = changes.value(spec.name + u'/' + id);
    if (change.isEmpty())
        return u"the record did not change"_s;
    if (change.value(u"deleted").toBool())
        return u"the record is gone"_s;
    const QJsonObject after = change.value(u"fields").toObject();
    QJsonObject expected = sent;
    if (action == u"create") {
        expected.remove(u"id"_s);
        // Placed after its siblings when the caller did not choose a place.
        for (const FieldSpec &f : spec.fields) {
            if (f.type != FieldType::OrderKey || sent.contains(f.name))
                continue;
            for (const QJsonObject &other :
                 {fixture.record.value(spec.name), fixture.sibling.value(spec.name)}) {
                if (!other.isEmpty()
                    && other.value(spec.parentField) == sent.value(spec.parentField)
                    && after.value(f.name).toString() <= other.value(f.name).toString())
                    return u"%1 %2 does not place it after its sibling's %3"_s.arg(
                        f.name, after.value(f.name).toString(), other.value(f.name).toString());
            }
        }
    }
    if (action == u"resolve") {
        const OwnDoor door = ownDoors.value(spec.name);
        expected = {{door.statusField, door.statusValue}};
    }
    if (action == u"place") {
        // First among its siblings, whichever key the door chose.
        const QString key = expected.begin().key();
        const QJsonObject sibling = fixture.sibling.value(spec.name);
        if (after.value(key).toString() >= sibling.value(key).toString())
            return u"%1 %2 does not place it before its sibling's %3"_s.arg(
                key, after.value(key).toString(), sibling.value(key).toString());
        return QString();
    }
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const FieldSpec *f = spec.field(it.key());
        if (!f)
            continue;
        QJsonValue want = it.value();
        QJsonValue have = after.value(it.key());
        if (f->type == FieldType::Time) {
            want = QDateTime::fromString(want.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
            have = QDateTime::fromString(have.toString(), Qt::ISODateWithMs).toMSecsSinceEpoch();
        }
        if (want != have)
            return u"%1 is %2, not %3"_s.arg(it.key(), compact(after.value(it.key())),
                                             compact(it.value()));
    }
    return QString();
}

QTEST_GUILESS_MAIN(TestRestSyncParity)
#include "tst_restsyncparity.moc"
