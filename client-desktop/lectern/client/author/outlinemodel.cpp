#include "outlinemodel.h"

#include "courseundostack.h"
#include "editbatch.h"
#include "recordtreecommand.h"
#include "updaterecordscommand.h"

#include <QIcon>
#include <QLocale>
#include <QMimeData>
#include <QSet>
#include <algorithm>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>
#include <lectern/validation.h>

namespace Lectern::Client {

namespace {

const QString moduleEntity = Entities::module().name;
const QString contentEntity = Entities::content().name;

// A module's index has internal id 0; an item's, its module's serial (never 0).
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

Error storeClosed()
{
    return fail(ErrorCode::Unavailable,
                LocalStore::tr("The offline copy on this computer is not open."));
}

} // namespace

OutlineModel::OutlineModel(SyncController *controller, QObject *parent)
    : QAbstractItemModel(parent)
    , m_controller(controller)
{
    connect(controller, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
        if (entities.contains(moduleEntity) || entities.contains(contentEntity))
            followChanges();
        if (entities.contains(Entities::conflict().name))
            refreshConflicts();
    });
    // The store opens and closes with the session (start() and stop() change the status).
    connect(controller, &SyncController::statusChanged, this, [this] {
        if (!m_controller || (m_controller->store() == nullptr) != m_modules.isEmpty())
            refresh();
    });
}

void OutlineModel::refreshConflicts()
{
    QSet<QString> conflicted;
    if (LocalStore *store = m_controller ? m_controller->store() : nullptr) {
        for (const LocalRecord &conflict : store->openConflicts()) {
            const QString entity = conflict.fields.value(u"entity").toString();
            if (entity == moduleEntity || entity == contentEntity)
                conflicted.insert(conflict.fields.value(u"entityId").toString());
        }
    }
    if (conflicted == m_conflicted)
        return;
    const QSet<QString> changed = (conflicted - m_conflicted) + (m_conflicted - conflicted);
    m_conflicted = conflicted;
    for (const QString &id : changed) {
        const QModelIndex row = indexOf(id);
        if (row.isValid())
            Q_EMIT dataChanged(row, row);
    }
}

void OutlineModel::setCourseId(const QString &courseId)
{
    if (courseId == m_courseId)
        return;
    beginResetModel();
    m_courseId = courseId;
    m_serials.clear();
    m_nextSerial = 1;
    m_dropped.clear();
    setModules(load());
    endResetModel();
    refreshConflicts();
}

void OutlineModel::setUndoStack(CourseUndoStack *stack)
{
    m_undoStack = stack;
}

CourseUndoStack *OutlineModel::undoStack() const
{
    return m_undoStack;
}

// Reads the outline in one pass: a query per module, nothing per row (the view asks data() for
// thousands of rows).
QList<OutlineModel::Module> OutlineModel::load()
{
    QList<Module> modules;
    LocalStore *store = m_controller ? m_controller->store() : nullptr;
    m_version = -1;
    if (!store || m_courseId.isEmpty())
        return modules;
    // Before the rows: what changes while they are read is read again next time.
    m_version = store->summaryVersion();
    m_versionOf = store->deviceId();
    const QList<LocalRecord> moduleRecords
        = store->children(moduleEntity, m_courseId, LocalStore::Read::Summary);
    modules.reserve(moduleRecords.size());
    for (const LocalRecord &m : moduleRecords) {
        Module module;
        module.node = nodeFrom(m);
        auto serial = m_serials.constFind(m.id);
        if (serial == m_serials.constEnd())
            serial = m_serials.insert(m.id, m_nextSerial++);
        module.serial = *serial;
        const QList<LocalRecord> items
            = store->children(contentEntity, m.id, LocalStore::Read::Summary);
        module.items.reserve(items.size());
        for (const LocalRecord &c : items)
            module.items.append(nodeFrom(c));
        modules.append(std::move(module));
    }
    return modules;
}

