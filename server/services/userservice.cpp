#include "userservice.h"

#include "services/passwordpolicy.h"
#include "storage/authrepository.h"
#include "storage/organizationrepository.h"
#include "storage/userrepository.h"

#include <algorithm>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
struct UserInput
{
    std::optional<QString> id;
    std::optional<QString> email;
    std::optional<QString> name;
    std::optional<QList<Role>> roles;
    std::optional<UserStatus> status;
    std::optional<QString> locale;
    std::optional<QString> password;
};

// Reads the writable fields of a user from a request body, naming each bad field.
UserInput readUserInput(const QJsonObject &body, ValidationErrors &errors)
{
    UserInput input;
    JsonFields fields(body, errors);
    fields.rejectUnknown(
        {QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("name"),
         QStringLiteral("roles"), QStringLiteral("status"), QStringLiteral("locale"),
         QStringLiteral("password"), QStringLiteral("orgId"), QStringLiteral("rev"),
         QStringLiteral("createdAt"), QStringLiteral("updatedAt"), QStringLiteral("lastLoginAt")});
    input.id = fields.string(QStringLiteral("id"));
    if (input.id && !isUuidString(*input.id))
        errors.add(QStringLiteral("id"), UserService::tr("must be a UUID"));
    if ((input.email = fields.string(QStringLiteral("email"))))
        Validation::checkEmail(errors, QStringLiteral("email"), *input.email);
    if ((input.name = fields.string(QStringLiteral("name"))))
        Validation::checkRequiredText(errors, QStringLiteral("name"), *input.name);
    if (auto names = fields.stringList(QStringLiteral("roles"))) {
        QList<Role> roles;
        for (const QString &name : *names) {
            if (auto role = roleFromString(name)) {
                if (!roles.contains(*role))
                    roles.append(*role);
            } else {
                errors.add(QStringLiteral("roles"),
                           UserService::tr("'%1' is not a role (admin, instructor, ta, student)")
                               .arg(name));
            }
        }
        // Stored roles come back in this order; keep input in it too so bodies compare equal.
        std::sort(roles.begin(), roles.end());
        input.roles = roles;
    }
    if (auto status = fields.string(QStringLiteral("status"))) {
        input.status = userStatusFromString(*status);
        if (!input.status)
            errors.add(QStringLiteral("status"), UserService::tr("must be active or suspended"));
    }
    if ((input.locale = fields.string(QStringLiteral("locale"))))
        Validation::checkLocale(errors, QStringLiteral("locale"), *input.locale);
    if ((input.password = fields.string(QStringLiteral("password"))))
        Validation::checkPassword(errors, QStringLiteral("password"), *input.password);
    return input;
}

Error notFound()
{
    return fail(ErrorCode::NotFound, UserService::tr("There is no such user."));
}

// The hash of a password to set, or empty when none is set. argon2id needs its memory; when it
// cannot have it, say so rather than store an account without its password.
Result<QString> hashPassword(ServiceContext &context, const std::optional<QString> &password)
{
    if (!password)
        return QString();
    QString hash = context.hasher().hash(*password);
    if (hash.isEmpty())
        return fail(
            ErrorCode::Unavailable,
            UserService::tr("The server could not hash the password right now. Try again."));
    return hash;
}

// The policy for a password an administrator sets: the organisation's minimum length, and not
// the account's own email address or name.
Result<void> checkNewPassword(ServiceContext &context, const QString &orgId,
                              const std::optional<QString> &password, const QString &email,
                              const QString &name)
{
    if (!password)
        return {};
    int minLength = Validation::minPasswordLength;
    {
        Transaction tx(context.db(), Transaction::Read);
        if (!tx.isOk())
            return tx.error();
        auto org = OrganizationRepository::findById(tx, orgId);
        if (!org)
            return org.error();
        if (*org)
            minLength = (*org)->settings.minPasswordLength;
    }
    ValidationErrors errors;
    const QString weak = PasswordPolicy::check(errors, QStringLiteral("password"), *password,
                                               {email, name, minLength});
    if (!errors.isEmpty())
        return PasswordPolicy::toError(errors, weak);
    return {};
}

