#pragma once

#include <QStyledItemDelegate>

namespace Lectern::Client {

// Draws a PlayerOutlineModel row: its icon (type, tick or lock), the title and, below it in a
// quieter colour, the detail line ("Opens <date>", "3 of 5 done", "Lesson · 10 min").
class PlayerOutlineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Lectern::Client
