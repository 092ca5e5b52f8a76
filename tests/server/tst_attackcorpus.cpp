// An attack corpus generated from the OpenAPI document the server serves, so that routes are
// covered as they land: for every operation with a JSON body, each field gets null, a wrong type,
// an empty string, a 100 KB string, invalid UTF-8, a NUL, a lone surrogate, a number past its
// maximum, and (for references) another organisation's id and an id that does not exist; every
// string query parameter of a GET gets 60,000 characters, a NUL, invalid UTF-8 and a lone
// surrogate. No answer may be a 500 or quote SQL; a refusal is a 4xx with a code that names the
// field, and changes nothing. The same values as sync push ops, one bad op between two good ones:
// the bad one is rejected alone.
#include "httpclient.h"
#include "storage/recordstore.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <lectern/entityspec.h>
#include <lectern/hlc.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

namespace {
const QString password = u"attack-corpus-password"_s;
const QString missingId = u"01900000-0000-7000-8000-00000000dead"_s;

// Words of SQL and of the server's insides that no answer may carry.
bool leaksInternals(const QByteArray &body)
{
    static const QRegularExpression words(
        u"SELECT |INSERT |UPDATE |DELETE FROM|constraint|sqlite|QSql|violates|syntax error|"
        "RETURNING|relation \"|no such table|database operation"_s,
        QRegularExpression::CaseInsensitiveOption);
    return words.match(QString::fromUtf8(body)).hasMatch();
}

// One bad value for one field: the raw JSON text that replaces the field's value, and whether
// every server must refuse it (a 4xx naming the field) or only must not fail on it.
struct BadValue
{
    QString name;
    QByteArray json;
    bool mustRefuse = false;
};

// A 422 names the field under attack, or only fields the body left out (what a caller fixes
// first: "send userId" before "this courseId is wrong"). A body that is not UTF-8 names none.
bool namesField(const QJsonObject &fields, const QString &field, const QJsonObject &sent)
{
    if (fields.contains(field))
        return true;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (sent.contains(it.key().section(u'.', 0, 0)))
            return false;
    }
    return true;
}

QJsonObject resolve(const QJsonObject &root, QJsonObject schema)
{
    for (int guard = 0; guard < 10 && schema.contains(u"$ref"); ++guard) {
        const QStringList parts = schema.value(u"$ref").toString().mid(2).split(u'/');
        QJsonObject at = root;
        for (const QString &part : parts)
            at = at.value(part).toObject();
        schema = at;
    }
    if (schema.contains(u"allOf")) {
        QJsonObject merged;
        QJsonObject properties;
        QJsonArray required;
        for (const QJsonValue &part : schema.value(u"allOf").toArray()) {
            const QJsonObject resolved = resolve(root, part.toObject());
            const QJsonObject props = resolved.value(u"properties").toObject();
            for (auto it = props.begin(); it != props.end(); ++it)
                properties.insert(it.key(), it.value());
            for (const QJsonValue &r : resolved.value(u"required").toArray())
                required.append(r);
        }
        merged.insert(u"type"_s, u"object"_s);
        merged.insert(u"properties"_s, properties);
        merged.insert(u"required"_s, required);
        return merged;
    }
    return schema;
}

