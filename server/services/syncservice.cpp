#include "syncservice.h"

#include "rules/conflictrules.h"
#include "rules/recordrules.h"
#include "search/searchindex.h"
#include "services/courseaccess.h"
#include "services/progressservice.h"
#include "storage/changelog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <lectern/hlc.h>
#include <lectern/jsonutil.h>
#include <lectern/merge.h>
#include <lectern/uuidv7.h>

Q_LOGGING_CATEGORY(lcSync, "lectern.server.sync")

namespace Lectern::Server {

namespace {

using Sync::OpResult;
using Sync::Outcome;

OpResult rejected(const Sync::Op &op, const char *reason, const QString &message)
{
    OpResult result;
    result.opId = op.opId;
    result.outcome = Outcome::Rejected;
    result.reason = QString::fromLatin1(reason);
    result.message = message;
    return result;
}

OpResult done(const Sync::Op &op, Outcome outcome, qint64 rev, const QString &conflictId = {})
{
    OpResult result;
    result.opId = op.opId;
    result.outcome = outcome;
    result.rev = rev;
    result.conflictId = conflictId;
    return result;
}

// The fields of a record without its bookkeeping (a conflict's "theirs" for a delete).
QJsonObject fieldsOf(const EntitySpec &spec, const Record &record)
{
    QJsonObject fields;
    for (const FieldSpec &f : spec.fields)
        fields.insert(f.name, record.value(f.name));
    return fields;
}

// Loads records of `spec` by id, tombstones included, a few hundred per statement (the id lists
// are padded to fixed sizes so that the statement cache holds a handful of statements).
Result<QHash<QString, Record>> loadByIds(Transaction &tx, const EntitySpec &spec,
                                         const QStringList &ids)
{
    QHash<QString, Record> records;
    constexpr qsizetype chunk = 250;
    for (qsizetype start = 0; start < ids.size(); start += chunk) {
        const QStringList part = ids.mid(start, chunk);
        const qsizetype size = part.size() <= 10 ? 10 : (part.size() <= 50 ? 50 : chunk);
        RecordFilter filter;
        filter.includeDeleted = true;
        QStringList placeholders;
        for (qsizetype i = 0; i < size; ++i) {
            const QString placeholder = QStringLiteral(":i%1").arg(i);
            placeholders.append(placeholder);
            filter.bind(placeholder, part.at(qMin(i, part.size() - 1)));
        }
        filter.add(QStringLiteral("id IN (") + placeholders.join(u", ") + u')');
        auto rows = RecordStore::select(tx, spec, filter, QString());
        if (!rows)
            return rows.error();
        for (const Record &record : *rows)
            records.insert(record.value(u"id").toString(), record);
    }
    return records;
}

// Applies the ops of one push inside its transaction: what the caller may do is decided per
// record from its course (found by walking the registry's parent fields up), cached per course.
class Applier
{
public:
    Applier(Transaction &tx, HlcClock &clock, const Caller &caller)
        : m_tx(tx)
        , m_clock(clock)
        , m_caller(caller)
        , m_rules(tx, clock, caller)
    { }

    Result<OpResult> apply(const Sync::Op &op);
    // After an op was undone: what was cached may describe records that are gone again.
    void forget()
    {
        m_rules.forgetAll();
        m_preloaded.clear();
    }
    // Reads the targets of `ops` (tombstones included) in a few statements, for apply() to take
    // instead of reading each on its own. Each is taken once: a second op on the same record
    // reads it again.
    Result<void> preload(const QList<Sync::Op> &ops);
    // After an op that may have written records other than its target (creates, deletes,
    // purges, conflicts, revivals): the preloaded copies may be stale.
    void dropPreloaded() { m_preloaded.clear(); }
    // The record as an op left it, for the op's answer, as the caller's pull would ship it: in
    // full when they may see it, a tombstone when it is deleted. Nothing when they may not see
    // it in full (material not released to a learner): their pull ships what they may see.
    Result<std::optional<Sync::Change>> stateOf(const EntitySpec &spec, const Record &record);

private:
    Result<OpResult> create(const Sync::Op &op, const EntitySpec &spec,
                            const std::optional<Record> &existing);
    Result<OpResult> update(const Sync::Op &op, const EntitySpec &spec, const Record &current,
                            const CourseAccess &access);
    Result<OpResult> remove(const Sync::Op &op, const EntitySpec &spec, const Record &current,
                            const CourseAccess &access);
    Result<OpResult> purge(const Sync::Op &op, const EntitySpec &spec, const Record &current);
    Result<QString> addConflict(const Sync::Op &op, const EntitySpec &spec, const Record &current,
                                const QString &courseId, QJsonObject fields);
    // Brings back the tombstoned ancestors of a record an edit keeps (a module under an item).
    Result<void> reviveAncestors(const EntitySpec &spec, const Record &record);

