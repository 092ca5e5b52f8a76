#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QVariant>
#include <lectern/validation.h>
#include <limits>

using namespace Lectern;
using namespace Qt::StringLiterals;

// Input checks shared by server routes and client forms: the same rules must reject the same input
// on both sides, and a 422 must name each bad field (docs/architecture.md, "HTTP conventions").
class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void email_data();
    void email();
    void normalizeEmail_data();
    void normalizeEmail();
    void checkEmail_data();
    void checkEmail();
    void slug_data();
    void slug();
    void password_data();
    void password();
    void requiredText_data();
    void requiredText();
    void errorsKeepFirstMessage();
    void toErrorShape();
    void fromErrorRoundTrip_data();
    void fromErrorRoundTrip();
    void fromErrorOfOtherErrorIsEmpty();
    void jsonFields_data();
    void jsonFields();
    void jsonFieldsLargeIntegerIsExact();
    void rejectUnknown_data();
    void rejectUnknown();
    void locale_data();
    void locale();
    void timeZone_data();
    void timeZone();
    void textProblem_data();
    void textProblem();
    void jsonFieldsRefuseBrokenText();
};

namespace {
QString repeated(QChar c, int n)
{
    return QString(n, c);
}
} // namespace

void TestValidation::email_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    QTest::newRow("simple") << u"ada@example.org"_s << true;
    QTest::newRow("plus and dots") << u"ada.lovelace+lms@mail.example.co.uk"_s << true;
    QTest::newRow("demo admin") << u"admin@demo.lectern"_s << true;
    QTest::newRow("idn domain") << u"jürgen@bücher.de"_s << true;
    QTest::newRow("local part of 64") << QString(repeated(u'a', 64) + u"@example.org"_s) << true;
    QTest::newRow("local part of 65") << QString(repeated(u'a', 65) + u"@example.org"_s) << false;
    QTest::newRow("254 characters")
        << QString(u"a@"_s + repeated(u'b', 254 - 2 - 4) + u".org"_s) << true;
    QTest::newRow("255 characters")
        << QString(u"a@"_s + repeated(u'b', 255 - 2 - 4) + u".org"_s) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("no at") << u"ada.example.org"_s << false;
    QTest::newRow("two ats") << u"ada@@example.org"_s << false;
    QTest::newRow("at in domain") << u"ada@exa@mple.org"_s << false;
    QTest::newRow("no local part") << u"@example.org"_s << false;
    QTest::newRow("no dot in domain") << u"ada@localhost"_s << false;
    QTest::newRow("empty domain label") << u"ada@example..org"_s << false;
    QTest::newRow("domain starts with dot") << u"ada@.example.org"_s << false;
    QTest::newRow("domain ends with dot") << u"ada@example.org."_s << false;
    QTest::newRow("space inside") << u"ada lovelace@example.org"_s << false;
    QTest::newRow("tab inside") << u"ada\t@example.org"_s << false;
    QTest::newRow("leading space") << u" ada@example.org"_s << false;
    QTest::newRow("trailing newline") << u"ada@example.org\n"_s << false;
    QTest::newRow("header injection") << u"ada@example.org\nBcc: eve@evil.example"_s << false;
}

void TestValidation::email()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);

    QCOMPARE(Validation::isValidEmail(email), valid);
}

void TestValidation::normalizeEmail_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("normalized");

    QTest::newRow("already normal") << u"ada@example.org"_s << u"ada@example.org"_s;
    QTest::newRow("mixed case") << u"Ada@Example.ORG"_s << u"ada@example.org"_s;
    QTest::newRow("surrounding whitespace") << u" \tada@example.org \n"_s << u"ada@example.org"_s;
    QTest::newRow("non-ascii case") << u"JÜRGEN@BÜCHER.DE"_s << u"jürgen@bücher.de"_s;
}

void TestValidation::normalizeEmail()
{
    QFETCH(QString, input);
    QFETCH(QString, normalized);

    QCOMPARE(Validation::normalizeEmail(input), normalized);
    QCOMPARE(Validation::normalizeEmail(normalized), normalized); // idempotent
}

void TestValidation::checkEmail_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("error");

    QTest::newRow("valid") << u"ada@example.org"_s << QString();
    QTest::newRow("valid once normalised") << u"  Ada@Example.org "_s << QString();
    QTest::newRow("empty") << QString() << u"must not be empty"_s;
    QTest::newRow("blank") << u"   "_s << u"must not be empty"_s;
    QTest::newRow("invalid") << u"ada@"_s << u"is not a valid email address"_s;
}

