#include "core/serverconfig.h"

#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace Lectern;
using namespace Lectern::Server;
using namespace Qt::StringLiterals;

using Settings = QHash<QString, QString>;

// An operator's settings: one key per setting in the file, the environment and the command line,
// the later layer winning; a bad value or an unknown key stops the server with a message that
// names it.
class TestServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults();
    void precedence_data();
    void precedence();
    void values_data();
    void values();
    void errorNamesEveryBadKey();
    void demoCoursesNeedDemo_data();
    void demoCoursesNeedDemo();
    void everyKeyIsKnownInEveryLayer();
    void fromEnvironment();
    void parseListen_data();
    void parseListen();
    void listenText_data();
    void listenText();
    void readFile_data();
    void readFile();
    void readMissingFile();
};

namespace {
// The setting named `key` of `config`, as text (for data rows).
QString valueOf(const ServerConfig &config, const QString &key)
{
    if (key == u"data-dir")
        return config.dataDir;
    if (key == u"database")
        return config.database;
    if (key == u"jwt-secret-file")
        return config.jwtSecretFile;
    if (key == u"listen")
        return config.listenText();
    if (key == u"demo")
        return config.demo ? u"true"_s : u"false"_s;
    if (key == u"demo-courses")
        return config.demoCourses ? u"true"_s : u"false"_s;
    if (key == u"max-body-size")
        return QString::number(config.maxBodyBytes);
    if (key == u"max-header-size")
        return QString::number(config.maxHeaderBytes);
    if (key == u"header-timeout")
        return QString::number(config.headerTimeoutSeconds);
    if (key == u"body-timeout")
        return QString::number(config.bodyTimeoutSeconds);
    if (key == u"body-min-rate")
        return QString::number(config.bodyMinRate);
    if (key == u"idle-timeout")
        return QString::number(config.idleTimeoutSeconds);
    if (key == u"max-connections-per-address")
        return QString::number(config.maxConnectionsPerAddress);
    if (key == u"max-connections")
        return QString::number(config.maxConnections);
    if (key == u"max-upload-size")
        return QString::number(config.maxUploadBytes);
    if (key == u"upload-types")
        return config.uploadTypes.join(u',');
    if (key == u"access-token-ttl")
        return QString::number(config.accessTokenTtlSeconds);
    if (key == u"refresh-token-ttl-days")
        return QString::number(config.refreshTokenTtlDays);
    if (key == u"lockout-failures")
        return QString::number(config.lockoutFailures);
    if (key == u"lockout-address-failures")
        return QString::number(config.lockoutAddressFailures);
    if (key == u"lockout-window")
        return QString::number(config.lockoutWindowSeconds);
    if (key == u"lockout-account-failures")
        return QString::number(config.lockoutAccountFailures);
    if (key == u"lockout-account-max-delay")
        return QString::number(config.lockoutAccountMaxDelaySeconds);
    if (key == u"trusted-proxies") {
        QStringList subnets;
        for (const auto &[address, length] : config.trustedProxies)
            subnets.append(address.toString() + u'/' + QString::number(length));
        return subnets.join(u',');
    }
    if (key == u"workers")
        return QString::number(config.workerThreads);
    if (key == u"response-cache-size")
        return QString::number(config.responseCacheBytes);
    if (key == u"password-hash-profile")
        return config.passwordHashProfile;
    if (key == u"log-format")
        return config.logFormat;
    return u"<unknown key %1>"_s.arg(key);
}

Settings one(const QString &key, const QString &value)
{
    return value.isNull() ? Settings() : Settings {{key, value}};
}
} // namespace

