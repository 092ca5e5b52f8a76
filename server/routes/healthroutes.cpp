#include "app/servercontext.h"
#include "routes.h"
#include "storage/migrations.h"

#include <QFile>

namespace Lectern::Server {

void addHealthRoutes(Router &router, ServerContext &context)
{
    // Liveness: the process answers.
    router.add("GET", QStringLiteral("/healthz"), Access::Public, Run::Inline, [](ApiRequest &) {
        return ApiResponse::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    // Readiness: the database answers and its schema is the one this build expects.
    router.add(
        "GET", QStringLiteral("/readyz"), Access::Public, Run::Inline, [&context](ApiRequest &) {
            auto version = Migrations::currentVersion(context.db());
            if (!version)
                return ApiResponse::error(fail(ErrorCode::Unavailable, version.error().message));
            if (*version != Migrations::latestVersion())
                return ApiResponse::error(
                    fail(ErrorCode::Unavailable,
                         QStringLiteral("The database schema is at version %1, "
                                        "this server needs %2.")
                             .arg(*version)
                             .arg(Migrations::latestVersion())));
            return ApiResponse::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ready")},
                                                {QStringLiteral("schemaVersion"), *version}});
        });
}

void addOpenApiRoute(Router &router)
{
    router.add("GET", QStringLiteral("/api/v1/openapi.json"), Access::Public, Run::Inline,
               [](ApiRequest &) {
                   static const QByteArray document = [] {
                       QFile file(QStringLiteral(":/lectern/openapi.json"));
                       return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
                   }();
                   if (document.isEmpty())
                       return ApiResponse::error(
                           fail(ErrorCode::Internal,
                                QStringLiteral("The API description is missing from this build.")));
                   return ApiResponse::raw(200, "application/json", document);
               });
}

} // namespace Lectern::Server
