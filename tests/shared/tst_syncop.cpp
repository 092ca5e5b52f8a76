#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <lectern/syncop.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Sync;
using namespace Qt::StringLiterals;

// The sync wire format (docs/architecture.md, "Operations and outcomes"): what a device pushes and
// pulls survives a trip through JSON unchanged, the documented example parses, and every malformed
// part of a push is named so the client can tell its user which op and which field was refused.
// QCOMPARE is not used on OpKind and Outcome: Sync::toString(), found by argument-dependent lookup,
// hides the QTest::toString() it would print them with.
class TestSyncOp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindAndOutcomeNames();
    void opRoundTrip_data();
    void opRoundTrip();
    void pushRoundTripCopiesDeviceId();
    void wireExampleParses();
    void acceptedShapes_data();
    void acceptedShapes();
    void invalidOpFieldIsNamed_data();
    void invalidOpFieldIsNamed();
    void invalidPushIsNamed_data();
    void invalidPushIsNamed();
    void everyBadOpIsNamedAtOnce();
    void opsLimit();
    void duplicateOpIdsAreAllowed();
    void opResultRoundTrip_data();
    void opResultRoundTrip();
    void opResultRefusesBadShapes();
    void pullPageRoundTrip();
    void pullPageRefusesBadShapes();
};

namespace {
const QString deviceId = u"0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"_s;
const QString opId = u"0190a3b2-7c4d-7e8f-9a0b-000000000001"_s;
const QString entityId = u"0190a3b2-7c4d-7e8f-9a0b-0000000000aa"_s;
const QString hlcText = u"0192d4c5e6f7-000001-device-a"_s;

QJsonObject parse(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QJsonObject validOpJson()
{
    return parse(R"({"opId": "0190a3b2-7c4d-7e8f-9a0b-000000000001", "deviceSeq": 17,
        "hlc": "0192d4c5e6f7-000001-device-a", "entity": "course",
        "entityId": "0190a3b2-7c4d-7e8f-9a0b-0000000000aa", "kind": "update", "baseRev": 12,
        "patch": {"title": {"old": "Intro", "new": "Introduction"}}})");
}

QJsonObject pushOf(const QJsonArray &ops)
{
    return QJsonObject {{u"deviceId"_s, deviceId}, {u"ops"_s, ops}};
}

Op sampleOp(OpKind kind)
{
    Op op;
    op.opId = opId;
    op.deviceId = deviceId;
    op.deviceSeq = 17;
    op.hlc = hlcText;
    op.entity = u"module"_s;
    op.entityId = entityId;
    op.kind = kind;
    return op;
}
} // namespace

void TestSyncOp::kindAndOutcomeNames()
{
    const QList<std::pair<OpKind, QString>> kinds {{OpKind::Create, u"create"_s},
                                                   {OpKind::Update, u"update"_s},
                                                   {OpKind::Delete, u"delete"_s},
                                                   {OpKind::Purge, u"purge"_s},
                                                   {OpKind::Append, u"append"_s}};
    for (const auto &[kind, name] : kinds) {
        QCOMPARE(toString(kind), name);
        QVERIFY(opKindFromString(name) == kind);
    }
    QVERIFY(!opKindFromString(u"Create"));
    QVERIFY(!opKindFromString(u""));

    const QList<std::pair<Outcome, QString>> outcomes {{Outcome::Applied, u"applied"_s},
                                                       {Outcome::Merged, u"merged"_s},
                                                       {Outcome::Conflict, u"conflict"_s},
                                                       {Outcome::Rejected, u"rejected"_s}};
    for (const auto &[outcome, name] : outcomes) {
        QCOMPARE(toString(outcome), name);
        QVERIFY(outcomeFromString(name) == outcome);
    }
    QVERIFY(!outcomeFromString(u"ok"));
}

