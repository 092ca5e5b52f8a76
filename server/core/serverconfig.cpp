#include "serverconfig.h"

#include "core/clientaddress.h"

#include <QFile>
#include <QTextStream>
#include <lectern/validation.h>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::ServerConfig)
};

bool parseBool(const QString &text, bool *ok)
{
    const QString t = text.trimmed().toLower();
    *ok = true;
    if (t == u"1" || t == u"true" || t == u"yes" || t == u"on")
        return true;
    if (t == u"0" || t == u"false" || t == u"no" || t == u"off")
        return false;
    *ok = false;
    return false;
}

// "1048576", "512k", "1m", "2g" (binary multiples).
qint64 parseSize(const QString &text, bool *ok)
{
    QString t = text.trimmed().toLower();
    qint64 factor = 1;
    if (t.endsWith(u'k'))
        factor = 1024;
    else if (t.endsWith(u'm'))
        factor = 1024 * 1024;
    else if (t.endsWith(u'g'))
        factor = 1024LL * 1024 * 1024;
    if (factor != 1)
        t.chop(1);
    const qint64 n = t.toLongLong(ok);
    qint64 bytes = 0;
    if (*ok && (n < 0 || qMulOverflow(n, factor, &bytes)))
        *ok = false;
    return bytes;
}
} // namespace

QStringList ServerConfig::keys()
{
    return {QStringLiteral("data-dir"),
            QStringLiteral("database"),
            QStringLiteral("jwt-secret-file"),
            QStringLiteral("listen"),
            QStringLiteral("demo"),
            QStringLiteral("demo-courses"),
            QStringLiteral("max-body-size"),
            QStringLiteral("max-header-size"),
            QStringLiteral("header-timeout"),
            QStringLiteral("body-timeout"),
            QStringLiteral("body-min-rate"),
            QStringLiteral("idle-timeout"),
            QStringLiteral("max-connections-per-address"),
            QStringLiteral("max-connections"),
            QStringLiteral("max-upload-size"),
            QStringLiteral("upload-types"),
            QStringLiteral("access-token-ttl"),
            QStringLiteral("refresh-token-ttl-days"),
            QStringLiteral("lockout-failures"),
            QStringLiteral("lockout-address-failures"),
            QStringLiteral("lockout-window"),
            QStringLiteral("lockout-account-failures"),
            QStringLiteral("lockout-account-max-delay"),
            QStringLiteral("trusted-proxies"),
            QStringLiteral("workers"),
            QStringLiteral("response-cache-size"),
            QStringLiteral("password-hash-profile"),
            QStringLiteral("log-format")};
}

Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text)
{
    const int colon = text.lastIndexOf(u':');
    if (colon < 0)
        return fail(ErrorCode::BadRequest, Messages::tr("expected HOST:PORT, e.g. 0.0.0.0:8080"));
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(ErrorCode::BadRequest,
                    Messages::tr("the port must be a number from 0 to 65535"));
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.isEmpty() || host == u"*")
        address = QHostAddress::Any;
    else if (host == u"localhost")
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return fail(ErrorCode::BadRequest, Messages::tr("'%1' is not an IP address").arg(host));
    return std::pair<QHostAddress, quint16>(address, quint16(port));
}

QString ServerConfig::listenText() const
{
    const QString host = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? u'[' + listenAddress.toString() + u']'
        : listenAddress.toString();
    return host + u':' + QString::number(listenPort);
}

Result<QHash<QString, QString>> ServerConfig::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(ErrorCode::NotFound,
                    Messages::tr("Cannot read the configuration file %1: %2")
                        .arg(path, file.errorString()));
    QHash<QString, QString> values;
    QTextStream in(&file);
    int lineNumber = 0;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';')
            || line.startsWith(u'['))
            continue;
        const int eq = line.indexOf(u'=');
        if (eq <= 0)
            return fail(ErrorCode::BadRequest,
                        Messages::tr("%1 line %2: expected key = value").arg(path).arg(lineNumber));
        QString value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2 && value.startsWith(u'"') && value.endsWith(u'"'))
            value = value.mid(1, value.size() - 2);
        values.insert(line.left(eq).trimmed(), value);
    }
    return values;
}

QHash<QString, QString> ServerConfig::fromEnvironment(const QProcessEnvironment &env)
{
    QHash<QString, QString> values;
    for (const QString &key : keys()) {
        const QString name = QStringLiteral("LECTERN_") + key.toUpper().replace(u'-', u'_');
        if (env.contains(name))
            values.insert(key, env.value(name));
    }
    return values;
}