OutlineModel::Node OutlineModel::nodeFrom(const LocalRecord &record)
{
    Node n;
    n.id = record.id;
    n.type = record.entity == moduleEntity
        ? moduleEntity
        : record.fields.value(QLatin1StringView("type")).toString();
    n.title = record.fields.value(QLatin1StringView("title")).toString();
    n.orderKey = record.fields.value(QLatin1StringView("orderKey")).toString();
    n.url = record.fields.value(QLatin1StringView("url")).toString();
    n.published = record.fields.value(QLatin1StringView("published")).toBool();
    n.unlockAt = Json::toDateTime(record.fields.value(QLatin1StringView("unlockAt")));
    n.pending = !record.isSynced();
    return n;
}

// Autosave writes a lesson every few seconds while its author types, and each write comes back
// twice more (the push's answer, the pull): reading a 5,000-item outline each time would stall
// the typing. The store says which records changed; when they stay where they are, their rows
// change in place and nothing else is read.
void OutlineModel::followChanges()
{
    LocalStore *store = m_controller ? m_controller->store() : nullptr;
    if (!store || m_courseId.isEmpty() || m_version < 0 || store->deviceId() != m_versionOf) {
        refresh();
        return;
    }
    const LocalStore::SummaryChanges changes
        = store->summaryChangesSince(m_version, {moduleEntity, contentEntity});
    if (!changes.complete) {
        refresh();
        return;
    }
    struct Row
    {
        int module = -1;
        int item = -1; // -1: the module itself
        Node node;
    };
    QList<Row> rows;
    for (const LocalRecord &record : changes.records) {
        Row row;
        if (record.entity == moduleEntity) {
            row.module = moduleRow(record.id);
        } else {
            for (int i = 0; row.module < 0 && i < int(m_modules.size()); ++i) {
                const QList<Node> &items = m_modules.at(i).items;
                for (int j = 0; j < int(items.size()); ++j) {
                    if (items.at(j).id == record.id) {
                        row.module = i;
                        row.item = j;
                        break;
                    }
                }
            }
        }
        if (row.module < 0) {
            // Not in the outline: it matters only when it comes in.
            const bool comesIn = !record.deleted
                && (record.entity == moduleEntity ? record.parentId == m_courseId
                                                  : moduleRow(record.parentId) >= 0);
            if (comesIn) {
                refresh();
                return;
            }
            continue;
        }
        const Module &module = m_modules.at(row.module);
        const Node &now = row.item < 0 ? module.node : module.items.at(row.item);
        row.node = nodeFrom(record);
        const QString &parent = row.item < 0 ? m_courseId : module.node.id;
        if (record.deleted || record.parentId != parent || row.node.orderKey != now.orderKey) {
            refresh(); // gone, or moved
            return;
        }
        if (row.node != now)
            rows.append(std::move(row));
    }
    m_version = changes.version;
    for (const Row &row : std::as_const(rows)) {
        Module &module = m_modules[row.module];
        QModelIndex changed = index(row.module, 0);
        if (row.item < 0) {
            module.node = row.node;
        } else {
            module.items[row.item] = row.node;
            changed = index(row.item, 0, changed);
        }
        Q_EMIT dataChanged(changed, changed);
    }
}

void OutlineModel::setModules(const QList<Module> &modules)
{
    m_modules = modules;
    rebuildRows();
}

void OutlineModel::rebuildRows()
{
    m_rowOfSerial.clear();
    m_rowOfSerial.reserve(m_modules.size());
    for (int i = 0; i < int(m_modules.size()); ++i)
        m_rowOfSerial.insert(m_modules.at(i).serial, i);
}