void TestValidation::checkEmail()
{
    QFETCH(QString, email);
    QFETCH(QString, error);

    ValidationErrors errors;
    Validation::checkEmail(errors, u"email"_s, email);
    QCOMPARE(errors.isEmpty(), error.isEmpty());
    QCOMPARE(errors.message(u"email"_s), error);
    QCOMPARE(errors.fieldNames(), error.isEmpty() ? QStringList() : QStringList {u"email"_s});
}

void TestValidation::slug_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<bool>("valid");

    QTest::newRow("demo") << u"demo"_s << true;
    QTest::newRow("two characters") << u"ab"_s << true;
    QTest::newRow("digits") << u"2026"_s << true;
    QTest::newRow("inner hyphen") << u"demo-academy"_s << true;
    QTest::newRow("double inner hyphen") << u"a--b"_s << true;
    QTest::newRow("63 characters") << repeated(u'a', 63) << true;
    QTest::newRow("64 characters") << repeated(u'a', 64) << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("one character") << u"a"_s << false;
    QTest::newRow("leading hyphen") << u"-demo"_s << false;
    QTest::newRow("trailing hyphen") << u"demo-"_s << false;
    QTest::newRow("upper case") << u"Demo"_s << false;
    QTest::newRow("underscore") << u"demo_academy"_s << false;
    QTest::newRow("space") << u"demo academy"_s << false;
    QTest::newRow("dot") << u"demo.academy"_s << false;
    QTest::newRow("slash") << u"demo/x"_s << false;
    QTest::newRow("non-ascii letter") << u"académie"_s << false;
    QTest::newRow("trailing newline") << u"demo\n"_s << false;
    QTest::newRow("leading newline") << u"\ndemo"_s << false;
}

void TestValidation::slug()
{
    QFETCH(QString, slug);
    QFETCH(bool, valid);

    QCOMPARE(Validation::isValidSlug(slug), valid);
    ValidationErrors errors;
    Validation::checkSlug(errors, u"slug"_s, slug);
    QCOMPARE(errors.has(u"slug"_s), !valid);
}

void TestValidation::password_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << QString() << u"must be at least 8 characters"_s;
    QTest::newRow("7 characters") << u"1234567"_s << u"must be at least 8 characters"_s;
    QTest::newRow("8 characters") << u"12345678"_s << QString();
    QTest::newRow("demo password") << u"lectern-demo"_s << QString();
    QTest::newRow("passphrase with spaces") << u"correct horse battery staple"_s << QString();
    QTest::newRow("1024 characters") << repeated(u'x', 1024) << QString();
    QTest::newRow("1025 characters")
        << repeated(u'x', 1025) << u"must be at most 1024 characters"_s;
}

void TestValidation::password()
{
    QFETCH(QString, password);
    QFETCH(QString, error);

    ValidationErrors errors;
    Validation::checkPassword(errors, u"password"_s, password);
    QCOMPARE(errors.message(u"password"_s), error);
    QCOMPARE(errors.isEmpty(), error.isEmpty());
}

void TestValidation::requiredText_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<QString>("error");

    QTest::newRow("ok") << u"Demo Academy"_s << Validation::maxNameLength << QString();
    QTest::newRow("empty") << QString() << Validation::maxNameLength << u"must not be empty"_s;
    QTest::newRow("whitespace only")
        << u" \t\n "_s << Validation::maxNameLength << u"must not be empty"_s;
    QTest::newRow("200 characters")
        << repeated(u'n', 200) << Validation::maxNameLength << QString();
    QTest::newRow("201 characters")
        << repeated(u'n', 201) << Validation::maxNameLength << u"must be at most 200 characters"_s;
    QTest::newRow("200 plus surrounding spaces") << QString(u"  "_s + repeated(u'n', 200) + u"  "_s)
                                                 << Validation::maxNameLength << QString();
    QTest::newRow("custom limit") << u"abcdef"_s << 5 << u"must be at most 5 characters"_s;
}

