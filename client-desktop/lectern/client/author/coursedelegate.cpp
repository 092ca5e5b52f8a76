#include "coursedelegate.h"

#include "courselistmodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/client/theme.h>

namespace Lectern::Client {

namespace {
constexpr int padding = 10;
constexpr int lineGap = 2;

QFont chipFont(const QFont &base)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * 0.85);
    font.setWeight(QFont::DemiBold);
    return font;
}
} // namespace

QColor CourseDelegate::statusColor(const QString &status, const QPalette &palette)
{
    // Dark enough (light enough in the dark theme) to read at 4.5:1 on their own tinted chip.
    const bool dark = Theme::isDark(palette);
    if (status == u"published")
        return dark ? QColor(0x4A, 0xDE, 0x80) : QColor(0x16, 0x65, 0x34);
    if (status == u"archived")
        return dark ? QColor(0x94, 0xA3, 0xB8) : QColor(0x47, 0x55, 0x69);
    return dark ? QColor(0xFB, 0xBF, 0x24) : QColor(0x92, 0x40, 0x0E);
}

QSize CourseDelegate::chipSize(const QString &text, const QFont &font)
{
    const QFontMetrics metrics(chipFont(font));
    return {metrics.horizontalAdvance(text) + 16, metrics.height() + 4};
}

int CourseDelegate::paintChip(QPainter *painter, const QString &text, const QColor &color,
                              int right, int centerY, const QFont &font)
{
    const QSize size = chipSize(text, font);
    const QRectF rect(right - size.width(), centerY - size.height() / 2.0, size.width(),
                      size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = color;
    fill.setAlphaF(0.16);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    painter->drawRoundedRect(rect, rect.height() / 2, rect.height() / 2);
    painter->setPen(color);
    painter->setFont(chipFont(font));
    painter->drawText(rect, Qt::AlignCenter, text);
    painter->restore();
    return size.width();
}

void CourseDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                           const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The background (selection, hover) as the style draws it, without the default text.
    opt.text.clear();
    opt.icon = QIcon();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;
    QRect content = option.rect.adjusted(padding, padding - 2, -padding, -(padding - 2));

    // The mark and the chip on the right, the text in what is left.
    const int markWidth = SyncMark::paint(painter, option, index);
    content.setRight(content.right() - (markWidth > 0 ? markWidth - padding / 2 : 0));
    const QString status = index.data(CourseListModel::StatusRole).toString();
    // On the selection the chip takes the selection's text colour, which reads there.
    const int chipWidth = paintChip(painter, CourseListModel::statusTitle(status),
                                    selected ? palette.color(QPalette::HighlightedText)
                                             : statusColor(status, palette),
                                    content.right(), option.rect.center().y(), option.font);
    content.setRight(content.right() - chipWidth - 8);

    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const QFontMetrics titleMetrics(titleFont);
    const QFontMetrics subtitleMetrics(option.font);
    const int height = titleMetrics.height() + lineGap + subtitleMetrics.height();
    const int top = option.rect.top() + (option.rect.height() - height) / 2;

    painter->save();
    painter->setFont(titleFont);
    painter->setPen(palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->drawText(
        QRect(content.left(), top, content.width(), titleMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        titleMetrics.elidedText(index.data().toString(), Qt::ElideRight, content.width()));
    painter->setFont(option.font);
    QColor muted = palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
    if (selected)
        muted.setAlphaF(0.8);
    painter->setPen(muted);
    painter->drawText(
        QRect(content.left(), top + titleMetrics.height() + lineGap, content.width(),
              subtitleMetrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter,
        subtitleMetrics.elidedText(index.data(CourseListModel::SubtitleRole).toString(),
                                   Qt::ElideRight, content.width()));
    painter->restore();

    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.backgroundColor = palette.color(selected ? QPalette::Highlight : QPalette::Base);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

QSize CourseDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    Q_UNUSED(index)
    QFont titleFont = option.font;
    titleFont.setWeight(QFont::DemiBold);
    const int height = QFontMetrics(titleFont).height() + lineGap
        + QFontMetrics(option.font).height() + 2 * padding;
    return {200, height};
}

bool CourseDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view,
                               const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event && event->type() == QEvent::ToolTip && index.isValid()) {
        QToolTip::showText(event->globalPos(), index.data(Qt::ToolTipRole).toString(), view,
                           option.rect);
        return true;
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace Lectern::Client
