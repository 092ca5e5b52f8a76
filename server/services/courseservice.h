#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"
#include "services/recordservice.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Courses as the REST API shows them: the list, a course with its outline, publishing and
// archiving, duplication. Creating, changing and deleting a course go through RecordService and
// the course's rules (rules/courserules.h), as its modules and items do; what is particular to
// the REST door stays here (a new course is a draft; its status changes through publish and
// archive).
class CourseService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::CourseService)

public:
    explicit CourseService(ServiceContext &context)
        : m_context(context)
        , m_records(context)
    { }

    // Filters: status, term, q, instructor (a user id). Sorts: title, code, term, startDate,
    // createdAt.
    Result<Page<Record>> listCourses(const Caller &caller, const ListQuery &query);
    static QStringList courseSortFields();
    static QStringList courseFilters();
    // The course with its outline: modules, each with its items (lesson bodies left out).
    Result<QJsonObject> getCourse(const Caller &caller, const QString &id);
    // Answers (course, created); the creator becomes an instructor of the course.
    Result<std::pair<Record, bool>> createCourse(const Caller &caller, const QJsonObject &body);
    Result<Record> updateCourse(const Caller &caller, const QString &id, const QJsonObject &body);
    Result<void> deleteCourse(const Caller &caller, const QString &id);
    Result<Record> setStatus(const Caller &caller, const QString &id, const QString &status);
    Result<QJsonObject> duplicateCourse(const Caller &caller, const QString &id,
                                        const QJsonObject &body);

    // Modules and items are the registry's records: RecordService is their REST door.

private:
    ServiceContext &m_context;
    RecordService m_records;
};

} // namespace Lectern::Server
