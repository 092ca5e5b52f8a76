#pragma once

#include "core/listquery.h"
#include "transaction.h"

#include <lectern/hlc.h>
#include <lectern/user.h>
#include <optional>

namespace Lectern::Server {

// A user as stored: the public record plus the password hash, which never leaves the server.
struct StoredUser
{
    User user;
    QString passwordHash;
};

// User rows and their organisation-wide role assignments. Writes bump rev and hlc and go through
// the change log (role assignments are records of their own, with their own changes).
class UserRepository
{
public:
    static Result<std::optional<StoredUser>> findById(Transaction &tx, const QString &id);
    // `email` must already be normalised.
    static Result<std::optional<StoredUser>> findByEmail(Transaction &tx, const QString &email);
    // Filters: role, status, q (name or email contains). Sorts: name, email, createdAt,
    // lastLoginAt.
    static Result<Page<User>> list(Transaction &tx, const QString &orgId, const ListQuery &query);
    static QStringList sortFields();
    static QStringList filterNames();

    // Fills in id (when empty), times, rev and hlc; writes the user's roles.
    static Result<void> insert(Transaction &tx, HlcClock &clock, User &user,
                               const QString &passwordHash);
    // Writes every field of `user` (and its roles, as a difference), bumping rev.
    static Result<void> update(Transaction &tx, HlcClock &clock, User &user);
    static Result<void> setPasswordHash(Transaction &tx, const QString &userId,
                                        const QString &passwordHash);
    static Result<void> setLastLogin(Transaction &tx, const QString &userId, const QDateTime &at);
    // Tombstones the user and their role assignments.
    static Result<void> markDeleted(Transaction &tx, HlcClock &clock, User &user);
    // Also true for removed users: ids are never reused.
    static Result<bool> existsIncludingDeleted(Transaction &tx, const QString &id);
    static Result<qint64> countInOrganization(Transaction &tx, const QString &orgId);

private:
    static Result<std::optional<StoredUser>> findOne(Transaction &tx, const QString &column,
                                                     const QString &value);
    static Result<void> loadRoles(Transaction &tx, QList<User> &users);
    static Result<void> writeRoles(Transaction &tx, HlcClock &clock, const User &user,
                                   bool deleteAll = false);
};

} // namespace Lectern::Server
