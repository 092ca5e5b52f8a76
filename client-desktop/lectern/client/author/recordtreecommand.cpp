#include "recordtreecommand.h"

#include "courseundostack.h"
#include "editbatch.h"

#include <QSet>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/uuidv7.h>

namespace Lectern::Client {

namespace {
const QString courseEntity = Entities::course().name;

QString parentOf(const RecordState &state)
{
    const EntitySpec *spec = EntityRegistry::find(state.entity);
    return spec && !spec->parentField.isEmpty() ? state.fields.value(spec->parentField).toString()
                                                : QString();
}

Error notOpen()
{
    return fail(ErrorCode::Unavailable,
                LocalStore::tr("The offline copy on this computer is not open."));
}
} // namespace

RecordTreeCommand::RecordTreeCommand(CourseUndoStack *stack, Kind kind, QList<RecordState> records,
                                     const QString &text)
    : AuthorCommand(stack, text)
    , m_kind(kind)
{
    if (kind == Remove) {
        m_roots = std::move(records);
        return;
    }
    m_records = std::move(records);
    QSet<QString> ids;
    for (const RecordState &state : std::as_const(m_records))
        ids.insert(state.id);
    for (const RecordState &state : std::as_const(m_records)) {
        if (!ids.contains(parentOf(state)))
            m_roots.append(state);
    }
}

Result<void> RecordTreeCommand::apply(bool forward)
{
    return (m_kind == Create) == forward ? createAll() : removeAll();
}

QString RecordTreeCommand::focusId(bool forward) const
{
    if (m_roots.isEmpty())
        return {};
    const RecordState &root = m_roots.first();
    const bool exists = (m_kind == Create) == forward;
    if (exists)
        return stack()->resolve(root.id);
    // Gone: its parent (from the last snapshot, which knows it).
    for (const RecordState &state : m_records) {
        if (state.entity == root.entity && stack()->resolve(state.id) == stack()->resolve(root.id))
            return stack()->resolve(parentOf(state));
    }
    return stack()->resolve(parentOf(root));
}

Result<void> RecordTreeCommand::removeAll()
{
    SyncController *sync = stack()->sync();
    if (!sync || !sync->store())
        return notOpen();
    // What is there now: edits made since the records were made (a lesson's text, a new item in
    // the module) come back with an undo.
    QList<RecordState> snapshot;
    for (const RecordState &root : std::as_const(m_roots))
        snapshot += RecordTree::snapshot(sync->store(), root.entity, stack()->resolve(root.id));
    if (snapshot.isEmpty())
        return fail(ErrorCode::NotFound, LocalStore::tr("This record no longer exists."));
    m_records = snapshot;
    EditBatch batch(sync, {courseEntity, Entities::module().name, Entities::content().name});
    // Children first, so no item is ever left without its module.
    for (qsizetype i = snapshot.size() - 1; i >= 0; --i) {
        const RecordState &state = snapshot.at(i);
        const Result<void> removed = sync->remove(state.entity, state.id);
        if (!removed && removed.error().code != QLatin1StringView(ErrorCode::NotFound))
            return removed;
    }
    return {};
}

Result<void> RecordTreeCommand::createAll()
{
    SyncController *sync = stack()->sync();
    if (!sync || !sync->store())
        return notOpen();
    EditBatch batch(sync, {courseEntity, Entities::module().name, Entities::content().name});
    QList<RecordState> made;
    const auto undoMade = [&] {
        for (qsizetype i = made.size() - 1; i >= 0; --i)
            (void)sync->remove(made.at(i).entity, made.at(i).id);
    };
    for (const RecordState &state : std::as_const(m_records)) {
        const EntitySpec *spec = EntityRegistry::find(state.entity);
        QJsonObject fields = state.fields;
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            const FieldSpec *field = spec ? spec->field(it.key()) : nullptr;
            if (field && field->type == FieldType::Id && it->isString())
                *it = stack()->resolve(it->toString());
        }
        // The server takes a new course only as a draft; it is published again by hand.
        if (state.entity == courseEntity)
            fields.insert(QStringLiteral("status"), QStringLiteral("draft"));
        const QString id = stack()->resolve(state.id);
        fields.insert(QStringLiteral("id"), id);
        Result<QString> created = sync->create(state.entity, fields);
        if (!created && created.error().code == QLatin1StringView(ErrorCode::AlreadyExists)) {
            // The store keeps the removed record's tombstone until the server has taken it.
            fields.insert(QStringLiteral("id"), createUuidV7String());
            created = sync->create(state.entity, fields);
            if (created)
                stack()->remap(id, *created);
        }
        if (!created) {
            undoMade();
            return created.error();
        }
        made.append({state.entity, *created, {}});
    }
    return {};
}

} // namespace Lectern::Client
