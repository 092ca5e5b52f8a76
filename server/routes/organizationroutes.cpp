#include "routes.h"
#include "services/organizationservice.h"

namespace Lectern::Server {

namespace {
QJsonArray toArray(const QList<Organization> &orgs)
{
    QJsonArray array;
    for (const Organization &org : orgs)
        array.append(org.toJson());
    return array;
}
} // namespace

void addOrganizationRoutes(Router &router, OrganizationService &organizations)
{
    const auto one = [](const Organization &org) {
        return org.toJson();
    };
    const auto settings = [](const Organization &org) {
        return org.settings.toJson();
    };

    router.add("GET", QStringLiteral("/api/v1/organizations"), Access::User, Run::Inline,
               [&organizations](ApiRequest &request) {
                   auto query = ListQuery::parse(request.query, {QStringLiteral("name")},
                                                 QStringLiteral("name"), {QStringLiteral("q")});
                   if (!query)
                       return ApiResponse::error(query.error());
                   auto page = organizations.list(request.user(), *query);
                   if (!page)
                       return ApiResponse::error(page.error());
                   return ApiResponse::page(toArray(page->items), page->pagination());
               });
    router.add("POST", QStringLiteral("/api/v1/organizations"), Access::User, Run::Inline,
               [](ApiRequest &) {
                   return ApiResponse::error(fail(
                       ErrorCode::Forbidden,
                       OrganizationService::tr("Organisations are created by the server's operator "
                                               "(lectern-server org add).")));
               });
    router.add("GET", QStringLiteral("/api/v1/organizations/:id"), Access::User, Run::Inline,
               [&organizations, one](ApiRequest &request) {
                   return respond(
                       organizations.get(request.user(), request.param(QStringLiteral("id"))), one);
               });
    router.add("PUT", QStringLiteral("/api/v1/organizations/:id"), Access::User, Run::Inline,
               [&organizations, one](ApiRequest &request) {
                   return respond(organizations.update(request.user(),
                                                       request.param(QStringLiteral("id")),
                                                       request.json),
                                  one);
               });
    router.add(
        "DELETE", QStringLiteral("/api/v1/organizations/:id"), Access::User, Run::Inline,
        [&organizations](ApiRequest &request) {
            // Visible or not, the answer must not tell another organisation exists.
            auto org = organizations.get(request.user(), request.param(QStringLiteral("id")));
            if (!org)
                return ApiResponse::error(org.error());
            return ApiResponse::error(fail(
                ErrorCode::Forbidden,
                OrganizationService::tr("Organisations are removed by the server's operator.")));
        });
    router.add("GET", QStringLiteral("/api/v1/organizations/:id/settings"), Access::User,
               Run::Inline, [&organizations, settings](ApiRequest &request) {
                   return respond(
                       organizations.get(request.user(), request.param(QStringLiteral("id"))),
                       settings);
               });
    router.add("PUT", QStringLiteral("/api/v1/organizations/:id/settings"), Access::User,
               Run::Inline, [&organizations, settings](ApiRequest &request) {
                   return respond(organizations.updateSettings(request.user(),
                                                               request.param(QStringLiteral("id")),
                                                               request.json),
                                  settings);
               });
}

} // namespace Lectern::Server
