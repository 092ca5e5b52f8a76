#include "session.h"

#include "authresponse.h"
#include "logging.h"
#include "profilecache.h"
#include "tokenstore.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <chrono>
#include <utility>

namespace Lectern::Client {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::Session)
};

const QString loginPath = QStringLiteral("/api/v1/auth/login");
const QString refreshPath = QStringLiteral("/api/v1/auth/refresh");
const QString logoutPath = QStringLiteral("/api/v1/auth/logout");
const QString mePath = QStringLiteral("/api/v1/auth/me");

// How soon a refresh that met no server is tried again (the connection monitor also asks for one
// as soon as the server answers again).
constexpr std::chrono::seconds retryInterval(30);

ApiClient::Options withoutToken()
{
    ApiClient::Options options;
    options.withToken = false;
    return options;
}

} // namespace

Session::Session(ApiClient *api, TokenStore *tokens, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_tokens(tokens)
{
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] { refresh(); });
}

Session::~Session() = default;

bool Session::isAuthFailure(const Error &error)
{
    return error.code == QLatin1StringView(ErrorCode::InvalidToken)
        || error.code == QLatin1StringView(ErrorCode::TokenExpired)
        || error.code == QLatin1StringView(ErrorCode::RefreshTokenReused)
        || error.code == QLatin1StringView(ErrorCode::Unauthorized)
        || error.code == QLatin1StringView(ErrorCode::AccountDisabled)
        || error.details.value(u"httpStatus").toInt() == 401;
}

bool Session::hasValidAccessToken() const
{
    return !m_accessToken.isEmpty()
        && (!m_accessTokenExpiry.isValid()
            || QDateTime::currentDateTimeUtc() < m_accessTokenExpiry);
}

QString Session::storeKey() const
{
    return TokenStore::keyFor(m_serverUrl, m_email);
}

void Session::login(const QUrl &server, const QString &email, const QString &password)
{
    ApiClient::cancel(m_pending);
    clear();
    m_serverUrl = server;
    m_email = email.trimmed();
    m_api->setBaseUrl(server);
    qCInfo(lcAuth) << "logging in to" << server.toDisplayString();

    const QJsonObject body {{QStringLiteral("email"), m_email},
                            {QStringLiteral("password"), password}};
    m_pending = m_api->post(
        loginPath, body, this,
        [this](const Result<QJsonValue> &reply) {
            m_pending = nullptr;
            Result<AuthResponse> response
                = reply ? AuthResponse::fromJson(*reply) : Result<AuthResponse>(reply.error());
            if (!response) {
                qCInfo(lcAuth) << "login failed:" << response.error().code;
                Q_EMIT loginFailed(response.error());
                return;
            }
            apply(*response);
            storeRefreshToken();
            saveProfile();
            m_loggedIn = true;
            qCInfo(lcAuth) << "logged in as" << m_user.email;
            Q_EMIT loggedIn();
        },
        withoutToken());
}

void Session::resume(const QUrl &server, const QString &email)
{
    ApiClient::cancel(m_pending);
    clear();
    m_serverUrl = server;
    m_email = email.trimmed();
    m_api->setBaseUrl(server);
    const quint64 generation = m_generation;
    m_tokens->load(storeKey(), this, [this, generation](const std::optional<QString> &token) {
        if (generation != m_generation)
            return; // login(), logout() or another resume() came first
        if (!token || token->isEmpty()) {
            Q_EMIT resumeFailed(Error(QStringLiteral("no_stored_token"), {}));
            return;
        }
        qCInfo(lcAuth) << "resuming the session of" << m_email << "on"
                       << m_serverUrl.toDisplayString();
        m_refreshToken = *token;
        if (const std::optional<CachedProfile> cached
            = m_profiles ? m_profiles->load(m_serverUrl, m_email) : std::nullopt) {
            m_user = cached->user;
            m_organization = cached->organization;
            m_lastConnected = cached->lastConnected;
            m_profileFromCache = true;
        }
        refresh([this](const Result<void> &result) {
            if (result) {
                m_loggedIn = true;
                Q_EMIT loggedIn();
                return;
            }
            // An auth failure has cleared the session (and the cached profile flag with it).
            const Error error = result.error();
            if (isAuthFailure(error) || !m_profileFromCache) {
                Q_EMIT resumeFailed(error);
                return;
            }
            qCInfo(lcAuth) << "working offline as" << m_email << "(" << error.code << ")";
            m_loggedIn = true;
            m_refreshTimer.start(retryInterval);
            Q_EMIT resumedOffline(error);
        });
    });
}

