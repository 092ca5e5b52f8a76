#include "enrollmentservice.h"

#include "services/courseaccess.h"

#include <QJsonArray>
#include <QSet>
#include <lectern/jsonutil.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
const QString student = QStringLiteral("student");
const QString enrolled = QStringLiteral("enrolled");
const QString dropped = QStringLiteral("dropped");
const QString regular = QStringLiteral("regular");
const QString waitlist = QStringLiteral("waitlist");

// The SQL that says "this enrollment holds a seat": maxEnrollment counts these.
const QString seatCondition
    = QStringLiteral("role = 'student' AND status = 'enrolled' AND type IN ('regular', 'audit')");

Error notFound(const QString &what)
{
    return fail(ErrorCode::NotFound, EnrollmentService::tr("There is no such %1.").arg(what));
}

Error cannotManage()
{
    return fail(ErrorCode::Forbidden,
                EnrollmentService::tr("Only the course's instructors and administrators can "
                                      "manage its enrollments."));
}

bool holdsSeat(const std::optional<Record> &e)
{
    if (!e)
        return false;
    const QString type = e->value(u"type").toString();
    return e->value(u"role").toString() == student && e->value(u"status").toString() == enrolled
        && (type == regular || type == u"audit");
}

bool isWaiting(const Record &e)
{
    return !e.value(u"deleted").toBool() && e.value(u"role").toString() == student
        && e.value(u"status").toString() == enrolled && e.value(u"type").toString() == waitlist;
}

bool isEnrolledStudent(const std::optional<Record> &e)
{
    return e && e->value(u"role").toString() == student
        && e->value(u"status").toString() == enrolled;
}

// Keeps enrollments.waitlisted_at in step with `e` as just written: set (behind everyone waiting
// in the course) when it joins the waitlist, kept while it waits, cleared when it leaves.
Result<void> keepWaitlistPlace(Transaction &tx, const Record &e)
{
    const QString id = e.value(u"id").toString();
    if (!isWaiting(e)) {
        return tx
            .query(QStringLiteral("UPDATE enrollments SET waitlisted_at = NULL"
                                  " WHERE id = :id AND waitlisted_at IS NOT NULL"))
            .bind(QStringLiteral(":id"), id)
            .exec();
    }
    // Strictly after the last one waiting: two joining in one millisecond keep their order.
    auto last = tx.query(QStringLiteral("SELECT MAX(waitlisted_at) FROM enrollments"
                                        " WHERE course_id = :course AND deleted = 0"));
    last.bind(QStringLiteral(":course"), e.value(u"courseId").toString());
    if (auto r = last.exec(); !r)
        return r;
    const qint64 after = last.next() && !last.value(0).isNull() ? last.int64(0) + 1 : 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    return tx
        .query(QStringLiteral("UPDATE enrollments SET waitlisted_at = :at"
                              " WHERE id = :id AND waitlisted_at IS NULL"))
        .bind(QStringLiteral(":at"), std::max(now, after))
        .bind(QStringLiteral(":id"), id)
        .exec();
}

// Every enrollment write of this service goes through these two, so waitlisted_at follows.
Result<Record> insertEnrollment(Transaction &tx, HlcClock &clock, const QString &orgId,
                                const QString &id, const QJsonObject &fields)
{
    auto inserted = RecordStore::insert(tx, clock, Entities::enrollment(), orgId, id, fields);
    if (!inserted)
        return inserted;
    if (auto r = keepWaitlistPlace(tx, *inserted); !r)
        return r.error();
    return inserted;
}

Result<Record> updateEnrollment(Transaction &tx, HlcClock &clock, const Record &current,
                                const QJsonObject &changes)
{
    auto updated = RecordStore::update(tx, clock, Entities::enrollment(), current, changes);
    if (!updated)
        return updated;
    if (auto r = keepWaitlistPlace(tx, *updated); !r)
        return r.error();
    return updated;
}

Result<qint64> seatsTaken(Transaction &tx, const QString &courseId, const QString &excludeId)
{
    RecordFilter filter;
    filter.add(QStringLiteral("course_id = :course")).bind(QStringLiteral(":course"), courseId);
    filter.add(seatCondition);
    if (!excludeId.isEmpty())
        filter.add(QStringLiteral("id <> :self")).bind(QStringLiteral(":self"), excludeId);
    return RecordStore::count(tx, Entities::enrollment(), filter);
}

Result<bool> isFull(Transaction &tx, const Record &course, const QString &excludeId)
{
    const QJsonValue max = course.value(u"maxEnrollment");
    if (max.isNull() || max.isUndefined())
        return false;
    auto taken = seatsTaken(tx, course.value(u"id").toString(), excludeId);
    if (!taken)
        return taken.error();
    return *taken >= max.toInteger();
}

