#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/filetokenstore.h>
#include <lectern/client/tokenstore.h>

using namespace Lectern;
using namespace Lectern::Client;

class tst_TokenStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyFor();
    void fileRoundTrip();
    void fileIsOwnerOnly();
    void fileKeepsOtherKeys();
    void unreadableFileIsEmpty();
    void asyncFileOnly();
    void keychainFallsBackWhenUnavailable();

private:
    static void verifyOwnerOnly(const QString &path);
};

void tst_TokenStore::verifyOwnerOnly(const QString &path)
{
#ifdef Q_OS_UNIX
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    QVERIFY(permissions & QFileDevice::ReadOwner);
    QVERIFY(permissions & QFileDevice::WriteOwner);
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther | QFileDevice::ExeOwner;
    QCOMPARE(permissions & others, QFileDevice::Permissions());
#else
    Q_UNUSED(path);
#endif
}

void tst_TokenStore::keyFor()
{
    QCOMPARE(TokenStore::keyFor(QUrl(QStringLiteral("http://127.0.0.1:8080/")),
                                QStringLiteral(" Student1@Demo.Lectern ")),
             QStringLiteral("http://127.0.0.1:8080 student1@demo.lectern"));
    QVERIFY(TokenStore::keyFor(QUrl(QStringLiteral("http://a:1")), QStringLiteral("x@y.z"))
            != TokenStore::keyFor(QUrl(QStringLiteral("http://a:2")), QStringLiteral("x@y.z")));
}

void tst_TokenStore::fileRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("tokens.json"));
    {
        FileTokenStore store(path);
        QCOMPARE(store.read(QStringLiteral("k")), std::nullopt);
        QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("refresh-1")).isOk());
    }
    FileTokenStore reopened(path);
    QCOMPARE(reopened.read(QStringLiteral("k")),
             std::optional<QString>(QStringLiteral("refresh-1")));
    QVERIFY(reopened.write(QStringLiteral("k"), QStringLiteral("refresh-2")).isOk());
    QCOMPARE(reopened.read(QStringLiteral("k")),
             std::optional<QString>(QStringLiteral("refresh-2")));
    QVERIFY(reopened.remove(QStringLiteral("k")).isOk());
    QCOMPARE(reopened.read(QStringLiteral("k")), std::nullopt);
    QVERIFY(reopened.remove(QStringLiteral("never there")).isOk());
}

void tst_TokenStore::fileIsOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/tokens.json"));
    FileTokenStore store(path);
    QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("secret")).isOk());
    verifyOwnerOnly(path);

    // A file that someone made world-readable is tightened on the next write.
    QVERIFY(QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("secret-2")).isOk());
    verifyOwnerOnly(path);
}

void tst_TokenStore::fileKeepsOtherKeys()
{
    QTemporaryDir dir;
    FileTokenStore store(dir.filePath(QStringLiteral("tokens.json")));
    QVERIFY(store.write(QStringLiteral("a"), QStringLiteral("1")).isOk());
    QVERIFY(store.write(QStringLiteral("b"), QStringLiteral("2")).isOk());
    QVERIFY(store.remove(QStringLiteral("a")).isOk());
    QCOMPARE(store.read(QStringLiteral("a")), std::nullopt);
    QCOMPARE(store.read(QStringLiteral("b")), std::optional<QString>(QStringLiteral("2")));
}

void tst_TokenStore::unreadableFileIsEmpty()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tokens.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{not json");
    file.close();
    FileTokenStore store(path);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("unreadable token file")));
    QCOMPARE(store.read(QStringLiteral("k")), std::nullopt);
    QVERIFY(store.write(QStringLiteral("k"), QStringLiteral("v")).isOk());
    QCOMPARE(store.read(QStringLiteral("k")), std::optional<QString>(QStringLiteral("v")));
}

void tst_TokenStore::asyncFileOnly()
{
    QTemporaryDir dir;
    TokenStore store(dir.path(), TokenStore::Mode::FileOnly);
    QCOMPARE(store.filePath(), dir.filePath(QStringLiteral("tokens.json")));
    const QString key = TokenStore::keyFor(QUrl(QStringLiteral("http://127.0.0.1:8080")),
                                           QStringLiteral("student1@demo.lectern"));

    std::optional<Result<void>> saved;
    store.save(key, QStringLiteral("refresh-7"), this, [&](const Result<void> &r) { saved = r; });
    QVERIFY(!saved.has_value()); // asynchronous even for the file
    QTRY_VERIFY(saved.has_value());
    QVERIFY(saved->isOk());
    QCOMPARE(store.backend(), TokenStore::Backend::File);
    verifyOwnerOnly(store.filePath());

    std::optional<std::optional<QString>> loaded;
    store.load(key, this, [&](const std::optional<QString> &token) { loaded = token; });
    QTRY_VERIFY(loaded.has_value());
    QCOMPARE(*loaded, std::optional<QString>(QStringLiteral("refresh-7")));

    bool removed = false;
    store.remove(key, this, [&](const Result<void> &r) { removed = r.isOk(); });
    QTRY_VERIFY(removed);
    loaded.reset();
    store.load(key, this, [&](const std::optional<QString> &token) { loaded = token; });
    QTRY_VERIFY(loaded.has_value());
    QCOMPARE(*loaded, std::nullopt);
}

void tst_TokenStore::keychainFallsBackWhenUnavailable()
{
    // Here (no Secret Service on the test machine) the keychain errors and the file takes over;
    // where a keychain answers, the token goes there and no file copy remains. Either way the
    // token comes back.
    QTemporaryDir dir;
    TokenStore store(dir.path(), TokenStore::Mode::KeychainWithFileFallback);
    const QString key = QStringLiteral("tst_tokenstore %1").arg(QCoreApplication::applicationPid());

    std::optional<Result<void>> saved;
    store.save(key, QStringLiteral("refresh-k"), this, [&](const Result<void> &r) { saved = r; });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 30000);
    QVERIFY(saved->isOk());
    if (store.backend() == TokenStore::Backend::File)
        verifyOwnerOnly(store.filePath());
    else
        QVERIFY(!FileTokenStore(store.filePath()).read(key).has_value());

    std::optional<std::optional<QString>> loaded;
    store.load(key, this, [&](const std::optional<QString> &token) { loaded = token; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 30000);
    QCOMPARE(*loaded, std::optional<QString>(QStringLiteral("refresh-k")));

    bool removed = false;
    store.remove(key, this, [&](const Result<void> &) { removed = true; });
    QTRY_VERIFY_WITH_TIMEOUT(removed, 30000);
}

QTEST_GUILESS_MAIN(tst_TokenStore)
#include "tst_tokenstore.moc"