QList<BadValue> badValues(const QString &field, const QJsonObject &schema, bool isReference)
{
    const QString type = schema.value(u"type").toString();
    const bool isString = type == u"string";
    const qint64 maxLength = schema.value(u"maxLength").toInteger(-1);
    QList<BadValue> values;
    // Null clears nullable fields; elsewhere a service may read it as "left out": either way it
    // must not fail.
    values.append({u"null"_s, "null", false});
    if (!type.isEmpty()) {
        QByteArray wrong = "12345";
        if (type == u"integer" || type == u"number")
            wrong = "\"12\"";
        else if (type == u"boolean")
            wrong = "\"yes\"";
        values.append({u"wrong type"_s, wrong, true});
    }
    values.append({u"empty string"_s, "\"\"", isString && schema.contains(u"enum")});
    values.append({u"100 KB string"_s, '"' + QByteArray(100 * 1024, 'x') + '"',
                   isString && maxLength >= 0 && maxLength < 100 * 1024});
    values.append({u"invalid UTF-8"_s, "\"ab\xff\xfe\xc0 cd\"", true});
    values.append({u"NUL"_s, "\"ab\\u0000cd\"", isString});
    values.append({u"lone surrogate"_s, "\"ab\\ud800cd\"", isString});
    values.append({u"control characters"_s, "\"ab\\r\\nX-Injected: 1\\u001b[0m\"", false});
    if (type == u"integer" || type == u"number")
        values.append({u"2^63-1"_s, "9223372036854775807", schema.contains(u"maximum")});
    if (schema.contains(u"maximum") && (type == u"integer" || type == u"number"))
        values.append({u"past maximum"_s,
                       QByteArray::number(schema.value(u"maximum").toDouble() + 1, 'g', 17), true});
    if (isReference) {
        values.append({u"missing id"_s, '"' + missingId.toLatin1() + '"', true});
        values.append({u"foreign id"_s, "\"@FOREIGN@\"", true});
    }
    if (field == u"url") {
        for (const char *url : {"javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                "vbscript:msgbox(1)", "file:///etc/passwd"})
            values.append({QString::fromLatin1(url).left(12), '"' + QByteArray(url) + '"', true});
    }
    if (field == u"locale" || field == u"defaultLocale") {
        values.append({u"locale with CR LF"_s, "\"en\\r\\nX: y\"", true});
        values.append({u"locale with HTML"_s, "\"<script>alert(1)</script>\"", true});
    }
    if (field == u"timeZone")
        values.append({u"900 KB time zone"_s, '"' + QByteArray(900 * 1024, 'A') + '"', true});
    return values;
}
} // namespace

class TestAttackCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void restBodies();
    void queryParameters();
    void syncPushOps();
    void databaseRefusalsNameTheField();
    void internalErrorsSayOnlyTheRequestId();

private:
    HttpResult call(const QString &who, const QByteArray &method, const QString &path,
                    const QByteArray &body = {},
                    const QByteArray &contentType = "application/json");
    HttpResult callJson(const QString &who, const QByteArray &method, const QString &path,
                        const QJsonObject &body);
    QString login(const QString &email, const QString &pass = u"lectern-demo"_s);
    // Who sends a request to this path: a learner records progress and edits their own
    // profile; administrators run the organisation; the course's instructor the rest.
    QString roleFor(const QString &path) const;
    QString concretePath(const QString &pattern) const;
    QJsonValue baseValue(const QString &field, const QJsonObject &schema);
    // The record or list an operation works on, as its caller reads it.
    QByteArray readBack(const QString &who, const QString &readPath);
    // How many changes the change feed has had since the last look (an administrator's pull,
    // which sees every course of the organisation).
    int newChanges();

    std::unique_ptr<TestServer> m_server;
    QHash<QString, QString> m_tokens;
    QHash<QString, QString> m_ids;
    QJsonObject m_openApi;
    int m_unique = 0;
    quint32 m_hlcCounter = 0;
    qint64 m_cursor = 0;
};

HttpResult TestAttackCorpus::call(const QString &who, const QByteArray &method, const QString &path,
                                  const QByteArray &body, const QByteArray &contentType)
{
    HttpClient client(m_server->url());
    client.setToken(m_tokens.value(who));
    return client.send(method, path, body, contentType);
}