// Turns the outline into the store's in steps a view can follow without losing its selection
// or its expanded modules: renames and sync answers change rows in place; then rows that went
// are removed, rows that stay are moved where they now are (one layout change), and new rows are
// inserted.
void OutlineModel::refresh()
{
    refreshConflicts();
    const QList<Module> after = load();

    // Rows in place.
    bool sameShape = m_modules.size() == after.size();
    for (qsizetype i = 0; sameShape && i < after.size(); ++i) {
        sameShape = m_modules[i].node.id == after[i].node.id
            && m_modules[i].items.size() == after[i].items.size();
        for (qsizetype j = 0; sameShape && j < after[i].items.size(); ++j)
            sameShape = m_modules[i].items[j].id == after[i].items[j].id;
    }
    QHash<QString, Node> before;
    if (!sameShape) {
        for (const Module &m : std::as_const(m_modules)) {
            before.insert(m.node.id, m.node);
            for (const Node &n : m.items)
                before.insert(n.id, n);
        }
    }
    const auto emitChanged = [this, &before](const QList<Module> &old) {
        for (int i = 0; i < int(m_modules.size()); ++i) {
            const Module &m = m_modules.at(i);
            const QModelIndex module = index(i, 0);
            const bool moduleChanged
                = old.isEmpty() ? before.value(m.node.id) != m.node : old.at(i).node != m.node;
            if (moduleChanged)
                Q_EMIT dataChanged(module, module);
            for (int j = 0; j < int(m.items.size()); ++j) {
                const bool changed = old.isEmpty() ? before.value(m.items.at(j).id) != m.items.at(j)
                                                   : old.at(i).items.at(j) != m.items.at(j);
                if (changed)
                    Q_EMIT dataChanged(index(j, 0, module), index(j, 0, module));
            }
        }
    };
    if (sameShape) {
        const QList<Module> old = m_modules;
        setModules(after);
        emitChanged(old);
        return;
    }
    if (m_modules.isEmpty() || after.isEmpty()) {
        beginResetModel();
        setModules(after);
        endResetModel();
        return;
    }

    QSet<QString> modulesAfter;
    QHash<QString, QString> moduleOfItemAfter;
    for (const Module &m : after) {
        modulesAfter.insert(m.node.id);
        for (const Node &n : m.items)
            moduleOfItemAfter.insert(n.id, m.node.id);
    }

    // Removals: modules that went, then items that went or that move into a new module (they
    // come back with it).
    for (int i = int(m_modules.size()) - 1; i >= 0; --i) {
        if (modulesAfter.contains(m_modules.at(i).node.id))
            continue;
        int first = i;
        while (first > 0 && !modulesAfter.contains(m_modules.at(first - 1).node.id))
            --first;
        beginRemoveRows({}, first, i);
        m_modules.remove(first, i - first + 1);
        rebuildRows();
        endRemoveRows();
        i = first;
    }
    QSet<QString> modulesNow;
    for (const Module &m : std::as_const(m_modules))
        modulesNow.insert(m.node.id);
    const auto goes = [&](const Node &n) {
        const auto it = moduleOfItemAfter.constFind(n.id);
        return it == moduleOfItemAfter.constEnd() || !modulesNow.contains(*it);
    };
    for (int i = 0; i < int(m_modules.size()); ++i) {
        const QModelIndex parent = index(i, 0);
        for (int j = int(m_modules.at(i).items.size()) - 1; j >= 0; --j) {
            if (!goes(m_modules.at(i).items.at(j)))
                continue;
            int first = j;
            while (first > 0 && goes(m_modules.at(i).items.at(first - 1)))
                --first;
            beginRemoveRows(parent, first, j);
            m_modules[i].items.remove(first, j - first + 1);
            endRemoveRows();
            j = first;
        }
    }

    // Moves: the rows that stay, in their new order.
    QHash<QString, Node> itemsNow;
    for (const Module &m : std::as_const(m_modules)) {
        for (const Node &n : m.items)
            itemsNow.insert(n.id, n);
    }
    QHash<QString, const Module *> current;
    for (const Module &m : std::as_const(m_modules))
        current.insert(m.node.id, &m);
    QList<Module> arranged;
    for (const Module &target : after) {
        const Module *now = current.value(target.node.id);
        if (!now)
            continue;
        Module m = *now;
        m.items.clear();
        for (const Node &n : target.items) {
            if (const auto old = itemsNow.constFind(n.id); old != itemsNow.constEnd())
                m.items.append(*old);
        }
        arranged.append(std::move(m));
    }
    bool moved = arranged.size() != m_modules.size();
    for (qsizetype i = 0; !moved && i < arranged.size(); ++i) {
        moved = arranged[i].node.id != m_modules[i].node.id
            || arranged[i].items.size() != m_modules[i].items.size();
        for (qsizetype j = 0; !moved && j < arranged[i].items.size(); ++j)
            moved = arranged[i].items[j].id != m_modules[i].items[j].id;
    }
    if (moved) {
        Q_EMIT layoutAboutToBeChanged();
        const QModelIndexList from = persistentIndexList();
        QStringList fromIds;
        fromIds.reserve(from.size());
        for (const QModelIndex &index : from)
            fromIds.append(idOf(index));
        setModules(arranged);
        QModelIndexList to;
        to.reserve(from.size());
        for (qsizetype k = 0; k < from.size(); ++k) {
            const QModelIndex now = indexOf(fromIds.at(k));
            to.append(now.isValid() ? index(now.row(), from.at(k).column(), now.parent())
                                    : QModelIndex());
        }
        changePersistentIndexList(from, to);
        Q_EMIT layoutChanged();
    }

    // Insertions: new modules (with their items), then new items.
    for (int i = 0; i < int(after.size()); ++i) {
        const Module &target = after.at(i);
        if (i >= m_modules.size() || m_modules.at(i).node.id != target.node.id) {
            beginInsertRows({}, i, i);
            m_modules.insert(i, target);
            rebuildRows();
            endInsertRows();
            continue;
        }
        const QModelIndex parent = index(i, 0);
        for (int j = 0; j < int(target.items.size()); ++j) {
            const QList<Node> &now = m_modules.at(i).items;
            if (j < now.size() && now.at(j).id == target.items.at(j).id)
                continue;
            const QString next = j < now.size() ? now.at(j).id : QString();
            int count = 0;
            while (j + count < target.items.size() && target.items.at(j + count).id != next)
                ++count;
            beginInsertRows(parent, j, j + count - 1);
            for (int k = 0; k < count; ++k)
                m_modules[i].items.insert(j + k, target.items.at(j + k));
            endInsertRows();
            j += count - 1;
        }
    }

    // The same shape now: the new values.
    setModules(after);
    emitChanged({});
}