// Whether a student asking for the waitlist would be given a seat at once: a seat is free for them
// beyond those the students already waiting (other than `excludeId`) will take.
Result<bool> seatFreeFor(Transaction &tx, const Record &course, const QString &excludeId)
{
    const QJsonValue max = course.value(u"maxEnrollment");
    if (max.isNull() || max.isUndefined())
        return true;
    const QString courseId = course.value(u"id").toString();
    auto taken = seatsTaken(tx, courseId, excludeId);
    if (!taken)
        return taken.error();
    RecordFilter filter;
    filter
        .add(QStringLiteral("course_id = :course AND role = 'student' AND status = 'enrolled'"
                            " AND type = 'waitlist'"))
        .bind(QStringLiteral(":course"), courseId);
    if (!excludeId.isEmpty())
        filter.add(QStringLiteral("id <> :self")).bind(QStringLiteral(":self"), excludeId);
    auto waiting = RecordStore::count(tx, Entities::enrollment(), filter);
    if (!waiting)
        return waiting.error();
    return max.toInteger() - *taken > *waiting;
}

bool windowOpen(const Record &course, const QDateTime &now)
{
    if (course.value(u"status").toString() == u"archived")
        return false;
    const QDateTime opens = Json::toDateTime(course.value(u"enrollmentOpensAt"));
    const QDateTime closes = Json::toDateTime(course.value(u"enrollmentClosesAt"));
    return !(opens.isValid() && now < opens) && !(closes.isValid() && now > closes);
}

Error enrollmentClosed(const Record &course)
{
    QJsonObject details;
    for (const char16_t *field : {u"enrollmentOpensAt", u"enrollmentClosesAt"})
        details.insert(QString::fromUtf16(field), course.value(QStringView(field)));
    details.insert(QStringLiteral("status"), course.value(u"status"));
    return fail(ErrorCode::EnrollmentClosed,
                EnrollmentService::tr("Enrollment in this course is closed. Its instructors or an "
                                      "administrator can still enroll students with "
                                      "\"override\": true."),
                details);
}

Result<std::optional<Record>> liveEnrollment(Transaction &tx, const QString &courseId,
                                             const QString &userId)
{
    RecordFilter filter;
    filter.add(QStringLiteral("course_id = :course AND user_id = :user"))
        .bind(QStringLiteral(":course"), courseId)
        .bind(QStringLiteral(":user"), userId);
    auto rows = RecordStore::select(tx, Entities::enrollment(), filter, QString(), 1);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Record>();
    return std::optional<Record>(rows->first());
}

// "id1, id2" as named placeholders ":p0, :p1" bound on `q` (ids are checked UUIDs).
QString placeholders(const QString &prefix, qsizetype count)
{
    QStringList names;
    for (qsizetype i = 0; i < count; ++i)
        names.append(u':' + prefix + QString::number(i));
    return names.join(u", ");
}

void checkEnum(const QString &field, const std::optional<QString> &value, ValidationErrors &errors)
{
    const QStringList values = Entities::enrollment().field(field)->values;
    if (value && !values.contains(*value))
        errors.add(field, EnrollmentService::tr("must be one of %1").arg(values.join(u", ")));
}

QString orderBy(const ListQuery &query)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString column;
    if (query.sortField == u"name")
        column = QStringLiteral("(SELECT u.name FROM users u WHERE u.id = enrollments.user_id)");
    else
        column = RecordStore::column(Entities::enrollment(), query.sortField);
    return column + direction + QStringLiteral(", id") + direction;
}

// Filters common to the class list and the enrollment list; names each bad parameter.
ValidationErrors addFilters(RecordFilter &filter, const ListQuery &query, const QStringList &names)
{
    ValidationErrors errors;
    for (const QString &name : names) {
        const QString value = query.filter(name);
        if (value.isEmpty())
            continue;
        const FieldSpec *f = Entities::enrollment().field(name);
        if (f->type == FieldType::Enum && !f->values.contains(value)) {
            errors.add(name, EnrollmentService::tr("must be one of %1").arg(f->values.join(u", ")));
            continue;
        }
        if (f->type == FieldType::Id && !isUuidString(value)) {
            errors.add(name, EnrollmentService::tr("must be a UUID"));
            continue;
        }
        filter.add(f->column + QStringLiteral(" = :f_") + f->column);
        filter.bind(QStringLiteral(":f_") + f->column,
                    f->type == FieldType::Id ? value.toLower() : value);
    }
    return errors;
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

QString waitlistMessage(int waitlisted, bool single)
{
    if (waitlisted == 0)
        return QString();
    if (single)
        return EnrollmentService::tr("The course is full, so this enrollment is on the waitlist. "
                                     "It moves up when a seat frees.");
    return EnrollmentService::tr("The course is full: %n of these enrollments are on the waitlist.",
                                 nullptr, waitlisted);
}
} // namespace

QStringList EnrollmentService::classListSorts()
{
    return {QStringLiteral("name"), QStringLiteral("createdAt")};
}