    Transaction &m_tx;
    HlcClock &m_clock;
    const Caller &m_caller;
    RuleContext m_rules; // the rules' view of the push: who asks, their access per course
    // "entity/id" -> the record as it was before the push; nullopt when there was none.
    QHash<QString, std::optional<Record>> m_preloaded;
};

Result<void> Applier::preload(const QList<Sync::Op> &ops)
{
    QHash<QString, QStringList> idsByEntity;
    for (const Sync::Op &op : ops) {
        const EntitySpec *spec = EntityRegistry::find(op.entity);
        const QString id = op.entityId.toLower();
        if (!spec || !isUuidString(id))
            continue;
        QStringList &ids = idsByEntity[spec->name];
        ids.append(id);
    }
    for (auto it = idsByEntity.begin(); it != idsByEntity.end(); ++it) {
        it->removeDuplicates();
        const EntitySpec &spec = *EntityRegistry::find(it.key());
        auto loaded = loadByIds(m_tx, spec, *it);
        if (!loaded)
            return loaded.error();
        for (const QString &id : std::as_const(*it)) {
            auto found = loaded->constFind(id);
            m_preloaded.insert(spec.name + u'/' + id,
                               found == loaded->constEnd() ? std::optional<Record>()
                                                           : std::optional<Record>(*found));
        }
    }
    return {};
}

Result<std::optional<Sync::Change>> Applier::stateOf(const EntitySpec &spec, const Record &record)
{
    Sync::Change change;
    change.entity = spec.name;
    change.entityId = record.value(u"id").toString();
    change.rev = record.value(u"rev").toInteger();
    change.hlc = record.value(u"hlc").toString();
    change.deleted = record.value(u"deleted").toBool();
    if (change.deleted)
        return std::optional<Sync::Change>(change);
    auto seen = RecordRules::of(spec).read(m_rules, record);
    if (!seen) {
        if (isRefusal(seen.error()))
            return std::optional<Sync::Change>();
        return seen.error();
    }
    change.fields = *seen;
    return std::optional<Sync::Change>(change);
}

Result<OpResult> Applier::apply(const Sync::Op &op)
{
    const EntitySpec *spec = EntityRegistry::find(op.entity);
    if (!spec)
        return rejected(op, Sync::Reason::UnknownEntity,
                        SyncService::tr("The server keeps no records of this kind."));
    if (!spec->syncWritable)
        return rejected(op, Sync::Reason::ServerDecides,
                        SyncService::tr("These records change through the server's own "
                                        "requests, not by sync."));
    // Append-only records (progress events) have rules of their own: made once, never changed.
    if (spec->isAppendOnly())
        return ProgressService::applyOp(m_tx, m_clock, m_caller, op);
    if (op.kind == Sync::OpKind::Append)
        return rejected(op, Sync::Reason::ValidationFailed,
                        SyncService::tr("These records are not append-only."));

    const QString id = op.entityId.toLower();
    Result<std::optional<Record>> existing = std::optional<Record>();
    if (auto it = m_preloaded.find(spec->name + u'/' + id); it != m_preloaded.end()) {
        existing = *it;
        m_preloaded.erase(it);
    } else {
        existing = RecordStore::get(m_tx, *spec, id, true);
        if (!existing)
            return existing.error();
    }
    const bool foreign = *existing && (*existing)->value(u"orgId").toString() != m_caller.orgId;

    if (op.kind == Sync::OpKind::Create) {
        if (foreign)
            return rejected(op, Sync::Reason::AlreadyExists,
                            SyncService::tr("A record with this id already exists."));
        return create(op, *spec, *existing);
    }
    if (!*existing || foreign)
        return rejected(op, Sync::Reason::NotFound, SyncService::tr("There is no such record."));
    const Record &current = **existing;

    if (op.kind == Sync::OpKind::Purge) {
        if (!m_caller.isAdmin())
            return rejected(op, Sync::Reason::Forbidden,
                            SyncService::tr("Only administrators can purge records."));
        return purge(op, *spec, current);
    }
    const RecordRules &rules = RecordRules::of(*spec);
    auto access = rules.mayChange(m_rules, current);
    if (!access)
        return access.error();
    if (op.kind == Sync::OpKind::Delete)
        return remove(op, *spec, current, *access);
    return update(op, *spec, current, *access);
}

Result<OpResult> Applier::create(const Sync::Op &op, const EntitySpec &spec,
                                 const std::optional<Record> &existing)
{
    if (existing)
        return rejected(op, Sync::Reason::AlreadyExists,
                        SyncService::tr("A record with this id already exists."));
    const QString id = op.entityId.toLower();
    QJsonObject values = op.newValues();
    for (const QString &key : {QStringLiteral("id"), QStringLiteral("orgId"), QStringLiteral("rev"),
                               QStringLiteral("hlc"), QStringLiteral("createdAt"),
                               QStringLiteral("updatedAt"), QStringLiteral("deleted")})
        values.remove(key);
    // A course made offline and published before the device could push arrives as one create
    // with its final status: its maker owns it and could have published it the moment it
    // existed, so the status stands (over REST a new course is a draft, published by action).
    const RecordRules &rules = RecordRules::of(spec);
    if (auto r = rules.prepareCreate(m_rules, values, QJsonValue()); !r)
        return r.error();
    auto made = RecordStore::insert(m_tx, m_clock, spec, m_caller.orgId, id,
                                    spec.normalize(values, EntitySpec::Mode::Create));
    if (!made)
        return made.error();
    if (auto r = rules.afterCreate(m_rules, *made); !r)
        return r.error();
    return done(op, Outcome::Applied, made->value(u"rev").toInteger());
}

// Who wrote the revision of a record that an op met: the first op pushed that left the record at
// that revision (a later op that changed nothing reports the same revision). Empty when no
// pushed op made it (a REST edit, the demo data).
Result<QString> authorOfRevision(Transaction &tx, const QString &orgId, const EntitySpec &spec,
                                 const Record &record)
{
    auto q = tx.query(QStringLiteral(
        "SELECT user_id FROM sync_ops WHERE entity_id = :id AND rev = :rev AND entity = :entity"
        " AND org_id = :org AND outcome IN ('applied', 'merged')"
        " ORDER BY received_at, device_seq LIMIT 1"));
    q.bind(QStringLiteral(":id"), record.value(u"id").toString())
        .bind(QStringLiteral(":rev"), record.value(u"rev").toInteger())
        .bind(QStringLiteral(":entity"), spec.name)
        .bind(QStringLiteral(":org"), orgId);
    if (auto r = q.exec(); !r)
        return r.error();
    return q.next() ? q.text(0) : QString();
}

// The names of users by id, as they are now.
Result<QHash<QString, QString>> userNames(Transaction &tx, const QStringList &ids)
{
    QHash<QString, QString> names;
    for (const QString &id : ids) {
        if (id.isEmpty() || names.contains(id))
            continue;
        auto q = tx.query(QStringLiteral("SELECT name FROM users WHERE id = :id"));
        q.bind(QStringLiteral(":id"), id);
        if (auto r = q.exec(); !r)
            return r.error();
        if (q.next())
            names.insert(id, q.text(0));
    }
    return names;
}

Result<QString> Applier::addConflict(const Sync::Op &op, const EntitySpec &spec,
                                     const Record &current, const QString &courseId,
                                     QJsonObject fields)
{
    auto theirsAuthor = authorOfRevision(m_tx, m_caller.orgId, spec, current);
    if (!theirsAuthor)
        return theirsAuthor.error();
    auto names = userNames(m_tx, {m_caller.userId, *theirsAuthor});
    if (!names)
        return names.error();
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    };
    fields.insert(QStringLiteral("courseId"), courseId);
    fields.insert(QStringLiteral("entity"), spec.name);
    fields.insert(QStringLiteral("entityId"), current.value(u"id"));
    fields.insert(QStringLiteral("opId"), op.opId.toLower());
    fields.insert(QStringLiteral("mineAuthorId"), m_caller.userId);
    fields.insert(QStringLiteral("mineAuthorName"), orNull(names->value(m_caller.userId)));
    fields.insert(QStringLiteral("mineHlc"), op.hlc);
    fields.insert(QStringLiteral("theirsAuthorId"), orNull(*theirsAuthor));
    fields.insert(QStringLiteral("theirsAuthorName"), orNull(names->value(*theirsAuthor)));
    fields.insert(QStringLiteral("theirsHlc"), current.value(u"hlc"));
    fields.insert(QStringLiteral("status"), QStringLiteral("open"));
    const EntitySpec &conflicts = Entities::conflict();
    const QString id = createUuidV7String();
    auto made = RecordStore::insert(m_tx, m_clock, conflicts, m_caller.orgId, id,
                                    conflicts.normalize(fields, EntitySpec::Mode::Create));
    if (!made)
        return made.error();
    return id;
}

Result<void> Applier::reviveAncestors(const EntitySpec &spec, const Record &record)
{
    const EntitySpec *parent = spec.parentSpec();
    if (!parent || !RecordRules::of(*parent).revivable())
        return {}; // a deleted course is gone for good (CourseAccess refuses it)
    auto up = RecordStore::get(m_tx, *parent, record.value(spec.parentField).toString(), true);
    if (!up)
        return up.error();
    if (!*up)
        return {};
    if (auto r = reviveAncestors(*parent, **up); !r)
        return r;
    if ((*up)->value(u"deleted").toBool()) {
        if (auto r = RecordStore::revive(m_tx, m_clock, *parent, **up, {}); !r)
            return r.error();
    }
    return {};
}

Result<OpResult> Applier::update(const Sync::Op &op, const EntitySpec &spec, const Record &current,
                                 const CourseAccess &access)
{
    static const QStringList bookkeeping
        = {QStringLiteral("id"),     QStringLiteral("orgId"),     QStringLiteral("rev"),
           QStringLiteral("hlc"),    QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
           QStringLiteral("deleted")};
    const RecordRules &rules = RecordRules::of(spec);
    ValidationErrors errors;
    QJsonObject toValidate;
    struct Patched
    {
        const FieldSpec *field;
        QJsonValue base;
        QJsonValue mine;
        QJsonValue theirs;
    };
    QList<Patched> patched;
    for (auto it = op.patch.cbegin(); it != op.patch.cend(); ++it) {
        const FieldSpec *f = spec.field(it.key());
        if (!f) {
            if (!bookkeeping.contains(it.key()))
                errors.add(it.key(), SyncService::tr("is not a known field"));
            continue;
        }
        const Patched p {f, RecordRules::canonical(*f, it->oldValue),
                         RecordRules::canonical(*f, it->newValue), current.value(f->name)};
        if (p.mine == p.base || p.mine == p.theirs)
            continue; // the op did not change it, or the server already has it
        // The record's rules: immutable fields, and fields only the server (or, for a course's
        // status, its owners) may change.
        if (auto r = rules.mayChangeField(m_rules, current, access, *f); !r) {
            if (r.error().code != QLatin1StringView(ErrorCode::ValidationFailed))
                return r.error();
            errors.add(ValidationErrors::fromError(r.error()));
            continue;
        }
        toValidate.insert(f->name, it->newValue);
        patched.append(p);
    }
    const ValidationErrors fieldErrors = spec.validate(toValidate, EntitySpec::Mode::Update);
    errors.add(fieldErrors);
    if (auto r = RecordStore::checkReferences(m_tx, spec, toValidate, m_caller.orgId, errors); !r)
        return r.error();
    if (!errors.isEmpty())
        return rejected(op, Sync::Reason::ValidationFailed, errors.summary());

    auto courseId = rules.courseOf(m_rules, current);
    if (!courseId)
        return courseId.error();
    const bool wasDeleted = current.value(u"deleted").toBool();
    QJsonObject writes;
    bool anyMerged = false;
    QStringList conflictIds;
    if (wasDeleted) {
        // Edit met delete: the edited record stays until someone decides (docs/architecture.md,
        // "Conflicts").
        auto conflict = addConflict(op, spec, current, *courseId,
                                    {{QStringLiteral("kind"), QStringLiteral("delete")},
                                     {QStringLiteral("mine"), op.newValues()},
                                     {QStringLiteral("theirs"), true}});
        if (!conflict)
            return conflict.error();
        conflictIds.append(*conflict);
    }
    QList<std::pair<Patched, Merge::FieldMerge>> conflicts;
    for (const Patched &p : std::as_const(patched)) {
        const Merge::FieldMerge merge = Merge::mergeField(*p.field, p.base, p.mine, p.theirs);
        switch (merge.outcome) {
        case Merge::FieldMerge::Outcome::KeepTheirs:
            break;
        case Merge::FieldMerge::Outcome::Merged:
            anyMerged = true;
            writes.insert(p.field->name, merge.value);
            break;
        case Merge::FieldMerge::Outcome::TakeMine:
            writes.insert(p.field->name, merge.value);
            break;
        case Merge::FieldMerge::Outcome::Conflict:
            conflicts.append({p, merge});
            break;
        }
    }
    for (auto it = writes.begin(); it != writes.end(); ++it)
        it.value() = RecordRules::canonical(*spec.field(it.key()), it.value());

    // The record's rules complete the writes: a move to another parent stays in the course and
    // goes last there unless placed; a resolved conflict says who resolved it and when.
    if (auto r = rules.prepareUpdate(m_rules, current, writes, QJsonValue()); !r)
        return r.error();

    qint64 rev = current.value(u"rev").toInteger();
    if (wasDeleted) {
        if (auto r = reviveAncestors(spec, current); !r)
            return r.error();
        auto revived = RecordStore::revive(m_tx, m_clock, spec, current, writes);
        if (!revived)
            return revived.error();
        rev = revived->value(u"rev").toInteger();
    } else if (!writes.isEmpty()) {
        auto updated = RecordStore::update(m_tx, m_clock, spec, current, writes);
        if (!updated)
            return updated.error();
        rev = updated->value(u"rev").toInteger();
        if (auto r = rules.afterUpdate(m_rules, current, *updated); !r)
            return r.error();
    }
    for (const auto &[p, merge] : std::as_const(conflicts)) {
        const bool text = p.field->merge == MergeRule::Text;
        auto conflict = addConflict(
            op, spec, current, *courseId,
            {{QStringLiteral("field"), p.field->name},
             {QStringLiteral("kind"), text ? QStringLiteral("text") : QStringLiteral("field")},
             {QStringLiteral("base"), p.base},
             {QStringLiteral("mine"), p.mine},
             {QStringLiteral("theirs"), p.theirs},
             {QStringLiteral("merged"), text ? merge.markedText : QString()}});
        if (!conflict)
            return conflict.error();
        conflictIds.append(*conflict);
    }
    if (!conflictIds.isEmpty())
        return done(op, Outcome::Conflict, rev, conflictIds.first());
    return done(op, anyMerged ? Outcome::Merged : Outcome::Applied, rev);
}

Result<OpResult> Applier::remove(const Sync::Op &op, const EntitySpec &spec, const Record &current,
                                 const CourseAccess &access)
{
    const qint64 rev = current.value(u"rev").toInteger();
    if (current.value(u"deleted").toBool())
        return done(op, Outcome::Applied, rev);
    const RecordRules &rules = RecordRules::of(spec);
    if (auto r = rules.mayDelete(m_rules, current, access); !r)
        return r.error();
    // Delete met edit: the record changed since the revision the device deleted. With old values
    // in the patch, only a real difference from them counts (not a sibling's renumbering).
    bool editedSince = op.baseRev && rev > *op.baseRev;
    if (editedSince && !op.patch.isEmpty()) {
        editedSince = false;
        for (auto it = op.patch.cbegin(); it != op.patch.cend(); ++it) {
            const FieldSpec *f = spec.field(it.key());
            if (f && f->merge != MergeRule::Order
                && RecordRules::canonical(*f, it->oldValue) != current.value(f->name))
                editedSince = true;
        }
    }
    if (editedSince) {
        auto courseId = rules.courseOf(m_rules, current);
        if (!courseId)
            return courseId.error();
        auto conflict = addConflict(op, spec, current, *courseId,
                                    {{QStringLiteral("kind"), QStringLiteral("delete")},
                                     {QStringLiteral("mine"), true},
                                     {QStringLiteral("theirs"), fieldsOf(spec, current)}});
        if (!conflict)
            return conflict.error();
        return done(op, Outcome::Conflict, rev, *conflict);
    }
    if (auto r = rules.remove(m_rules, current); !r)
        return r.error();
    return done(op, Outcome::Applied, rev + 1);
}

Result<OpResult> Applier::purge(const Sync::Op &op, const EntitySpec &spec, const Record &current)
{
    // Erasure (GDPR): the text goes everywhere the record went, copies in conflicts included.
    QJsonObject cleared;
    for (const FieldSpec &f : spec.fields) {
        if (f.type == FieldType::LongText || (f.type == FieldType::Text && f.required))
            cleared.insert(f.name, QString());
        else if (f.type == FieldType::Text)
            cleared.insert(f.name, QJsonValue());
    }
    auto wiped = RecordStore::update(m_tx, m_clock, spec, current, cleared);
    if (!wiped)
        return wiped.error();
    if (auto r = RecordRules::of(spec).remove(m_rules, *wiped); !r)
        return r.error();
    RecordFilter copies;
    copies.add(QStringLiteral("entity_id = :id AND entity = :entity"))
        .bind(QStringLiteral(":id"), current.value(u"id").toString())
        .bind(QStringLiteral(":entity"), spec.name);
    copies.includeDeleted = true;
    auto conflicts = RecordStore::select(m_tx, Entities::conflict(), copies, QStringLiteral("id"));
    if (!conflicts)
        return conflicts.error();
    for (const Record &conflict : *conflicts) {
        if (auto r = RecordStore::update(m_tx, m_clock, Entities::conflict(), conflict,
                                         {{QStringLiteral("base"), QJsonValue()},
                                          {QStringLiteral("mine"), QJsonValue()},
                                          {QStringLiteral("theirs"), QJsonValue()},
                                          {QStringLiteral("merged"), QString()}});
            !r)
            return r.error();
    }
    auto after = RecordStore::get(m_tx, spec, current.value(u"id").toString(), true);
    if (!after)
        return after.error();
    return done(op, Outcome::Applied, *after ? (*after)->value(u"rev").toInteger() : 0);
}

// sync_ops: the first outcome of every op, so that a repeated push answers the same.
struct StoredOp
{
    QString userId;
    OpResult result;
};

// The columns storedFrom() reads.
const QString storedColumns
    = QStringLiteral("op_id, user_id, outcome, rev, conflict_id, reason, message");

StoredOp storedFrom(const SqlQuery &q)
{
    StoredOp stored;
    stored.result.opId = q.text(0);
    stored.userId = q.text(1);
    stored.result.outcome = Sync::outcomeFromString(q.text(2)).value_or(Outcome::Rejected);
    stored.result.rev = q.int64(3);
    stored.result.conflictId = q.text(4);
    stored.result.reason = q.text(5);
    stored.result.message = q.text(6);
    return stored;
}

Result<std::optional<StoredOp>> storedOp(Transaction &tx, const QString &opId)
{
    auto q = tx.query(QStringLiteral("SELECT ") + storedColumns
                      + QStringLiteral(" FROM sync_ops WHERE op_id = :op"));
    q.bind(QStringLiteral(":op"), opId);
    if (auto r = q.exec(); !r)
        return r.error();
    if (!q.next())
        return std::optional<StoredOp>();
    return std::optional<StoredOp>(storedFrom(q));
}

// Which of `ops` were pushed before (sync_ops), a few hundred per statement: the ids of those
// that were, with their first outcome.
Result<QHash<QString, StoredOp>> storedOps(Transaction &tx, const QList<Sync::Op> &ops)
{
    QHash<QString, StoredOp> found;
    constexpr qsizetype chunk = 250;
    for (qsizetype start = 0; start < ops.size(); start += chunk) {
        const qsizetype count = qMin(chunk, ops.size() - start);
        // Padded to a fixed size, so that the statement cache holds one statement.
        QStringList placeholders;
        for (qsizetype i = 0; i < chunk; ++i)
            placeholders.append(QStringLiteral(":o%1").arg(i));
        auto q = tx.query(QStringLiteral("SELECT ") + storedColumns
                          + QStringLiteral(" FROM sync_ops WHERE op_id IN (")
                          + placeholders.join(u", ") + u')');
        for (qsizetype i = 0; i < chunk; ++i)
            q.bind(placeholders.at(i), ops.at(start + qMin(i, count - 1)).opId.toLower());
        if (auto r = q.exec(); !r)
            return r.error();
        while (q.next()) {
            const StoredOp stored = storedFrom(q);
            found.insert(stored.result.opId, stored);
        }
    }
    return found;
}

Result<void> storeOp(Transaction &tx, const Caller &caller, const Sync::Op &op,
                     const OpResult &result)
{
    auto q = tx.query(QStringLiteral(
        "INSERT INTO sync_ops (op_id, org_id, user_id, device_id, device_seq, entity, entity_id,"
        " outcome, rev, conflict_id, reason, message, received_at) VALUES (:op, :org, :user,"
        " :device, :seq, :entity, :entityId, :outcome, :rev, :conflict, :reason, :message, :at)"));
    q.bind(QStringLiteral(":op"), op.opId.toLower())
        .bind(QStringLiteral(":org"), caller.orgId)
        .bind(QStringLiteral(":user"), caller.userId)
        .bind(QStringLiteral(":device"), op.deviceId.toLower())
        .bind(QStringLiteral(":seq"), op.deviceSeq)
        .bind(QStringLiteral(":entity"), op.entity)
        .bind(QStringLiteral(":entityId"), op.entityId.toLower())
        .bind(QStringLiteral(":outcome"), Sync::toString(result.outcome))
        .bind(QStringLiteral(":rev"), result.rev)
        .bind(QStringLiteral(":conflict"), textOrNull(result.conflictId))
        .bind(QStringLiteral(":reason"), textOrNull(result.reason))
        .bind(QStringLiteral(":message"), textOrNull(result.message));
    q.bind(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
    return q.exec();
}

// Decides, for one pull, what the caller may see of each record, loading courses and the
// caller's enrolments once for the whole request.
class Visibility
{
public:
    Visibility(Transaction &tx, const Caller &caller)
        : m_tx(tx)
        , m_caller(caller)
    { }

    Result<void> loadEnrollments();
    Result<void> loadCourses(const QStringList &ids);
    const CourseAccess &access(const QString &courseId) const;
    bool enrolledIn(const QString &courseId) const { return m_enrollments.contains(courseId); }
    // Whether the caller ever had the course on their devices: enrolled now or before (an
    // enrolment deleted with its course), or an administrator of its organisation.
    bool hadCourse(const QString &courseId) const
    {
        return m_caller.isAdmin() || m_enrollments.contains(courseId)
            || m_pastEnrollments.contains(courseId);
    }

private:
    struct Standing
    {
        QString role;
        QString status;
        QString type;
    };
    Transaction &m_tx;
    const Caller &m_caller;
    QHash<QString, Standing> m_enrollments;
    QSet<QString> m_pastEnrollments;
    QHash<QString, CourseAccess> m_access;
    CourseAccess m_none;
};

Result<void> Visibility::loadEnrollments()
{
    auto q = m_tx.query(QStringLiteral("SELECT course_id, role, status, type, deleted"
                                       " FROM enrollments WHERE user_id = :me"));
    q.bind(QStringLiteral(":me"), m_caller.userId);
    if (auto r = q.exec(); !r)
        return r;
    while (q.next()) {
        if (q.int64(4) != 0)
            m_pastEnrollments.insert(q.text(0));
        else
            m_enrollments.insert(q.text(0), {q.text(1), q.text(2), q.text(3)});
    }
    return {};
}

Result<void> Visibility::loadCourses(const QStringList &ids)
{
    QStringList missing;
    for (const QString &id : ids) {
        if (!m_access.contains(id) && !missing.contains(id))
            missing.append(id);
    }
    if (missing.isEmpty())
        return {};
    auto courses = loadByIds(m_tx, Entities::course(), missing);
    if (!courses)
        return courses.error();
    for (const QString &id : std::as_const(missing)) {
        const Record course = courses->value(id);
        if (course.isEmpty() || course.value(u"deleted").toBool()
            || course.value(u"orgId").toString() != m_caller.orgId) {
            m_access.insert(id, CourseAccess());
            continue;
        }
        const Standing s = m_enrollments.value(id);
        m_access.insert(id, CourseAccess::from(m_caller, course, s.role, s.status, s.type));
    }
    return {};
}

const CourseAccess &Visibility::access(const QString &courseId) const
{
    auto it = m_access.constFind(courseId);
    return it == m_access.constEnd() ? m_none : *it;
}

} // namespace

namespace {
// A push is applied in transactions of at most this many ops or this much work, so that other
// writers (who queue for SQLite's one write lock, or PostgreSQL's change-sequence lock) wait at
// most about this long behind it. Each op's outcome is stored in sync_ops in the transaction of
// its effect, so a push cut off between two transactions answers the same when repeated.
constexpr qsizetype maxOpsPerTransaction = 200;
constexpr qint64 maxTransactionNs = 150'000'000;

// Why the database refused an op's values, for its rejection: the field when the database named
// its column ("seconds: must have a value"), in general words otherwise. Never the database's
// own words, which quote SQL.
QString refusal(const Transaction &tx, const Sync::Op &op)
{
    const QSqlError &failure = tx.lastFailure();
    const SqlDialect &dialect = tx.dialect();
    if (failure.type() == QSqlError::NoError || dialect.classify(failure) != SqlFailure::Data)
        return SyncService::tr("The server could not apply this change.");
    const QString column = dialect.refusedColumn(failure);
    if (const EntitySpec *spec = EntityRegistry::find(op.entity); spec && !column.isEmpty()) {
        for (const FieldSpec &f : spec->fields) {
            if (f.column != column)
                continue;
            return f.name + QStringLiteral(": ")
                + (dialect.isMissingValue(failure)
                       ? SyncService::tr("must have a value")
                       : SyncService::tr("is not allowed (the record it names may not exist)"));
        }
    }
    return SyncService::tr("A value is missing, of the wrong type, out of range, or names a "
                           "record that does not exist.");
}

// What a failed op (the error of Applier::apply, its savepoint rolled back) answers: rejected
// with a reason, or nothing when the database itself failed and the push must stop.
std::optional<OpResult> rejection(const Transaction &tx, const Sync::Op &op, const Error &error)
{
    const auto is = [&](const char *code) {
        return error.code == QLatin1StringView(code);
    };
    if (is(ErrorCode::Unavailable))
        return std::nullopt;
    if (is(ErrorCode::AlreadyExists))
        return rejected(op, Sync::Reason::Conflict,
                        SyncService::tr("Another record already has these values (a course "
                                        "code is used once per term)."));
    if (is(ErrorCode::ValidationFailed)) {
        const QString message = ValidationErrors::fromError(error).summary();
        return rejected(op, Sync::Reason::ValidationFailed,
                        message.isEmpty() ? error.message : message);
    }
    if (is(ErrorCode::NotFound))
        return rejected(op, Sync::Reason::NotFound, error.message);
    if (is(ErrorCode::Forbidden))
        return rejected(op, Sync::Reason::Forbidden, error.message);
    if (is(Sync::Reason::ServerDecides))
        return rejected(op, Sync::Reason::ServerDecides, error.message);
    if (is(ErrorCode::Conflict))
        return rejected(op, Sync::Reason::Conflict, error.message);
    // A statement refused the op's values (NOT NULL, CHECK, a foreign key, a type), or something
    // else went wrong with this op alone: it is refused, and the rest of the push goes on.
    if (tx.lastFailure().type() == QSqlError::NoError
        || tx.dialect().classify(tx.lastFailure()) != SqlFailure::Data)
        qCWarning(lcSync).noquote() << "op" << op.opId << "of" << op.entity << op.entityId
                                    << "failed:" << error.code << error.message;
    return rejected(op, Sync::Reason::ValidationFailed, refusal(tx, op));
}
} // namespace

namespace {
// The change rows an op wrote for its record ship in the device's pull after all (its answer
// could not give the record).
Result<void> forgetOrigin(Transaction &tx, const Sync::Op &op)
{
    auto q = tx.query(
        QStringLiteral("UPDATE change_log SET origin_device = NULL WHERE entity = :entity"
                       " AND entity_id = :id AND origin_device = :device"));
    q.bind(QStringLiteral(":entity"), op.entity)
        .bind(QStringLiteral(":id"), op.entityId.toLower())
        .bind(QStringLiteral(":device"), op.deviceId.toLower());
    return q.exec();
}

// For an op pushed again: its record as it stands now, or its change rows back in the pull.
Result<void> attachCurrentState(Transaction &tx, Applier &applier, const Sync::Op &op,
                                OpResult &result)
{
    const EntitySpec *spec = EntityRegistry::find(op.entity);
    if (!spec)
        return {};
    auto record = RecordStore::get(tx, *spec, op.entityId.toLower(), true);
    if (!record)
        return record.error();
    if (*record) {
        auto state = applier.stateOf(*spec, **record);
        if (!state)
            return state.error();
        if (*state) {
            result.state = **state;
            return {};
        }
    }
    return forgetOrigin(tx, op);
}
} // namespace

Result<QList<OpResult>> SyncService::push(const Caller &caller, const Sync::PushRequest &request)
{
    QList<OpResult> results;
    results.reserve(request.ops.size());
    while (results.size() < request.ops.size()) {
        // The ops from `results.size()` on, in one transaction until either bound is reached.
        if (auto r = pushSome(caller, request.ops, results); !r)
            return r.error(); // what earlier transactions applied stays, and answers the same
    }
    return results;
}

Result<void> SyncService::pushSome(const Caller &caller, const QList<Sync::Op> &ops,
                                   QList<OpResult> &results)
{
    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    QElapsedTimer timer;
    timer.start();
    Applier applier(tx, m_context.clock(), caller);
    SearchBatch search(tx);
    const qsizetype first = results.size();
    const QList<Sync::Op> some = ops.mid(first, maxOpsPerTransaction);
    if (auto r = applier.preload(some); !r)
        return r.error();
    // Ops pushed before, looked up together; an op id twice in this part is looked up again the
    // second time (the first stored its outcome meanwhile).
    auto pushedBefore = storedOps(tx, some);
    if (!pushedBefore)
        return pushedBefore.error();
    QSet<QString> seen;
    QList<OpResult> done;
    for (const Sync::Op &op : some) {
        if (!done.isEmpty() && timer.nsecsElapsed() >= maxTransactionNs)
            break;
        // The device's clock moves ours on, so what the server stamps next sorts after it.
        m_context.clock().receive(Hlc::fromString(op.hlc));
        const QString opId = op.opId.toLower();
        Result<std::optional<StoredOp>> stored = std::optional<StoredOp>();
        if (seen.contains(opId))
            stored = storedOp(tx, opId);
        else if (auto it = pushedBefore->constFind(opId); it != pushedBefore->constEnd())
            stored = std::optional<StoredOp>(*it);
        seen.insert(opId);
        if (!stored)
            return stored.error();
        if (*stored) {
            if ((*stored)->userId != caller.userId) {
                done.append(rejected(op, Sync::Reason::AlreadyExists,
                                     tr("Another account already sent an operation with "
                                        "this id.")));
                continue;
            }
            // Its first answer may never have arrived: the record as it stands now goes with
            // the same outcome, since the device's pull leaves out what the op wrote.
            OpResult again = (*stored)->result;
            if (again.outcome != Outcome::Rejected) {
                if (auto r = attachCurrentState(tx, applier, op, again); !r)
                    return r.error();
            }
            done.append(again);
            continue;
        }
        OpResult result;
        {
            // Each op on its own: whatever one op breaks undoes that op alone.
            const qsizetype searchMark = search.mark();
            Savepoint savepoint(tx);
            if (!savepoint.isOk())
                return tx.error();
            tx.clearFailure();
            // The change rows of the op's own record name the device (the answer gives it the
            // record), and the record as last written is kept for the answer.
            tx.origin
                = Transaction::Origin {op.deviceId.toLower(), op.entity, op.entityId.toLower(), {}};
            auto applied = applier.apply(op);
            const Transaction::Origin origin = std::exchange(tx.origin, std::nullopt).value();
            if (applied && applied->outcome != Outcome::Rejected) {
                if (auto r = savepoint.release(); !r)
                    return r.error();
                result = *applied;
                if (!origin.state.isEmpty()) {
                    auto state = applier.stateOf(*EntityRegistry::find(op.entity), origin.state);
                    if (!state)
                        return state.error();
                    if (*state)
                        result.state = **state;
                    else if (auto r = forgetOrigin(tx, op); !r)
                        return r.error();
                }
            } else {
                std::optional<OpResult> refused = applied ? std::optional<OpResult>(*applied)
                                                          : rejection(tx, op, applied.error());
                if (auto r = savepoint.rollback(); !r)
                    return r.error();
                search.rollbackTo(searchMark);
                applier.forget();
                if (!refused)
                    return applied.error(); // the database failed: nothing of this part stays
                result = *refused;
            }
        }
        // A plain update writes its own record alone; anything else may have written others.
        if (op.kind != Sync::OpKind::Update
            || (result.outcome != Outcome::Applied && result.outcome != Outcome::Merged))
            applier.dropPreloaded();
        if (auto r = storeOp(tx, caller, op, result); !r)
            return r.error();
        done.append(result);
    }
    if (auto r = search.flush(); !r)
        return r.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    results += done;
    return {};
}

Result<SyncService::PullQuery> SyncService::parsePullQuery(const QUrlQuery &query)
{
    PullQuery pull;
    ValidationErrors errors;
    if (query.hasQueryItem(QStringLiteral("cursor"))) {
        bool ok = false;
        const qint64 cursor = query.queryItemValue(QStringLiteral("cursor")).toLongLong(&ok);
        if (!ok || cursor < 0)
            errors.add(QStringLiteral("cursor"), tr("must be a whole number of 0 or more"));
        else
            pull.cursor = cursor;
    }
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const int limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > Sync::maxPullLimit)
            errors.add(QStringLiteral("limit"),
                       tr("must be a whole number from 1 to %1").arg(Sync::maxPullLimit));
        else
            pull.limit = limit;
    }
    if (query.hasQueryItem(QStringLiteral("deviceId"))) {
        const QString device = query.queryItemValue(QStringLiteral("deviceId")).toLower();
        if (!isUuidString(device))
            errors.add(QStringLiteral("deviceId"), tr("must be a UUID"));
        else
            pull.deviceId = device;
    }
    if (!errors.isEmpty())
        return errors.toError();
    return pull;
}

