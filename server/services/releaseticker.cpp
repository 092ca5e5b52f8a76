#include "releaseticker.h"

#include "core/logging.h"
#include "storage/changelog.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <lectern/entityspec.h>

namespace Lectern::Server {

namespace {
// A release time passed in the window (since, until]; placeholders named with `p` (each placeholder
// appears once in a statement).
QString releasedIn(const QString &p)
{
    return QStringLiteral("((publish_at > :%1_ps AND publish_at <= :%1_pu)"
                          " OR (unlock_at > :%1_us AND unlock_at <= :%1_uu))")
        .arg(p);
}

QList<std::pair<QString, QVariant>> window(const QString &p, qint64 since, qint64 until)
{
    return {{u':' + p + QStringLiteral("_ps"), since},
            {u':' + p + QStringLiteral("_pu"), until},
            {u':' + p + QStringLiteral("_us"), since},
            {u':' + p + QStringLiteral("_uu"), until}};
}
} // namespace

ReleaseTicker::ReleaseTicker(ServiceContext &context)
    : m_context(context)
{
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (auto r = tick(m_last, now); !r)
            qCWarning(lcServer).noquote()
                << "could not announce timed releases:" << r.error().message;
        else
            m_last = now;
    });
}

void ReleaseTicker::start(std::chrono::milliseconds interval, std::chrono::milliseconds lookBack)
{
    m_last = QDateTime::currentMSecsSinceEpoch() - lookBack.count();
    m_timer.start(interval);
}

Result<int> ReleaseTicker::tick(qint64 sinceMs, qint64 untilMs)
{
    // Most ticks find nothing: look in a read transaction, and take the writer's lock only
    // when there is something to announce.
    QStringList orgs;
    {
        Transaction look(m_context.db(), Transaction::Read);
        if (!look.isOk())
            return look.error();
        auto q = look.query(QStringLiteral("SELECT org_id FROM modules WHERE deleted = 0 AND ")
                            + releasedIn(QStringLiteral("m"))
                            + QStringLiteral(" UNION SELECT org_id FROM contents WHERE deleted = 0"
                                             " AND ")
                            + releasedIn(QStringLiteral("c")));
        for (const auto &[placeholder, value] : window(QStringLiteral("m"), sinceMs, untilMs)
                 + window(QStringLiteral("c"), sinceMs, untilMs))
            q.bind(placeholder, value);
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next())
            orgs.append(q.text(0));
    }
    if (orgs.isEmpty())
        return 0;
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    const qint64 before = [&tx] {
        auto seq = ChangeLog::latestSeq(tx);
        return seq ? *seq : 0;
    }();
    for (const QString &org : std::as_const(orgs)) {
        const TouchSet modules {Entities::module().name, Entities::module().table,
                                releasedIn(QStringLiteral("m")),
                                window(QStringLiteral("m"), sinceMs, untilMs)};
        // Items released themselves, and the items of modules released now.
        const TouchSet contents {
            Entities::content().name, Entities::content().table,
            releasedIn(QStringLiteral("c"))
                + QStringLiteral(" OR module_id IN (SELECT id FROM modules WHERE deleted = 0 AND ")
                + releasedIn(QStringLiteral("m")) + u')',
            window(QStringLiteral("c"), sinceMs, untilMs)
                + window(QStringLiteral("m"), sinceMs, untilMs)};
        for (const TouchSet &set : {modules, contents}) {
            if (auto r = ChangeLog::touch(tx, org, set); !r)
                return r.error();
        }
    }
    auto after = ChangeLog::latestSeq(tx);
    if (!after)
        return after.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return int(*after - before);
}

} // namespace Lectern::Server