void Session::refresh(DoneCallback done)
{
    if (done)
        m_refreshWaiters.append(std::move(done));
    if (m_refreshing)
        return;
    if (m_refreshToken.isEmpty()) {
        finishRefresh(
            Error(QString::fromLatin1(ErrorCode::InvalidToken), Tr::tr("You are not logged in.")));
        return;
    }
    m_refreshing = true;
    const QString usedToken = m_refreshToken;
    const QJsonObject body {{QStringLiteral("refreshToken"), usedToken}};
    m_refreshReply = m_api->post(
        refreshPath, body, this,
        [this, usedToken](const Result<QJsonValue> &reply) {
            m_refreshing = false;
            m_refreshReply = nullptr;
            if (usedToken != m_refreshToken) {
                // Logged out or in again meanwhile: this answer belongs to a session that is gone.
                finishRefresh(Error(QString::fromLatin1(ErrorCode::InvalidToken), {}));
                return;
            }
            Result<AuthResponse> response
                = reply ? AuthResponse::fromJson(*reply) : Result<AuthResponse>(reply.error());
            if (!response) {
                const Error error = response.error();
                qCInfo(lcAuth) << "refresh failed:" << error.code;
                if (isAuthFailure(error)) {
                    const bool wasLoggedIn = m_loggedIn;
                    forgetStoredToken();
                    const QList<DoneCallback> waiters = std::exchange(m_refreshWaiters, {});
                    clear();
                    for (const DoneCallback &waiter : waiters)
                        waiter(error);
                    if (wasLoggedIn)
                        Q_EMIT sessionExpired(error);
                } else {
                    // Offline or the server is struggling: keep the token and try again later.
                    if (m_loggedIn)
                        m_refreshTimer.start(retryInterval);
                    finishRefresh(error);
                }
                return;
            }
            const bool sameUser = m_user.id.isEmpty() || m_user.id == response->user.id;
            apply(*response);
            storeRefreshToken();
            saveProfile();
            finishRefresh({});
            if (m_loggedIn && sameUser)
                Q_EMIT profileChanged();
        },
        withoutToken());
}

void Session::finishRefresh(const Result<void> &result)
{
    const QList<DoneCallback> waiters = std::exchange(m_refreshWaiters, {});
    for (const DoneCallback &waiter : waiters)
        waiter(result);
}

void Session::logout()
{
    ApiClient::cancel(m_pending);
    m_pending = nullptr;
    if (!m_refreshToken.isEmpty()) {
        // Best effort: the tokens are forgotten here whatever the server says, so the request
        // belongs to the ApiClient rather than to this session.
        const QJsonObject body {{QStringLiteral("refreshToken"), m_refreshToken}};
        m_api->post(logoutPath, body, m_api, [](const Result<QJsonValue> &reply) {
            if (!reply)
                qCInfo(lcAuth) << "server logout failed:" << reply.error().code;
        });
    }
    forgetStoredToken();
    // Logging out is the one way to leave no trace of the account here; a session that merely
    // ended keeps its profile (and later its offline work) for the next login.
    if (m_profiles && !m_serverUrl.isEmpty() && !m_email.isEmpty())
        (void)m_profiles->remove(m_serverUrl, m_email);
    const bool wasLoggedIn = m_loggedIn;
    clear();
    qCInfo(lcAuth) << "logged out";
    if (wasLoggedIn)
        Q_EMIT loggedOut();
}

void Session::fetchProfile(DoneCallback done)
{
    authorizedGet(mePath, this, [this, done](const Result<QJsonValue> &reply) {
        if (!reply) {
            if (done)
                done(reply.error());
            return;
        }
        const QJsonObject data = reply->toObject();
        m_user = User::fromJson(data.value(u"user").toObject());
        m_organization = Organization::fromJson(data.value(u"organization").toObject());
        m_profileFromCache = false;
        markConnected();
        saveProfile();
        Q_EMIT profileChanged();
        if (done)
            done({});
    });
}

void Session::noteConnected(const QDateTime &when)
{
    if (!when.isValid() || (m_lastConnected.isValid() && when <= m_lastConnected))
        return;
    m_lastConnected = when.toUTC();
    if (m_loggedIn)
        saveProfile();
}

void Session::authorizedGet(const QString &path, QObject *context, ApiClient::Callback callback)
{
    sendAuthorized(QByteArrayLiteral("GET"), path, {}, context, std::move(callback), false);
}

