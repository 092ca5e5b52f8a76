#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <lectern/entityspec.h>

using namespace Lectern;
using namespace Qt::StringLiterals;

// The registry of synced entities: what the server validates and stores, what sync ships, and how
// concurrent edits merge, all read from one table. A 422 must name each bad field.
class TestEntitySpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryHasEntities_data();
    void registryHasEntities();
    void unknownEntityIsNotFound();
    void namesAreUnique();
    void mergeRules_data();
    void mergeRules();
    void validate_data();
    void validate();
    void normalize_data();
    void normalize();
};

namespace {
QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad JSON in a test row: %s", text);
    return doc.object();
}

const QString uuid = u"01a2008c-25a3-713f-92ec-4c45a15e180c"_s;
} // namespace

void TestEntitySpec::registryHasEntities_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("parentField");
    QTest::addColumn<QStringList>("someFields");

    QTest::newRow("course") << u"course"_s << u"courses"_s << QString()
                            << QStringList {u"code"_s,   u"title"_s,         u"term"_s,
                                            u"status"_s, u"maxEnrollment"_s, u"settings"_s};
    QTest::newRow("module") << u"module"_s << u"modules"_s << u"courseId"_s
                            << QStringList {u"courseId"_s,  u"orderKey"_s,  u"title"_s,
                                            u"published"_s, u"publishAt"_s, u"unlockAt"_s};
    QTest::newRow("content") << u"content"_s << u"contents"_s << u"moduleId"_s
                             << QStringList {u"moduleId"_s, u"courseId"_s, u"orderKey"_s, u"type"_s,
                                             u"body"_s,     u"url"_s,      u"required"_s};
    QTest::newRow("enrollment") << u"enrollment"_s << u"enrollments"_s << u"courseId"_s
                                << QStringList {u"courseId"_s, u"userId"_s, u"role"_s, u"status"_s,
                                                u"type"_s};
    QTest::newRow("cohort") << u"cohort"_s << u"cohorts"_s << QString()
                            << QStringList {u"name"_s, u"description"_s};
    QTest::newRow("cohort_member") << u"cohort_member"_s << u"cohort_members"_s << u"cohortId"_s
                                   << QStringList {u"cohortId"_s, u"userId"_s};
    QTest::newRow("cohort_course") << u"cohort_course"_s << u"cohort_courses"_s << u"cohortId"_s
                                   << QStringList {u"cohortId"_s, u"courseId"_s, u"role"_s};
}

void TestEntitySpec::registryHasEntities()
{
    QFETCH(QString, name);
    QFETCH(QString, table);
    QFETCH(QString, parentField);
    QFETCH(QStringList, someFields);

    const EntitySpec *spec = EntityRegistry::find(name);
    QVERIFY(spec);
    QCOMPARE(&EntityRegistry::get(name), spec);
    QCOMPARE(spec->name, name);
    QCOMPARE(spec->table, table);
    QCOMPARE(spec->parentField, parentField);
    if (!parentField.isEmpty()) {
        QVERIFY(spec->field(parentField));
        QVERIFY(spec->field(parentField)->required);
    }
    for (const QString &field : someFields) {
        QVERIFY2(spec->field(field), qPrintable(field));
        QVERIFY(spec->fieldNames().contains(field));
    }
    for (const FieldSpec &f : spec->fields) {
        QVERIFY2(!f.column.isEmpty(), qPrintable(f.name));
        QVERIFY2(f.column == f.column.toLower(), qPrintable(f.column));
    }
    QVERIFY(!spec->field(u"noSuchField"_s));
}

void TestEntitySpec::unknownEntityIsNotFound()
{
    QVERIFY(!EntityRegistry::find(u"spaceship"_s));
    QVERIFY(!EntityRegistry::find(u"courses"_s)); // the table, not the entity
    QVERIFY(!EntityRegistry::find(QString()));
}

