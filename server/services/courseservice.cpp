#include "courseservice.h"

#include "services/courseaccess.h"
#include "services/enrollmentservice.h"

#include <QJsonArray>
#include <lectern/jsonutil.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
Error notFound(const QString &what)
{
    return fail(ErrorCode::NotFound, CourseService::tr("There is no such %1.").arg(what));
}

Error cannotEdit()
{
    return fail(ErrorCode::Forbidden,
                CourseService::tr("Only the course's instructors, its teaching assistants and "
                                  "administrators can change it."));
}

// Splits the optional `position` ("first", "last", {"after": id}, {"before": id}) off a body.
QJsonValue takePosition(QJsonObject &body)
{
    const QJsonValue position = body.value(u"position");
    body.remove(QStringLiteral("position"));
    return position;
}

// Gives the live children of `parentId` fresh, evenly spread keys in their current order, leaving
// room at `gapIndex` (the new key is returned). Needed only when thousands of inserts into one gap
// have exhausted it; every renumbered sibling is an ordinary change that syncs.
Result<QString> rebalance(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                          const QList<Record> &siblings, qsizetype gapIndex)
{
    const QStringList keys = OrderKey::spread(int(siblings.size()) + 1);
    QString gapKey;
    qsizetype k = 0;
    for (qsizetype i = 0; i <= siblings.size(); ++i) {
        if (i == gapIndex) {
            gapKey = keys[k++];
            if (i == siblings.size())
                break;
        }
        if (i < siblings.size()) {
            if (auto r = RecordStore::update(tx, clock, spec, siblings[i],
                                             {{QStringLiteral("orderKey"), keys[k++]}});
                !r)
                return r.error();
        }
    }
    return gapKey;
}

// The live children of `parentId` other than `movingId`, for the statements below.
RecordFilter siblingsOf(const QString &parentColumn, const QString &parentId,
                        const QString &movingId)
{
    RecordFilter filter;
    filter.add(parentColumn + QStringLiteral(" = :parent"))
        .bind(QStringLiteral(":parent"), parentId);
    if (!movingId.isEmpty())
        filter.add(QStringLiteral("id <> :moving")).bind(QStringLiteral(":moving"), movingId);
    return filter;
}

// The first sibling of `filter` in `orderBy` order: one row read through the parent's index,
// however many siblings there are (a course of thousands of modules).
Result<std::optional<Record>> firstOf(Transaction &tx, const EntitySpec &spec,
                                      const RecordFilter &filter, const QString &orderBy)
{
    auto rows = RecordStore::select(tx, spec, filter, orderBy, 1);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Record>() : std::optional<Record>(rows->first());
}

