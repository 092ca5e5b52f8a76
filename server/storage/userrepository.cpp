#include "userrepository.h"

#include "changelog.h"

#include <lectern/textsearch.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
const QString columns = QStringLiteral(
    "id, org_id, email, name, password_hash, status, locale, last_login_at, created_at,"
    " updated_at, rev, hlc, deleted");

StoredUser readUser(const SqlQuery &q)
{
    StoredUser stored;
    User &u = stored.user;
    u.id = q.text(0);
    u.orgId = q.text(1);
    u.email = q.text(2);
    u.name = q.text(3);
    stored.passwordHash = q.text(4);
    u.status = userStatusFromString(q.text(5)).value_or(UserStatus::Active);
    u.locale = q.text(6);
    u.lastLoginAt = q.time(7);
    u.createdAt = q.time(8);
    u.updatedAt = q.time(9);
    u.rev = q.int64(10);
    u.hlc = q.text(11);
    u.deleted = q.boolean(12);
    return stored;
}

QString searchText(const User &user)
{
    return foldForSearch(user.name + u' ' + user.email);
}

QString sortColumn(const QString &field)
{
    if (field == u"email")
        return QStringLiteral("email");
    if (field == u"createdAt")
        return QStringLiteral("created_at");
    if (field == u"lastLoginAt")
        return QStringLiteral("last_login_at");
    return QStringLiteral("name");
}
} // namespace

QStringList UserRepository::sortFields()
{
    return {QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("createdAt"),
            QStringLiteral("lastLoginAt")};
}

QStringList UserRepository::filterNames()
{
    return {QStringLiteral("role"), QStringLiteral("status"), QStringLiteral("q")};
}

Result<std::optional<StoredUser>> UserRepository::findById(Transaction &tx, const QString &id)
{
    return findOne(tx, QStringLiteral("id"), id);
}

Result<std::optional<StoredUser>> UserRepository::findByEmail(Transaction &tx, const QString &email)
{
    return findOne(tx, QStringLiteral("email"), email);
}

Result<std::optional<StoredUser>> UserRepository::findOne(Transaction &tx, const QString &column,
                                                          const QString &value)
{
    auto q = tx.query(QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM users WHERE ")
                      + column + QStringLiteral(" = :v AND deleted = 0"));
    q.bind(QStringLiteral(":v"), value);
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return std::optional<StoredUser>();
    StoredUser stored = readUser(q);
    QList<User> users {stored.user};
    if (auto r = loadRoles(tx, users); !r)
        return r.error();
    stored.user.roles = users.first().roles;
    return std::optional<StoredUser>(stored);
}

Result<Page<User>> UserRepository::list(Transaction &tx, const QString &orgId,
                                        const ListQuery &query)
{
    QString where = QStringLiteral(" FROM users WHERE org_id = :org AND deleted = 0");
    const QString role = query.filter(QStringLiteral("role"));
    const QString status = query.filter(QStringLiteral("status"));
    const QString text = query.filter(QStringLiteral("q")).trimmed();
    if (!role.isEmpty())
        where += QStringLiteral(
            " AND EXISTS (SELECT 1 FROM role_assignments r WHERE r.user_id = users.id"
            " AND r.role = :role AND r.deleted = 0 AND r.course_id IS NULL)");
    if (!status.isEmpty())
        where += QStringLiteral(" AND status = :status");
    if (!text.isEmpty())
        where += QStringLiteral(" AND search_text LIKE :q ESCAPE '\\'");
    const auto bindFilters = [&](SqlQuery &q) {
        q.bind(QStringLiteral(":org"), orgId);
        if (!role.isEmpty())
            q.bind(QStringLiteral(":role"), role);
        if (!status.isEmpty())
            q.bind(QStringLiteral(":status"), status);
        if (!text.isEmpty())
            q.bind(QStringLiteral(":q"), likePattern(text));
    };

    Page<User> page;
    page.page = query.page;
    page.limit = query.limit;

    auto count = tx.query(QStringLiteral("SELECT COUNT(*)") + where);
    bindFilters(count);
    if (auto r = count.exec(); !r)
        return r.error();
    count.next();
    page.total = count.int64(0);

    // NULLs (never logged in) sort last either way; id breaks ties so pages never overlap.
    const QString column = sortColumn(query.sortField);
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    auto q = tx.query(QStringLiteral("SELECT ") + columns + where + QStringLiteral(" ORDER BY ")
                      + QStringLiteral("(") + column + QStringLiteral(" IS NULL), ") + column
                      + direction + QStringLiteral(", id") + direction
                      + QStringLiteral(" LIMIT :limit OFFSET :offset"));
    bindFilters(q);
    q.bind(QStringLiteral(":limit"), query.limit).bind(QStringLiteral(":offset"), query.offset());
    if (auto r = q.exec(); !r)
        return r.error();
    while (q.next())
        page.items.append(readUser(q).user);
    if (auto r = loadRoles(tx, page.items); !r)
        return r.error();
    return page;
}

