#include "authservice.h"

#include "core/clientaddress.h"
#include "core/logging.h"
#include "services/loginthrottle.h"
#include "services/passwordpolicy.h"
#include "storage/authrepository.h"
#include "storage/organizationrepository.h"
#include "storage/userrepository.h"

#include <lectern/uuidv7.h>
#include <lectern/validation.h>

namespace Lectern::Server {

QJsonObject AuthSession::toJson() const
{
    return {{QStringLiteral("accessToken"), accessToken},
            {QStringLiteral("refreshToken"), refreshToken},
            {QStringLiteral("expiresIn"), expiresIn},
            {QStringLiteral("tokenType"), QStringLiteral("Bearer")},
            {QStringLiteral("user"), user.toJson()},
            {QStringLiteral("organization"), organization.toJson()}};
}

Result<AuthSession> AuthService::login(const QJsonObject &body, const QString &address)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    const QString email = Validation::normalizeEmail(
        fields.string(QStringLiteral("email"), JsonFields::Required).value_or(QString()));
    const QString password
        = fields.string(QStringLiteral("password"), JsonFields::Required).value_or(QString());
    if (!errors.isEmpty())
        return errors.toError();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString addressKey = ClientAddress::limitKey(address);

    // Cheap refusals first: a throttled try is answered without hashing anything.
    std::optional<StoredUser> stored;
    {
        Transaction tx(m_context.db(), Transaction::Read);
        if (!tx.isOk())
            return tx.error();
        if (auto allowed = LoginThrottle(m_context.config()).check(tx, email, addressKey, now);
            !allowed)
            return allowed.error();
        auto found = UserRepository::findByEmail(tx, email);
        if (!found)
            return found.error();
        stored = *found;
    }

    // The slow part, outside any transaction so that it holds no lock. Unknown accounts and
    // accounts without a password cost one verification too (against a dummy hash), so that
    // every refusal takes the same time.
    const bool verified
        = m_context.hasher().verify(stored ? stored->passwordHash : QString(), password);

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = AuthRepository::recordLoginAttempt(tx, email, addressKey, verified, now); !r)
        return r.error();
    if (!verified) {
        if (auto r = tx.commit(); !r)
            return r.error();
        Log::event(lcAuth(), QtInfoMsg,
                   {{QStringLiteral("message"), QStringLiteral("login failed")},
                    {QStringLiteral("email"), email},
                    {QStringLiteral("remote"), address}});
        return fail(ErrorCode::InvalidCredentials, tr("The email address or password is wrong."));
    }
    if (stored->user.status != UserStatus::Active) {
        if (auto r = tx.commit(); !r)
            return r.error();
        return fail(ErrorCode::AccountDisabled,
                    tr("This account is suspended. Ask an administrator of your organisation."));
    }
    if (m_context.hasher().needsRehash(stored->passwordHash)) {
        if (auto r = UserRepository::setPasswordHash(tx, stored->user.id,
                                                     m_context.hasher().hash(password));
            !r)
            return r.error();
    }
    if (auto r = UserRepository::setLastLogin(tx, stored->user.id, now); !r)
        return r.error();
    stored->user.lastLoginAt = now;
    if (auto r = AuthRepository::pruneLoginAttempts(tx, now.addDays(-1),
                                                    now.addDays(-LoginThrottle::knownAddressDays));
        !r)
        return r.error();
    auto session = startSession(tx, stored->user, createUuidV7String(), address);
    if (!session)
        return session.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return session;
}

Result<AuthSession> AuthService::startSession(Transaction &tx, const User &user,
                                              const QString &familyId, const QString &address)
{
    auto org = OrganizationRepository::findById(tx, user.orgId);
    if (!org)
        return org.error();
    if (!*org)
        return fail(ErrorCode::AccountDisabled,
                    tr("This account's organisation no longer exists."));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    AuthSession session;
    session.user = user;
    session.organization = **org;
    session.accessToken = m_context.tokens().issue(user, now);
    session.expiresIn = m_context.tokens().ttlSeconds();
    session.refreshToken = TokenService::randomToken();

    RefreshTokenRow row;
    row.id = createUuidV7String();
    row.familyId = familyId;
    row.userId = user.id;
    row.createdAt = now;
    row.expiresAt = now.addDays(m_context.config().refreshTokenTtlDays);
    if (auto r = AuthRepository::insertRefreshToken(
            tx, row, TokenService::sha256Hex(session.refreshToken), address);
        !r)
        return r.error();
    return session;
}