// The order key for a record placed at `position` among the live children of `parentId`,
// siblings in (order key, id) order. Reads the one or two neighbours of the place, never the
// whole list: a write costs the same in a course of ten modules or of ten thousand.
Result<QString> keyFor(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                       const QString &parentColumn, const QString &parentId,
                       const QJsonValue &position, const QString &movingId)
{
    const RecordFilter siblings = siblingsOf(parentColumn, parentId, movingId);
    const QString ascending = QStringLiteral("order_key, id");
    const QString descending = QStringLiteral("order_key DESC, id DESC");
    const auto keyOf = [](const std::optional<Record> &r) {
        return r ? r->value(u"orderKey").toString() : QString();
    };
    QString low;
    QString high;
    QString anchorId;
    enum { Last, First, After, Before } place = Last;
    if (position.isUndefined() || position.isNull()
        || position == QJsonValue(QStringLiteral("last"))) {
        auto last = firstOf(tx, spec, siblings, descending);
        if (!last)
            return last.error();
        low = keyOf(*last);
    } else if (position == QJsonValue(QStringLiteral("first"))) {
        place = First;
        auto first = firstOf(tx, spec, siblings, ascending);
        if (!first)
            return first.error();
        high = keyOf(*first);
    } else {
        const QJsonObject anchor = position.toObject();
        const bool after = anchor.contains(u"after");
        place = after ? After : Before;
        anchorId = anchor.value(after ? u"after" : u"before").toString().toLower();
        std::optional<Record> found;
        if (position.isObject() && (after || anchor.contains(u"before")) && !anchorId.isEmpty()) {
            RecordFilter byId = siblings;
            byId.add(QStringLiteral("id = :anchor")).bind(QStringLiteral(":anchor"), anchorId);
            auto at = firstOf(tx, spec, byId, QString());
            if (!at)
                return at.error();
            found = *at;
        }
        if (!found) {
            ValidationErrors errors;
            errors.add(QStringLiteral("position"),
                       CourseService::tr("must be \"first\", \"last\", {\"after\": id} or "
                                         "{\"before\": id} with the id of a sibling"));
            return errors.toError();
        }
        const QString key = keyOf(found);
        // The neighbour on the other side of the anchor, in (order key, id) order.
        RecordFilter beyond = siblings;
        beyond.bind(QStringLiteral(":key"), key).bind(QStringLiteral(":anchor"), anchorId);
        if (after)
            beyond.add(QStringLiteral("order_key >= :key AND NOT (order_key = :key AND id <= "
                                      ":anchor)"));
        else
            beyond.add(QStringLiteral("order_key <= :key AND NOT (order_key = :key AND id >= "
                                      ":anchor)"));
        auto next = firstOf(tx, spec, beyond, after ? ascending : descending);
        if (!next)
            return next.error();
        low = after ? key : keyOf(*next);
        high = after ? keyOf(*next) : key;
    }
    const QString key = OrderKey::betweenJittered(low, high);
    if (!key.isEmpty())
        return key;

    // The gap is exhausted (or two siblings share a key made elsewhere): renumber them all, which
    // thousands of inserts into one gap need once in a long while.
    auto all = RecordStore::select(tx, spec, siblings, ascending);
    if (!all)
        return all.error();
    qsizetype gapIndex = all->size();
    if (place == First) {
        gapIndex = 0;
    } else if (place == After || place == Before) {
        for (qsizetype i = 0; i < all->size(); ++i) {
            if (all->at(i).value(u"id").toString() == anchorId)
                gapIndex = place == After ? i + 1 : i;
        }
    }
    return rebalance(tx, clock, spec, *all, gapIndex);
}

// Validates a create body against the entity and makes the record, or returns the existing one
// when the same id and fields were sent before (API.md: a repeated create is not an error).
Result<std::pair<Record, bool>> createRecord(Transaction &tx, HlcClock &clock,
                                             const EntitySpec &spec, const QString &orgId,
                                             QJsonObject fields, const QString &requestedId)
{
    QString id = requestedId.toLower();
    if (!id.isEmpty()) {
        auto existing = RecordStore::get(tx, spec, id, true);
        if (!existing)
            return existing.error();
        if (*existing) {
            const Record &record = **existing;
            bool same
                = !record.value(u"deleted").toBool() && record.value(u"orgId").toString() == orgId;
            for (auto it = fields.begin(); same && it != fields.end(); ++it) {
                if (it.key() != u"orderKey") // the server may have placed it
                    same = record.value(it.key()) == it.value();
            }
            if (same)
                return std::pair<Record, bool>(record, false);
            return fail(ErrorCode::Conflict,
                        CourseService::tr("A different record already has this id."));
        }
    } else {
        id = createUuidV7String();
    }
    auto created = RecordStore::insert(tx, clock, spec, orgId, id, fields);
    if (!created)
        return created.error();
    return std::pair<Record, bool>(*created, true);
}

Result<QString> requestedId(const QJsonObject &body)
{
    const QJsonValue id = body.value(u"id");
    if (id.isUndefined() || id.isNull())
        return QString();
    if (!id.isString() || !isUuidString(id.toString())) {
        ValidationErrors errors;
        errors.add(QStringLiteral("id"), CourseService::tr("must be a UUID"));
        return errors.toError();
    }
    return id.toString();
}

Result<void> tombstoneAll(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                          const RecordFilter &filter)
{
    auto records = RecordStore::select(tx, spec, filter, QStringLiteral("id"));
    if (!records)
        return records.error();
    for (const Record &record : *records) {
        if (auto r = RecordStore::tombstone(tx, clock, spec, record); !r)
            return r.error();
    }
    return {};
}

QString orderBy(const EntitySpec &spec, const ListQuery &query)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return RecordStore::column(spec, query.sortField) + direction + QStringLiteral(", id")
        + direction;
}