Result<void> UserRepository::loadRoles(Transaction &tx, QList<User> &users)
{
    if (users.isEmpty())
        return {};
    QStringList placeholders;
    for (int i = 0; i < users.size(); ++i)
        placeholders.append(QStringLiteral(":u%1").arg(i));
    auto q = tx.query(QStringLiteral("SELECT user_id, role FROM role_assignments"
                                     " WHERE deleted = 0 AND course_id IS NULL AND user_id IN (")
                      + placeholders.join(u", ") + QStringLiteral(")"));
    for (int i = 0; i < users.size(); ++i)
        q.bind(placeholders[i], users[i].id);
    if (auto r = q.exec(); !r)
        return r;
    QHash<QString, QList<Role>> roles;
    while (q.next()) {
        if (auto role = roleFromString(q.text(1)))
            roles[q.text(0)].append(*role);
    }
    for (User &user : users) {
        user.roles.clear();
        // Keep a stable, meaningful order: admin, instructor, ta, student.
        for (Role role : allRoles()) {
            if (roles.value(user.id).contains(role))
                user.roles.append(role);
        }
    }
    return {};
}

Result<void> UserRepository::writeRoles(Transaction &tx, HlcClock &clock, const User &user,
                                        bool deleteAll)
{
    auto current
        = tx.query(QStringLiteral("SELECT id, role, rev FROM role_assignments"
                                  " WHERE user_id = :user AND deleted = 0 AND course_id IS NULL"));
    current.bind(QStringLiteral(":user"), user.id);
    if (auto r = current.exec(); !r)
        return r;
    QHash<QString, std::pair<QString, qint64>> existing; // role -> (id, rev)
    while (current.next())
        existing.insert(current.text(1), {current.text(0), current.int64(2)});

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList wanted = deleteAll ? QStringList() : rolesToStrings(user.roles);
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (wanted.contains(it.key()))
            continue;
        const QString hlc = clock.now().toString();
        auto q = tx.query(QStringLiteral(
            "UPDATE role_assignments SET deleted = 1, rev = rev + 1, hlc = :hlc, updated_at = :at"
            " WHERE id = :id"));
        q.bind(QStringLiteral(":hlc"), hlc)
            .bind(QStringLiteral(":at"), timeValue(now))
            .bind(QStringLiteral(":id"), it.value().first);
        if (auto r = q.exec(); !r)
            return r;
        auto seq = ChangeLog::record(tx,
                                     {user.orgId, QStringLiteral("role_assignment"),
                                      it.value().first, it.value().second + 1, hlc, true});
        if (!seq)
            return seq.error();
    }
    for (const QString &role : wanted) {
        if (existing.contains(role))
            continue;
        const QString id = createUuidV7String();
        const QString hlc = clock.now().toString();
        auto q = tx.query(QStringLiteral(
            "INSERT INTO role_assignments (id, org_id, user_id, role, course_id, created_at,"
            " updated_at, rev, hlc) VALUES (:id, :org, :user, :role, NULL, :at, :at, 1, :hlc)"));
        q.bind(QStringLiteral(":id"), id)
            .bind(QStringLiteral(":org"), user.orgId)
            .bind(QStringLiteral(":user"), user.id)
            .bind(QStringLiteral(":role"), role)
            .bind(QStringLiteral(":at"), timeValue(now))
            .bind(QStringLiteral(":hlc"), hlc);
        if (auto r = q.exec(); !r)
            return r;
        auto seq = ChangeLog::record(
            tx, {user.orgId, QStringLiteral("role_assignment"), id, 1, hlc, false});
        if (!seq)
            return seq.error();
    }
    return {};
}