void TestServerConfig::defaults()
{
    auto config = ServerConfig::fromLayers({}, {}, {});
    QVERIFY(config);
    QCOMPARE(config->dataDir, u"lectern-data"_s);
    QCOMPARE(config->database, QString());
    QCOMPARE(config->jwtSecretFile, QString());
    QCOMPARE(config->listenText(), u"127.0.0.1:8080"_s);
    QCOMPARE(config->demo, false);
    QCOMPARE(config->maxBodyBytes, qint64(1024 * 1024));
    QCOMPARE(config->accessTokenTtlSeconds, 15 * 60);
    QCOMPARE(config->refreshTokenTtlDays, 30);
    QCOMPARE(config->responseCacheBytes, qint64(64 * 1024 * 1024));
    QCOMPARE(config->passwordHashProfile, u"interactive"_s);
    QCOMPARE(config->logFormat, u"json"_s);
    // The same as a default-constructed configuration.
    const ServerConfig plain;
    for (const QString &key : ServerConfig::keys())
        QCOMPARE(valueOf(*config, key), valueOf(plain, key));
}

void TestServerConfig::precedence_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("expected");

    const QString p1 = u"127.0.0.1:1001"_s;
    const QString p2 = u"127.0.0.1:1002"_s;
    const QString p3 = u"127.0.0.1:1003"_s;
    const QString none;
    QTest::newRow("listen: default") << u"listen"_s << none << none << none << u"127.0.0.1:8080"_s;
    QTest::newRow("listen: file") << u"listen"_s << p1 << none << none << p1;
    QTest::newRow("listen: environment over file") << u"listen"_s << p1 << p2 << none << p2;
    QTest::newRow("listen: command line over all") << u"listen"_s << p1 << p2 << p3 << p3;
    QTest::newRow("listen: command line over file") << u"listen"_s << p1 << none << p3 << p3;
    QTest::newRow("listen: command line over environment") << u"listen"_s << none << p2 << p3 << p3;
    QTest::newRow("listen: environment alone") << u"listen"_s << none << p2 << none << p2;
    QTest::newRow("workers: file") << u"workers"_s << u"3"_s << none << none << u"3"_s;
    QTest::newRow("workers: environment") << u"workers"_s << u"3"_s << u"5"_s << none << u"5"_s;
    QTest::newRow("workers: command line") << u"workers"_s << u"3"_s << u"5"_s << u"7"_s << u"7"_s;
    QTest::newRow("demo: command line turns on")
        << u"demo"_s << u"false"_s << u"no"_s << u"true"_s << u"true"_s;
    QTest::newRow("demo: environment turns off")
        << u"demo"_s << u"true"_s << u"0"_s << none << u"false"_s;
    QTest::newRow("data-dir: environment")
        << u"data-dir"_s << u"/srv/a"_s << u"/srv/b"_s << none << u"/srv/b"_s;
    QTest::newRow("database: command line")
        << u"database"_s << u"sqlite:a.sqlite"_s << u"sqlite:b.sqlite"_s
        << u"postgresql://lectern@db:5432/lectern"_s << u"postgresql://lectern@db:5432/lectern"_s;
    QTest::newRow("log-format: file only")
        << u"log-format"_s << u"text"_s << none << none << u"text"_s;
}

void TestServerConfig::precedence()
{
    QFETCH(QString, key);
    QFETCH(QString, file);
    QFETCH(QString, environment);
    QFETCH(QString, commandLine);
    QFETCH(QString, expected);

    auto config
        = ServerConfig::fromLayers(one(key, file), one(key, environment), one(key, commandLine));
    QVERIFY2(config, qPrintable(config ? QString() : config.error().message));
    QCOMPARE(valueOf(*config, key), expected);
}

