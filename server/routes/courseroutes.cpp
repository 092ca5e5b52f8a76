#include "routes.h"
#include "routes/recordresponses.h"
#include "services/courseservice.h"

namespace Lectern::Server {

void addCourseRoutes(Router &router, CourseService &courses)
{
    const QString id = QStringLiteral("id");

    router.add("GET", QStringLiteral("/api/v1/courses"), Access::User, Run::Inline,
               [&courses](ApiRequest &r) {
                   auto query
                       = ListQuery::parse(r.query, CourseService::courseSortFields(),
                                          QStringLiteral("title"), CourseService::courseFilters());
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(courses.listCourses(r.user(), *query));
               });
    router.add("POST", QStringLiteral("/api/v1/courses"), Access::User, Run::Inline,
               [&courses](ApiRequest &r) {
                   return RecordResponses::created(courses.createCourse(r.user(), r.json));
               });
    router.add("GET", QStringLiteral("/api/v1/courses/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.getCourse(r.user(), r.param(id)),
                                  RecordResponses::asJson);
               });
    router.add("PUT", QStringLiteral("/api/v1/courses/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.updateCourse(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
    router.add("DELETE", QStringLiteral("/api/v1/courses/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return RecordResponses::deleted(courses.deleteCourse(r.user(), r.param(id)));
               });
    router.add("POST", QStringLiteral("/api/v1/courses/:id/publish"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(
                       courses.setStatus(r.user(), r.param(id), QStringLiteral("published")),
                       RecordResponses::asJson);
               });
    router.add("POST", QStringLiteral("/api/v1/courses/:id/archive"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(
                       courses.setStatus(r.user(), r.param(id), QStringLiteral("archived")),
                       RecordResponses::asJson);
               });
    router.add("POST", QStringLiteral("/api/v1/courses/:id/duplicate"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.duplicateCourse(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson, 201);
               });

    const auto childQuery = [](const ApiRequest &r) {
        return ListQuery::parse(r.query, CourseService::childSortFields(),
                                QStringLiteral("orderKey"), {QStringLiteral("q")});
    };
    router.add("GET", QStringLiteral("/api/v1/courses/:id/modules"), Access::User, Run::Inline,
               [&courses, id, childQuery](ApiRequest &r) {
                   auto query = childQuery(r);
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(courses.listModules(r.user(), r.param(id), *query));
               });
    router.add("POST", QStringLiteral("/api/v1/courses/:id/modules"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return RecordResponses::created(
                       courses.createModule(r.user(), r.param(id), r.json));
               });
    router.add("GET", QStringLiteral("/api/v1/modules/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.getModule(r.user(), r.param(id)),
                                  RecordResponses::asJson);
               });
    router.add("PUT", QStringLiteral("/api/v1/modules/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.updateModule(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
    router.add("DELETE", QStringLiteral("/api/v1/modules/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return RecordResponses::deleted(courses.deleteModule(r.user(), r.param(id)));
               });
    router.add("GET", QStringLiteral("/api/v1/modules/:id/contents"), Access::User, Run::Inline,
               [&courses, id, childQuery](ApiRequest &r) {
                   auto query = childQuery(r);
                   if (!query)
                       return ApiResponse::error(query.error());
                   return RecordResponses::page(
                       courses.listContents(r.user(), r.param(id), *query));
               });
    router.add("POST", QStringLiteral("/api/v1/modules/:id/contents"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return RecordResponses::created(
                       courses.createContent(r.user(), r.param(id), r.json));
               });
    router.add("GET", QStringLiteral("/api/v1/contents/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.getContent(r.user(), r.param(id)),
                                  RecordResponses::asJson);
               });
    router.add("PUT", QStringLiteral("/api/v1/contents/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return respond(courses.updateContent(r.user(), r.param(id), r.json),
                                  RecordResponses::asJson);
               });
    router.add("DELETE", QStringLiteral("/api/v1/contents/:id"), Access::User, Run::Inline,
               [&courses, id](ApiRequest &r) {
                   return RecordResponses::deleted(courses.deleteContent(r.user(), r.param(id)));
               });
}

} // namespace Lectern::Server