QStringList EnrollmentService::classListFilters()
{
    return {QStringLiteral("role"), QStringLiteral("status"), QStringLiteral("type"),
            QStringLiteral("q")};
}

QStringList EnrollmentService::listSorts()
{
    return {QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
}

QStringList EnrollmentService::listFilters()
{
    return {QStringLiteral("courseId"), QStringLiteral("userId"), QStringLiteral("status"),
            QStringLiteral("role"), QStringLiteral("type")};
}

Result<void> EnrollmentService::lockWriters(Transaction &tx)
{
    if (tx.changeSequenceLocked)
        return {};
    if (const QString lock = tx.dialect().lockChangeSequence(); !lock.isEmpty()) {
        if (auto r = tx.query(lock).exec(); !r)
            return r;
    }
    tx.changeSequenceLocked = true;
    return {};
}

Result<ValidationErrors> EnrollmentService::checkPeople(Transaction &tx, const QString &orgId,
                                                        const QStringList &userIds,
                                                        const QString &field, bool indexed)
{
    ValidationErrors errors;
    const auto name = [&](qsizetype i) {
        return indexed ? field + u'[' + QString::number(i) + u']' : field;
    };
    QStringList valid;
    for (qsizetype i = 0; i < userIds.size(); ++i) {
        if (isUuidString(userIds[i]))
            valid.append(userIds[i].toLower());
        else
            errors.add(name(i), tr("must be a UUID"));
    }
    QSet<QString> found;
    if (!valid.isEmpty()) {
        auto q = tx.query(QStringLiteral("SELECT id FROM users WHERE org_id = :org AND deleted = 0"
                                         " AND id IN (")
                          + placeholders(QStringLiteral("u"), valid.size()) + u')');
        q.bind(QStringLiteral(":org"), orgId);
        for (qsizetype i = 0; i < valid.size(); ++i)
            q.bind(QStringLiteral(":u") + QString::number(i), valid[i]);
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next())
            found.insert(q.text(0));
    }
    // The same words whether the person is elsewhere or nowhere: other organisations stay unseen.
    for (qsizetype i = 0; i < userIds.size(); ++i) {
        if (isUuidString(userIds[i]) && !found.contains(userIds[i].toLower()))
            errors.add(name(i), tr("is not a person in this organisation"));
    }
    return errors;
}

Result<void> EnrollmentService::attachPeople(Transaction &tx, QList<Record> &records)
{
    QStringList ids;
    for (const Record &r : records) {
        const QString id = r.value(u"userId").toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    if (ids.isEmpty())
        return {};
    auto q = tx.query(QStringLiteral("SELECT id, name, email FROM users WHERE id IN (")
                      + placeholders(QStringLiteral("u"), ids.size()) + u')');
    for (qsizetype i = 0; i < ids.size(); ++i)
        q.bind(QStringLiteral(":u") + QString::number(i), ids[i]);
    if (auto r = q.exec(); !r)
        return r;
    QHash<QString, QJsonObject> people;
    while (q.next())
        people.insert(q.text(0),
                      {{QStringLiteral("id"), q.text(0)},
                       {QStringLiteral("name"), q.text(1)},
                       {QStringLiteral("email"), q.text(2)}});
    for (Record &r : records)
        r.insert(QStringLiteral("user"), people.value(r.value(u"userId").toString()));
    return {};
}

Result<EnrollmentService::Outcome> EnrollmentService::enrollIn(Transaction &tx, HlcClock &clock,
                                                               const Record &course,
                                                               const Request &request)
{
    const QString courseId = course.value(u"id").toString();
    const QString userId = request.userId.toLower();
    std::optional<Record> existing;
    if (!request.id.isEmpty()) {
        auto byId = RecordStore::get(tx, Entities::enrollment(), request.id.toLower(), true);
        if (!byId)
            return byId.error();
        if (*byId) {
            const Record &r = **byId;
            if (r.value(u"deleted").toBool() || r.value(u"courseId").toString() != courseId
                || r.value(u"userId").toString() != userId)
                return fail(ErrorCode::Conflict, tr("A different record already has this id."));
            existing = r;
        }
    }
    if (!existing) {
        auto live = liveEnrollment(tx, courseId, userId);
        if (!live)
            return live.error();
        existing = *live;
    }
    const bool wasEnrolled = existing && existing->value(u"status").toString() == enrolled;
    const Outcome unchanged {existing ? *existing : Record(), false,
                             existing && isWaiting(*existing)};
    // A cohort never takes over someone who already takes part (directly or through another);
    // only the role of what it gave follows the role the cohort is now enrolled with.
    if (wasEnrolled && !request.cohortId.isEmpty()) {
        const bool given = existing->value(u"cohortId").toString() == request.cohortId.toLower();
        if (!given || !request.role || existing->value(u"role").toString() == *request.role)
            return unchanged;
    }

    // Left out, the role stays what it was, also for someone dropped: a TA comes back a TA.
    const QString role
        = request.role.value_or(existing ? existing->value(u"role").toString() : student);
    QString type
        = request.type.value_or(wasEnrolled ? existing->value(u"type").toString() : regular);
    if (role != student)
        type = regular; // seats and the waitlist are for students
    if (role == student && !isEnrolledStudent(existing) && request.enforceWindow
        && !request.override && !windowOpen(course, QDateTime::currentDateTimeUtc()))
        return enrollmentClosed(course);
    const QString existingId = existing ? existing->value(u"id").toString() : QString();
    if (role == student && type == waitlist && !(existing && isWaiting(*existing))) {
        // One waits only for a seat there is not: with a seat free (or the limit overridden)
        // asking for the waitlist enrolls as regular, as if the seat had been given at once.
        bool free = request.override;
        if (!free) {
            auto seat = seatFreeFor(tx, course, existingId);
            if (!seat)
                return seat.error();
            free = *seat;
        }
        if (free)
            type = holdsSeat(existing) ? existing->value(u"type").toString() : regular;
    } else if (role == student && type != waitlist && !request.override && !holdsSeat(existing)) {
        auto full = isFull(tx, course, existingId);
        if (!full)
            return full.error();
        if (*full)
            type = waitlist;
    }

    QJsonObject fields {{QStringLiteral("role"), role},
                        {QStringLiteral("status"), enrolled},
                        {QStringLiteral("type"), type},
                        {QStringLiteral("cohortId"),
                         request.cohortId.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                    : QJsonValue(request.cohortId.toLower())}};
    Outcome outcome;
    outcome.waitlisted = role == student && type == waitlist;
    if (existing) {
        QJsonObject changes;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (existing->value(it.key()) != it.value())
                changes.insert(it.key(), it.value());
        }
        if (changes.isEmpty()) {
            outcome.enrollment = *existing;
            return outcome;
        }
        auto updated = updateEnrollment(tx, clock, *existing, changes);
        if (!updated)
            return updated.error();
        outcome.enrollment = *updated;
        return outcome;
    }
    fields.insert(QStringLiteral("courseId"), courseId);
    fields.insert(QStringLiteral("userId"), userId);
    const QString id = request.id.isEmpty() ? createUuidV7String() : request.id.toLower();
    auto inserted = insertEnrollment(tx, clock, course.value(u"orgId").toString(), id, fields);
    if (!inserted)
        return inserted.error();
    outcome.enrollment = *inserted;
    outcome.created = true;
    return outcome;
}