HttpResult TestAttackCorpus::callJson(const QString &who, const QByteArray &method,
                                      const QString &path, const QJsonObject &body)
{
    return call(who, method, path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString TestAttackCorpus::login(const QString &email, const QString &pass)
{
    HttpClient client(m_server->url());
    const HttpResult r = client.login(email, pass);
    if (r.status != 200)
        qWarning().noquote() << "login of" << email << "failed:" << r.status << r.body;
    return client.token();
}

void TestAttackCorpus::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    LECTERN_START_SERVER(*m_server);
    for (const char *who : {"admin", "instructor", "student1", "student2"})
        m_tokens.insert(QString::fromLatin1(who),
                        login(QString::fromLatin1(who) + u"@demo.lectern"_s));
    QVERIFY(!m_tokens.value(u"admin"_s).isEmpty());

    // Another organisation with a file of its own: the foreign reference.
    auto other = m_server->server().organizations().create(u"Elsewhere"_s, u"elsewhere"_s);
    QVERIFY(other);
    auto outsider = m_server->server().users().createInOrganization(
        u"elsewhere"_s, u"teacher@elsewhere.lectern"_s, u"Other Teacher"_s, {Role::Admin},
        password);
    QVERIFY(outsider);
    m_tokens.insert(u"outsider"_s, login(u"teacher@elsewhere.lectern"_s, password));
    const HttpResult foreignFile
        = call(u"outsider"_s, "POST", u"/api/v1/files/upload?access=organization&name=x.txt"_s,
               "not yours\n", "text/plain");
    QCOMPARE(foreignFile.status, 201);
    m_ids.insert(u"foreignFile"_s, foreignFile.data()[u"id"].toString());

    // Demo-like data of our own: a published course with a module, a lesson, a learner, a
    // cohort and a file.
    HttpResult r = callJson(u"instructor"_s, "POST", u"/api/v1/courses"_s,
                            {{u"code"_s, u"ATK101"_s},
                             {u"title"_s, u"Defending the castle"_s},
                             {u"description"_s, u"Walls and moats."_s},
                             {u"term"_s, u"2026-fall"_s}});
    QCOMPARE(r.status, 201);
    m_ids.insert(u"course"_s, r.data()[u"id"].toString());
    r = callJson(u"instructor"_s, "POST", u"/api/v1/courses/%1/modules"_s.arg(m_ids[u"course"_s]),
                 {{u"title"_s, u"Week 1"_s},
                  {u"description"_s, u"The first week."_s},
                  {u"published"_s, true}});
    QCOMPARE(r.status, 201);
    m_ids.insert(u"module"_s, r.data()[u"id"].toString());
    r = callJson(u"instructor"_s, "POST", u"/api/v1/modules/%1/contents"_s.arg(m_ids[u"module"_s]),
                 {{u"title"_s, u"Moats"_s},
                  {u"type"_s, u"lesson"_s},
                  {u"body"_s, u"Water is wet."_s},
                  {u"published"_s, true}});
    QCOMPARE(r.status, 201);
    m_ids.insert(u"content"_s, r.data()[u"id"].toString());
    r = call(u"instructor"_s, "POST", u"/api/v1/courses/%1/publish"_s.arg(m_ids[u"course"_s]));
    QCOMPARE(r.status, 200);
    r = call(u"instructor"_s, "POST",
             u"/api/v1/files/upload?courseId=%1&name=map.txt"_s.arg(m_ids[u"course"_s]),
             "the castle map\n", "text/plain");
    QCOMPARE(r.status, 201);
    m_ids.insert(u"file"_s, r.data()[u"id"].toString());
    r = call(u"admin"_s, "GET", u"/api/v1/users?limit=100"_s);
    QCOMPARE(r.status, 200);
    for (const QJsonValue &user : r.data().toArray()) {
        const QString email = user[u"email"].toString();
        m_ids.insert(email.section(u'@', 0, 0), user[u"id"].toString());
    }
    r = callJson(u"instructor"_s, "POST", u"/api/v1/courses/%1/enroll"_s.arg(m_ids[u"course"_s]),
                 {{u"userId"_s, m_ids[u"student1"_s]}, {u"override"_s, true}});
    QVERIFY2(r.status == 201 || r.status == 200, r.body.constData());
    r = call(u"admin"_s, "GET", u"/api/v1/enrollments?limit=100"_s);
    for (const QJsonValue &e : r.data().toArray()) {
        if (e[u"userId"].toString() == m_ids[u"student1"_s])
            m_ids.insert(u"enrollment"_s, e[u"id"].toString());
    }
    QVERIFY(!m_ids.value(u"enrollment"_s).isEmpty());
    r = callJson(u"admin"_s, "POST", u"/api/v1/cohorts"_s,
                 {{u"name"_s, u"Sentries"_s}, {u"description"_s, u"On the walls."_s}});
    QCOMPARE(r.status, 201);
    m_ids.insert(u"cohort"_s, r.data()[u"id"].toString());
    r = call(u"admin"_s, "GET", u"/api/v1/auth/me"_s);
    m_ids.insert(u"org"_s, r.data()[u"organization"][u"id"].toString());
    QVERIFY(!m_ids.value(u"org"_s).isEmpty());

    r = call(u"admin"_s, "GET", u"/api/v1/openapi.json"_s);
    QCOMPARE(r.status, 200);
    m_openApi = r.json;
    QVERIFY(m_openApi.value(u"paths").toObject().size() > 20);
}

QString TestAttackCorpus::roleFor(const QString &path) const
{
    if (path.contains(u"/progress"))
        return u"student1"_s; // enrolled in the course
    if (path.startsWith(u"/api/v1/auth/"))
        return u"student2"_s;
    if (path.startsWith(u"/api/v1/organizations") || path.startsWith(u"/api/v1/users")
        || path.startsWith(u"/api/v1/cohorts") || path.startsWith(u"/api/v1/enrollments"))
        return u"admin"_s;
    return u"instructor"_s;
}

QString TestAttackCorpus::concretePath(const QString &pattern) const
{
    static const QHash<QString, QString> byCollection = {
        {u"courses"_s, u"course"_s},         {u"modules"_s, u"module"_s},
        {u"contents"_s, u"content"_s},       {u"cohorts"_s, u"cohort"_s},
        {u"enrollments"_s, u"enrollment"_s}, {u"organizations"_s, u"org"_s},
        {u"users"_s, u"student3"_s},         {u"files"_s, u"file"_s},
    };
    QString path = pattern;
    const QString collection = pattern.section(u'/', 3, 3);
    return path.replace(u"{id}"_s, m_ids.value(byCollection.value(collection), missingId));
}

QJsonValue TestAttackCorpus::baseValue(const QString &field, const QJsonObject &schema)
{
    if (schema.contains(u"enum"))
        return schema.value(u"enum").toArray().first();
    const QString type = schema.value(u"type").toString();
    const QString format = schema.value(u"format").toString();
    if (type == u"integer")
        return 1;
    if (type == u"number")
        return 0.5;
    if (type == u"boolean")
        return false;
    if (type == u"object")
        return QJsonObject();
    if (type == u"array")
        return QJsonArray();
    if (format == u"uuid") {
        static const QHash<QString, QString> ids = {
            {u"courseId"_s, u"course"_s},   {u"moduleId"_s, u"module"_s},
            {u"contentId"_s, u"content"_s}, {u"cohortId"_s, u"cohort"_s},
            {u"userId"_s, u"student3"_s},   {u"fileId"_s, u"file"_s},
            {u"bannerFileId"_s, u"file"_s},
        };
        return m_ids.value(ids.value(field), createUuidV7String());
    }
    if (format == u"date")
        return u"2026-09-01"_s;
    if (format == u"date-time")
        return u"2026-09-08T08:00:00Z"_s;
    if (format == u"email")
        return u"corpus%1@demo.lectern"_s.arg(++m_unique);
    if (format == u"password")
        return u"a-long-enough-password"_s;
    if (field == u"code" || field == u"slug" || field == u"organization")
        return u"atk%1"_s.arg(++m_unique);
    return u"Attack corpus %1"_s.arg(++m_unique);
}

int TestAttackCorpus::newChanges()
{
    int changes = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        const HttpResult r
            = call(u"admin"_s, "GET", u"/api/v1/sync/pull?cursor=%1&limit=500"_s.arg(m_cursor));
        const QJsonObject page = r.data().toObject();
        changes += int(page.value(u"changes").toArray().size());
        m_cursor = page.value(u"cursor").toInteger(m_cursor);
        if (!page.value(u"hasMore").toBool())
            break;
    }
    return changes;
}