Result<void> UserRepository::insert(Transaction &tx, HlcClock &clock, User &user,
                                    const QString &passwordHash)
{
    if (user.id.isEmpty())
        user.id = createUuidV7String();
    user.createdAt = user.updatedAt = QDateTime::currentDateTimeUtc();
    user.rev = 1;
    user.hlc = clock.now().toString();
    auto q = tx.query(QStringLiteral(
        "INSERT INTO users (id, org_id, email, name, password_hash, status, locale, search_text,"
        " created_at, updated_at, rev, hlc) VALUES (:id, :org, :email, :name, :hash, :status,"
        " :locale, :search, :created, :updated, :rev, :hlc)"));
    q.bind(QStringLiteral(":search"), searchText(user));
    q.bind(QStringLiteral(":id"), user.id)
        .bind(QStringLiteral(":org"), user.orgId)
        .bind(QStringLiteral(":email"), user.email)
        .bind(QStringLiteral(":name"), user.name.trimmed())
        .bind(QStringLiteral(":hash"), textOrNull(passwordHash))
        .bind(QStringLiteral(":status"), userStatusToString(user.status))
        .bind(QStringLiteral(":locale"), textOrNull(user.locale))
        .bind(QStringLiteral(":created"), timeValue(user.createdAt))
        .bind(QStringLiteral(":updated"), timeValue(user.updatedAt))
        .bind(QStringLiteral(":rev"), user.rev)
        .bind(QStringLiteral(":hlc"), user.hlc);
    if (auto r = q.exec(); !r)
        return r;
    auto seq = ChangeLog::record(
        tx, {user.orgId, QStringLiteral("user"), user.id, user.rev, user.hlc, false});
    if (!seq)
        return seq.error();
    return writeRoles(tx, clock, user);
}

Result<void> UserRepository::update(Transaction &tx, HlcClock &clock, User &user)
{
    user.updatedAt = QDateTime::currentDateTimeUtc();
    user.hlc = clock.now().toString();
    auto q = tx.query(QStringLiteral(
        "UPDATE users SET email = :email, name = :name, status = :status, locale = :locale,"
        " search_text = :search, updated_at = :updated, rev = rev + 1, hlc = :hlc,"
        " deleted = :deleted WHERE id = :id RETURNING rev"));
    q.bind(QStringLiteral(":search"), searchText(user));
    q.bind(QStringLiteral(":id"), user.id)
        .bind(QStringLiteral(":email"), user.email)
        .bind(QStringLiteral(":name"), user.name.trimmed())
        .bind(QStringLiteral(":status"), userStatusToString(user.status))
        .bind(QStringLiteral(":locale"), textOrNull(user.locale))
        .bind(QStringLiteral(":updated"), timeValue(user.updatedAt))
        .bind(QStringLiteral(":hlc"), user.hlc)
        .bind(QStringLiteral(":deleted"), user.deleted ? 1 : 0);
    if (auto r = q.exec(); !r)
        return r;
    if (!q.next())
        return fail(ErrorCode::NotFound, QStringLiteral("No such user."));
    user.rev = q.int64(0);
    auto seq = ChangeLog::record(
        tx, {user.orgId, QStringLiteral("user"), user.id, user.rev, user.hlc, user.deleted});
    if (!seq)
        return seq.error();
    return writeRoles(tx, clock, user, user.deleted);
}

Result<void> UserRepository::markDeleted(Transaction &tx, HlcClock &clock, User &user)
{
    user.deleted = true;
    return update(tx, clock, user);
}

Result<void> UserRepository::setPasswordHash(Transaction &tx, const QString &userId,
                                             const QString &passwordHash)
{
    auto q = tx.query(QStringLiteral("UPDATE users SET password_hash = :hash WHERE id = :id"));
    q.bind(QStringLiteral(":hash"), textOrNull(passwordHash)).bind(QStringLiteral(":id"), userId);
    return q.exec();
}

Result<void> UserRepository::setLastLogin(Transaction &tx, const QString &userId,
                                          const QDateTime &at)
{
    // Not a synced change: it is bookkeeping, and bumping rev here would make every login an edit.
    auto q = tx.query(QStringLiteral("UPDATE users SET last_login_at = :at WHERE id = :id"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":id"), userId);
    return q.exec();
}

Result<bool> UserRepository::existsIncludingDeleted(Transaction &tx, const QString &id)
{
    auto q = tx.query(QStringLiteral("SELECT 1 FROM users WHERE id = :id"));
    q.bind(QStringLiteral(":id"), id);
    if (auto r = q.exec(); !r)
        return r.error();
    return q.next();
}

Result<qint64> UserRepository::countInOrganization(Transaction &tx, const QString &orgId)
{
    auto q = tx.query(
        QStringLiteral("SELECT COUNT(*) FROM users WHERE org_id = :org AND deleted = 0"));
    q.bind(QStringLiteral(":org"), orgId);
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return q.int64(0);
}

} // namespace Lectern::Server