// For learners: an item is there only when it and its module are both released.
Result<bool> isItemReleased(Transaction &tx, const Record &item)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!CourseAccess::isReleased(item, now))
        return false;
    auto module = RecordStore::get(tx, Entities::module(), item.value(u"moduleId").toString());
    if (!module)
        return module.error();
    return *module && CourseAccess::isReleased(**module, now);
}

// A module or item as the caller may know of it, with the caller's access to its course: 404
// unless the caller can see the course and, when they only learn there, the record is released
// (an item only with its module). Editing rights are for the caller to check.
struct Located
{
    Record record;
    CourseAccess access;
};

Result<Located> locate(Transaction &tx, const Caller &caller, const EntitySpec &spec,
                       const QString &id, const QString &what)
{
    const Error notThere = notFound(what);
    if (!isUuidString(id))
        return notThere;
    auto record = RecordStore::get(tx, spec, id.toLower());
    if (!record)
        return record.error();
    if (!*record)
        return notThere;
    auto access = CourseAccess::of(tx, caller, (*record)->value(u"courseId").toString());
    if (!access)
        return access.error();
    if (!access->canSee())
        return notThere;
    if (!access->seesDrafts()) {
        auto released = spec.name == u"content"
            ? isItemReleased(tx, **record)
            : Result<bool>(CourseAccess::isReleased(**record, QDateTime::currentDateTimeUtc()));
        if (!released)
            return released.error();
        if (!*released)
            return notThere;
    }
    return Located {**record, *access};
}

Result<Located> locateModule(Transaction &tx, const Caller &caller, const QString &id)
{
    return locate(tx, caller, Entities::module(), id, CourseService::tr("module"));
}

Result<Located> locateItem(Transaction &tx, const Caller &caller, const QString &id)
{
    return locate(tx, caller, Entities::content(), id, CourseService::tr("item"));
}

Record withoutBody(Record item)
{
    item.remove(QStringLiteral("body"));
    return item;
}
} // namespace