Result<AuthSession> AuthService::refresh(const QJsonObject &body, const QString &address)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    const QString token
        = fields.string(QStringLiteral("refreshToken"), JsonFields::Required).value_or(QString());
    if (!errors.isEmpty())
        return errors.toError();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto row = AuthRepository::findRefreshToken(tx, TokenService::sha256Hex(token));
    if (!row)
        return row.error();
    const Error invalid
        = fail(ErrorCode::InvalidToken, tr("This session is no longer valid. Log in again."));
    if (!*row)
        return invalid;
    const RefreshTokenRow &current = **row;

    if (current.usedAt.isValid()) {
        // A spent token came back: someone holds a copy. End every session of this family.
        if (auto r = AuthRepository::revokeFamily(tx, current.familyId, now); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        Log::event(
            lcAuth(), QtWarningMsg,
            {{QStringLiteral("message"), QStringLiteral("refresh token reused; family revoked")},
             {QStringLiteral("userId"), current.userId},
             {QStringLiteral("remote"), address}});
        return fail(ErrorCode::RefreshTokenReused,
                    tr("This session was used from somewhere else and has been ended for safety. "
                       "Log in again."));
    }
    if (current.revokedAt.isValid())
        return invalid;
    if (current.expiresAt <= now)
        return fail(ErrorCode::TokenExpired, tr("This session has expired. Log in again."));

    auto user = UserRepository::findById(tx, current.userId);
    if (!user)
        return user.error();
    if (!*user || (*user)->user.status != UserStatus::Active) {
        if (auto r = AuthRepository::revokeFamily(tx, current.familyId, now); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        return invalid;
    }
    auto spent = AuthRepository::markRefreshTokenUsed(tx, current.id, now);
    if (!spent)
        return spent.error();
    if (!*spent)
        return invalid;
    auto session = startSession(tx, (*user)->user, current.familyId, address);
    if (!session)
        return session.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return session;
}

Result<void> AuthService::logout(const QJsonObject &body)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    const auto token = fields.string(QStringLiteral("refreshToken"));
    if (!errors.isEmpty())
        return errors.toError();
    if (!token)
        return {}; // access tokens are stateless: the client forgets it
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto row = AuthRepository::findRefreshToken(tx, TokenService::sha256Hex(*token));
    if (!row)
        return row.error();
    if (*row) {
        if (auto r
            = AuthRepository::revokeFamily(tx, (*row)->familyId, QDateTime::currentDateTimeUtc());
            !r)
            return r.error();
    }
    return tx.commit();
}

Result<AuthSession> AuthService::registerAccount(const QJsonObject &body, const QString &address)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    fields.rejectUnknown({QStringLiteral("organization"), QStringLiteral("email"),
                          QStringLiteral("name"), QStringLiteral("password"),
                          QStringLiteral("locale")});
    const QString slug
        = fields.string(QStringLiteral("organization"), JsonFields::Required).value_or(QString());
    User user;
    user.email = Validation::normalizeEmail(
        fields.string(QStringLiteral("email"), JsonFields::Required).value_or(QString()));
    user.name = fields.string(QStringLiteral("name"), JsonFields::Required).value_or(QString());
    user.locale = fields.string(QStringLiteral("locale")).value_or(QString());
    const QString password
        = fields.string(QStringLiteral("password"), JsonFields::Required).value_or(QString());
    if (!errors.has(QStringLiteral("email")) && !errors.has(QStringLiteral("name"))) {
        const ValidationErrors userErrors = user.validate();
        errors.add(userErrors);
    }
    if (!errors.has(QStringLiteral("password")))
        Validation::checkPassword(errors, QStringLiteral("password"), password);
    if (!errors.isEmpty())
        return errors.toError();

    std::optional<Organization> org;
    {
        Transaction tx(m_context.db(), Transaction::Read);
        if (!tx.isOk())
            return tx.error();
        auto found = OrganizationRepository::findBySlug(tx, slug);
        if (!found)
            return found.error();
        org = *found;
    }
    if (!org)
        return fail(ErrorCode::NotFound, tr("There is no organisation called '%1'.").arg(slug));
    if (!org->settings.allowSelfRegistration)
        return fail(
            ErrorCode::RegistrationClosed,
            tr("%1 does not allow people to create their own accounts. Ask an administrator.")
                .arg(org->name));
    const QString weak
        = PasswordPolicy::check(errors, QStringLiteral("password"), password,
                                {user.email, user.name, org->settings.minPasswordLength});
    if (!errors.isEmpty())
        return PasswordPolicy::toError(errors, weak);

    const QString hash = m_context.hasher().hash(password);
    if (hash.isEmpty())
        return fail(ErrorCode::Unavailable,
                    tr("The server is too busy to create accounts right now."));

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    user.orgId = org->id;
    user.roles = {Role::Student};
    if (auto r = UserRepository::insert(tx, m_context.clock(), user, hash); !r) {
        if (r.error().code == QLatin1StringView(ErrorCode::AlreadyExists))
            return fail(ErrorCode::AlreadyExists,
                        tr("An account with this email address already exists."),
                        {{QStringLiteral("fields"),
                          QJsonObject {{QStringLiteral("email"), tr("is already registered")}}}});
        return r.error();
    }
    auto session = startSession(tx, user, createUuidV7String(), address);
    if (!session)
        return session.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return session;
}

