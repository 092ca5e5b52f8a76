#include "routes.h"
#include "services/authservice.h"

namespace Lectern::Server {

void addAuthRoutes(Router &router, AuthService &auth)
{
    const auto session = [](const AuthSession &s) {
        return s.toJson();
    };

    // Password hashing is slow on purpose: these run on the worker pool.
    router.add("POST", QStringLiteral("/api/v1/auth/login"), Access::Public, Run::Worker,
               [&auth, session](ApiRequest &request) {
                   return respond(auth.login(request.json, request.address), session);
               });
    router.add("POST", QStringLiteral("/api/v1/auth/register"), Access::Public, Run::Worker,
               [&auth, session](ApiRequest &request) {
                   return respond(auth.registerAccount(request.json, request.address), session,
                                  201);
               });
    router.add("POST", QStringLiteral("/api/v1/auth/refresh"), Access::Public, Run::Inline,
               [&auth, session](ApiRequest &request) {
                   return respond(auth.refresh(request.json, request.address), session);
               });
    router.add("POST", QStringLiteral("/api/v1/auth/logout"), Access::Public, Run::Inline,
               [&auth](ApiRequest &request) {
                   auto result = auth.logout(request.json);
                   if (!result)
                       return ApiResponse::error(result.error());
                   return ApiResponse::ok(QJsonValue(), 200, AuthService::tr("Logged out."));
               });
    router.add("GET", QStringLiteral("/api/v1/auth/me"), Access::User, Run::Inline,
               [&auth](ApiRequest &request) {
                   return respond(auth.me(request.user()), [](const QJsonObject &o) { return o; });
               });
    router.add("PATCH", QStringLiteral("/api/v1/auth/me"), Access::User, Run::Worker,
               [&auth](ApiRequest &request) {
                   return respond(auth.updateMe(request.user(), request.json, request.address),
                                  [](const QJsonObject &o) { return o; });
               });
}

} // namespace Lectern::Server