void TestValidation::requiredText()
{
    QFETCH(QString, value);
    QFETCH(int, maxLength);
    QFETCH(QString, error);

    ValidationErrors errors;
    Validation::checkRequiredText(errors, u"name"_s, value, maxLength);
    QCOMPARE(errors.message(u"name"_s), error);
    QCOMPARE(errors.isEmpty(), error.isEmpty());
}

void TestValidation::errorsKeepFirstMessage()
{
    ValidationErrors errors;
    QVERIFY(errors.isEmpty());
    errors.add(u"name"_s, u"must not be empty"_s);
    errors.add(u"name"_s, u"must be at most 200 characters"_s);
    errors.add(u"email"_s, u"is not a valid email address"_s);
    QVERIFY(!errors.isEmpty());
    QVERIFY(errors.has(u"name"_s));
    QVERIFY(!errors.has(u"slug"_s));
    QCOMPARE(errors.message(u"name"_s), u"must not be empty"_s);
    QCOMPARE(errors.message(u"slug"_s), QString());
    QCOMPARE(errors.fieldNames(), (QStringList {u"email"_s, u"name"_s}));
}

void TestValidation::toErrorShape()
{
    ValidationErrors errors;
    errors.add(u"name"_s, u"must not be empty"_s);
    errors.add(u"settings.timeZone"_s, u"must be an IANA time zone such as Europe/Paris"_s);

    const Error error = errors.toError();
    QCOMPARE(error.code, QString::fromLatin1(ErrorCode::ValidationFailed));
    QCOMPARE(error.code, u"validation_failed"_s);
    // Exactly {"fields": {field: message}}: clients read this shape (docs/architecture.md, "HTTP
    // conventions", 422).
    const QJsonObject expected {
        {u"fields"_s,
         QJsonObject {
             {u"name"_s, u"must not be empty"_s},
             {u"settings.timeZone"_s, u"must be an IANA time zone such as Europe/Paris"_s}}}};
    QCOMPARE(error.details, expected);
    QCOMPARE(QJsonDocument(error.details).toJson(QJsonDocument::Compact),
             QByteArrayLiteral(R"({"fields":{"name":"must not be empty","settings.timeZone":)"
                               R"("must be an IANA time zone such as Europe/Paris"}})"));
    QVERIFY2(error.message.contains(u"name"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"settings.timeZone"_s), qPrintable(error.message));
}

void TestValidation::fromErrorRoundTrip_data()
{
    QTest::addColumn<QStringList>("fields");
    QTest::addColumn<QStringList>("messages");

    QTest::newRow("none") << QStringList() << QStringList();
    QTest::newRow("one") << QStringList {u"email"_s} << QStringList {u"is required"_s};
    QTest::newRow("several") << QStringList {u"email"_s, u"name"_s, u"roles"_s}
                             << QStringList {u"is required"_s, u"must not be empty"_s,
                                             u"must be a list of strings"_s};
    QTest::newRow("non-ascii message")
        << QStringList {u"name"_s} << QStringList {u"darf nicht leer sein — bitte ausfüllen"_s};
}

void TestValidation::fromErrorRoundTrip()
{
    QFETCH(QStringList, fields);
    QFETCH(QStringList, messages);

    ValidationErrors errors;
    for (int i = 0; i < fields.size(); ++i)
        errors.add(fields.at(i), messages.at(i));

    // What a client gets back after the error crossed the wire as JSON.
    const Error sent = errors.toError();
    const QJsonObject wire = QJsonDocument::fromJson(QJsonDocument(sent.details).toJson()).object();
    const ValidationErrors back = ValidationErrors::fromError(Error(sent.code, sent.message, wire));
    QCOMPARE(back.fieldNames(), errors.fieldNames());
    for (int i = 0; i < fields.size(); ++i)
        QCOMPARE(back.message(fields.at(i)), messages.at(i));
}

void TestValidation::fromErrorOfOtherErrorIsEmpty()
{
    QVERIFY(ValidationErrors::fromError(Error(u"not_found"_s, u"gone"_s)).isEmpty());
    QVERIFY(ValidationErrors::fromError(
                Error(u"validation_failed"_s, u"x"_s, QJsonObject {{u"fields"_s, u"oops"_s}}))
                .isEmpty());
}

