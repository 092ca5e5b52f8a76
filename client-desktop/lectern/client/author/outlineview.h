#pragma once

#include <QTreeView>

namespace Lectern::Client {

class OutlineModel;

// The course outline's tree: modules open, rows dragged to reorder (the model moves the records;
// the view never removes the dragged rows afterwards, as QAbstractItemView would after a move),
// several rows selected with Ctrl and Shift, titles renamed in place with F2 or a double click,
// Space to publish or unpublish.
class OutlineView : public QTreeView
{
    Q_OBJECT

public:
    explicit OutlineView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;

    // The record of the current row (empty when there is none).
    QString currentId() const;
    // The selected records, in outline order.
    QStringList selectedIds() const;
    // Makes the record the current and only selected row, opening its module.
    void selectRecord(const QString &id);

protected:
    void startDrag(Qt::DropActions supportedActions) override;

private:
    OutlineModel *outline() const;
};

} // namespace Lectern::Client