void TestEntitySpec::namesAreUnique()
{
    QStringList names;
    QStringList tables;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        QVERIFY2(!names.contains(spec.name), qPrintable(spec.name));
        QVERIFY2(!tables.contains(spec.table), qPrintable(spec.table));
        names.append(spec.name);
        tables.append(spec.table);
        QStringList fields;
        for (const FieldSpec &f : spec.fields) {
            QVERIFY2(!fields.contains(f.name), qPrintable(spec.name + u'.' + f.name));
            fields.append(f.name);
        }
    }
}

void TestEntitySpec::mergeRules_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("rule");

    QTest::newRow("course title") << u"course"_s << u"title"_s << int(MergeRule::Field);
    QTest::newRow("course description") << u"course"_s << u"description"_s << int(MergeRule::Text);
    QTest::newRow("course status") << u"course"_s << u"status"_s << int(MergeRule::ServerDecides);
    QTest::newRow("module order") << u"module"_s << u"orderKey"_s << int(MergeRule::Order);
    QTest::newRow("content order") << u"content"_s << u"orderKey"_s << int(MergeRule::Order);
    QTest::newRow("lesson body") << u"content"_s << u"body"_s << int(MergeRule::Text);
    QTest::newRow("content published") << u"content"_s << u"published"_s << int(MergeRule::Field);
    QTest::newRow("enrollment role")
        << u"enrollment"_s << u"role"_s << int(MergeRule::ServerDecides);
    QTest::newRow("enrollment course")
        << u"enrollment"_s << u"courseId"_s << int(MergeRule::ServerDecides);
}

void TestEntitySpec::mergeRules()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(int, rule);

    const FieldSpec *f = EntityRegistry::get(entity).field(field);
    QVERIFY(f);
    QCOMPARE(int(f->merge), rule);
}