void TestValidation::jsonFields_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("getter");
    QTest::addColumn<bool>("required");
    QTest::addColumn<QVariant>("expected"); // invalid QVariant: no value read
    QTest::addColumn<QString>("error");

    const QVariant none;
    // clang-format off
    QTest::newRow("string") << QByteArray(R"({"f":"x"})") << u"string"_s << true << QVariant(u"x"_s) << QString();
    QTest::newRow("empty string is present") << QByteArray(R"({"f":""})") << u"string"_s << true << QVariant(QString(u""_s)) << QString();
    QTest::newRow("string given number") << QByteArray(R"({"f":5})") << u"string"_s << false << none << u"must be a string"_s;
    QTest::newRow("string given array") << QByteArray(R"({"f":["x"]})") << u"string"_s << false << none << u"must be a string"_s;
    QTest::newRow("bool") << QByteArray(R"({"f":false})") << u"boolean"_s << true << QVariant(false) << QString();
    QTest::newRow("bool given string") << QByteArray(R"({"f":"true"})") << u"boolean"_s << false << none << u"must be true or false"_s;
    QTest::newRow("bool given 1") << QByteArray(R"({"f":1})") << u"boolean"_s << false << none << u"must be true or false"_s;
    QTest::newRow("integer") << QByteArray(R"({"f":42})") << u"integer"_s << true << QVariant(qint64(42)) << QString();
    QTest::newRow("negative integer") << QByteArray(R"({"f":-7})") << u"integer"_s << true << QVariant(qint64(-7)) << QString();
    QTest::newRow("integer written as 2.0") << QByteArray(R"({"f":2.0})") << u"integer"_s << true << QVariant(qint64(2)) << QString();
    QTest::newRow("integer given fraction") << QByteArray(R"({"f":1.5})") << u"integer"_s << false << none << u"must be a whole number"_s;
    QTest::newRow("integer given string") << QByteArray(R"({"f":"3"})") << u"integer"_s << false << none << u"must be a whole number"_s;
    QTest::newRow("integer given bool") << QByteArray(R"({"f":true})") << u"integer"_s << false << none << u"must be a whole number"_s;
    QTest::newRow("integer too large") << QByteArray(R"({"f":1e20})") << u"integer"_s << false << none << u"must be a whole number"_s;
    QTest::newRow("integer too small") << QByteArray(R"({"f":-1e20})") << u"integer"_s << false << none << u"must be a whole number"_s;
    QTest::newRow("integer 2^63") << QByteArray(R"({"f":9223372036854775808})") << u"integer"_s << false << none << u"must be a whole number"_s;
    QTest::newRow("object") << QByteArray(R"({"f":{"a":1}})") << u"object"_s << true << QVariant(QJsonObject {{u"a"_s, 1}}) << QString();
    QTest::newRow("object given array") << QByteArray(R"({"f":[]})") << u"object"_s << false << none << u"must be an object"_s;
    QTest::newRow("object given string") << QByteArray(R"({"f":"{}"})") << u"object"_s << false << none << u"must be an object"_s;
    QTest::newRow("string list") << QByteArray(R"({"f":["a","b"]})") << u"stringList"_s << true << QVariant(QStringList {u"a"_s, u"b"_s}) << QString();
    QTest::newRow("empty string list") << QByteArray(R"({"f":[]})") << u"stringList"_s << true << QVariant(QStringList()) << QString();
    QTest::newRow("string list with number") << QByteArray(R"({"f":["a",1]})") << u"stringList"_s << false << none << u"must be a list of strings"_s;
    QTest::newRow("string list with null") << QByteArray(R"({"f":["a",null]})") << u"stringList"_s << false << none << u"must be a list of strings"_s;
    QTest::newRow("string list given string") << QByteArray(R"({"f":"a"})") << u"stringList"_s << false << none << u"must be a list of strings"_s;
    QTest::newRow("required missing") << QByteArray(R"({"g":1})") << u"string"_s << true << none << u"is required"_s;
    QTest::newRow("required null") << QByteArray(R"({"f":null})") << u"integer"_s << true << none << u"is required"_s;
    QTest::newRow("optional missing") << QByteArray(R"({})") << u"boolean"_s << false << none << QString();
    QTest::newRow("optional null") << QByteArray(R"({"f":null})") << u"object"_s << false << none << QString();
    // clang-format on
}

