#include "cohortservice.h"

#include "services/enrollmentservice.h"
#include "services/recordservice.h"

#include <QJsonArray>
#include <QSet>
#include <lectern/jsonutil.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
Error notFound()
{
    return fail(ErrorCode::NotFound, CohortService::tr("There is no such cohort."));
}

Error adminsOnly()
{
    return fail(ErrorCode::Forbidden, CohortService::tr("Only administrators can change cohorts."));
}

RecordFilter ofCohort(const QString &cohortId)
{
    RecordFilter filter;
    filter.add(QStringLiteral("cohort_id = :cohort")).bind(QStringLiteral(":cohort"), cohortId);
    return filter;
}

Result<qint64> memberCount(Transaction &tx, const QString &cohortId)
{
    return RecordStore::count(tx, Entities::cohortMember(), ofCohort(cohortId));
}

QString orderBy(const ListQuery &query, const QString &nameColumn)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    const QString column = query.sortField == u"name" ? nameColumn : QStringLiteral("created_at");
    return column + direction + QStringLiteral(", id") + direction;
}

Page<Record> pageOf(const ListQuery &query, qint64 total, QList<Record> items)
{
    Page<Record> page;
    page.page = query.page;
    page.limit = query.limit;
    page.total = total;
    page.items = std::move(items);
    return page;
}

} // namespace

QStringList CohortService::sortFields()
{
    return {QStringLiteral("name"), QStringLiteral("createdAt")};
}

Result<Record> CohortService::readable(Transaction &tx, const Caller &caller, const QString &id)
{
    if (!caller.isStaff() || !isUuidString(id))
        return notFound();
    auto cohort = RecordStore::get(tx, Entities::cohort(), id.toLower());
    if (!cohort)
        return cohort.error();
    if (!*cohort || (*cohort)->value(u"orgId").toString() != caller.orgId)
        return notFound();
    return **cohort;
}

Result<Page<Record>> CohortService::list(const Caller &caller, const ListQuery &query)
{
    if (!caller.isStaff())
        return fail(ErrorCode::Forbidden, tr("Only staff can see the cohorts."));
    RecordFilter filter;
    filter.add(QStringLiteral("org_id = :org")).bind(QStringLiteral(":org"), caller.orgId);
    RecordStore::addTextFilter(filter, query.filter(QStringLiteral("q")));
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto total = RecordStore::count(tx, Entities::cohort(), filter);
    if (!total)
        return total.error();
    auto rows
        = RecordStore::select(tx, Entities::cohort(), filter,
                              orderBy(query, QStringLiteral("name")), query.limit, query.offset());
    if (!rows)
        return rows.error();
    for (Record &cohort : *rows) {
        auto count = memberCount(tx, cohort.value(u"id").toString());
        if (!count)
            return count.error();
        cohort.insert(QStringLiteral("memberCount"), *count);
    }
    return pageOf(query, *total, *rows);
}

Result<Record> CohortService::get(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto cohort = readable(tx, caller, id);
    if (!cohort)
        return cohort.error();
    auto count = memberCount(tx, cohort->value(u"id").toString());
    if (!count)
        return count.error();
    auto links = RecordStore::select(tx, Entities::cohortCourse(),
                                     ofCohort(cohort->value(u"id").toString()),
                                     QStringLiteral("created_at, id"));
    if (!links)
        return links.error();
    QJsonArray courses;
    for (const Record &link : *links)
        courses.append(QJsonObject {{QStringLiteral("courseId"), link.value(u"courseId")},
                                    {QStringLiteral("role"), link.value(u"role")}});
    Record result = *cohort;
    result.insert(QStringLiteral("memberCount"), *count);
    result.insert(QStringLiteral("courses"), courses);
    return result;
}

Result<std::pair<Record, bool>> CohortService::create(const Caller &caller, const QJsonObject &body)
{
    if (!caller.isAdmin())
        return fail(ErrorCode::Forbidden, tr("Only administrators can create cohorts."));
    auto id = RecordService::requestedId(body);
    if (!id)
        return id.error();
    const ValidationErrors errors = Entities::cohort().validate(body, EntitySpec::Mode::Create);
    if (!errors.isEmpty())
        return errors.toError();
    const QJsonObject fields = Entities::cohort().normalize(body, EntitySpec::Mode::Create);
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    QString key = *id;
    if (!key.isEmpty()) {
        auto existing = RecordStore::get(tx, Entities::cohort(), key, true);
        if (!existing)
            return existing.error();
        if (*existing) {
            const Record &record = **existing;
            bool same = !record.value(u"deleted").toBool()
                && record.value(u"orgId").toString() == caller.orgId;
            for (auto it = fields.begin(); same && it != fields.end(); ++it)
                same = record.value(it.key()) == it.value();
            if (same)
                return std::pair<Record, bool>(record, false);
            return fail(ErrorCode::Conflict, tr("A different record already has this id."));
        }
    } else {
        key = createUuidV7String();
    }
    auto created
        = RecordStore::insert(tx, m_context.clock(), Entities::cohort(), caller.orgId, key, fields);
    if (!created)
        return created.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return std::pair<Record, bool>(*created, true);
}

