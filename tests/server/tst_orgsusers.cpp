#include "httpclient.h"
#include "storage/changelog.h"
#include "storage/transaction.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <algorithm>
#include <lectern/uuidv7.h>
#include <memory>
#include <tuple>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Qt::StringLiterals;

// Organisations and the people in them over real HTTP: who may list, read, change and remove
// whom (endpoint × role), that one organisation never sees another (404, not 403), and that every
// write reaches the change log that sync ships to clients.
class TestOrgsUsers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void listPaginates_data();
    void listPaginates();
    void listPagesCoverEveryoneOnce();
    void listSorts_data();
    void listSorts();
    void listFilters_data();
    void listFilters();
    void listRejectsBadParameters_data();
    void listRejectsBadParameters();
    void listNeedsStaff_data();
    void listNeedsStaff();

    void roleMatrix_data();
    void roleMatrix();

    void organisationsAreIsolated_data();
    void organisationsAreIsolated();
    void listsShowOnlyOwnOrganisation();

    void createUser();
    void createIsIdempotent();
    void createConflicts();
    void foreignOrgIdIsIgnored();
    void searchFindsAccentedNames_data();
    void searchFindsAccentedNames();
    void createRejectsBadFields_data();
    void createRejectsBadFields();
    void updateBumpsRev();
    void updateRejectsBadFields_data();
    void updateRejectsBadFields();
    void adminCannotLockThemselfOut_data();
    void adminCannotLockThemselfOut();
    void suspendEndsSessions();
    void passwordResetReplacesOldPassword();
    void deleteUser();
    void studentSeesOnlyThemself();

    void updateOrganisation();
    void organisationRejectsTakenOrBadSlug_data();
    void organisationRejectsTakenOrBadSlug();
    void updateSettings();
    void settingsRejectBadValues_data();
    void settingsRejectBadValues();

    void changeLogFollowsEveryWrite();

private:
    static TestServer::Options serverOptions();

    HttpResult call(const QString &token, const QByteArray &method, const QString &path,
                    const QJsonObject &body = {});
    // Adds an account through the service (as the operator would); logs it in when it has a
    // password and `token` is given.
    bool addAccount(const QString &orgSlug, const QString &email, const QString &name,
                    const QList<Role> &roles, QString *id, QString *token = nullptr);
    // The change-log rows of one record, in sequence order, as "entity rN[ deleted]" lines; a
    // line "seq out of order" is added if the sequence ever fails to increase.
    QStringList changeLog(const QString &entityId);
    // The change-log rows of a user's organisation-wide role assignments, as "role rN[ deleted]".
    QStringList roleChangeLog(const QString &userId);
    qint64 latestSeq();
    QString uniqueEmail(const QString &domain);

    TestServer m_server {serverOptions()};
    std::unique_ptr<HttpClient> m_http;
    int m_counter = 0;

    // The demo organisation: read-only for every test here (its six people are counted).
    QString m_demoOrgId;
    QHash<QString, QString> m_demoTokens; // admin, instructor, ta, student1
    QHash<QString, QString> m_demoIds;    // admin, instructor, ta, student1, student2, student3

    // A second organisation, for isolation.
    QString m_otherOrgId;
    QString m_otherAdminId;
    QString m_otherAdminToken;
    QString m_otherStudentId;

    // One account per role, for the endpoint × role matrix (which writes).
    QString m_matrixOrgId;
    QHash<QString, QString> m_matrixTokens;
    QHash<QString, QString> m_matrixIds;

    // Where the write tests create, change and remove people.
    QString m_writesOrgId;
    QString m_writesAdminId;
    QString m_writesAdminToken;
};

namespace {
const QString accountPassword = u"account-password"_s;

QStringList valuesOf(const QJsonArray &items, const QString &name)
{
    QStringList values;
    for (const QJsonValue &item : items)
        values.append(item.toObject().value(name).toString());
    return values;
}

QStringList rolesOf(const QJsonObject &user)
{
    QStringList roles;
    for (const QJsonValue &role : user.value(u"roles").toArray())
        roles.append(role.toString());
    return roles;
}

QString errorMessage(const HttpResult &result)
{
    return result.json.value(u"error").toObject().value(u"message").toString();
}

QString codeForStatus(int status)
{
    switch (status) {
    case 401:
        return u"unauthorized"_s;
    case 403:
        return u"forbidden"_s;
    case 404:
        return u"not_found"_s;
    default:
        return QString();
    }
}
} // namespace

TestServer::Options TestOrgsUsers::serverOptions()
{
    TestServer::Options options;
    options.demo = true;
    // Some tests check that a wrong password fails; none is about lockout (tst_auth is).
    options.configure = [](Server::ServerConfig &config) {
        config.lockoutAddressFailures = 100000;
        config.lockoutFailures = 1000;
    };
    return options;
}

HttpResult TestOrgsUsers::call(const QString &token, const QByteArray &method, const QString &path,
                               const QJsonObject &body)
{
    m_http->setToken(token);
    const bool hasBody = method != "GET" && method != "DELETE";
    return m_http->send(
        method, path, hasBody ? QJsonDocument(body).toJson(QJsonDocument::Compact) : QByteArray());
}

bool TestOrgsUsers::addAccount(const QString &orgSlug, const QString &email, const QString &name,
                               const QList<Role> &roles, QString *id, QString *token)
{
    auto user = m_server.server().users().createInOrganization(orgSlug, email, name, roles,
                                                               token ? accountPassword : QString());
    if (!user) {
        qWarning().noquote() << "cannot add" << email << user.error().message;
        return false;
    }
    *id = user->id;
    if (!token)
        return true;
    HttpClient client(m_server.url());
    const HttpResult login = client.login(email, accountPassword);
    if (login.status != 200) {
        qWarning().noquote() << "cannot log in" << email << login.status << login.body;
        return false;
    }
    *token = client.token();
    return true;
}

QStringList TestOrgsUsers::changeLog(const QString &entityId)
{
    QStringList lines;
    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    if (!tx.isOk())
        return {tx.error().message};
    auto q = tx.query(u"SELECT entity, entity_id, rev, deleted, seq FROM change_log"
                      " WHERE entity_id = :id ORDER BY seq"_s);
    q.bind(u":id"_s, entityId);
    if (auto r = q.exec(); !r)
        return {r.error().message};
    qint64 previous = 0;
    while (q.next()) {
        lines.append(q.text(0) + u" r"_s + QString::number(q.int64(2))
                     + (q.boolean(3) ? u" deleted"_s : QString()));
        if (q.int64(4) <= previous)
            lines.append(u"seq out of order"_s);
        previous = q.int64(4);
    }
    return lines;
}

QStringList TestOrgsUsers::roleChangeLog(const QString &userId)
{
    QStringList lines;
    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    if (!tx.isOk())
        return {tx.error().message};
    auto q = tx.query(u"SELECT r.role, c.rev, c.deleted FROM change_log c"
                      " JOIN role_assignments r ON r.id = c.entity_id"
                      " WHERE c.entity = 'role_assignment' AND r.user_id = :user ORDER BY c.seq"_s);
    q.bind(u":user"_s, userId);
    if (auto r = q.exec(); !r)
        return {r.error().message};
    while (q.next())
        lines.append(q.text(0) + u" r"_s + QString::number(q.int64(1))
                     + (q.boolean(2) ? u" deleted"_s : QString()));
    return lines;
}

qint64 TestOrgsUsers::latestSeq()
{
    Server::Transaction tx(m_server.server().context().db(), Server::Transaction::Read);
    auto seq = Server::ChangeLog::latestSeq(tx);
    return seq ? *seq : -1;
}

QString TestOrgsUsers::uniqueEmail(const QString &domain)
{
    return u"person%1@"_s.arg(++m_counter) + domain;
}

