#include "progressservice.h"

#include "services/courseaccess.h"

#include <QJsonArray>
#include <lectern/jsonutil.h>
#include <lectern/progress.h>
#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {

const EntitySpec &events()
{
    return Entities::progress();
}

Error noSuchItem()
{
    return fail(ErrorCode::NotFound, ProgressService::tr("There is no such item."));
}

Error noSuchCourse()
{
    return fail(ErrorCode::NotFound, ProgressService::tr("There is no such course."));
}

// An item the caller may see now, and their standing in its course.
struct VisibleItem
{
    Record item;
    CourseAccess access;
};

// Learners see an item once it and its module are released (as the course outline shows it);
// staff see every item. Anything else is "no such item" (docs/architecture.md, "HTTP conventions":
// 404 for what one may not see).
Result<VisibleItem> visibleItem(Transaction &tx, const Caller &caller, const QString &contentId)
{
    if (!isUuidString(contentId))
        return noSuchItem();
    auto item = RecordStore::get(tx, Entities::content(), contentId.toLower());
    if (!item)
        return item.error();
    if (!*item || (*item)->value(u"orgId").toString() != caller.orgId)
        return noSuchItem();
    auto access = CourseAccess::of(tx, caller, (*item)->value(u"courseId").toString());
    if (!access)
        return access.error();
    if (!access->canSee())
        return noSuchItem();
    if (!access->seesDrafts()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (!CourseAccess::isReleased(**item, now))
            return noSuchItem();
        auto module
            = RecordStore::get(tx, Entities::module(), (*item)->value(u"moduleId").toString());
        if (!module)
            return module.error();
        if (!*module || !CourseAccess::isReleased(**module, now))
            return noSuchItem();
    }
    return VisibleItem {**item, *access};
}

// Records one event under `id` for the caller: (the event, made now). The same id again answers
// the event made first, unchanged. `values` are the event's fields as sent; with
// `courseFromItem` an absent courseId is the item's (REST names the item in its address).
Result<std::pair<Record, bool>> recordEvent(Transaction &tx, HlcClock &clock, const Caller &caller,
                                            const QString &id, QJsonObject values,
                                            bool courseFromItem)
{
    const QString eventId = id.toLower();
    auto existing = RecordStore::get(tx, events(), eventId, true);
    if (!existing)
        return existing.error();
    if (*existing) {
        if ((*existing)->value(u"orgId").toString() != caller.orgId
            || (*existing)->value(u"userId").toString() != caller.userId)
            return fail(ErrorCode::AlreadyExists,
                        ProgressService::tr("Another record already has this id."));
        return std::pair<Record, bool>(**existing, false);
    }

    for (const char16_t *key :
         {u"id", u"orgId", u"rev", u"hlc", u"createdAt", u"updatedAt", u"deleted"})
        values.remove(QStringView(key));
    const QJsonValue user = values.value(u"userId");
    if (!user.isUndefined() && !user.isNull()
        && (!user.isString() || user.toString().toLower() != caller.userId))
        return fail(ErrorCode::Forbidden,
                    ProgressService::tr("Progress is recorded only by the learner it belongs to."));
    values.insert(QStringLiteral("userId"), caller.userId);

    std::optional<VisibleItem> visible;
    const QString contentId = values.value(u"contentId").toString();
    if (isUuidString(contentId)) {
        auto found = visibleItem(tx, caller, contentId);
        if (!found)
            return found.error();
        visible = *found;
        if (courseFromItem && !values.contains(u"courseId"))
            values.insert(QStringLiteral("courseId"), visible->item.value(u"courseId"));
    }
    ValidationErrors errors = events().validate(values, EntitySpec::Mode::Create);
    if (errors.isEmpty() && !visible)
        return noSuchItem();
    if (visible && values.value(u"courseId").isString()
        && values.value(u"courseId").toString().toLower()
            != visible->item.value(u"courseId").toString())
        errors.add(QStringLiteral("courseId"), ProgressService::tr("must be the item's course"));
    if (!errors.isEmpty())
        return errors.toError();

    auto made = RecordStore::insert(tx, clock, events(), caller.orgId, eventId,
                                    events().normalize(values, EntitySpec::Mode::Create));
    if (!made)
        return made.error();
    return std::pair<Record, bool>(*made, true);
}

Sync::OpResult rejected(const Sync::Op &op, const char *reason, const QString &message)
{
    Sync::OpResult result;
    result.opId = op.opId;
    result.outcome = Sync::Outcome::Rejected;
    result.reason = QString::fromLatin1(reason);
    result.message = message;
    return result;
}

// "position: must be at most 1; kind: is required" for a rejection's message.
QString describe(const Error &error)
{
    const QString fields = ValidationErrors::fromError(error).summary();
    return fields.isEmpty() ? error.message : fields;
}

// A student of the course (enrolled, dropped or waiting) as the class list names them.
struct Student
{
    QString userId;
    QString name;
    QString email;
};