void TestServerConfig::values_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("expected"); // the setting afterwards, when valid

    const auto valid = [](const char *key, const QString &value, const QString &expected) {
        QTest::addRow("%s = '%s'", key, qPrintable(value))
            << QString::fromLatin1(key) << value << true << expected;
    };
    const auto invalid = [](const char *key, const QString &value) {
        QTest::addRow("%s = '%s' is invalid", key, qPrintable(value))
            << QString::fromLatin1(key) << value << false << QString();
    };

    valid("data-dir", u"/var/lib/lectern"_s, u"/var/lib/lectern"_s);
    valid("data-dir", u"  data  "_s, u"data"_s);
    invalid("data-dir", QString());
    invalid("data-dir", u"   "_s);

    valid("database", u"sqlite:/var/lib/lectern/x.sqlite"_s, u"sqlite:/var/lib/lectern/x.sqlite"_s);
    valid("database", u"postgresql://u@h/db"_s, u"postgresql://u@h/db"_s);
    valid("database", QString(), QString());

    valid("jwt-secret-file", u"/etc/lectern/jwt-secret"_s, u"/etc/lectern/jwt-secret"_s);
    valid("jwt-secret-file", u" shared/secret "_s, u"shared/secret"_s);
    valid("jwt-secret-file", QString(), QString());

    valid("listen", u"0.0.0.0:80"_s, u"0.0.0.0:80"_s);
    valid("listen", u"[::1]:8080"_s, u"[::1]:8080"_s);
    valid("listen", u" 127.0.0.1:9000 "_s, u"127.0.0.1:9000"_s);
    valid("listen", u"localhost:1"_s, u"127.0.0.1:1"_s);
    invalid("listen", u"host"_s);
    invalid("listen", u"1.2.3.4:99999"_s);
    invalid("listen", u"example.org:80"_s);
    invalid("listen", QString());

    for (const char *yes : {"1", "true", "yes", "on", "TRUE", " On "})
        valid("demo", QString::fromLatin1(yes), u"true"_s);
    for (const char *no : {"0", "false", "no", "off", "False"})
        valid("demo", QString::fromLatin1(no), u"false"_s);
    invalid("demo", u"maybe"_s);
    invalid("demo", QString());
    invalid("demo", u"2"_s);
    // On, demo-courses also needs demo (demoCoursesNeedDemo).
    for (const char *no : {"0", "false", "off"})
        valid("demo-courses", QString::fromLatin1(no), u"false"_s);
    invalid("demo-courses", u"maybe"_s);

    valid("max-body-size", u"1048576"_s, u"1048576"_s);
    valid("max-body-size", u"512k"_s, u"524288"_s);
    valid("max-body-size", u"1m"_s, u"1048576"_s);
    valid("max-body-size", u"2g"_s, u"2147483648"_s);
    valid("max-body-size", u"4M"_s, u"4194304"_s);
    valid("max-body-size", u"1k"_s, u"1024"_s);
    valid("max-body-size", u"1024"_s, u"1024"_s);
    invalid("max-body-size", u"1023"_s);
    invalid("max-body-size", u"0"_s);
    invalid("max-body-size", u"-1m"_s);
    invalid("max-body-size", u"1.5m"_s);
    invalid("max-body-size", u"1t"_s);
    invalid("max-body-size", u"1mb"_s);
    invalid("max-body-size", u"m"_s);
    invalid("max-body-size", u"lots"_s);
    // 2^54 + 1 kibibytes: the multiplication overflows 64 bits (and would wrap to 1k).
    invalid("max-body-size", u"18014398509481985k"_s);

    valid("max-header-size", u"64k"_s, u"65536"_s);
    valid("max-header-size", u"1k"_s, u"1024"_s);
    valid("max-header-size", u"1m"_s, u"1048576"_s);
    invalid("max-header-size", u"1023"_s);
    invalid("max-header-size", u"2m"_s);

    for (const char *timeout : {"header-timeout", "body-timeout"}) {
        valid(timeout, u"1"_s, u"1"_s);
        valid(timeout, u"3600"_s, u"3600"_s);
        invalid(timeout, u"0"_s);
        invalid(timeout, u"3601"_s);
        invalid(timeout, u"30s"_s);
    }
    valid("idle-timeout", u"1"_s, u"1"_s);
    valid("idle-timeout", u"86400"_s, u"86400"_s);
    invalid("idle-timeout", u"0"_s);

    valid("body-min-rate", u"1k"_s, u"1024"_s);
    valid("body-min-rate", u"1"_s, u"1"_s);
    invalid("body-min-rate", u"0"_s);
    invalid("body-min-rate", u"fast"_s);

    valid("max-connections-per-address", u"0"_s, u"0"_s); // no cap
    valid("max-connections-per-address", u"1000000"_s, u"1000000"_s);
    invalid("max-connections-per-address", u"-1"_s);
    valid("max-connections", u"0"_s, u"0"_s); // from the open-file limit
    valid("max-connections", u"50000"_s, u"50000"_s);
    invalid("max-connections", u"many"_s);

    valid("access-token-ttl", u"10"_s, u"10"_s);
    valid("access-token-ttl", u"86400"_s, u"86400"_s);
    invalid("access-token-ttl", u"9"_s);
    invalid("access-token-ttl", u"86401"_s);
    invalid("access-token-ttl", u"15m"_s);

    valid("refresh-token-ttl-days", u"1"_s, u"1"_s);
    valid("refresh-token-ttl-days", u"365"_s, u"365"_s);
    invalid("refresh-token-ttl-days", u"0"_s);
    invalid("refresh-token-ttl-days", u"366"_s);

    valid("lockout-failures", u"1"_s, u"1"_s);
    valid("lockout-failures", u"1000"_s, u"1000"_s);
    invalid("lockout-failures", u"0"_s);
    invalid("lockout-failures", u"1001"_s);

    valid("lockout-address-failures", u"100000"_s, u"100000"_s);
    invalid("lockout-address-failures", u"0"_s);
    invalid("lockout-address-failures", u"100001"_s);

    valid("lockout-window", u"1"_s, u"1"_s);
    valid("lockout-window", u"86400"_s, u"86400"_s);
    invalid("lockout-window", u"0"_s);
    invalid("lockout-window", u"86401"_s);
    valid("lockout-account-failures", u"1"_s, u"1"_s);
    invalid("lockout-account-failures", u"0"_s);
    valid("lockout-account-max-delay", u"86400"_s, u"86400"_s);
    invalid("lockout-account-max-delay", u"0"_s);
    valid("trusted-proxies", u"127.0.0.1, 10.0.0.0/8 ::1"_s, u"127.0.0.1/32,10.0.0.0/8,::1/128"_s);
    valid("trusted-proxies", u""_s, u""_s);
    invalid("trusted-proxies", u"proxy.example"_s);
    invalid("trusted-proxies", u"10.0.0.0/33"_s);

    valid("workers", u"1"_s, u"1"_s);
    valid("workers", u" 64 "_s, u"64"_s);
    invalid("workers", u"0"_s);
    invalid("workers", u"65"_s);
    invalid("workers", u"two"_s);
    invalid("workers", u"2.5"_s);
    invalid("workers", QString());

    valid("response-cache-size", u"64m"_s, u"67108864"_s);
    valid("response-cache-size", u"512k"_s, u"524288"_s);
    valid("response-cache-size", u"1g"_s, u"1073741824"_s);
    valid("response-cache-size", u"0"_s, u"0"_s); // no cache
    invalid("response-cache-size", u"-1"_s);
    invalid("response-cache-size", u"1.5m"_s);
    invalid("response-cache-size", u"lots"_s);
    invalid("response-cache-size", QString());

    for (const char *profile : {"interactive", "moderate", "sensitive"})
        valid("password-hash-profile", QString::fromLatin1(profile), QString::fromLatin1(profile));
    invalid("password-hash-profile", u"fast"_s);
    invalid("password-hash-profile", QString());

    valid("log-format", u"json"_s, u"json"_s);
    valid("log-format", u"text"_s, u"text"_s);
    invalid("log-format", u"xml"_s);

    invalid("colour", u"blue"_s);
    invalid("LISTEN", u"127.0.0.1:80"_s);
    invalid("data_dir", u"/tmp"_s);
}