Error emailTaken()
{
    return fail(
        ErrorCode::AlreadyExists,
        UserService::tr("An account with this email address already exists."),
        {{QStringLiteral("fields"),
          QJsonObject {{QStringLiteral("email"), UserService::tr("is already registered")}}}});
}
} // namespace

Result<Page<User>> UserService::list(const Caller &caller, const ListQuery &query)
{
    if (!caller.isStaff())
        return fail(ErrorCode::Forbidden,
                    tr("Only staff can list the people of the organisation."));
    if (const QString role = query.filter(QStringLiteral("role"));
        !role.isEmpty() && !roleFromString(role)) {
        ValidationErrors errors;
        errors.add(QStringLiteral("role"), tr("must be admin, instructor, ta or student"));
        return errors.toError();
    }
    if (const QString status = query.filter(QStringLiteral("status"));
        !status.isEmpty() && !userStatusFromString(status)) {
        ValidationErrors errors;
        errors.add(QStringLiteral("status"), tr("must be active or suspended"));
        return errors.toError();
    }
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    return UserRepository::list(tx, caller.orgId, query);
}

Result<User> UserService::get(const Caller &caller, const QString &id)
{
    if (!isUuidString(id))
        return notFound();
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto found = UserRepository::findById(tx, id);
    if (!found)
        return found.error();
    if (!*found || (*found)->user.orgId != caller.orgId)
        return notFound();
    if (id != caller.userId && !caller.isStaff())
        return notFound();
    return (*found)->user;
}

Result<std::pair<User, bool>> UserService::create(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isAdmin())
        return fail(ErrorCode::Forbidden, tr("Only an administrator can add people."));
    ValidationErrors errors;
    UserInput input = readUserInput(body, errors);
    if (!input.email && !errors.has(QStringLiteral("email")))
        errors.add(QStringLiteral("email"), tr("is required"));
    if (!input.name && !errors.has(QStringLiteral("name")))
        errors.add(QStringLiteral("name"), tr("is required"));
    if (!errors.isEmpty())
        return errors.toError();

    User user;
    user.id = input.id.value_or(QString()).toLower();
    user.orgId = caller.orgId;
    user.email = Validation::normalizeEmail(*input.email);
    user.name = input.name->trimmed();
    user.roles = input.roles.value_or(QList<Role> {Role::Student});
    user.status = input.status.value_or(UserStatus::Active);
    user.locale = input.locale.value_or(QString());
    if (auto r = checkNewPassword(m_context, caller.orgId, input.password, user.email, user.name);
        !r)
        return r.error();
    // Without a password the account exists (to enroll, to grade) but cannot log in yet.
    auto hash = hashPassword(m_context, input.password);
    if (!hash)
        return hash.error();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (!user.id.isEmpty()) {
        auto existing = UserRepository::findById(tx, user.id);
        if (!existing)
            return existing.error();
        if (*existing) {
            const User &same = (*existing)->user;
            // Idempotent create: the same id and body again is not an error.
            if (same.orgId == user.orgId && same.email == user.email && same.name == user.name
                && same.roles == user.roles && same.status == user.status
                && same.locale == user.locale)
                return std::pair<User, bool>(same, false);
            return fail(ErrorCode::Conflict, tr("A different user already has this id."));
        }
        auto removed = UserRepository::existsIncludingDeleted(tx, user.id);
        if (!removed)
            return removed.error();
        if (*removed)
            return fail(ErrorCode::Conflict,
                        tr("This id belonged to a user who was removed; ids are never reused."));
    }
    if (auto r = UserRepository::insert(tx, m_context.clock(), user, *hash); !r)
        return r.error().code == QLatin1StringView(ErrorCode::AlreadyExists) ? emailTaken()
                                                                             : r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return std::pair<User, bool>(user, true);
}

