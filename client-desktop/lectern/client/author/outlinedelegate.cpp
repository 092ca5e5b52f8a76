#include "outlinedelegate.h"

#include "outlinemodel.h"

#include <QApplication>
#include <QHash>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>

namespace Lectern::Client {

namespace {
constexpr int gap = 8;
constexpr int minimumRowHeight = 28;
} // namespace

namespace {
// The unlock date and time, as the locale writes them: day and month, and the year only when it
// is not this one. Empty strings when there is no unlock date.
std::pair<QString, QString> unlockMoment(const QModelIndex &index)
{
    const QDateTime when = index.data(OutlineModel::UnlockAtRole).toDateTime();
    if (!when.isValid())
        return {};
    const QLocale locale;
    const QDateTime local = when.toLocalTime();
    QString date = local.date().year() == QDate::currentDate().year()
        ? locale.toString(local.date(),
                          OutlineDelegate::tr("d MMM", "unlock date format without the year"))
        : locale.toString(local.date(), QLocale::ShortFormat);
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss"));
    return {date, locale.toString(local.time(), timeFormat)};
}
} // namespace

QString OutlineDelegate::unlockText(const QModelIndex &index)
{
    const auto [date, time] = unlockMoment(index);
    if (date.isEmpty())
        return {};
    return tr("Unlocks %1 %2", "date, time").arg(date, time);
}

QString OutlineDelegate::unlockTextFitting(const QModelIndex &index, int width,
                                           const QFontMetrics &metrics)
{
    const int room = width * 45 / 100 - 2 * gap;
    QString text = unlockText(index);
    if (text.isEmpty() || metrics.horizontalAdvance(text) <= room)
        return text;
    const auto [date, time] = unlockMoment(index);
    text = date + u' ' + time;
    return metrics.elidedText(text, Qt::ElideRight, std::max(room, 0));
}

void OutlineDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    SyncMarkDelegate::initStyleOption(option, index);
    const QString type = index.data(OutlineModel::TypeRole).toString();
    if (type == u"module")
        option->font.setWeight(QFont::DemiBold);
    // Styles draw a check box's frame a shade darker than the window, which vanishes on a dark
    // palette's base: a lighter window there keeps the publish boxes visible.
    if (option->palette.color(QPalette::Base).lightness() < 100)
        option->palette.setColor(QPalette::Window, QColor(0x9A, 0xA4, 0xB0));
    // On the selection's colour the coloured icons would vanish: draw them in its text colour.
    if (option->state & QStyle::State_Selected && !option->icon.isNull()) {
        const QColor color = option->palette.color(QPalette::HighlightedText);
        const QString key = type + u'/' + color.name(QColor::HexArgb);
        static QHash<QString, QIcon> tinted;
        auto it = tinted.find(key);
        if (it == tinted.end()) {
            QIcon icon;
            for (const int side : {16, 18, 24, 32, 36, 48}) {
                QPixmap pixmap = option->icon.pixmap(QSize(side, side));
                QPainter painter(&pixmap);
                painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
                painter.fillRect(pixmap.rect(), color);
                painter.end();
                icon.addPixmap(pixmap, QIcon::Normal);
                icon.addPixmap(pixmap, QIcon::Selected);
            }
            it = tinted.insert(key, icon);
        }
        option->icon = *it;
    }
}

void OutlineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    // Room on the right for the unlock date; the mark (if any) goes after it.
    const QFontMetrics metrics(option.font);
    const int markWidth = SyncMark::isMarked(index) ? SyncMark::size + 12 : 0;
    const QString unlock = unlockTextFitting(index, option.rect.width() - markWidth, metrics);
    if (unlock.isEmpty()) {
        SyncMarkDelegate::paint(painter, option, index);
        return;
    }
    const int unlockWidth = metrics.horizontalAdvance(unlock) + 2 * gap;

    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    QStyleOptionViewItem content = option;
    content.rect.setRight(option.rect.right() - unlockWidth - markWidth);
    QStyledItemDelegate::paint(painter, content, index);

    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setPen(
        option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(QRect(option.rect.right() - unlockWidth - markWidth + gap, option.rect.top(),
                            unlockWidth - gap, option.rect.height()),
                      Qt::AlignRight | Qt::AlignVCenter, unlock);
    painter->restore();
    SyncMark::paint(painter, option, index);
}

void OutlineDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    SyncMarkDelegate::setEditorData(editor, index);
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->selectAll();
}

QSize OutlineDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = SyncMarkDelegate::sizeHint(option, index);
    const QString unlock = unlockText(index);
    if (!unlock.isEmpty())
        size.rwidth() += QFontMetrics(option.font).horizontalAdvance(unlock) + 2 * gap;
    size.setHeight(std::max(size.height(), minimumRowHeight));
    return size;
}

} // namespace Lectern::Client
