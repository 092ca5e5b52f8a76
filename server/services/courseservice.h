#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Courses and their structure: modules (ordered in a course) and content items (ordered in a
// module). Who may see and change what is CourseAccess; every write goes through RecordStore, so
// it bumps revisions and feeds the change sequence.
class CourseService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::CourseService)

public:
    explicit CourseService(ServiceContext &context)
        : m_context(context)
    {}

    // Filters: status, term, q, instructor (a user id). Sorts: title, code, term, startDate, createdAt.
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
    Result<QJsonObject> duplicateCourse(const Caller &caller, const QString &id, const QJsonObject &body);

    Result<Page<Record>> listModules(const Caller &caller, const QString &courseId, const ListQuery &query);
    Result<std::pair<Record, bool>> createModule(const Caller &caller, const QString &courseId,
                                                 const QJsonObject &body);
    Result<Record> getModule(const Caller &caller, const QString &id);
    Result<Record> updateModule(const Caller &caller, const QString &id, const QJsonObject &body);
    Result<void> deleteModule(const Caller &caller, const QString &id);

    Result<Page<Record>> listContents(const Caller &caller, const QString &moduleId, const ListQuery &query);
    Result<std::pair<Record, bool>> createContent(const Caller &caller, const QString &moduleId,
                                                  const QJsonObject &body);
    Result<Record> getContent(const Caller &caller, const QString &id);
    Result<Record> updateContent(const Caller &caller, const QString &id, const QJsonObject &body);
    Result<void> deleteContent(const Caller &caller, const QString &id);

    static QStringList childSortFields();

    // Shared with sync (SyncService), inside the caller's transaction:
    // the order key for a record placed at `position` ("first", "last" or absent, {"after": id},
    // {"before": id}) among the live records of `spec` whose `parentColumn` is `parentId`.
    static Result<QString> orderKeyFor(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                       const QString &parentColumn, const QString &parentId,
                                       const QJsonValue &position, const QString &movingId = {});
    // Makes the creator of a new course one of its instructors.
    static Result<void> enrolCreator(Transaction &tx, HlcClock &clock, const Caller &caller,
                                     const QString &courseId);
    // Tombstones a course, module or item with everything under it, as DELETE does.
    static Result<void> tombstoneTree(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                      const Record &record);

private:
    ServiceContext &m_context;
};

} // namespace Lectern::Server
