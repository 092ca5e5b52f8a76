#include "profilecache.h"

#include "logging.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Lectern::Client {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::ProfileCache)
};

constexpr int formatVersion = 1;
const QString profileFile = QStringLiteral("profile.json");

} // namespace

QJsonObject CachedProfile::toJson() const
{
    return {{QStringLiteral("version"), formatVersion},
            {QStringLiteral("serverUrl"), serverUrl.toString()},
            {QStringLiteral("email"), email},
            {QStringLiteral("user"), user.toJson()},
            {QStringLiteral("organization"), organization.toJson()},
            {QStringLiteral("lastConnected"), lastConnected.toUTC().toString(Qt::ISODateWithMs)}};
}

std::optional<CachedProfile> CachedProfile::fromJson(const QJsonObject &json)
{
    if (json.value(u"version").toInt() != formatVersion)
        return std::nullopt;
    CachedProfile profile;
    profile.serverUrl = QUrl(json.value(u"serverUrl").toString());
    profile.email = json.value(u"email").toString();
    profile.user = User::fromJson(json.value(u"user").toObject());
    profile.organization = Organization::fromJson(json.value(u"organization").toObject());
    profile.lastConnected
        = QDateTime::fromString(json.value(u"lastConnected").toString(), Qt::ISODateWithMs);
    if (!profile.serverUrl.isValid() || profile.email.isEmpty() || profile.user.id.isEmpty())
        return std::nullopt;
    return profile;
}

ProfileCache::ProfileCache(const QString &dataDir)
    : m_dataDir(dataDir)
{ }

QString ProfileCache::accountDir(const QUrl &server, const QString &email) const
{
    // A digest of the token store's key: the same account always gets the same folder, and the
    // name is safe on every file system whatever the address and email hold.
    const QByteArray digest = QCryptographicHash::hash(TokenStore::keyFor(server, email).toUtf8(),
                                                       QCryptographicHash::Sha256);
    return QDir(m_dataDir).filePath(QStringLiteral("accounts/")
                                    + QString::fromLatin1(digest.toHex().left(32)));
}

QString ProfileCache::profilePath(const QUrl &server, const QString &email) const
{
    return QDir(accountDir(server, email)).filePath(profileFile);
}

std::optional<CachedProfile> ProfileCache::load(const QUrl &server, const QString &email) const
{
    QFile file(profilePath(server, email));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    std::optional<CachedProfile> profile = CachedProfile::fromJson(document.object());
    if (!profile) {
        qCWarning(lcAuth) << "ignoring unreadable profile" << file.fileName();
        return std::nullopt;
    }
    // A copied data folder or a hash collision must not hand one account another's profile.
    if (TokenStore::keyFor(profile->serverUrl, profile->email) != TokenStore::keyFor(server, email))
        return std::nullopt;
    return profile;
}

Result<void> ProfileCache::save(const CachedProfile &profile)
{
    const QString dir = accountDir(profile.serverUrl, profile.email);
    QDir().mkpath(dir);
    QSaveFile file(QDir(dir).filePath(profileFile));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(profile.toJson()).toJson(QJsonDocument::Indented));
        if (file.commit())
            return {};
    }
    qCWarning(lcAuth).noquote() << "cannot keep the profile for offline use:" << file.fileName()
                                << file.errorString();
    return Error(QStringLiteral("io_error"),
                 Tr::tr("Cannot write %1: %2").arg(file.fileName(), file.errorString()));
}

Result<void> ProfileCache::remove(const QUrl &server, const QString &email)
{
    const QString path = profilePath(server, email);
    if (QFile::exists(path) && !QFile::remove(path))
        return Error(QStringLiteral("io_error"), Tr::tr("Cannot remove %1.").arg(path));
    // The folder goes too when nothing else of this account is left in it.
    QDir().rmdir(accountDir(server, email));
    return {};
}

} // namespace Lectern::Client