void TestSyncOp::opRoundTrip_data()
{
    QTest::addColumn<Op>("op");

    Op update = sampleOp(OpKind::Update);
    update.baseRev = 12;
    update.patch.insert(u"title"_s, {u"Intro"_s, u"Introduction"_s, true});
    update.patch.insert(u"credits"_s, {2.5, QJsonValue::Null, true});
    update.patch.insert(u"settings"_s,
                        {QJsonObject {{u"a"_s, 1}}, QJsonObject {{u"a"_s, 2}}, true});
    QTest::newRow("update") << update;

    Op create = sampleOp(OpKind::Create);
    create.patch.insert(u"title"_s, {{}, u"New module"_s, false});
    create.patch.insert(u"position"_s, {{}, u"a0"_s, false});
    QTest::newRow("create, no base revision, no old values") << create;

    Op remove = sampleOp(OpKind::Delete);
    remove.baseRev = 0;
    QTest::newRow("delete, empty patch, revision 0") << remove;

    Op purge = sampleOp(OpKind::Purge);
    purge.baseRev = 7;
    QTest::newRow("purge") << purge;

    Op append = sampleOp(OpKind::Append);
    append.entity = u"post"_s;
    append.deviceSeq = 0;
    append.patch.insert(u"body"_s, {{}, u"Hello"_s, false});
    QTest::newRow("append, device sequence 0") << append;

    Op big = sampleOp(OpKind::Update);
    big.deviceSeq = (qint64(1) << 53) + 1;
    big.baseRev = (qint64(1) << 40);
    QTest::newRow("numbers beyond 2^53") << big;
}

void TestSyncOp::opRoundTrip()
{
    QFETCH(Op, op);
    const QJsonObject json = op.toJson();
    QVERIFY(!json.contains(u"deviceId"));
    QCOMPARE(json.value(u"baseRev").isNull(), !op.baseRev.has_value());
    // Through bytes, as it travels.
    const QJsonObject wire = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
    ValidationErrors errors;
    std::optional<Op> back = Op::fromJson(wire, u"ops[0]."_s, errors);
    QVERIFY2(back, qPrintable(errors.fieldNames().join(u", ")));
    QVERIFY(errors.isEmpty());
    back->deviceId = op.deviceId;
    QCOMPARE(*back, op);

    QJsonObject expectedNew;
    for (auto it = op.patch.cbegin(); it != op.patch.cend(); ++it)
        expectedNew.insert(it.key(), it->newValue);
    QCOMPARE(op.newValues(), expectedNew);
}

void TestSyncOp::pushRoundTripCopiesDeviceId()
{
    PushRequest push;
    push.deviceId = deviceId;
    Op first = sampleOp(OpKind::Create);
    first.patch.insert(u"title"_s, {{}, u"A"_s, false});
    Op second = sampleOp(OpKind::Update);
    second.opId = createUuidV7String();
    second.deviceSeq = 18;
    second.baseRev = 1;
    second.patch.insert(u"title"_s, {u"A"_s, u"B"_s, true});
    push.ops = {first, second};

    const QJsonObject json = push.toJson();
    QCOMPARE(json.value(u"deviceId").toString(), deviceId);
    QCOMPARE(json.value(u"ops").toArray().size(), 2);

    // The ops as a tool would send them: no deviceId of their own.
    push.ops[0].deviceId.clear();
    const Result<PushRequest> back = PushRequest::fromJson(json);
    QVERIFY2(back.isOk(), qPrintable(back.isOk() ? QString() : back.error().message));
    QCOMPARE(back->deviceId, deviceId);
    QCOMPARE(back->ops.size(), 2);
    for (const Op &op : back->ops)
        QCOMPARE(op.deviceId, deviceId);
    QCOMPARE(back->ops[1], second);
}

