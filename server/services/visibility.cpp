#include "visibility.h"

#include "storage/changelog.h"

#include <lectern/entityspec.h>

namespace Lectern::Server {

namespace {
// How an admitting record (an enrolment) lets its owner into the course.
enum class Standing { None, Learner, Staff };

Standing standingOf(const EntitySpec::Admission &admission, const QJsonObject &record)
{
    if (record.isEmpty() || record.value(u"deleted").toBool())
        return Standing::None;
    for (const auto &[field, values] : admission.lapsed) {
        if (values.contains(record.value(field).toString()))
            return Standing::None;
    }
    return admission.learnerRoles.contains(record.value(admission.roleField).toString())
        ? Standing::Learner
        : Standing::Staff;
}

// The live records of `spec` whose `field` (a JSON name, or "id") holds `id`.
TouchSet recordsWhere(const EntitySpec &spec, const QString &field, const QString &id)
{
    const FieldSpec *f = spec.field(field);
    const QString column = f ? f->column : field;
    return {
        spec.name, spec.table, column + QStringLiteral(" = :id"), {{QStringLiteral(":id"), id}}};
}

// The entity that is a course (its records name themselves as their course).
const EntitySpec *courseSpec()
{
    for (const EntitySpec &spec : EntityRegistry::all()) {
        if (spec.courseField == u"id")
            return &spec;
    }
    return nullptr;
}

// The records whose visibility follows the record `id` of `spec`: the Audience::Course records
// of its course (for a course) or its children (otherwise), in registry order.
QList<TouchSet> below(const EntitySpec &spec, const QString &id)
{
    const bool isCourse = spec.courseField == u"id";
    QList<TouchSet> sets;
    for (const EntitySpec &other : EntityRegistry::all()) {
        if (&other == &spec || other.audience != Audience::Course)
            continue;
        if (isCourse && !other.courseField.isEmpty() && other.courseField != u"id")
            sets.append(recordsWhere(other, other.courseField, id));
        else if (!isCourse && other.parentSpec() == &spec)
            sets.append(recordsWhere(other, other.parentField, id));
    }
    return sets;
}

// What the owner of an admitting record may see of its course changed from `was` to `now`:
// the course, what learners see of it and, when staff standing came or went, what only staff
// see (Audience::CourseStaff records, then everyone's Audience::Own ones).
QList<TouchSet> admitted(const EntitySpec &spec, const QJsonObject &record, Standing was,
                         Standing now)
{
    const EntitySpec *course = courseSpec();
    if (!course)
        return {};
    const QString courseId = spec.courseIdOf(record);
    QList<TouchSet> sets {recordsWhere(*course, QStringLiteral("id"), courseId)};
    sets.append(below(*course, courseId));
    if (was == Standing::Staff || now == Standing::Staff) {
        for (const Audience audience : {Audience::CourseStaff, Audience::Own}) {
            for (const EntitySpec &other : EntityRegistry::all()) {
                if (other.audience == audience && !other.courseField.isEmpty())
                    sets.append(recordsWhere(other, other.courseField, courseId));
            }
        }
    }
    return sets;
}
} // namespace

Result<void> VisibilityObserver::recordWritten(Transaction &tx, const EntitySpec &spec,
                                               const QJsonObject &before, const QJsonObject &after)
{
    if (spec.releaseFields.isEmpty() && !spec.admission)
        return {};
    const QString orgId = after.value(u"orgId").toString();
    const auto touch = [&](const QList<TouchSet> &sets, const QString &audience) -> Result<void> {
        for (const TouchSet &set : sets) {
            if (auto r = ChangeLog::touch(tx, orgId, set, audience); !r)
                return r;
        }
        return {};
    };
    if (spec.admission) {
        const Standing was = standingOf(*spec.admission, before);
        const Standing now = standingOf(*spec.admission, after);
        if (was != now) {
            // Only the owner's view changed: only they pull the rows again.
            const QString owner = after.value(spec.ownerField).toString();
            if (auto r = touch(admitted(spec, after, was, now), owner); !r)
                return r;
        }
    }
    if (before.isEmpty())
        return {}; // nothing was below a new record
    for (const QString &field : spec.releaseFields) {
        if (before.value(field) != after.value(field))
            return touch(below(spec, after.value(u"id").toString()), QString());
    }
    return {};
}

} // namespace Lectern::Server