Result<Caller> AuthService::authenticate(const QByteArray &authorization)
{
    if (!authorization.startsWith("Bearer ") && !authorization.startsWith("bearer "))
        return fail(ErrorCode::Unauthorized, tr("Log in first: this needs an access token."));
    auto claims = m_context.tokens().verify(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (!claims)
        return claims.error();
    if (auto cached = m_context.callers().find(claims->userId);
        cached && cached->orgId == claims->orgId)
        return *cached;

    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto user = UserRepository::findById(tx, claims->userId);
    if (!user)
        return user.error();
    if (!*user || (*user)->user.orgId != claims->orgId)
        return fail(ErrorCode::InvalidToken, tr("This account no longer exists."));
    if ((*user)->user.status != UserStatus::Active)
        return fail(ErrorCode::AccountDisabled, tr("This account is suspended."));
    const User &u = (*user)->user;
    const Caller caller {u.id, u.orgId, u.email, u.name, u.roles};
    m_context.callers().store(caller);
    return caller;
}

Result<QJsonObject> AuthService::me(const Caller &caller)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto user = UserRepository::findById(tx, caller.userId);
    if (!user)
        return user.error();
    auto org = OrganizationRepository::findById(tx, caller.orgId);
    if (!org)
        return org.error();
    if (!*user || !*org)
        return fail(ErrorCode::NotFound, tr("This account no longer exists."));
    return QJsonObject {{QStringLiteral("user"), (*user)->user.toJson()},
                        {QStringLiteral("organization"), (*org)->toJson()}};
}

Result<QJsonObject> AuthService::updateMe(const Caller &caller, const QJsonObject &body,
                                          const QString &address)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    fields.rejectUnknown({QStringLiteral("name"), QStringLiteral("locale"),
                          QStringLiteral("password"), QStringLiteral("currentPassword")});
    const auto name = fields.string(QStringLiteral("name"));
    const auto locale = fields.string(QStringLiteral("locale"));
    const auto password = fields.string(QStringLiteral("password"));
    const auto currentPassword = fields.string(QStringLiteral("currentPassword"));
    if (name)
        Validation::checkRequiredText(errors, QStringLiteral("name"), *name);
    if (locale)
        Validation::checkLocale(errors, QStringLiteral("locale"), *locale);
    if (password) {
        Validation::checkPassword(errors, QStringLiteral("password"), *password);
        if (!currentPassword)
            errors.add(QStringLiteral("currentPassword"), tr("is required to change the password"));
    }
    if (!errors.isEmpty())
        return errors.toError();

    QString newHash;
    if (password) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString addressKey = ClientAddress::limitKey(address);
        std::optional<StoredUser> stored;
        int minLength = Validation::minPasswordLength;
        {
            Transaction tx(m_context.db(), Transaction::Read);
            if (!tx.isOk())
                return tx.error();
            auto found = UserRepository::findById(tx, caller.userId);
            if (!found)
                return found.error();
            stored = *found;
            auto org = OrganizationRepository::findById(tx, caller.orgId);
            if (!org)
                return org.error();
            if (*org)
                minLength = (*org)->settings.minPasswordLength;
            // Guessing the current password here is guessing a login: the same limits apply,
            // before anything is hashed.
            if (auto allowed
                = LoginThrottle(m_context.config()).check(tx, caller.email, addressKey, now);
                !allowed)
                return allowed.error();
        }
        const QString weak = PasswordPolicy::check(
            errors, QStringLiteral("password"), *password,
            {caller.email, name ? *name : (stored ? stored->user.name : caller.name), minLength});
        if (!errors.isEmpty())
            return PasswordPolicy::toError(errors, weak);
        const bool verified = m_context.hasher().verify(stored ? stored->passwordHash : QString(),
                                                        *currentPassword);
        {
            Transaction tx(m_context.db());
            if (!tx.isOk())
                return tx.error();
            if (auto r
                = AuthRepository::recordLoginAttempt(tx, caller.email, addressKey, verified, now);
                !r)
                return r.error();
            if (auto r = tx.commit(); !r)
                return r.error();
        }
        if (!stored || !verified) {
            errors.add(QStringLiteral("currentPassword"), tr("is not your current password"));
            return errors.toError();
        }
        newHash = m_context.hasher().hash(*password);
        if (newHash.isEmpty())
            return fail(ErrorCode::Unavailable,
                        tr("The server could not hash the password right now. Try again."));
    }

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto found = UserRepository::findById(tx, caller.userId);
    if (!found)
        return found.error();
    if (!*found)
        return fail(ErrorCode::NotFound, tr("This account no longer exists."));
    User user = (*found)->user;
    if (name || locale) {
        if (name)
            user.name = name->trimmed();
        if (locale)
            user.locale = *locale;
        if (auto r = UserRepository::update(tx, m_context.clock(), user); !r)
            return r.error();
    }
    if (!newHash.isEmpty()) {
        if (auto r = UserRepository::setPasswordHash(tx, user.id, newHash); !r)
            return r.error();
        // A new password ends every other session.
        if (auto r = AuthRepository::revokeAllForUser(tx, user.id, QDateTime::currentDateTimeUtc());
            !r)
            return r.error();
    }
    auto org = OrganizationRepository::findById(tx, user.orgId);
    if (!org)
        return org.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    m_context.callers().forget(user.id);
    return QJsonObject {{QStringLiteral("user"), user.toJson()},
                        {QStringLiteral("organization"), *org ? (*org)->toJson() : QJsonObject()}};
}

} // namespace Lectern::Server
