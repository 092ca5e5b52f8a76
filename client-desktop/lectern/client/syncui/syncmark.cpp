#include "syncmark.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace Lectern::Client {

namespace {
constexpr int markMargin = 6;

QRect markRect(const QRect &item)
{
    return QRect(item.right() - markMargin - SyncMark::size + 1,
                 item.top() + (item.height() - SyncMark::size) / 2, SyncMark::size, SyncMark::size);
}
} // namespace

QIcon SyncMark::icon()
{
    return QIcon(QStringLiteral(":/icons/unsynced.svg"));
}

QString SyncMark::toolTip()
{
    return tr("Changed on this computer; not synced yet");
}

int SyncMark::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (!isMarked(index))
        return 0;
    const QRect rect = markRect(option.rect);
    if (option.state & QStyle::State_Selected) {
        // A light disc keeps the blue mark visible on the selection's colour.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::HighlightedText));
        painter->drawEllipse(QRectF(rect).adjusted(-1.5, -1.5, 1.5, 1.5));
        painter->restore();
    }
    icon().paint(painter, rect, Qt::AlignCenter,
                 option.state & QStyle::State_Enabled ? QIcon::Normal : QIcon::Disabled);
    return SyncMark::size + 2 * markMargin;
}

void SyncMarkDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    if (!SyncMark::isMarked(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The item's background spans the row; its text stops before the mark.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    QStyleOptionViewItem content = option;
    content.rect.setRight(option.rect.right() - SyncMark::size - 2 * markMargin);
    content.state &= ~QStyle::State_HasFocus;
    QStyledItemDelegate::paint(painter, content, index);
    SyncMark::paint(painter, option, index);
}

QSize SyncMarkDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (SyncMark::isMarked(index))
        size.rwidth() += SyncMark::size + 2 * markMargin;
    return size;
}

bool SyncMarkDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                                 const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && SyncMark::isMarked(index)
        && markRect(option.rect).adjusted(-2, -2, 2, 2).contains(event->pos())) {
        QToolTip::showText(event->globalPos(), SyncMark::toolTip(), view);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Lectern::Client