Result<Sync::PullPage> SyncService::pull(const Caller &caller, const PullQuery &query)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    // Read first: rows are numbered in the order their transactions commit (the change
    // sequence's lock), so every row up to this one is there for the reads below, whichever
    // snapshot each of them sees (PostgreSQL reads at READ COMMITTED).
    const auto newestAtStart = ChangeLog::latestSeq(tx, caller.orgId);
    if (!newestAtStart)
        return newestAtStart.error();
    Visibility visibility(tx, caller);
    if (auto r = visibility.loadEnrollments(); !r)
        return r.error();

    struct Row
    {
        qint64 seq;
        QString entity;
        QString id;
        qint64 rev;
        bool targeted; // written for this caller alone
    };
    Sync::PullPage page;
    page.cursor = query.cursor;
    // Where each record stands in `changes`: it ships once per page, at its newest row.
    QHash<QString, qsizetype> shipped;
    QList<std::optional<Sync::Change>> changes;
    qsizetype live = 0;
    qint64 examined = 0;
    // Rows the caller may not see are read and skipped; reading a few pages' worth of them per
    // request keeps a student's first sync in a busy organisation from being mostly empty pages.
    const qint64 maxExamined = qint64(query.limit) * 4;
    const QDateTime now = QDateTime::currentDateTimeUtc();

    // Only the registry's entities sync (not organisations, users or roles); their names are
    // fixed identifiers, so they go into the statement as they are.
    static const QString synced = [] {
        QStringList names;
        for (const EntitySpec &spec : EntityRegistry::all())
            names.append(u'\'' + spec.name + u'\'');
        return names.join(u", ");
    }();
    while (live < query.limit && examined < maxExamined) {
        const qint64 want = query.limit - live;
        // What the device's own pushes wrote of their records, their answers gave it.
        auto q = tx.query(
            QStringLiteral("SELECT seq, entity, entity_id, rev, audience_user_id FROM change_log"
                           " WHERE org_id = :org AND seq > :cursor AND entity IN (%1)"
                           " AND (audience_user_id IS NULL OR audience_user_id = :me)%2"
                           " ORDER BY seq LIMIT :limit")
                .arg(synced,
                     query.deviceId.isEmpty() ? QString()
                                              : QStringLiteral(" AND (origin_device IS NULL"
                                                               " OR origin_device <> :device)")));
        q.bind(QStringLiteral(":org"), caller.orgId)
            .bind(QStringLiteral(":cursor"), page.cursor)
            .bind(QStringLiteral(":me"), caller.userId)
            .bind(QStringLiteral(":limit"), want + 1);
        if (!query.deviceId.isEmpty())
            q.bind(QStringLiteral(":device"), query.deviceId);
        if (auto r = q.exec(); !r)
            return r.error();
        QList<Row> rows;
        while (q.next())
            rows.append({q.int64(0), q.text(1), q.text(2), q.int64(3), !q.value(4).isNull()});
        page.hasMore = rows.size() > want;
        if (page.hasMore)
            rows.removeLast();
        if (rows.isEmpty())
            break;
        examined += rows.size();
        page.cursor = rows.last().seq;

        // Every record of the batch in one statement per entity (and per few hundred ids).
        QHash<QString, QStringList> idsByEntity;
        for (const Row &row : std::as_const(rows)) {
            QStringList &ids = idsByEntity[row.entity];
            if (!ids.contains(row.id))
                ids.append(row.id);
        }
        QHash<QString, QHash<QString, Record>> records;
        QStringList courseIds;
        // Parents with a release of their own (an item's module): a learner gets a record only
        // when it and they are released.
        QHash<QString, QStringList> releasingParentIds;
        for (auto it = idsByEntity.cbegin(); it != idsByEntity.cend(); ++it) {
            const EntitySpec *spec = EntityRegistry::find(it.key());
            if (!spec)
                continue; // organisations, users, roles: not in the sync feed (yet)
            auto loaded = loadByIds(tx, *spec, it.value());
            if (!loaded)
                return loaded.error();
            const EntitySpec *releasing = RecordRules::of(*spec).releasingParent();
            for (const Record &record : std::as_const(*loaded)) {
                const QString course = spec->courseIdOf(record);
                if (!course.isEmpty())
                    courseIds.append(course);
                if (releasing)
                    releasingParentIds[releasing->name].append(
                        record.value(spec->parentField).toString());
            }
            records.insert(it.key(), *loaded);
        }
        if (auto r = visibility.loadCourses(courseIds); !r)
            return r.error();
        QHash<QString, QHash<QString, Record>> parents;
        for (auto it = releasingParentIds.begin(); it != releasingParentIds.end(); ++it) {
            QHash<QString, Record> &known = parents[it.key()];
            known = records.value(it.key());
            it->removeDuplicates();
            it->removeIf([&](const QString &id) { return known.contains(id); });
            if (it->isEmpty())
                continue;
            auto more = loadByIds(tx, EntityRegistry::get(it.key()), *it);
            if (!more)
                return more.error();
            known.insert(*more);
        }

        for (const Row &row : std::as_const(rows)) {
            const EntitySpec *spec = EntityRegistry::find(row.entity);
            if (!spec)
                continue;
            const Record record = records.value(row.entity).value(row.id);
            if (record.isEmpty())
                continue;
            // A newer revision has a later row, which ships it.
            if (record.value(u"rev").toInteger() > row.rev)
                continue;
            enum { Skip, Hidden, Stub, Full } show = Skip;
            const QString courseId = spec->courseIdOf(record);
            const CourseAccess &access = visibility.access(courseId);
            switch (spec->audience) {
            case Audience::Course:
                if (courseId.isEmpty()) {
                    // Organisation files: everyone in the organisation.
                    show = record.value(u"access").toString() == u"organization" ? Full : Skip;
                } else if (access.seesDrafts()) {
                    show = Full;
                } else if (access.canSee()) {
                    // What RecordRules::view() decides for one record, here for a page at once:
                    // released, locked (a stub: learners see what is coming and when), or hidden.
                    const RecordRules &rules = RecordRules::of(*spec);
                    auto release = rules.releaseOf(record, now);
                    if (const EntitySpec *parent = rules.releasingParent())
                        release
                            = std::max(release,
                                       RecordRules::of(*parent).releaseOf(
                                           parents.value(parent->name)
                                               .value(record.value(spec->parentField).toString()),
                                           now));
                    show = release == CourseAccess::Release::Open  ? Full
                        : release == CourseAccess::Release::Locked ? Stub
                                                                   : Hidden;
                } else if (visibility.enrolledIn(courseId)) {
                    // Enrolled where the course is not open to them (a draft, archived,
                    // dropped, waitlisted): they learn it is gone, never what it holds.
                    show = Hidden;
                } else if (record.value(u"deleted").toBool() && visibility.hadCourse(courseId)) {
                    // A deleted course takes its enrolments along: whoever had it learns that
                    // it and what it held are gone, so no device keeps a deleted course.
                    show = Hidden;
                }
                break;
            case Audience::CourseStaff:
                show = access.canEdit() ? Full : Skip;
                break;
            case Audience::Own:
                show = access.canEdit()
                        || (!spec->ownerField.isEmpty()
                            && record.value(spec->ownerField).toString() == caller.userId)
                    ? Full
                    : Skip;
                break;
            case Audience::OrgAdmin:
                show = caller.isAdmin() ? Full : Skip;
                break;
            case Audience::Author:
                // Theirs alone, wherever they stand now: it is what they wrote.
                show = record.value(spec->ownerField).toString() == caller.userId ? Full : Skip;
                break;
            }
            if (show == Skip && row.targeted)
                show = Hidden; // it was there for them before: now it is gone
            if (show == Skip)
                continue;
            Sync::Change change;
            change.seq = row.seq;
            change.entity = spec->name;
            change.entityId = row.id;
            change.rev = record.value(u"rev").toInteger();
            change.hlc = record.value(u"hlc").toString();
            change.deleted = show == Hidden || record.value(u"deleted").toBool();
            if (!change.deleted)
                change.fields = show == Stub
                    ? RecordRules::of(*spec).shownAt(CourseAccess::Release::Locked, record)
                    : record;
            const QString key = spec->name + u'/' + row.id;
            if (auto it = shipped.constFind(key); it != shipped.constEnd()) {
                changes[*it].reset();
                --live;
            }
            shipped.insert(key, changes.size());
            changes.append(change);
            ++live;
        }
        if (!page.hasMore)
            break;
    }
    if (!page.hasMore) {
        // Nothing further is for this caller: the rows up to the newest there was when this
        // pull began (the device's own, others' touches, what does not sync) are passed over for
        // good, so the next pull does not read them again.
        page.cursor = qMax(page.cursor, *newestAtStart);
    }
    page.changes.reserve(live);
    for (const std::optional<Sync::Change> &change : std::as_const(changes)) {
        if (change)
            page.changes.append(*change);
    }
    return page;
}