QStringList CourseService::courseSortFields()
{
    return {QStringLiteral("title"),     QStringLiteral("code"),      QStringLiteral("term"),
            QStringLiteral("startDate"), QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
}

QStringList CourseService::courseFilters()
{
    return {QStringLiteral("status"), QStringLiteral("term"), QStringLiteral("q"),
            QStringLiteral("instructor")};
}

QStringList CourseService::childSortFields()
{
    return {QStringLiteral("orderKey"), QStringLiteral("title"), QStringLiteral("createdAt")};
}

Result<QString> CourseService::orderKeyFor(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                           const QString &parentColumn, const QString &parentId,
                                           const QJsonValue &position, const QString &movingId)
{
    return keyFor(tx, clock, spec, parentColumn, parentId, position, movingId);
}

Result<void> CourseService::enrolCreator(Transaction &tx, HlcClock &clock, const Caller &caller,
                                         const QString &courseId)
{
    const QJsonObject enrollment {{QStringLiteral("courseId"), courseId},
                                  {QStringLiteral("userId"), caller.userId},
                                  {QStringLiteral("role"), QStringLiteral("instructor")}};
    auto made = RecordStore::insert(
        tx, clock, Entities::enrollment(), caller.orgId, createUuidV7String(),
        Entities::enrollment().normalize(enrollment, EntitySpec::Mode::Create));
    if (!made)
        return made.error();
    return {};
}

Result<void> CourseService::tombstoneTree(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                          const Record &record)
{
    const QString id = record.value(u"id").toString();
    RecordFilter children;
    QList<const EntitySpec *> below;
    if (spec.name == Entities::course().name) {
        children.add(QStringLiteral("course_id = :parent"));
        // Tombstones all the way down, so every device drops the whole course when it syncs.
        below = {&Entities::content(), &Entities::module(), &Entities::enrollment()};
    } else if (spec.name == Entities::module().name) {
        children.add(QStringLiteral("module_id = :parent"));
        below = {&Entities::content()};
    }
    children.bind(QStringLiteral(":parent"), id);
    for (const EntitySpec *child : std::as_const(below)) {
        if (auto r = tombstoneAll(tx, clock, *child, children); !r)
            return r;
    }
    if (record.value(u"deleted").toBool())
        return {};
    if (auto r = RecordStore::tombstone(tx, clock, spec, record); !r)
        return r.error();
    return {};
}

Result<Page<Record>> CourseService::listCourses(const Caller &caller, const ListQuery &query)
{
    RecordFilter filter = CourseAccess::visibleCourses(caller);
    const QString status = query.filter(QStringLiteral("status"));
    if (!status.isEmpty()) {
        if (!Entities::course().field(QStringLiteral("status"))->values.contains(status)) {
            ValidationErrors errors;
            errors.add(QStringLiteral("status"), tr("must be draft, published or archived"));
            return errors.toError();
        }
        filter.add(QStringLiteral("status = :status")).bind(QStringLiteral(":status"), status);
    }
    if (const QString term = query.filter(QStringLiteral("term")); !term.isEmpty())
        filter.add(QStringLiteral("term = :term")).bind(QStringLiteral(":term"), term);
    if (const QString instructor = query.filter(QStringLiteral("instructor"));
        !instructor.isEmpty()) {
        filter.add(QStringLiteral(
            "EXISTS (SELECT 1 FROM enrollments i WHERE i.course_id = courses.id AND i.user_id = "
            ":instructor AND i.role = 'instructor' AND i.deleted = 0)"));
        filter.bind(QStringLiteral(":instructor"), instructor.toLower());
    }
    RecordStore::addTextFilter(filter, query.filter(QStringLiteral("q")));

    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    Page<Record> page;
    page.page = query.page;
    page.limit = query.limit;
    auto total = RecordStore::count(tx, Entities::course(), filter);
    if (!total)
        return total.error();
    page.total = *total;
    auto rows
        = RecordStore::select(tx, Entities::course(), filter, orderBy(Entities::course(), query),
                              query.limit, query.offset());
    if (!rows)
        return rows.error();
    page.items = *rows;
    return page;
}

Result<QJsonObject> CourseService::getCourse(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, id);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));

    const QString courseId = access->course.value(u"id").toString();
    RecordFilter filter;
    filter.add(QStringLiteral("course_id = :course")).bind(QStringLiteral(":course"), courseId);
    auto modules
        = RecordStore::select(tx, Entities::module(), filter, QStringLiteral("order_key, id"));
    if (!modules)
        return modules.error();
    auto items
        = RecordStore::select(tx, Entities::content(), filter, QStringLiteral("order_key, id"));
    if (!items)
        return items.error();

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool drafts = access->seesDrafts();
    QHash<QString, QJsonArray> itemsByModule;
    for (const Record &item : *items) {
        if (drafts || CourseAccess::isReleased(item, now))
            itemsByModule[item.value(u"moduleId").toString()].append(withoutBody(item));
    }
    QJsonArray outline;
    for (Record module : *modules) {
        if (!drafts && !CourseAccess::isReleased(module, now))
            continue;
        module.insert(QStringLiteral("items"), itemsByModule.value(module.value(u"id").toString()));
        outline.append(module);
    }
    QJsonObject course = access->course;
    course.insert(QStringLiteral("modules"), outline);
    course.insert(QStringLiteral("access"),
                  access->isOwner()       ? QStringLiteral("owner")
                      : access->canEdit() ? QStringLiteral("editor")
                                          : QStringLiteral("learner"));
    return course;
}

