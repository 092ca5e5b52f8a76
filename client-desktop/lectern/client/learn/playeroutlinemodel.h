#pragma once

#include "learneroutline.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <functional>
#include <lectern/progress.h>

namespace Lectern::Client {

class SyncController;

// The course player's outline: a course's modules and, below each, its items as a learner sees
// them (LearnerOutline), with the learner's completion (LearnProgress) and locks. A locked item
// (its unlock date is ahead) says when it opens and cannot be opened; the model turns it into an
// open one by itself when that time comes.
//
// It refreshes on SyncController::recordsChanged() for modules, items and progress events.
class PlayerOutlineModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        // "module" for a module; the content type ("lesson", "link", ...) for an item.
        TypeRole,
        LockedRole,    // bool
        UnlockAtRole,  // QDateTime, invalid when none
        CompletedRole, // bool (items; modules: every item completed)
        // One line under the title: "Opens <date>" for a locked item, "3 of 5 done" for a
        // module, the item's type and length otherwise.
        DetailRole,
    };
    Q_ENUM(Role)

    explicit PlayerOutlineModel(SyncController *sync, QObject *parent = nullptr);

    void setCourseId(const QString &courseId);
    QString courseId() const { return m_courseId; }
    // Without progress (a preview as a student): no ticks, no totals.
    void setShowsProgress(bool shows);
    bool showsProgress() const { return m_showsProgress; }
    // The clock locks are judged by (tests set their own).
    void setClock(std::function<QDateTime()> clock);

    // --- Items by id
    QModelIndex indexOf(const QString &id) const;
    QString idOf(const QModelIndex &index) const;
    bool isModule(const QModelIndex &index) const;
    const LearnerItem *item(const QString &id) const;
    QStringList itemIds() const;
    bool isLocked(const QString &id) const;
    bool isCompleted(const QString &id) const;
    ItemProgress progress(const QString &id) const { return m_progress.value(id); }
    // The nearest item after / before `id` that is not locked; empty when there is none.
    QString nextItem(const QString &id) const;
    QString previousItem(const QString &id) const;
    // What "Continue" opens: the first open item not completed; the first open item when all
    // are done; empty when nothing is open.
    QString continueItem() const;
    CourseProgress courseProgress() const { return m_course; }
    int itemCount() const { return int(m_items.size()); }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Whether the view showing the model is on screen. A hidden one (the Learn workspace while
    // an instructor writes in Author) does not read the store at every save: it notes that it
    // is behind and reads once it is shown again.
    void setActive(bool active);
    bool isActive() const { return m_active; }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // Completion, totals or locks changed (the header's progress bar follows).
    void progressChanged();

private:
    void load();
    void refreshProgress();
    void scheduleUnlock();
    QDateTime now() const { return m_clock(); }

    QPointer<SyncController> m_sync;
    QString m_courseId;
    bool m_showsProgress = true;
    std::function<QDateTime()> m_clock;
    QList<LearnerModule> m_modules;
    QList<LearnerItem> m_items; // flattened, in order
    QHash<QString, ItemProgress> m_progress;
    QHash<QString, bool> m_locked;
    CourseProgress m_course;
    QTimer m_unlockTimer;
    bool m_active = true;
    bool m_behind = false; // the store changed while inactive
};

} // namespace Lectern::Client
