#include "outlinemodel.h"

#include <QMimeData>
#include <algorithm>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/jsonutil.h>
#include <lectern/orderkey.h>
#include <lectern/validation.h>

namespace Lectern::Client {

namespace {

const QString moduleEntity = QStringLiteral("module");
const QString contentEntity = QStringLiteral("content");

// An index's internal id: 0 for a module, its module's row + 1 for an item.
constexpr quintptr moduleLevel = 0;

QStringList keysOf(const auto &nodes, const QString &leaveOut)
{
    QStringList keys;
    for (const auto &n : nodes) {
        if (n.id != leaveOut)
            keys.append(n.orderKey);
    }
    return keys;
}

} // namespace

OutlineModel::OutlineModel(SyncController *controller, QObject *parent)
    : QAbstractItemModel(parent)
    , m_controller(controller)
{
    connect(controller, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
        if (entities.contains(moduleEntity) || entities.contains(contentEntity))
            refresh();
    });
    // The store opens and closes with the session (start() and stop() change the status).
    connect(controller, &SyncController::statusChanged, this, [this] {
        if (!m_controller || (m_controller->store() == nullptr) != m_modules.isEmpty())
            refresh();
    });
}

void OutlineModel::setCourseId(const QString &courseId)
{
    if (courseId == m_courseId)
        return;
    beginResetModel();
    m_courseId = courseId;
    load();
    endResetModel();
}

void OutlineModel::load()
{
    m_modules.clear();
    LocalStore *store = m_controller ? m_controller->store() : nullptr;
    if (!store || m_courseId.isEmpty())
        return;
    auto toNode = [store](const LocalRecord &record, const QString &type) {
        Node n;
        n.id = record.id;
        n.type = type;
        n.title = record.fields.value(QLatin1StringView("title")).toString();
        n.orderKey = record.fields.value(QLatin1StringView("orderKey")).toString();
        n.published = record.fields.value(QLatin1StringView("published")).toBool();
        n.unlockAt = Json::toDateTime(record.fields.value(QLatin1StringView("unlockAt")));
        n.pending = !record.isSynced() || store->hasPending(record.entity, record.id);
        return n;
    };
    for (const LocalRecord &m : store->children(moduleEntity, m_courseId)) {
        Module module;
        module.node = toNode(m, moduleEntity);
        for (const LocalRecord &c : store->children(contentEntity, m.id))
            module.items.append(toNode(c, c.fields.value(QLatin1StringView("type")).toString()));
        m_modules.append(module);
    }
}

// Renames, publish toggles and sync answers keep the outline's shape: those update the rows in
// place, so a view keeps its selection and open editor. Anything else resets.
void OutlineModel::refresh()
{
    const QList<Module> before = m_modules;
    load();
    const QList<Module> after = m_modules;
    bool sameShape = before.size() == after.size();
    for (qsizetype i = 0; sameShape && i < before.size(); ++i) {
        sameShape = before[i].node.id == after[i].node.id
            && before[i].items.size() == after[i].items.size();
        for (qsizetype j = 0; sameShape && j < before[i].items.size(); ++j)
            sameShape = before[i].items[j].id == after[i].items[j].id;
    }
    if (sameShape) {
        for (int i = 0; i < int(after.size()); ++i) {
            const QModelIndex module = index(i, 0);
            if (before[i].node != after[i].node)
                Q_EMIT dataChanged(module, module);
            for (int j = 0; j < int(after[i].items.size()); ++j) {
                if (before[i].items[j] != after[i].items[j])
                    Q_EMIT dataChanged(index(j, 0, module), index(j, 0, module));
            }
        }
        return;
    }
    m_modules = before;
    beginResetModel();
    m_modules = after;
    endResetModel();
}

const OutlineModel::Node *OutlineModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.internalId() == moduleLevel)
        return index.row() < m_modules.size() ? &m_modules.at(index.row()).node : nullptr;
    const qsizetype moduleRow = qsizetype(index.internalId() - 1);
    if (moduleRow >= m_modules.size() || index.row() >= m_modules.at(moduleRow).items.size())
        return nullptr;
    return &m_modules.at(moduleRow).items.at(index.row());
}

int OutlineModel::moduleRow(const QString &moduleId) const
{
    for (int i = 0; i < int(m_modules.size()); ++i) {
        if (m_modules.at(i).node.id == moduleId)
            return i;
    }
    return -1;
}