void TestServerConfig::values()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(QString, expected);

    // The same in each layer.
    const Settings settings {{key, value.isNull() ? u""_s : value}};
    for (int layer = 0; layer < 3; ++layer) {
        auto config = ServerConfig::fromLayers(layer == 0 ? settings : Settings(),
                                               layer == 1 ? settings : Settings(),
                                               layer == 2 ? settings : Settings());
        QCOMPARE(bool(config), valid);
        if (valid) {
            QCOMPARE(valueOf(*config, key), expected);
        } else {
            QCOMPARE(config.error().code, u"validation_failed"_s);
            QVERIFY2(config.error().message.contains(key), qPrintable(config.error().message));
            QVERIFY(config.error().details.value(u"fields").toObject().contains(key));
        }
    }
}

void TestServerConfig::errorNamesEveryBadKey()
{
    auto config = ServerConfig::fromLayers({{u"listen"_s, u"nonsense"_s}, {u"workers"_s, u"1"_s}},
                                           {{u"workers"_s, u"zero"_s}}, {{u"colour"_s, u"blue"_s}});
    QVERIFY(!config);
    const QJsonObject fields = config.error().details.value(u"fields").toObject();
    QStringList named = fields.keys();
    named.sort();
    QCOMPARE(named, (QStringList {u"colour"_s, u"listen"_s, u"workers"_s}));
    for (const QString &key : named)
        QVERIFY2(config.error().message.contains(key), qPrintable(config.error().message));
}