Result<ServerConfig> ServerConfig::fromLayers(const QHash<QString, QString> &file,
                                              const QHash<QString, QString> &environment,
                                              const QHash<QString, QString> &commandLine)
{
    QHash<QString, QString> merged = file;
    for (const auto *layer : {&environment, &commandLine}) {
        for (auto it = layer->cbegin(); it != layer->cend(); ++it)
            merged.insert(it.key(), it.value());
    }

    ServerConfig config;
    ValidationErrors errors;
    const QStringList known = keys();
    for (auto it = merged.cbegin(); it != merged.cend(); ++it) {
        const QString &key = it.key();
        const QString &value = it.value();
        bool ok = true;
        const auto intIn = [&](int min, int max, int &out) {
            const int n = value.trimmed().toInt(&ok);
            if (ok && n >= min && n <= max)
                out = n;
            else
                errors.add(key,
                           Messages::tr("must be a whole number from %1 to %2").arg(min).arg(max));
        };
        if (!known.contains(key)) {
            errors.add(key, Messages::tr("is not a known setting"));
        } else if (key == u"data-dir") {
            if (value.trimmed().isEmpty())
                errors.add(key, Messages::tr("must not be empty"));
            config.dataDir = value.trimmed();
        } else if (key == u"database") {
            config.database = value.trimmed();
        } else if (key == u"jwt-secret-file") {
            config.jwtSecretFile = value.trimmed();
        } else if (key == u"listen") {
            auto listen = parseListen(value.trimmed());
            if (!listen)
                errors.add(key, listen.error().message);
            else
                std::tie(config.listenAddress, config.listenPort) = *listen;
        } else if (key == u"demo") {
            config.demo = parseBool(value, &ok);
            if (!ok)
                errors.add(key, Messages::tr("must be true or false"));
        } else if (key == u"demo-courses") {
            config.demoCourses = parseBool(value, &ok);
            if (!ok)
                errors.add(key, Messages::tr("must be true or false"));
        } else if (key == u"max-body-size") {
            config.maxBodyBytes = parseSize(value, &ok);
            if (!ok || config.maxBodyBytes < 1024)
                errors.add(key, Messages::tr("must be a size of at least 1k (e.g. 1m)"));
        } else if (key == u"max-header-size") {
            config.maxHeaderBytes = parseSize(value, &ok);
            if (!ok || config.maxHeaderBytes < 1024 || config.maxHeaderBytes > 1024 * 1024)
                errors.add(key, Messages::tr("must be a size from 1k to 1m (e.g. 64k)"));
        } else if (key == u"header-timeout") {
            intIn(1, 3600, config.headerTimeoutSeconds);
        } else if (key == u"body-timeout") {
            intIn(1, 3600, config.bodyTimeoutSeconds);
        } else if (key == u"body-min-rate") {
            config.bodyMinRate = parseSize(value, &ok);
            if (!ok || config.bodyMinRate < 1)
                errors.add(key,
                           Messages::tr("must be a size of at least 1 (bytes a second, e.g. 1k)"));
        } else if (key == u"idle-timeout") {
            intIn(1, 86400, config.idleTimeoutSeconds);
        } else if (key == u"max-connections-per-address") {
            intIn(0, 1000000, config.maxConnectionsPerAddress);
        } else if (key == u"max-connections") {
            intIn(0, 10000000, config.maxConnections);
        } else if (key == u"max-upload-size") {
            config.maxUploadBytes = parseSize(value, &ok);
            if (!ok || config.maxUploadBytes < 1024)
                errors.add(key, Messages::tr("must be a size of at least 1k (e.g. 200m)"));
        } else if (key == u"upload-types") {
            // Comma-separated MIME types, e.g. "application/pdf, image/*".
            config.uploadTypes.clear();
            for (const QString &type : value.split(u',', Qt::SkipEmptyParts)) {
                const QString t = type.trimmed().toLower();
                if (!t.contains(u'/'))
                    errors.add(key, Messages::tr("must list MIME types such as application/pdf"));
                else
                    config.uploadTypes.append(t);
            }
        } else if (key == u"access-token-ttl") {
            intIn(10, 24 * 3600, config.accessTokenTtlSeconds);
        } else if (key == u"refresh-token-ttl-days") {
            intIn(1, 365, config.refreshTokenTtlDays);
        } else if (key == u"lockout-failures") {
            intIn(1, 1000, config.lockoutFailures);
        } else if (key == u"lockout-address-failures") {
            intIn(1, 100000, config.lockoutAddressFailures);
        } else if (key == u"lockout-window") {
            intIn(1, 24 * 3600, config.lockoutWindowSeconds);
        } else if (key == u"lockout-account-failures") {
            intIn(1, 1000, config.lockoutAccountFailures);
        } else if (key == u"lockout-account-max-delay") {
            intIn(1, 24 * 3600, config.lockoutAccountMaxDelaySeconds);
        } else if (key == u"trusted-proxies") {
            auto subnets = ClientAddress::parseSubnets(value);
            if (!subnets)
                errors.add(key, subnets.error().message);
            else
                config.trustedProxies = *subnets;
        } else if (key == u"workers") {
            intIn(1, 64, config.workerThreads);
        } else if (key == u"response-cache-size") {
            config.responseCacheBytes = parseSize(value, &ok);
            if (!ok)
                errors.add(key, Messages::tr("must be a size (e.g. 64m), or 0 for no cache"));
        } else if (key == u"password-hash-profile") {
            if (value != u"interactive" && value != u"moderate" && value != u"sensitive")
                errors.add(key, Messages::tr("must be interactive, moderate or sensitive"));
            config.passwordHashProfile = value;
        } else if (key == u"log-format") {
            if (value != u"json" && value != u"text")
                errors.add(key, Messages::tr("must be json or text"));
            config.logFormat = value;
        }
    }
    // The demo courses are taught by the demo accounts: without them there would be nobody.
    if (config.demoCourses && !config.demo && !errors.has(QStringLiteral("demo-courses")))
        errors.add(QStringLiteral("demo-courses"), Messages::tr("needs demo to be on as well"));
    if (!errors.isEmpty()) {
        Error error = errors.toError();
        error.message = Messages::tr("Invalid configuration: %1").arg(errors.summary());
        return error;
    }
    return config;
}

} // namespace Lectern::Server