Result<Record> CohortService::update(const Caller &caller, const QString &id,
                                     const QJsonObject &input)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto cohort = readable(tx, caller, id);
    if (!cohort)
        return cohort.error();
    if (!caller.isAdmin())
        return adminsOnly();
    QJsonObject body = input;
    for (const char16_t *key : {u"hlc", u"memberCount", u"courses"})
        body.remove(QString::fromUtf16(key));
    const ValidationErrors errors = Entities::cohort().validate(body, EntitySpec::Mode::Update);
    if (!errors.isEmpty())
        return errors.toError();
    auto updated
        = RecordStore::update(tx, m_context.clock(), Entities::cohort(), *cohort,
                              Entities::cohort().normalize(body, EntitySpec::Mode::Update));
    if (!updated)
        return updated.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<void> CohortService::remove(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = EnrollmentService::lockWriters(tx); !r)
        return r;
    auto cohort = readable(tx, caller, id);
    if (!cohort)
        return cohort.error();
    if (!caller.isAdmin())
        return adminsOnly();
    const QString key = cohort->value(u"id").toString();
    RecordFilter given;
    given.add(QStringLiteral("cohort_id = :cohort")).bind(QStringLiteral(":cohort"), key);
    auto enrollments = RecordStore::select(tx, Entities::enrollment(), given, QStringLiteral("id"));
    if (!enrollments)
        return enrollments.error();
    for (const Record &e : *enrollments) {
        if (auto r = RecordStore::update(tx, m_context.clock(), Entities::enrollment(), e,
                                         {{QStringLiteral("cohortId"), QJsonValue()}});
            !r)
            return r.error();
    }
    for (const EntitySpec *spec : {&Entities::cohortMember(), &Entities::cohortCourse()}) {
        auto rows = RecordStore::select(tx, *spec, ofCohort(key), QStringLiteral("id"));
        if (!rows)
            return rows.error();
        for (const Record &row : *rows) {
            if (auto r = RecordStore::tombstone(tx, m_context.clock(), *spec, row); !r)
                return r.error();
        }
    }
    if (auto r = RecordStore::tombstone(tx, m_context.clock(), Entities::cohort(), *cohort); !r)
        return r.error();
    return tx.commit();
}

Result<Page<Record>> CohortService::members(const Caller &caller, const QString &id,
                                            const ListQuery &query)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto cohort = readable(tx, caller, id);
    if (!cohort)
        return cohort.error();
    RecordFilter filter = ofCohort(cohort->value(u"id").toString());
    if (const QString q = query.filter(QStringLiteral("q")); !q.trimmed().isEmpty()) {
        filter.add(QStringLiteral("EXISTS (SELECT 1 FROM users u WHERE u.id = "
                                  "cohort_members.user_id AND u.search_text LIKE :q ESCAPE '\\')"));
        filter.bind(QStringLiteral(":q"), likePattern(q.trimmed()));
    }
    auto total = RecordStore::count(tx, Entities::cohortMember(), filter);
    if (!total)
        return total.error();
    auto rows = RecordStore::select(
        tx, Entities::cohortMember(), filter,
        orderBy(query,
                QStringLiteral("(SELECT u.name FROM users u WHERE u.id = cohort_members.user_id)")),
        query.limit, query.offset());
    if (!rows)
        return rows.error();
    if (auto r = EnrollmentService::attachPeople(tx, *rows); !r)
        return r.error();
    return pageOf(query, *total, *rows);
}