QByteArray TestAttackCorpus::readBack(const QString &who, const QString &readPath)
{
    if (readPath.isEmpty())
        return {};
    const HttpResult r = call(who, "GET", readPath);
    return QByteArray::number(r.status) + ' '
        + QJsonDocument(QJsonObject {{u"d"_s, r.json.value(u"data")}})
              .toJson(QJsonDocument::Compact);
}

void TestAttackCorpus::restBodies()
{
    const QJsonObject paths = m_openApi.value(u"paths").toObject();
    QStringList failures;
    int sent = 0;
    int refused = 0;
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject operations = p.value().toObject();
        for (auto o = operations.begin(); o != operations.end(); ++o) {
            const QJsonObject body = o.value()
                                         .toObject()
                                         .value(u"requestBody")
                                         .toObject()
                                         .value(u"content")
                                         .toObject()
                                         .value(u"application/json")
                                         .toObject();
            if (body.isEmpty())
                continue;
            const QByteArray method = o.key().toUpper().toLatin1();
            const QString path = concretePath(p.key());
            const QString who = roleFor(p.key());
            const QJsonObject schema = resolve(m_openApi, body.value(u"schema").toObject());
            const QJsonObject properties = schema.value(u"properties").toObject();
            // A body that is right apart from the one field under attack.
            QJsonObject base;
            for (const QJsonValue &required : schema.value(u"required").toArray()) {
                const QString name = required.toString();
                base.insert(name,
                            baseValue(name, resolve(m_openApi, properties.value(name).toObject())));
            }
            // The record or list this operation changes, read back after each refusal.
            QString readPath;
            if (operations.contains(u"get") && method != "POST")
                readPath = path;
            else if (paths.value(p.key()).toObject().contains(u"get"))
                readPath = path;
            else if (method != "GET" && paths.contains(p.key().section(u'/', 0, -2)))
                readPath = concretePath(p.key().section(u'/', 0, -2));
            if (p.key() == u"/api/v1/auth/me")
                readPath = path;
            QByteArray before = readBack(who, readPath);
            newChanges();

            for (auto f = properties.begin(); f != properties.end(); ++f) {
                const QString field = f.key();
                const QJsonObject fieldSchema = resolve(m_openApi, f.value().toObject());
                const bool isReference = field.endsWith(u"Id") && field != u"deviceId"
                    && fieldSchema.value(u"format").toString() == u"uuid";
                // Bookkeeping the server ignores by contract gets a sample: what could still
                // hurt on the way in (size, NUL, a lone surrogate).
                const bool ignored = fieldSchema.value(u"description")
                                         .toString()
                                         .startsWith(u"Accepted and ignored");
                for (const BadValue &bad : badValues(field, fieldSchema, isReference)) {
                    if (ignored && bad.name != u"100 KB string" && bad.name != u"NUL"
                        && bad.name != u"lone surrogate")
                        continue;
                    QJsonObject object = base;
                    object.insert(field, u"@BAD@"_s);
                    QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
                    QByteArray value = bad.json;
                    value.replace("@FOREIGN@", m_ids.value(u"foreignFile"_s).toLatin1());
                    json.replace("\"@BAD@\"", value);
                    const HttpResult r = call(who, method, path, json);
                    ++sent;
                    const QString what = u"%1 %2 %3=%4: %5 %6"_s.arg(
                        QString::fromLatin1(method), p.key(), field, bad.name,
                        QString::number(r.status), QString::fromUtf8(r.body.left(300)));
                    if (r.status >= 500 || r.status == 0)
                        failures.append(u"server failed: "_s + what);
                    else if (leaksInternals(r.body))
                        failures.append(u"leaks internals: "_s + what);
                    else if (r.status >= 400 && r.errorCode().isEmpty())
                        failures.append(u"no error code: "_s + what);
                    else if (bad.mustRefuse && r.status < 400)
                        failures.append(u"accepted: "_s + what);
                    else if (bad.mustRefuse && r.status == 422
                             && !namesField(r.errorFields(), field, object))
                        failures.append(u"does not name the field: "_s + what);
                    const int changes = newChanges();
                    const QByteArray after = readBack(who, readPath);
                    if (r.status >= 400) {
                        ++refused;
                        if (changes > 0 || after != before)
                            failures.append(u"changed something: "_s + what);
                    }
                    before = after;
                }
            }
        }
    }
    qInfo("%d bodies sent, %d refused", sent, refused);
    QVERIFY(sent > 500);
    for (const QString &failure : std::as_const(failures))
        qWarning().noquote() << failure;
    QVERIFY2(failures.isEmpty(),
             qPrintable(u"%1 of %2 answers wrong (listed above)"_s.arg(failures.size()).arg(sent)));
}

