#include "courseservice.h"

#include "rules/courserules.h"
#include "services/courseaccess.h"

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

QString orderBy(const EntitySpec &spec, const ListQuery &query)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return RecordStore::column(spec, query.sortField) + direction + QStringLiteral(", id")
        + direction;
}

Record withoutBody(Record item)
{
    item.remove(QStringLiteral("body"));
    return item;
}

// A course's code is used once per term: the store's refusal, said for a person.
Error codeTaken(const Error &error)
{
    if (error.code != QLatin1StringView(ErrorCode::AlreadyExists))
        return error;
    return fail(ErrorCode::AlreadyExists,
                CourseService::tr("Another course already has this code in this term."),
                {{QStringLiteral("fields"),
                  QJsonObject {{QStringLiteral("code"),
                                CourseService::tr("is already used in this term")}}}});
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

    // Learners see what is released and the stubs of what is locked, as each record reads alone
    // (RecordRules::view()), decided here for the whole course at once.
    using Release = CourseAccess::Release;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool drafts = access->seesDrafts();
    const RecordRules &moduleRules = RecordRules::of(Entities::module());
    const RecordRules &itemRules = RecordRules::of(Entities::content());
    QHash<QString, Release> moduleRelease;
    for (const Record &module : *modules)
        moduleRelease.insert(module.value(u"id").toString(),
                             drafts ? Release::Open : moduleRules.releaseOf(module, now));
    QHash<QString, QJsonArray> itemsByModule;
    for (const Record &item : *items) {
        const QString moduleId = item.value(u"moduleId").toString();
        const Release release = drafts ? Release::Open
                                       : std::max(moduleRelease.value(moduleId, Release::Hidden),
                                                  itemRules.releaseOf(item, now));
        if (release != Release::Hidden)
            itemsByModule[moduleId].append(withoutBody(itemRules.shownAt(release, item)));
    }
    QJsonArray outline;
    for (Record module : *modules) {
        const QString moduleId = module.value(u"id").toString();
        const Release release = moduleRelease.value(moduleId);
        if (release == Release::Hidden)
            continue;
        module = moduleRules.shownAt(release, module);
        module.insert(QStringLiteral("items"), itemsByModule.value(moduleId));
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
    // Over REST a course starts as a draft and is published by its action (a device may push a
    // course made and published offline as one create: its maker owns it).
    ValidationErrors door;
    if (body.contains(u"status") && body.value(u"status") != QJsonValue(QStringLiteral("draft")))
        door.add(QStringLiteral("status"), tr("a new course is a draft; publish it afterwards"));
    auto course = m_records.create(caller, Entities::course(), QString(), body, door);
    if (!course)
        return codeTaken(course.error());
    return course;
}

Result<Record> CourseService::updateCourse(const Caller &caller, const QString &id,
                                           const QJsonObject &body)
{
    auto updated = m_records.update(
        caller, Entities::course(), id, body,
        [&body](const Record &course, ValidationErrors &errors) {
            if (body.contains(u"status") && body.value(u"status") != course.value(u"status"))
                errors.add(QStringLiteral("status"), tr("changes through publish and archive"));
        });
    if (!updated)
        return codeTaken(updated.error());
    return updated;
}

Result<void> CourseService::deleteCourse(const Caller &caller, const QString &id)
{
    return m_records.remove(caller, Entities::course(), id);
}

Result<Record> CourseService::setStatus(const Caller &caller, const QString &id,
                                        const QString &status)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    RuleContext context(tx, m_context.clock(), caller);
    auto access = context.accessTo(isUuidString(id) ? id.toLower() : QString());
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound(tr("course"));
    if (auto r = CourseRules::mayChangeStatus(*access); !r)
        return r.error();
    const QString current = access->course.value(u"status").toString();
    if (current == status)
        return access->course; // publishing a published course changes nothing
    auto updated = RecordStore::update(tx, m_context.clock(), Entities::course(), access->course,
                                       {{QStringLiteral("status"), status}});
    if (!updated)
        return updated.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
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
    errors.add(copyErrors);
    if (!errors.isEmpty())
        return errors.toError();

    auto course = RecordStore::insert(tx, m_context.clock(), Entities::course(), caller.orgId,
                                      createUuidV7String(), copy);
    if (!course)
        return codeTaken(course.error());
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
    // Its maker teaches the copy, as they would a course they created.
    RuleContext context(tx, m_context.clock(), caller);
    if (auto r = RecordRules::of(Entities::course()).afterCreate(context, *course); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return getCourse(caller, newCourseId);
}

} // namespace Lectern::Server
