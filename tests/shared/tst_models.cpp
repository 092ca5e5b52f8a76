#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <lectern/jsonutil.h>
#include <lectern/organization.h>
#include <lectern/role.h>
#include <lectern/roleassignment.h>
#include <lectern/user.h>

using namespace Lectern;
using namespace Qt::StringLiterals;

// The domain records as they travel between server and client: what goes out as JSON must come
// back as the same record, and what must never go out (password material) never does.
class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rfc3339_data();
    void rfc3339();
    void roles_data();
    void roles();
    void organizationRoundTrip_data();
    void organizationRoundTrip();
    void organizationJsonShape();
    void organizationValidate_data();
    void organizationValidate();
    void settingsApplyJson_data();
    void settingsApplyJson();
    void userRoundTrip_data();
    void userRoundTrip();
    void userFromJsonIsLenient();
    void userJsonHasNoPasswordMaterial();
    void userValidate_data();
    void userValidate();
    void roleAssignmentRoundTrip_data();
    void roleAssignmentRoundTrip();
};

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

// Through the text a peer would actually receive, not just the in-memory object.
QJsonObject overTheWire(const QJsonObject &object)
{
    return QJsonDocument::fromJson(Json::toBytes(object)).object();
}
} // namespace

void TestModels::rfc3339_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("time"); // invalid: the text must be rejected

    const QDateTime t = utc(2026, 11, 21, 9, 30, 0);
    QTest::newRow("utc") << u"2026-11-21T09:30:00Z"_s << t;
    QTest::newRow("positive offset") << u"2026-11-21T10:30:00+01:00"_s << t;
    QTest::newRow("negative offset") << u"2026-11-21T04:30:00-05:00"_s << t;
    QTest::newRow("fraction") << u"2026-11-21T09:30:00.250Z"_s << t.addMSecs(250);
    QTest::newRow("no zone") << u"2026-11-21T09:30:00"_s << QDateTime();
    QTest::newRow("space separator") << u"2026-11-21 09:30:00Z"_s << QDateTime();
    QTest::newRow("date only") << u"2026-11-21"_s << QDateTime();
    QTest::newRow("impossible date") << u"2026-02-30T09:30:00Z"_s << QDateTime();
    QTest::newRow("words") << u"next tuesday at noon"_s << QDateTime();
    QTest::newRow("empty") << QString() << QDateTime();
}

void TestModels::rfc3339()
{
    QFETCH(QString, text);
    QFETCH(QDateTime, time);

    const QDateTime parsed = Json::parseRfc3339(text);
    QCOMPARE(parsed.isValid(), time.isValid());
    if (time.isValid()) {
        QCOMPARE(parsed, time);
        QCOMPARE(parsed.timeSpec(), Qt::UTC);
        QCOMPARE(Json::toDateTime(QJsonValue(text)), time);
        // Written back in UTC with second precision, as the API promises.
        QCOMPARE(Json::toRfc3339(parsed), Json::toRfc3339(time.addMSecs(-time.time().msec())));
        QVERIFY(Json::toRfc3339(parsed).endsWith(u'Z'));
    }
    QCOMPARE(Json::toRfc3339(utc(2026, 11, 21, 9, 30, 0)), u"2026-11-21T09:30:00Z"_s);
    QVERIFY(Json::fromDateTime(QDateTime()).isNull());
    QVERIFY(!Json::toDateTime(QJsonValue(12345)).isValid());
}

void TestModels::roles_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("role"); // -1: not a role

    QTest::newRow("admin") << u"admin"_s << int(Role::Admin);
    QTest::newRow("instructor") << u"instructor"_s << int(Role::Instructor);
    QTest::newRow("ta") << u"ta"_s << int(Role::TeachingAssistant);
    QTest::newRow("student") << u"student"_s << int(Role::Student);
    QTest::newRow("any case") << u"Admin"_s << int(Role::Admin);
    QTest::newRow("display name is not a wire name") << u"Teaching assistant"_s << -1;
    QTest::newRow("unknown") << u"owner"_s << -1;
    QTest::newRow("empty") << QString() << -1;
}

