#include "searchservice.h"

#include "search/searchtext.h"
#include "services/courseaccess.h"

#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
// `filter` as a subquery condition: rows whose course is one of the courses it selects.
QString courseIn(const RecordFilter &courses)
{
    return QStringLiteral("s.course_id IN (SELECT id FROM courses WHERE deleted = 0 AND (")
        + courses.where + QStringLiteral("))");
}
} // namespace

QStringList SearchService::parameters()
{
    return {QStringLiteral("q"), QStringLiteral("type"), QStringLiteral("courseId")};
}

QStringList SearchService::types()
{
    QStringList types;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        if (SearchIndex::indexes(spec))
            types.append(spec.name);
    }
    return types;
}

Result<Page<SearchHit>> SearchService::search(const Caller &caller, const ListQuery &query)
{
    ValidationErrors errors;
    const QString q = query.filter(QStringLiteral("q")).trimmed();
    if (q.isEmpty())
        errors.add(QStringLiteral("q"), tr("is required"));
    else if (q.size() > maxQueryLength)
        errors.add(QStringLiteral("q"),
                   tr("must be at most %n characters", nullptr, maxQueryLength));
    const QString type = query.filter(QStringLiteral("type"));
    if (query.filters.contains(QStringLiteral("type")) && !types().contains(type))
        errors.add(QStringLiteral("type"), tr("must be one of %1").arg(types().join(u", ")));
    const QString courseId = query.filter(QStringLiteral("courseId")).toLower();
    if (query.filters.contains(QStringLiteral("courseId")) && !isUuidString(courseId))
        errors.add(QStringLiteral("courseId"), tr("must be a UUID"));
    if (!errors.isEmpty())
        return errors.toError();

    // What the caller may see, as SQL over search_entries `s`: the courses CourseAccess shows
    // them; within those, everything where they see drafts, and elsewhere (students) only
    // released modules and the published items of released modules.
    const RecordFilter visible = CourseAccess::visibleCourses(caller);
    const RecordFilter drafts = CourseAccess::draftCourses(caller);
    RecordFilter filter;
    filter.add(QStringLiteral("s.org_id = :org"));
    filter.add(courseIn(visible));
    filter.add(QStringLiteral("(s.entity = 'course' OR ") + courseIn(drafts)
               + QStringLiteral(" OR (EXISTS (SELECT 1 FROM modules m WHERE m.id = s.module_id"
                                " AND m.deleted = 0 AND ")
               + CourseAccess::releasedCondition(QStringLiteral("m"), true)
               + QStringLiteral(") AND (s.entity = 'module' OR EXISTS (SELECT 1 FROM contents i"
                                " WHERE i.id = s.entity_id AND i.deleted = 0 AND ")
               + CourseAccess::releasedCondition(QStringLiteral("i"), true)
               + QStringLiteral("))))"));
    filter.binds = visible.binds + drafts.binds;
    filter.bind(QStringLiteral(":org"), caller.orgId);
    filter.bind(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
    if (!type.isEmpty())
        filter.add(QStringLiteral("s.entity = :type")).bind(QStringLiteral(":type"), type);
    if (!courseId.isEmpty())
        filter.add(QStringLiteral("s.course_id = :course"))
            .bind(QStringLiteral(":course"), courseId);

    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    return SearchIndex::search(tx, SearchText::queryWords(q), filter, query.page, query.limit);
}

} // namespace Lectern::Server