void TestServerConfig::demoCoursesNeedDemo_data()
{
    QTest::addColumn<Settings>("file");
    QTest::addColumn<Settings>("environment");
    QTest::addColumn<Settings>("commandLine");
    QTest::addColumn<bool>("valid");

    const Settings demo {{u"demo"_s, u"true"_s}};
    const Settings courses {{u"demo-courses"_s, u"true"_s}};
    const Settings both {{u"demo"_s, u"true"_s}, {u"demo-courses"_s, u"yes"_s}};
    QTest::newRow("both on the command line") << Settings() << Settings() << both << true;
    QTest::newRow("demo in the file, courses in the environment")
        << demo << courses << Settings() << true;
    QTest::newRow("courses alone") << Settings() << Settings() << courses << false;
    QTest::newRow("demo turned off by the environment")
        << both << Settings {{u"demo"_s, u"off"_s}} << Settings() << false;
}

void TestServerConfig::demoCoursesNeedDemo()
{
    QFETCH(Settings, file);
    QFETCH(Settings, environment);
    QFETCH(Settings, commandLine);
    QFETCH(bool, valid);

    auto config = ServerConfig::fromLayers(file, environment, commandLine);
    QCOMPARE(bool(config), valid);
    if (valid) {
        QVERIFY(config->demo);
        QVERIFY(config->demoCourses);
    } else {
        QCOMPARE(config.error().details.value(u"fields").toObject().keys(),
                 QStringList {u"demo-courses"_s});
        QVERIFY2(config.error().message.contains(u"demo-courses: needs demo"),
                 qPrintable(config.error().message));
    }
}

void TestServerConfig::everyKeyIsKnownInEveryLayer()
{
    const QStringList keys = ServerConfig::keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), keys.size());
    for (const QString &key : keys) {
        QVERIFY2(!valueOf(ServerConfig(), key).startsWith(u"<unknown"), qPrintable(key));
        // Every key has an environment name that reads back as that key.
        QProcessEnvironment env;
        env.insert(u"LECTERN_"_s + key.toUpper().replace(u'-', u'_'), u"x"_s);
        QCOMPARE(ServerConfig::fromEnvironment(env).keys(), QStringList {key});
    }
}

void TestServerConfig::fromEnvironment()
{
    QProcessEnvironment env;
    env.insert(u"LECTERN_LISTEN"_s, u"0.0.0.0:9000"_s);
    env.insert(u"LECTERN_DATA_DIR"_s, u"/srv/lectern"_s);
    env.insert(u"LECTERN_MAX_BODY_SIZE"_s, u"2m"_s);
    env.insert(u"LECTERN_REFRESH_TOKEN_TTL_DAYS"_s, u"7"_s);
    env.insert(u"LECTERN_PASSWORD_HASH_PROFILE"_s, u"moderate"_s);
    // Not settings: the config file's path, a test variable, someone else's variable.
    env.insert(u"LECTERN_CONFIG"_s, u"/etc/lectern.conf"_s);
    env.insert(u"LECTERN_TEST_BACKEND"_s, u"postgresql"_s);
    env.insert(u"LISTEN"_s, u"1.1.1.1:1"_s);
    env.insert(u"lectern_workers"_s, u"9"_s);

    const Settings values = ServerConfig::fromEnvironment(env);
    const Settings expected {{u"listen"_s, u"0.0.0.0:9000"_s},
                             {u"data-dir"_s, u"/srv/lectern"_s},
                             {u"max-body-size"_s, u"2m"_s},
                             {u"refresh-token-ttl-days"_s, u"7"_s},
                             {u"password-hash-profile"_s, u"moderate"_s}};
    QCOMPARE(values, expected);

    auto config = ServerConfig::fromLayers({}, values, {});
    QVERIFY(config);
    QCOMPARE(config->listenText(), u"0.0.0.0:9000"_s);
    QCOMPARE(config->maxBodyBytes, qint64(2 * 1024 * 1024));
    QCOMPARE(config->refreshTokenTtlDays, 7);
}