void TestModels::roles()
{
    QFETCH(QString, text);
    QFETCH(int, role);

    const std::optional<Role> parsed = roleFromString(text);
    QCOMPARE(parsed.has_value(), role >= 0);
    if (role >= 0) {
        QCOMPARE(int(*parsed), role);
        QCOMPARE(roleToString(*parsed), text.toLower());
        QVERIFY(!roleDisplayName(*parsed).isEmpty());
    }
    QCOMPARE(allRoles().size(), 4);
    QCOMPARE(rolesToStrings(allRoles()),
             (QStringList {u"admin"_s, u"instructor"_s, u"ta"_s, u"student"_s}));
}

void TestModels::organizationRoundTrip_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<bool>("selfRegistration");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("timeZone");
    QTest::addColumn<QDateTime>("created");
    QTest::addColumn<qint64>("rev");

    QTest::newRow("demo") << u"Demo Academy"_s << u"demo"_s << false << u"en"_s << u"UTC"_s
                          << utc(2026, 11, 21, 9, 30, 0) << qint64(1);
    QTest::newRow("open registration")
        << u"École d'été"_s << u"ecole-ete"_s << true << u"fr-CA"_s << u"America/Montreal"_s
        << utc(2025, 1, 2, 3, 4, 5) << qint64(42);
    QTest::newRow("never saved") << u"Draft"_s << u"draft"_s << false << u"de"_s
                                 << u"Europe/Berlin"_s << QDateTime() << qint64(0);
    QTest::newRow("large revision") << u"Big"_s << u"big"_s << true << u"ja"_s << u"Asia/Tokyo"_s
                                    << utc(2030, 12, 31, 23, 59, 59) << qint64(9007199254740993LL);
}

void TestModels::organizationRoundTrip()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    QFETCH(bool, selfRegistration);
    QFETCH(QString, locale);
    QFETCH(QString, timeZone);
    QFETCH(QDateTime, created);
    QFETCH(qint64, rev);

    Organization org;
    org.id = u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s;
    org.name = name;
    org.slug = slug;
    org.settings.allowSelfRegistration = selfRegistration;
    org.settings.defaultLocale = locale;
    org.settings.timeZone = timeZone;
    org.createdAt = created;
    org.updatedAt = created.isValid() ? created.addSecs(60) : QDateTime();
    org.rev = rev;

    const QJsonObject json = org.toJson();
    const Organization back = Organization::fromJson(overTheWire(json));
    QCOMPARE(back.id, org.id);
    QCOMPARE(back.name, org.name);
    QCOMPARE(back.slug, org.slug);
    QCOMPARE(back.settings, org.settings);
    QCOMPARE(back.createdAt, org.createdAt);
    QCOMPARE(back.updatedAt, org.updatedAt);
    QCOMPARE(back.rev, org.rev);
    QCOMPARE(back.toJson(), json);
    QVERIFY(back.validate().isEmpty());
}

void TestModels::organizationJsonShape()
{
    Organization org;
    org.id = u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s;
    org.name = u"Demo Academy"_s;
    org.slug = u"demo"_s;
    org.createdAt = utc(2026, 11, 21, 9, 30, 0);
    org.rev = 3;

    const QJsonObject json = org.toJson();
    QCOMPARE(json.value(u"createdAt").toString(), u"2026-11-21T09:30:00Z"_s);
    QVERIFY(json.value(u"updatedAt").isNull()); // never updated: null, not an empty string
    QCOMPARE(json.value(u"rev").toInteger(), qint64(3));
    QCOMPARE(json.value(u"settings").toObject(),
             (QJsonObject {{u"allowSelfRegistration"_s, false},
                           {u"defaultLocale"_s, u"en"_s},
                           {u"timeZone"_s, u"UTC"_s},
                           {u"minPasswordLength"_s, 8}}));
}

void TestModels::organizationValidate_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QStringList>("badFields");

    QTest::newRow("valid") << u"Demo Academy"_s << u"demo"_s << QStringList();
    QTest::newRow("no name") << u"  "_s << u"demo"_s << QStringList {u"name"_s};
    QTest::newRow("bad slug") << u"Demo"_s << u"Demo Academy"_s << QStringList {u"slug"_s};
    QTest::newRow("both") << QString() << QString() << QStringList {u"name"_s, u"slug"_s};
}

void TestModels::organizationValidate()
{
    QFETCH(QString, name);
    QFETCH(QString, slug);
    QFETCH(QStringList, badFields);

    Organization org;
    org.name = name;
    org.slug = slug;
    QCOMPARE(org.validate().fieldNames(), badFields);
}