void TestOrgsUsers::initTestCase()
{
    LECTERN_START_SERVER(m_server);
    m_http = std::make_unique<HttpClient>(m_server.url());

    const QList<std::pair<QString, QString>> demo = {
        {u"admin"_s, u"admin@demo.lectern"_s},
        {u"instructor"_s, u"instructor@demo.lectern"_s},
        {u"ta"_s, u"ta@demo.lectern"_s},
        {u"student1"_s, u"student1@demo.lectern"_s},
    };
    for (const auto &[key, email] : demo) {
        const HttpResult login = m_http->login(email);
        QVERIFY2(login.status == 200, login.body.constData());
        m_demoTokens.insert(key, m_http->token());
        const QJsonObject data = login.data().toObject();
        m_demoIds.insert(key, data.value(u"user").toObject().value(u"id").toString());
        m_demoOrgId = data.value(u"organization").toObject().value(u"id").toString();
    }
    for (const QString &key : {u"student2"_s, u"student3"_s}) {
        const HttpResult found = call(m_demoTokens[u"admin"_s], "GET",
                                      u"/api/v1/users?q="_s + key + u"@demo.lectern"_s);
        QCOMPARE(found.status, 200);
        const QJsonArray items = found.data().toArray();
        QCOMPARE(items.size(), 1);
        m_demoIds.insert(key, items.first().toObject().value(u"id").toString());
    }

    auto &organizations = m_server.server().organizations();
    auto other = organizations.create(u"Other"_s, u"other"_s);
    QVERIFY2(other, qPrintable(other ? QString() : other.error().message));
    m_otherOrgId = other->id;
    QVERIFY(addAccount(u"other"_s, u"admin@other.example"_s, u"Olga Other"_s, {Role::Admin},
                       &m_otherAdminId, &m_otherAdminToken));
    QVERIFY(addAccount(u"other"_s, u"student@other.example"_s, u"Otto Other"_s, {Role::Student},
                       &m_otherStudentId));

    auto matrix = organizations.create(u"Matrix"_s, u"matrix"_s);
    QVERIFY2(matrix, qPrintable(matrix ? QString() : matrix.error().message));
    m_matrixOrgId = matrix->id;
    const QList<std::pair<QString, Role>> matrixRoles = {{u"admin"_s, Role::Admin},
                                                         {u"instructor"_s, Role::Instructor},
                                                         {u"ta"_s, Role::TeachingAssistant},
                                                         {u"student"_s, Role::Student}};
    for (const auto &[key, role] : matrixRoles) {
        QString id;
        QString token;
        QVERIFY(addAccount(u"matrix"_s, key + u"@matrix.example"_s, u"Matrix "_s + key, {role}, &id,
                           &token));
        m_matrixIds.insert(key, id);
        m_matrixTokens.insert(key, token);
    }

    auto writes = organizations.create(u"Writes"_s, u"writes"_s);
    QVERIFY2(writes, qPrintable(writes ? QString() : writes.error().message));
    m_writesOrgId = writes->id;
    QVERIFY(addAccount(u"writes"_s, u"admin@writes.example"_s, u"Wanda Writes"_s, {Role::Admin},
                       &m_writesAdminId, &m_writesAdminToken));
    // For searching names beyond ASCII.
    for (const QString &name :
         {u"\u00c9mile Zola"_s, u"J\u00fcrgen B\u00f6der"_s,
          u"\u0410\u043d\u043d\u0430 \u041f\u0430\u0432\u043b\u043e\u0432\u0430"_s}) {
        QString id;
        QVERIFY(
            addAccount(u"writes"_s, uniqueEmail(u"writes.example"_s), name, {Role::Student}, &id));
    }
}

void TestOrgsUsers::listPaginates_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("items");
    QTest::addColumn<int>("currentPage");
    QTest::addColumn<int>("totalPages");
    QTest::addColumn<int>("itemsPerPage");

    // The demo organisation has six people.
    QTest::newRow("default") << QString() << 6 << 1 << 1 << 20;
    QTest::newRow("limit=2") << u"limit=2"_s << 2 << 1 << 3 << 2;
    QTest::newRow("limit=2 page=2") << u"limit=2&page=2"_s << 2 << 2 << 3 << 2;
    QTest::newRow("limit=2 page=3") << u"limit=2&page=3"_s << 2 << 3 << 3 << 2;
    QTest::newRow("limit=2 page=4 is empty") << u"limit=2&page=4"_s << 0 << 4 << 3 << 2;
    QTest::newRow("limit=4 page=2 is partial") << u"limit=4&page=2"_s << 2 << 2 << 2 << 4;
    QTest::newRow("limit=100") << u"limit=100"_s << 6 << 1 << 1 << 100;
    QTest::newRow("limit=1") << u"limit=1"_s << 1 << 1 << 6 << 1;
}

void TestOrgsUsers::listPaginates()
{
    QFETCH(QString, query);
    QFETCH(int, items);
    QFETCH(int, currentPage);
    QFETCH(int, totalPages);
    QFETCH(int, itemsPerPage);

    const HttpResult r = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?"_s + query);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(u"ok").toBool(), true);
    QCOMPARE(r.data().toArray().size(), items);
    const QJsonObject pagination = r.json.value(u"pagination").toObject();
    QCOMPARE(pagination.value(u"currentPage").toInt(), currentPage);
    QCOMPARE(pagination.value(u"totalPages").toInt(), totalPages);
    QCOMPARE(pagination.value(u"totalItems").toInt(), 6);
    QCOMPARE(pagination.value(u"itemsPerPage").toInt(), itemsPerPage);
}

void TestOrgsUsers::listPagesCoverEveryoneOnce()
{
    QStringList paged;
    for (int page = 1; page <= 3; ++page) {
        const HttpResult r
            = call(m_demoTokens[u"admin"_s], "GET",
                   u"/api/v1/users?limit=2&sort=-email&page="_s + QString::number(page));
        QCOMPARE(r.status, 200);
        paged += valuesOf(r.data().toArray(), u"id"_s);
    }
    const HttpResult all
        = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?limit=100&sort=-email"_s);
    QCOMPARE(all.status, 200);
    QCOMPARE(paged, valuesOf(all.data().toArray(), u"id"_s));
    QCOMPARE(QSet<QString>(paged.cbegin(), paged.cend()).size(), 6);
}

void TestOrgsUsers::listSorts_data()
{
    QTest::addColumn<QString>("sort");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("descending");

    QTest::newRow("default is name") << QString() << u"name"_s << false;
    QTest::newRow("name") << u"name"_s << u"name"_s << false;
    QTest::newRow("-name") << u"-name"_s << u"name"_s << true;
    QTest::newRow("email") << u"email"_s << u"email"_s << false;
    QTest::newRow("-email") << u"-email"_s << u"email"_s << true;
}

void TestOrgsUsers::listSorts()
{
    QFETCH(QString, sort);
    QFETCH(QString, key);
    QFETCH(bool, descending);

    const QString path = sort.isEmpty() ? u"/api/v1/users"_s : u"/api/v1/users?sort="_s + sort;
    const HttpResult r = call(m_demoTokens[u"admin"_s], "GET", path);
    QCOMPARE(r.status, 200);
    const QStringList values = valuesOf(r.data().toArray(), key);
    QCOMPARE(values.size(), 6);
    QStringList expected = values;
    std::sort(expected.begin(), expected.end());
    if (descending)
        std::reverse(expected.begin(), expected.end());
    QCOMPARE(values, expected);
    if (key == u"email")
        QCOMPARE(values.first(), descending ? u"ta@demo.lectern"_s : u"admin@demo.lectern"_s);
}

