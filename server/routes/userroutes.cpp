#include "routes.h"
#include "services/userservice.h"
#include "storage/userrepository.h"

namespace Lectern::Server {

void addUserRoutes(Router &router, UserService &users)
{
    const auto one = [](const User &user) {
        return user.toJson();
    };

    router.add("GET", QStringLiteral("/api/v1/users"), Access::User, Run::Inline,
               [&users](ApiRequest &request) {
                   auto query
                       = ListQuery::parse(request.query, UserRepository::sortFields(),
                                          QStringLiteral("name"), UserRepository::filterNames());
                   if (!query)
                       return ApiResponse::error(query.error());
                   auto page = users.list(request.user(), *query);
                   if (!page)
                       return ApiResponse::error(page.error());
                   QJsonArray items;
                   for (const User &user : page->items)
                       items.append(user.toJson());
                   return ApiResponse::page(items, page->pagination());
               });
    // Worker: a password in the body means hashing.
    router.add("POST", QStringLiteral("/api/v1/users"), Access::User, Run::Worker,
               [&users](ApiRequest &request) {
                   auto result = users.create(request.user(), request.json);
                   if (!result)
                       return ApiResponse::error(result.error());
                   return ApiResponse::ok(result->first.toJson(), result->second ? 201 : 200);
               });
    router.add("GET", QStringLiteral("/api/v1/users/:id"), Access::User, Run::Inline,
               [&users, one](ApiRequest &request) {
                   return respond(users.get(request.user(), request.param(QStringLiteral("id"))),
                                  one);
               });
    router.add("PUT", QStringLiteral("/api/v1/users/:id"), Access::User, Run::Worker,
               [&users, one](ApiRequest &request) {
                   return respond(users.update(request.user(), request.param(QStringLiteral("id")),
                                               request.json),
                                  one);
               });
    router.add("DELETE", QStringLiteral("/api/v1/users/:id"), Access::User, Run::Inline,
               [&users](ApiRequest &request) {
                   auto result = users.remove(request.user(), request.param(QStringLiteral("id")));
                   if (!result)
                       return ApiResponse::error(result.error());
                   return ApiResponse::ok(QJsonValue(), 200,
                                          UserService::tr("The user was removed."));
               });
}

} // namespace Lectern::Server
