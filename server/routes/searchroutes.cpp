#include "routes.h"
#include "search/searchservice.h"

namespace Lectern::Server {

void addSearchRoutes(Router &router, SearchService &search)
{
    // On the worker pool: a search over a large organisation is the slowest read there is.
    router.add("GET", QStringLiteral("/api/v1/search"), Access::User, Run::Worker,
               [&search](ApiRequest &r) {
                   auto query
                       = ListQuery::parse(r.query, {QStringLiteral("rank")}, QStringLiteral("rank"),
                                          SearchService::parameters());
                   if (!query)
                       return ApiResponse::error(query.error());
                   auto page = search.search(r.user(), *query);
                   if (!page)
                       return ApiResponse::error(page.error());
                   QJsonArray items;
                   for (const SearchHit &hit : std::as_const(page->items))
                       items.append(hit.toJson());
                   return ApiResponse::page(items, page->pagination());
               });
}

} // namespace Lectern::Server