QStringList SyncService::conflictSorts()
{
    return {QStringLiteral("createdAt"), QStringLiteral("updatedAt")};
}

QStringList SyncService::conflictFilters()
{
    return {QStringLiteral("status"), QStringLiteral("courseId"), QStringLiteral("entity"),
            QStringLiteral("entityId")};
}

namespace {
// Conflicts are for the course's staff: its instructors and TAs, and the organisation's admins.
RecordFilter visibleConflicts(const Caller &caller)
{
    RecordFilter filter;
    filter.add(QStringLiteral("org_id = :org")).bind(QStringLiteral(":org"), caller.orgId);
    if (caller.isAdmin())
        return filter;
    const RecordFilter staff = CourseAccess::draftCourses(caller);
    filter.add(QStringLiteral("course_id IN (SELECT courses.id FROM courses WHERE deleted = 0 AND ")
               + staff.where + u')');
    for (const auto &[placeholder, value] : staff.binds) {
        if (placeholder != u":org")
            filter.bind(placeholder, value);
    }
    return filter;
}

Error noSuchConflict()
{
    return fail(ErrorCode::NotFound, SyncService::tr("There is no such conflict."));
}

// "Keep both" of a text conflict resolved through the REST API: the caller's version first.
QString keepBothText(const Record &conflict, const QString &serverText, bool callerWroteTheirs)
{
    const auto label = [&](const char *side) {
        const QString prefix = QString::fromLatin1(side);
        QString name = conflict.value(prefix + u"AuthorName").toString();
        if (name.isEmpty())
            name = SyncService::tr("someone");
        const qint64 wallMs = Hlc::fromString(conflict.value(prefix + u"Hlc").toString()).wallMs;
        if (wallMs <= 0)
            return SyncService::tr("[[ Version by %1 ]]").arg(name);
        return SyncService::tr("[[ Version by %1, %2 ]]")
            .arg(name,
                 QDateTime::fromMSecsSinceEpoch(wallMs, Qt::UTC)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")));
    };
    const QString base = conflict.value(u"base").toString();
    const QString opText = conflict.value(u"mine").toString();
    const QString end
        = SyncService::tr("[[ End of both versions: keep what you want and delete the [[ ]] "
                          "lines ]]");
    if (callerWroteTheirs)
        return Merge::keepBoth(base, serverText, opText, label("theirs"), label("mine"), end).text;
    return Merge::keepBoth(base, opText, serverText, label("mine"), label("theirs"), end).text;
}
} // namespace

Result<Page<Record>> SyncService::listConflicts(const Caller &caller, const ListQuery &query)
{
    RecordFilter filter = visibleConflicts(caller);
    ValidationErrors errors;
    if (const QString status = query.filter(QStringLiteral("status")); !status.isEmpty()) {
        if (status != u"open" && status != u"resolved")
            errors.add(QStringLiteral("status"), tr("must be open or resolved"));
        filter.add(QStringLiteral("status = :status")).bind(QStringLiteral(":status"), status);
    }
    for (const auto &[name, column] :
         {std::pair {QStringLiteral("courseId"), QStringLiteral("course_id")},
          std::pair {QStringLiteral("entityId"), QStringLiteral("entity_id")}}) {
        const QString value = query.filter(name);
        if (value.isEmpty())
            continue;
        if (!isUuidString(value))
            errors.add(name, tr("must be a UUID"));
        filter.add(column + QStringLiteral(" = :") + column).bind(u':' + column, value.toLower());
    }
    if (const QString entity = query.filter(QStringLiteral("entity")); !entity.isEmpty())
        filter.add(QStringLiteral("entity = :entity")).bind(QStringLiteral(":entity"), entity);
    if (!errors.isEmpty())
        return errors.toError();

    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    Page<Record> page;
    page.page = query.page;
    page.limit = query.limit;
    auto total = RecordStore::count(tx, Entities::conflict(), filter);
    if (!total)
        return total.error();
    page.total = *total;
    const QString direction = query.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    auto rows = RecordStore::select(tx, Entities::conflict(), filter,
                                    RecordStore::column(Entities::conflict(), query.sortField)
                                        + direction + QStringLiteral(", id") + direction,
                                    query.limit, query.offset());
    if (!rows)
        return rows.error();
    page.items = *rows;
    return page;
}

namespace {
Result<std::pair<Record, CourseAccess>> findConflict(Transaction &tx, const Caller &caller,
                                                     const QString &id)
{
    if (!isUuidString(id))
        return noSuchConflict();
    auto conflict = RecordStore::get(tx, Entities::conflict(), id.toLower());
    if (!conflict)
        return conflict.error();
    if (!*conflict || (*conflict)->value(u"orgId").toString() != caller.orgId)
        return noSuchConflict();
    auto access = CourseAccess::of(tx, caller, (*conflict)->value(u"courseId").toString());
    if (!access)
        return access.error();
    if (!access->canEdit())
        return noSuchConflict();
    return std::pair<Record, CourseAccess>(**conflict, *access);
}
} // namespace

Result<Record> SyncService::getConflict(const Caller &caller, const QString &id)
{
    Transaction tx(m_context.db(), Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto found = findConflict(tx, caller, id);
    if (!found)
        return found.error();
    return found->first;
}

Result<Record> SyncService::resolveConflict(const Caller &caller, const QString &id,
                                            const QJsonObject &body)
{
    ValidationErrors errors;
    const QString resolution = body.value(u"resolution").toString();
    static const QStringList resolutions = {QStringLiteral("mine"), QStringLiteral("theirs"),
                                            QStringLiteral("both"), QStringLiteral("edited")};
    if (!resolutions.contains(resolution))
        errors.add(QStringLiteral("resolution"), tr("must be mine, theirs, both or edited"));
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"resolution" && it.key() != u"value")
            errors.add(it.key(), tr("is not a known field"));
    }
    if (resolution == u"edited" && !body.contains(u"value"))
        errors.add(QStringLiteral("value"), tr("is required for an edited resolution"));
    if (!errors.isEmpty())
        return errors.toError();

