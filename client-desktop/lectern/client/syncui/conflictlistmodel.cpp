#include "conflictlistmodel.h"

#include "syncmark.h"
#include "syncwords.h"

#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

bool ConflictListModel::Conflict::canEdit() const
{
    if (isText())
        return true;
    if (isDelete())
        return false;
    const EntitySpec *spec = EntityRegistry::find(entity);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    return f && (f->type == FieldType::Text || f->type == FieldType::LongText);
}

QString ConflictListModel::Conflict::editText() const
{
    if (!merged.isEmpty())
        return merged;
    return theirs.toString();
}

ConflictListModel::ConflictListModel(SyncController *controller, QObject *parent)
    : QAbstractListModel(parent)
    , m_controller(controller)
{
    connect(controller, &SyncController::recordsChanged, this, &ConflictListModel::refresh);
    // The store opens and closes with the session (start() / stop() change the status).
    connect(controller, &SyncController::statusChanged, this, [this](const SyncStatus &status) {
        if (status.openConflicts != m_conflicts.size())
            refresh();
    });
    refresh();
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conflict &c = m_conflicts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2", "record title — field").arg(c.title, c.fieldLabel);
    case Qt::ToolTipRole:
        return c.pending ? c.whoWhen + u'\n' + SyncMark::toolTip() : c.whoWhen;
    case IdRole:
        return c.id;
    case TitleRole:
        return c.title;
    case FieldRole:
        return c.fieldLabel;
    case KindRole:
        return c.kind;
    case WhoWhenRole:
        return c.whoWhen;
    case SyncMark::Role:
        return c.pending;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "conflictId");
    names.insert(TitleRole, "title");
    names.insert(FieldRole, "field");
    names.insert(KindRole, "kind");
    names.insert(WhoWhenRole, "whoWhen");
    names.insert(SyncMark::Role, "unsynced");
    return names;
}

int ConflictListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).id == id)
            return row;
    }
    return -1;
}

void ConflictListModel::refresh()
{
    QList<Conflict> fresh;
    if (LocalStore *store = m_controller ? m_controller->store() : nullptr) {
        const QList<LocalRecord> records = store->openConflicts();
        fresh.reserve(records.size());
        for (const LocalRecord &record : records)
            fresh.append(load(record));
    }
    const auto sameRows = [&] {
        if (fresh.size() != m_conflicts.size())
            return false;
        for (int row = 0; row < fresh.size(); ++row) {
            if (fresh.at(row).id != m_conflicts.at(row).id)
                return false;
        }
        return true;
    };
    if (sameRows()) {
        // Keeps the selection and scroll position when only titles or marks changed.
        m_conflicts = std::move(fresh);
        if (!m_conflicts.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_conflicts.size()) - 1));
        return;
    }
    beginResetModel();
    m_conflicts = std::move(fresh);
    endResetModel();
}

ConflictListModel::Conflict ConflictListModel::load(const LocalRecord &record) const
{
    const QJsonObject &f = record.fields;
    Conflict c;
    c.id = record.id;
    c.entity = f.value(u"entity").toString();
    c.entityId = f.value(u"entityId").toString();
    c.field = f.value(u"field").toString();
    c.kind = f.value(u"kind").toString(QStringLiteral("field"));
    c.base = f.value(u"base");
    c.mine = f.value(u"mine");
    c.theirs = f.value(u"theirs");
    c.merged = f.value(u"merged").toString();
    c.mineAuthorId = f.value(u"mineAuthorId").toString();
    c.mineTime = SyncWords::hlcTime(f.value(u"mineHlc").toString());
    c.theirsTime = SyncWords::hlcTime(f.value(u"theirsHlc").toString());
    c.mineIsMe
        = !m_controller || c.mineAuthorId.isEmpty() || c.mineAuthorId == m_controller->userId();

    LocalStore *store = m_controller->store();
    const std::optional<LocalRecord> target = store->record(c.entity, c.entityId);
    c.recordExists = target.has_value();
    QJsonObject fields;
    if (target) {
        fields = target->fields;
        c.current = fields.value(c.field);
        c.pending = target->pending > 0;
    } else {
        // Deleted here: the conflict carries the edited side's fields.
        fields = c.theirs.isObject() ? c.theirs.toObject() : c.mine.toObject();
    }
    c.pending = c.pending || store->hasPending(QStringLiteral("conflict"), c.id);
    c.title = SyncWords::recordTitle(c.entity, fields);
    c.entityName = SyncWords::entityName(c.entity, fields);
    c.fieldLabel = c.isDelete() ? tr("Delete or keep") : SyncWords::fieldName(c.field);
    c.whoWhen = whoWhen(c);
    return c;
}