const OutlineModel::Node *OutlineModel::nodeAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (index.internalId() == moduleLevel)
        return index.row() < m_modules.size() ? &m_modules.at(index.row()).node : nullptr;
    const int row = moduleRowOf(index);
    if (row < 0 || index.row() >= m_modules.at(row).items.size())
        return nullptr;
    return &m_modules.at(row).items.at(index.row());
}

int OutlineModel::moduleRowOf(const QModelIndex &item) const
{
    return m_rowOfSerial.value(item.internalId(), -1);
}

int OutlineModel::moduleRow(const QString &moduleId) const
{
    const auto serial = m_serials.constFind(moduleId);
    return serial == m_serials.constEnd() ? -1 : m_rowOfSerial.value(*serial, -1);
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
    if (const int row = moduleRow(id); row >= 0)
        return createIndex(row, 0, moduleLevel);
    for (int i = 0; i < int(m_modules.size()); ++i) {
        const Module &m = m_modules.at(i);
        for (int j = 0; j < int(m.items.size()); ++j) {
            if (m.items.at(j).id == id)
                return createIndex(j, 0, m.serial);
        }
    }
    return {};
}

int OutlineModel::itemCount() const
{
    int count = 0;
    for (const Module &m : m_modules)
        count += int(m.items.size());
    return count;
}

QModelIndex OutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, moduleLevel);
    return createIndex(row, column, m_modules.at(parent.row()).serial);
}

QModelIndex OutlineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == moduleLevel)
        return {};
    const int row = moduleRowOf(child);
    return row < 0 ? QModelIndex() : createIndex(row, 0, moduleLevel);
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

QIcon OutlineModel::iconFor(const QString &type)
{
    static QHash<QString, QIcon> icons;
    auto it = icons.find(type);
    if (it == icons.end()) {
        static const QStringList known {QStringLiteral("module"),    QStringLiteral("lesson"),
                                        QStringLiteral("link"),      QStringLiteral("video"),
                                        QStringLiteral("file"),      QStringLiteral("quiz"),
                                        QStringLiteral("assignment")};
        const QString name = known.contains(type) ? type : QStringLiteral("file");
        it = icons.insert(type, QIcon(QStringLiteral(":/icons/%1.svg").arg(name)));
    }
    return *it;
}