void TestOrgsUsers::listFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("emails");

    const QString s1 = u"student1@demo.lectern"_s;
    const QString s2 = u"student2@demo.lectern"_s;
    const QString s3 = u"student3@demo.lectern"_s;
    const QStringList everyone
        = {u"admin@demo.lectern"_s, u"instructor@demo.lectern"_s, s1, s2, s3, u"ta@demo.lectern"_s};

    QTest::newRow("role=student") << u"role=student"_s << QStringList {s1, s2, s3};
    QTest::newRow("role=admin") << u"role=admin"_s << QStringList {u"admin@demo.lectern"_s};
    QTest::newRow("role=ta") << u"role=ta"_s << QStringList {u"ta@demo.lectern"_s};
    QTest::newRow("status=active") << u"status=active"_s << everyone;
    QTest::newRow("status=suspended") << u"status=suspended"_s << QStringList();
    QTest::newRow("q in name") << u"q=sasha"_s << QStringList {s2};
    QTest::newRow("q ignores case") << u"q=SaShA"_s << QStringList {s2};
    QTest::newRow("q in several names") << u"q=Student"_s << QStringList {s1, s2, s3};
    QTest::newRow("q part of a name") << u"q=ess"_s << QStringList {u"ta@demo.lectern"_s};
    QTest::newRow("q matches nobody") << u"q=zebra"_s << QStringList();
    QTest::newRow("q percent is literal") << u"q=%25"_s << QStringList();
    QTest::newRow("q underscore is literal") << u"q=_"_s << QStringList();
    QTest::newRow("role and q") << u"role=student&q=sol"_s << QStringList {s3};
    QTest::newRow("role and status")
        << u"role=instructor&status=active"_s << QStringList {u"instructor@demo.lectern"_s};
}

void TestOrgsUsers::listFilters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, emails);

    const HttpResult r
        = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?limit=100&sort=email&"_s + query);
    QCOMPARE(r.status, 200);
    QCOMPARE(valuesOf(r.data().toArray(), u"email"_s), emails);
    QCOMPARE(r.json.value(u"pagination").toObject().value(u"totalItems").toInt(), emails.size());
}

void TestOrgsUsers::listRejectsBadParameters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("parameter");

    QTest::newRow("limit=0") << u"limit=0"_s << u"limit"_s;
    QTest::newRow("limit=101") << u"limit=101"_s << u"limit"_s;
    QTest::newRow("limit=-1") << u"limit=-1"_s << u"limit"_s;
    QTest::newRow("limit=abc") << u"limit=abc"_s << u"limit"_s;
    QTest::newRow("page=0") << u"page=0"_s << u"page"_s;
    QTest::newRow("page=x") << u"page=x"_s << u"page"_s;
    QTest::newRow("sort=bogus") << u"sort=bogus"_s << u"sort"_s;
    QTest::newRow("sort=-bogus") << u"sort=-bogus"_s << u"sort"_s;
    QTest::newRow("sort by password hash") << u"sort=passwordHash"_s << u"sort"_s;
    QTest::newRow("role=wizard") << u"role=wizard"_s << u"role"_s;
    QTest::newRow("status=asleep") << u"status=asleep"_s << u"status"_s;
}

void TestOrgsUsers::listRejectsBadParameters()
{
    QFETCH(QString, query);
    QFETCH(QString, parameter);

    const HttpResult r = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?"_s + query);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json.value(u"ok").toBool(true), false);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QVERIFY2(r.errorFields().contains(parameter), r.body.constData());
}

void TestOrgsUsers::listNeedsStaff_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("status");

    QTest::newRow("admin") << u"admin"_s << 200;
    QTest::newRow("instructor") << u"instructor"_s << 200;
    QTest::newRow("ta") << u"ta"_s << 200;
    QTest::newRow("student") << u"student1"_s << 403;
    QTest::newRow("no token") << QString() << 401;
}

void TestOrgsUsers::listNeedsStaff()
{
    QFETCH(QString, role);
    QFETCH(int, status);

    const HttpResult r = call(m_demoTokens.value(role), "GET", u"/api/v1/users"_s);
    QCOMPARE(r.status, status);
    if (status == 200) {
        QCOMPARE(r.data().toArray().size(), 6);
    } else {
        QCOMPARE(r.errorCode(), codeForStatus(status));
        QVERIFY(!r.json.contains(u"data") || r.data().isNull());
    }
}

void TestOrgsUsers::roleMatrix_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("expected");

    struct Endpoint
    {
        QByteArray method;
        QString path; // {user}: another student of the caller's organisation; {org}: its id
        QJsonObject body;
        QHash<QString, int> statuses;
    };
    const auto all = [](int status) {
        return QHash<QString, int> {{u"admin"_s, status},
                                    {u"instructor"_s, status},
                                    {u"ta"_s, status},
                                    {u"student"_s, status}};
    };
    const auto each = [](int admin, int instructor, int ta, int student) {
        return QHash<QString, int> {{u"admin"_s, admin},
                                    {u"instructor"_s, instructor},
                                    {u"ta"_s, ta},
                                    {u"student"_s, student}};
    };
    const QList<Endpoint> endpoints = {
        {"GET", u"/api/v1/users"_s, {}, each(200, 200, 200, 403)},
        {"POST",
         u"/api/v1/users"_s,
         {{u"email"_s, u"set per row"_s}, {u"name"_s, u"Newly Added"_s}},
         each(201, 403, 403, 403)},
        {"GET", u"/api/v1/users/{user}"_s, {}, each(200, 200, 200, 404)},
        {"PUT",
         u"/api/v1/users/{user}"_s,
         {{u"name"_s, u"Renamed Target"_s}},
         each(200, 403, 403, 404)},
        {"DELETE", u"/api/v1/users/{user}"_s, {}, each(200, 403, 403, 404)},
        {"GET", u"/api/v1/users/{self}"_s, {}, all(200)},
        {"GET", u"/api/v1/organizations"_s, {}, all(200)},
        {"GET", u"/api/v1/organizations/{org}"_s, {}, all(200)},
        {"PUT",
         u"/api/v1/organizations/{org}"_s,
         {{u"name"_s, u"Matrix College"_s}},
         each(200, 403, 403, 403)},
        {"GET", u"/api/v1/organizations/{org}/settings"_s, {}, all(200)},
        {"PUT",
         u"/api/v1/organizations/{org}/settings"_s,
         {{u"defaultLocale"_s, u"fr"_s}},
         each(200, 403, 403, 403)},
        {"POST",
         u"/api/v1/organizations"_s,
         {{u"name"_s, u"Rogue"_s}, {u"slug"_s, u"rogue"_s}},
         all(403)},
        {"DELETE", u"/api/v1/organizations/{org}"_s, {}, all(403)},
    };
    for (const Endpoint &endpoint : endpoints) {
        for (const QString &role :
             {u"admin"_s, u"instructor"_s, u"ta"_s, u"student"_s, u"anonymous"_s}) {
            const int expected = role == u"anonymous" ? 401 : endpoint.statuses.value(role);
            QTest::addRow("%s %s as %s", endpoint.method.constData(), qPrintable(endpoint.path),
                          qPrintable(role))
                << role << endpoint.method << endpoint.path << endpoint.body << expected;
        }
    }
}