Result<std::pair<Record, bool>> CourseService::createCourse(const Caller &caller,
                                                            const QJsonObject &body)
{
    if (!caller.isAdmin() && !caller.has(Role::Instructor))
        return fail(ErrorCode::Forbidden,
                    tr("Only instructors and administrators can create courses."));
    auto id = requestedId(body);
    if (!id)
        return id.error();
    ValidationErrors errors = Entities::course().validate(body, EntitySpec::Mode::Create);
    if (body.contains(u"status") && body.value(u"status") != QJsonValue(QStringLiteral("draft")))
        errors.add(QStringLiteral("status"), tr("a new course is a draft; publish it afterwards"));
    if (!errors.isEmpty())
        return errors.toError();
    const QJsonObject fields = Entities::course().normalize(body, EntitySpec::Mode::Create);

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    if (auto r = RecordStore::checkReferences(tx, Entities::course(), fields, caller.orgId, errors);
        !r)
        return r.error();
    if (!errors.isEmpty())
        return errors.toError();
    auto course
        = createRecord(tx, m_context.clock(), Entities::course(), caller.orgId, fields, *id);
    if (!course) {
        if (course.error().code == QLatin1StringView(ErrorCode::AlreadyExists))
            return fail(
                ErrorCode::AlreadyExists, tr("Another course already has this code in this term."),
                {{QStringLiteral("fields"),
                  QJsonObject {{QStringLiteral("code"), tr("is already used in this term")}}}});
        return course.error();
    }
    if (course->second) {
        if (auto r
            = enrolCreator(tx, m_context.clock(), caller, course->first.value(u"id").toString());
            !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return course;
}

Result<Record> CourseService::updateCourse(const Caller &caller, const QString &id,
                                           const QJsonObject &body)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, id);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->canEdit())
        return cannotEdit();
    ValidationErrors errors = Entities::course().validate(body, EntitySpec::Mode::Update);
    if (body.contains(u"status") && body.value(u"status") != access->course.value(u"status"))
        errors.add(QStringLiteral("status"), tr("changes through publish and archive"));
    if (auto r = RecordStore::checkReferences(tx, Entities::course(), body, caller.orgId, errors);
        !r)
        return r.error();
    if (!errors.isEmpty())
        return errors.toError();
    auto updated
        = RecordStore::update(tx, m_context.clock(), Entities::course(), access->course,
                              Entities::course().normalize(body, EntitySpec::Mode::Update));
    if (!updated) {
        if (updated.error().code == QLatin1StringView(ErrorCode::AlreadyExists))
            return fail(
                ErrorCode::AlreadyExists, tr("Another course already has this code in this term."),
                {{QStringLiteral("fields"),
                  QJsonObject {{QStringLiteral("code"), tr("is already used in this term")}}}});
        return updated.error();
    }
    // More seats: the waitlist moves up in the same transaction, oldest first.
    if (body.contains(u"maxEnrollment")) {
        if (auto r = EnrollmentService::lockWriters(tx); !r)
            return r.error();
        if (auto r = EnrollmentService::promoteWaitlist(tx, m_context.clock(),
                                                        access->course.value(u"id").toString());
            !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<void> CourseService::deleteCourse(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, id);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->isOwner())
        return fail(ErrorCode::Forbidden,
                    tr("Only the course's instructors and administrators can delete it."));
    if (auto r = tombstoneTree(tx, m_context.clock(), Entities::course(), access->course); !r)
        return r;
    return tx.commit();
}

Result<Record> CourseService::setStatus(const Caller &caller, const QString &id,
                                        const QString &status)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, id);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->isOwner())
        return fail(
            ErrorCode::Forbidden,
            tr("Only the course's instructors and administrators can publish or archive it."));
    const QString current = access->course.value(u"status").toString();
    if (current == status)
        return access->course; // publishing a published course changes nothing
    if (auto r = RecordStore::update(tx, m_context.clock(), Entities::course(), access->course,
                                     {{QStringLiteral("status"), status}});
        !r)
        return r.error();
    auto updated = RecordStore::get(tx, Entities::course(), access->course.value(u"id").toString());
    if (!updated)
        return updated.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return **updated;
}