bool OutlineModel::isModule(const QModelIndex &index) const
{
    return nodeAt(index) && index.internalId() == moduleLevel;
}

QString OutlineModel::idOf(const QModelIndex &index) const
{
    const Node *n = nodeAt(index);
    return n ? n->id : QString();
}

QModelIndex OutlineModel::indexOf(const QString &id) const
{
    for (int i = 0; i < int(m_modules.size()); ++i) {
        const Module &m = m_modules.at(i);
        if (m.node.id == id)
            return createIndex(i, 0, moduleLevel);
        for (int j = 0; j < int(m.items.size()); ++j) {
            if (m.items.at(j).id == id)
                return createIndex(j, 0, quintptr(i) + 1);
        }
    }
    return {};
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, moduleLevel);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex OutlineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == moduleLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, moduleLevel);
}

int OutlineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_modules.size());
    if (parent.column() != 0 || parent.internalId() != moduleLevel
        || parent.row() >= m_modules.size())
        return 0;
    return int(m_modules.at(parent.row()).items.size());
}

int OutlineModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

QVariant OutlineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeAt(index);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return n->title;
    case Qt::ToolTipRole:
        return n->pending ? QVariant(SyncMark::toolTip()) : QVariant();
    case IdRole:
        return n->id;
    case TypeRole:
        return n->type;
    case PublishedRole:
        return n->published;
    case UnlockAtRole:
        return n->unlockAt;
    case OrderKeyRole:
        return n->orderKey;
    case SyncMark::Role:
        return n->pending;
    default:
        return {};
    }
}

template<typename T> T OutlineModel::remember(T result)
{
    if (result) {
        m_errorString.clear();
        return result;
    }
    const Error &error = result.error();
    m_errorString = error.message;
    // The store names the invalid fields; the one a user edits here is the title.
    const ValidationErrors invalid = ValidationErrors::fromError(error);
    if (invalid.has(QStringLiteral("title")))
        m_errorString = tr("The title %1.", "the title must not be empty")
                            .arg(invalid.message(QStringLiteral("title")));
    return result;
}

Result<void> OutlineModel::update(const QString &entity, const QString &id,
                                  const QJsonObject &changes)
{
    if (!m_controller)
        return remember(
            Result<void>(fail(ErrorCode::Unavailable,
                              LocalStore::tr("The offline copy on this computer is not open."))));
    return remember(m_controller->update(entity, id, changes));
}

bool OutlineModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Node *n = nodeAt(index);
    if (!n)
        return false;
    const QString entity = index.internalId() == moduleLevel ? moduleEntity : contentEntity;
    QJsonObject changes;
    switch (role) {
    case Qt::EditRole:
    case Qt::DisplayRole:
        if (value.toString() == n->title)
            return true;
        changes.insert(QLatin1StringView("title"), value.toString());
        break;
    case PublishedRole:
        if (value.toBool() == n->published)
            return true;
        changes.insert(QLatin1StringView("published"), value.toBool());
        break;
    case UnlockAtRole: {
        const QDateTime when = value.toDateTime();
        if (when == n->unlockAt)
            return true;
        changes.insert(QLatin1StringView("unlockAt"),
                       when.isValid() ? Json::fromDateTime(when) : QJsonValue());
        break;
    }
    default:
        return false;
    }
    // The store's recordsChanged() refreshes the row.
    return bool(update(entity, n->id, changes));
}

Qt::ItemFlags OutlineModel::flags(const QModelIndex &index) const
{
    if (!nodeAt(index))
        return Qt::ItemIsDropEnabled; // the module level: modules can go to its end
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsDragEnabled
        | Qt::ItemIsDropEnabled
        | (index.internalId() == moduleLevel ? Qt::ItemFlags() : Qt::ItemNeverHasChildren);
}

QHash<int, QByteArray> OutlineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "recordId");
    names.insert(TypeRole, "type");
    names.insert(PublishedRole, "published");
    names.insert(UnlockAtRole, "unlockAt");
    names.insert(OrderKeyRole, "orderKey");
    names.insert(SyncMark::Role, "unsynced");
    return names;
}

bool OutlineModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (row < 0 || count <= 0 || row + count > rowCount(parent))
        return false;
    if (parent.isValid() && !isModule(parent))
        return false;
    const QString entity = parent.isValid() ? contentEntity : moduleEntity;
    QStringList ids;
    for (int i = row; i < row + count; ++i)
        ids.append(idOf(index(i, 0, parent)));
    if (!m_controller)
        return false;
    for (const QString &id : std::as_const(ids)) {
        if (!remember(m_controller->remove(entity, id)))
            return false;
    }
    return true;
}