void TestModels::settingsApplyJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("badFields");
    QTest::addColumn<bool>("selfRegistration");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("timeZone");

    // Starting point for every row: {false, "en", "UTC"}.
    const QString p = u"settings."_s;
    QTest::newRow("empty changes nothing")
        << QByteArray("{}") << p << QStringList() << false << u"en"_s << u"UTC"_s;
    QTest::newRow("all valid") << QByteArray(
        R"({"allowSelfRegistration":true,"defaultLocale":"fr",)"
        R"("timeZone":"Europe/Paris"})")
                               << p << QStringList() << true << u"fr"_s << u"Europe/Paris"_s;
    QTest::newRow("bad time zone")
        << QByteArray(R"({"timeZone":"Mars/Olympus_Mons"})") << p
        << QStringList {u"settings.timeZone"_s} << false << u"en"_s << u"UTC"_s;
    QTest::newRow("empty time zone")
        << QByteArray(R"({"timeZone":""})") << p << QStringList {u"settings.timeZone"_s} << false
        << u"en"_s << u"UTC"_s;
    QTest::newRow("path instead of a time zone")
        << QByteArray(R"({"timeZone":"../../../../etc/localtime"})") << p
        << QStringList {u"settings.timeZone"_s} << false << u"en"_s << u"UTC"_s;
    QTest::newRow("time zone with newline")
        << QByteArray(R"({"timeZone":"Europe/Paris\n"})") << p
        << QStringList {u"settings.timeZone"_s} << false << u"en"_s << u"UTC"_s;
    QTest::newRow("three-part time zone")
        << QByteArray(R"({"timeZone":"America/Argentina/Buenos_Aires"})") << p << QStringList()
        << false << u"en"_s << u"America/Argentina/Buenos_Aires"_s;
    QTest::newRow("Etc offset zone") << QByteArray(R"({"timeZone":"Etc/GMT+5"})") << p
                                     << QStringList() << false << u"en"_s << u"Etc/GMT+5"_s;
    QTest::newRow("time zone not a string")
        << QByteArray(R"({"timeZone":1})") << p << QStringList {u"settings.timeZone"_s} << false
        << u"en"_s << u"UTC"_s;
    QTest::newRow("empty locale") << QByteArray(R"({"defaultLocale":""})") << p
                                  << QStringList {u"settings.defaultLocale"_s} << false << u"en"_s
                                  << u"UTC"_s;
    QTest::newRow("overlong locale")
        << QByteArray(R"({"defaultLocale":")" + QByteArray(36, 'x') + R"("})") << p
        << QStringList {u"settings.defaultLocale"_s} << false << u"en"_s << u"UTC"_s;
    QTest::newRow("locale not a string")
        << QByteArray(R"({"defaultLocale":["en"]})") << p
        << QStringList {u"settings.defaultLocale"_s} << false << u"en"_s << u"UTC"_s;
    QTest::newRow("flag not a bool")
        << QByteArray(R"({"allowSelfRegistration":"yes"})") << p
        << QStringList {u"settings.allowSelfRegistration"_s} << false << u"en"_s << u"UTC"_s;
    QTest::newRow("unknown key") << QByteArray(R"({"colour":"red"})") << p
                                 << QStringList {u"settings.colour"_s} << false << u"en"_s
                                 << u"UTC"_s;
    QTest::newRow("good fields apply beside a bad one")
        << QByteArray(R"({"allowSelfRegistration":true,"timeZone":"Nowhere/Special"})") << p
        << QStringList {u"settings.timeZone"_s} << true << u"en"_s << u"UTC"_s;
    QTest::newRow("several bad") << QByteArray(R"({"defaultLocale":"","timeZone":"x/y"})") << p
                                 << QStringList {u"settings.defaultLocale"_s,
                                                 u"settings.timeZone"_s}
                                 << false << u"en"_s << u"UTC"_s;
    QTest::newRow("no prefix") << QByteArray(R"({"timeZone":"Mars/Olympus_Mons"})") << QString()
                               << QStringList {u"timeZone"_s} << false << u"en"_s << u"UTC"_s;
}

