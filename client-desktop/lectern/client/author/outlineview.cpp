#include "outlineview.h"

#include "outlinedelegate.h"
#include "outlinemodel.h"

#include <QDrag>
#include <QHeaderView>
#include <QMimeData>
#include <QPainter>
#include <algorithm>

namespace Lectern::Client {

OutlineView::OutlineView(QWidget *parent)
    : QTreeView(parent)
{
    setObjectName(QStringLiteral("outlineView"));
    setAccessibleName(tr("Course outline"));
    setHeaderHidden(true);
    // Every row the same height: a 5,000-item outline lays out without measuring each row.
    setUniformRowHeights(true);
    setItemDelegate(new OutlineDelegate(this));
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    // DragDrop rather than InternalMove: the model takes only drags of this course's outline
    // (whatever their source), and startDrag() never removes rows.
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    setExpandsOnDoubleClick(false);
    setIconSize(QSize(18, 18));
    setIndentation(22);
    setFrameShape(QFrame::NoFrame);
    setAnimated(true);
}

OutlineModel *OutlineView::outline() const
{
    return qobject_cast<OutlineModel *>(model());
}

void OutlineView::setModel(QAbstractItemModel *model)
{
    QTreeView::setModel(model);
    if (!model)
        return;
    // Modules start open, whether they come with the course or are added later.
    connect(model, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int row = first; row <= last; ++row)
                    expand(this->model()->index(row, 0));
            });
    expandAll();
}

QString OutlineView::currentId() const
{
    OutlineModel *m = outline();
    return m ? m->idOf(currentIndex()) : QString();
}

QStringList OutlineView::selectedIds() const
{
    OutlineModel *m = outline();
    if (!m)
        return {};
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        const auto rank = [](const QModelIndex &i) {
            return i.parent().isValid() ? std::pair(i.parent().row(), i.row())
                                        : std::pair(i.row(), -1);
        };
        return rank(a) < rank(b);
    });
    QStringList ids;
    for (const QModelIndex &row : std::as_const(rows))
        ids.append(m->idOf(row));
    return ids;
}

void OutlineView::selectRecord(const QString &id)
{
    OutlineModel *m = outline();
    const QModelIndex index = m ? m->indexOf(id) : QModelIndex();
    if (!index.isValid())
        return;
    if (index.parent().isValid())
        expand(index.parent());
    selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    scrollTo(index);
}

void OutlineView::startDrag(Qt::DropActions supportedActions)
{
    Q_UNUSED(supportedActions)
    QModelIndexList indexes;
    for (const QModelIndex &index : selectionModel()->selectedRows()) {
        if (model()->flags(index) & Qt::ItemIsDragEnabled)
            indexes.append(index);
    }
    if (indexes.isEmpty())
        return;
    QMimeData *data = model()->mimeData(indexes);
    if (!data)
        return;
    auto *drag = new QDrag(this);
    drag->setMimeData(data);
    // The first row's icon and title as the drag's picture.
    const QModelIndex first = indexes.first();
    const QString text = indexes.size() == 1 ? first.data().toString()
                                             : tr("%n records", nullptr, int(indexes.size()));
    const QFontMetrics metrics(font());
    const qreal dpr = devicePixelRatioF();
    const QSize size(metrics.horizontalAdvance(text) + 40, std::max(metrics.height() + 10, 26));
    QPixmap pixmap(size * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QColor fill = palette().color(QPalette::Highlight);
        fill.setAlphaF(0.85);
        painter.setBrush(fill);
        painter.setPen(Qt::NoPen);
        painter.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)), 6, 6);
        OutlineModel::iconFor(first.data(OutlineModel::TypeRole).toString())
            .paint(&painter, QRect(6, (size.height() - 16) / 2, 16, 16));
        painter.setPen(palette().color(QPalette::HighlightedText));
        painter.drawText(QRect(28, 0, size.width() - 32, size.height()), Qt::AlignVCenter, text);
    }
    drag->setPixmap(pixmap);
    drag->setHotSpot(QPoint(12, size.height() / 2));
    // The model has moved the records when this returns; there is nothing to remove here.
    drag->exec(Qt::MoveAction, Qt::MoveAction);
}

} // namespace Lectern::Client