void TestSyncOp::wireExampleParses()
{
    // The wire example of docs/architecture.md ("Operations and outcomes"), placeholders filled in.
    const QJsonObject push = parse(R"({"deviceId": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "ops": [
      {"opId": "0190a3b2-7c4d-7e8f-9a0b-000000000001", "deviceSeq": 17,
       "hlc": "0192d4c5e6f7-000001-device-a", "entity": "course",
       "entityId": "0190a3b2-7c4d-7e8f-9a0b-0000000000aa", "kind": "update",
       "baseRev": 12, "patch": {"title": {"old": "Intro", "new": "Introduction"}}}]})");
    const Result<PushRequest> request = PushRequest::fromJson(push);
    QVERIFY(request.isOk());
    QCOMPARE(request->ops.size(), 1);
    const Op &op = request->ops.first();
    QCOMPARE(op.opId, opId);
    QCOMPARE(op.deviceId, deviceId);
    QCOMPARE(op.deviceSeq, 17);
    QCOMPARE(op.hlc, hlcText);
    QCOMPARE(op.entity, u"course"_s);
    QCOMPARE(op.entityId, entityId);
    QCOMPARE(toString(op.kind), u"update"_s);
    QCOMPARE(op.baseRev, 12);
    QCOMPARE(op.patch.size(), 1);
    QCOMPARE(op.patch.value(u"title"_s), (FieldChange {u"Intro"_s, u"Introduction"_s, true}));
    QCOMPARE(op.newValues(), (QJsonObject {{u"title"_s, u"Introduction"_s}}));

    const QJsonObject results = parse(R"({"results": [
      {"opId": "0190a3b2-7c4d-7e8f-9a0b-000000000001", "outcome": "conflict", "rev": 13,
       "conflictId": "0190a3b2-7c4d-7e8f-9a0b-0000000000cc"},
      {"opId": "0190a3b2-7c4d-7e8f-9a0b-000000000002", "outcome": "rejected", "rev": 0,
       "reason": "forbidden"}]})");
    const QJsonArray list = results.value(u"results").toArray();
    const auto conflict = OpResult::fromJson(list.at(0).toObject());
    QVERIFY(conflict);
    QCOMPARE(toString(conflict->outcome), u"conflict"_s);
    QCOMPARE(conflict->rev, 13);
    QCOMPARE(conflict->conflictId, u"0190a3b2-7c4d-7e8f-9a0b-0000000000cc"_s);
    const auto rejected = OpResult::fromJson(list.at(1).toObject());
    QVERIFY(rejected);
    QCOMPARE(toString(rejected->outcome), u"rejected"_s);
    QCOMPARE(rejected->reason, QString::fromLatin1(Reason::Forbidden));

    const QJsonObject pull = parse(R"({"changes": [{"seq": 101, "entity": "module",
        "entityId": "0190a3b2-7c4d-7e8f-9a0b-0000000000aa", "rev": 4,
        "hlc": "0192d4c5e6f7-000001-server", "deleted": false,
        "fields": {"title": "Week 1"}}], "cursor": 101, "hasMore": true})");
    const auto page = PullPage::fromJson(pull);
    QVERIFY(page);
    QCOMPARE(page->cursor, 101);
    QVERIFY(page->hasMore);
    QCOMPARE(page->changes.size(), 1);
    QCOMPARE(page->changes[0].seq, 101);
    QCOMPARE(page->changes[0].entity, u"module"_s);
    QCOMPARE(page->changes[0].rev, 4);
    QVERIFY(!page->changes[0].deleted);
    QCOMPARE(page->changes[0].fields.value(u"title").toString(), u"Week 1"_s);
}

