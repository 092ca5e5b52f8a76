#include "playeroutlinemodel.h"

#include "learnformat.h"
#include "learnprogress.h"

#include <QIcon>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {

// An index's internal id: 0 for a module, its module's row + 1 for an item.
constexpr quintptr moduleLevel = 0;

} // namespace

PlayerOutlineModel::PlayerOutlineModel(SyncController *sync, QObject *parent)
    : QAbstractItemModel(parent)
    , m_sync(sync)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_unlockTimer.setSingleShot(true);
    connect(&m_unlockTimer, &QTimer::timeout, this, &PlayerOutlineModel::refresh);
    if (sync) {
        connect(sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            if (entities.contains(Entities::module().name)
                || entities.contains(Entities::content().name)) {
                if (m_active)
                    refresh();
                else
                    m_behind = true;
            }
            // Events come while the learner studies: the outline stays, only ticks change.
            else if (entities.contains(Entities::progress().name))
                refreshProgress();
        });
        connect(sync, &SyncController::statusChanged, this, [this] {
            if (!m_sync || (m_sync->store() == nullptr) != m_modules.isEmpty())
                refresh();
        });
    }
}

void PlayerOutlineModel::setActive(bool active)
{
    m_active = active;
    if (active && m_behind) {
        m_behind = false;
        refresh();
    }
}

void PlayerOutlineModel::setCourseId(const QString &courseId)
{
    if (courseId == m_courseId)
        return;
    beginResetModel();
    m_courseId = courseId;
    load();
    endResetModel();
    Q_EMIT progressChanged();
}

void PlayerOutlineModel::setShowsProgress(bool shows)
{
    if (shows == m_showsProgress)
        return;
    m_showsProgress = shows;
    refresh();
    Q_EMIT progressChanged();
}

void PlayerOutlineModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refresh();
}

void PlayerOutlineModel::load()
{
    m_modules.clear();
    m_items.clear();
    m_progress.clear();
    m_locked.clear();
    m_course = {};
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    if (store && !m_courseId.isEmpty()) {
        const QDateTime t = now();
        m_modules = LearnerOutline::read(*store, m_courseId, t);
        m_items = LearnerOutline::flatten(m_modules);
        for (const LearnerItem &item : std::as_const(m_items))
            m_locked.insert(item.id, item.isLocked(t));
        if (m_showsProgress)
            m_progress = LearnProgress::read(*store, m_sync->userId(), m_courseId);
        m_course = LearnProgress::course(m_items, m_progress, t);
        // A preview shows no progress, only which items count.
        if (!m_showsProgress)
            m_course = CourseProgress {.requiredOnly = m_course.requiredOnly};
    }
    scheduleUnlock();
}

// The next unlock date refreshes the outline, so an item opens while the player shows it.
void PlayerOutlineModel::scheduleUnlock()
{
    m_unlockTimer.stop();
    const QDateTime t = now();
    QDateTime next;
    for (const LearnerItem &item : std::as_const(m_items)) {
        if (item.isLocked(t) && (!next.isValid() || item.unlockAt < next))
            next = item.unlockAt;
    }
    if (!next.isValid())
        return;
    constexpr qint64 day = 24 * 60 * 60 * 1000;
    m_unlockTimer.start(int(std::clamp<qint64>(t.msecsTo(next) + 500, 0, day)));
}

void PlayerOutlineModel::refresh()
{
    const QList<LearnerModule> before = m_modules;
    const QHash<QString, ItemProgress> progressBefore = m_progress;
    const QHash<QString, bool> lockedBefore = m_locked;
    const CourseProgress courseBefore = m_course;
    load();
    bool sameShape = before.size() == m_modules.size();
    for (qsizetype i = 0; sameShape && i < before.size(); ++i) {
        sameShape = before[i].id == m_modules[i].id
            && before[i].items.size() == m_modules[i].items.size();
        for (qsizetype j = 0; sameShape && j < before[i].items.size(); ++j)
            sameShape = before[i].items[j].id == m_modules[i].items[j].id;
    }
    if (!sameShape) {
        // Views must not see the new rows before the reset begins.
        QList<LearnerModule> after = m_modules;
        QList<LearnerItem> items = m_items;
        m_modules = before;
        m_items = LearnerOutline::flatten(before);
        beginResetModel();
        m_modules = std::move(after);
        m_items = std::move(items);
        endResetModel();
    } else {
        // Marking the first item required, or the last one optional, changes every row's words.
        const bool countingChanged = courseBefore.requiredOnly != m_course.requiredOnly;
        for (int i = 0; i < int(m_modules.size()); ++i) {
            const QModelIndex module = index(i, 0);
            bool moduleChanged = countingChanged || before[i].title != m_modules[i].title
                || before[i].unlockAt != m_modules[i].unlockAt;
            for (int j = 0; j < int(m_modules[i].items.size()); ++j) {
                const QString &id = m_modules[i].items[j].id;
                if (countingChanged || before[i].items[j] != m_modules[i].items[j]
                    || progressBefore.value(id) != m_progress.value(id)
                    || lockedBefore.value(id) != m_locked.value(id)) {
                    moduleChanged = true;
                    Q_EMIT dataChanged(index(j, 0, module), index(j, 0, module));
                }
            }
            if (moduleChanged)
                Q_EMIT dataChanged(module, module);
        }
    }
    if (!sameShape || courseBefore != m_course || lockedBefore != m_locked)
        Q_EMIT progressChanged();
}

