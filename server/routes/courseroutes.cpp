#include "app/servercontext.h"
#include "routes.h"
#include "routes/recordresponses.h"
#include "services/courseaccess.h"
#include "services/courseservice.h"

namespace Lectern::Server {

namespace {
// The response cache's key for a course read: the request, and whose view it is. Administrators
// see their whole organisation alike; everyone else sees what their own enrolments let them.
QByteArray cacheKey(const ApiRequest &r)
{
    const Caller &caller = r.user();
    const QByteArray view = caller.isAdmin() ? QByteArray("|admin:") + caller.orgId.toUtf8()
                                             : QByteArray("|user:") + caller.userId.toUtf8();
    return ResponseCache::requestKey(r) + view;
}

// A learner's outline also changes by itself, when material is released: it is good until the
// next publish or unlock time after `builtAt` (before the build began), and no longer.
ResponseCache::Built courseWithOutline(CourseService &courses, ServerContext &context,
                                       const ApiRequest &r, const QString &id)
{
    const QDateTime builtAt = QDateTime::currentDateTimeUtc();
    const Result<QJsonObject> course = courses.getCourse(r.user(), id);
    ResponseCache::Built built {respond(course, RecordResponses::asJson)};
    if (course && course->value(u"access").toString() == u"learner") {
        auto next
            = CourseAccess::nextRelease(context.db(), course->value(u"id").toString(), builtAt);
        if (!next)
            built.expiresAtMs = 0; // not known: not kept
        else if (next->isValid())
            built.expiresAtMs = next->toMSecsSinceEpoch();
    }
    return built;
}
} // namespace

void addCourseRoutes(Router &router, CourseService &courses, ServerContext &context)
{
    const QString id = QStringLiteral("id");
    ResponseCache &cache = context.responses();

    router.add(
        "GET", QStringLiteral("/api/v1/courses"), Access::User, Run::Read,
        [&courses, &cache](ApiRequest &r) {
            auto query = ListQuery::parse(r.query, CourseService::courseSortFields(),
                                          QStringLiteral("title"), CourseService::courseFilters());
            if (!query)
                return ApiResponse::error(query.error());
            return cache.serve(r, cacheKey(r), [&] {
                return ResponseCache::Built {
                    RecordResponses::page(courses.listCourses(r.user(), *query))};
            });
        },
        [&cache](ApiRequest &r) { return cache.find(r, cacheKey(r)); });
    router.add("POST", QStringLiteral("/api/v1/courses"), Access::User, Run::Inline,
               [&courses](ApiRequest &r) {
                   return RecordResponses::created(courses.createCourse(r.user(), r.json));
               });
    router.add(
        "GET", QStringLiteral("/api/v1/courses/:id"), Access::User, Run::Read,
        [&courses, &context, &cache, id](ApiRequest &r) {
            return cache.serve(r, cacheKey(r),
                               [&] { return courseWithOutline(courses, context, r, r.param(id)); });
        },
        [&cache](ApiRequest &r) { return cache.find(r, cacheKey(r)); });
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
}

} // namespace Lectern::Server
