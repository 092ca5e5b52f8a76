#include "listquery.h"

#include <lectern/textsearch.h>
#include <lectern/validation.h>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::ListQuery)
};
} // namespace

Result<ListQuery> ListQuery::parse(const QUrlQuery &query, const QStringList &sortFields,
                                   const QString &defaultSort, const QStringList &filterNames)
{
    ListQuery list;
    ValidationErrors errors;

    const auto readInt = [&](const QString &name, int min, int max, int &out) {
        if (!query.hasQueryItem(name))
            return;
        bool ok = false;
        const int value = query.queryItemValue(name).toInt(&ok);
        if (!ok || value < min || value > max)
            errors.add(name,
                       Messages::tr("must be a whole number from %1 to %2").arg(min).arg(max));
        else
            out = value;
    };
    readInt(QStringLiteral("page"), 1, 1000000, list.page);
    readInt(QStringLiteral("limit"), 1, maxLimit, list.limit);

    QString sort = query.hasQueryItem(QStringLiteral("sort"))
        ? query.queryItemValue(QStringLiteral("sort"), QUrl::FullyDecoded)
        : defaultSort;
    list.descending = sort.startsWith(u'-');
    if (list.descending)
        sort.remove(0, 1);
    if (!sortFields.contains(sort))
        errors.add(QStringLiteral("sort"),
                   Messages::tr("must be one of %1, optionally with a leading -")
                       .arg(sortFields.join(u", ")));
    list.sortField = sort;

    for (const QString &name : filterNames) {
        if (!query.hasQueryItem(name))
            continue;
        const QString value = query.queryItemValue(name, QUrl::FullyDecoded);
        if (value.size() > maxFilterLength)
            errors.add(name,
                       Messages::tr("must be at most %n characters", nullptr, maxFilterLength));
        else if (const QString problem = Validation::textProblem(value, false); !problem.isEmpty())
            errors.add(name, problem);
        else
            list.filters.insert(name, value);
    }
    if (!errors.isEmpty())
        return errors.toError();
    return list;
}

QString likePattern(const QString &text)
{
    QString escaped = foldForSearch(text);
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

} // namespace Lectern::Server