void TestOrgsUsers::roleMatrix()
{
    QFETCH(QString, role);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(int, expected);

    const QString admin = m_matrixTokens[u"admin"_s];
    // A fresh target for each row: the admin rows change and remove it.
    QString probe;
    if (path.contains(u"{user}")) {
        QString target;
        QVERIFY(addAccount(u"matrix"_s, uniqueEmail(u"matrix.example"_s), u"Target"_s,
                           {Role::Student}, &target));
        path.replace(u"{user}"_s, target);
        probe = u"/api/v1/users/"_s + target;
    }
    if (path.contains(u"{org}")) {
        path.replace(u"{org}"_s, m_matrixOrgId);
        probe = u"/api/v1/organizations/"_s + m_matrixOrgId;
    }
    path.replace(u"{self}"_s, m_matrixIds.value(role, m_matrixIds[u"student"_s]));
    if (body.contains(u"email"))
        body.insert(u"email"_s, uniqueEmail(u"matrix.example"_s));

    const QJsonObject before
        = probe.isEmpty() ? QJsonObject() : call(admin, "GET", probe).data().toObject();
    const HttpResult r = call(m_matrixTokens.value(role), method, path, body);
    QVERIFY2(r.status == expected,
             qPrintable(u"got %1: %2"_s.arg(r.status).arg(QString::fromUtf8(r.body))));
    QCOMPARE(r.json.value(u"ok").toBool(), expected < 400);
    if (expected >= 400) {
        QCOMPARE(r.errorCode(), codeForStatus(expected));
        QVERIFY(!errorMessage(r).isEmpty());
        // A refused request changes nothing.
        if (!probe.isEmpty())
            QCOMPARE(call(admin, "GET", probe).data().toObject(), before);
        if (body.contains(u"email")) {
            const HttpResult found
                = call(admin, "GET", u"/api/v1/users?q="_s + body[u"email"_s].toString());
            QCOMPARE(found.data().toArray().size(), 0);
        }
    } else if (method == "POST") {
        QCOMPARE(r.data().toObject().value(u"email").toString(), body[u"email"_s].toString());
        QCOMPARE(rolesOf(r.data().toObject()), QStringList {u"student"_s});
    } else if (method == "DELETE") {
        QCOMPARE(call(admin, "GET", probe).status, 404);
    } else if (method == "PUT" && probe.startsWith(u"/api/v1/users/")) {
        QCOMPARE(call(admin, "GET", probe).data().toObject().value(u"name").toString(),
                 u"Renamed Target"_s);
    }
}

void TestOrgsUsers::organisationsAreIsolated_data()
{
    QTest::addColumn<bool>("otherAgainstDemo");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");

    const QList<std::tuple<QByteArray, QString, QJsonObject>> requests = {
        {"GET", u"/api/v1/users/{user}"_s, {}},
        {"PUT",
         u"/api/v1/users/{user}"_s,
         {{u"name"_s, u"Hijacked"_s}, {u"roles"_s, QJsonArray {u"admin"_s}}}},
        {"DELETE", u"/api/v1/users/{user}"_s, {}},
        {"GET", u"/api/v1/organizations/{org}"_s, {}},
        {"PUT", u"/api/v1/organizations/{org}"_s, {{u"name"_s, u"Hijacked"_s}}},
        {"GET", u"/api/v1/organizations/{org}/settings"_s, {}},
        {"PUT", u"/api/v1/organizations/{org}/settings"_s, {{u"allowSelfRegistration"_s, true}}},
        {"DELETE", u"/api/v1/organizations/{org}"_s, {}},
    };
    for (bool otherAgainstDemo : {true, false}) {
        for (const auto &[method, path, body] : requests) {
            QTest::addRow("%s %s %s",
                          otherAgainstDemo ? "other admin:" : "demo admin:", method.constData(),
                          qPrintable(path))
                << otherAgainstDemo << method << path << body;
        }
    }
}

void TestOrgsUsers::organisationsAreIsolated()
{
    QFETCH(bool, otherAgainstDemo);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);

    const QString caller = otherAgainstDemo ? m_otherAdminToken : m_demoTokens[u"admin"_s];
    const QString owner = otherAgainstDemo ? m_demoTokens[u"admin"_s] : m_otherAdminToken;
    const QString victimUser = otherAgainstDemo ? m_demoIds[u"student3"_s] : m_otherStudentId;
    const QString victimOrg = otherAgainstDemo ? m_demoOrgId : m_otherOrgId;
    const QString probe = path.contains(u"{user}") ? u"/api/v1/users/"_s + victimUser
                                                   : u"/api/v1/organizations/"_s + victimOrg;
    path.replace(u"{user}"_s, victimUser).replace(u"{org}"_s, victimOrg);

    const HttpResult before = call(owner, "GET", probe);
    QCOMPARE(before.status, 200);
    const HttpResult r = call(caller, method, path, body);
    // 404, not 403: the answer must not tell that the record exists.
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), u"not_found"_s);
    QVERIFY(!r.body.contains(victimUser.toUtf8()));
    QCOMPARE(call(owner, "GET", probe).data().toObject(), before.data().toObject());
}

void TestOrgsUsers::listsShowOnlyOwnOrganisation()
{
    const HttpResult other
        = call(m_otherAdminToken, "GET", u"/api/v1/users?limit=100&sort=email"_s);
    QCOMPARE(other.status, 200);
    QCOMPARE(valuesOf(other.data().toArray(), u"email"_s),
             (QStringList {u"admin@other.example"_s, u"student@other.example"_s}));
    QCOMPARE(valuesOf(other.data().toArray(), u"orgId"_s),
             (QStringList {m_otherOrgId, m_otherOrgId}));
    QCOMPARE(other.json.value(u"pagination").toObject().value(u"totalItems").toInt(), 2);

    const HttpResult demo = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?limit=100"_s);
    QCOMPARE(demo.status, 200);
    for (const QString &email : valuesOf(demo.data().toArray(), u"email"_s))
        QVERIFY2(email.endsWith(u"@demo.lectern"), qPrintable(email));

    // Searching for another organisation's people finds nobody.
    const HttpResult search = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?q=other"_s);
    QCOMPARE(search.status, 200);
    QCOMPARE(search.data().toArray().size(), 0);

    for (const auto &[token, orgId] : {std::pair(m_otherAdminToken, m_otherOrgId),
                                       std::pair(m_demoTokens[u"student1"_s], m_demoOrgId)}) {
        const HttpResult orgs = call(token, "GET", u"/api/v1/organizations"_s);
        QCOMPARE(orgs.status, 200);
        QCOMPARE(valuesOf(orgs.data().toArray(), u"id"_s), QStringList {orgId});
        QCOMPARE(orgs.json.value(u"pagination").toObject().value(u"totalItems").toInt(), 1);
    }
}

void TestOrgsUsers::createUser()
{
    const qint64 seqBefore = latestSeq();
    const HttpResult r = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                              {{u"email"_s, u"  Casey.Create@Writes.Example "_s},
                               {u"name"_s, u"  Casey Create "_s},
                               {u"roles"_s, QJsonArray {u"ta"_s, u"instructor"_s}},
                               {u"locale"_s, u"fr"_s}});
    QVERIFY2(r.status == 201, r.body.constData());
    const QJsonObject user = r.data().toObject();
    QVERIFY(isUuidString(user.value(u"id").toString()));
    QCOMPARE(user.value(u"orgId").toString(), m_writesOrgId);
    QCOMPARE(user.value(u"email").toString(), u"casey.create@writes.example"_s);
    QCOMPARE(user.value(u"name").toString(), u"Casey Create"_s);
    QCOMPARE(rolesOf(user), (QStringList {u"instructor"_s, u"ta"_s}));
    QCOMPARE(user.value(u"status").toString(), u"active"_s);
    QCOMPARE(user.value(u"locale").toString(), u"fr"_s);
    QCOMPARE(user.value(u"rev").toInt(), 1);
    QVERIFY(!user.value(u"createdAt").toString().isEmpty());
    QVERIFY(!user.contains(u"password") && !user.contains(u"passwordHash"));

    const HttpResult fetched
        = call(m_writesAdminToken, "GET", u"/api/v1/users/"_s + user.value(u"id").toString());
    QCOMPARE(fetched.status, 200);
    QCOMPARE(fetched.data().toObject(), user);

    const QString id = user.value(u"id").toString();
    QCOMPARE(changeLog(id), QStringList {u"user r1"_s});
    QStringList roles = roleChangeLog(id);
    roles.sort();
    QCOMPARE(roles, (QStringList {u"instructor r1"_s, u"ta r1"_s}));
    QVERIFY(latestSeq() >= seqBefore + 3);

    // Without a password the account exists but cannot log in.
    HttpClient client(m_server.url());
    QCOMPARE(client.login(u"casey.create@writes.example"_s, QString()).status, 401);
    QCOMPARE(client.login(u"casey.create@writes.example"_s, u"anything-at-all"_s).status, 401);
}

