#include "refusedchangesmodel.h"

#include "syncwords.h"

#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {

// Fields a person did not write themselves: ids, positions, bookkeeping.
bool isBookkeeping(const QString &entity, const QString &name)
{
    static const QStringList names
        = {QStringLiteral("id"),      QStringLiteral("orgId"),     QStringLiteral("rev"),
           QStringLiteral("hlc"),     QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
           QStringLiteral("deleted"), QStringLiteral("orderKey")};
    if (names.contains(name))
        return true;
    const EntitySpec *spec = EntityRegistry::find(entity);
    const FieldSpec *field = spec ? spec->field(name) : nullptr;
    return field && field->type == FieldType::Id;
}

} // namespace

RefusedChangesModel::RefusedChangesModel(SyncController *controller, QObject *parent)
    : QAbstractListModel(parent)
    , m_controller(controller)
{
    connect(controller, &SyncController::recordsChanged, this, &RefusedChangesModel::refresh);
    connect(controller, &SyncController::statusChanged, this, [this](const SyncStatus &status) {
        if (status.rejected != m_ops.size())
            refresh();
    });
    refresh();
}

int RefusedChangesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ops.size());
}

QVariant RefusedChangesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RejectedOp &op = m_ops.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2", "record title — what was refused").arg(title(op), action(op));
    case Qt::ToolTipRole:
    case ReasonRole:
        return SyncWords::reason(op.reason);
    case OpIdRole:
        return op.op.opId;
    case TitleRole:
        return title(op);
    case ActionRole:
        return action(op);
    case ContentRole:
        return contentText(op);
    default:
        return {};
    }
}

QHash<int, QByteArray> RefusedChangesModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(OpIdRole, "opId");
    names.insert(TitleRole, "title");
    names.insert(ActionRole, "action");
    names.insert(ReasonRole, "reason");
    names.insert(ContentRole, "content");
    return names;
}

void RefusedChangesModel::refresh()
{
    beginResetModel();
    LocalStore *store = m_controller ? m_controller->store() : nullptr;
    m_ops = store ? store->rejectedOps() : QList<RejectedOp>();
    endResetModel();
}

Result<void> RefusedChangesModel::dismiss(int row)
{
    if (!m_controller || row < 0 || row >= m_ops.size())
        return Error(QStringLiteral("not_found"), tr("This change is no longer in the list."));
    Result<void> dismissed = m_controller->dismissRejected(m_ops.at(row).op.opId);
    if (dismissed)
        refresh();
    return dismissed;
}

QString RefusedChangesModel::title(const RejectedOp &op)
{
    QJsonObject fields = op.content;
    if (fields.isEmpty())
        fields = op.op.newValues();
    return SyncWords::recordTitle(op.op.entity, fields);
}

QString RefusedChangesModel::action(const RejectedOp &op)
{
    QJsonObject fields = op.content;
    if (fields.isEmpty())
        fields = op.op.newValues();
    const QString kind = SyncWords::entityName(op.op.entity, fields);
    switch (op.op.kind) {
    case Sync::OpKind::Create:
    case Sync::OpKind::Append:
        return tr("your new %1", "%1: a kind of record, e.g. lesson").arg(kind);
    case Sync::OpKind::Delete:
        return tr("your deletion of this %1", "%1: a kind of record, e.g. lesson").arg(kind);
    case Sync::OpKind::Purge:
        return tr("your erasure of this %1", "%1: a kind of record, e.g. lesson").arg(kind);
    case Sync::OpKind::Update:
        break;
    }
    QStringList changed;
    for (auto it = op.op.patch.cbegin(); it != op.op.patch.cend(); ++it) {
        if (!isBookkeeping(op.op.entity, it.key()))
            changed.append(SyncWords::fieldName(it.key()));
    }
    if (changed.isEmpty())
        return tr("your change of this %1", "%1: a kind of record, e.g. lesson").arg(kind);
    return tr("your change of %1", "%1: field names").arg(changed.join(tr(", ")));
}

QString RefusedChangesModel::contentText(const RejectedOp &op)
{
    QJsonObject written;
    if (op.op.kind == Sync::OpKind::Update) {
        written = op.op.newValues();
    } else {
        written = op.content.isEmpty() ? op.op.newValues() : op.content;
    }
    for (auto it = written.begin(); it != written.end();) {
        const bool empty = it.value().isNull()
            || (it.value().isString() && it.value().toString().isEmpty())
            || (it.value().isObject() && it.value().toObject().isEmpty());
        if (isBookkeeping(op.op.entity, it.key()) || (op.op.kind != Sync::OpKind::Update && empty))
            it = written.erase(it);
        else
            ++it;
    }
    if (written.size() == 1)
        return SyncWords::valueText(written.begin().value());
    return SyncWords::fieldsText(op.op.entity, written);
}

} // namespace Lectern::Client
