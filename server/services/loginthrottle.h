#pragma once

#include "core/serverconfig.h"

#include <QCoreApplication>
#include <QDateTime>
#include <lectern/result.h>

namespace Lectern::Server {

class Transaction;

// When a password may be checked (operator guide, "Sign-in throttling"). Decided from the
// recorded attempts before any hashing, so a refused try costs a few indexed reads. Nothing here
// locks an account's owner out for long:
// - one account from one address (an IPv6 /64): lockout-failures free failures, then each try
//   waits 1 s, 2 s, 4 s... after the last failure, up to lockout-window;
// - one account from everywhere: after lockout-account-failures, tries from addresses it has not
//   logged in from within 30 days wait 1 s, 2 s, 4 s... up to lockout-account-max-delay, so
//   guessing from many addresses gets about one try per that delay, and the owner at most waits
//   that long;
// - one address for all accounts: lockout-address-failures within lockout-window, then only
//   accounts that logged in from it before may try from it.
// A success from an address clears that address's count for the account and the account-wide
// count.
class LoginThrottle
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::LoginThrottle)

public:
    static constexpr int knownAddressDays = 30;

    explicit LoginThrottle(const ServerConfig &config)
        : m_config(config)
    { }

    // Nothing when this try may go ahead; else too_many_requests with details.retryAfter.
    Result<void> check(Transaction &tx, const QString &email, const QString &addressKey,
                       const QDateTime &now) const;

    // The wait after `failures` failures of which `free` cost nothing: 0, then 1 s doubling up
    // to `capMs`.
    static qint64 backoffMs(int failures, int free, qint64 capMs);

private:
    Error tooMany(qint64 waitMs) const;

    const ServerConfig &m_config;
};

} // namespace Lectern::Server