Result<QJsonObject> CourseService::duplicateCourse(const Caller &caller, const QString &id,
                                                   const QJsonObject &body)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, id);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->canEdit() || (!caller.isAdmin() && !caller.has(Role::Instructor)))
        return fail(ErrorCode::Forbidden,
                    tr("Only instructors and administrators can duplicate courses."));

    QJsonObject overrides = body;
    ValidationErrors errors;
    JsonFields fields(overrides, errors);
    fields.rejectUnknown({QStringLiteral("code"), QStringLiteral("title"), QStringLiteral("term")});
    const std::optional<QString> code = fields.string(QStringLiteral("code"));
    const std::optional<QString> title = fields.string(QStringLiteral("title"));
    const Record &source = access->course;
    QJsonObject copy;
    for (const FieldSpec &f : Entities::course().fields)
        copy.insert(f.name, source.value(f.name));
    copy.insert(QStringLiteral("status"), QStringLiteral("draft"));
    copy.insert(QStringLiteral("code"),
                code.value_or(source.value(u"code").toString() + QStringLiteral("-COPY")));
    copy.insert(QStringLiteral("title"),
                title.value_or(tr("Copy of %1").arg(source.value(u"title").toString())));
    if (overrides.contains(u"term"))
        copy.insert(QStringLiteral("term"), overrides.value(u"term"));
    const ValidationErrors copyErrors = Entities::course().validate(copy, EntitySpec::Mode::Create);
    for (const QString &name : copyErrors.fieldNames())
        errors.add(name, copyErrors.message(name));
    if (!errors.isEmpty())
        return errors.toError();

    auto course = RecordStore::insert(tx, m_context.clock(), Entities::course(), caller.orgId,
                                      createUuidV7String(), copy);
    if (!course) {
        if (course.error().code == QLatin1StringView(ErrorCode::AlreadyExists))
            return fail(
                ErrorCode::AlreadyExists, tr("Another course already has this code in this term."),
                {{QStringLiteral("fields"),
                  QJsonObject {{QStringLiteral("code"), tr("is already used in this term")}}}});
        return course.error();
    }
    const QString newCourseId = course->value(u"id").toString();
    RecordFilter ofSource;
    ofSource.add(QStringLiteral("course_id = :course"))
        .bind(QStringLiteral(":course"), source.value(u"id").toString());
    auto modules
        = RecordStore::select(tx, Entities::module(), ofSource, QStringLiteral("order_key, id"));
    auto items
        = RecordStore::select(tx, Entities::content(), ofSource, QStringLiteral("order_key, id"));
    if (!modules)
        return modules.error();
    if (!items)
        return items.error();
    QHash<QString, QString> moduleIds;
    for (const Record &module : *modules) {
        QJsonObject fieldsOf;
        for (const FieldSpec &f : Entities::module().fields)
            fieldsOf.insert(f.name, module.value(f.name));
        fieldsOf.insert(QStringLiteral("courseId"), newCourseId);
        const QString newId = createUuidV7String();
        moduleIds.insert(module.value(u"id").toString(), newId);
        if (auto r = RecordStore::insert(tx, m_context.clock(), Entities::module(), caller.orgId,
                                         newId, fieldsOf);
            !r)
            return r.error();
    }
    for (const Record &item : *items) {
        QJsonObject fieldsOf;
        for (const FieldSpec &f : Entities::content().fields)
            fieldsOf.insert(f.name, item.value(f.name));
        fieldsOf.insert(QStringLiteral("courseId"), newCourseId);
        fieldsOf.insert(QStringLiteral("moduleId"),
                        moduleIds.value(item.value(u"moduleId").toString()));
        if (auto r = RecordStore::insert(tx, m_context.clock(), Entities::content(), caller.orgId,
                                         createUuidV7String(), fieldsOf);
            !r)
            return r.error();
    }
    const QJsonObject enrollment {{QStringLiteral("courseId"), newCourseId},
                                  {QStringLiteral("userId"), caller.userId},
                                  {QStringLiteral("role"), QStringLiteral("instructor")}};
    if (auto r = RecordStore::insert(
            tx, m_context.clock(), Entities::enrollment(), caller.orgId, createUuidV7String(),
            Entities::enrollment().normalize(enrollment, EntitySpec::Mode::Create));
        !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return getCourse(caller, newCourseId);
}

Result<Page<Record>> CourseService::listModules(const Caller &caller, const QString &courseId,
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
    RecordFilter filter;
    filter.add(QStringLiteral("course_id = :course"))
        .bind(QStringLiteral(":course"), access->course.value(u"id").toString());
    RecordStore::addTextFilter(filter, query.filter(QStringLiteral("q")));
    auto rows
        = RecordStore::select(tx, Entities::module(), filter, orderBy(Entities::module(), query));
    if (!rows)
        return rows.error();
    QList<Record> visible;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Record &module : *rows) {
        if (access->seesDrafts() || CourseAccess::isReleased(module, now))
            visible.append(module);
    }
    Page<Record> page;
    page.page = query.page;
    page.limit = query.limit;
    page.total = visible.size();
    page.items = visible.mid(query.offset(), query.limit);
    return page;
}