Result<QList<Record>> EnrollmentService::dropFromCohort(Transaction &tx, HlcClock &clock,
                                                        const QString &courseId,
                                                        const QString &cohortId,
                                                        const QString &userId)
{
    RecordFilter filter;
    filter
        .add(QStringLiteral("course_id = :course AND cohort_id = :cohort AND status = 'enrolled'"))
        .bind(QStringLiteral(":course"), courseId)
        .bind(QStringLiteral(":cohort"), cohortId);
    if (!userId.isEmpty())
        filter.add(QStringLiteral("user_id = :user")).bind(QStringLiteral(":user"), userId);
    auto rows
        = RecordStore::select(tx, Entities::enrollment(), filter, QStringLiteral("created_at, id"));
    if (!rows)
        return rows.error();
    QList<Record> changed;
    for (const Record &e : *rows) {
        // Still in another cohort that is enrolled in the course: the enrollment stays, now theirs.
        auto q = tx.query(
            QStringLiteral("SELECT cc.cohort_id FROM cohort_courses cc"
                           " JOIN cohort_members m ON m.cohort_id = cc.cohort_id AND m.deleted = 0"
                           " JOIN cohorts c ON c.id = cc.cohort_id AND c.deleted = 0"
                           " WHERE cc.course_id = :course AND cc.deleted = 0 AND m.user_id = :user"
                           " AND cc.cohort_id <> :cohort ORDER BY cc.created_at, cc.id"));
        q.bind(QStringLiteral(":course"), courseId)
            .bind(QStringLiteral(":user"), e.value(u"userId").toString())
            .bind(QStringLiteral(":cohort"), cohortId);
        if (auto r = q.exec(); !r)
            return r.error();
        const QJsonObject change = q.next() ? QJsonObject {{QStringLiteral("cohortId"), q.text(0)}}
                                            : QJsonObject {{QStringLiteral("status"), dropped}};
        auto updated = updateEnrollment(tx, clock, e, change);
        if (!updated)
            return updated.error();
        changed.append(*updated);
    }
    return changed;
}