void TestModels::settingsApplyJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, prefix);
    QFETCH(QStringList, badFields);
    QFETCH(bool, selfRegistration);
    QFETCH(QString, locale);
    QFETCH(QString, timeZone);

    OrganizationSettings settings;
    ValidationErrors errors;
    errors.add(u"name"_s, u"earlier problem"_s); // errors are added to, not replaced
    settings.applyJson(QJsonDocument::fromJson(json).object(), errors, prefix);

    QStringList expected = badFields;
    expected.append(u"name"_s);
    expected.sort();
    QCOMPARE(errors.fieldNames(), expected);
    QCOMPARE(errors.message(u"name"_s), u"earlier problem"_s);
    for (const QString &field : badFields)
        QVERIFY(!errors.message(field).isEmpty());
    QCOMPARE(settings.allowSelfRegistration, selfRegistration);
    QCOMPARE(settings.defaultLocale, locale);
    QCOMPARE(settings.timeZone, timeZone);
}

void TestModels::userRoundTrip_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("roles");
    QTest::addColumn<QDateTime>("lastLogin");

    QTest::newRow("admin") << u"admin@demo.lectern"_s << u"Ada Admin"_s << int(UserStatus::Active)
                           << u"en"_s << QStringList {u"admin"_s} << utc(2026, 11, 21, 8, 0, 0);
    QTest::newRow("several roles")
        << u"ta@demo.lectern"_s << u"Tomás Ayudante"_s << int(UserStatus::Active) << u"es"_s
        << QStringList {u"instructor"_s, u"ta"_s} << QDateTime();
    QTest::newRow("suspended, no locale, no roles")
        << u"student3@demo.lectern"_s << u"Sam Student"_s << int(UserStatus::Suspended) << QString()
        << QStringList() << utc(2025, 6, 1, 12, 0, 0);
}

void TestModels::userRoundTrip()
{
    QFETCH(QString, email);
    QFETCH(QString, name);
    QFETCH(int, status);
    QFETCH(QString, locale);
    QFETCH(QStringList, roles);
    QFETCH(QDateTime, lastLogin);

    User user;
    user.id = u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s;
    user.orgId = u"017f22e2-79b0-7cc3-98c4-dc0c0c073990"_s;
    user.email = email;
    user.name = name;
    user.status = UserStatus(status);
    user.locale = locale;
    for (const QString &r : roles)
        user.roles.append(*roleFromString(r));
    user.createdAt = utc(2024, 2, 29, 12, 0, 0);
    user.updatedAt = utc(2024, 3, 1, 12, 0, 0);
    user.lastLoginAt = lastLogin;
    user.rev = 17;

    const QJsonObject json = user.toJson();
    QCOMPARE(Json::toStringList(json.value(u"roles")), roles);
    QCOMPARE(json.value(u"status").toString(), userStatusToString(user.status));
    QCOMPARE(json.value(u"locale").isNull(), locale.isEmpty());

    const User back = User::fromJson(overTheWire(json));
    QCOMPARE(back.id, user.id);
    QCOMPARE(back.orgId, user.orgId);
    QCOMPARE(back.email, user.email);
    QCOMPARE(back.name, user.name);
    QCOMPARE(back.status, user.status);
    QCOMPARE(back.locale, user.locale);
    QCOMPARE(back.roles, user.roles);
    QCOMPARE(back.createdAt, user.createdAt);
    QCOMPARE(back.updatedAt, user.updatedAt);
    QCOMPARE(back.lastLoginAt, user.lastLoginAt);
    QCOMPARE(back.rev, user.rev);
    QCOMPARE(back.toJson(), json);
    QCOMPARE(back.isAdmin(), roles.contains(u"admin"_s));
}

void TestModels::userFromJsonIsLenient()
{
    // A newer server may send roles or statuses this client does not know yet: keep what is known.
    const QJsonObject json {{u"email"_s, u"x@example.org"_s},
                            {u"status"_s, u"archived"_s},
                            {u"roles"_s, QJsonArray {u"student"_s, u"owner"_s, u"TA"_s}}};
    const User user = User::fromJson(json);
    QCOMPARE(user.status, UserStatus::Active);
    QCOMPARE(user.roles, (QList<Role> {Role::Student, Role::TeachingAssistant}));
    QVERIFY(!user.createdAt.isValid());
    QVERIFY(userStatusFromString(u"suspended") == UserStatus::Suspended);
    QVERIFY(userStatusFromString(u"active") == UserStatus::Active);
    QVERIFY(!userStatusFromString(u"Suspended").has_value());
}