    Transaction tx(m_context.db());
    if (!tx.isOk())
        return tx.error();
    auto found = findConflict(tx, caller, id);
    if (!found)
        return found.error();
    const auto &[conflict, access] = *found;
    if (conflict.value(u"status").toString() == u"resolved")
        return fail(ErrorCode::Conflict, tr("This conflict is already resolved."));
    const EntitySpec *spec = EntityRegistry::find(conflict.value(u"entity").toString());
    if (!spec)
        return fail(ErrorCode::Internal, tr("The conflict names an unknown kind of record."));
    auto target = RecordStore::get(tx, *spec, conflict.value(u"entityId").toString(), true);
    if (!target)
        return target.error();
    if (!*target)
        return fail(ErrorCode::NotFound, tr("The record of this conflict is gone."));
    const Record &record = **target;
    HlcClock &clock = m_context.clock();

    // The request's "mine" and "theirs" are the caller's: whoever wrote the server's side and
    // asks for "mine" keeps what they wrote. For anyone who wrote neither side (an
    // administrator) they are the conflict's sides. What is stored names the conflict's sides.
    const QString theirsAuthor = conflict.value(u"theirsAuthorId").toString();
    const bool callerWroteTheirs = !theirsAuthor.isEmpty() && caller.userId == theirsAuthor
        && caller.userId != conflict.value(u"mineAuthorId").toString();
    QString side = resolution;
    if (callerWroteTheirs && resolution == u"mine")
        side = QStringLiteral("theirs");
    else if (callerWroteTheirs && resolution == u"theirs")
        side = QStringLiteral("mine");

