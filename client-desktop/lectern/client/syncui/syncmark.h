#pragma once

#include <QCoreApplication>
#include <QIcon>
#include <QStyledItemDelegate>

class QPainter;

namespace Lectern::Client {

// Marks items not yet synced (docs/architecture.md, "The offline store"), the same way in every
// list of the client.
//
// How a view uses it:
//   1. the model answers SyncMark::Role with true for a record that has local changes the
//      server has not acknowledged: `return store->hasPending(entity, id);` (LocalStore), and
//      refreshes on SyncController::recordsChanged() (the mark goes when the push is answered);
//   2. the view sets a SyncMarkDelegate (plain lists and trees: it draws the item as usual plus
//      a small "not synced yet" icon on the right), or a delegate of its own calls
//      SyncMark::paint() after drawing the item (see ConflictItemDelegate);
//   3. models that prefer a decoration return SyncMark::icon() for Qt::DecorationRole and
//      SyncMark::toolTip() for Qt::ToolTipRole instead.
class SyncMark
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::SyncMark)

public:
    // bool: the item has local changes not yet synced.
    static constexpr int Role = Qt::UserRole + 0x5100;

    static QIcon icon();
    static QString toolTip();
    // Side of the mark in device-independent pixels.
    static constexpr int size = 14;
    // Draws the mark at the right end of `option.rect` when `index` says so; returns the width
    // it took (0 when the item is synced), so a delegate can keep its text clear of it.
    static int paint(QPainter *painter, const QStyleOptionViewItem &option,
                     const QModelIndex &index);
    static bool isMarked(const QModelIndex &index) { return index.data(Role).toBool(); }
};

// A QStyledItemDelegate that keeps the usual look and adds SyncMark's icon to unsynced items.
class SyncMarkDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;
};

} // namespace Lectern::Client