void TestServerConfig::parseListen_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");

    QTest::newRow("0.0.0.0:80") << u"0.0.0.0:80"_s << true << u"0.0.0.0"_s << 80;
    QTest::newRow("[::1]:8080") << u"[::1]:8080"_s << true << u"::1"_s << 8080;
    QTest::newRow("[::]:443") << u"[::]:443"_s << true << u"::"_s << 443;
    QTest::newRow(":9000 is every address")
        << u":9000"_s << true << QHostAddress(QHostAddress::Any).toString() << 9000;
    QTest::newRow("*:9000 is every address")
        << u"*:9000"_s << true << QHostAddress(QHostAddress::Any).toString() << 9000;
    QTest::newRow("localhost:1") << u"localhost:1"_s << true << u"127.0.0.1"_s << 1;
    QTest::newRow("127.0.0.1:65535") << u"127.0.0.1:65535"_s << true << u"127.0.0.1"_s << 65535;
    QTest::newRow("port 0 is any free port") << u"127.0.0.1:0"_s << true << u"127.0.0.1"_s << 0;
    QTest::newRow("host") << u"host"_s << false << QString() << 0;
    QTest::newRow("1.2.3.4:99999") << u"1.2.3.4:99999"_s << false << QString() << 0;
    QTest::newRow("1.2.3.4:65536") << u"1.2.3.4:65536"_s << false << QString() << 0;
    QTest::newRow("no port") << u"1.2.3.4:"_s << false << QString() << 0;
    QTest::newRow("negative port") << u"1.2.3.4:-1"_s << false << QString() << 0;
    QTest::newRow("named port") << u"1.2.3.4:http"_s << false << QString() << 0;
    QTest::newRow("host name") << u"example.org:80"_s << false << QString() << 0;
    QTest::newRow("bad address") << u"300.1.1.1:80"_s << false << QString() << 0;
    QTest::newRow("empty") << QString() << false << QString() << 0;
    QTest::newRow("v6 without port") << u"[::1]"_s << false << QString() << 0;
}

void TestServerConfig::parseListen()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, address);
    QFETCH(int, port);

    auto listen = Server::parseListen(text);
    QCOMPARE(bool(listen), valid);
    if (valid) {
        QCOMPARE(listen->first.toString(), address);
        QCOMPARE(int(listen->second), port);
    } else {
        QVERIFY(!listen.error().message.isEmpty());
    }
}

void TestServerConfig::listenText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    QTest::newRow("v4") << u"10.0.0.1:8080"_s << u"10.0.0.1:8080"_s;
    QTest::newRow("v6 in brackets") << u"[::1]:8080"_s << u"[::1]:8080"_s;
    QTest::newRow("localhost") << u"localhost:80"_s << u"127.0.0.1:80"_s;
}

void TestServerConfig::listenText()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);

    auto config = ServerConfig::fromLayers({}, {}, {{u"listen"_s, text}});
    QVERIFY(config);
    QCOMPARE(config->listenText(), expected);
    // What is shown can be given back.
    auto again = ServerConfig::fromLayers({}, {}, {{u"listen"_s, config->listenText()}});
    QVERIFY(again);
    QCOMPARE(again->listenText(), expected);
}

