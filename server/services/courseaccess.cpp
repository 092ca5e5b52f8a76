#include "courseaccess.h"

#include <lectern/jsonutil.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

Result<CourseAccess> CourseAccess::of(Transaction &tx, const Caller &caller,
                                      const QString &courseId)
{
    CourseAccess access;
    if (!isUuidString(courseId))
        return access;
    auto course = RecordStore::get(tx, Entities::course(), courseId.toLower());
    if (!course)
        return course.error();
    if (!*course || (*course)->value(u"orgId").toString() != caller.orgId)
        return access;
    if (caller.isAdmin())
        return from(caller, **course, QString(), QString(), QString());
    auto q = tx.query(QStringLiteral(
        "SELECT role, status, type FROM enrollments WHERE course_id = :course AND user_id = :user"
        " AND deleted = 0"));
    q.bind(QStringLiteral(":course"), (*course)->value(u"id").toString())
        .bind(QStringLiteral(":user"), caller.userId);
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return from(caller, **course, QString(), QString(), QString());
    return from(caller, **course, q.text(0), q.text(1), q.text(2));
}

CourseAccess CourseAccess::from(const Caller &caller, const Record &course, const QString &role,
                                const QString &status, const QString &type)
{
    CourseAccess access;
    access.course = course;
    if (caller.isAdmin()) {
        access.level = Level::Owner;
        return access;
    }
    if (role.isEmpty() || status == u"dropped" || type == u"waitlist")
        return access;
    if (role == u"instructor")
        access.level = Level::Owner;
    else if (role == u"ta")
        access.level = Level::Editor;
    else if (access.course.value(u"status").toString() == u"published")
        access.level = Level::Learner;
    return access;
}

RecordFilter CourseAccess::visibleCourses(const Caller &caller)
{
    RecordFilter filter;
    filter.add(QStringLiteral("org_id = :org")).bind(QStringLiteral(":org"), caller.orgId);
    if (caller.isAdmin())
        return filter;
    // Uncorrelated IN lists: the caller's few enrollments are read once, instead of probing the
    // enrollments of every course in the organisation.
    // Membership first (an AND the planner can drive from the enrollment index), then the
    // published-or-staff test on those few courses.
    filter.add(QStringLiteral(
        "courses.id IN (SELECT e.course_id FROM enrollments e WHERE e.user_id = :me"
        " AND e.deleted = 0 AND e.status <> 'dropped' AND e.type <> 'waitlist')"
        " AND (courses.status = 'published' OR courses.id IN (SELECT e.course_id FROM"
        " enrollments e WHERE e.user_id = :me AND e.deleted = 0 AND e.role IN ('instructor', "
        "'ta')))"));
    filter.bind(QStringLiteral(":me"), caller.userId);
    return filter;
}

RecordFilter CourseAccess::draftCourses(const Caller &caller)
{
    RecordFilter filter;
    filter.add(QStringLiteral("org_id = :org")).bind(QStringLiteral(":org"), caller.orgId);
    if (caller.isAdmin())
        return filter;
    filter.add(QStringLiteral(
        "EXISTS (SELECT 1 FROM enrollments e WHERE e.course_id = courses.id AND e.user_id = :me"
        " AND e.deleted = 0 AND e.status <> 'dropped' AND e.type <> 'waitlist'"
        " AND e.role IN ('instructor', 'ta'))"));
    filter.bind(QStringLiteral(":me"), caller.userId);
    return filter;
}

QString CourseAccess::releasedCondition(const QString &alias, bool hasDates)
{
    QString sql = alias + QStringLiteral(".published = 1");
    if (hasDates) {
        for (const char *column : {"publish_at", "unlock_at"}) {
            const QString c = alias + u'.' + QLatin1StringView(column);
            sql += QStringLiteral(" AND (%1 IS NULL OR %1 <= :now)").arg(c);
        }
    }
    return sql;
}

CourseAccess::Release CourseAccess::releaseOf(const Record &record, const QDateTime &now)
{
    if (!record.value(u"published").toBool())
        return Release::Hidden;
    const QDateTime publishAt = Json::toDateTime(record.value(u"publishAt"));
    if (publishAt.isValid() && publishAt > now)
        return Release::Hidden;
    const QDateTime unlockAt = Json::toDateTime(record.value(u"unlockAt"));
    return unlockAt.isValid() && unlockAt > now ? Release::Locked : Release::Open;
}

Result<QDateTime> CourseAccess::nextRelease(Database &db, const QString &courseId,
                                            const QDateTime &now)
{
    Transaction tx(db, Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    // Unpublished and deleted rows count too: a boundary too many only ends a cached view early.
    auto q = tx.query(QStringLiteral(
        "SELECT MIN(at) FROM ("
        " SELECT publish_at AS at FROM modules WHERE course_id = :course AND publish_at > :now"
        " UNION ALL SELECT unlock_at FROM modules WHERE course_id = :course AND unlock_at > :now"
        " UNION ALL SELECT publish_at FROM contents WHERE course_id = :course AND publish_at > :now"
        " UNION ALL SELECT unlock_at FROM contents WHERE course_id = :course AND unlock_at > :now"
        ") AS ahead"));
    q.bind(QStringLiteral(":course"), courseId).bind(QStringLiteral(":now"), timeValue(now));
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next() || q.value(0).isNull())
        return QDateTime();
    const qint64 at = q.int64(0);
    return QDateTime::fromMSecsSinceEpoch(at - at % 1000, Qt::UTC);
}

} // namespace Lectern::Server