Result<QList<Record>> EnrollmentService::promoteWaitlist(Transaction &tx, HlcClock &clock,
                                                         const QString &courseId)
{
    auto course = RecordStore::get(tx, Entities::course(), courseId);
    if (!course)
        return course.error();
    if (!*course)
        return QList<Record>();
    int limit = -1; // no seat limit: everyone waiting moves up
    const QJsonValue max = (*course)->value(u"maxEnrollment");
    if (!max.isNull() && !max.isUndefined()) {
        auto taken = seatsTaken(tx, courseId, QString());
        if (!taken)
            return taken.error();
        if (*taken >= max.toInteger())
            return QList<Record>();
        limit = int(max.toInteger() - *taken);
    }
    RecordFilter filter;
    filter
        .add(QStringLiteral("course_id = :course AND role = 'student' AND status = 'enrolled'"
                            " AND type = 'waitlist'"))
        .bind(QStringLiteral(":course"), courseId);
    // Joined the waitlist first, moves up first, whatever changed on the enrollment since. Ties
    // (only among those who were waiting before waitlisted_at existed) go by the HLC.
    auto waiting = RecordStore::select(
        tx, Entities::enrollment(), filter,
        QStringLiteral("COALESCE(waitlisted_at, updated_at), hlc, id"), limit);
    if (!waiting)
        return waiting.error();
    QList<Record> promoted;
    for (const Record &e : *waiting) {
        auto updated = updateEnrollment(tx, clock, e, {{QStringLiteral("type"), regular}});
        if (!updated)
            return updated.error();
        promoted.append(*updated);
    }
    return promoted;
}

Result<Page<Record>> EnrollmentService::classList(const Caller &caller, const QString &courseId,
                                                  const ListQuery &query)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, courseId);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->canEdit())
        return fail(ErrorCode::Forbidden,
                    tr("Only the course's instructors, teaching assistants and administrators can "
                       "see its class list."));
    RecordFilter filter;
    filter.add(QStringLiteral("course_id = :course"))
        .bind(QStringLiteral(":course"), access->course.value(u"id").toString());
    const ValidationErrors errors = addFilters(
        filter, query, {QStringLiteral("role"), QStringLiteral("status"), QStringLiteral("type")});
    if (!errors.isEmpty())
        return errors.toError();
    if (const QString q = query.filter(QStringLiteral("q")); !q.trimmed().isEmpty()) {
        filter.add(QStringLiteral("EXISTS (SELECT 1 FROM users u WHERE u.id = enrollments.user_id"
                                  " AND u.search_text LIKE :q ESCAPE '\\')"));
        filter.bind(QStringLiteral(":q"), likePattern(q.trimmed()));
    }
    auto total = RecordStore::count(tx, Entities::enrollment(), filter);
    if (!total)
        return total.error();
    auto rows = RecordStore::select(tx, Entities::enrollment(), filter, orderBy(query), query.limit,
                                    query.offset());
    if (!rows)
        return rows.error();
    if (auto r = attachPeople(tx, *rows); !r)
        return r.error();
    return pageOf(query, *total, *rows);
}

