#pragma once

#include <QStyledItemDelegate>

namespace Lectern::Client {

// A conflict inbox row: the record's title on the first line, the field and who changed it when
// on a second, dimmer one, and SyncMark's icon when the record has unsynced changes.
class ConflictItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace Lectern::Client