void TestOrgsUsers::createIsIdempotent()
{
    const QString id = createUuidV7String();
    const QJsonObject body {{u"id"_s, id},
                            {u"email"_s, uniqueEmail(u"writes.example"_s)},
                            {u"name"_s, u"Offline Made"_s},
                            {u"roles"_s, QJsonArray {u"instructor"_s, u"ta"_s}}};
    const HttpResult first = call(m_writesAdminToken, "POST", u"/api/v1/users"_s, body);
    QVERIFY2(first.status == 201, first.body.constData());
    QCOMPARE(first.data().toObject().value(u"id").toString(), id);

    // A client that lost the answer sends the same create again.
    const HttpResult again = call(m_writesAdminToken, "POST", u"/api/v1/users"_s, body);
    QVERIFY2(again.status == 200, again.body.constData());
    QCOMPARE(again.data().toObject(), first.data().toObject());

    QJsonObject reordered = body;
    reordered.insert(u"roles"_s, QJsonArray {u"ta"_s, u"instructor"_s});
    const HttpResult sameRoles = call(m_writesAdminToken, "POST", u"/api/v1/users"_s, reordered);
    QCOMPARE(sameRoles.status, 200);
    QCOMPARE(sameRoles.data().toObject(), first.data().toObject());

    QJsonObject different = body;
    different.insert(u"name"_s, u"Someone Else"_s);
    const HttpResult conflict = call(m_writesAdminToken, "POST", u"/api/v1/users"_s, different);
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.errorCode(), u"conflict"_s);

    QJsonObject withLocale = body;
    withLocale.insert(u"locale"_s, u"fr"_s);
    QCOMPARE(call(m_writesAdminToken, "POST", u"/api/v1/users"_s, withLocale).status, 409);

    QJsonObject otherEmail = body;
    otherEmail.insert(u"email"_s, uniqueEmail(u"writes.example"_s));
    QCOMPARE(call(m_writesAdminToken, "POST", u"/api/v1/users"_s, otherEmail).status, 409);

    // The record is untouched and was written once.
    QCOMPARE(call(m_writesAdminToken, "GET", u"/api/v1/users/"_s + id).data().toObject(),
             first.data().toObject());
    QCOMPARE(changeLog(id), QStringList {u"user r1"_s});
}

void TestOrgsUsers::createConflicts()
{
    const QString email = uniqueEmail(u"writes.example"_s);
    QCOMPARE(call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                  {{u"email"_s, email}, {u"name"_s, u"First Holder"_s}})
                 .status,
             201);
    for (const QString &same : {email, email.toUpper(), QString(u" "_s + email)}) {
        const HttpResult r = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                                  {{u"email"_s, same}, {u"name"_s, u"Second Holder"_s}});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.errorCode(), u"already_exists"_s);
        QVERIFY2(r.errorFields().contains(u"email"), r.body.constData());
    }
    // Addresses are unique across the server, not only within one organisation.
    const HttpResult r
        = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
               {{u"email"_s, u"student1@demo.lectern"_s}, {u"name"_s, u"Copy Cat"_s}});
    QCOMPARE(r.status, 409);
    QVERIFY(r.errorFields().contains(u"email"));
    // Nobody else was added.
    const HttpResult found = call(m_writesAdminToken, "GET", u"/api/v1/users?q=holder"_s);
    QCOMPARE(valuesOf(found.data().toArray(), u"name"_s), QStringList {u"First Holder"_s});

    // Changing someone's address to a taken one is the same conflict.
    const HttpResult other
        = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
               {{u"email"_s, uniqueEmail(u"writes.example"_s)}, {u"name"_s, u"Other Holder"_s}});
    QCOMPARE(other.status, 201);
    const QString path = u"/api/v1/users/"_s + other.data().toObject().value(u"id").toString();
    const HttpResult taken = call(m_writesAdminToken, "PUT", path, {{u"email"_s, email.toUpper()}});
    QCOMPARE(taken.status, 409);
    QVERIFY2(taken.errorFields().contains(u"email"), taken.body.constData());
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject(), other.data().toObject());
}

void TestOrgsUsers::foreignOrgIdIsIgnored()
{
    // orgId is read-only (accepted so that a record read can be sent back): a body naming
    // another organisation does not put anyone there.
    const HttpResult created = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                                    {{u"email"_s, uniqueEmail(u"writes.example"_s)},
                                     {u"name"_s, u"Stays Home"_s},
                                     {u"orgId"_s, m_demoOrgId}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.data().toObject().value(u"orgId").toString(), m_writesOrgId);

    const HttpResult home
        = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
               {{u"email"_s, uniqueEmail(u"writes.example"_s)}, {u"name"_s, u"Stays Home Too"_s}});
    QCOMPARE(home.status, 201);
    const QString path = u"/api/v1/users/"_s + home.data().toObject().value(u"id").toString();
    const HttpResult moved = call(m_writesAdminToken, "PUT", path, {{u"orgId"_s, m_demoOrgId}});
    QCOMPARE(moved.status, 200);
    QCOMPARE(moved.data().toObject().value(u"orgId").toString(), m_writesOrgId);
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject().value(u"orgId").toString(),
             m_writesOrgId);

    // The demo organisation did not gain anyone.
    const HttpResult demo = call(m_demoTokens[u"admin"_s], "GET", u"/api/v1/users?q=stays"_s);
    QCOMPARE(demo.data().toArray().size(), 0);
}

void TestOrgsUsers::searchFindsAccentedNames_data()
{
    QTest::addColumn<QString>("q");
    QTest::addColumn<QStringList>("names");

    // As a person types them: exact, lower case, upper case.
    QTest::newRow("ascii part") << u"zola"_s << QStringList {u"\u00c9mile Zola"_s};
    QTest::newRow("as written") << u"\u00c9mile"_s << QStringList {u"\u00c9mile Zola"_s};
    QTest::newRow("lower case") << u"\u00e9mile"_s << QStringList {u"\u00c9mile Zola"_s};
    QTest::newRow("upper case") << u"\u00c9MILE"_s << QStringList {u"\u00c9mile Zola"_s};
    QTest::newRow("inside a word") << u"\u00f6der"_s << QStringList {u"J\u00fcrgen B\u00f6der"_s};
    QTest::newRow("cyrillic")
        << u"\u0430\u043d\u043d\u0430"_s
        << QStringList {u"\u0410\u043d\u043d\u0430 \u041f\u0430\u0432\u043b\u043e\u0432\u0430"_s};
}

void TestOrgsUsers::searchFindsAccentedNames()
{
    QFETCH(QString, q);
    QFETCH(QStringList, names);

    const HttpResult r
        = call(m_writesAdminToken, "GET",
               u"/api/v1/users?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(q)));
    QCOMPARE(r.status, 200);
    QCOMPARE(valuesOf(r.data().toArray(), u"name"_s), names);
}

void TestOrgsUsers::createRejectsBadFields_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("fields");

    const QString email = u"valid.person@writes.example"_s;
    const QString name = u"Valid Person"_s;
    QTest::newRow("bad email") << QJsonObject {{u"email"_s, u"not-an-email"_s}, {u"name"_s, name}}
                               << QStringList {u"email"_s};
    QTest::newRow("unknown role") << QJsonObject {{u"email"_s, email},
                                                  {u"name"_s, name},
                                                  {u"roles"_s, QJsonArray {u"wizard"_s}}}
                                  << QStringList {u"roles"_s};
    QTest::newRow("unknown field")
        << QJsonObject {{u"email"_s, email}, {u"name"_s, name}, {u"favouriteColour"_s, u"blue"_s}}
        << QStringList {u"favouriteColour"_s};
    QTest::newRow("all three at once")
        << QJsonObject {{u"email"_s, u"nope"_s},
                        {u"name"_s, name},
                        {u"roles"_s, QJsonArray {u"student"_s, u"overlord"_s}},
                        {u"shoeSize"_s, 44}}
        << QStringList {u"email"_s, u"roles"_s, u"shoeSize"_s};
    QTest::newRow("nothing") << QJsonObject() << QStringList {u"email"_s, u"name"_s};
    QTest::newRow("blank name") << QJsonObject {{u"email"_s, email}, {u"name"_s, u"   "_s}}
                                << QStringList {u"name"_s};
    QTest::newRow("roles not a list")
        << QJsonObject {{u"email"_s, email}, {u"name"_s, name}, {u"roles"_s, u"admin"_s}}
        << QStringList {u"roles"_s};
    QTest::newRow("email not a string")
        << QJsonObject {{u"email"_s, 42}, {u"name"_s, name}} << QStringList {u"email"_s};
    QTest::newRow("short password")
        << QJsonObject {{u"email"_s, email}, {u"name"_s, name}, {u"password"_s, u"short"_s}}
        << QStringList {u"password"_s};
    QTest::newRow("id not a uuid")
        << QJsonObject {{u"id"_s, u"42"_s}, {u"email"_s, email}, {u"name"_s, name}}
        << QStringList {u"id"_s};
    QTest::newRow("unknown status")
        << QJsonObject {{u"email"_s, email}, {u"name"_s, name}, {u"status"_s, u"asleep"_s}}
        << QStringList {u"status"_s};
}

