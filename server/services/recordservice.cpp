#include "recordservice.h"

#include "rules/recordrules.h"

#include <lectern/uuidv7.h>

namespace Lectern::Server {

namespace {
Error notFound(const EntitySpec &spec)
{
    return fail(ErrorCode::NotFound, RecordService::tr("There is no such %1.").arg(spec.name));
}

// Splits the optional `position` ("first", "last", {"after": id}, {"before": id}) off a body.
QJsonValue takePosition(QJsonObject &body)
{
    const QJsonValue position = body.value(u"position");
    body.remove(QStringLiteral("position"));
    return position;
}

// The rules' refusal with the door's own field errors added, or the door's errors alone.
Error withFieldErrors(const Error &refusal, const ValidationErrors &door)
{
    if (refusal.code != QLatin1StringView(ErrorCode::ValidationFailed))
        return refusal;
    ValidationErrors all = ValidationErrors::fromError(refusal);
    all.add(door);
    return all.toError();
}

// Makes the record, or answers the existing one when the same id and fields were sent before (a
// repeated create is not an error; HTTP conventions).
Result<std::pair<Record, bool>> createOnce(RuleContext &context, const EntitySpec &spec,
                                           const QJsonObject &fields, QString id)
{
    if (!id.isEmpty()) {
        auto existing = RecordStore::get(context.tx(), spec, id, true);
        if (!existing)
            return existing.error();
        if (*existing) {
            const Record &record = **existing;
            bool same = !record.value(u"deleted").toBool()
                && record.value(u"orgId").toString() == context.caller().orgId;
            for (auto it = fields.begin(); same && it != fields.end(); ++it) {
                if (it.key() != u"orderKey") // the server may have placed it
                    same = record.value(it.key()) == it.value();
            }
            if (same)
                return std::pair<Record, bool>(record, false);
            return fail(ErrorCode::Conflict,
                        RecordService::tr("A different record already has this id."));
        }
    } else {
        id = createUuidV7String();
    }
    auto created = RecordStore::insert(context.tx(), context.clock(), spec, context.caller().orgId,
                                       id, fields);
    if (!created)
        return created.error();
    return std::pair<Record, bool>(*created, true);
}

QString orderBy(const EntitySpec &spec, const ListQuery &query)
{
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    return RecordStore::column(spec, query.sortField) + direction + QStringLiteral(", id")
        + direction;
}
} // namespace

Result<QString> RecordService::requestedId(const QJsonObject &body)
{
    const QJsonValue id = body.value(u"id");
    if (id.isUndefined() || id.isNull())
        return QString();
    if (!id.isString() || !isUuidString(id.toString())) {
        ValidationErrors errors;
        errors.add(QStringLiteral("id"), tr("must be a UUID"));
        return errors.toError();
    }
    return id.toString().toLower();
}

Result<RecordService::Changing> RecordService::changing(Transaction &tx, RuleContext &context,
                                                        const EntitySpec &spec, const QString &id)
{
    if (!isUuidString(id))
        return notFound(spec);
    auto found = RecordStore::get(tx, spec, id.toLower());
    if (!found)
        return found.error();
    if (!*found)
        return notFound(spec);
    auto access = RecordRules::of(spec).mayChange(context, **found);
    if (!access)
        return access.error().code == QLatin1StringView(ErrorCode::NotFound) ? notFound(spec)
                                                                             : access.error();
    return Changing {**found, *access};
}

QStringList RecordService::sortFields(const EntitySpec &spec)
{
    QStringList sorts;
    for (const QString &field : {QStringLiteral("orderKey"), QStringLiteral("title")}) {
        if (spec.field(field))
            sorts.append(field);
    }
    sorts.append(QStringLiteral("createdAt"));
    return sorts;
}

Result<std::pair<Record, bool>> RecordService::create(const Caller &caller, const EntitySpec &spec,
                                                      const QString &parentId,
                                                      const QJsonObject &input,
                                                      const ValidationErrors &doorErrors)
{
    QJsonObject body = input;
    const QJsonValue position = takePosition(body);
    auto id = requestedId(body);
    if (!id)
        return id.error();
    ValidationErrors door = doorErrors;
    if (!spec.parentField.isEmpty() && !parentId.isNull()) {
        const EntitySpec *parent = spec.parentSpec();
        if (!isUuidString(parentId))
            return notFound(parent ? *parent : spec);
        const QString inAddress = parentId.toLower();
        if (body.contains(spec.parentField)
            && body.value(spec.parentField).toString().toLower() != inAddress)
            door.add(spec.parentField,
                     tr("must be the %1 in the address").arg(parent ? parent->name : spec.name));
        body.insert(spec.parentField, inAddress);
    }

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    RuleContext context(tx, m_context.clock(), caller);
    const RecordRules &rules = RecordRules::of(spec);
    if (auto r = rules.prepareCreate(context, body, position); !r)
        return withFieldErrors(r.error(), door);
    if (!door.isEmpty())
        return door.toError();
    auto made = createOnce(context, spec, spec.normalize(body, EntitySpec::Mode::Create), *id);
    if (!made)
        return made.error();
    if (made->second) {
        if (auto r = rules.afterCreate(context, made->first); !r)
            return r.error();
    }
    if (auto r = tx.commit(); !r)
        return r.error();
    return made;
}

Result<Record> RecordService::get(const Caller &caller, const EntitySpec &spec, const QString &id)
{
    if (!isUuidString(id))
        return notFound(spec);
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto record = RecordStore::get(tx, spec, id.toLower());
    if (!record)
        return record.error();
    if (!*record)
        return notFound(spec);
    RuleContext context(tx, m_context.clock(), caller);
    auto read = RecordRules::of(spec).read(context, **record);
    if (!read)
        return read.error().code == QLatin1StringView(ErrorCode::NotFound) ? notFound(spec)
                                                                           : read.error();
    return read;
}

Result<Record> RecordService::update(const Caller &caller, const EntitySpec &spec,
                                     const QString &id, const QJsonObject &input,
                                     const DoorCheck &door)
{
    QJsonObject body = input;
    const QJsonValue position = takePosition(body);
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    RuleContext context(tx, m_context.clock(), caller);
    const RecordRules &rules = RecordRules::of(spec);
    auto target = changing(tx, context, spec, id);
    if (!target)
        return target.error();
    const Record &current = target->record;
    const CourseAccess &access = target->access;

    ValidationErrors errors;
    if (door) {
        door(current, errors);
        if (!errors.isEmpty())
            return errors.toError();
    }
    // A record sent back as it was read is fine: only what differs is a change.
    for (const FieldSpec &field : spec.fields) {
        if (!body.contains(field.name))
            continue;
        if (RecordRules::canonical(field, body.value(field.name)) == current.value(field.name)) {
            if (field.immutable || field.merge == MergeRule::ServerDecides)
                body.remove(field.name);
            continue;
        }
        if (auto r = rules.mayChangeField(context, current, access, field); !r) {
            if (r.error().code != QLatin1StringView(ErrorCode::ValidationFailed))
                return r.error();
            errors.add(ValidationErrors::fromError(r.error()));
        }
    }
    if (!errors.isEmpty())
        return errors.toError();
    if (auto r = rules.prepareUpdate(context, current, body, position); !r)
        return r.error();
    errors = spec.validate(body, EntitySpec::Mode::Update);
    if (auto r = RecordStore::checkReferences(tx, spec, body, caller.orgId, errors); !r)
        return r.error();
    if (!errors.isEmpty())
        return errors.toError();
    auto updated = RecordStore::update(tx, m_context.clock(), spec, current,
                                       spec.normalize(body, EntitySpec::Mode::Update));
    if (!updated)
        return updated.error();
    if (auto r = rules.afterUpdate(context, current, *updated); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return updated;
}

Result<void> RecordService::remove(const Caller &caller, const EntitySpec &spec, const QString &id)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    RuleContext context(tx, m_context.clock(), caller);
    const RecordRules &rules = RecordRules::of(spec);
    auto target = changing(tx, context, spec, id);
    if (!target)
        return target.error();
    if (auto r = rules.mayDelete(context, target->record, target->access); !r)
        return r;
    if (auto r = rules.remove(context, target->record); !r)
        return r;
    return tx.commit();
}

Result<Page<Record>> RecordService::listChildren(const Caller &caller, const EntitySpec &spec,
                                                 const QString &parentId, const ListQuery &query)
{
    const EntitySpec *parent = spec.parentSpec();
    if (!parent)
        return notFound(spec);
    if (!isUuidString(parentId))
        return notFound(*parent);
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto located = RecordStore::get(tx, *parent, parentId.toLower());
    if (!located)
        return located.error();
    if (!*located)
        return notFound(*parent);
    RuleContext context(tx, m_context.clock(), caller);
    auto seen = RecordRules::of(*parent).view(context, **located);
    if (!seen)
        return seen.error().code == QLatin1StringView(ErrorCode::NotFound) ? notFound(*parent)
                                                                           : seen.error();
    const CourseAccess &access = seen->access;
    RecordFilter filter;
    filter.add(spec.field(spec.parentField)->column + QStringLiteral(" = :parent"))
        .bind(QStringLiteral(":parent"), (*located)->value(u"id").toString());
    // Records with an audience of their own: what is the caller's (private ones, a learner's
    // own), nothing of what is for staff only.
    const bool ownOnly = spec.audience == Audience::Author
        || (spec.audience == Audience::Own && !access.seesDrafts());
    if (ownOnly)
        filter.add(spec.field(spec.ownerField)->column + QStringLiteral(" = :owner"))
            .bind(QStringLiteral(":owner"), caller.userId);
    if (spec.audience == Audience::CourseStaff && !access.canEdit())
        filter.add(QStringLiteral("1 = 0"));
    RecordStore::addTextFilter(filter, query.filter(QStringLiteral("q")));
    auto rows = RecordStore::select(tx, spec, filter, orderBy(spec, query));
    if (!rows)
        return rows.error();
    // Course material: learners see what is released, or the stub of what is locked, and no
    // more than the parent shows (RecordRules::view() of each, without a query per record).
    const RecordRules &rules = RecordRules::of(spec);
    QList<Record> visible;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Record &record : *rows) {
        if (access.seesDrafts() || spec.audience != Audience::Course) {
            visible.append(record);
            continue;
        }
        const auto release = std::max(seen->release, rules.releaseOf(record, now));
        if (release != CourseAccess::Release::Hidden)
            visible.append(rules.shownAt(release, record));
    }
    Page<Record> page;
    page.page = query.page;
    page.limit = query.limit;
    page.total = visible.size();
    page.items = visible.mid(query.offset(), query.limit);
    return page;
}

} // namespace Lectern::Server