void TestAttackCorpus::queryParameters()
{
    const QJsonObject paths = m_openApi.value(u"paths").toObject();
    const QList<std::pair<QString, QByteArray>> values = {
        {u"60,000 characters"_s, QByteArray(60000, 'q')},
        {u"NUL"_s, "ab%00cd"},
        {u"invalid UTF-8"_s, "ab%FF%FEcd"},
        {u"lone surrogate"_s, "ab%ED%A0%80cd"},
    };
    QStringList failures;
    int sent = 0;
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject get = p.value().toObject().value(u"get").toObject();
        if (get.isEmpty() || p.key().contains(u"download") || p.key().endsWith(u"/ws"))
            continue;
        const QString path = concretePath(p.key());
        for (const QJsonValue &ref : get.value(u"parameters").toArray()) {
            const QJsonObject parameter = resolve(m_openApi, ref.toObject());
            const QJsonObject schema = resolve(m_openApi, parameter.value(u"schema").toObject());
            if (parameter.value(u"in").toString() != u"query"
                || schema.value(u"type").toString() != u"string")
                continue;
            const QString name = parameter.value(u"name").toString();
            const qint64 maxLength = schema.value(u"maxLength").toInteger(-1);
            for (const auto &[what, value] : values) {
                const HttpResult r = call(roleFor(p.key()), "GET",
                                          path + u'?' + name + u'=' + QString::fromLatin1(value));
                ++sent;
                const QString line
                    = u"GET %1?%2=%3: %4 %5"_s.arg(p.key(), name, what, QString::number(r.status),
                                                   QString::fromUtf8(r.body.left(300)));
                // Percent-encoded bytes that are not UTF-8 (a lone surrogate's among them) read
                // as U+FFFD: harmless text, so only NUL and length must be refused.
                const bool mustRefuse = what == u"NUL"_s
                    || (what == u"60,000 characters"_s && maxLength >= 0 && maxLength < 60000);
                if (r.status >= 500 || r.status == 0)
                    failures.append(u"server failed: "_s + line);
                else if (leaksInternals(r.body))
                    failures.append(u"leaks internals: "_s + line);
                else if (r.status >= 400 && r.errorCode().isEmpty() && r.status != 414
                         && r.status != 431)
                    failures.append(u"no error code: "_s + line);
                else if (mustRefuse && r.status < 400)
                    failures.append(u"accepted: "_s + line);
                else if (r.status == 422 && !r.errorFields().contains(name))
                    failures.append(u"does not name the parameter: "_s + line);
            }
        }
    }
    qInfo("%d queries sent", sent);
    QVERIFY(sent > 40);
    for (const QString &failure : std::as_const(failures))
        qWarning().noquote() << failure;
    QVERIFY2(failures.isEmpty(),
             qPrintable(u"%1 of %2 answers wrong (listed above)"_s.arg(failures.size()).arg(sent)));
}

