#pragma once

#include <QDateTime>
#include <QString>
#include <QUrl>
#include <lectern/organization.h>
#include <lectern/result.h>
#include <lectern/user.h>
#include <optional>

namespace Lectern::Client {

// Who was logged in where, as the server last described them: enough to open the main window
// without the server.
struct CachedProfile
{
    QUrl serverUrl;
    QString email;
    User user;
    Organization organization;
    QDateTime lastConnected; // UTC; when the server last answered this client for this account

    QJsonObject toJson() const;
    static std::optional<CachedProfile> fromJson(const QJsonObject &json);
};

// Keeps each account's CachedProfile between runs, so that a student who starts Lectern offline
// can work: written after every successful login and refresh, read at start-up, removed on log
// out. One folder per account under the data folder (accounts/<id>/profile.json), where the
// account's offline data lives too. Holds no secret: tokens stay in the TokenStore.
class ProfileCache
{
public:
    explicit ProfileCache(const QString &dataDir);

    // The folder of the account (server + email), whether or not it exists yet.
    QString accountDir(const QUrl &server, const QString &email) const;
    QString profilePath(const QUrl &server, const QString &email) const;

    std::optional<CachedProfile> load(const QUrl &server, const QString &email) const;
    Result<void> save(const CachedProfile &profile);
    Result<void> remove(const QUrl &server, const QString &email);

private:
    QString m_dataDir;
};

} // namespace Lectern::Client
