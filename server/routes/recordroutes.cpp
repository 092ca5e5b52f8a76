#include "routes.h"
#include "routes/recordresponses.h"
#include "services/recordservice.h"

namespace Lectern::Server {

void addRecordRoutes(Router &router, RecordService &records)
{
    const QString id = QStringLiteral("id");
    for (const EntitySpec &entity : EntityRegistry::all()) {
        if (!entity.genericRest)
            continue;
        const EntitySpec *spec = &entity;
        const QString one = QStringLiteral("/api/v1/") + spec->restPath + QStringLiteral("/:id");
        router.add("GET", one, Access::User, Run::Inline, [&records, spec, id](ApiRequest &r) {
            return respond(records.get(r.user(), *spec, r.param(id)), RecordResponses::asJson);
        });
        router.add("PUT", one, Access::User, Run::Inline, [&records, spec, id](ApiRequest &r) {
            return respond(records.update(r.user(), *spec, r.param(id), r.json),
                           RecordResponses::asJson);
        });
        router.add("DELETE", one, Access::User, Run::Inline, [&records, spec, id](ApiRequest &r) {
            return RecordResponses::deleted(records.remove(r.user(), *spec, r.param(id)));
        });

        const EntitySpec *parent = spec->parentSpec();
        if (!parent)
            continue;
        const QString under = QStringLiteral("/api/v1/") + parent->restPath
            + QStringLiteral("/:id/") + spec->restPath;
        router.add("GET", under, Access::User, Run::Inline, [&records, spec, id](ApiRequest &r) {
            const QStringList sorts = RecordService::sortFields(*spec);
            auto query = ListQuery::parse(r.query, sorts, sorts.first(), {QStringLiteral("q")});
            if (!query)
                return ApiResponse::error(query.error());
            return RecordResponses::page(
                records.listChildren(r.user(), *spec, r.param(id), *query));
        });
        router.add("POST", under, Access::User, Run::Inline, [&records, spec, id](ApiRequest &r) {
            return RecordResponses::created(records.create(r.user(), *spec, r.param(id), r.json));
        });
    }
}

} // namespace Lectern::Server