    if (auto r = ConflictRules::mayResolveAs(conflict, resolution); !r)
        return r.error();
    if (conflict.value(u"kind").toString() == u"delete") {
        // "mine" and "theirs" choose between the side that deleted and the side that edited.
        const QJsonValue chosen = conflict.value(side);
        const bool deleteIt = chosen == QJsonValue(true);
        if (deleteIt && !record.value(u"deleted").toBool()) {
            RuleContext context(tx, clock, caller);
            const RecordRules &rules = RecordRules::of(*spec);
            if (auto r = rules.mayDelete(context, record, access); !r)
                return r.error();
            if (auto r = rules.remove(context, record); !r)
                return r.error();
        } else if (!deleteIt && record.value(u"deleted").toBool()) {
            if (auto r = RecordStore::revive(tx, clock, *spec, record, {}); !r)
                return r.error();
        }
    } else {
        const QString fieldName = conflict.value(u"field").toString();
        const FieldSpec *field = spec->field(fieldName);
        if (!field)
            return fail(ErrorCode::Internal, tr("The conflict names an unknown field."));
        std::optional<QJsonValue> value;
        if (side == u"mine") {
            value = conflict.value(u"mine");
        } else if (resolution == u"both") {
            // Only the passages both changed are kept twice, labelled; the rest merges. The
            // server's side is what the record holds now (it may have moved on since).
            value = QJsonValue(
                keepBothText(conflict, record.value(fieldName).toString(), callerWroteTheirs));
        } else if (resolution == u"edited") {
            value = body.value(u"value");
        }
        if (value) {
            const QJsonObject change {{fieldName, *value}};
            ValidationErrors invalid = spec->validate(change, EntitySpec::Mode::Update);
            if (auto r = RecordStore::checkReferences(tx, *spec, change, caller.orgId, invalid); !r)
                return r.error();
            if (!invalid.isEmpty()) {
                ValidationErrors named;
                named.add(QStringLiteral("value"), invalid.message(fieldName));
                return named.toError();
            }
            const QJsonObject normalized = spec->normalize(change, EntitySpec::Mode::Update);
            if (normalized.value(fieldName) != record.value(fieldName)) {
                if (auto r = RecordStore::update(tx, clock, *spec, record, normalized); !r)
                    return r.error();
            }
        }
    }
    auto resolved = RecordStore::update(
        tx, clock, Entities::conflict(), conflict,
        {{QStringLiteral("status"), QStringLiteral("resolved")},
         {QStringLiteral("resolution"), side},
         {QStringLiteral("resolvedBy"), caller.userId},
         {QStringLiteral("resolvedAt"), Json::fromDateTime(QDateTime::currentDateTimeUtc())}});
    if (!resolved)
        return resolved.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return resolved;
}

} // namespace Lectern::Server