Result<QList<Student>> studentsOf(Transaction &tx, const QString &courseId)
{
    auto q = tx.query(QStringLiteral(
        "SELECT e.user_id, u.name, u.email FROM enrollments e JOIN users u ON u.id = e.user_id"
        " WHERE e.course_id = :course AND e.deleted = 0 AND e.role = 'student'"
        " ORDER BY u.name, u.email"));
    q.bind(QStringLiteral(":course"), courseId);
    LECTERN_TRY(q.exec());
    QList<Student> students;
    while (q.next())
        students.append({q.text(0), q.text(1), q.text(2)});
    return students;
}

// Events of `filter` grouped by their user.
Result<QHash<QString, QList<QJsonObject>>> eventsByUser(Transaction &tx, RecordFilter filter)
{
    auto rows = RecordStore::select(tx, events(), filter, QStringLiteral("occurred_at, id"));
    if (!rows)
        return rows.error();
    QHash<QString, QList<QJsonObject>> byUser;
    for (const Record &event : std::as_const(*rows))
        byUser[event.value(u"userId").toString()].append(event);
    return byUser;
}

QJsonObject personRow(const QString &userId, const QString &name, const QString &email,
                      QJsonObject summary)
{
    summary.insert(QStringLiteral("userId"), userId);
    summary.insert(QStringLiteral("name"), name);
    summary.insert(QStringLiteral("email"), email);
    return summary;
}

// The course's items as its learners see them in the outline now, in outline order (modules by
// their order, items by theirs within each module): published ones, those that unlock later
// included (a learner sees them as "opens on ..."), so progress counts the same items on the
// server and on every device.
Result<QList<Record>> outlineItems(Transaction &tx, const QString &courseId)
{
    RecordFilter ofCourse;
    ofCourse.add(QStringLiteral("course_id = :course")).bind(QStringLiteral(":course"), courseId);
    auto modules
        = RecordStore::select(tx, Entities::module(), ofCourse, QStringLiteral("order_key, id"));
    if (!modules)
        return modules.error();
    auto items = RecordStore::select(tx, Entities::content(), ofCourse,
                                     QStringLiteral("module_id, order_key, id"));
    if (!items)
        return items.error();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QHash<QString, QList<Record>> byModule;
    for (const Record &item : std::as_const(*items)) {
        if (CourseAccess::releaseOf(item, now) != CourseAccess::Release::Hidden)
            byModule[item.value(u"moduleId").toString()].append(item);
    }
    QList<Record> outline;
    for (const Record &module : std::as_const(*modules)) {
        if (CourseAccess::releaseOf(module, now) != CourseAccess::Release::Hidden)
            outline += byModule.value(module.value(u"id").toString());
    }
    return outline;
}

} // namespace

Result<Sync::OpResult> ProgressService::applyOp(Transaction &tx, HlcClock &clock,
                                                const Caller &caller, const Sync::Op &op)
{
    if (op.entity != events().name)
        return rejected(op, Sync::Reason::UnknownEntity,
                        tr("The server keeps no append-only records of this kind."));
    if (op.kind != Sync::OpKind::Append && op.kind != Sync::OpKind::Create)
        return rejected(op, Sync::Reason::AppendOnly,
                        tr("Progress events are kept as they were made: record a new event "
                           "instead of changing or deleting one."));
    auto recorded = recordEvent(tx, clock, caller, op.entityId, op.newValues(), false);
    if (!recorded) {
        const QString code = recorded.error().code;
        if (code == QLatin1StringView(ErrorCode::NotFound))
            return rejected(op, Sync::Reason::NotFound, recorded.error().message);
        if (code == QLatin1StringView(ErrorCode::Forbidden))
            return rejected(op, Sync::Reason::Forbidden, recorded.error().message);
        if (code == QLatin1StringView(ErrorCode::ValidationFailed))
            return rejected(op, Sync::Reason::ValidationFailed, describe(recorded.error()));
        if (code == QLatin1StringView(ErrorCode::AlreadyExists))
            return rejected(op, Sync::Reason::AlreadyExists, recorded.error().message);
        return recorded.error();
    }
    Sync::OpResult result;
    result.opId = op.opId;
    result.outcome = Sync::Outcome::Applied;
    result.rev = recorded->first.value(u"rev").toInteger();
    return result;
}