Result<std::pair<Record, bool>>
CourseService::createModule(const Caller &caller, const QString &courseId, const QJsonObject &input)
{
    QJsonObject body = input;
    const QJsonValue position = takePosition(body);
    auto id = requestedId(body);
    if (!id)
        return id.error();
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, courseId);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (!access->canEdit())
        return cannotEdit();
    const QString course = access->course.value(u"id").toString();
    if (body.contains(u"courseId") && body.value(u"courseId").toString().toLower() != course) {
        ValidationErrors errors;
        errors.add(QStringLiteral("courseId"), tr("must be the course in the address"));
        return errors.toError();
    }
    body.insert(QStringLiteral("courseId"), course);
    if (!body.contains(u"orderKey")) {
        auto key = keyFor(tx, m_context.clock(), Entities::module(), QStringLiteral("course_id"),
                          course, position, QString());
        if (!key)
            return key.error();
        body.insert(QStringLiteral("orderKey"), *key);
    }
    const ValidationErrors errors = Entities::module().validate(body, EntitySpec::Mode::Create);
    if (!errors.isEmpty())
        return errors.toError();
    auto module = createRecord(tx, m_context.clock(), Entities::module(), caller.orgId,
                               Entities::module().normalize(body, EntitySpec::Mode::Create), *id);
    if (!module)
        return module.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return module;
}

Result<Record> CourseService::getModule(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto module = locateModule(tx, caller, id);
    if (!module)
        return module.error();
    return module->record;
}

Result<Record> CourseService::updateModule(const Caller &caller, const QString &id,
                                           const QJsonObject &input)
{
    QJsonObject body = input;
    const QJsonValue position = takePosition(body);
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto module = locateModule(tx, caller, id);
    if (!module)
        return module.error();
    if (!module->access.canEdit())
        return cannotEdit();
    if (body.value(u"courseId").toString().toLower()
        == module->record.value(u"courseId").toString())
        body.remove(QStringLiteral("courseId")); // sending the record back unchanged is fine
    if (!position.isUndefined() && !body.contains(u"orderKey")) {
        auto key = keyFor(tx, m_context.clock(), Entities::module(), QStringLiteral("course_id"),
                          module->record.value(u"courseId").toString(), position,
                          module->record.value(u"id").toString());
        if (!key)
            return key.error();
        body.insert(QStringLiteral("orderKey"), *key);
    }
    const ValidationErrors errors = Entities::module().validate(body, EntitySpec::Mode::Update);
    if (!errors.isEmpty())
        return errors.toError();
    auto updated
        = RecordStore::update(tx, m_context.clock(), Entities::module(), module->record,
                              Entities::module().normalize(body, EntitySpec::Mode::Update));
    if (!updated)
        return updated.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<void> CourseService::deleteModule(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto module = locateModule(tx, caller, id);
    if (!module)
        return module.error();
    if (!module->access.canEdit())
        return cannotEdit();
    if (auto r = tombstoneTree(tx, m_context.clock(), Entities::module(), module->record); !r)
        return r;
    return tx.commit();
}

Result<Page<Record>> CourseService::listContents(const Caller &caller, const QString &moduleId,
                                                 const ListQuery &query)
{
    auto module = getModule(caller, moduleId);
    if (!module)
        return module.error();
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, module->value(u"courseId").toString());
    if (!access)
        return access.error();
    RecordFilter filter;
    filter.add(QStringLiteral("module_id = :module"))
        .bind(QStringLiteral(":module"), module->value(u"id").toString());
    RecordStore::addTextFilter(filter, query.filter(QStringLiteral("q")));
    auto rows
        = RecordStore::select(tx, Entities::content(), filter, orderBy(Entities::content(), query));
    if (!rows)
        return rows.error();
    QList<Record> visible;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Record &item : *rows) {
        if (access->seesDrafts() || CourseAccess::isReleased(item, now))
            visible.append(item);
    }
    Page<Record> page;
    page.page = query.page;
    page.limit = query.limit;
    page.total = visible.size();
    page.items = visible.mid(query.offset(), query.limit);
    return page;
}

