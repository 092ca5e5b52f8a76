#include "routes.h"
#include "routes/recordresponses.h"
#include "services/syncservice.h"

#include <lectern/syncop.h>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::SyncRoutes)
};
} // namespace

void addSyncRoutes(Router &router, SyncService &sync)
{
    const QString id = QStringLiteral("id");

    // Writes of up to 500 ops: on the worker pool, off the server's thread.
    router.add("POST", QStringLiteral("/api/v1/sync/push"), Access::User, Run::Worker,
               [&sync](ApiRequest &r) {
                   if (r.body.size() > Sync::maxPushBytes)
                       return ApiResponse::error(
                           fail(ErrorCode::PayloadTooLarge,
                                Messages::tr("A push holds at most %1 bytes; send the "
                                             "operations in smaller batches.")
                                    .arg(Sync::maxPushBytes)));
                   auto request = Sync::PushRequest::fromJson(r.json);
                   if (!request)
                       return ApiResponse::error(request.error());
                   auto results = sync.push(r.user(), *request);
                   if (!results)
                       return ApiResponse::error(results.error());
                   QJsonArray items;
                   for (const Sync::OpResult &result : *results)
                       items.append(result.toJson());
                   return ApiResponse::ok(QJsonObject {{QStringLiteral("results"), items}});
               });
    router.add("GET", QStringLiteral("/api/v1/sync/pull"), Access::User, Run::Worker,
               [&sync](ApiRequest &r) {
                   auto query = SyncService::parsePullQuery(r.query);
                   if (!query)
                       return ApiResponse::error(query.error());
                   return respond(sync.pull(r.user(), *query),
                                  [](const Sync::PullPage &page) { return page.toJson(); });
               });
    router.add("GET", QStringLiteral("/api/v1/sync/conflicts"), Access::User, Run::Inline,
               [&sync](ApiRequest &r) {
                   auto query = ListQuery::parse(r.query, SyncService::conflictSorts(),
                                                 QStringLiteral("-createdAt"),
                                                 SyncService::conflictFilters());
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(sync.listConflicts(r.user(), *query));
               });
    router.add("GET", QStringLiteral("/api/v1/sync/conflicts/:id"), Access::User, Run::Inline,
               [&sync, id](ApiRequest &r) {
                   return respond(sync.getConflict(r.user(), r.param(id)), RecordResponses::asJson);
               });
    router.add("POST", QStringLiteral("/api/v1/sync/conflicts/:id/resolve"), Access::User,
               Run::Worker, [&sync, id](ApiRequest &r) {
                   return respond(sync.resolveConflict(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
}

} // namespace Lectern::Server