void TestOrgsUsers::createRejectsBadFields()
{
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, fields);

    const HttpResult r = call(m_writesAdminToken, "POST", u"/api/v1/users"_s, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QStringList named = r.errorFields().keys();
    named.sort();
    fields.sort();
    QCOMPARE(named, fields);
    for (const QString &name : fields)
        QVERIFY(!r.errorFields().value(name).toString().isEmpty());
    const HttpResult found = call(m_writesAdminToken, "GET", u"/api/v1/users?q=valid.person"_s);
    QCOMPARE(found.data().toArray().size(), 0);
}

void TestOrgsUsers::updateBumpsRev()
{
    const HttpResult created
        = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
               {{u"email"_s, uniqueEmail(u"writes.example"_s)}, {u"name"_s, u"Rev Counter"_s}});
    QCOMPARE(created.status, 201);
    const QString id = created.data().toObject().value(u"id").toString();
    const QString path = u"/api/v1/users/"_s + id;
    QCOMPARE(created.data().toObject().value(u"rev").toInt(), 1);

    const HttpResult renamed
        = call(m_writesAdminToken, "PUT", path, {{u"name"_s, u"Rev Counted"_s}});
    QVERIFY2(renamed.status == 200, renamed.body.constData());
    QCOMPARE(renamed.data().toObject().value(u"name").toString(), u"Rev Counted"_s);
    QCOMPARE(renamed.data().toObject().value(u"rev").toInt(), 2);
    QCOMPARE(rolesOf(renamed.data().toObject()), QStringList {u"student"_s});

    const HttpResult promoted = call(m_writesAdminToken, "PUT", path,
                                     {{u"roles"_s, QJsonArray {u"ta"_s, u"instructor"_s}}});
    QCOMPARE(promoted.status, 200);
    QCOMPARE(promoted.data().toObject().value(u"rev").toInt(), 3);
    QCOMPARE(rolesOf(promoted.data().toObject()), (QStringList {u"instructor"_s, u"ta"_s}));
    QCOMPARE(promoted.data().toObject().value(u"name").toString(), u"Rev Counted"_s);

    // Sending the record back as read (with its read-only fields) is accepted.
    QJsonObject echoed = promoted.data().toObject();
    echoed.insert(u"locale"_s, u"de"_s);
    const HttpResult resent = call(m_writesAdminToken, "PUT", path, echoed);
    QVERIFY2(resent.status == 200, resent.body.constData());
    QCOMPARE(resent.data().toObject().value(u"rev").toInt(), 4);
    QCOMPARE(resent.data().toObject().value(u"locale").toString(), u"de"_s);

    const HttpResult fetched = call(m_writesAdminToken, "GET", path);
    QCOMPARE(fetched.data().toObject(), resent.data().toObject());

    QCOMPARE(changeLog(id), (QStringList {u"user r1"_s, u"user r2"_s, u"user r3"_s, u"user r4"_s}));
    QStringList roles = roleChangeLog(id);
    roles.sort();
    QCOMPARE(
        roles,
        (QStringList {u"instructor r1"_s, u"student r1"_s, u"student r2 deleted"_s, u"ta r1"_s}));
}

void TestOrgsUsers::updateRejectsBadFields_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");

    QTest::newRow("bad email") << QJsonObject {{u"email"_s, u"a@b"_s}} << u"email"_s;
    QTest::newRow("blank name") << QJsonObject {{u"name"_s, QString()}} << u"name"_s;
    QTest::newRow("unknown role") << QJsonObject {{u"roles"_s, QJsonArray {u"king"_s}}}
                                  << u"roles"_s;
    QTest::newRow("unknown status") << QJsonObject {{u"status"_s, u"gone"_s}} << u"status"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"nickname"_s, u"Bo"_s}} << u"nickname"_s;
    QTest::newRow("another id") << QJsonObject {{u"id"_s, createUuidV7String()}} << u"id"_s;
    QTest::newRow("short password") << QJsonObject {{u"password"_s, u"1234"_s}} << u"password"_s;
}

void TestOrgsUsers::updateRejectsBadFields()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);

    const HttpResult created = call(
        m_writesAdminToken, "POST", u"/api/v1/users"_s,
        {{u"email"_s, uniqueEmail(u"writes.example"_s)}, {u"name"_s, u"Bad Update Target"_s}});
    QCOMPARE(created.status, 201);
    const QString path = u"/api/v1/users/"_s + created.data().toObject().value(u"id").toString();
    const QJsonObject before = call(m_writesAdminToken, "GET", path).data().toObject();
    const HttpResult r = call(m_writesAdminToken, "PUT", path, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QVERIFY2(r.errorFields().contains(field), r.body.constData());
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject(), before);
}

void TestOrgsUsers::adminCannotLockThemselfOut_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QJsonObject>("body");

    QTest::newRow("drop admin role")
        << QByteArray("PUT") << QJsonObject {{u"roles"_s, QJsonArray {u"instructor"_s}}};
    QTest::newRow("no roles at all")
        << QByteArray("PUT") << QJsonObject {{u"roles"_s, QJsonArray()}};
    QTest::newRow("suspend") << QByteArray("PUT") << QJsonObject {{u"status"_s, u"suspended"_s}};
    QTest::newRow("delete") << QByteArray("DELETE") << QJsonObject();
}

void TestOrgsUsers::adminCannotLockThemselfOut()
{
    QFETCH(QByteArray, method);
    QFETCH(QJsonObject, body);

    const QString path = u"/api/v1/users/"_s + m_writesAdminId;
    const QJsonObject before = call(m_writesAdminToken, "GET", path).data().toObject();
    QCOMPARE(rolesOf(before), QStringList {u"admin"_s});

    const HttpResult r = call(m_writesAdminToken, method, path, body);
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), u"conflict"_s);
    QVERIFY(!errorMessage(r).isEmpty());

    // Still an active admin with a working token.
    const HttpResult after = call(m_writesAdminToken, "GET", path);
    QCOMPARE(after.status, 200);
    QCOMPARE(after.data().toObject(), before);
    QCOMPARE(call(m_writesAdminToken, "GET", u"/api/v1/users"_s).status, 200);
}