Result<std::pair<Record, bool>> CourseService::createContent(const Caller &caller,
                                                             const QString &moduleId,
                                                             const QJsonObject &input)
{
    QJsonObject body = input;
    const QJsonValue position = takePosition(body);
    auto id = requestedId(body);
    if (!id)
        return id.error();
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto module = locateModule(tx, caller, moduleId);
    if (!module)
        return module.error();
    if (!module->access.canEdit())
        return cannotEdit();
    const QString moduleKey = module->record.value(u"id").toString();
    ValidationErrors errors;
    if (body.contains(u"moduleId") && body.value(u"moduleId").toString().toLower() != moduleKey)
        errors.add(QStringLiteral("moduleId"), tr("must be the module in the address"));
    if (body.contains(u"courseId")
        && body.value(u"courseId").toString().toLower()
            != module->record.value(u"courseId").toString())
        errors.add(QStringLiteral("courseId"), tr("must be the module's course"));
    if (!errors.isEmpty())
        return errors.toError();
    body.insert(QStringLiteral("moduleId"), moduleKey);
    body.insert(QStringLiteral("courseId"), module->record.value(u"courseId"));
    if (!body.contains(u"orderKey")) {
        auto key = keyFor(tx, m_context.clock(), Entities::content(), QStringLiteral("module_id"),
                          moduleKey, position, QString());
        if (!key)
            return key.error();
        body.insert(QStringLiteral("orderKey"), *key);
    }
    errors = Entities::content().validate(body, EntitySpec::Mode::Create);
    if (auto r = RecordStore::checkReferences(tx, Entities::content(), body, caller.orgId, errors);
        !r)
        return r.error();
    if (!errors.isEmpty())
        return errors.toError();
    auto item = createRecord(tx, m_context.clock(), Entities::content(), caller.orgId,
                             Entities::content().normalize(body, EntitySpec::Mode::Create), *id);
    if (!item)
        return item.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return item;
}

Result<Record> CourseService::getContent(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto item = locateItem(tx, caller, id);
    if (!item)
        return item.error();
    return item->record;
}

Result<Record> CourseService::updateContent(const Caller &caller, const QString &id,
                                            const QJsonObject &input)
{
    QJsonObject body = input;
    const QJsonValue position = takePosition(body);
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto item = locateItem(tx, caller, id);
    if (!item)
        return item.error();
    if (!item->access.canEdit())
        return cannotEdit();
    for (const char16_t *same : {u"courseId", u"type"}) {
        if (body.value(QStringView(same)) == item->record.value(QStringView(same)))
            body.remove(QString::fromUtf16(same));
    }
    QString targetModule = item->record.value(u"moduleId").toString();
    if (body.contains(u"moduleId")) {
        targetModule = body.value(u"moduleId").toString().toLower();
        auto module = isUuidString(targetModule)
            ? RecordStore::get(tx, Entities::module(), targetModule)
            : Result<std::optional<Record>>(std::optional<Record>());
        if (!module)
            return module.error();
        if (!*module || (*module)->value(u"courseId") != item->record.value(u"courseId")) {
            ValidationErrors errors;
            errors.add(QStringLiteral("moduleId"), tr("must be a module of the same course"));
            return errors.toError();
        }
        body.insert(QStringLiteral("moduleId"), targetModule);
    }
    if ((!position.isUndefined() || targetModule != item->record.value(u"moduleId").toString())
        && !body.contains(u"orderKey")) {
        auto key = keyFor(tx, m_context.clock(), Entities::content(), QStringLiteral("module_id"),
                          targetModule, position, item->record.value(u"id").toString());
        if (!key)
            return key.error();
        body.insert(QStringLiteral("orderKey"), *key);
    }
    ValidationErrors errors = Entities::content().validate(body, EntitySpec::Mode::Update);
    if (auto r = RecordStore::checkReferences(tx, Entities::content(), body, caller.orgId, errors);
        !r)
        return r.error();
    if (!errors.isEmpty())
        return errors.toError();
    auto updated
        = RecordStore::update(tx, m_context.clock(), Entities::content(), item->record,
                              Entities::content().normalize(body, EntitySpec::Mode::Update));
    if (!updated)
        return updated.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<void> CourseService::deleteContent(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto item = locateItem(tx, caller, id);
    if (!item)
        return item.error();
    if (!item->access.canEdit())
        return cannotEdit();
    if (auto r = tombstoneTree(tx, m_context.clock(), Entities::content(), item->record); !r)
        return r;
    return tx.commit();
}

} // namespace Lectern::Server
