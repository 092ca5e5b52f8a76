#include "authrepository.h"

namespace Lectern::Server {

Result<void> AuthRepository::insertRefreshToken(Transaction &tx, const RefreshTokenRow &row,
                                                const QString &tokenHash, const QString &address)
{
    auto q = tx.query(QStringLiteral(
        "INSERT INTO refresh_tokens (id, family_id, user_id, token_hash, created_at, expires_at,"
        " address) VALUES (:id, :family, :user, :hash, :created, :expires, :address)"));
    q.bind(QStringLiteral(":id"), row.id)
        .bind(QStringLiteral(":family"), row.familyId)
        .bind(QStringLiteral(":user"), row.userId)
        .bind(QStringLiteral(":hash"), tokenHash)
        .bind(QStringLiteral(":created"), timeValue(row.createdAt))
        .bind(QStringLiteral(":expires"), timeValue(row.expiresAt))
        .bind(QStringLiteral(":address"), textOrNull(address));
    return q.exec();
}

Result<std::optional<RefreshTokenRow>> AuthRepository::findRefreshToken(Transaction &tx,
                                                                        const QString &tokenHash)
{
    auto q = tx.query(
        QStringLiteral("SELECT id, family_id, user_id, created_at, expires_at, used_at, revoked_at"
                       " FROM refresh_tokens WHERE token_hash = :hash"));
    q.bind(QStringLiteral(":hash"), tokenHash);
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return std::optional<RefreshTokenRow>();
    RefreshTokenRow row {q.text(0), q.text(1), q.text(2), q.time(3),
                         q.time(4), q.time(5), q.time(6)};
    return std::optional<RefreshTokenRow>(row);
}

Result<bool> AuthRepository::markRefreshTokenUsed(Transaction &tx, const QString &id,
                                                  const QDateTime &at)
{
    auto q = tx.query(
        QStringLiteral("UPDATE refresh_tokens SET used_at = :at WHERE id = :id AND used_at IS NULL"
                       " AND revoked_at IS NULL"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":id"), id);
    if (auto r = q.exec(); !r)
        return r.error();
    return q.rowsAffected() == 1;
}

Result<void> AuthRepository::revokeFamily(Transaction &tx, const QString &familyId,
                                          const QDateTime &at)
{
    auto q = tx.query(QStringLiteral("UPDATE refresh_tokens SET revoked_at = :at WHERE family_id = "
                                     ":family AND revoked_at IS NULL"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":family"), familyId);
    return q.exec();
}

Result<void> AuthRepository::revokeAllForUser(Transaction &tx, const QString &userId,
                                              const QDateTime &at)
{
    auto q = tx.query(QStringLiteral(
        "UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :user AND revoked_at IS NULL"));
    q.bind(QStringLiteral(":at"), timeValue(at)).bind(QStringLiteral(":user"), userId);
    return q.exec();
}

Result<void> AuthRepository::recordLoginAttempt(Transaction &tx, const QString &email,
                                                const QString &address, bool succeeded,
                                                const QDateTime &at)
{
    auto q = tx.query(QStringLiteral(
        "INSERT INTO login_attempts (email, address, succeeded, at) VALUES (:e, :a, :s, :at)"));
    q.bind(QStringLiteral(":e"), email)
        .bind(QStringLiteral(":a"), address)
        .bind(QStringLiteral(":s"), succeeded ? 1 : 0)
        .bind(QStringLiteral(":at"), timeValue(at));
    return q.exec();
}

Result<std::pair<int, QDateTime>>
AuthRepository::failuresForEmail(Transaction &tx, const QString &email, const QDateTime &since)
{
    auto q = tx.query(QStringLiteral(
        "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE email = :e AND succeeded = 0"
        " AND at >= :since AND at > COALESCE((SELECT MAX(at) FROM login_attempts"
        " WHERE email = :e AND succeeded = 1), 0)"));
    q.bind(QStringLiteral(":e"), email).bind(QStringLiteral(":since"), timeValue(since));
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return std::pair<int, QDateTime>(int(q.int64(0)), q.time(1));
}

Result<std::pair<int, QDateTime>>
AuthRepository::failuresForAddress(Transaction &tx, const QString &address, const QDateTime &since)
{
    auto q = tx.query(QStringLiteral(
        "SELECT COUNT(*), MIN(at) FROM login_attempts WHERE address = :a AND succeeded = 0"
        " AND at >= :since"));
    q.bind(QStringLiteral(":a"), address).bind(QStringLiteral(":since"), timeValue(since));
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return std::pair<int, QDateTime>(int(q.int64(0)), q.time(1));
}

Result<LoginFailures> AuthRepository::failuresFor(Transaction &tx, const QString &email,
                                                  const QString &address, const QDateTime &since)
{
    const QString sameAddress = address.isEmpty() ? QString() : QStringLiteral(" AND address = :a");
    auto q = tx.query(QStringLiteral("SELECT COUNT(*), MIN(at), MAX(at) FROM login_attempts"
                                     " WHERE email = :e%1 AND succeeded = 0 AND at >= :since"
                                     " AND at > COALESCE((SELECT MAX(at) FROM login_attempts"
                                     " WHERE email = :e%1 AND succeeded = 1), 0)")
                          .arg(sameAddress));
    q.bind(QStringLiteral(":e"), email).bind(QStringLiteral(":since"), timeValue(since));
    if (!address.isEmpty())
        q.bind(QStringLiteral(":a"), address);
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return LoginFailures {int(q.int64(0)), q.time(1), q.time(2)};
}

Result<bool> AuthRepository::succeededFrom(Transaction &tx, const QString &email,
                                           const QString &address, const QDateTime &since)
{
    auto q = tx.query(QStringLiteral("SELECT COUNT(*) FROM login_attempts WHERE email = :e"
                                     " AND address = :a AND succeeded = 1 AND at >= :since"));
    q.bind(QStringLiteral(":e"), email)
        .bind(QStringLiteral(":a"), address)
        .bind(QStringLiteral(":since"), timeValue(since));
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return q.int64(0) > 0;
}

Result<void> AuthRepository::pruneLoginAttempts(Transaction &tx, const QDateTime &failuresBefore,
                                                const QDateTime &successesBefore)
{
    auto q = tx.query(QStringLiteral("DELETE FROM login_attempts WHERE at < :failures"
                                     " AND (succeeded = 0 OR at < :successes)"));
    q.bind(QStringLiteral(":failures"), timeValue(failuresBefore))
        .bind(QStringLiteral(":successes"), timeValue(successesBefore));
    return q.exec();
}

} // namespace Lectern::Server