void TestValidation::jsonFields()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, getter);
    QFETCH(bool, required);
    QFETCH(QVariant, expected);
    QFETCH(QString, error);

    QJsonParseError parseError;
    const QJsonObject object = QJsonDocument::fromJson(json, &parseError).object();
    QCOMPARE(parseError.error, QJsonParseError::NoError);

    ValidationErrors errors;
    JsonFields fields(object, errors);
    const auto presence = required ? JsonFields::Required : JsonFields::Optional;
    const QString key = u"f"_s;
    QVariant got;
    if (getter == u"string") {
        if (auto v = fields.string(key, presence))
            got = *v;
    } else if (getter == u"boolean") {
        if (auto v = fields.boolean(key, presence))
            got = *v;
    } else if (getter == u"integer") {
        if (auto v = fields.integer(key, presence))
            got = QVariant::fromValue(*v);
    } else if (getter == u"object") {
        if (auto v = fields.object(key, presence))
            got = *v;
    } else if (getter == u"stringList") {
        if (auto v = fields.stringList(key, presence))
            got = *v;
    } else {
        QFAIL("unknown getter in test data");
    }

    QCOMPARE(got.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(got.metaType(), expected.metaType());
        QCOMPARE(got, expected);
    }
    QCOMPARE(errors.message(key), error);
    // Problems are reported under the field's own name and nowhere else.
    QCOMPARE(errors.fieldNames(), error.isEmpty() ? QStringList() : QStringList {key});
}

void TestValidation::jsonFieldsLargeIntegerIsExact()
{
    // 2^53 + 1 is not representable as a double; a revision number must not be silently rounded.
    const QJsonObject object
        = QJsonDocument::fromJson(
              QByteArrayLiteral(R"({"rev":9007199254740993,"max":9223372036854775807})"))
              .object();
    ValidationErrors errors;
    JsonFields fields(object, errors);
    QCOMPARE(fields.integer(u"rev"_s).value_or(-1), 9007199254740993LL);
    QCOMPARE(fields.integer(u"max"_s).value_or(-1), std::numeric_limits<qint64>::max());
    QVERIFY2(errors.isEmpty(), qPrintable(errors.fieldNames().join(u' ')));
}

void TestValidation::rejectUnknown_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("known");
    QTest::addColumn<QStringList>("unknown");

    const QStringList known {u"name"_s, u"slug"_s};
    QTest::newRow("all known") << QByteArray(R"({"name":"x","slug":"y"})") << known
                               << QStringList();
    QTest::newRow("subset") << QByteArray(R"({"name":"x"})") << known << QStringList();
    QTest::newRow("empty object") << QByteArray("{}") << known << QStringList();
    QTest::newRow("one unknown") << QByteArray(R"({"name":"x","colour":"red"})") << known
                                 << QStringList {u"colour"_s};
    QTest::newRow("several unknown")
        << QByteArray(R"({"b":1,"name":"x","a":null})") << known << QStringList {u"a"_s, u"b"_s};
    QTest::newRow("case matters") << QByteArray(R"({"Name":"x"})") << known
                                  << QStringList {u"Name"_s};
    QTest::newRow("nothing known")
        << QByteArray(R"({"name":"x"})") << QStringList() << QStringList {u"name"_s};
    QTest::newRow("password is not a user field")
        << QByteArray(R"({"name":"x","passwordHash":"$argon2id$..."})") << known
        << QStringList {u"passwordHash"_s};
}

void TestValidation::rejectUnknown()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, known);
    QFETCH(QStringList, unknown);

    const QJsonObject object = QJsonDocument::fromJson(json).object();
    ValidationErrors errors;
    JsonFields fields(object, errors);
    fields.rejectUnknown(known);
    QCOMPARE(errors.fieldNames(), unknown);
    for (const QString &field : unknown)
        QCOMPARE(errors.message(field), u"is not a known field"_s);
}