QString OutlineModel::typeTitle(const QString &type)
{
    if (type == u"module")
        return tr("Module");
    if (type == u"lesson")
        return tr("Lesson");
    if (type == u"link")
        return tr("Link");
    if (type == u"video")
        return tr("Video");
    if (type == u"file")
        return tr("File");
    if (type == u"quiz")
        return tr("Quiz");
    if (type == u"assignment")
        return tr("Assignment");
    return type;
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
    case Qt::DecorationRole:
        // A conflict shows in place of the type's icon, where the eye finds it in the outline.
        if (m_conflicted.contains(n->id))
            return QIcon(QStringLiteral(":/icons/conflict.svg"));
        return iconFor(n->type);
    case Qt::CheckStateRole:
        return n->published ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
        QStringList lines {
            n->published
                ? tr("%1 · published: learners can see it", "type of record · published")
                      .arg(typeTitle(n->type))
                : tr("%1 · not published: only staff can see it", "type of record · not published")
                      .arg(typeTitle(n->type))};
        if (n->unlockAt.isValid())
            lines.append(
                tr("Unlocks %1")
                    .arg(QLocale().toString(n->unlockAt.toLocalTime(), QLocale::ShortFormat)));
        if (!n->url.isEmpty())
            lines.append(n->url);
        if (n->pending)
            lines.append(SyncMark::toolTip());
        if (m_conflicted.contains(n->id))
            lines.append(tr("Has a conflict: two people changed the same thing. Open it to "
                            "resolve it."));
        return lines.join(u'\n');
    }
    case Qt::AccessibleDescriptionRole:
        return n->published ? tr("%1, published").arg(typeTitle(n->type))
                            : tr("%1, not published").arg(typeTitle(n->type));
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
    case UrlRole:
        return n->url;
    case SyncMark::Role:
        return n->pending;
    case ConflictRole:
        return m_conflicted.contains(n->id);
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
    else if (invalid.has(QStringLiteral("url")))
        m_errorString = tr("The address %1.", "the address must be at most 2000 characters")
                            .arg(invalid.message(QStringLiteral("url")));
    Q_EMIT errorOccurred(m_errorString);
    return result;
}

Result<void> OutlineModel::update(const QString &entity, const QString &id,
                                  const QJsonObject &changes, const QString &text)
{
    if (!m_controller)
        return remember(Result<void>(storeClosed()));
    m_dropped.clear();
    const RecordChange change = RecordChange::capture(m_controller->store(), entity, id, changes);
    Result<void> done = m_controller->update(entity, id, changes);
    if (done && m_undoStack && !change.isEmpty()) {
        if (m_collecting)
            m_collecting->append(change);
        else
            m_undoStack->pushDone(new UpdateRecordsCommand(m_undoStack, {change}, text));
    }
    return remember(done);
}

Result<QString> OutlineModel::create(const QString &entity, const QJsonObject &fields,
                                     const QString &text)
{
    if (!m_controller || m_courseId.isEmpty())
        return remember(Result<QString>(storeClosed()));
    m_dropped.clear();
    if (!m_undoStack)
        return remember(m_controller->create(entity, fields));
    // The id is made here, so that undo and redo know the record.
    const QString id = createUuidV7String();
    Result<void> done = m_undoStack->perform(new RecordTreeCommand(
        m_undoStack, RecordTreeCommand::Create, {{entity, id, fields}}, text));
    if (!done)
        return remember(Result<QString>(done.error()));
    return remember(Result<QString>(id));
}