QString ConflictListModel::whoWhen(const Conflict &c) const
{
    const QString mine = SyncWords::when(c.mineTime);
    const QString theirs = SyncWords::when(c.theirsTime);
    if (c.mineDeletes()) {
        return c.mineIsMe
            ? tr("You deleted it %1; someone else edited it %2").arg(mine, theirs)
            : tr("One person deleted it %1; someone else edited it %2").arg(mine, theirs);
    }
    if (c.theirsDeletes()) {
        return c.mineIsMe
            ? tr("You edited it %1; someone else deleted it %2").arg(mine, theirs)
            : tr("One person edited it %1; someone else deleted it %2").arg(mine, theirs);
    }
    return c.mineIsMe ? tr("You changed it %1; someone else %2").arg(mine, theirs)
                      : tr("One person changed it %1; someone else %2").arg(mine, theirs);
}

QString ConflictListModel::resolutionName(Choice choice)
{
    switch (choice) {
    case Choice::Mine:
        return QStringLiteral("mine");
    case Choice::Theirs:
        return QStringLiteral("theirs");
    case Choice::Both:
        return QStringLiteral("both");
    case Choice::Edited:
        return QStringLiteral("edited");
    }
    return {};
}

Result<void> ConflictListModel::resolve(int row, Choice choice, const QString &edited)
{
    if (!m_controller || !m_controller->store() || row < 0 || row >= m_conflicts.size())
        return Error(QStringLiteral("not_found"), tr("This conflict is no longer open."));
    // A copy: every write below refreshes the model.
    const Conflict c = m_conflicts.at(row);

    if (c.isDelete()) {
        if (choice != Choice::Mine && choice != Choice::Theirs)
            return Error(QStringLiteral("validation_failed"),
                         tr("Choose between the deleted and the edited version."));
        const bool deleteIt = (choice == Choice::Mine ? c.mine : c.theirs) == QJsonValue(true);
        if (deleteIt && c.recordExists) {
            if (Result<void> removed = m_controller->remove(c.entity, c.entityId); !removed)
                return removed;
        }
        // Keeping the edit needs nothing but the resolution: the server keeps the record.
    } else {
        std::optional<QJsonValue> value;
        switch (choice) {
        case Choice::Mine:
            value = c.mine;
            break;
        case Choice::Theirs:
            break; // the record holds theirs (or what came after it)
        case Choice::Both: {
            if (!c.canKeepBoth())
                return Error(QStringLiteral("validation_failed"),
                             tr("Both versions can be kept only for text."));
            // Theirs as the record holds it now (it may have moved on since the conflict).
            const QString theirs = c.recordExists ? c.current.toString() : c.theirs.toString();
            value = QJsonValue(theirs + QStringLiteral("\n\n") + c.mine.toString());
            break;
        }
        case Choice::Edited:
            value = QJsonValue(edited);
            break;
        }
        if (value && (!c.recordExists || *value != c.current)) {
            Result<void> updated = m_controller->update(c.entity, c.entityId, {{c.field, *value}});
            if (!updated)
                return updated;
        }
    }
    return m_controller->update(QStringLiteral("conflict"), c.id,
                                {{QStringLiteral("status"), QStringLiteral("resolved")},
                                 {QStringLiteral("resolution"), resolutionName(choice)}});
}

} // namespace Lectern::Client