void TestSyncOp::acceptedShapes_data()
{
    QTest::addColumn<QByteArray>("overrides");
    QTest::addColumn<QString>("removed");

    QTest::newRow("baseRev null") << QByteArray(R"({"baseRev": null})") << QString();
    QTest::newRow("baseRev absent") << QByteArray("{}") << u"baseRev"_s;
    QTest::newRow("patch absent") << QByteArray("{}") << u"patch"_s;
    QTest::newRow("old and new null")
        << QByteArray(R"({"patch": {"title": {"old": null, "new": null}}})") << QString();
    QTest::newRow("create without old")
        << QByteArray(R"({"kind": "create", "baseRev": null, "patch": {"title": {"new": "A"}}})")
        << QString();
    QTest::newRow("append without old")
        << QByteArray(R"({"kind": "append", "patch": {"body": {"new": "A"}}})") << QString();
    QTest::newRow("upper-case UUID")
        << QByteArray(R"({"opId": "0190A3B2-7C4D-7E8F-9A0B-000000000001"})") << QString();
    QTest::newRow("unknown extra field (add, never rename)")
        << QByteArray(R"({"futureField": 1})") << QString();
    QTest::newRow("whole number written as a double")
        << QByteArray(R"({"deviceSeq": 17.0})") << QString();
}

void TestSyncOp::acceptedShapes()
{
    QFETCH(QByteArray, overrides);
    QFETCH(QString, removed);
    QJsonObject json = validOpJson();
    const QJsonObject changes = parse(overrides);
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        json.insert(it.key(), it.value());
    if (!removed.isEmpty())
        json.remove(removed);

    ValidationErrors errors;
    const std::optional<Op> op = Op::fromJson(json, u"ops[0]."_s, errors);
    QVERIFY2(op, qPrintable(errors.fieldNames().join(u", ")));
    QVERIFY(errors.isEmpty());
    if (json.value(u"baseRev").isNull() || !json.contains(u"baseRev"))
        QVERIFY(!op->baseRev);
    if (json.contains(u"patch") && json.value(u"patch").toObject().contains(u"title")) {
        const FieldChange title = op->patch.value(u"title"_s);
        QCOMPARE(title.hasOld,
                 json.value(u"patch").toObject().value(u"title").toObject().contains(u"old"));
    }
}

void TestSyncOp::invalidOpFieldIsNamed_data()
{
    QTest::addColumn<QByteArray>("overrides");
    QTest::addColumn<QString>("removed");
    QTest::addColumn<QString>("field");

    const auto row = [](const char *name, const char *overrides, const QString &removed,
                        const QString &field) {
        QTest::newRow(name) << QByteArray(overrides) << removed << field;
    };
    row("opId missing", "{}", u"opId"_s, u"opId"_s);
    row("opId null", R"({"opId": null})", {}, u"opId"_s);
    row("opId not a UUID", R"({"opId": "op-1"})", {}, u"opId"_s);
    row("opId braced", R"({"opId": "{0190a3b2-7c4d-7e8f-9a0b-000000000001}"})", {}, u"opId"_s);
    row("opId a number", R"({"opId": 5})", {}, u"opId"_s);
    row("entityId missing", "{}", u"entityId"_s, u"entityId"_s);
    row("entityId not a UUID", R"({"entityId": "course-1"})", {}, u"entityId"_s);
    row("hlc missing", "{}", u"hlc"_s, u"hlc"_s);
    row("hlc not an HLC", R"({"hlc": "2026-11-21T09:30:00Z"})", {}, u"hlc"_s);
    row("hlc upper-case hex", R"({"hlc": "0192D4C5E6F7-000001-device-a"})", {}, u"hlc"_s);
    row("entity missing", "{}", u"entity"_s, u"entity"_s);
    row("entity empty", R"({"entity": ""})", {}, u"entity"_s);
    row("entity not a string", R"({"entity": ["course"]})", {}, u"entity"_s);
    row("kind missing", "{}", u"kind"_s, u"kind"_s);
    row("kind unknown", R"({"kind": "rename"})", {}, u"kind"_s);
    row("kind upper case", R"({"kind": "Update"})", {}, u"kind"_s);
    row("kind a number", R"({"kind": 1})", {}, u"kind"_s);
    row("deviceSeq missing", "{}", u"deviceSeq"_s, u"deviceSeq"_s);
    row("deviceSeq negative", R"({"deviceSeq": -1})", {}, u"deviceSeq"_s);
    row("deviceSeq fraction", R"({"deviceSeq": 1.5})", {}, u"deviceSeq"_s);
    row("deviceSeq text", R"({"deviceSeq": "17"})", {}, u"deviceSeq"_s);
    row("deviceSeq too large", R"({"deviceSeq": 1e30})", {}, u"deviceSeq"_s);
    row("baseRev negative", R"({"baseRev": -1})", {}, u"baseRev"_s);
    row("baseRev fraction", R"({"baseRev": 2.5})", {}, u"baseRev"_s);
    row("baseRev text", R"({"baseRev": "12"})", {}, u"baseRev"_s);
    row("baseRev boolean", R"({"baseRev": true})", {}, u"baseRev"_s);
    row("patch a list", R"({"patch": []})", {}, u"patch"_s);
    row("patch text", R"({"patch": "title=A"})", {}, u"patch"_s);
    row("patch entry not an object", R"({"patch": {"title": "Introduction"}})", {},
        u"patch.title"_s);
    row("patch entry a list", R"({"patch": {"title": ["Intro", "Introduction"]}})", {},
        u"patch.title"_s);
    row("update without old", R"({"patch": {"title": {"new": "Introduction"}}})", {},
        u"patch.title.old"_s);
    row("delete without old", R"({"kind": "delete", "patch": {"title": {"new": null}}})", {},
        u"patch.title.old"_s);
    row("without new", R"({"patch": {"title": {"old": "Intro"}}})", {}, u"patch.title.new"_s);
    row("create without new", R"({"kind": "create", "patch": {"title": {}}})", {},
        u"patch.title.new"_s);
}

