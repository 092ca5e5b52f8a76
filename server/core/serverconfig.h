#pragma once

#include <QHash>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <lectern/result.h>

namespace Lectern::Server {

// Everything an operator can set. Precedence: defaults < config file < environment (LECTERN_*)
// < command line. Each setting has one key, used in all three places:
// `database` in the file, LECTERN_DATABASE in the environment, --database on the command line.
struct ServerConfig
{
    QString dataDir = QStringLiteral("lectern-data");
    QString database; // empty: sqlite:lectern.sqlite in the data folder
    // Where the token-signing secret lives; empty: jwt-secret in the data folder. Several server
    // processes behind one load balancer must share it.
    QString jwtSecretFile;
    QHostAddress listenAddress = QHostAddress::LocalHost;
    quint16 listenPort = 8080;
    bool demo = false;
    // With demo: also a small catalogue of demo courses (DemoCourses), made once.
    bool demoCourses = false;
    qint64 maxBodyBytes = 1024 * 1024;
    // The request line and headers together; longer request lines get 414, headers 431.
    qint64 maxHeaderBytes = 64 * 1024;
    // Timeouts: a request's head must arrive within headerTimeout of its first byte (of the
    // connection, for the first request); a body may pause at most bodyTimeout and must average
    // bodyMinRate bytes a second after that start; a connection with nothing in progress closes
    // after idleTimeout.
    int headerTimeoutSeconds = 30;
    int bodyTimeoutSeconds = 30;
    qint64 bodyMinRate = 1024;
    int idleTimeoutSeconds = 60;
    // Open connections from one IPv4 address or IPv6 /64 (0: no cap), and in all (0: from the
    // open-file limit).
    int maxConnectionsPerAddress = 256;
    int maxConnections = 0;
    // Uploads (POST /api/v1/files/upload) stream to disk, so their limit is separate and large.
    qint64 maxUploadBytes = 200LL * 1024 * 1024;
    // MIME types an upload may have ("image/*" allows a whole family); empty: the default list.
    QStringList uploadTypes;
    int accessTokenTtlSeconds = 15 * 60;
    int refreshTokenTtlDays = 30;
    // Sign-in throttling (LoginThrottle). Failures for one account from one address: this many
    // are free, then each try waits twice as long as the one before, up to the window.
    int lockoutFailures = 5;
    // Failed logins from one address (an IPv6 /64) for any accounts within the window; then that
    // address waits, except for accounts that logged in from it before. High enough for a school
    // behind one NAT.
    int lockoutAddressFailures = 100;
    int lockoutWindowSeconds = 15 * 60;
    // Failures for one account from all addresses together: this many are free, then tries from
    // addresses the account has not logged in from wait, doubling up to the maximum delay.
    int lockoutAccountFailures = 10;
    int lockoutAccountMaxDelaySeconds = 60;
    // Reverse proxies whose X-Forwarded-For names the client; nobody else's is believed.
    QList<std::pair<QHostAddress, int>> trustedProxies;
    int workerThreads = 2;
    // Memory for serialized course reads (ResponseCache); 0 turns the cache off.
    qint64 responseCacheBytes = 64LL * 1024 * 1024;
    QString passwordHashProfile
        = QStringLiteral("interactive");        // interactive | moderate | sensitive
    QString logFormat = QStringLiteral("json"); // json | text

    // The keys known in all three layers.
    static QStringList keys();
    // Applies layered key/value settings; unknown keys and bad values are errors naming the key.
    static Result<ServerConfig> fromLayers(const QHash<QString, QString> &file,
                                           const QHash<QString, QString> &environment,
                                           const QHash<QString, QString> &commandLine);
    // Reads an INI-style file of `key = value` lines (sections are ignored, '#' starts a comment).
    static Result<QHash<QString, QString>> readFile(const QString &path);
    static QHash<QString, QString> fromEnvironment(const QProcessEnvironment &env);

    QString listenText() const;
};

// "host:port", "[v6]:port" or ":port".
Result<std::pair<QHostAddress, quint16>> parseListen(const QString &text);

} // namespace Lectern::Server
