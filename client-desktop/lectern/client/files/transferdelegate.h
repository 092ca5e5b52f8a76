#pragma once

#include <QStyledItemDelegate>

namespace Lectern::Client {

// Draws a transfer's progress as a bar in a CourseFilesModel's status column while it runs;
// everything else as usual.
class TransferDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace Lectern::Client
