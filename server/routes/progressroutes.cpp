#include "routes.h"
#include "routes/recordresponses.h"
#include "services/progressservice.h"

namespace Lectern::Server {

void addProgressRoutes(Router &router, ProgressService &progress)
{
    const QString id = QStringLiteral("id");

    router.add("GET", QStringLiteral("/api/v1/contents/:id/progress"), Access::User, Run::Inline,
               [&progress, id](ApiRequest &r) {
                   return respond(progress.itemProgress(r.user(), r.param(id)),
                                  RecordResponses::asJson);
               });
    router.add("POST", QStringLiteral("/api/v1/contents/:id/progress"), Access::User, Run::Inline,
               [&progress, id](ApiRequest &r) {
                   return RecordResponses::created(progress.append(r.user(), r.param(id), r.json));
               });
    // Summing a whole course's events for its staff may take a while: off the server's thread.
    router.add("GET", QStringLiteral("/api/v1/courses/:id/progress"), Access::User, Run::Worker,
               [&progress, id](ApiRequest &r) {
                   return respond(progress.courseProgress(r.user(), r.param(id)),
                                  RecordResponses::asJson);
               });
}

} // namespace Lectern::Server
