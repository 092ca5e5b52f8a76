#include "updaterecordscommand.h"

#include "courseundostack.h"
#include "editbatch.h"

#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

RecordChange RecordChange::capture(const LocalStore *store, const QString &entity,
                                   const QString &id, const QJsonObject &after)
{
    RecordChange change {entity, id, {}, after};
    const std::optional<LocalRecord> record = store ? store->record(entity, id) : std::nullopt;
    const EntitySpec *spec = EntityRegistry::find(entity);
    for (auto it = after.begin(); it != after.end(); ++it) {
        QJsonValue value = record ? record->fields.value(it.key()) : QJsonValue();
        if (value.isUndefined()) {
            // Never set: undo puts back what the record held then, not a null its rules refuse.
            const FieldSpec *field = spec ? spec->field(it.key()) : nullptr;
            value = field ? field->absentValue() : QJsonValue();
        }
        change.before.insert(it.key(), value);
    }
    return change;
}

UpdateRecordsCommand::UpdateRecordsCommand(CourseUndoStack *stack, QList<RecordChange> changes,
                                           const QString &text)
    : AuthorCommand(stack, text)
    , m_changes(std::move(changes))
{ }

Result<void> UpdateRecordsCommand::apply(bool forward)
{
    SyncController *sync = stack()->sync();
    if (!sync)
        return fail(ErrorCode::Unavailable,
                    LocalStore::tr("The offline copy on this computer is not open."));
    std::optional<EditBatch> batch;
    if (m_changes.size() > 1)
        batch.emplace(sync,
                      QStringList {Entities::course().name, Entities::module().name,
                                   Entities::content().name});
    // Taken back in the reverse order: a record moved twice ends where it started.
    for (qsizetype n = 0; n < m_changes.size(); ++n) {
        const RecordChange &change = m_changes.at(forward ? n : m_changes.size() - 1 - n);
        QJsonObject values = forward ? change.after : change.before;
        // Parents that came back under new ids.
        const EntitySpec *spec = EntityRegistry::find(change.entity);
        for (auto it = values.begin(); it != values.end(); ++it) {
            const FieldSpec *field = spec ? spec->field(it.key()) : nullptr;
            if (field && field->type == FieldType::Id && it->isString())
                *it = stack()->resolve(it->toString());
        }
        if (Result<void> done = sync->update(change.entity, stack()->resolve(change.id), values);
            !done)
            return done;
    }
    return {};
}

QString UpdateRecordsCommand::focusId(bool forward) const
{
    Q_UNUSED(forward)
    return m_changes.isEmpty() ? QString() : stack()->resolve(m_changes.first().id);
}

} // namespace Lectern::Client
