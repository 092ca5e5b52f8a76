#include "loginthrottle.h"

#include "storage/authrepository.h"

namespace Lectern::Server {

qint64 LoginThrottle::backoffMs(int failures, int free, qint64 capMs)
{
    if (failures < free)
        return 0;
    const int doublings = failures - free;
    if (doublings >= 40)
        return capMs;
    return qMin(capMs, qint64(1000) << doublings);
}

Error LoginThrottle::tooMany(qint64 waitMs) const
{
    const qint64 retryAfter = qMax<qint64>(1, (waitMs + 999) / 1000);
    const QString message = retryAfter < 60
        ? tr("Too many failed login attempts. Try again in %n second(s).", nullptr, int(retryAfter))
        : tr("Too many failed login attempts. Try again in %n minute(s).", nullptr,
             int((retryAfter + 59) / 60));
    return fail(ErrorCode::TooManyRequests, message, {{QStringLiteral("retryAfter"), retryAfter}});
}

Result<void> LoginThrottle::check(Transaction &tx, const QString &email, const QString &addressKey,
                                  const QDateTime &now) const
{
    const qint64 windowMs = qint64(m_config.lockoutWindowSeconds) * 1000;
    const QDateTime windowStart = now.addMSecs(-windowMs);
    const auto waitAfter = [&now](const QDateTime &last, qint64 delayMs) {
        return last.isValid() ? now.msecsTo(last.addMSecs(delayMs)) : qint64(0);
    };

    auto pair = AuthRepository::failuresFor(tx, email, addressKey, windowStart);
    if (!pair)
        return pair.error();
    if (const qint64 wait
        = waitAfter(pair->latest, backoffMs(pair->count, m_config.lockoutFailures, windowMs));
        wait > 0)
        return tooMany(wait);

    auto known
        = AuthRepository::succeededFrom(tx, email, addressKey, now.addDays(-knownAddressDays));
    if (!known)
        return known.error();
    if (*known)
        return {};

    auto byAddress = AuthRepository::failuresForAddress(tx, addressKey, windowStart);
    if (!byAddress)
        return byAddress.error();
    if (byAddress->first >= m_config.lockoutAddressFailures)
        return tooMany(waitAfter(byAddress->second, windowMs));

    auto account = AuthRepository::failuresFor(tx, email, QString(), windowStart);
    if (!account)
        return account.error();
    const qint64 accountCapMs = qint64(m_config.lockoutAccountMaxDelaySeconds) * 1000;
    if (const qint64 wait
        = waitAfter(account->latest,
                    backoffMs(account->count, m_config.lockoutAccountFailures, accountCapMs));
        wait > 0)
        return tooMany(wait);
    return {};
}

} // namespace Lectern::Server