Result<void> OutlineModel::moveItem(const QString &itemId, const QString &targetModuleId, int index)
{
    const QModelIndex item = indexOf(itemId);
    if (!item.isValid() || isModule(item))
        return remember(
            Result<void>(fail(ErrorCode::NotFound, tr("This item is no longer in the outline."))));
    const int target = moduleRow(targetModuleId);
    if (target < 0)
        return remember(Result<void>(
            fail(ErrorCode::NotFound, tr("That module is no longer in this course."))));
    const QList<Node> &siblings = m_modules.at(target).items;
    const QStringList keys = keysOf(siblings, itemId);
    if (index < 0 || index > keys.size())
        index = int(keys.size());
    const bool sameModule = item.parent().row() == target;
    if (sameModule && item.row() == index)
        return remember(Result<void>());
    const QString key = OrderKey::forIndex(keys, index);
    if (key.isEmpty())
        return remember(Result<void>(
            fail(ErrorCode::Conflict,
                 tr("There is no room left at this place in the outline. Sync, then try again."))));
    QJsonObject changes {{QStringLiteral("orderKey"), key}};
    if (!sameModule)
        changes.insert(QLatin1StringView("moduleId"), targetModuleId);
    return update(contentEntity, itemId, changes);
}

Result<void> OutlineModel::moveModule(const QString &moduleId, int index)
{
    const int row = moduleRow(moduleId);
    if (row < 0)
        return remember(Result<void>(
            fail(ErrorCode::NotFound, tr("That module is no longer in this course."))));
    QList<Node> modules;
    for (const Module &m : std::as_const(m_modules))
        modules.append(m.node);
    const QStringList keys = keysOf(modules, moduleId);
    if (index < 0 || index > keys.size())
        index = int(keys.size());
    if (row == index)
        return remember(Result<void>());
    const QString key = OrderKey::forIndex(keys, index);
    if (key.isEmpty())
        return remember(Result<void>(
            fail(ErrorCode::Conflict,
                 tr("There is no room left at this place in the outline. Sync, then try again."))));
    return update(moduleEntity, moduleId, {{QStringLiteral("orderKey"), key}});
}

Result<QString> OutlineModel::addModule(const QString &title)
{
    if (!m_controller || m_courseId.isEmpty())
        return remember(Result<QString>(
            fail(ErrorCode::Unavailable,
                 LocalStore::tr("The offline copy on this computer is not open."))));
    QStringList keys;
    for (const Module &m : std::as_const(m_modules))
        keys.append(m.node.orderKey);
    return remember(m_controller->create(
        moduleEntity,
        {{QStringLiteral("courseId"), m_courseId},
         {QStringLiteral("title"), title},
         {QStringLiteral("orderKey"), OrderKey::forIndex(keys, keys.size())}}));
}

Result<QString> OutlineModel::addLesson(const QString &moduleId, const QString &title)
{
    if (!m_controller || m_courseId.isEmpty())
        return remember(Result<QString>(
            fail(ErrorCode::Unavailable,
                 LocalStore::tr("The offline copy on this computer is not open."))));
    const int row = moduleRow(moduleId);
    if (row < 0)
        return remember(Result<QString>(
            fail(ErrorCode::NotFound, tr("That module is no longer in this course."))));
    const QStringList keys = keysOf(m_modules.at(row).items, QString());
    return remember(m_controller->create(
        contentEntity,
        {{QStringLiteral("moduleId"), moduleId},
         {QStringLiteral("courseId"), m_courseId},
         {QStringLiteral("type"), QStringLiteral("lesson")},
         {QStringLiteral("title"), title},
         {QStringLiteral("orderKey"), OrderKey::forIndex(keys, keys.size())}}));
}

QStringList OutlineModel::mimeTypes() const
{
    return {mimeType};
}