void TestSyncOp::invalidOpFieldIsNamed()
{
    QFETCH(QByteArray, overrides);
    QFETCH(QString, removed);
    QFETCH(QString, field);
    QJsonObject json = validOpJson();
    const QJsonObject changes = parse(overrides);
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        json.insert(it.key(), it.value());
    if (!removed.isEmpty())
        json.remove(removed);

    ValidationErrors errors;
    errors.add(u"earlier"_s, u"kept"_s);
    QVERIFY(!Op::fromJson(json, u"ops[3]."_s, errors));
    QCOMPARE(errors.fieldNames(), QStringList({u"earlier"_s, u"ops[3]."_s + field}));
    QVERIFY(!errors.message(u"ops[3]."_s + field).isEmpty());

    // The same op in a push: refused as a whole, with the op's index in the name.
    QJsonObject valid = validOpJson();
    valid.insert(u"opId"_s, createUuidV7String());
    const Result<PushRequest> push = PushRequest::fromJson(pushOf({valid, json}));
    QVERIFY(!push.isOk());
    QCOMPARE(push.error().code, QString::fromLatin1(ErrorCode::ValidationFailed));
    QCOMPARE(ValidationErrors::fromError(push.error()).fieldNames(),
             QStringList {u"ops[1]."_s + field});
}

void TestSyncOp::invalidPushIsNamed_data()
{
    QTest::addColumn<QByteArray>("push");
    QTest::addColumn<QString>("field");

    const QByteArray op = QJsonDocument(validOpJson()).toJson(QJsonDocument::Compact);
    QTest::newRow("deviceId missing") << QByteArray(R"({"ops": [)" + op + "]}") << u"deviceId"_s;
    QTest::newRow("deviceId not a UUID")
        << QByteArray(R"({"deviceId": "laptop", "ops": [)" + op + "]}") << u"deviceId"_s;
    QTest::newRow("deviceId a number")
        << QByteArray(R"({"deviceId": 7, "ops": [)" + op + "]}") << u"deviceId"_s;
    QTest::newRow("ops missing") << QByteArray(
        R"({"deviceId": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b"})")
                                 << u"ops"_s;
    QTest::newRow("ops empty") << QByteArray(
        R"({"deviceId": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "ops": []})")
                               << u"ops"_s;
    QTest::newRow("ops an object")
        << QByteArray(R"({"deviceId": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "ops": )" + op + "}")
        << u"ops"_s;
    QTest::newRow("op not an object") << QByteArray(
        R"({"deviceId": "0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b", "ops": [)" + op + ", 42]}")
                                      << u"ops[1]"_s;
}

