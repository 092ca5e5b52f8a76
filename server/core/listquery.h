#pragma once

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrlQuery>
#include <lectern/result.h>

namespace Lectern::Server {

// The paging, sorting and filtering a list endpoint was asked for (docs/architecture.md, "HTTP
// conventions": `page` from 1, `limit` 1..100 defaulting to 20, `sort=field` or `sort=-field`,
// filters as parameters).
struct ListQuery
{
    int page = 1;
    int limit = 20;
    QString sortField;
    bool descending = false;
    QHash<QString, QString> filters;

    int offset() const { return (page - 1) * limit; }
    QString filter(const QString &name) const { return filters.value(name); }

    static constexpr int defaultLimit = 20;
    static constexpr int maxLimit = 100;
    // Filters (`q` included) are short words, names and ids: longer ones are refused before they
    // reach a LIKE pattern.
    static constexpr int maxFilterLength = 200;

    // Unknown sort fields, bad numbers and filters that are too long or hold control characters
    // are `validation_failed` naming the parameter.
    static Result<ListQuery> parse(const QUrlQuery &query, const QStringList &sortFields,
                                   const QString &defaultSort, const QStringList &filterNames);
};

template<typename T> struct Page
{
    QList<T> items;
    qint64 total = 0;
    int page = 1;
    int limit = ListQuery::defaultLimit;

    QJsonObject pagination() const
    {
        const qint64 pages = limit > 0 ? (total + limit - 1) / limit : 0;
        return {{QStringLiteral("currentPage"), page},
                {QStringLiteral("totalPages"), pages},
                {QStringLiteral("totalItems"), total},
                {QStringLiteral("itemsPerPage"), limit}};
    }
};

// "%text%" for LIKE against a column of foldForSearch() text, with the LIKE wildcards in `text`
// escaped (use `ESCAPE '\'`).
QString likePattern(const QString &text);

} // namespace Lectern::Server