// The course id, then the dragged records' ids in outline order, one a line.
QMimeData *OutlineModel::mimeData(const QModelIndexList &indexes) const
{
    QModelIndexList sorted;
    for (const QModelIndex &index : indexes) {
        if (nodeAt(index) && index.column() == 0)
            sorted.append(index);
    }
    std::sort(sorted.begin(), sorted.end(), [](const QModelIndex &a, const QModelIndex &b) {
        const auto rank = [](const QModelIndex &i) {
            return i.parent().isValid() ? std::pair(i.parent().row(), i.row())
                                        : std::pair(i.row(), -1);
        };
        return rank(a) < rank(b);
    });
    QStringList lines {m_courseId};
    for (const QModelIndex &index : std::as_const(sorted)) {
        if (!lines.contains(idOf(index)))
            lines.append(idOf(index));
    }
    auto *data = new QMimeData;
    data->setData(mimeType, lines.join(u'\n').toUtf8());
    return data;
}

QStringList OutlineModel::decode(const QMimeData *data)
{
    if (!data || !data->hasFormat(mimeType))
        return {};
    return QString::fromUtf8(data->data(mimeType)).split(u'\n', Qt::SkipEmptyParts);
}

bool OutlineModel::dropTarget(const QStringList &ids, int row, const QModelIndex &parent,
                              QString *moduleId, int *targetRow) const
{
    if (ids.isEmpty())
        return false;
    // All modules or all items: a drag of both has no single meaning.
    const bool modules = isModule(indexOf(ids.first()));
    for (const QString &id : ids) {
        const QModelIndex index = indexOf(id);
        if (!index.isValid() || isModule(index) != modules)
            return false;
    }
    if (parent.isValid() && !nodeAt(parent))
        return false;
    if (modules) {
        if (!parent.isValid()) { // between modules, or below the last one
            *targetRow = row < 0 ? int(m_modules.size()) : row;
        } else if (isModule(parent) && row < 0) { // onto a module: take its place
            *targetRow = parent.row();
        } else {
            return false;
        }
        moduleId->clear();
        return true;
    }
    if (!parent.isValid())
        return false;       // items live in modules
    if (isModule(parent)) { // into a module, at a row or at its end
        *moduleId = idOf(parent);
        *targetRow = row < 0 ? rowCount(parent) : row;
    } else { // onto an item: take its place
        *moduleId = idOf(parent.parent());
        *targetRow = parent.row();
    }
    return true;
}

bool OutlineModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row,
                                   int column, const QModelIndex &parent) const
{
    Q_UNUSED(column)
    const QStringList lines = decode(data);
    if (action != Qt::MoveAction || lines.size() < 2 || lines.first() != m_courseId)
        return false;
    QString moduleId;
    int targetRow = 0;
    return dropTarget(lines.mid(1), row, parent, &moduleId, &targetRow);
}

bool OutlineModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QStringList ids = decode(data).mid(1);
    QString moduleId;
    int targetRow = 0;
    if (!dropTarget(ids, row, parent, &moduleId, &targetRow))
        return false;
    const bool modules = moduleId.isEmpty();

    // The rows above the drop point that stay put: the first dragged record goes right after them.
    // The target list as it is now (every move refreshes the outline).
    const auto targetIds = [&] {
        QStringList list;
        if (modules) {
            for (const Module &m : std::as_const(m_modules))
                list.append(m.node.id);
        } else if (const int r = moduleRow(moduleId); r >= 0) {
            for (const Node &n : m_modules.at(r).items)
                list.append(n.id);
        }
        return list;
    };
    const QStringList before = targetIds();
    int position = 0;
    for (int i = 0; i < targetRow && i < before.size(); ++i) {
        if (!ids.contains(before.at(i)))
            ++position;
    }
    const auto shape = [this] {
        QStringList ids;
        for (const Module &m : std::as_const(m_modules)) {
            ids.append(m.node.id);
            for (const Node &n : m.items)
                ids.append(u'/' + n.id);
        }
        return ids;
    };
    const QStringList shapeBefore = shape();
    for (const QString &id : ids) {
        // Where it goes in the list without itself: after the records placed before it.
        if (id != ids.first()) {
            QStringList now = targetIds();
            now.removeAll(id);
            position = int(now.indexOf(ids.at(ids.indexOf(id) - 1))) + 1;
        }
        const Result<void> moved
            = modules ? moveModule(id, position) : moveItem(id, moduleId, position);
        if (!moved)
            return false;
    }
    // A view that sees "moved" removes the dragged rows it still has selected. A real move resets
    // the outline, which clears the selection; a drop where everything already was must answer
    // "nothing dropped", or the view would delete the records.
    return shape() != shapeBefore;
}

Qt::DropActions OutlineModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions OutlineModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace Lectern::Client
