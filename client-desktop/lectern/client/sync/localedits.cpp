#include "localedits.h"

#include "localconnection.h"
#include "localrecords.h"
#include "localstore.h"
#include "outbox.h"
#include "syncbookkeeping.h"

#include <QSet>
#include <algorithm>
#include <lectern/entityspec.h>
#include <lectern/merge.h>
#include <lectern/uuidv7.h>

namespace Lectern::Client {

LocalEdits::LocalEdits(LocalConnection &connection, LocalRecords &records, Outbox &outbox,
                       SyncBookkeeping &bookkeeping)
    : m_connection(connection)
    , m_records(records)
    , m_outbox(outbox)
    , m_bookkeeping(bookkeeping)
{ }

namespace {
// The refusals every edit gives alike: an unknown entity, one only the server changes, and the
// wrong kind of edit for append-only records (or an append of an editable one).
std::optional<Error> refuseEdit(const EntitySpec *spec, const QString &entity, Sync::OpKind kind)
{
    if (!spec)
        return Error(
            QString::fromLatin1(Sync::Reason::UnknownEntity),
            LocalStore::tr("Lectern does not know records of the kind \"%1\".").arg(entity));
    if (!spec->syncWritable)
        return Error(QString::fromLatin1(Sync::Reason::ServerDecides),
                     LocalStore::tr("This can only be changed while connected to the server."));
    if (spec->isAppendOnly() && kind != Sync::OpKind::Append)
        return Error(QString::fromLatin1(Sync::Reason::AppendOnly),
                     LocalStore::tr("These records are kept as they were made and cannot be "
                                    "changed or deleted."));
    if (!spec->isAppendOnly() && kind == Sync::OpKind::Append)
        return Error(
            QString::fromLatin1(Sync::Reason::ValidationFailed),
            LocalStore::tr("Records of the kind \"%1\" are created, not appended.").arg(entity));
    return std::nullopt;
}
} // namespace

Result<QString> LocalEdits::add(const QString &entity, const QJsonObject &fields, Sync::OpKind kind)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (const std::optional<Error> refused = refuseEdit(spec, entity, kind))
        return *refused;
    ValidationErrors errors = spec->validate(fields, EntitySpec::Mode::Create);
    QString id = fields.value(u"id").toString().toLower();
    if (id.isEmpty())
        id = createUuidV7String();
    else if (!isUuidString(id))
        errors.add(QStringLiteral("id"), LocalStore::tr("must be a UUID"));
    if (!errors.isEmpty())
        return errors.toError();
    if (!m_connection.isOpen())
        return LocalConnection::notOpen();

    const QJsonObject values = spec->normalize(fields, EntitySpec::Mode::Create);
    LocalTransaction transaction(m_connection);
    if (!transaction.isOk())
        return m_connection.storageError();
    if (m_records.load(entity, id)) {
        // An append-only record is made once: the same one again is not a second one.
        if (kind == Sync::OpKind::Append)
            return id;
        return Error(QString::fromLatin1(ErrorCode::AlreadyExists),
                     LocalStore::tr("A record with this id exists already."));
    }
    const std::optional<QString> hlc = m_bookkeeping.nextHlc();
    Sync::Op op;
    op.opId = createUuidV7String();
    op.deviceId = m_deviceId;
    op.hlc = hlc.value_or(QString());
    op.entity = entity;
    op.entityId = id;
    op.kind = kind;
    for (auto it = values.begin(); it != values.end(); ++it)
        op.patch.insert(it.key(), Sync::FieldChange {{}, it.value(), false});

    StoredRecord row;
    row.entity = entity;
    row.id = id;
    row.fields = values;
    row.fields.insert(QStringLiteral("id"), id);
    if (!hlc || !m_outbox.insert(op) || !m_records.save(row) || !transaction.commit())
        return m_connection.storageError();
    return id;
}