Result<EnrollmentService::Enrolled>
EnrollmentService::enroll(const Caller &caller, const QString &courseId, const QJsonObject &body)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    fields.rejectUnknown({QStringLiteral("id"), QStringLiteral("courseId"),
                          QStringLiteral("userId"), QStringLiteral("userIds"),
                          QStringLiteral("cohortId"), QStringLiteral("role"),
                          QStringLiteral("type"), QStringLiteral("override")});
    const std::optional<QString> id = fields.string(QStringLiteral("id"));
    const std::optional<QString> bodyCourse = fields.string(QStringLiteral("courseId"));
    const std::optional<QString> userId = fields.string(QStringLiteral("userId"));
    std::optional<QStringList> userIds = fields.stringList(QStringLiteral("userIds"));
    const std::optional<QString> cohortId = fields.string(QStringLiteral("cohortId"));
    const std::optional<QString> role = fields.string(QStringLiteral("role"));
    const std::optional<QString> type = fields.string(QStringLiteral("type"));
    const bool override = fields.boolean(QStringLiteral("override")).value_or(false);
    checkEnum(QStringLiteral("role"), role, errors);
    checkEnum(QStringLiteral("type"), type, errors);
    if (int(userId.has_value()) + int(userIds.has_value()) + int(cohortId.has_value()) != 1
        && !errors.has(QStringLiteral("userId")) && !errors.has(QStringLiteral("userIds"))
        && !errors.has(QStringLiteral("cohortId")))
        errors.add(QStringLiteral("userId"), tr("send exactly one of userId, userIds or cohortId"));
    if (id && !isUuidString(*id))
        errors.add(QStringLiteral("id"), tr("must be a UUID"));
    else if (id && !userId)
        errors.add(QStringLiteral("id"), tr("is only used with userId"));
    if (bodyCourse && bodyCourse->toLower() != courseId.toLower())
        errors.add(QStringLiteral("courseId"), tr("must be the course in the address"));
    if (cohortId && !isUuidString(*cohortId))
        errors.add(QStringLiteral("cohortId"), tr("must be a UUID"));
    if (cohortId && type)
        errors.add(QStringLiteral("type"), tr("is not used with cohortId"));
    if (userIds) {
        userIds->removeDuplicates();
        if (userIds->isEmpty())
            errors.add(QStringLiteral("userIds"), tr("must name at least one person"));
        else if (userIds->size() > 1000)
            errors.add(QStringLiteral("userIds"), tr("must name at most 1000 people"));
    }
    if (!errors.isEmpty())
        return errors.toError();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = lockWriters(tx); !r)
        return r.error();
    auto access = CourseAccess::of(tx, caller, courseId);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->isOwner())
        return cannotManage();
    const Record &course = access->course;
    const QString courseKey = course.value(u"id").toString();

    Enrolled result;
    int waitlisted = 0;
    if (cohortId) {
        auto cohort = RecordStore::get(tx, Entities::cohort(), cohortId->toLower());
        if (!cohort)
            return cohort.error();
        if (!*cohort || (*cohort)->value(u"orgId").toString() != caller.orgId) {
            errors.add(QStringLiteral("cohortId"), tr("is not a cohort of this organisation"));
            return errors.toError();
        }
        const QString cohortKey = (*cohort)->value(u"id").toString();
        RecordFilter link;
        link.add(QStringLiteral("cohort_id = :cohort AND course_id = :course"))
            .bind(QStringLiteral(":cohort"), cohortKey)
            .bind(QStringLiteral(":course"), courseKey);
        auto links = RecordStore::select(tx, Entities::cohortCourse(), link, QString(), 1);
        if (!links)
            return links.error();
        // Enrolled again without a role, the cohort keeps the one it has (as a person does).
        const QString cohortRole
            = role.value_or(links->isEmpty() ? student : links->first().value(u"role").toString());
        if (cohortRole == student && !override
            && !windowOpen(course, QDateTime::currentDateTimeUtc()))
            return enrollmentClosed(course);
        if (links->isEmpty()) {
            auto made = RecordStore::insert(tx, m_context.clock(), Entities::cohortCourse(),
                                            caller.orgId, createUuidV7String(),
                                            {{QStringLiteral("cohortId"), cohortKey},
                                             {QStringLiteral("courseId"), courseKey},
                                             {QStringLiteral("role"), cohortRole}});
            if (!made)
                return made.error();
            result.created = true;
        } else if (links->first().value(u"role").toString() != cohortRole) {
            auto changed
                = RecordStore::update(tx, m_context.clock(), Entities::cohortCourse(),
                                      links->first(), {{QStringLiteral("role"), cohortRole}});
            if (!changed)
                return changed.error();
        }
        RecordFilter ofCohort;
        ofCohort.add(QStringLiteral("cohort_id = :cohort"))
            .bind(QStringLiteral(":cohort"), cohortKey);
        auto members = RecordStore::select(tx, Entities::cohortMember(), ofCohort,
                                           QStringLiteral("created_at, id"));
        if (!members)
            return members.error();
        for (const Record &member : *members) {
            Request request;
            request.userId = member.value(u"userId").toString();
            request.role = cohortRole;
            request.cohortId = cohortKey;
            request.enforceWindow = false; // checked once above for the whole cohort
            request.override = override;
            auto outcome = enrollIn(tx, m_context.clock(), course, request);
            if (!outcome)
                return outcome.error();
            result.created = result.created || outcome->created;
            waitlisted += outcome->waitlisted ? 1 : 0;
            result.enrollments.append(outcome->enrollment);
        }
    } else {
        const QStringList people = userId ? QStringList {*userId} : *userIds;
        auto bad
            = checkPeople(tx, caller.orgId, people,
                          userId ? QStringLiteral("userId") : QStringLiteral("userIds"), !userId);
        if (!bad)
            return bad.error();
        if (!bad->isEmpty())
            return bad->toError();
        result.single = userId.has_value();
        for (const QString &person : people) {
            Request request;
            request.userId = person;
            request.role = role;
            request.type = type;
            request.id = id.value_or(QString());
            request.override = override;
            auto outcome = enrollIn(tx, m_context.clock(), course, request);
            if (!outcome)
                return outcome.error();
            result.created = result.created || outcome->created;
            waitlisted += outcome->waitlisted ? 1 : 0;
            result.enrollments.append(outcome->enrollment);
        }
    }
    // A role or type change above may have freed a seat.
    auto promoted = promoteWaitlist(tx, m_context.clock(), courseKey);
    if (!promoted)
        return promoted.error();
    if (!promoted->isEmpty()) {
        for (Record &e : result.enrollments) {
            for (const Record &p : *promoted) {
                if (p.value(u"id") == e.value(u"id")) {
                    e = p;
                    --waitlisted;
                }
            }
        }
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    result.message = waitlistMessage(waitlisted, result.single);
    return result;
}