void TestEntitySpec::validate_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QStringList>("badFields"); // sorted

    const auto row = [](const char *name, const char *entity, bool create, const char *input,
                        QStringList bad) {
        QTest::newRow(name) << QString::fromLatin1(entity) << create << json(input)
                            << std::move(bad);
    };

    // Courses.
    row("course: minimal", "course", true, R"({"code": "CS101", "title": "Intro"})", {});
    row("course: everything", "course", true,
        R"({"code": "CS101", "title": "Intro", "description": "# Hi", "term": "2026-fall",
            "startDate": "2026-09-01", "endDate": "2026-12-20",
            "enrollmentOpensAt": "2026-08-01T00:00:00Z", "enrollmentClosesAt": "2026-09-15T12:00:00Z",
            "maxEnrollment": 30, "credits": 2.5, "level": "intro", "status": "draft",
            "settings": {"a": 1}, "bannerFileId": "01a2008c-25a3-713f-92ec-4c45a15e180c"})",
        {});
    row("course: missing code and title", "course", true, R"({"term": "x"})",
        {u"code"_s, u"title"_s});
    row("course: null title", "course", true, R"({"code": "A", "title": null})", {u"title"_s});
    row("course: blank title", "course", true, R"({"code": "A", "title": "   "})", {u"title"_s});
    row("course: code too long", "course", true,
        R"({"code": "12345678901234567890123456789012345678901", "title": "x"})", {u"code"_s});
    row("course: code of 40", "course", true,
        R"({"code": "1234567890123456789012345678901234567890", "title": "x"})", {});
    row("course: title not a string", "course", true, R"({"code": "A", "title": 5})", {u"title"_s});
    row("course: bad dates", "course", true,
        R"({"code": "A", "title": "x", "startDate": "2026-02-30", "endDate": "tomorrow"})",
        {u"endDate"_s, u"startDate"_s});
    row("course: date with time", "course", true,
        R"({"code": "A", "title": "x", "startDate": "2026-02-03T00:00:00Z"})", {u"startDate"_s});
    row("course: bad times", "course", true,
        R"({"code": "A", "title": "x", "enrollmentOpensAt": "2026-02-03",
            "enrollmentClosesAt": 17})",
        {u"enrollmentClosesAt"_s, u"enrollmentOpensAt"_s});
    row("course: negative max enrollment", "course", true,
        R"({"code": "A", "title": "x", "maxEnrollment": -1})", {u"maxEnrollment"_s});
    row("course: fractional max enrollment", "course", true,
        R"({"code": "A", "title": "x", "maxEnrollment": 2.5})", {u"maxEnrollment"_s});
    row("course: max enrollment as text", "course", true,
        R"({"code": "A", "title": "x", "maxEnrollment": "30"})", {u"maxEnrollment"_s});
    row("course: zero max enrollment", "course", true,
        R"({"code": "A", "title": "x", "maxEnrollment": 0})", {});
    row("course: negative credits", "course", true,
        R"({"code": "A", "title": "x", "credits": -0.5})", {u"credits"_s});
    row("course: bad status", "course", true, R"({"code": "A", "title": "x", "status": "open"})",
        {u"status"_s});
    row("course: status wrong case", "course", true,
        R"({"code": "A", "title": "x", "status": "Draft"})", {u"status"_s});
    row("course: settings not an object", "course", true,
        R"({"code": "A", "title": "x", "settings": [1]})", {u"settings"_s});
    row("course: banner not a uuid", "course", true,
        R"({"code": "A", "title": "x", "bannerFileId": "banner.png"})", {u"bannerFileId"_s});
    row("course: unknown fields", "course", true,
        R"({"code": "A", "title": "x", "colour": "red", "Title": "y"})", {u"Title"_s, u"colour"_s});
    row("course: bookkeeping accepted", "course", true,
        R"({"code": "A", "title": "x", "id": "01a2008c-25a3-713f-92ec-4c45a15e180c",
            "orgId": "whatever", "rev": 7, "createdAt": "2026-01-01T00:00:00Z",
            "updatedAt": "2026-01-01T00:00:00Z", "deleted": false})",
        {});
    row("course: update needs nothing", "course", false, R"({})", {});
    row("course: update one field", "course", false, R"({"level": "advanced"})", {});
    row("course: update blank title", "course", false, R"({"title": ""})", {u"title"_s});
    row("course: update clears optional", "course", false, R"({"term": null, "startDate": null})",
        {});
    row("course: update clears required", "course", false, R"({"code": null})", {u"code"_s});
    // Null only clears fields that may be empty: the rest are named, never sent to the database.
    row("course: update nulls what has a default", "course", false,
        R"({"description": null, "settings": null, "status": null})",
        {u"description"_s, u"settings"_s, u"status"_s});
    row("module: update nulls what has a default", "module", false,
        R"({"published": null, "orderKey": null, "description": null})",
        {u"description"_s, u"orderKey"_s, u"published"_s});
    row("content: update nulls what has a default", "content", false,
        R"({"body": null, "required": null, "url": null, "fileId": null})",
        {u"body"_s, u"required"_s});
    row("enrollment: update nulls", "enrollment", false,
        R"({"role": null, "status": null, "type": null})", {u"role"_s, u"status"_s, u"type"_s});
    row("course: lone surrogate and NUL", "course", false,
        R"({"title": "a\ud800b", "description": "a\u0000b", "term": "a\udc00"})",
        {u"description"_s, u"term"_s, u"title"_s});
    row("course: surrogate pair is fine", "course", false, R"({"title": "a\ud83d\ude00b"})", {});
    row("course: control characters", "course", false,
        R"({"title": "a\nb", "code": "a\u001bb", "description": "line\nbreaks\tand tabs\r\n"})",
        {u"code"_s, u"title"_s});
    row("course: lone surrogate in settings", "course", false,
        R"({"settings": {"a\ud800": 1, "b": ["x"]}})", {u"settings"_s});
    row("course: limits", "course", false, R"({"maxEnrollment": 1000001, "credits": 1000.5})",
        {u"credits"_s, u"maxEnrollment"_s});
    row("course: integer past 2^53", "course", false, R"({"maxEnrollment": 9223372036854775807})",
        {u"maxEnrollment"_s});
    row("content: web addresses", "content", false, R"({"url": "https://example.org/a?b=c"})", {});
    row("content: javascript address", "content", false, R"j({"url": "javascript:alert(1)"})j",
        {u"url"_s});
    row("content: data address", "content", false, R"({"url": "data:text/html,x"})", {u"url"_s});
    row("content: file address", "content", false, R"({"url": "file:///etc/passwd"})", {u"url"_s});
    row("content: vbscript address", "content", false, R"({"url": "VBScript:msgbox"})", {u"url"_s});
    row("content: no host", "content", false, R"({"url": "https:///x"})", {u"url"_s});
    row("content: empty address", "content", false, R"({"url": ""})", {});
    row("progress: a day at most", "progress", true,
        R"({"contentId": "01a2008c-25a3-713f-92ec-4c45a15e180c",
            "courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "kind": "time",
            "at": "2026-01-01T00:00:00Z", "seconds": 86401})",
        {u"seconds"_s});

    // Modules.
    row("module: minimal", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "Week 1"})", {});
    row("module: missing course and title", "module", true, R"({})", {u"courseId"_s, u"title"_s});
    row("module: course not a uuid", "module", true, R"({"courseId": "CS101", "title": "W"})",
        {u"courseId"_s});
    row("module: good order key", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W", "orderKey": "a0V"})",
        {});
    row("module: order key ends in 0", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W", "orderKey": "a0V0"})",
        {u"orderKey"_s});
    row("module: order key with a dash", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W", "orderKey": "a-b"})",
        {u"orderKey"_s});
    row("module: order key a number", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W", "orderKey": 5})",
        {u"orderKey"_s});
    row("module: published not a boolean", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W", "published": 1})",
        {u"published"_s});
    row("module: unlock time", "module", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W",
            "unlockAt": "2026-11-21T09:30:00Z", "publishAt": "yesterday"})",
        {u"publishAt"_s});
    row("module: title of 200", "module", true,
        qPrintable(u"{\"courseId\": \"%1\", \"title\": \"%2\"}"_s.arg(uuid, QString(200, u'x'))),
        {});
    row("module: title of 201", "module", true,
        qPrintable(u"{\"courseId\": \"%1\", \"title\": \"%2\"}"_s.arg(uuid, QString(201, u'x'))),
        {u"title"_s});
    row("module: update cannot move course", "module", false,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c"})", {u"courseId"_s});
    row("module: update order key", "module", false, R"({"orderKey": "a1"})", {});
    row("module: update order key without integer part", "module", false, R"({"orderKey": "k"})",
        {u"orderKey"_s});

    // Content items.
    row("content: lesson", "content", true,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "type": "lesson", "title": "L",
            "body": "# Hello", "estimatedMinutes": 10, "required": true})",
        {});
    row("content: every type", "content", true,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "type": "video", "title": "V",
            "url": "https://example.org/v.mp4"})",
        {});
    row("content: missing type", "content", true,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "L"})", {u"type"_s});
    row("content: bad type", "content", true,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "L", "type": "podcast"})",
        {u"type"_s});
    row("content: negative duration", "content", true,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "L", "type": "link",
            "estimatedMinutes": -5})",
        {u"estimatedMinutes"_s});
    row("content: body not text", "content", true,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "L", "type": "lesson",
            "body": {"md": "x"}})",
        {u"body"_s});
    row("content: update cannot change type", "content", false, R"({"type": "link"})", {u"type"_s});
    row("content: update cannot change course", "content", false,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c"})", {u"courseId"_s});
    row("content: update may move module", "content", false,
        R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c"})", {});
    row("content: update unknown", "content", false, R"({"position": "first"})", {u"position"_s});

    // Enrollments and cohorts.
    row("enrollment: defaults", "enrollment", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c",
            "userId": "01a2008c-25a3-713f-92ec-4c45a15e180d"})",
        {});
    row("enrollment: bad role and status", "enrollment", true,
        R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c",
            "userId": "01a2008c-25a3-713f-92ec-4c45a15e180d", "role": "admin", "status": "gone",
            "type": "vip"})",
        {u"role"_s, u"status"_s, u"type"_s});
    row("enrollment: update cannot move", "enrollment", false,
        R"({"userId": "01a2008c-25a3-713f-92ec-4c45a15e180d"})", {u"userId"_s});
    row("cohort: minimal", "cohort", true, R"({"name": "Evening class"})", {});
    row("cohort: missing name", "cohort", true, R"({"description": "x"})", {u"name"_s});
}

