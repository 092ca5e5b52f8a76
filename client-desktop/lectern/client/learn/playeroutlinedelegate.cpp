#include "playeroutlinedelegate.h"

#include "playeroutlinemodel.h"

#include <QApplication>
#include <QPainter>

namespace Lectern::Client {

QSize PlayerOutlineDelegate::sizeHint(const QStyleOptionViewItem &option,
                                      const QModelIndex &index) const
{
    Q_UNUSED(index)
    const int line = QFontMetrics(option.font).height();
    return {200, 2 * line + 14};
}

void PlayerOutlineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &opt,
                                  const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    const bool module = index.data(PlayerOutlineModel::TypeRole).toString() == u"module";
    const bool locked = index.data(PlayerOutlineModel::LockedRole).toBool();

    // The background (selection, hover) as the style draws it, without text or icon.
    const QString title = option.text;
    option.text.clear();
    option.icon = QIcon();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &option, painter, widget);

    painter->save();
    const QRect r = option.rect.adjusted(6, 0, -8, 0);
    const int iconSide = module ? 20 : 18;
    const QRect iconRect(r.left(), r.center().y() - iconSide / 2, iconSide, iconSide);
    const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
    icon.paint(painter, iconRect, Qt::AlignCenter, locked ? QIcon::Disabled : QIcon::Normal);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor text
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor detail = selected ? text : option.palette.color(group, QPalette::PlaceholderText);

    QFont titleFont = option.font;
    if (module)
        titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics fm(titleFont);
    const QFontMetrics small(option.font);
    const int left = iconRect.right() + 10;
    const int width = r.right() - left;
    const int top = r.center().y() - (fm.height() + small.height() + 2) / 2;
    painter->setFont(titleFont);
    painter->setPen(locked && !selected ? detail : text);
    painter->drawText(QRect(left, top, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(title, Qt::ElideRight, width));
    painter->setFont(option.font);
    painter->setPen(detail);
    painter->drawText(QRect(left, top + fm.height() + 2, width, small.height()),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      small.elidedText(index.data(PlayerOutlineModel::DetailRole).toString(),
                                       Qt::ElideRight, width));
    painter->restore();
}

} // namespace Lectern::Client