void TestSyncOp::invalidPushIsNamed()
{
    QFETCH(QByteArray, push);
    QFETCH(QString, field);
    const Result<PushRequest> request = PushRequest::fromJson(parse(push));
    QVERIFY(!request.isOk());
    QCOMPARE(request.error().code, QString::fromLatin1(ErrorCode::ValidationFailed));
    QVERIFY(request.error().message.contains(field));
    QCOMPARE(ValidationErrors::fromError(request.error()).fieldNames(), QStringList {field});
}

void TestSyncOp::everyBadOpIsNamedAtOnce()
{
    QJsonObject badId = validOpJson();
    badId.insert(u"opId"_s, u"x"_s);
    QJsonObject badKindAndSeq = validOpJson();
    badKindAndSeq.insert(u"kind"_s, u"move"_s);
    badKindAndSeq.insert(u"deviceSeq"_s, -3);
    const Result<PushRequest> request
        = PushRequest::fromJson(pushOf({badId, validOpJson(), badKindAndSeq}));
    QVERIFY(!request.isOk());
    QCOMPARE(ValidationErrors::fromError(request.error()).fieldNames(),
             QStringList({u"ops[0].opId"_s, u"ops[2].deviceSeq"_s, u"ops[2].kind"_s}));
}

void TestSyncOp::opsLimit()
{
    QJsonArray ops;
    for (int i = 0; i < maxOpsPerPush; ++i) {
        QJsonObject op = validOpJson();
        op.insert(u"opId"_s, createUuidV7String());
        op.insert(u"deviceSeq"_s, i);
        ops.append(op);
    }
    const Result<PushRequest> full = PushRequest::fromJson(pushOf(ops));
    QVERIFY(full.isOk());
    QCOMPARE(full->ops.size(), maxOpsPerPush);

    ops.append(validOpJson());
    const Result<PushRequest> tooMany = PushRequest::fromJson(pushOf(ops));
    QVERIFY(!tooMany.isOk());
    QCOMPARE(tooMany.error().code, QString::fromLatin1(ErrorCode::ValidationFailed));
    const ValidationErrors errors = ValidationErrors::fromError(tooMany.error());
    QCOMPARE(errors.fieldNames(), QStringList {u"ops"_s});
    QVERIFY2(errors.message(u"ops"_s).contains(u"500"), qPrintable(errors.message(u"ops"_s)));
}

void TestSyncOp::duplicateOpIdsAreAllowed()
{
    // A retried batch may carry an op twice; the server answers the first outcome for both.
    const Result<PushRequest> request
        = PushRequest::fromJson(pushOf({validOpJson(), validOpJson()}));
    QVERIFY(request.isOk());
    QCOMPARE(request->ops.size(), 2);
    QCOMPARE(request->ops[0].opId, request->ops[1].opId);
}

void TestSyncOp::opResultRoundTrip_data()
{
    QTest::addColumn<OpResult>("result");
    QTest::newRow("applied") << OpResult {opId, Outcome::Applied, 13, {}, {}, {}};
    QTest::newRow("merged") << OpResult {opId, Outcome::Merged, 14, {}, {}, {}};
    QTest::newRow("conflict") << OpResult {opId, Outcome::Conflict, 13, entityId, {}, {}};
    QTest::newRow("rejected") << OpResult {opId,
                                           Outcome::Rejected,
                                           0,
                                           {},
                                           QString::fromLatin1(Reason::NotFound),
                                           u"No such module."_s};
}