void Session::authorizedPost(const QString &path, const QJsonObject &body, QObject *context,
                             ApiClient::Callback callback)
{
    sendAuthorized(QByteArrayLiteral("POST"), path, body, context, std::move(callback), false);
}

void Session::sendAuthorized(const QByteArray &verb, const QString &path, const QJsonObject &body,
                             QObject *context, ApiClient::Callback callback, bool retried)
{
    QPointer<QObject> guard(context);
    if (!retried && !m_refreshToken.isEmpty() && !hasValidAccessToken()) {
        // Offline until now, or the token ran out meanwhile (a laptop asleep misses the refresh
        // timer): sending it would only earn a 401.
        refresh([=, this](const Result<void> &refreshed) {
            if (!guard)
                return;
            if (!refreshed) {
                callback(refreshed.error());
                return;
            }
            sendAuthorized(verb, path, body, guard, callback, true);
        });
        return;
    }
    auto handle = [=, this](const Result<QJsonValue> &reply) {
        if (!reply && reply.error().code == QLatin1StringView(ErrorCode::AccountDisabled)
            && m_loggedIn) {
            // Suspended: the server will not refresh this session either.
            qCInfo(lcAuth) << "the account is suspended; ending the session";
            forgetStoredToken();
            clear();
            Q_EMIT sessionExpired(reply.error());
            callback(reply);
            return;
        }
        const bool expired = !reply
            && (reply.error().code == QLatin1StringView(ErrorCode::TokenExpired)
                || reply.error().code == QLatin1StringView(ErrorCode::InvalidToken));
        if (!expired || retried || m_refreshToken.isEmpty()) {
            callback(reply);
            return;
        }
        refresh([=, this](const Result<void> &refreshed) {
            if (!guard)
                return;
            if (!refreshed) {
                callback(refreshed.error());
                return;
            }
            sendAuthorized(verb, path, body, guard, callback, true);
        });
    };
    if (verb == "GET")
        m_api->get(path, context, handle);
    else
        m_api->post(path, body, context, handle);
}

void Session::apply(const AuthResponse &response)
{
    m_accessToken = response.accessToken;
    m_refreshToken = response.refreshToken;
    m_user = response.user;
    m_organization = response.organization;
    m_profileFromCache = false;
    if (!m_user.email.isEmpty())
        m_email = m_user.email;
    m_api->setAccessToken(m_accessToken);
    // A little early, so that a request is not sent with a token that runs out on the way.
    const int usableFor = response.expiresIn - std::min(10, response.expiresIn / 4);
    m_accessTokenExpiry
        = response.expiresIn > 0 ? QDateTime::currentDateTimeUtc().addSecs(usableFor) : QDateTime();
    markConnected();
    scheduleRefresh(response.expiresIn);
}

void Session::markConnected()
{
    m_lastConnected = QDateTime::currentDateTimeUtc();
}

void Session::saveProfile()
{
    if (!m_profiles || m_serverUrl.isEmpty() || m_email.isEmpty() || m_user.id.isEmpty())
        return;
    CachedProfile profile;
    profile.serverUrl = m_serverUrl;
    profile.email = m_email;
    profile.user = m_user;
    profile.organization = m_organization;
    profile.lastConnected = m_lastConnected;
    (void)m_profiles->save(profile);
}

void Session::clear()
{
    // Whatever was waiting for a refresh belonged to the session that ends here.
    ApiClient::cancel(m_refreshReply);
    m_refreshReply = nullptr;
    m_refreshing = false;
    m_refreshWaiters.clear();
    m_refreshTimer.stop();
    ++m_generation;
    m_accessToken.clear();
    m_refreshToken.clear();
    m_accessTokenExpiry = {};
    m_lastConnected = {};
    m_user = {};
    m_organization = {};
    m_loggedIn = false;
    m_profileFromCache = false;
    m_api->setAccessToken({});
}

void Session::scheduleRefresh(int expiresIn)
{
    if (expiresIn <= 0)
        return;
    // A minute ahead, so that requests rarely meet an expired token; half-way for short lives.
    const int seconds = expiresIn > 120 ? expiresIn - 60 : std::max(1, expiresIn / 2);
    m_refreshTimer.start(std::chrono::seconds(seconds));
}

void Session::storeRefreshToken()
{
    m_tokens->save(storeKey(), m_refreshToken, this);
}

void Session::forgetStoredToken()
{
    if (!m_serverUrl.isEmpty() && !m_email.isEmpty())
        m_tokens->remove(storeKey(), this);
}

} // namespace Lectern::Client
