#include "courserules.h"

#include <QDate>
#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

ValidationErrors CourseRules::validate(const QJsonObject &course, const QList<LocalRecord> &courses,
                                       const QString &selfId)
{
    const EntitySpec &spec = Entities::course();
    QJsonObject known;
    for (auto it = course.begin(); it != course.end(); ++it) {
        if (spec.field(it.key()) && !it->isNull() && !it->isUndefined())
            known.insert(it.key(), *it);
    }
    ValidationErrors errors = spec.validate(known, EntitySpec::Mode::Create);

    const QDate start = QDate::fromString(known.value(u"startDate").toString(), Qt::ISODate);
    const QDate end = QDate::fromString(known.value(u"endDate").toString(), Qt::ISODate);
    if (start.isValid() && end.isValid() && end < start)
        errors.add(QStringLiteral("endDate"), tr("must not be before the start date"));

    const QDateTime opens = Json::toDateTime(known.value(u"enrollmentOpensAt"));
    const QDateTime closes = Json::toDateTime(known.value(u"enrollmentClosesAt"));
    if (opens.isValid() && closes.isValid() && closes <= opens)
        errors.add(QStringLiteral("enrollmentClosesAt"), tr("must be after enrollment opens"));
    if (opens.isValid() && end.isValid() && opens.date() > end)
        errors.add(QStringLiteral("enrollmentOpensAt"), tr("must be before the course ends"));

    const QString code = known.value(u"code").toString().trimmed();
    const QString term = known.value(u"term").toString().trimmed();
    if (!code.isEmpty() && !errors.has(QStringLiteral("code"))) {
        for (const LocalRecord &other : courses) {
            if (other.id == selfId)
                continue;
            // As the server's unique index: the same code, case and all, in the same term.
            if (other.fields.value(u"code").toString().trimmed() == code
                && other.fields.value(u"term").toString().trimmed() == term) {
                errors.add(QStringLiteral("code"),
                           term.isEmpty() ? tr("is already used by another course without a term")
                                          : tr("is already used in this term"));
                break;
            }
        }
    }
    return errors;
}

} // namespace Lectern::Client