Result<EnrollmentService::Enrolled> EnrollmentService::create(const Caller &caller,
                                                              const QJsonObject &body)
{
    const QJsonValue course = body.value(u"courseId");
    if (!course.isString() || !isUuidString(course.toString())) {
        ValidationErrors errors;
        errors.add(QStringLiteral("courseId"),
                   course.isUndefined() ? tr("is required") : tr("must be a UUID"));
        return errors.toError();
    }
    return enroll(caller, course.toString(), body);
}

Result<EnrollmentService::Enrolled>
EnrollmentService::unenroll(const Caller &caller, const QString &courseId, const QJsonObject &body)
{
    ValidationErrors errors;
    JsonFields fields(body, errors);
    fields.rejectUnknown({QStringLiteral("userId"), QStringLiteral("cohortId")});
    const std::optional<QString> userId = fields.string(QStringLiteral("userId"));
    const std::optional<QString> cohortId = fields.string(QStringLiteral("cohortId"));
    if (userId.has_value() == cohortId.has_value() && errors.isEmpty())
        errors.add(QStringLiteral("userId"), tr("send exactly one of userId or cohortId"));
    for (const auto &[name, value] : {std::pair {QStringLiteral("userId"), userId},
                                      std::pair {QStringLiteral("cohortId"), cohortId}}) {
        if (value && !isUuidString(*value))
            errors.add(name, tr("must be a UUID"));
    }
    if (!errors.isEmpty())
        return errors.toError();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = lockWriters(tx); !r)
        return r.error();
    auto access = CourseAccess::of(tx, caller, courseId);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->isOwner())
        return cannotManage();
    const QString course = access->course.value(u"id").toString();

    Enrolled result;
    if (userId) {
        result.single = true;
        auto existing = liveEnrollment(tx, course, userId->toLower());
        if (!existing)
            return existing.error();
        if (!*existing)
            return fail(ErrorCode::NotFound, tr("This person is not enrolled in this course."));
        Record record = **existing;
        if (record.value(u"status").toString() != dropped) {
            auto updated = updateEnrollment(tx, m_context.clock(), record,
                                            {{QStringLiteral("status"), dropped}});
            if (!updated)
                return updated.error();
            record = *updated;
        }
        result.enrollments.append(record);
    } else {
        RecordFilter link;
        link.add(QStringLiteral("cohort_id = :cohort AND course_id = :course"))
            .bind(QStringLiteral(":cohort"), cohortId->toLower())
            .bind(QStringLiteral(":course"), course);
        auto links = RecordStore::select(tx, Entities::cohortCourse(), link, QString(), 1);
        if (!links)
            return links.error();
        if (links->isEmpty() || links->first().value(u"orgId").toString() != caller.orgId)
            return fail(ErrorCode::NotFound, tr("This cohort is not enrolled in this course."));
        if (auto r = RecordStore::tombstone(tx, m_context.clock(), Entities::cohortCourse(),
                                            links->first());
            !r)
            return r.error();
        auto changed
            = dropFromCohort(tx, m_context.clock(), course, cohortId->toLower(), QString());
        if (!changed)
            return changed.error();
        result.enrollments = *changed;
    }
    auto promoted = promoteWaitlist(tx, m_context.clock(), course);
    if (!promoted)
        return promoted.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    result.message = promoted->isEmpty()
        ? tr("Dropped.")
        : tr("Dropped; %n waitlisted student(s) moved up.", nullptr, int(promoted->size()));
    return result;
}

Result<Page<Record>> EnrollmentService::list(const Caller &caller, const ListQuery &query)
{
    RecordFilter filter;
    filter.add(QStringLiteral("org_id = :org")).bind(QStringLiteral(":org"), caller.orgId);
    if (!caller.isAdmin()) {
        filter.add(
            QStringLiteral("(user_id = :me OR course_id IN (SELECT s.course_id FROM enrollments s"
                           " WHERE s.user_id = :me AND s.deleted = 0 AND s.status = 'enrolled'"
                           " AND s.type <> 'waitlist' AND s.role IN ('instructor', 'ta')))"));
        filter.bind(QStringLiteral(":me"), caller.userId);
    }
    const ValidationErrors errors = addFilters(filter, query, listFilters());
    if (!errors.isEmpty())
        return errors.toError();
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto total = RecordStore::count(tx, Entities::enrollment(), filter);
    if (!total)
        return total.error();
    auto rows = RecordStore::select(tx, Entities::enrollment(), filter, orderBy(query), query.limit,
                                    query.offset());
    if (!rows)
        return rows.error();
    return pageOf(query, *total, *rows);
}

namespace {
// The enrollment and the caller's standing in its course; None for what the caller may not see.
struct Found
{
    Record enrollment;
    CourseAccess access;
    bool visible = false;
};

Result<Found> findEnrollment(Transaction &tx, const Caller &caller, const QString &id)
{
    Found found;
    if (!isUuidString(id))
        return found;
    auto record = RecordStore::get(tx, Entities::enrollment(), id.toLower());
    if (!record)
        return record.error();
    if (!*record || (*record)->value(u"orgId").toString() != caller.orgId)
        return found;
    found.enrollment = **record;
    auto access = CourseAccess::of(tx, caller, found.enrollment.value(u"courseId").toString());
    if (!access)
        return access.error();
    found.access = *access;
    found.visible
        = access->canEdit() || found.enrollment.value(u"userId").toString() == caller.userId;
    return found;
}
} // namespace

