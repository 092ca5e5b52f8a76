#include "conflictitemdelegate.h"

#include "conflictlistmodel.h"
#include "syncmark.h"

#include <QApplication>
#include <QPainter>

namespace Lectern::Client {

namespace {
constexpr int hMargin = 10;
constexpr int vMargin = 7;
constexpr int lineGap = 2;

QFont titleFont(const QFont &base)
{
    QFont font = base;
    font.setWeight(QFont::DemiBold);
    return font;
}

QFont detailFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.9);
    return font;
}
} // namespace

void ConflictItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                 const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    const int markWidth = SyncMark::paint(painter, option, index);
    const QRect text = option.rect.adjusted(hMargin, vMargin, -hMargin - markWidth, -vMargin);
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor main
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = main;
    dim.setAlphaF(selected ? 0.85f : 0.6f);

    const QFont first = titleFont(option.font);
    const QFontMetrics firstMetrics(first);
    painter->setFont(first);
    painter->setPen(main);
    const QRect titleRect(text.left(), text.top(), text.width(), firstMetrics.height());
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      firstMetrics.elidedText(index.data(ConflictListModel::TitleRole).toString(),
                                              Qt::ElideRight, text.width()));

    const QFont second = detailFont(option.font);
    const QFontMetrics secondMetrics(second);
    painter->setFont(second);
    painter->setPen(dim);
    const QString detail = tr("%1 · %2", "field · who changed it when")
                               .arg(index.data(ConflictListModel::FieldRole).toString(),
                                    index.data(ConflictListModel::WhoWhenRole).toString());
    const QRect detailRect(text.left(), titleRect.bottom() + 1 + lineGap, text.width(),
                           secondMetrics.height());
    painter->drawText(detailRect, Qt::AlignLeft | Qt::AlignVCenter,
                      secondMetrics.elidedText(detail, Qt::ElideRight, text.width()));
    painter->restore();
}

QSize ConflictItemDelegate::sizeHint(const QStyleOptionViewItem &option,
                                     const QModelIndex &index) const
{
    Q_UNUSED(index)
    const QFontMetrics first(titleFont(option.font));
    const QFontMetrics second(detailFont(option.font));
    return QSize(260, first.height() + lineGap + second.height() + 2 * vMargin);
}

} // namespace Lectern::Client