Result<User> UserService::update(const Caller &caller, const QString &id, const QJsonObject &body)
{
    auto visible = get(caller, id);
    if (!visible)
        return visible.error();
    if (!caller.isAdmin())
        return fail(ErrorCode::Forbidden,
                    tr("Only an administrator can change accounts. To change your own name, use "
                       "your profile."));

    ValidationErrors errors;
    UserInput input = readUserInput(body, errors);
    if (input.id && input.id->compare(id, Qt::CaseInsensitive) != 0)
        errors.add(QStringLiteral("id"), tr("cannot be changed"));
    if (!errors.isEmpty())
        return errors.toError();
    if (id == caller.userId) {
        if (input.roles && !input.roles->contains(Role::Admin))
            return fail(ErrorCode::Conflict, tr("You cannot remove your own administrator role."));
        if (input.status == UserStatus::Suspended)
            return fail(ErrorCode::Conflict, tr("You cannot suspend your own account."));
    }
    if (auto r
        = checkNewPassword(m_context, caller.orgId, input.password,
                           input.email ? Validation::normalizeEmail(*input.email) : visible->email,
                           input.name ? input.name->trimmed() : visible->name);
        !r)
        return r.error();
    auto hash = hashPassword(m_context, input.password);
    if (!hash)
        return hash.error();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto found = UserRepository::findById(tx, id);
    if (!found)
        return found.error();
    if (!*found)
        return notFound();
    User user = (*found)->user;
    if (input.email)
        user.email = Validation::normalizeEmail(*input.email);
    if (input.name)
        user.name = input.name->trimmed();
    if (input.roles)
        user.roles = *input.roles;
    if (input.status)
        user.status = *input.status;
    if (input.locale)
        user.locale = *input.locale;
    if (auto r = UserRepository::update(tx, m_context.clock(), user); !r)
        return r.error().code == QLatin1StringView(ErrorCode::AlreadyExists) ? emailTaken()
                                                                             : r.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!hash->isEmpty()) {
        if (auto r = UserRepository::setPasswordHash(tx, id, *hash); !r)
            return r.error();
    }
    // A suspended account, or one whose password an admin reset, loses its sessions at once.
    if (!hash->isEmpty() || user.status == UserStatus::Suspended) {
        if (auto r = AuthRepository::revokeAllForUser(tx, id, now); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    m_context.callers().forget(id);
    return user;
}

Result<void> UserService::remove(const Caller &caller, const QString &id)
{
    auto visible = get(caller, id);
    if (!visible)
        return visible.error();
    if (!caller.isAdmin())
        return fail(ErrorCode::Forbidden, tr("Only an administrator can remove people."));
    if (id == caller.userId)
        return fail(ErrorCode::Conflict, tr("You cannot remove your own account."));
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    User user = *visible;
    if (auto r = UserRepository::markDeleted(tx, m_context.clock(), user); !r)
        return r.error();
    if (auto r = AuthRepository::revokeAllForUser(tx, id, QDateTime::currentDateTimeUtc()); !r)
        return r.error();
    auto committed = tx.commit();
    m_context.callers().forget(id); // after the commit, so no request re-reads the old state
    return committed;
}

Result<User> UserService::createInOrganization(const QString &orgSlug, const QString &email,
                                               const QString &name, const QList<Role> &roles,
                                               const QString &password)
{
    User user;
    user.email = Validation::normalizeEmail(email);
    user.name = name.trimmed();
    user.roles = roles;
    ValidationErrors errors = user.validate();
    QString weak;
    if (!password.isEmpty())
        weak = PasswordPolicy::check(errors, QStringLiteral("password"), password,
                                     {user.email, user.name});
    if (roles.isEmpty())
        errors.add(QStringLiteral("role"), tr("at least one role is required"));
    if (!errors.isEmpty())
        return PasswordPolicy::toError(errors, weak);
    auto hash
        = hashPassword(m_context, password.isEmpty() ? std::nullopt : std::optional(password));
    if (!hash)
        return hash.error();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto org = OrganizationRepository::findBySlug(tx, orgSlug);
    if (!org)
        return org.error();
    if (!*org)
        return fail(ErrorCode::NotFound,
                    tr("There is no organisation with the slug '%1'.").arg(orgSlug));
    user.orgId = (*org)->id;
    if (auto r = UserRepository::insert(tx, m_context.clock(), user, *hash); !r)
        return r.error().code == QLatin1StringView(ErrorCode::AlreadyExists) ? emailTaken()
                                                                             : r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return user;
}

} // namespace Lectern::Server