void PlayerOutlineModel::refreshProgress()
{
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    if (!store || m_courseId.isEmpty() || !m_showsProgress)
        return;
    const QHash<QString, ItemProgress> before = m_progress;
    const CourseProgress courseBefore = m_course;
    m_progress = LearnProgress::read(*store, m_sync->userId(), m_courseId);
    m_course = LearnProgress::course(m_items, m_progress, now());
    for (int i = 0; i < int(m_modules.size()); ++i) {
        const QModelIndex module = index(i, 0);
        bool moduleChanged = false;
        for (int j = 0; j < int(m_modules[i].items.size()); ++j) {
            const QString &id = m_modules[i].items[j].id;
            if (before.value(id) != m_progress.value(id)) {
                moduleChanged = true;
                Q_EMIT dataChanged(index(j, 0, module), index(j, 0, module));
            }
        }
        if (moduleChanged)
            Q_EMIT dataChanged(module, module);
    }
    if (courseBefore != m_course)
        Q_EMIT progressChanged();
}

QModelIndex PlayerOutlineModel::indexOf(const QString &id) const
{
    for (int i = 0; i < int(m_modules.size()); ++i) {
        const LearnerModule &m = m_modules.at(i);
        if (m.id == id)
            return createIndex(i, 0, moduleLevel);
        for (int j = 0; j < int(m.items.size()); ++j) {
            if (m.items.at(j).id == id)
                return createIndex(j, 0, quintptr(i) + 1);
        }
    }
    return {};
}

bool PlayerOutlineModel::isModule(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && index.internalId() == moduleLevel;
}

QString PlayerOutlineModel::idOf(const QModelIndex &index) const
{
    return index.data(IdRole).toString();
}

const LearnerItem *PlayerOutlineModel::item(const QString &id) const
{
    for (const LearnerItem &i : m_items) {
        if (i.id == id)
            return &i;
    }
    return nullptr;
}

QStringList PlayerOutlineModel::itemIds() const
{
    QStringList ids;
    ids.reserve(m_items.size());
    for (const LearnerItem &i : m_items)
        ids.append(i.id);
    return ids;
}

bool PlayerOutlineModel::isLocked(const QString &id) const
{
    return m_locked.value(id, false);
}

bool PlayerOutlineModel::isCompleted(const QString &id) const
{
    return m_progress.value(id).completed;
}

QString PlayerOutlineModel::nextItem(const QString &id) const
{
    const QStringList ids = itemIds();
    for (qsizetype i = ids.indexOf(id) + 1; i > 0 && i < ids.size(); ++i) {
        if (!isLocked(ids.at(i)))
            return ids.at(i);
    }
    return {};
}

QString PlayerOutlineModel::previousItem(const QString &id) const
{
    const QStringList ids = itemIds();
    for (qsizetype i = ids.indexOf(id) - 1; i >= 0; --i) {
        if (!isLocked(ids.at(i)))
            return ids.at(i);
    }
    return {};
}

QString PlayerOutlineModel::continueItem() const
{
    if (!m_course.nextItemId.isEmpty())
        return m_course.nextItemId;
    for (const LearnerItem &i : m_items) {
        if (!isLocked(i.id))
            return i.id;
    }
    return {};
}

QModelIndex PlayerOutlineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, moduleLevel);
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex PlayerOutlineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == moduleLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, moduleLevel);
}

int PlayerOutlineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_modules.size());
    if (parent.column() != 0 || parent.internalId() != moduleLevel
        || parent.row() >= m_modules.size())
        return 0;
    return int(m_modules.at(parent.row()).items.size());
}

int PlayerOutlineModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

QVariant PlayerOutlineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == moduleLevel) {
        const LearnerModule &m = m_modules.at(index.row());
        // A module counts what its course counts (Progress::counts); a module of optional items
        // only, once every one of them is done.
        QList<ItemRef> refs;
        int done = 0;
        for (const LearnerItem &i : m.items) {
            refs.append({i.id, i.required});
            done += isCompleted(i.id) ? 1 : 0;
        }
        const CourseProgress counted = Progress::tally(refs, m_progress, m_course.requiredOnly);
        const bool complete = m_showsProgress && !m.items.isEmpty()
            && (counted.total > 0 ? counted.completed == counted.total : done == m.items.size());
        switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole:
            return m.title;
        case Qt::DecorationRole:
            return QIcon(complete ? QStringLiteral(":/icons/complete.svg")
                                  : QStringLiteral(":/icons/module.svg"));
        case IdRole:
            return m.id;
        case TypeRole:
            return QStringLiteral("module");
        case LockedRole:
            return m.unlockAt.isValid() && m.unlockAt > now();
        case UnlockAtRole:
            return m.unlockAt;
        case CompletedRole:
            return complete;
        case DetailRole:
            if (m.unlockAt.isValid() && m.unlockAt > now())
                return LearnFormat::opens(m.unlockAt);
            if (m.items.isEmpty())
                return tr("Nothing here yet");
            if (m_showsProgress && counted.total > 0)
                return LearnFormat::itemsDone(counted.completed, counted.total,
                                              counted.requiredOnly);
            if (m_course.requiredOnly)
                return tr("Optional · %n item(s)", "a module none of whose items is required",
                          int(m.items.size()));
            return tr("%n item(s)", nullptr, int(m.items.size()));
        case Qt::ToolTipRole:
            return m.unlockAt.isValid() && m.unlockAt > now() ? LearnFormat::opens(m.unlockAt)
                                                              : QVariant();
        }
        return {};
    }
    const qsizetype moduleRow = qsizetype(index.internalId() - 1);
    const LearnerItem &i = m_modules.at(moduleRow).items.at(index.row());
    const bool locked = isLocked(i.id);
    const bool completed = m_showsProgress && isCompleted(i.id);
    switch (role) {
    case Qt::DisplayRole:
        return i.title;
    case Qt::AccessibleTextRole:
        if (locked)
            return tr("%1, locked, %2").arg(i.title, LearnFormat::opens(i.unlockAt));
        return completed ? tr("%1, completed").arg(i.title) : i.title;
    case Qt::DecorationRole:
        if (locked)
            return QIcon(QStringLiteral(":/icons/locked.svg"));
        if (completed)
            return QIcon(QStringLiteral(":/icons/complete.svg"));
        return QIcon(LearnFormat::typeIcon(i.type));
    case Qt::ToolTipRole:
        if (locked)
            return LearnFormat::opens(i.unlockAt);
        if (completed && m_progress.value(i.id).completedAt.isValid())
            return tr("Completed on %1")
                .arg(LearnFormat::dateTime(m_progress.value(i.id).completedAt));
        return LearnFormat::typeName(i.type);
    case IdRole:
        return i.id;
    case TypeRole:
        return i.type;
    case LockedRole:
        return locked;
    case UnlockAtRole:
        return i.unlockAt;
    case CompletedRole:
        return completed;
    case DetailRole: {
        if (locked)
            return LearnFormat::opens(i.unlockAt);
        QString detail = i.estimatedMinutes > 0
            ? tr("%1 · %n min", "type and length", i.estimatedMinutes)
                  .arg(LearnFormat::typeName(i.type))
            : LearnFormat::typeName(i.type);
        // Only the required items count towards progress: say which ones do not.
        if (!Progress::counts({i.id, i.required}, m_course.requiredOnly))
            detail
                = tr("%1 · optional", "an item that does not count towards progress").arg(detail);
        return detail;
    }
    }
    return {};
}

Qt::ItemFlags PlayerOutlineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return Qt::NoItemFlags;
    // Locked items can be selected (the player says when they open) but not opened.
    if (index.internalId() == moduleLevel)
        return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> PlayerOutlineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(TypeRole, "type");
    names.insert(LockedRole, "locked");
    names.insert(UnlockAtRole, "unlockAt");
    names.insert(CompletedRole, "completed");
    names.insert(DetailRole, "detail");
    return names;
}

} // namespace Lectern::Client