void TestValidation::locale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<bool>("valid");
    QTest::newRow("en") << u"en"_s << true;
    QTest::newRow("fr-CA") << u"fr-CA"_s << true;
    QTest::newRow("Qt's fr_CA") << u"fr_CA"_s << true;
    QTest::newRow("zh-Hant-TW") << u"zh-Hant-TW"_s << true;
    QTest::newRow("35 characters")
        << QString(u"en-"_s + repeated(u'a', 8) + u'-' + repeated(u'b', 8) + u'-'
                   + repeated(u'c', 8) + u"-ddddd"_s)
        << true;
    QTest::newRow("36 characters")
        << QString(u"en-"_s + repeated(u'a', 8) + u'-' + repeated(u'b', 8) + u'-'
                   + repeated(u'c', 8) + u"-dddddd"_s)
        << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("CR LF") << u"en\r\nX-Injected: 1"_s << false;
    QTest::newRow("trailing newline") << u"en\n"_s << false;
    QTest::newRow("NUL") << QString(u"en"_s + QChar(0)) << false;
    QTest::newRow("HTML") << u"<script>alert(1)</script>"_s << false;
    QTest::newRow("space") << u"en US"_s << false;
    QTest::newRow("one letter") << u"e"_s << false;
}

void TestValidation::locale()
{
    QFETCH(QString, locale);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isValidLocale(locale), valid);
    ValidationErrors errors;
    Validation::checkLocale(errors, u"locale"_s, locale);
    // Empty clears a person's locale: it is not an error there.
    QCOMPARE(errors.has(u"locale"_s), !valid && !locale.isEmpty());
}

void TestValidation::timeZone_data()
{
    QTest::addColumn<QString>("zone");
    QTest::addColumn<bool>("valid");
    QTest::newRow("UTC") << u"UTC"_s << true;
    QTest::newRow("Europe/Paris") << u"Europe/Paris"_s << true;
    QTest::newRow("America/Argentina/Buenos_Aires") << u"America/Argentina/Buenos_Aires"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("not a zone") << u"Mars/Olympus_Mons"_s << false;
    QTest::newRow("path") << u"../../etc/passwd"_s << false;
    QTest::newRow("900 KB") << repeated(u'A', 900 * 1024) << false;
    QTest::newRow("65 characters") << QString(u"Europe/"_s + repeated(u'x', 58)) << false;
    QTest::newRow("newline") << u"UTC\n"_s << false;
}

void TestValidation::timeZone()
{
    QFETCH(QString, zone);
    QFETCH(bool, valid);
    QCOMPARE(Validation::isValidTimeZone(zone), valid);
}

void TestValidation::textProblem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("multiline");
    QTest::addColumn<bool>("fine");
    const QChar high(0xd800);
    const QChar low(0xdc00);
    QTest::newRow("plain") << u"Week 1: intro"_s << false << true;
    QTest::newRow("accents and emoji") << u"Été \U0001F600"_s << false << true;
    QTest::newRow("lone high surrogate") << QString(u"a"_s + high + u"b"_s) << true << false;
    QTest::newRow("lone high surrogate at the end") << QString(u"a"_s + high) << true << false;
    QTest::newRow("lone low surrogate") << QString(u"a"_s + low + u"b"_s) << true << false;
    QTest::newRow("reversed pair") << QString(low + high) << true << false;
    QTest::newRow("NUL") << QString(u"a"_s + QChar(0) + u"b"_s) << true << false;
    QTest::newRow("escape") << u"a\u001bb"_s << true << false;
    QTest::newRow("DEL") << u"a\u007fb"_s << true << false;
    QTest::newRow("tab") << u"a\tb"_s << false << true;
    QTest::newRow("newline in a title") << u"a\nb"_s << false << false;
    QTest::newRow("newline in a body") << u"a\r\nb"_s << true << true;
}

void TestValidation::textProblem()
{
    QFETCH(QString, text);
    QFETCH(bool, multiline);
    QFETCH(bool, fine);
    QCOMPARE(Validation::textProblem(text, multiline).isEmpty(), fine);
}

void TestValidation::jsonFieldsRefuseBrokenText()
{
    // As the server's JSON parser hands them over: "\ud800" escapes make lone surrogates.
    const QJsonObject object
        = QJsonDocument::fromJson(
              R"({"name": "a\ud800b", "tags": ["x", "\u0000"], "settings": {"k\udc00": 1}, "ok": "\ud83d\ude00"})")
              .object();
    ValidationErrors errors;
    JsonFields fields(object, errors);
    QVERIFY(!fields.string(u"name"_s));
    QVERIFY(!fields.stringList(u"tags"_s));
    QVERIFY(!fields.object(u"settings"_s));
    QCOMPARE(fields.string(u"ok"_s), std::optional<QString>(u"\U0001F600"_s));
    QCOMPARE(errors.fieldNames(), (QStringList {u"name"_s, u"settings"_s, u"tags"_s}));
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
