#include "playeroutlinedelegate.h"

#include "playeroutlinemodel.h"

#include <QPainter>
#include <lectern/client/theme.h>

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

    // The selection and hover as a tint, like the main window's sidebar: the coloured icons
    // stay visible on the selected row.
    const QString title = option.text;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hover = option.state & QStyle::State_MouseOver;
    if (selected || hover) {
        QColor tint = option.palette.color(QPalette::Highlight);
        tint.setAlphaF(selected ? 0.20 : 0.08);
        painter->fillRect(option.rect, tint);
    }
    if (selected) {
        const QRect bar(option.rect.left(), option.rect.top(), 3, option.rect.height());
        painter->fillRect(bar, option.palette.color(QPalette::Highlight));
    }
    if (option.state & QStyle::State_HasFocus)
        Theme::paintFocusFrame(painter, option.rect, option.palette);
    painter->save();
    const QRect r = option.rect.adjusted(module ? 10 : 24, 0, -8, 0);
    const int iconSide = module ? 20 : 18;
    const QRect iconRect(r.left(), r.center().y() - iconSide / 2, iconSide, iconSide);
    const QIcon icon = qvariant_cast<QIcon>(index.data(Qt::DecorationRole));
    icon.paint(painter, iconRect, Qt::AlignCenter, locked ? QIcon::Disabled : QIcon::Normal);

    const QColor text = option.palette.color(QPalette::Text);
    const QColor detail = option.palette.color(QPalette::PlaceholderText);

    QFont titleFont = option.font;
    if (module)
        titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics fm(titleFont);
    const QFontMetrics small(option.font);
    const int left = iconRect.right() + 10;
    const int width = r.right() - left;
    const int top = r.center().y() - (fm.height() + small.height() + 2) / 2;
    painter->setFont(titleFont);
    painter->setPen(locked ? detail : text);
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