Result<void> LocalEdits::update(const QString &entity, const QString &id,
                                const QJsonObject &changes, const QJsonObject &bases)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (const std::optional<Error> refused = refuseEdit(spec, entity, Sync::OpKind::Update))
        return *refused;
    const ValidationErrors errors = spec->validate(changes, EntitySpec::Mode::Update);
    if (!errors.isEmpty())
        return errors.toError();
    if (!m_connection.isOpen())
        return LocalConnection::notOpen();
    const QJsonObject values = spec->normalize(changes, EntitySpec::Mode::Update);

    LocalTransaction transaction(m_connection);
    if (!transaction.isOk())
        return m_connection.storageError();
    std::optional<StoredRecord> row = m_records.load(entity, id);
    if (!row || row->deleted)
        return Error(QString::fromLatin1(ErrorCode::NotFound),
                     LocalStore::tr("This record no longer exists."));

    QJsonObject merged = values;
    // Fields whose edit overlaps what arrived meanwhile: the op says what the editor started
    // from, so the server sees both edits and keeps them in a conflict instead of taking this
    // one over the other.
    QJsonObject overlapping;
    for (auto it = bases.begin(); it != bases.end(); ++it) {
        const FieldSpec *field = spec->field(it.key());
        const QJsonValue current = row->fields.value(it.key());
        if (!field || field->merge != MergeRule::Text || !merged.contains(it.key())
            || current == it.value())
            continue;
        const Merge::TextMerge text = Merge::mergeText(
            it.value().toString(), merged.value(it.key()).toString(), current.toString());
        if (text.clean)
            merged.insert(it.key(), text.merged);
        else
            overlapping.insert(it.key(), it.value());
    }

    QMap<QString, QJsonValue> changed;
    for (auto it = merged.begin(); it != merged.end(); ++it) {
        if (localDefined(row->fields.value(it.key())) != localDefined(it.value()))
            changed.insert(it.key(), localDefined(it.value()));
    }
    if (changed.isEmpty())
        return {};

    const std::optional<QString> hlc = m_bookkeeping.nextHlc();
    if (!hlc)
        return m_connection.storageError();
    QList<StoredOp> ops = m_outbox.ofRecord(entity, id);
    QSet<int> touched; // indexes into ops
    QMap<QString, Sync::FieldChange> rest;
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        const QString &name = it.key();
        // In-flight ops always precede queued ones (a batch is the head of the outbox), so the
        // newest op holding this field is the one to fold into, if it is not on its way yet.
        int holder = -1;
        for (int i = ops.size() - 1; i >= 0 && !ops[i].frozen(); --i) {
            if (ops[i].op.patch.contains(name)) {
                holder = i;
                break;
            }
        }
        if (holder >= 0) {
            Sync::FieldChange &change = ops[holder].op.patch[name];
            change.newValue = it.value();
            // Back to where it started: the old value, or for a field the record never had,
            // what such a record holds (an undone first publish is `false`, not null).
            const FieldSpec *field = spec->field(name);
            const QJsonValue started = change.oldValue.isNull() && field
                ? field->absentValue()
                : localDefined(change.oldValue);
            if (change.hasOld
                && (localDefined(change.oldValue) == it.value() || started == it.value()))
                ops[holder].op.patch.remove(name);
            touched.insert(holder);
        } else {
            const QJsonValue old
                = overlapping.contains(name) ? overlapping.value(name) : row->fields.value(name);
            rest.insert(name, Sync::FieldChange {localDefined(old), it.value(), true});
        }
    }
    bool ok = true;
    if (!rest.isEmpty()) {
        const int last = int(ops.size()) - 1;
        if (last >= 0 && !ops[last].frozen()
            && (ops[last].op.kind == Sync::OpKind::Update
                || ops[last].op.kind == Sync::OpKind::Create)) {
            const bool isCreate = ops[last].op.kind == Sync::OpKind::Create;
            for (auto it = rest.begin(); it != rest.end(); ++it) {
                Sync::FieldChange change = it.value();
                if (isCreate)
                    change = Sync::FieldChange {{}, change.newValue, false};
                ops[last].op.patch.insert(it.key(), change);
            }
            touched.insert(last);
        } else {
            Sync::Op op;
            op.opId = createUuidV7String();
            op.deviceId = m_deviceId;
            op.hlc = *hlc;
            op.entity = entity;
            op.entityId = id;
            op.kind = Sync::OpKind::Update;
            if (row->serverFields)
                op.baseRev = row->serverRev;
            op.patch = rest;
            ok = m_outbox.insert(op);
        }
    }
    for (int index : std::as_const(touched)) {
        if (!ok)
            break;
        Sync::Op &op = ops[index].op;
        op.hlc = *hlc;
        if (op.patch.isEmpty() && op.kind == Sync::OpKind::Update)
            ok = m_outbox.remove(op.deviceSeq);
        else
            ok = m_outbox.savePatch(op);
    }
    for (auto it = changed.begin(); it != changed.end(); ++it)
        row->fields.insert(it.key(), it.value());
    if (!ok || !m_records.save(*row) || !transaction.commit())
        return m_connection.storageError();
    return {};
}

Result<void> LocalEdits::remove(const QString &entity, const QString &id)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (spec) {
        if (const std::optional<Error> refused = refuseEdit(spec, entity, Sync::OpKind::Delete))
            return *refused;
    }
    if (!m_connection.isOpen())
        return LocalConnection::notOpen();
    LocalTransaction transaction(m_connection);
    if (!transaction.isOk())
        return m_connection.storageError();
    std::optional<StoredRecord> row = m_records.load(entity, id);
    if (!row || row->deleted)
        return Error(QString::fromLatin1(ErrorCode::NotFound),
                     LocalStore::tr("This record no longer exists."));
    const QList<StoredOp> ops = m_outbox.ofRecord(entity, id);
    const bool neverPushed = !row->serverFields && !ops.isEmpty()
        && ops.first().op.kind == Sync::OpKind::Create
        && std::none_of(ops.begin(), ops.end(), [](const StoredOp &op) { return op.frozen(); });
    bool ok = true;
    if (neverPushed) {
        // The server never heard of it: forgetting it here is the whole delete.
        ok = m_outbox.removeAllOf(entity, id) && m_records.erase(entity, id);
    } else {
        const std::optional<QString> hlc = m_bookkeeping.nextHlc();
        Sync::Op op;
        op.opId = createUuidV7String();
        op.deviceId = m_deviceId;
        op.hlc = hlc.value_or(QString());
        op.entity = entity;
        op.entityId = id;
        op.kind = Sync::OpKind::Delete;
        if (row->serverFields)
            op.baseRev = row->serverRev;
        row->deleted = true;
        ok = hlc && m_outbox.insert(op) && m_records.save(*row);
    }
    if (!ok || !transaction.commit())
        return m_connection.storageError();
    return {};
}

} // namespace Lectern::Client
