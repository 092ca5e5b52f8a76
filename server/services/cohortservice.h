#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"
#include "storage/recordstore.h"

#include <QCoreApplication>

namespace Lectern::Server {

// Named groups of people in an organisation. Enrolling a cohort in a course enrolls its members
// (EnrollmentService); people who join later are enrolled in the same transaction, and people who
// leave lose the enrollments the cohort gave them. Admins manage cohorts; other staff read them.
class CohortService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::CohortService)

public:
    explicit CohortService(ServiceContext &context)
        : m_context(context)
    { }

    // Filters: q (name). Sorts: name, createdAt. Each cohort carries memberCount.
    Result<Page<Record>> list(const Caller &caller, const ListQuery &query);
    static QStringList sortFields();
    // The cohort with memberCount and its courses ([{courseId, role}]).
    Result<Record> get(const Caller &caller, const QString &id);
    Result<std::pair<Record, bool>> create(const Caller &caller, const QJsonObject &body);
    Result<Record> update(const Caller &caller, const QString &id, const QJsonObject &body);
    // Tombstones the cohort, its memberships and its course links. Enrollments it gave stay, now
    // direct ones: deleting a group is not a way to empty a course.
    Result<void> remove(const Caller &caller, const QString &id);

    // Members with their name and email. Filters: q. Sorts: name, createdAt.
    Result<Page<Record>> members(const Caller &caller, const QString &id, const ListQuery &query);
    // {"userIds": [...]} adds, {"remove": [...]} removes (both may come at once). Answers
    // {added, removed, unchanged, enrollments} where enrollments are the enrollments it changed.
    Result<QJsonObject> changeMembers(const Caller &caller, const QString &id,
                                      const QJsonObject &body);

private:
    Result<Record> readable(Transaction &tx, const Caller &caller, const QString &id);

    ServiceContext &m_context;
};

} // namespace Lectern::Server