void TestModels::userJsonHasNoPasswordMaterial()
{
    // Even when the input carried password fields (a careless client, a database row turned into
    // JSON), what a User serialises to must not.
    const QJsonObject input {{u"id"_s, u"017f22e2-79b0-7cc3-98c4-dc0c0c07398f"_s},
                             {u"email"_s, u"ada@example.org"_s},
                             {u"name"_s, u"Ada"_s},
                             {u"password"_s, u"hunter22!"_s},
                             {u"passwordHash"_s, u"$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"_s},
                             {u"password_hash"_s, u"$argon2id$..."_s},
                             {u"refreshToken"_s, u"secret-token"_s},
                             {u"roles"_s, QJsonArray {u"admin"_s}},
                             {u"lastLoginAt"_s, u"2026-11-21T09:30:00Z"_s}};
    const QJsonObject json = User::fromJson(input).toJson();
    QCOMPARE(json.value(u"email").toString(), u"ada@example.org"_s); // it did read the record

    static const QStringList forbidden {u"password"_s, u"hash"_s, u"secret"_s, u"salt"_s,
                                        u"token"_s,    u"totp"_s, u"mfa"_s};
    for (const QString &key : json.keys()) {
        for (const QString &word : forbidden)
            QVERIFY2(!key.contains(word, Qt::CaseInsensitive), qPrintable(key));
    }
    const QByteArray bytes = Json::toBytes(json);
    QVERIFY(!bytes.contains("hunter22"));
    QVERIFY(!bytes.contains("argon2"));
    QVERIFY(!bytes.contains("secret-token"));
}

void TestModels::userValidate_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QStringList>("badFields");

    QTest::newRow("valid") << u"ada@example.org"_s << u"Ada"_s << u"en"_s << QStringList();
    QTest::newRow("no locale is fine")
        << u"ada@example.org"_s << u"Ada"_s << QString() << QStringList();
    QTest::newRow("bad email") << u"ada"_s << u"Ada"_s << u"en"_s << QStringList {u"email"_s};
    QTest::newRow("no name") << u"ada@example.org"_s << QString() << u"en"_s
                             << QStringList {u"name"_s};
    QTest::newRow("overlong locale")
        << u"ada@example.org"_s << u"Ada"_s << QString(36, u'x') << QStringList {u"locale"_s};
    QTest::newRow("everything wrong") << QString() << u" "_s << QString(40, u'x')
                                      << QStringList {u"email"_s, u"locale"_s, u"name"_s};
}

void TestModels::userValidate()
{
    QFETCH(QString, email);
    QFETCH(QString, name);
    QFETCH(QString, locale);
    QFETCH(QStringList, badFields);

    User user;
    user.email = email;
    user.name = name;
    user.locale = locale;
    QCOMPARE(user.validate().fieldNames(), badFields);
}

void TestModels::roleAssignmentRoundTrip_data()
{
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("courseId");

    for (Role role : allRoles()) {
        QTest::addRow("%s, organisation-wide", qPrintable(roleToString(role)))
            << int(role) << QString();
        QTest::addRow("%s, in a course", qPrintable(roleToString(role)))
            << int(role) << u"017f22e2-79b0-7cc3-98c4-dc0c0c0739aa"_s;
    }
}

void TestModels::roleAssignmentRoundTrip()
{
    QFETCH(int, role);
    QFETCH(QString, courseId);

    RoleAssignment a;
    a.id = u"017f22e2-79b0-7cc3-98c4-dc0c0c073901"_s;
    a.orgId = u"017f22e2-79b0-7cc3-98c4-dc0c0c073902"_s;
    a.userId = u"017f22e2-79b0-7cc3-98c4-dc0c0c073903"_s;
    a.role = Role(role);
    a.courseId = courseId;
    QCOMPARE(a.isOrganizationWide(), courseId.isEmpty());

    const QJsonObject json = a.toJson();
    QCOMPARE(json.value(u"role").toString(), roleToString(Role(role)));
    // Organisation-wide is an explicit null on the wire, not a missing key or "".
    QVERIFY(json.contains(u"courseId"));
    QCOMPARE(json.value(u"courseId").isNull(), courseId.isEmpty());

    const RoleAssignment back = RoleAssignment::fromJson(overTheWire(json));
    QCOMPARE(back, a);
    QCOMPARE(back.isOrganizationWide(), courseId.isEmpty());
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
