#include "recordrules.h"

#include "rules/conflictrules.h"
#include "rules/courserules.h"
#include "rules/placement.h"

#include <lectern/jsonutil.h>
#include <lectern/syncop.h>
#include <lectern/uuidv7.h>
#include <map>
#include <memory>

namespace Lectern::Server {

namespace {
Error notFound()
{
    return fail(ErrorCode::NotFound, RecordRules::tr("There is no such record."));
}

// The id in `values` of `field`, as the store keeps ids; empty when it is not a UUID.
QString idIn(const QJsonObject &values, const QString &field)
{
    const QString id = values.value(field).toString().toLower();
    return isUuidString(id) ? id : QString();
}

// The registry's kinds of record, each with its rules: its own class, or the defaults.
class RulesTable
{
public:
    RulesTable()
    {
        add(std::make_unique<CourseRules>());
        add(std::make_unique<ConflictRules>());
        for (const EntitySpec &spec : EntityRegistry::all()) {
            if (!m_rules.contains(spec.name))
                add(std::make_unique<RecordRules>(spec));
        }
    }

    const RecordRules &of(const EntitySpec &spec) const { return *m_rules.at(spec.name); }

private:
    void add(std::unique_ptr<RecordRules> rules)
    {
        const QString name = rules->spec().name;
        m_rules.emplace(name, std::move(rules));
    }