void TestServerConfig::readFile_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<Settings>("expected");
    QTest::addColumn<QString>("problem"); // part of the message when invalid

    QTest::newRow("empty") << QByteArray() << true << Settings() << QString();
    QTest::newRow("key = value") << QByteArray("listen = 0.0.0.0:80\n") << true
                                 << Settings {{u"listen"_s, u"0.0.0.0:80"_s}} << QString();
    QTest::newRow("no spaces, no final newline")
        << QByteArray("workers=4") << true << Settings {{u"workers"_s, u"4"_s}} << QString();
    QTest::newRow("comments, blank lines and sections")
        << QByteArray("# Lectern\n"
                      "; also a comment\n"
                      "\n"
                      "[server]\n"
                      "  listen   =   127.0.0.1:9000  \n"
                      "   # indented comment\n"
                      "[storage]\n"
                      "data-dir = /var/lib/lectern\n")
        << true
        << Settings {{u"listen"_s, u"127.0.0.1:9000"_s}, {u"data-dir"_s, u"/var/lib/lectern"_s}}
        << QString();
    QTest::newRow("double quotes are removed")
        << QByteArray("data-dir = \"/srv/my lectern\"\nlog-format=\"text\"\n") << true
        << Settings {{u"data-dir"_s, u"/srv/my lectern"_s}, {u"log-format"_s, u"text"_s}}
        << QString();
    QTest::newRow("a lone quote stays") << QByteArray("database = \"\n") << true
                                        << Settings {{u"database"_s, u"\""_s}} << QString();
    QTest::newRow("empty quotes are an empty value")
        << QByteArray("database = \"\"\n") << true << Settings {{u"database"_s, QString()}}
        << QString();
    QTest::newRow("equals sign in the value")
        << QByteArray("database = postgresql://u:p=w@h/db?sslmode=require\n") << true
        << Settings {{u"database"_s, u"postgresql://u:p=w@h/db?sslmode=require"_s}} << QString();
    QTest::newRow("empty value") << QByteArray("database =\n") << true
                                 << Settings {{u"database"_s, QString()}} << QString();
    QTest::newRow("last one wins") << QByteArray("workers = 2\nworkers = 3\n") << true
                                   << Settings {{u"workers"_s, u"3"_s}} << QString();
    QTest::newRow("windows line endings")
        << QByteArray("# Lectern\r\nworkers = 2\r\nlisten = :9000\r\n") << true
        << Settings {{u"workers"_s, u"2"_s}, {u"listen"_s, u":9000"_s}} << QString();
    QTest::newRow("utf-8 with byte order mark")
        << QByteArray("\xEF\xBB\xBF"
                      "data-dir = /srv/l\xC3\xA9\x63tern\n")
        << true << Settings {{u"data-dir"_s, u"/srv/l\u00e9ctern"_s}} << QString();
    QTest::newRow("malformed line") << QByteArray("listen = :9000\nthis line has no equals sign\n")
                                    << false << Settings() << u"line 2"_s;
    QTest::newRow("missing key") << QByteArray("# ok\n\n = value\n") << false << Settings()
                                 << u"line 3"_s;
}

void TestServerConfig::readFile()
{
    QFETCH(QByteArray, content);
    QFETCH(bool, valid);
    QFETCH(Settings, expected);
    QFETCH(QString, problem);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"lectern.conf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    auto values = ServerConfig::readFile(path);
    QCOMPARE(bool(values), valid);
    if (valid) {
        QCOMPARE(*values, expected);
    } else {
        QVERIFY2(values.error().message.contains(problem), qPrintable(values.error().message));
        QVERIFY2(values.error().message.contains(path), qPrintable(values.error().message));
    }
}

void TestServerConfig::readMissingFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"absent.conf"_s);
    auto values = ServerConfig::readFile(path);
    QVERIFY(!values);
    QVERIFY2(values.error().message.contains(path), qPrintable(values.error().message));
}

QTEST_GUILESS_MAIN(TestServerConfig)

#include "tst_serverconfig.moc"
