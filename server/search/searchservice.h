#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "search/searchindex.h"
#include "services/caller.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Full-text search over the courses, modules and content items a caller may see: the visibility
// rules of CourseAccess are part of the query, so pages and totals only ever count what the
// caller may open.
class SearchService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::SearchService)

public:
    explicit SearchService(ServiceContext &context)
        : m_context(context)
    { }

    static constexpr int maxQueryLength = 200;
    // Parameters besides page and limit: q (required), type, courseId.
    static QStringList parameters();
    static QStringList types();

    Result<Page<SearchHit>> search(const Caller &caller, const ListQuery &query);

private:
    ServiceContext &m_context;
};

} // namespace Lectern::Server