Result<std::pair<Record, bool>>
ProgressService::append(const Caller &caller, const QString &contentId, const QJsonObject &body)
{
    QJsonObject values = body;
    ValidationErrors errors;
    const QJsonValue sentId = values.take(u"id");
    QString id = sentId.toString();
    if (sentId.isUndefined() || sentId.isNull())
        id = createUuidV7String();
    else if (!sentId.isString() || !isUuidString(id))
        errors.add(QStringLiteral("id"), tr("must be a UUID"));
    if (values.contains(u"contentId")
        && values.value(u"contentId").toString().toLower() != contentId.toLower())
        errors.add(QStringLiteral("contentId"), tr("must be the item of the address"));
    values.insert(QStringLiteral("contentId"), contentId.toLower());
    // A script recording as it goes need not say when.
    if (!values.contains(u"at"))
        values.insert(QStringLiteral("at"), Json::fromDateTime(QDateTime::currentDateTimeUtc()));

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto found = visibleItem(tx, caller, contentId);
    if (!found)
        return found.error();
    if (!errors.isEmpty())
        return errors.toError();
    auto recorded = recordEvent(tx, m_context.clock(), caller, id, values, true);
    if (!recorded)
        return recorded.error();
    LECTERN_TRY(tx.commit());
    return recorded;
}

Result<QJsonObject> ProgressService::itemProgress(const Caller &caller, const QString &contentId)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto found = visibleItem(tx, caller, contentId);
    if (!found)
        return found.error();
    const QString itemId = found->item.value(u"id").toString();
    const QString courseId = found->item.value(u"courseId").toString();

    RecordFilter filter;
    filter.add(QStringLiteral("content_id = :content")).bind(QStringLiteral(":content"), itemId);
    if (!found->access.canEdit())
        filter.add(QStringLiteral("user_id = :me")).bind(QStringLiteral(":me"), caller.userId);
    auto byUser = eventsByUser(tx, filter);
    if (!byUser)
        return byUser.error();

    const QList<QJsonObject> mine = byUser->value(caller.userId);
    QJsonObject data = Progress::toJson(Progress::summarize(mine).value(itemId));
    data.insert(QStringLiteral("contentId"), itemId);
    data.insert(QStringLiteral("courseId"), courseId);
    QJsonArray list;
    for (const QJsonObject &event : mine)
        list.append(event);
    data.insert(QStringLiteral("events"), list);

    if (found->access.canEdit()) {
        auto students = studentsOf(tx, courseId);
        if (!students)
            return students.error();
        QJsonArray rows;
        for (const Student &student : std::as_const(*students)) {
            const QList<QJsonObject> theirs = byUser->value(student.userId);
            const ItemProgress state = Progress::summarize(theirs).value(itemId);
            QJsonObject row
                = personRow(student.userId, student.name, student.email, Progress::toJson(state));
            // The events themselves, as the staff's devices have them (a pull ships a course's
            // events to its staff).
            QJsonArray events;
            for (const QJsonObject &event : theirs)
                events.append(event);
            row.insert(QStringLiteral("events"), events);
            rows.append(row);
        }
        data.insert(QStringLiteral("students"), rows);
    }
    return data;
}

Result<QJsonObject> ProgressService::courseProgress(const Caller &caller, const QString &courseId)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto access = CourseAccess::of(tx, caller, courseId);
    if (!access)
        return access.error();
    if (!access->canSee())
        return noSuchCourse();
    const QString id = access->course.value(u"id").toString();
    auto outline = outlineItems(tx, id);
    if (!outline)
        return outline.error();
    QList<ItemRef> refs;
    for (const Record &item : std::as_const(*outline))
        refs.append({item.value(u"id").toString(), item.value(u"required").toBool()});

    RecordFilter filter;
    filter.add(QStringLiteral("course_id = :course")).bind(QStringLiteral(":course"), id);
    if (!access->canEdit())
        filter.add(QStringLiteral("user_id = :me")).bind(QStringLiteral(":me"), caller.userId);
    auto byUser = eventsByUser(tx, filter);
    if (!byUser)
        return byUser.error();

    QJsonObject data {{QStringLiteral("courseId"), id}};
    QJsonArray rows;
    if (access->canEdit()) {
        auto students = studentsOf(tx, id);
        if (!students)
            return students.error();
        for (const Student &student : std::as_const(*students)) {
            const CourseProgress standing
                = Progress::course(refs, Progress::summarize(byUser->value(student.userId)));
            rows.append(
                personRow(student.userId, student.name, student.email, Progress::toJson(standing)));
        }
    } else {
        const auto perItem = Progress::summarize(byUser->value(caller.userId));
        rows.append(personRow(caller.userId, caller.name, caller.email,
                              Progress::toJson(Progress::course(refs, perItem))));
        QJsonArray items;
        for (const Record &item : std::as_const(*outline)) {
            const QString itemId = item.value(u"id").toString();
            QJsonObject state = Progress::toJson(perItem.value(itemId));
            state.insert(QStringLiteral("contentId"), itemId);
            state.insert(QStringLiteral("moduleId"), item.value(u"moduleId"));
            state.insert(QStringLiteral("title"), item.value(u"title"));
            state.insert(QStringLiteral("required"), item.value(u"required"));
            items.append(state);
        }
        data.insert(QStringLiteral("items"), items);
    }
    data.insert(QStringLiteral("students"), rows);
    return data;
}

} // namespace Lectern::Server