void TestSyncOp::opResultRoundTrip()
{
    QFETCH(OpResult, result);
    const QJsonObject json = result.toJson();
    QCOMPARE(json.value(u"outcome").toString(), toString(result.outcome));
    QCOMPARE(json.contains(u"conflictId"), !result.conflictId.isEmpty());
    QCOMPARE(json.contains(u"reason"), !result.reason.isEmpty());
    const auto back = OpResult::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->opId, result.opId);
    QCOMPARE(toString(back->outcome), toString(result.outcome));
    QCOMPARE(back->rev, result.rev);
    QCOMPARE(back->conflictId, result.conflictId);
    QCOMPARE(back->reason, result.reason);
    QCOMPARE(back->message, result.message);
}

void TestSyncOp::opResultRefusesBadShapes()
{
    QVERIFY(!OpResult::fromJson(parse(R"({"outcome": "applied", "rev": 1})")));
    QVERIFY(!OpResult::fromJson(parse(R"({"opId": "x", "outcome": "done", "rev": 1})")));
    QVERIFY(!OpResult::fromJson(parse(R"({"opId": "x", "outcome": "applied", "rev": 1.5})")));
    QVERIFY(OpResult::fromJson(parse(R"({"opId": "x", "outcome": "applied"})")));
}

void TestSyncOp::pullPageRoundTrip()
{
    PullPage page;
    page.cursor = 205;
    page.hasMore = true;
    page.changes.append(Change {204, u"module"_s, entityId, 4, hlcText, false,
                                QJsonObject {{u"title"_s, u"Week 1"_s}, {u"position"_s, u"a0"_s}}});
    page.changes.append(Change {205, u"content"_s, opId, 9, hlcText, true, {}});
    const QJsonObject json = page.toJson();
    const auto back = PullPage::fromJson(json);
    QVERIFY(back);
    QCOMPARE(back->cursor, page.cursor);
    QCOMPARE(back->hasMore, page.hasMore);
    QCOMPARE(back->changes.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const Change &a = back->changes[i];
        const Change &b = page.changes[i];
        QCOMPARE(a.seq, b.seq);
        QCOMPARE(a.entity, b.entity);
        QCOMPARE(a.entityId, b.entityId);
        QCOMPARE(a.rev, b.rev);
        QCOMPARE(a.hlc, b.hlc);
        QCOMPARE(a.deleted, b.deleted);
        QCOMPARE(a.fields, b.fields);
    }

    const auto empty = PullPage::fromJson(PullPage {}.toJson());
    QVERIFY(empty);
    QVERIFY(empty->changes.isEmpty());
    QCOMPARE(empty->cursor, 0);
    QVERIFY(!empty->hasMore);
}

void TestSyncOp::pullPageRefusesBadShapes()
{
    QVERIFY(!PullPage::fromJson(parse(R"({"cursor": 1, "hasMore": false})")));
    QVERIFY(!PullPage::fromJson(parse(R"({"changes": [], "hasMore": false})")));
    QVERIFY(!PullPage::fromJson(parse(R"({"changes": [], "cursor": "1"})")));
    QVERIFY(!PullPage::fromJson(parse(R"({"changes": [1], "cursor": 1})")));
    QVERIFY(!PullPage::fromJson(parse(R"({"changes": [{"entity": "module",
        "entityId": "x"}], "cursor": 1})")));
    QVERIFY(!Change::fromJson(parse(R"({"seq": 1, "entity": "module", "entityId": "x",
        "deleted": "no"})")));
    QVERIFY(!Change::fromJson(parse(R"({"seq": 1, "entity": "module", "entityId": "x",
        "fields": []})")));
}

QTEST_GUILESS_MAIN(TestSyncOp)
#include "tst_syncop.moc"