    std::map<QString, std::unique_ptr<RecordRules>> m_rules;
};

// How far `record` (of `spec`) is released to learners now, with every parent that has a
// release of its own (an item only with its module).
Result<CourseAccess::Release> releaseWithParents(Transaction &tx, const EntitySpec &spec,
                                                 const Record &record, const QDateTime &now)
{
    const RecordRules &rules = RecordRules::of(spec);
    const CourseAccess::Release own = rules.releaseOf(record, now);
    const EntitySpec *parent = rules.releasingParent();
    if (!parent || own == CourseAccess::Release::Hidden)
        return own;
    auto up = RecordStore::get(tx, *parent, record.value(spec.parentField).toString());
    if (!up)
        return up.error();
    if (!*up)
        return CourseAccess::Release::Hidden;
    auto above = releaseWithParents(tx, *parent, **up, now);
    if (!above)
        return above;
    return std::max(own, *above);
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
} // namespace

Result<CourseAccess> RuleContext::accessTo(const QString &courseId)
{
    if (courseId.isEmpty())
        return CourseAccess();
    if (auto it = m_access.constFind(courseId); it != m_access.constEnd())
        return *it;
    auto access = CourseAccess::of(m_tx, m_caller, courseId);
    if (!access)
        return access.error();
    m_access.insert(courseId, *access);
    return access;
}

bool isRefusal(const Error &error)
{
    for (const char *code : {ErrorCode::NotFound, ErrorCode::Forbidden, ErrorCode::ValidationFailed,
                             Sync::Reason::ServerDecides})
        if (error.code == QLatin1StringView(code))
            return true;
    return false;
}

QJsonValue RecordRules::canonical(const FieldSpec &f, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return f.type == FieldType::LongText ? QJsonValue(QString()) : QJsonValue();
    switch (f.type) {
    case FieldType::Text:
        return value.isString() ? QJsonValue(value.toString().trimmed()) : value;
    case FieldType::Id:
        return value.isString() ? QJsonValue(value.toString().toLower()) : value;
    case FieldType::Time: {
        const QDateTime time = Json::toDateTime(value);
        return time.isValid() ? Json::fromDateTime(time) : value;
    }
    default:
        return value;
    }
}

RecordRules::RecordRules(const EntitySpec &spec)
    : m_spec(spec)
    , m_hasRelease(spec.field(QStringLiteral("published")) != nullptr)
    , m_releasingParent(nullptr)
{
    const EntitySpec *parent = spec.parentSpec();
    if (parent && parent->field(QStringLiteral("published")))
        m_releasingParent = parent;
}

const RecordRules &RecordRules::of(const EntitySpec &spec)
{
    static const RulesTable table;
    return table.of(spec);
}

Error RecordRules::cannotEdit()
{
    return fail(ErrorCode::Forbidden,
                tr("Only the course's instructors, its teaching assistants and administrators "
                   "can change it."));
}

Result<QString> RecordRules::courseOf(RuleContext &context, const QJsonObject &values) const
{
    if (m_spec.courseField.isEmpty())
        return QString();
    if (QString course = m_spec.courseIdOf(values); !course.isEmpty())
        return course;
    const EntitySpec *parent = m_spec.parentSpec();
    const QString parentId = idIn(values, m_spec.parentField);
    if (!parent || parentId.isEmpty())
        return QString();
    auto record = RecordStore::get(context.tx(), *parent, parentId, true);
    if (!record)
        return record.error();
    if (!*record || (*record)->value(u"orgId").toString() != context.caller().orgId)
        return QString();
    return of(*parent).courseOf(context, **record);
}

Result<CourseAccess> RecordRules::accessOf(RuleContext &context, const Record &record) const
{
    auto course = courseOf(context, record);
    if (!course)
        return course.error();
    return context.accessTo(*course);
}

Result<RecordRules::View> RecordRules::view(RuleContext &context, const Record &record) const
{
    if (record.value(u"orgId").toString() != context.caller().orgId)
        return notFound();
    if (m_spec.audience == Audience::OrgAdmin) {
        if (!context.caller().isAdmin())
            return notFound();
        View admin;
        admin.access.level = CourseAccess::Level::Owner;
        return admin;
    }
    auto access = accessOf(context, record);
    if (!access)
        return access.error();
    if (!access->canSee())
        return notFound();
    // Private records: their author alone, whatever their standing.
    if (m_spec.audience == Audience::Author
        && record.value(m_spec.ownerField).toString() != context.caller().userId)
        return notFound();
    if (access->seesDrafts())
        return View {*access};
    switch (m_spec.audience) {
    case Audience::CourseStaff:
        return notFound();
    case Audience::Own:
        if (record.value(m_spec.ownerField).toString() != context.caller().userId)
            return notFound();
        return View {*access};
    case Audience::Author:
    case Audience::Course:
    case Audience::OrgAdmin:
        break;
    }
    auto release
        = releaseWithParents(context.tx(), m_spec, record, QDateTime::currentDateTimeUtc());
    if (!release)
        return release.error();
    if (*release == CourseAccess::Release::Hidden)
        return notFound();
    return View {*access, *release};
}

Result<Record> RecordRules::read(RuleContext &context, const Record &record) const
{
    auto seen = view(context, record);
    if (!seen)
        return seen.error();
    return shownAt(seen->release, record);
}

Result<CourseAccess> RecordRules::locate(RuleContext &context, const Record &record) const
{
    auto seen = view(context, record);
    if (!seen)
        return seen.error();
    if (seen->release != CourseAccess::Release::Open)
        return notFound();
    return seen->access;
}

CourseAccess::Release RecordRules::releaseOf(const Record &record, const QDateTime &now) const
{
    return m_hasRelease ? CourseAccess::releaseOf(record, now) : CourseAccess::Release::Open;
}

const EntitySpec *RecordRules::releasingParent() const
{
    return m_releasingParent;
}

Record RecordRules::shownAt(CourseAccess::Release release, const Record &record) const
{
    if (release != CourseAccess::Release::Locked)
        return record;
    Record stub = record;
    for (const FieldSpec &field : m_spec.fields) {
        if (field.type == FieldType::LongText || field.type == FieldType::Json
            || field.name == u"url" || field.name == u"fileId")
            stub.remove(field.name);
    }
    return stub;
}

Result<void> RecordRules::prepareCreate(RuleContext &context, QJsonObject &values,
                                        const QJsonValue &position) const
{
    ValidationErrors errors;
    const EntitySpec *parent = m_spec.parentSpec();
    const QString parentId = idIn(values, m_spec.parentField);
    if (parent && !parentId.isEmpty()) {
        // The parent must be live, of the caller's organisation and theirs to change.
        auto found = RecordStore::get(context.tx(), *parent, parentId);
        if (!found)
            return found.error();
        if (!*found || (*found)->value(u"orgId").toString() != context.caller().orgId)
            return fail(ErrorCode::NotFound, tr("There is no such %1.").arg(parent->name));
        const RecordRules &parentRules = of(*parent);
        auto access = parentRules.locate(context, **found);
        if (!access)
            return access.error().code == QLatin1StringView(ErrorCode::NotFound)
                ? fail(ErrorCode::NotFound, tr("There is no such %1.").arg(parent->name))
                : access.error();
        if (!access->canEdit())
            return cannotEdit();
        // A record that names its course apart from its parent takes the parent's (an item's
        // course is its module's).
        if (!m_spec.courseField.isEmpty() && m_spec.courseField != m_spec.parentField) {
            auto course = parentRules.courseOf(context, **found);
            if (!course)
                return course.error();
            const QString given = values.value(m_spec.courseField).toString().toLower();
            if (values.contains(m_spec.courseField) && given != *course)
                errors.add(m_spec.courseField, tr("must be the %1's course").arg(parent->name));
            values.insert(m_spec.courseField, *course);
        }
        // Last among its siblings unless placed.
        const FieldSpec *parentField = m_spec.field(m_spec.parentField);
        if (m_spec.field(QStringLiteral("orderKey")) && !values.contains(u"orderKey")
            && errors.isEmpty()) {
            auto key = Placement::orderKeyFor(context.tx(), context.clock(), m_spec,
                                              parentField->column, parentId, position);
            if (!key)
                return key.error();
            values.insert(QStringLiteral("orderKey"), *key);
        }
    }
    // A private record is its maker's.
    if (m_spec.audience == Audience::Author) {
        if (values.contains(m_spec.ownerField)
            && canonical(*m_spec.field(m_spec.ownerField), values.value(m_spec.ownerField))
                != QJsonValue(context.caller().userId))
            errors.add(m_spec.ownerField, tr("must be you"));
        values.insert(m_spec.ownerField, context.caller().userId);
    }
    errors.add(m_spec.validate(values, EntitySpec::Mode::Create));
    if (auto r = RecordStore::checkReferences(context.tx(), m_spec, values, context.caller().orgId,
                                              errors);
        !r)
        return r;
    if (!errors.isEmpty())
        return errors.toError();
    // Without a parent given, the field rules above name it; a record with neither course nor
    // parent belongs to the organisation, and only the rules of its kind may allow it.
    if (!parent && m_spec.courseField != u"id")
        return fail(ErrorCode::Forbidden, tr("These records are not made this way."));
    return {};
}

Result<void> RecordRules::afterCreate(RuleContext &, const Record &) const
{
    return {};
}

Result<CourseAccess> RecordRules::mayChange(RuleContext &context, const Record &current) const
{
    // Whoever sees the record, even as the stub of a locked one, learns why they may not.
    auto seen = view(context, current);
    if (!seen)
        return seen.error();
    if (!seen->access.canEdit())
        return cannotEdit();
    return seen->access;
}

Result<void> RecordRules::mayChangeField(RuleContext &, const Record &, const CourseAccess &,
                                         const FieldSpec &field) const
{
    if (field.immutable) {
        ValidationErrors errors;
        errors.add(field.name, tr("cannot be changed"));
        return errors.toError();
    }
    if (field.merge == MergeRule::ServerDecides)
        return fail(Sync::Reason::ServerDecides,
                    tr("%1 is the server's to decide.").arg(field.name));
    return {};
}

Result<void> RecordRules::prepareUpdate(RuleContext &context, const Record &current,
                                        QJsonObject &writes, const QJsonValue &position) const
{
    const EntitySpec *parent = m_spec.parentSpec();
    const FieldSpec *parentField = parent ? m_spec.field(m_spec.parentField) : nullptr;
    QString target = current.value(m_spec.parentField).toString();
    bool moved = false;
    if (parentField && !parentField->immutable && writes.contains(m_spec.parentField)
        && writes.value(m_spec.parentField).toString().toLower() != target) {
        // A move to another parent: one of the same course.
        target = idIn(writes, m_spec.parentField);
        auto found = target.isEmpty() ? Result<std::optional<Record>>(std::optional<Record>())
                                      : RecordStore::get(context.tx(), *parent, target);
        if (!found)
            return found.error();
        bool sameCourse = false;
        if (*found && (*found)->value(u"orgId").toString() == context.caller().orgId) {
            auto theirs = of(*parent).courseOf(context, **found);
            auto ours = courseOf(context, current);
            if (!theirs)
                return theirs.error();
            if (!ours)
                return ours.error();
            sameCourse = *theirs == *ours;
        }
        if (!sameCourse) {
            ValidationErrors errors;
            errors.add(m_spec.parentField, tr("must be a %1 of the same course").arg(parent->name));
            return errors.toError();
        }
        writes.insert(m_spec.parentField, target);
        moved = true;
    }
    if ((moved || !(position.isUndefined() || position.isNull())) && parentField
        && m_spec.field(QStringLiteral("orderKey")) && !writes.contains(u"orderKey")) {
        auto key
            = Placement::orderKeyFor(context.tx(), context.clock(), m_spec, parentField->column,
                                     target, position, current.value(u"id").toString());
        if (!key)
            return key.error();
        writes.insert(QStringLiteral("orderKey"), *key);
    }
    return {};
}

Result<void> RecordRules::afterUpdate(RuleContext &, const Record &, const Record &) const
{
    return {};
}

Result<void> RecordRules::mayDelete(RuleContext &, const Record &, const CourseAccess &) const
{
    return {};
}

Result<void> RecordRules::remove(RuleContext &context, const Record &current) const
{
    const QString id = current.value(u"id").toString();
    for (const EntitySpec::Cascade &cascade : m_spec.cascade) {
        const EntitySpec &below = EntityRegistry::get(cascade.entity);
        RecordFilter children;
        children.add(below.field(cascade.field)->column + QStringLiteral(" = :parent"))
            .bind(QStringLiteral(":parent"), id);
        if (auto r = tombstoneAll(context.tx(), context.clock(), below, children); !r)
            return r;
    }
    if (current.value(u"deleted").toBool())
        return {};
    if (auto r = RecordStore::tombstone(context.tx(), context.clock(), m_spec, current); !r)
        return r.error();
    return {};
}

} // namespace Lectern::Server
