#pragma once

#include "transaction.h"

#include <optional>

namespace Lectern::Server {

// Failed logins counted for a limit: how many, and when the oldest and the latest were.
struct LoginFailures
{
    int count = 0;
    QDateTime oldest;
    QDateTime latest;
};

struct RefreshTokenRow
{
    QString id;
    QString familyId;
    QString userId;
    QDateTime createdAt;
    QDateTime expiresAt;
    QDateTime usedAt;
    QDateTime revokedAt;
};

// Server-private bookkeeping for authentication: refresh tokens (stored as SHA-256 only) and login
// attempts (for lockout). Not synced, so no change log.
class AuthRepository
{
public:
    static Result<void> insertRefreshToken(Transaction &tx, const RefreshTokenRow &row,
                                           const QString &tokenHash, const QString &address);
    static Result<std::optional<RefreshTokenRow>> findRefreshToken(Transaction &tx,
                                                                   const QString &tokenHash);
    // Marks a token spent; false when someone else spent it first (a race is reuse too).
    static Result<bool> markRefreshTokenUsed(Transaction &tx, const QString &id,
                                             const QDateTime &at);
    static Result<void> revokeFamily(Transaction &tx, const QString &familyId, const QDateTime &at);
    static Result<void> revokeAllForUser(Transaction &tx, const QString &userId,
                                         const QDateTime &at);

    static Result<void> recordLoginAttempt(Transaction &tx, const QString &email,
                                           const QString &address, bool succeeded,
                                           const QDateTime &at);
    // Failed attempts since `since`: for an account, only those after its last success count.
    // Returns (count, time of the oldest counted failure).
    static Result<std::pair<int, QDateTime>> failuresForEmail(Transaction &tx, const QString &email,
                                                              const QDateTime &since);
    static Result<std::pair<int, QDateTime>>
    failuresForAddress(Transaction &tx, const QString &address, const QDateTime &since);
    // Failures for `email` since `since` and after its last success; with an `address`, only
    // those from that address, after the last success from it.
    static Result<LoginFailures> failuresFor(Transaction &tx, const QString &email,
                                             const QString &address, const QDateTime &since);
    // Whether `email` logged in from `address` since `since`.
    static Result<bool> succeededFrom(Transaction &tx, const QString &email, const QString &address,
                                      const QDateTime &since);
    // Drops failures older than `failuresBefore` and successes older than `successesBefore`
    // (successes say which addresses an account is known at).
    static Result<void> pruneLoginAttempts(Transaction &tx, const QDateTime &failuresBefore,
                                           const QDateTime &successesBefore);
};

} // namespace Lectern::Server
