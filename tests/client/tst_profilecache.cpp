#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/profilecache.h>

using namespace Lectern;
using namespace Lectern::Client;

// The per-account copy of the profile that lets Lectern start offline.
class tst_ProfileCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip();
    void oneFolderPerAccount();
    void unreadableFileIsNoProfile();
    void profileOfAnotherAccountIsIgnored();
    void removeLeavesNothingBehind();

private:
    static CachedProfile profile(const QString &server, const QString &email);
};

CachedProfile tst_ProfileCache::profile(const QString &server, const QString &email)
{
    CachedProfile profile;
    profile.serverUrl = QUrl(server);
    profile.email = email;
    profile.user.id = QStringLiteral("0190f5a2-0000-7000-8000-000000000001");
    profile.user.email = email;
    profile.user.name = QStringLiteral("Sasha Student");
    profile.user.roles = {Role::Student, Role::TeachingAssistant};
    profile.organization.id = QStringLiteral("0190f5a2-0000-7000-8000-0000000000aa");
    profile.organization.name = QStringLiteral("Demo Academy");
    profile.organization.slug = QStringLiteral("demo");
    profile.lastConnected = QDateTime(QDate(2026, 3, 12), QTime(9, 5, 31, 250), Qt::UTC);
    return profile;
}

void tst_ProfileCache::roundTrip()
{
    QTemporaryDir dir;
    ProfileCache cache(dir.path());
    const QUrl server(QStringLiteral("https://lectern.example.org"));
    const QString email = QStringLiteral("student2@demo.lectern");
    QCOMPARE(cache.load(server, email), std::nullopt);

    const CachedProfile saved = profile(server.toString(), email);
    QVERIFY(cache.save(saved).isOk());
    const auto loaded = cache.load(server, email);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->serverUrl, server);
    QCOMPARE(loaded->email, email);
    QCOMPARE(loaded->user.id, saved.user.id);
    QCOMPARE(loaded->user.name, saved.user.name);
    QCOMPARE(loaded->user.roles, saved.user.roles);
    QCOMPARE(loaded->organization.name, saved.organization.name);
    QCOMPARE(loaded->organization.slug, saved.organization.slug);
    QCOMPARE(loaded->lastConnected, saved.lastConnected);
    // The same account however its address and email were typed.
    QVERIFY(cache
                .load(QUrl(QStringLiteral("https://lectern.example.org/")),
                      QStringLiteral(" Student2@Demo.Lectern"))
                .has_value());
}

void tst_ProfileCache::oneFolderPerAccount()
{
    QTemporaryDir dir;
    ProfileCache cache(dir.path());
    const QUrl one(QStringLiteral("https://one.example.org"));
    const QUrl two(QStringLiteral("https://two.example.org"));
    const QString email = QStringLiteral("ta@demo.lectern");
    QVERIFY(cache.save(profile(one.toString(), email)).isOk());
    QVERIFY(cache.save(profile(two.toString(), email)).isOk());
    QVERIFY(cache.accountDir(one, email) != cache.accountDir(two, email));
    QVERIFY(cache.accountDir(one, email)
                .startsWith(QDir(dir.path()).filePath(QStringLiteral("accounts/"))));
    QVERIFY(QFile::exists(cache.profilePath(one, email)));
    QVERIFY(QFile::exists(cache.profilePath(two, email)));
    QVERIFY(cache.remove(one, email).isOk());
    QCOMPARE(cache.load(one, email), std::nullopt);
    QVERIFY(cache.load(two, email).has_value());
}

void tst_ProfileCache::unreadableFileIsNoProfile()
{
    QTemporaryDir dir;
    ProfileCache cache(dir.path());
    const QUrl server(QStringLiteral("http://127.0.0.1:8080"));
    const QString email = QStringLiteral("student1@demo.lectern");
    QDir().mkpath(cache.accountDir(server, email));
    QFile file(cache.profilePath(server, email));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"version\": 1, \"user\": "); // cut off mid-write
    file.close();
    QCOMPARE(cache.load(server, email), std::nullopt);
    // Writing again repairs it.
    QVERIFY(cache.save(profile(server.toString(), email)).isOk());
    QVERIFY(cache.load(server, email).has_value());
}

void tst_ProfileCache::profileOfAnotherAccountIsIgnored()
{
    // A data folder copied by hand could put one account's file where another's belongs.
    QTemporaryDir dir;
    ProfileCache cache(dir.path());
    const QUrl server(QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(cache.save(profile(server.toString(), QStringLiteral("admin@demo.lectern"))).isOk());
    const QString wrongPlace = cache.profilePath(server, QStringLiteral("student1@demo.lectern"));
    QDir().mkpath(QFileInfo(wrongPlace).absolutePath());
    QVERIFY(
        QFile::copy(cache.profilePath(server, QStringLiteral("admin@demo.lectern")), wrongPlace));
    QCOMPARE(cache.load(server, QStringLiteral("student1@demo.lectern")), std::nullopt);
}

void tst_ProfileCache::removeLeavesNothingBehind()
{
    QTemporaryDir dir;
    ProfileCache cache(dir.path());
    const QUrl server(QStringLiteral("http://127.0.0.1:8080"));
    const QString email = QStringLiteral("student3@demo.lectern");
    QVERIFY(cache.save(profile(server.toString(), email)).isOk());
    QVERIFY(QDir(cache.accountDir(server, email)).exists());
    QVERIFY(cache.remove(server, email).isOk());
    QVERIFY(!QDir(cache.accountDir(server, email)).exists());
    // Removing what is not there is fine.
    QVERIFY(cache.remove(server, email).isOk());
}

QTEST_GUILESS_MAIN(tst_ProfileCache)
#include "tst_profilecache.moc"