void TestOrgsUsers::suspendEndsSessions()
{
    const QString email = uniqueEmail(u"writes.example"_s);
    const HttpResult created = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                                    {{u"email"_s, email},
                                     {u"name"_s, u"Soon Suspended"_s},
                                     {u"password"_s, u"first-password"_s}});
    QCOMPARE(created.status, 201);
    const QString path = u"/api/v1/users/"_s + created.data().toObject().value(u"id").toString();

    HttpClient user(m_server.url());
    const HttpResult login = user.login(email, u"first-password"_s);
    QCOMPARE(login.status, 200);
    const QString refreshToken = login.data().toObject().value(u"refreshToken").toString();
    QCOMPARE(user.get(u"/api/v1/auth/me"_s).status, 200);

    const HttpResult suspended
        = call(m_writesAdminToken, "PUT", path, {{u"status"_s, u"suspended"_s}});
    QCOMPARE(suspended.status, 200);
    QCOMPARE(suspended.data().toObject().value(u"status").toString(), u"suspended"_s);

    const HttpResult me = user.get(u"/api/v1/auth/me"_s);
    QVERIFY2(me.status == 401 || me.status == 403, me.body.constData());
    const HttpResult refreshed
        = user.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refreshToken}});
    QCOMPARE(refreshed.status, 401);
    QVERIFY(refreshed.data().toObject().value(u"accessToken").toString().isEmpty());
    const HttpResult again = user.login(email, u"first-password"_s);
    QCOMPARE(again.status, 403);
    QCOMPARE(again.errorCode(), u"account_disabled"_s);

    const HttpResult listed = call(m_writesAdminToken, "GET", u"/api/v1/users?status=suspended"_s);
    QCOMPARE(valuesOf(listed.data().toArray(), u"email"_s), QStringList {email});

    // Reactivated, the person can log in again.
    QCOMPARE(call(m_writesAdminToken, "PUT", path, {{u"status"_s, u"active"_s}}).status, 200);
    QCOMPARE(user.login(email, u"first-password"_s).status, 200);
    QCOMPARE(user.get(u"/api/v1/auth/me"_s).status, 200);
}

void TestOrgsUsers::passwordResetReplacesOldPassword()
{
    const QString email = uniqueEmail(u"writes.example"_s);
    const HttpResult created = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                                    {{u"email"_s, email},
                                     {u"name"_s, u"Forgetful Person"_s},
                                     {u"password"_s, u"first-password"_s}});
    QCOMPARE(created.status, 201);
    const QString path = u"/api/v1/users/"_s + created.data().toObject().value(u"id").toString();

    HttpClient user(m_server.url());
    const HttpResult login = user.login(email, u"first-password"_s);
    QCOMPARE(login.status, 200);
    const QString refreshToken = login.data().toObject().value(u"refreshToken").toString();

    const HttpResult reset
        = call(m_writesAdminToken, "PUT", path, {{u"password"_s, u"second-password"_s}});
    QVERIFY2(reset.status == 200, reset.body.constData());
    QVERIFY(!reset.body.contains("second-password"));
    QVERIFY(!reset.data().toObject().contains(u"password"));
    QVERIFY(!reset.data().toObject().contains(u"passwordHash"));

    const HttpResult oldPassword = user.login(email, u"first-password"_s);
    QCOMPARE(oldPassword.status, 401);
    QCOMPARE(oldPassword.errorCode(), u"invalid_credentials"_s);
    // Sessions started with the old password end too.
    QCOMPARE(user.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refreshToken}}).status, 401);
    const HttpResult newPassword = user.login(email, u"second-password"_s);
    QCOMPARE(newPassword.status, 200);
    QCOMPARE(newPassword.data().toObject().value(u"user").toObject().value(u"email").toString(),
             email);
}

void TestOrgsUsers::deleteUser()
{
    const QString email = uniqueEmail(u"writes.example"_s);
    const HttpResult created = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                                    {{u"email"_s, email},
                                     {u"name"_s, u"Leaving Soon"_s},
                                     {u"password"_s, u"first-password"_s}});
    QCOMPARE(created.status, 201);
    const QString id = created.data().toObject().value(u"id").toString();
    const QString path = u"/api/v1/users/"_s + id;

    HttpClient user(m_server.url());
    const HttpResult session = user.login(email, u"first-password"_s);
    QCOMPARE(session.status, 200);
    const QString refreshToken = session.data().toObject().value(u"refreshToken").toString();

    const HttpResult removed = call(m_writesAdminToken, "DELETE", path);
    QCOMPARE(removed.status, 200);
    QCOMPARE(removed.json.value(u"ok").toBool(), true);

    QCOMPARE(call(m_writesAdminToken, "GET", path).status, 404);
    QCOMPARE(call(m_writesAdminToken, "PUT", path, {{u"name"_s, u"Back Again"_s}}).status, 404);
    QCOMPARE(call(m_writesAdminToken, "DELETE", path).status, 404);
    QCOMPARE(call(m_writesAdminToken, "GET", u"/api/v1/users?q="_s + email).data().toArray().size(),
             0);
    QCOMPARE(user.get(u"/api/v1/auth/me"_s).status, 401);
    QCOMPARE(user.post(u"/api/v1/auth/refresh"_s, {{u"refreshToken"_s, refreshToken}}).status, 401);
    const HttpResult login = user.login(email, u"first-password"_s);
    QCOMPARE(login.status, 401);
    QCOMPARE(login.errorCode(), u"invalid_credentials"_s);

    QCOMPARE(changeLog(id), (QStringList {u"user r1"_s, u"user r2 deleted"_s}));
    QCOMPARE(roleChangeLog(id), (QStringList {u"student r1"_s, u"student r2 deleted"_s}));

    // The address is free for a new account.
    const HttpResult recreated = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
                                      {{u"email"_s, email}, {u"name"_s, u"Back Again"_s}});
    QVERIFY2(recreated.status == 201, recreated.body.constData());
    QVERIFY(recreated.data().toObject().value(u"id").toString() != id);
    QCOMPARE(recreated.data().toObject().value(u"rev").toInt(), 1);
    // Re-creating the removed id itself does not bring it back.
    const HttpResult revived = call(
        m_writesAdminToken, "POST", u"/api/v1/users"_s,
        {{u"id"_s, id}, {u"email"_s, uniqueEmail(u"writes.example"_s)}, {u"name"_s, u"Zombie"_s}});
    QVERIFY2(revived.status == 409, revived.body.constData());
    QCOMPARE(call(m_writesAdminToken, "GET", path).status, 404);
}

void TestOrgsUsers::studentSeesOnlyThemself()
{
    const QString student = m_demoTokens[u"student1"_s];
    const HttpResult self = call(student, "GET", u"/api/v1/users/"_s + m_demoIds[u"student1"_s]);
    QCOMPARE(self.status, 200);
    QCOMPARE(self.data().toObject().value(u"email").toString(), u"student1@demo.lectern"_s);

    for (const QString &other : {u"student2"_s, u"admin"_s, u"instructor"_s}) {
        const HttpResult r = call(student, "GET", u"/api/v1/users/"_s + m_demoIds[other]);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), u"not_found"_s);
    }
    // Not even their own record through the admin route (the profile is /auth/me).
    const HttpResult rename = call(student, "PUT", u"/api/v1/users/"_s + m_demoIds[u"student1"_s],
                                   {{u"roles"_s, QJsonArray {u"admin"_s}}});
    QCOMPARE(rename.status, 403);
    QCOMPARE(call(student, "GET", u"/api/v1/users/"_s + m_demoIds[u"student1"_s]).data().toObject(),
             self.data().toObject());
}

void TestOrgsUsers::updateOrganisation()
{
    const QString path = u"/api/v1/organizations/"_s + m_writesOrgId;
    const HttpResult before = call(m_writesAdminToken, "GET", path);
    QCOMPARE(before.status, 200);
    QCOMPARE(before.data().toObject().value(u"slug").toString(), u"writes"_s);
    const int rev = before.data().toObject().value(u"rev").toInt();

    const HttpResult r
        = call(m_writesAdminToken, "PUT", path, {{u"name"_s, u"  Writes College "_s}});
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.data().toObject().value(u"name").toString(), u"Writes College"_s);
    QCOMPARE(r.data().toObject().value(u"slug").toString(), u"writes"_s);
    QCOMPARE(r.data().toObject().value(u"rev").toInt(), rev + 1);
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject(), r.data().toObject());

    // Members see the new name at their next login.
    HttpClient client(m_server.url());
    const HttpResult login = client.login(u"admin@writes.example"_s, accountPassword);
    QCOMPARE(login.data().toObject().value(u"organization").toObject().value(u"name").toString(),
             u"Writes College"_s);

    QStringList expected;
    for (int n = 1; n <= rev + 1; ++n)
        expected.append(u"organization r"_s + QString::number(n));
    QCOMPARE(changeLog(m_writesOrgId), expected);
}