void TestAttackCorpus::syncPushOps()
{
    // The records devices may write, and the one each op of the corpus changes.
    const QHash<QString, QString> targets = {{u"course"_s, m_ids[u"course"_s]},
                                             {u"module"_s, m_ids[u"module"_s]},
                                             {u"content"_s, m_ids[u"content"_s]}};
    const QHash<QString, QString> readPaths
        = {{u"course"_s, u"/api/v1/courses/%1"_s.arg(m_ids[u"course"_s])},
           {u"module"_s, u"/api/v1/modules/%1"_s.arg(m_ids[u"module"_s])},
           {u"content"_s, u"/api/v1/contents/%1"_s.arg(m_ids[u"content"_s])}};
    const auto newOp = [this](const QString &entity, const QString &id, const QString &kind,
                              const QJsonObject &patch) {
        const Hlc hlc {QDateTime::currentMSecsSinceEpoch(), ++m_hlcCounter, u"corpus"_s};
        return QJsonObject {{u"opId"_s, createUuidV7String()},
                            {u"deviceSeq"_s, qint64(m_hlcCounter)},
                            {u"hlc"_s, hlc.toString()},
                            {u"entity"_s, entity},
                            {u"entityId"_s, id},
                            {u"kind"_s, kind},
                            {u"patch"_s, patch}};
    };
    const QString deviceId = createUuidV7String();
    const auto titleOp = [&](const QString &from, const QString &to) {
        return newOp(u"course"_s, m_ids[u"course"_s], u"update"_s,
                     {{u"title"_s, QJsonObject {{u"old"_s, from}, {u"new"_s, to}}}});
    };
    const auto progressPatch = [this](const QString &kind) {
        return QJsonObject {{u"contentId"_s, QJsonObject {{u"new"_s, m_ids[u"content"_s]}}},
                            {u"courseId"_s, QJsonObject {{u"new"_s, m_ids[u"course"_s]}}},
                            {u"kind"_s, QJsonObject {{u"new"_s, kind}}},
                            {u"at"_s, QJsonObject {{u"new"_s, u"2026-09-08T08:00:00Z"_s}}}};
    };
    // Opening the item again at the same time changes nothing a learner can see.
    const auto goodProgressOp = [&] {
        return newOp(u"progress"_s, createUuidV7String(), u"append"_s, progressPatch(u"opened"_s));
    };
    {
        const HttpResult first
            = call(u"student1"_s, "POST", u"/api/v1/sync/push"_s,
                   QJsonDocument(QJsonObject {{u"deviceId"_s, deviceId},
                                              {u"ops"_s, QJsonArray {goodProgressOp()}}})
                       .toJson(QJsonDocument::Compact));
        QCOMPARE(first.status, 200);
    }
    QString title
        = call(u"instructor"_s, "GET", readPaths[u"course"_s]).data()[u"title"].toString();
    QVERIFY(!title.isEmpty());
    QStringList failures;
    int pushes = 0;
    int titles = 0;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        const bool progress = spec.isAppendOnly();
        if (!targets.contains(spec.name) && !progress)
            continue;
        const QString who = progress ? u"student1"_s : u"instructor"_s;
        for (const FieldSpec &f : spec.fields) {
            if (!progress && (f.immutable || f.merge == MergeRule::ServerDecides))
                continue;
            if (progress && (f.name == u"contentId" || f.name == u"courseId" || f.name == u"at"))
                continue;
            QList<std::pair<QString, QByteArray>> bad;
            if (!f.isNullable())
                bad.append({u"null"_s, "null"});
            if (f.type == FieldType::Text || f.type == FieldType::LongText) {
                bad.append({u"wrong type"_s, "12345"});
                if (f.maxLength < 500000) // longer ones do not fit in a request (413)
                    bad.append({u"too long"_s, '"' + QByteArray(f.maxLength + 1, 'x') + '"'});
                bad.append({u"NUL"_s, "\"ab\\u0000cd\""});
                bad.append({u"lone surrogate"_s, "\"ab\\ud800cd\""});
            } else if (f.type == FieldType::Integer || f.type == FieldType::Number) {
                bad.append({u"wrong type"_s, "\"12\""});
                bad.append({u"negative"_s, "-1"});
                bad.append({u"2^63-1"_s, "9223372036854775807"});
            } else if (f.type == FieldType::Boolean) {
                bad.append({u"wrong type"_s, "\"yes\""});
            } else if (f.type == FieldType::Json) {
                bad.append({u"wrong type"_s, "\"{}\""});
                bad.append({u"lone surrogate inside"_s, "{\"a\":\"\\udc00\"}"});
            } else if (f.type == FieldType::Id || f.type == FieldType::OrderKey
                       || f.type == FieldType::Enum || f.type == FieldType::Time
                       || f.type == FieldType::Date) {
                bad.append({u"wrong type"_s, "12345"});
                bad.append({u"lone surrogate"_s, "\"ab\\ud800cd\""});
            }
            if (!f.references.isEmpty()) {
                bad.append({u"missing id"_s, '"' + missingId.toLatin1() + '"'});
                bad.append({u"foreign id"_s, '"' + m_ids[u"foreignFile"_s].toLatin1() + '"'});
            }
            if (f.webAddress) {
                bad.append({u"javascript:"_s, "\"javascript:alert(1)\""});
                bad.append({u"data:"_s, "\"data:text/html,x\""});
                bad.append({u"file:"_s, "\"file:///etc/passwd\""});
            }
            for (const auto &[what, value] : bad) {
                QString second;
                QJsonArray ops;
                QJsonObject badOp;
                QString readPath;
                if (progress) {
                    QJsonObject patch = progressPatch(u"time"_s);
                    patch.insert(f.name, QJsonObject {{u"new"_s, u"@BAD@"_s}});
                    badOp = newOp(spec.name, createUuidV7String(), u"append"_s, patch);
                    readPath = u"/api/v1/contents/%1/progress"_s.arg(m_ids[u"content"_s]);
                    ops = {goodProgressOp(), badOp, goodProgressOp()};
                } else {
                    HttpResult current = call(who, "GET", readPaths[spec.name]);
                    // Sync reads a null text as "" (as stored): give the field text to lose.
                    if (f.type == FieldType::LongText
                        && current.data()[f.name].toString().isEmpty()) {
                        callJson(who, "PUT", readPaths[spec.name],
                                 {{f.name, u"Some text to keep"_s}});
                        current = call(who, "GET", readPaths[spec.name]);
                    }
                    badOp = newOp(spec.name, targets[spec.name], u"update"_s,
                                  {{f.name,
                                    QJsonObject {{u"old"_s, current.data()[f.name]},
                                                 {u"new"_s, u"@BAD@"_s}}}});
                    readPath = readPaths[spec.name];
                    const QString first = u"Good title %1"_s.arg(++titles);
                    second = u"Good title %1"_s.arg(++titles);
                    ops = {titleOp(title, first), badOp, titleOp(first, second)};
                }
                const QJsonValue before = call(who, "GET", readPath).data();
                QByteArray json
                    = QJsonDocument(QJsonObject {{u"deviceId"_s, deviceId}, {u"ops"_s, ops}})
                          .toJson(QJsonDocument::Compact);
                json.replace("\"@BAD@\"", value);
                const HttpResult r = call(who, "POST", u"/api/v1/sync/push"_s, json);
                ++pushes;
                const QString line
                    = u"%1.%2=%3: %4 %5"_s.arg(spec.name, f.name, what, QString::number(r.status),
                                               QString::fromUtf8(r.body.left(400)));
                if (r.status != 200) {
                    failures.append(u"push failed: "_s + line);
                    continue;
                }
                if (leaksInternals(r.body))
                    failures.append(u"leaks internals: "_s + line);
                const QJsonArray results = r.data()[u"results"].toArray();
                if (results.at(1)[u"outcome"].toString() != u"rejected"
                    || results.at(1)[u"reason"].toString().isEmpty())
                    failures.append(u"not rejected: "_s + line);
                for (int i : {0, 2}) {
                    if (results.at(i)[u"outcome"].toString() != u"applied")
                        failures.append(u"good op %1 not applied: "_s.arg(i) + line);
                }
                const QJsonValue after = call(who, "GET", readPath).data();
                // The good ops change the course's title: for it, rejected means not the bad value.
                const bool titleOfCourse = spec.name == u"course" && f.name == u"title";
                const auto summary = [](QJsonObject progress) {
                    progress.remove(u"events"_s); // the good ops add theirs
                    return progress;
                };
                const auto recorded = [&](const QJsonValue &progress) {
                    for (const QJsonValue &event : progress[u"events"].toArray()) {
                        if (event[u"id"] == badOp[u"entityId"])
                            return true;
                    }
                    return false;
                };
                if (progress
                        ? summary(after.toObject()) != summary(before.toObject()) || recorded(after)
                        : titleOfCourse ? after[f.name] != QJsonValue(second)
                                        : after[f.name] != before[f.name])
                    failures.append(u"changed the record: "_s + line);
                if (!progress) {
                    title = call(who, "GET", readPaths[u"course"_s]).data()[u"title"].toString();
                    if (title != second)
                        failures.append(u"good ops lost: "_s + line);
                }
            }
        }
    }
    qInfo("%d pushes sent", pushes);
    QVERIFY(pushes > 30);
    for (const QString &failure : std::as_const(failures))
        qWarning().noquote() << failure;
    QVERIFY2(
        failures.isEmpty(),
        qPrintable(u"%1 of %2 pushes wrong (listed above)"_s.arg(failures.size()).arg(pushes)));
}

