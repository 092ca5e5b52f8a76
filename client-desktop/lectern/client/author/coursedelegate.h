#pragma once

#include <QStyledItemDelegate>

namespace Lectern::Client {

// A row of the Author workspace's course list: the title over "code · term", a chip with the
// status on the right and the "not synced yet" mark (SyncMark) at the end.
class CourseDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The colour a status reads in on `palette` (its chip's text; the chip is a tint of it).
    static QColor statusColor(const QString &status, const QPalette &palette);
    // Draws a status chip with its right edge at `right`, centred on `centerY`; returns its width.
    static int paintChip(QPainter *painter, const QString &text, const QColor &color, int right,
                         int centerY, const QFont &font);
    static QSize chipSize(const QString &text, const QFont &font);
};

} // namespace Lectern::Client