Result<Record> EnrollmentService::get(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto found = findEnrollment(tx, caller, id);
    if (!found)
        return found.error();
    if (!found->visible)
        return notFound(tr("enrollment"));
    return found->enrollment;
}

Result<Record> EnrollmentService::update(const Caller &caller, const QString &id,
                                         const QJsonObject &input)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = lockWriters(tx); !r)
        return r.error();
    auto found = findEnrollment(tx, caller, id);
    if (!found)
        return found.error();
    if (!found->visible)
        return notFound(tr("enrollment"));
    if (!found->access.isOwner())
        return cannotManage();
    const Record &current = found->enrollment;

    QJsonObject body = input;
    ValidationErrors errors;
    bool override = false;
    if (body.contains(u"override")) {
        if (!body.value(u"override").isBool())
            errors.add(QStringLiteral("override"), tr("must be true or false"));
        override = body.value(u"override").toBool();
    }
    // Sending the record back as it was read is fine: what did not change is not a change.
    for (const char16_t *key : {u"override", u"user", u"hlc"})
        body.remove(QString::fromUtf16(key));
    for (const char16_t *key : {u"courseId", u"userId", u"cohortId"}) {
        const QString name = QString::fromUtf16(key);
        if (!body.contains(name))
            continue;
        const QJsonValue value = body.value(name);
        if ((value.isString() ? QJsonValue(value.toString().toLower()) : value)
            == current.value(name))
            body.remove(name);
        else if (name == u"cohortId")
            errors.add(name, tr("changes through cohort membership"));
    }
    const ValidationErrors specErrors
        = Entities::enrollment().validate(body, EntitySpec::Mode::Update);
    errors.add(specErrors);
    if (!errors.isEmpty())
        return errors.toError();
    QJsonObject changes = Entities::enrollment().normalize(body, EntitySpec::Mode::Update);
    Record merged = current;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        merged.insert(it.key(), it.value());
    if (merged.value(u"role").toString() != student && merged.value(u"type").toString() != regular)
        changes.insert(QStringLiteral("type"), regular);
    // The rules of an enroll request: making someone an enrolled student (bringing back a dropped
    // or completed one, or a TA who becomes a student) needs the window open.
    if (isEnrolledStudent(merged) && !isEnrolledStudent(current) && !override
        && !windowOpen(found->access.course, QDateTime::currentDateTimeUtc()))
        return enrollmentClosed(found->access.course);
    // And one waits only for a seat there is not: with one free, the waitlist is a seat.
    if (isWaiting(merged) && !isWaiting(current)) {
        bool free = override;
        if (!free) {
            auto seat = seatFreeFor(tx, found->access.course, current.value(u"id").toString());
            if (!seat)
                return seat.error();
            free = *seat;
        }
        if (free) {
            const QString type = holdsSeat(current) ? current.value(u"type").toString() : regular;
            changes.insert(QStringLiteral("type"), type);
            merged.insert(QStringLiteral("type"), type);
        }
    }
    if (holdsSeat(merged) && !holdsSeat(current) && !override) {
        auto full = isFull(tx, found->access.course, current.value(u"id").toString());
        if (!full)
            return full.error();
        if (*full)
            return fail(
                ErrorCode::CourseFull,
                tr("The course is full. Put the enrollment on the waitlist, raise the "
                   "course's maximum, or send \"override\": true."),
                {{QStringLiteral("maxEnrollment"), found->access.course.value(u"maxEnrollment")}});
    }
    auto updated = updateEnrollment(tx, m_context.clock(), current, changes);
    if (!updated)
        return updated.error();
    auto promoted = promoteWaitlist(tx, m_context.clock(), current.value(u"courseId").toString());
    if (!promoted)
        return promoted.error();
    for (const Record &p : *promoted) {
        if (p.value(u"id") == updated->value(u"id"))
            *updated = p;
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<void> EnrollmentService::remove(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = lockWriters(tx); !r)
        return r;
    auto found = findEnrollment(tx, caller, id);
    if (!found)
        return found.error();
    if (!found->visible)
        return notFound(tr("enrollment"));
    if (!found->access.isOwner())
        return cannotManage();
    if (auto r
        = RecordStore::tombstone(tx, m_context.clock(), Entities::enrollment(), found->enrollment);
        !r)
        return r.error();
    auto promoted
        = promoteWaitlist(tx, m_context.clock(), found->enrollment.value(u"courseId").toString());
    if (!promoted)
        return promoted.error();
    return tx.commit();
}

} // namespace Lectern::Server