// Validation is the first line; should a value slip past it, the database's own refusal (NOT
// NULL here) is a field error too, not a 500 quoting the statement.
void TestAttackCorpus::databaseRefusalsNameTheField()
{
    Server::Transaction tx(m_server->server().context().db());
    QVERIFY(tx.isOk());
    auto course = Server::RecordStore::get(tx, Entities::course(), m_ids[u"course"_s]);
    QVERIFY(course && *course);
    auto written
        = Server::RecordStore::update(tx, m_server->server().context().clock(), Entities::course(),
                                      **course, {{u"description"_s, QJsonValue()}});
    QVERIFY(!written);
    QCOMPARE(written.error().code, QString::fromLatin1(ErrorCode::ValidationFailed));
    QVERIFY2(ValidationErrors::fromError(written.error()).has(u"description"_s),
             qPrintable(written.error().message));
    QVERIFY(!leaksInternals(written.error().message.toUtf8()));
}

// A 500 tells the client that something went wrong and under which request id; what went
// wrong (here: a table the server needs is gone) stays in the log.
void TestAttackCorpus::internalErrorsSayOnlyTheRequestId()
{
    const auto rename = [this](const char *from, const char *to) {
        Server::Transaction tx(m_server->server().context().db());
        auto q = tx.query(u"ALTER TABLE %1 RENAME TO %2"_s.arg(QString::fromLatin1(from),
                                                               QString::fromLatin1(to)));
        return q.exec() && tx.commit();
    };
    QVERIFY(rename("cohorts", "cohorts_away"));
    const HttpResult r = call(u"admin"_s, "GET", u"/api/v1/cohorts"_s);
    QVERIFY(rename("cohorts_away", "cohorts"));
    QCOMPARE(r.status, 500);
    QCOMPARE(r.errorCode(), u"internal_error"_s);
    QVERIFY2(!leaksInternals(r.body) && !r.body.contains("cohorts"), r.body.constData());
    const QString requestId = r.json[u"error"][u"details"][u"requestId"].toString();
    QVERIFY(!requestId.isEmpty());
    QCOMPARE(requestId.toLatin1(), r.header("x-request-id"));
    QVERIFY(r.json[u"error"][u"message"].toString().contains(requestId));
    QCOMPARE(call(u"admin"_s, "GET", u"/api/v1/cohorts"_s).status, 200);
}

QTEST_MAIN(TestAttackCorpus)
#include "tst_attackcorpus.moc"