bool OutlineModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Node *n = nodeAt(index);
    if (!n)
        return false;
    const QString entity = index.internalId() == moduleLevel ? moduleEntity : contentEntity;
    // Copies: the update refreshes the outline under `n`.
    const QString id = n->id;
    const QString title = n->title;
    QJsonObject changes;
    QString text;
    switch (role) {
    case Qt::EditRole:
    case Qt::DisplayRole:
        if (value.toString() == n->title)
            return true;
        changes.insert(QLatin1StringView("title"), value.toString());
        text = tr("Rename “%1”").arg(title);
        break;
    case Qt::CheckStateRole:
    case PublishedRole: {
        const bool published = role == Qt::CheckStateRole
            ? value.value<Qt::CheckState>() == Qt::Checked
            : value.toBool();
        if (published == n->published)
            return true;
        changes.insert(QLatin1StringView("published"), published);
        text = published ? tr("Publish “%1”").arg(title) : tr("Unpublish “%1”").arg(title);
        break;
    }
    case UnlockAtRole: {
        const QDateTime when = value.toDateTime();
        if (when == n->unlockAt)
            return true;
        changes.insert(QLatin1StringView("unlockAt"),
                       when.isValid() ? Json::fromDateTime(when) : QJsonValue());
        text = when.isValid() ? tr("Set the unlock date of “%1”").arg(title)
                              : tr("Remove the unlock date of “%1”").arg(title);
        break;
    }
    case UrlRole:
        if (value.toString() == n->url)
            return true;
        changes.insert(QLatin1StringView("url"), value.toString());
        text = tr("Change the address of “%1”").arg(title);
        break;
    default:
        return false;
    }
    // The store's recordsChanged() refreshes the row.
    return bool(update(entity, id, changes, text));
}

Result<void> OutlineModel::updateRecord(const QString &id, const QJsonObject &changes,
                                        const QString &text)
{
    const QModelIndex index = indexOf(id);
    if (!index.isValid())
        return remember(
            Result<void>(fail(ErrorCode::NotFound, tr("This item is no longer in the outline."))));
    return update(isModule(index) ? moduleEntity : contentEntity, id, changes, text);
}

Qt::ItemFlags OutlineModel::flags(const QModelIndex &index) const
{
    if (!nodeAt(index))
        return Qt::ItemIsDropEnabled; // the module level: modules can go to its end
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsDragEnabled
        | Qt::ItemIsDropEnabled | Qt::ItemIsUserCheckable
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
    names.insert(UrlRole, "url");
    names.insert(SyncMark::Role, "unsynced");
    return names;
}

bool OutlineModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (row < 0 || count <= 0 || row + count > rowCount(parent))
        return false;
    if (parent.isValid() && !isModule(parent))
        return false;
    QStringList ids;
    for (int i = row; i < row + count; ++i)
        ids.append(idOf(index(i, 0, parent)));
    // A view removing what it has just moved by drag and drop (see dropMimeData()).
    if (std::any_of(ids.begin(), ids.end(),
                    [this](const QString &id) { return m_dropped.contains(id); }))
        return false;
    return bool(removeRecords(ids));
}

Result<void> OutlineModel::removeRecords(const QStringList &ids)
{
    if (!m_controller || !m_controller->store())
        return remember(Result<void>(storeClosed()));
    m_dropped.clear();
    QList<RecordState> roots;
    for (const QString &id : ids) {
        const QModelIndex index = indexOf(id);
        if (!index.isValid())
            return remember(Result<void>(
                fail(ErrorCode::NotFound, tr("This item is no longer in the outline."))));
        // An item whose module goes too goes with it.
        if (!isModule(index) && ids.contains(idOf(index.parent())))
            continue;
        roots.append({isModule(index) ? moduleEntity : contentEntity, id, {}});
    }
    if (roots.isEmpty())
        return remember(Result<void>());
    if (m_undoStack) {
        const QString title = indexOf(roots.first().id).data().toString();
        const QString text = roots.size() == 1
            ? tr("Remove “%1”").arg(title)
            : tr("Remove %n records", nullptr, int(roots.size()));
        return remember(m_undoStack->perform(
            new RecordTreeCommand(m_undoStack, RecordTreeCommand::Remove, roots, text)));
    }
    EditBatch batch(m_controller, {moduleEntity, contentEntity});
    for (const RecordState &root : std::as_const(roots)) {
        const QList<RecordState> tree
            = RecordTree::snapshot(m_controller->store(), root.entity, root.id);
        for (qsizetype i = tree.size() - 1; i >= 0; --i) {
            if (Result<void> removed = m_controller->remove(tree.at(i).entity, tree.at(i).id);
                !removed)
                return remember(removed);
        }
    }
    return remember(Result<void>());
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
    return update(contentEntity, itemId, changes, tr("Move “%1”").arg(item.data().toString()));
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
    return update(moduleEntity, moduleId, {{QStringLiteral("orderKey"), key}},
                  tr("Move “%1”").arg(m_modules.at(row).node.title));
}