void TestOrgsUsers::organisationRejectsTakenOrBadSlug_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");

    QTest::newRow("slug of another organisation")
        << QJsonObject {{u"slug"_s, u"demo"_s}} << 409 << u"slug"_s;
    QTest::newRow("slug with spaces")
        << QJsonObject {{u"slug"_s, u"Not A Slug"_s}} << 422 << u"slug"_s;
    QTest::newRow("slug too short") << QJsonObject {{u"slug"_s, u"w"_s}} << 422 << u"slug"_s;
    QTest::newRow("empty name") << QJsonObject {{u"name"_s, u" "_s}} << 422 << u"name"_s;
    QTest::newRow("unknown field") << QJsonObject {{u"motto"_s, u"Learn"_s}} << 422 << u"motto"_s;
    QTest::newRow("bad setting inside")
        << QJsonObject {{u"settings"_s, QJsonObject {{u"timeZone"_s, u"Mars/Olympus"_s}}}} << 422
        << u"settings.timeZone"_s;
}

void TestOrgsUsers::organisationRejectsTakenOrBadSlug()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, field);

    const QString path = u"/api/v1/organizations/"_s + m_writesOrgId;
    const QJsonObject before = call(m_writesAdminToken, "GET", path).data().toObject();
    const HttpResult r = call(m_writesAdminToken, "PUT", path, body);
    QCOMPARE(r.status, status);
    QVERIFY2(r.errorFields().contains(field), r.body.constData());
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject(), before);
}

void TestOrgsUsers::updateSettings()
{
    const QString path = u"/api/v1/organizations/"_s + m_writesOrgId + u"/settings"_s;
    const QJsonObject wanted {{u"allowSelfRegistration"_s, true},
                              {u"defaultLocale"_s, u"fr"_s},
                              {u"timeZone"_s, u"Europe/Paris"_s},
                              {u"minPasswordLength"_s, 8}};
    const HttpResult r = call(m_writesAdminToken, "PUT", path, wanted);
    QVERIFY2(r.status == 200, r.body.constData());
    QCOMPARE(r.data().toObject(), wanted);
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject(), wanted);
    QCOMPARE(call(m_writesAdminToken, "GET", u"/api/v1/organizations/"_s + m_writesOrgId)
                 .data()
                 .toObject()
                 .value(u"settings")
                 .toObject(),
             wanted);

    // Only what is sent changes.
    const HttpResult partial
        = call(m_writesAdminToken, "PUT", path, {{u"allowSelfRegistration"_s, false}});
    QCOMPARE(partial.status, 200);
    QJsonObject expected = wanted;
    expected.insert(u"allowSelfRegistration"_s, false);
    QCOMPARE(partial.data().toObject(), expected);
}

void TestOrgsUsers::settingsRejectBadValues_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field"); // as sent: the body is the settings object

    QTest::newRow("unknown time zone")
        << QJsonObject {{u"timeZone"_s, u"Mars/Olympus_Mons"_s}} << u"timeZone"_s;
    QTest::newRow("empty time zone") << QJsonObject {{u"timeZone"_s, QString()}} << u"timeZone"_s;
    QTest::newRow("path as time zone")
        << QJsonObject {{u"timeZone"_s, u"../../../etc/passwd"_s}} << u"timeZone"_s;
    QTest::newRow("time zone not a string") << QJsonObject {{u"timeZone"_s, 3}} << u"timeZone"_s;
    QTest::newRow("empty locale") << QJsonObject {{u"defaultLocale"_s, QString()}}
                                  << u"defaultLocale"_s;
    QTest::newRow("registration not a boolean")
        << QJsonObject {{u"allowSelfRegistration"_s, u"yes"_s}} << u"allowSelfRegistration"_s;
    QTest::newRow("unknown setting") << QJsonObject {{u"theme"_s, u"dark"_s}} << u"theme"_s;
    QTest::newRow("password minimum below 8")
        << QJsonObject {{u"minPasswordLength"_s, 7}} << u"minPasswordLength"_s;
    QTest::newRow("password minimum not a number")
        << QJsonObject {{u"minPasswordLength"_s, u"long"_s}} << u"minPasswordLength"_s;
}

void TestOrgsUsers::settingsRejectBadValues()
{
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);

    const QString path = u"/api/v1/organizations/"_s + m_writesOrgId + u"/settings"_s;
    const QJsonObject before = call(m_writesAdminToken, "GET", path).data().toObject();
    const HttpResult r = call(m_writesAdminToken, "PUT", path, body);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.errorCode(), u"validation_failed"_s);
    QVERIFY2(r.errorFields().contains(field), r.body.constData());
    QCOMPARE(call(m_writesAdminToken, "GET", path).data().toObject(), before);
}

void TestOrgsUsers::changeLogFollowsEveryWrite()
{
    qint64 start = latestSeq();
    QVERIFY(start > 0);
    QList<int> revs;
    const auto seqAfterWrite = [this, &start]() {
        const qint64 seq = latestSeq();
        const bool advanced = seq > start;
        start = seq;
        return advanced;
    };

    const HttpResult created
        = call(m_writesAdminToken, "POST", u"/api/v1/users"_s,
               {{u"email"_s, uniqueEmail(u"writes.example"_s)}, {u"name"_s, u"Logged Person"_s}});
    QCOMPARE(created.status, 201);
    revs.append(created.data().toObject().value(u"rev").toInt());
    QVERIFY(seqAfterWrite());
    const QString path = u"/api/v1/users/"_s + created.data().toObject().value(u"id").toString();
    const QString id = created.data().toObject().value(u"id").toString();

    const QList<QJsonObject> updates = {{{u"name"_s, u"Logged Person II"_s}},
                                        {{u"roles"_s, QJsonArray {u"ta"_s}}},
                                        {{u"status"_s, u"suspended"_s}},
                                        {{u"status"_s, u"active"_s}, {u"locale"_s, u"fr"_s}}};
    for (const QJsonObject &update : updates) {
        const HttpResult r = call(m_writesAdminToken, "PUT", path, update);
        QCOMPARE(r.status, 200);
        revs.append(r.data().toObject().value(u"rev").toInt());
        QVERIFY(seqAfterWrite());
    }
    // A refused write leaves no trace.
    QCOMPARE(call(m_writesAdminToken, "PUT", path, {{u"status"_s, u"bogus"_s}}).status, 422);
    QVERIFY(!seqAfterWrite());
    QCOMPARE(call(m_writesAdminToken, "DELETE", path).status, 200);
    QVERIFY(seqAfterWrite());

    QCOMPARE(revs, (QList<int> {1, 2, 3, 4, 5}));
    QCOMPARE(changeLog(id),
             (QStringList {u"user r1"_s, u"user r2"_s, u"user r3"_s, u"user r4"_s, u"user r5"_s,
                           u"user r6 deleted"_s}));
    QCOMPARE(
        roleChangeLog(id),
        (QStringList {u"student r1"_s, u"student r2 deleted"_s, u"ta r1"_s, u"ta r2 deleted"_s}));

    // The organisation's own changes, too.
    const HttpResult org
        = call(m_writesAdminToken, "PUT", u"/api/v1/organizations/"_s + m_writesOrgId,
               {{u"settings"_s, QJsonObject {{u"defaultLocale"_s, u"de"_s}}}});
    QCOMPARE(org.status, 200);
    QVERIFY(seqAfterWrite());
    const QStringList orgLog = changeLog(m_writesOrgId);
    QCOMPARE(orgLog.last(),
             u"organization r"_s + QString::number(org.data().toObject().value(u"rev").toInt()));
    QVERIFY(!orgLog.contains(u"seq out of order"_s));
}

QTEST_GUILESS_MAIN(TestOrgsUsers)

#include "tst_orgsusers.moc"
