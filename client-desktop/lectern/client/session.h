#pragma once

#include "apiclient.h"

#include <QDateTime>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <lectern/organization.h>
#include <lectern/user.h>

namespace Lectern::Client {

struct AuthResponse;
class ProfileCache;
class TokenStore;

// Who is logged in to which server, and their tokens. Logs in, resumes from the refresh token kept
// in the TokenStore, refreshes the short-lived access token before it runs out (and once more when
// the server says it has expired), and logs out. Never blocks: results arrive as signals.
//
// With a ProfileCache it also works offline: every successful login and refresh keeps the profile,
// and a resume that cannot reach the server opens the session from that profile (isOffline()),
// keeping the refresh token until refresh() gets through.
class Session : public QObject
{
    Q_OBJECT

public:
    using DoneCallback = std::function<void(const Result<void> &result)>;

    Session(ApiClient *api, TokenStore *tokens, QObject *parent = nullptr);
    ~Session() override;

    ApiClient *api() const { return m_api; }
    TokenStore *tokenStore() const { return m_tokens; }
    ProfileCache *profileCache() const { return m_profiles; }
    void setProfileCache(ProfileCache *profiles) { m_profiles = profiles; }

    // Logged in, online or offline.
    bool isLoggedIn() const { return m_loggedIn; }
    // Logged in from the cached profile: the server has not taken the refresh token in this run.
    bool isOffline() const { return m_loggedIn && m_accessToken.isEmpty(); }
    // The user and organisation are the cached ones (a resume in progress, or offline).
    bool isProfileFromCache() const { return m_profileFromCache; }
    // An access token that has not run out by the client's clock.
    bool hasValidAccessToken() const;
    // When the server last answered for this session (UTC): a login, refresh or profile, or
    // what noteConnected() was told.
    QDateTime lastConnected() const { return m_lastConnected; }
    bool isBusy() const { return m_pending || m_refreshing; }
    QUrl serverUrl() const { return m_serverUrl; }
    QString email() const { return m_email; }
    const User &user() const { return m_user; }
    const Organization &organization() const { return m_organization; }
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }

    void login(const QUrl &server, const QString &email, const QString &password);
    // Logs in again with the refresh token kept for this server and email, if there is one. When
    // the server cannot be reached (no answer, or an answer other than "this session is over") and
    // a profile of this account is cached, the session opens offline: resumedOffline().
    void resume(const QUrl &server, const QString &email);
    // Trades the refresh token for a new pair. Concurrent calls share one request: with rotating
    // refresh tokens a second request would present a token the first one just used up.
    void refresh(DoneCallback done = {});
    // Forgets the tokens here at once; tells the server on a best-effort basis.
    void logout();
    // Reloads the user and organisation (GET /auth/me).
    void fetchProfile(DoneCallback done = {});
    // The server was reachable at `when` (the connection monitor's last good check): keeps it as
    // the last connection time when it is later than the one known.
    void noteConnected(const QDateTime &when);

    // A request on behalf of the user. Refreshes first when there is no valid access token
    // (offline, or it ran out meanwhile); when the server says the access token has expired,
    // refreshes once and sends it again.
    void authorizedGet(const QString &path, QObject *context, ApiClient::Callback callback);
    void authorizedPost(const QString &path, const QJsonObject &body, QObject *context,
                        ApiClient::Callback callback);

    static bool isAuthFailure(const Error &error);

Q_SIGNALS:
    void loggedIn();
    void loginFailed(const Lectern::Error &error);
    // resume() found no usable token; code "no_stored_token" when there was none at all.
    void resumeFailed(const Lectern::Error &error);
    // resume() could not reach the server and opened the session from the cached profile; `error`
    // is why the refresh failed. refresh() makes it a full session when the server is back.
    void resumedOffline(const Lectern::Error &error);
    void profileChanged();
    void loggedOut();
    // The server no longer accepts the refresh token: the person has to log in again.
    void sessionExpired(const Lectern::Error &error);

private:
    void apply(const AuthResponse &response);
    void markConnected();
    void saveProfile();
    void clear();
    void finishRefresh(const Result<void> &result);
    void scheduleRefresh(int expiresIn);
    void storeRefreshToken();
    void forgetStoredToken();
    QString storeKey() const;
    void sendAuthorized(const QByteArray &verb, const QString &path, const QJsonObject &body,
                        QObject *context, ApiClient::Callback callback, bool retried);

    ApiClient *m_api;
    TokenStore *m_tokens;
    ProfileCache *m_profiles = nullptr;
    QUrl m_serverUrl;
    QString m_email;
    User m_user;
    Organization m_organization;
    QString m_accessToken;
    QString m_refreshToken;
    QDateTime m_accessTokenExpiry; // UTC, by the client's clock
    QDateTime m_lastConnected;
    bool m_loggedIn = false;
    bool m_profileFromCache = false;
    bool m_refreshing = false;
    quint64 m_generation = 0; // changes whenever the session is cleared
    QList<DoneCallback> m_refreshWaiters;
    QPointer<QNetworkReply> m_pending; // login in progress
    QPointer<QNetworkReply> m_refreshReply;
    QTimer m_refreshTimer;
};

} // namespace Lectern::Client