Result<void> OutlineModel::moveBy(const QString &id, int delta)
{
    const QModelIndex index = indexOf(id);
    if (!index.isValid())
        return remember(
            Result<void>(fail(ErrorCode::NotFound, tr("This item is no longer in the outline."))));
    delta = delta < 0 ? -1 : 1;
    if (isModule(index)) {
        const int to = index.row() + delta;
        if (to < 0 || to >= m_modules.size())
            return remember(Result<void>());
        return moveModule(id, to);
    }
    const int module = index.parent().row();
    const int to = index.row() + delta;
    if (to >= 0 && to < m_modules.at(module).items.size())
        return moveItem(id, m_modules.at(module).node.id, to);
    // Over the edge of its module: into the next module in that direction.
    const int next = module + delta;
    if (next < 0 || next >= m_modules.size())
        return remember(Result<void>());
    return moveItem(id, m_modules.at(next).node.id, delta < 0 ? -1 : 0);
}

Result<QString> OutlineModel::addModule(const QString &title, int index)
{
    if (!m_controller || m_courseId.isEmpty())
        return remember(Result<QString>(storeClosed()));
    QStringList keys;
    for (const Module &m : std::as_const(m_modules))
        keys.append(m.node.orderKey);
    if (index < 0 || index > keys.size())
        index = int(keys.size());
    return create(moduleEntity,
                  {{QStringLiteral("courseId"), m_courseId},
                   {QStringLiteral("title"), title},
                   {QStringLiteral("orderKey"), OrderKey::forIndex(keys, index)}},
                  tr("Add module “%1”").arg(title));
}

Result<QString> OutlineModel::addLesson(const QString &moduleId, const QString &title, int index)
{
    return addItem(moduleId, QStringLiteral("lesson"), title, {}, index);
}

Result<QString> OutlineModel::addItem(const QString &moduleId, const QString &type,
                                      const QString &title, const QJsonObject &fields, int index)
{
    if (!m_controller || m_courseId.isEmpty())
        return remember(Result<QString>(storeClosed()));
    const int row = moduleRow(moduleId);
    if (row < 0)
        return remember(Result<QString>(
            fail(ErrorCode::NotFound, tr("That module is no longer in this course."))));
    const QStringList keys = keysOf(m_modules.at(row).items, QString());
    if (index < 0 || index > keys.size())
        index = int(keys.size());
    QJsonObject record = fields;
    record.insert(QStringLiteral("moduleId"), moduleId);
    record.insert(QStringLiteral("courseId"), m_courseId);
    record.insert(QStringLiteral("type"), type);
    record.insert(QStringLiteral("title"), title);
    record.insert(QStringLiteral("orderKey"), OrderKey::forIndex(keys, index));
    return create(contentEntity, record,
                  tr("Add %1 “%2”", "add lesson “Intro”").arg(typeTitle(type).toLower(), title));
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
    const QString firstTitle = indexOf(ids.first()).data().toString();
    // One undo command for the whole drop.
    QList<RecordChange> moves;
    m_collecting = &moves;
    bool ok = true;
    for (const QString &id : ids) {
        // Where it goes in the list without itself: after the records placed before it.
        if (id != ids.first()) {
            QStringList now = targetIds();
            now.removeAll(id);
            position = int(now.indexOf(ids.at(ids.indexOf(id) - 1))) + 1;
        }
        const Result<void> moved
            = modules ? moveModule(id, position) : moveItem(id, moduleId, position);
        if (!moved) {
            ok = false;
            break;
        }
    }
    m_collecting = nullptr;
    if (!moves.isEmpty() && m_undoStack)
        m_undoStack->pushDone(new UpdateRecordsCommand(
            m_undoStack, moves,
            ids.size() == 1 ? tr("Move “%1”").arg(firstTitle)
                            : tr("Move %n records", nullptr, int(ids.size()))));
    const bool movedSomething = shape() != shapeBefore;
    if (movedSomething)
        m_dropped = ids;
    return ok && movedSomething;
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