Result<QJsonObject> CohortService::changeMembers(const Caller &caller, const QString &id,
                                                 const QJsonObject &body)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    fields.rejectUnknown({QStringLiteral("userIds"), QStringLiteral("remove")});
    QStringList add = fields.stringList(QStringLiteral("userIds")).value_or(QStringList());
    QStringList remove = fields.stringList(QStringLiteral("remove")).value_or(QStringList());
    if (!errors.isEmpty())
        return errors.toError();
    if (add.isEmpty() && remove.isEmpty())
        errors.add(QStringLiteral("userIds"),
                   tr("name the people to add (userIds) or to remove (remove)"));
    if (add.size() + remove.size() > 1000)
        errors.add(QStringLiteral("userIds"), tr("at most 1000 people at once"));
    for (qsizetype i = 0; i < remove.size(); ++i) {
        if (!isUuidString(remove[i]))
            errors.add(QStringLiteral("remove[%1]").arg(i), tr("must be a UUID"));
        else if (add.contains(remove[i], Qt::CaseInsensitive))
            errors.add(QStringLiteral("remove[%1]").arg(i), tr("is also in userIds"));
    }
    if (!errors.isEmpty())
        return errors.toError();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = EnrollmentService::lockWriters(tx); !r)
        return r.error();
    auto cohort = readable(tx, caller, id);
    if (!cohort)
        return cohort.error();
    if (!caller.isAdmin())
        return adminsOnly();
    auto bad
        = EnrollmentService::checkPeople(tx, caller.orgId, add, QStringLiteral("userIds"), true);
    if (!bad)
        return bad.error();
    if (!bad->isEmpty())
        return bad->toError();
    const QString key = cohort->value(u"id").toString();

    // The live courses this cohort is enrolled in, with the role it gives.
    auto links = RecordStore::select(tx, Entities::cohortCourse(), ofCohort(key),
                                     QStringLiteral("created_at, id"));
    if (!links)
        return links.error();
    QList<std::pair<Record, QString>> courses;
    for (const Record &link : *links) {
        auto course = RecordStore::get(tx, Entities::course(), link.value(u"courseId").toString());
        if (!course)
            return course.error();
        if (*course)
            courses.append({**course, link.value(u"role").toString()});
    }

    QJsonArray added;
    QJsonArray removed;
    QJsonArray unchanged;
    QJsonArray enrollments;
    QSet<QString> seen;
    for (const QString &raw : add) {
        const QString userId = raw.toLower();
        if (seen.contains(userId))
            continue;
        seen.insert(userId);
        RecordFilter member = ofCohort(key);
        member.add(QStringLiteral("user_id = :user")).bind(QStringLiteral(":user"), userId);
        auto existing = RecordStore::count(tx, Entities::cohortMember(), member);
        if (!existing)
            return existing.error();
        if (*existing > 0) {
            unchanged.append(userId);
            continue;
        }
        auto made = RecordStore::insert(
            tx, m_context.clock(), Entities::cohortMember(), caller.orgId, createUuidV7String(),
            {{QStringLiteral("cohortId"), key}, {QStringLiteral("userId"), userId}});
        if (!made)
            return made.error();
        added.append(userId);
        // Joining later enrolls them wherever the cohort is enrolled, window or not: the cohort's
        // enrollment was the decision. Seats still count, so a full course waitlists them.
        for (const auto &[course, role] : courses) {
            EnrollmentService::Request request;
            request.userId = userId;
            request.role = role;
            request.cohortId = key;
            request.enforceWindow = false;
            auto outcome = EnrollmentService::enrollIn(tx, m_context.clock(), course, request);
            if (!outcome)
                return outcome.error();
            enrollments.append(outcome->enrollment);
        }
    }
    for (const QString &raw : remove) {
        const QString userId = raw.toLower();
        if (seen.contains(userId))
            continue;
        seen.insert(userId);
        RecordFilter member = ofCohort(key);
        member.add(QStringLiteral("user_id = :user")).bind(QStringLiteral(":user"), userId);
        auto rows = RecordStore::select(tx, Entities::cohortMember(), member, QString());
        if (!rows)
            return rows.error();
        if (rows->isEmpty()) {
            unchanged.append(userId);
            continue;
        }
        for (const Record &row : *rows) {
            if (auto r
                = RecordStore::tombstone(tx, m_context.clock(), Entities::cohortMember(), row);
                !r)
                return r.error();
        }
        removed.append(userId);
        for (const auto &[course, role] : courses) {
            auto changed = EnrollmentService::dropFromCohort(
                tx, m_context.clock(), course.value(u"id").toString(), key, userId);
            if (!changed)
                return changed.error();
            for (const Record &e : *changed)
                enrollments.append(e);
        }
    }
    if (!removed.isEmpty()) {
        for (const auto &[course, role] : courses) {
            auto promoted = EnrollmentService::promoteWaitlist(tx, m_context.clock(),
                                                               course.value(u"id").toString());
            if (!promoted)
                return promoted.error();
            for (const Record &e : *promoted)
                enrollments.append(e);
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return QJsonObject {{QStringLiteral("added"), added},
                        {QStringLiteral("removed"), removed},
                        {QStringLiteral("unchanged"), unchanged},
                        {QStringLiteral("enrollments"), enrollments}};
}

} // namespace Lectern::Server
