#include "routes.h"
#include "routes/recordresponses.h"
#include "services/cohortservice.h"
#include "services/enrollmentservice.h"

namespace Lectern::Server {

namespace {
// One record for {userId}, an array for {userIds} and {cohortId}; 201 when a record was made.
ApiResponse enrolledResponse(const Result<EnrollmentService::Enrolled> &result)
{
    if (!result)
        return ApiResponse::error(result.error());
    QJsonValue data;
    if (result->single && !result->enrollments.isEmpty()) {
        data = result->enrollments.first();
    } else {
        QJsonArray items;
        for (const Record &record : result->enrollments)
            items.append(record);
        data = items;
    }
    return ApiResponse::ok(data, result->created ? 201 : 200, result->message);
}

} // namespace

void addEnrollmentRoutes(Router &router, EnrollmentService &enrollments, CohortService &cohorts)
{
    const QString id = QStringLiteral("id");

    router.add(
        "GET", QStringLiteral("/api/v1/courses/:id/students"), Access::User, Run::Inline,
        [&enrollments, id](ApiRequest &r) {
            auto query
                = ListQuery::parse(r.query, EnrollmentService::classListSorts(),
                                   QStringLiteral("name"), EnrollmentService::classListFilters());
            if (!query)
                return ApiResponse::error(query.error());
            return RecordResponses::page(enrollments.classList(r.user(), r.param(id), *query));
        });
    router.add("POST", QStringLiteral("/api/v1/courses/:id/enroll"), Access::User, Run::Inline,
               [&enrollments, id](ApiRequest &r) {
                   return enrolledResponse(enrollments.enroll(r.user(), r.param(id), r.json));
               });
    router.add("POST", QStringLiteral("/api/v1/courses/:id/unenroll"), Access::User, Run::Inline,
               [&enrollments, id](ApiRequest &r) {
                   return enrolledResponse(enrollments.unenroll(r.user(), r.param(id), r.json));
               });

    router.add("GET", QStringLiteral("/api/v1/enrollments"), Access::User, Run::Inline,
               [&enrollments](ApiRequest &r) {
                   auto query = ListQuery::parse(r.query, EnrollmentService::listSorts(),
                                                 QStringLiteral("createdAt"),
                                                 EnrollmentService::listFilters());
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(enrollments.list(r.user(), *query));
               });
    router.add("POST", QStringLiteral("/api/v1/enrollments"), Access::User, Run::Inline,
               [&enrollments](ApiRequest &r) {
                   return enrolledResponse(enrollments.create(r.user(), r.json));
               });
    router.add("GET", QStringLiteral("/api/v1/enrollments/:id"), Access::User, Run::Inline,
               [&enrollments, id](ApiRequest &r) {
                   return respond(enrollments.get(r.user(), r.param(id)), RecordResponses::asJson);
               });
    router.add("PUT", QStringLiteral("/api/v1/enrollments/:id"), Access::User, Run::Inline,
               [&enrollments, id](ApiRequest &r) {
                   return respond(enrollments.update(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
    router.add("DELETE", QStringLiteral("/api/v1/enrollments/:id"), Access::User, Run::Inline,
               [&enrollments, id](ApiRequest &r) {
                   return RecordResponses::deleted(enrollments.remove(r.user(), r.param(id)));
               });

    router.add("GET", QStringLiteral("/api/v1/cohorts"), Access::User, Run::Inline,
               [&cohorts](ApiRequest &r) {
                   auto query = ListQuery::parse(r.query, CohortService::sortFields(),
                                                 QStringLiteral("name"), {QStringLiteral("q")});
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(cohorts.list(r.user(), *query));
               });
    router.add("POST", QStringLiteral("/api/v1/cohorts"), Access::User, Run::Inline,
               [&cohorts](ApiRequest &r) {
                   auto result = cohorts.create(r.user(), r.json);
                   if (!result)
                       return ApiResponse::error(result.error());
                   return ApiResponse::ok(result->first, result->second ? 201 : 200);
               });
    router.add("GET", QStringLiteral("/api/v1/cohorts/:id"), Access::User, Run::Inline,
               [&cohorts, id](ApiRequest &r) {
                   return respond(cohorts.get(r.user(), r.param(id)), RecordResponses::asJson);
               });
    router.add("PUT", QStringLiteral("/api/v1/cohorts/:id"), Access::User, Run::Inline,
               [&cohorts, id](ApiRequest &r) {
                   return respond(cohorts.update(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
    router.add("DELETE", QStringLiteral("/api/v1/cohorts/:id"), Access::User, Run::Inline,
               [&cohorts, id](ApiRequest &r) {
                   return RecordResponses::deleted(cohorts.remove(r.user(), r.param(id)));
               });
    router.add("GET", QStringLiteral("/api/v1/cohorts/:id/members"), Access::User, Run::Inline,
               [&cohorts, id](ApiRequest &r) {
                   auto query = ListQuery::parse(r.query, CohortService::sortFields(),
                                                 QStringLiteral("name"), {QStringLiteral("q")});
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(cohorts.members(r.user(), r.param(id), *query));
               });
    router.add("POST", QStringLiteral("/api/v1/cohorts/:id/members"), Access::User, Run::Inline,
               [&cohorts, id](ApiRequest &r) {
                   return respond(cohorts.changeMembers(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
}

} // namespace Lectern::Server