void TestEntitySpec::validate()
{
    QFETCH(QString, entity);
    QFETCH(bool, create);
    QFETCH(QJsonObject, input);
    QFETCH(QStringList, badFields);

    const EntitySpec &spec = EntityRegistry::get(entity);
    const ValidationErrors errors
        = spec.validate(input, create ? EntitySpec::Mode::Create : EntitySpec::Mode::Update);
    QStringList names = errors.fieldNames();
    names.sort();
    QCOMPARE(names, badFields);
    QCOMPARE(errors.isEmpty(), badFields.isEmpty());
    for (const QString &name : names)
        QVERIFY2(!errors.message(name).isEmpty(), qPrintable(name));
    if (!badFields.isEmpty()) {
        const Error error = errors.toError();
        QCOMPARE(error.code, u"validation_failed"_s);
    }
}

void TestEntitySpec::normalize_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QJsonObject>("input");
    QTest::addColumn<QJsonObject>("expected");

    QTest::newRow("course defaults")
        << u"course"_s << true << json(R"({"code": "CS101", "title": "Intro"})")
        << json(R"({"code": "CS101", "title": "Intro", "description": "", "status": "draft",
                    "settings": {}})");
    QTest::newRow("course trims short text")
        << u"course"_s << true
        << json(R"({"code": "  CS101 ", "title": "\tIntro\n", "term": " fall ",
                    "description": "  kept  "})")
        << json(R"({"code": "CS101", "title": "Intro", "term": "fall", "description": "  kept  ",
                    "status": "draft", "settings": {}})");
    QTest::newRow("course drops unknown and bookkeeping")
        << u"course"_s << true
        << json(R"({"code": "A", "title": "B", "id": "x", "rev": 3, "colour": "red"})")
        << json(R"({"code": "A", "title": "B", "description": "", "status": "draft",
                    "settings": {}})");
    QTest::newRow("course update has no defaults")
        << u"course"_s << false << json(R"({"title": " New "})") << json(R"({"title": "New"})");
    QTest::newRow("course update keeps nulls")
        << u"course"_s << false << json(R"({"term": null})") << json(R"({"term": null})");
    QTest::newRow("module defaults and lower-case ids")
        << u"module"_s << true
        << json(R"({"courseId": "01A2008C-25A3-713F-92EC-4C45A15E180C", "title": "W"})")
        << json(R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "title": "W",
                    "description": "", "published": false})");
    QTest::newRow("content defaults")
        << u"content"_s << true
        << json(R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "type": "lesson",
                    "title": "L"})")
        << json(R"({"moduleId": "01a2008c-25a3-713f-92ec-4c45a15e180c", "type": "lesson",
                    "title": "L", "body": "", "required": false, "published": false,
                    "settings": {}})");
    QTest::newRow("lesson body is not trimmed")
        << u"content"_s << false << json(R"({"body": "  indented code\n"})")
        << json(R"({"body": "  indented code\n"})");
    QTest::newRow("enrollment defaults")
        << u"enrollment"_s << true << json(R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c",
                    "userId": "01a2008c-25a3-713f-92ec-4c45a15e180d", "role": "ta"})")
        << json(R"({"courseId": "01a2008c-25a3-713f-92ec-4c45a15e180c",
                    "userId": "01a2008c-25a3-713f-92ec-4c45a15e180d", "role": "ta",
                    "status": "enrolled", "type": "regular"})");
    QTest::newRow("cohort defaults") << u"cohort"_s << true << json(R"({"name": " Night "})")
                                     << json(R"({"name": "Night", "description": ""})");
}

void TestEntitySpec::normalize()
{
    QFETCH(QString, entity);
    QFETCH(bool, create);
    QFETCH(QJsonObject, input);
    QFETCH(QJsonObject, expected);

    const QJsonObject out = EntityRegistry::get(entity).normalize(
        input, create ? EntitySpec::Mode::Create : EntitySpec::Mode::Update);
    QVERIFY2(out == expected, QJsonDocument(out).toJson(QJsonDocument::Compact).constData());
}

QTEST_APPLESS_MAIN(TestEntitySpec)
#include "tst_entityspec.moc"
