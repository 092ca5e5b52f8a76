#include "coursecarddelegate.h"

#include "dashboardmodel.h"

#include <QApplication>
#include <QIcon>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

namespace Lectern::Client {

namespace {

constexpr int cardHeight = 96;
constexpr int gap = 6;
constexpr int padding = 16;
constexpr int badgeSide = 48;
constexpr int buttonWidth = 250;

// A colour per course, the same on every run and every device.
QColor badgeColor(const QString &id)
{
    static const QColor colors[]
        = {QColor(0x25, 0x63, 0xEB), QColor(0x7C, 0x3A, 0xED), QColor(0x08, 0x91, 0xB2),
           QColor(0x16, 0xA3, 0x4A), QColor(0xD9, 0x77, 0x06), QColor(0xDB, 0x27, 0x77),
           QColor(0x47, 0x55, 0x69)};
    // Not qHash: Qt seeds it anew in every process, so the colours changed at every launch.
    // FNV-1a over the id's characters is the same everywhere.
    quint32 hash = 2166136261u;
    for (const QChar c : id) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return colors[hash % std::size(colors)];
}

QString badgeText(const QString &code, const QString &title)
{
    const QString source = code.isEmpty() ? title : code;
    QString letters;
    for (const QChar c : source) {
        if (c.isLetterOrNumber())
            letters += c.toUpper();
        if (letters.size() == 3)
            break;
    }
    return letters;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

CourseCardDelegate::Layout CourseCardDelegate::layout(const QStyleOptionViewItem &option,
                                                      const QModelIndex &index)
{
    Layout l;
    l.card = option.rect.adjusted(padding / 2, gap, -padding / 2, -gap);
    const QRect inner = l.card.adjusted(padding, padding - 2, -padding, -(padding - 2));
    l.badge = QRect(inner.left(), inner.top() + 2, badgeSide, badgeSide);
    const int right = std::min(buttonWidth, inner.width() / 3);
    const int textLeft = l.badge.right() + 1 + padding;
    const int textRight = inner.right() - right - padding;
    const QFontMetrics fm(option.font);
    const int line = fm.height();
    l.title = QRect(textLeft, inner.top(), textRight - textLeft, int(line * 1.3));
    l.meta = QRect(textLeft, l.title.bottom() + 2, l.title.width(), line);
    const int percentWidth = fm.horizontalAdvance(QStringLiteral("100 %")) + 8;
    l.bar = QRect(textLeft, l.meta.bottom() + 10, l.title.width() - percentWidth, 6);
    l.percent = QRect(l.bar.right() + 8, l.bar.center().y() - line / 2, percentWidth - 8, line);
    l.summary = QRect(textLeft, l.bar.bottom() + 8, l.title.width(), line);
    l.button = QRect(inner.right() - right + 1, inner.top() + 4, right, line + 14);
    if (index.data(DashboardModel::DownloadRole).value<DashboardModel::Download>()
        != DashboardModel::Download::Unavailable)
        l.download = QRect(l.button.left(), l.button.bottom() + 12, right, line + 4);
    return l;
}

QSize CourseCardDelegate::sizeHint(const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    // As tall as what layout() puts in it, and never less than the badge.
    QStyleOptionViewItem probe = option;
    probe.rect = QRect(0, 0, 800, 1000);
    const Layout l = layout(probe, index);
    const int content = std::max({l.summary.bottom(), l.badge.bottom(),
                                  l.download.isEmpty() ? l.button.bottom() : l.download.bottom()});
    return {m_cardWidth > 0 ? m_cardWidth : 400,
            std::max(cardHeight, content + 1 + (padding - 2) + gap)};
}

void CourseCardDelegate::paint(QPainter *painter, const QStyleOptionViewItem &opt,
                               const QModelIndex &index) const
{
    QStyleOptionViewItem option = opt;
    initStyleOption(&option, index);
    const Layout l = layout(option, index);
    const QPalette &pal = option.palette;
    const bool preview = index.data(DashboardModel::KindRole).value<DashboardModel::Kind>()
        == DashboardModel::Kind::Preview;
    const bool hover = option.state & QStyle::State_MouseOver;
    const bool selected = option.state & QStyle::State_Selected;
    const bool focus = option.state & QStyle::State_HasFocus;
    const QColor highlight = pal.color(QPalette::Highlight);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    // The card: the base colour with a hairline, tinted by hover and selection.
    QColor fill = pal.color(QPalette::Base);
    if (selected)
        fill = mix(fill, highlight, 0.10);
    else if (hover)
        fill = mix(fill, highlight, 0.05);
    QColor border = mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.16);
    if (selected || focus || hover)
        border = mix(border, highlight, 0.7);
    painter->setPen(QPen(border, 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(l.card).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);

    // The badge.
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(index.data(DashboardModel::IdRole).toString()));
    painter->drawRoundedRect(l.badge, 10, 10);
    QFont badgeFont = option.font;
    badgeFont.setWeight(QFont::Bold);
    badgeFont.setPixelSize(badgeSide * 3 / 10);
    painter->setFont(badgeFont);
    painter->setPen(Qt::white);
    painter->drawText(l.badge, Qt::AlignCenter,
                      badgeText(index.data(DashboardModel::CodeRole).toString(),
                                index.data(Qt::DisplayRole).toString()));

    // Title and the line under it.
    QFont titleFont = option.font;
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    painter->setFont(titleFont);
    painter->setPen(pal.color(QPalette::Text));
    painter->drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(titleFont).elidedText(index.data(Qt::DisplayRole).toString(),
                                                         Qt::ElideRight, l.title.width()));
    painter->setFont(option.font);
    const QFontMetrics fm(option.font);
    QStringList meta;
    for (int role : {int(DashboardModel::CodeRole), int(DashboardModel::TermRole)}) {
        const QString text = index.data(role).toString();
        if (!text.isEmpty())
            meta.append(text);
    }
    if (preview)
        meta.append(tr("Preview"));
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(
        l.meta, Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(meta.join(QStringLiteral("  ·  ")), Qt::ElideRight, l.meta.width()));

    // Progress: a rounded bar and the percentage.
    if (!preview) {
        const int percent = index.data(DashboardModel::PercentRole).toInt();
        QColor track = mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.12);
        painter->setPen(Qt::NoPen);
        painter->setBrush(track);
        painter->drawRoundedRect(l.bar, 3, 3);
        if (percent > 0) {
            QRect done = l.bar;
            done.setWidth(std::max(6, l.bar.width() * percent / 100));
            painter->setBrush(percent >= 100 ? QColor(0x16, 0xA3, 0x4A) : highlight);
            painter->drawRoundedRect(done, 3, 3);
        }
        painter->setPen(pal.color(QPalette::Text));
        painter->drawText(l.percent, Qt::AlignRight | Qt::AlignVCenter,
                          tr("%1%", "percent complete").arg(percent));
    }
    painter->setPen(pal.color(QPalette::PlaceholderText));
    painter->drawText(preview ? l.bar.adjusted(0, -fm.height() / 2, 0, fm.height() / 2) : l.summary,
                      Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(index.data(DashboardModel::SummaryTextRole).toString(),
                                    Qt::ElideRight, l.summary.width()));

    // The button: filled for studying, outlined for a preview.
    const QString continueText = index.data(DashboardModel::ContinueTextRole).toString();
    const bool actionable = preview || !index.data(DashboardModel::NextItemIdRole).isNull();
    if (preview || !actionable) {
        painter->setPen(QPen(mix(pal.color(QPalette::Base), highlight, 0.8), 1));
        painter->setBrush(Qt::NoBrush);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(hover ? highlight.darker(110) : highlight);
    }
    painter->drawRoundedRect(QRectF(l.button).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7);
    QFont buttonFont = option.font;
    buttonFont.setWeight(QFont::DemiBold);
    painter->setFont(buttonFont);
    painter->setPen(preview || !actionable ? pal.color(QPalette::Text)
                                           : pal.color(QPalette::HighlightedText));
    const QRect buttonText = l.button.adjusted(12, 0, -12, 0);
    const QFontMetrics buttonMetrics(buttonFont);
    QString buttonWords = continueText;
    if (buttonMetrics.horizontalAdvance(buttonWords) > buttonText.width()) {
        const QString brief = index.data(DashboardModel::ContinueBriefTextRole).toString();
        if (!brief.isEmpty())
            buttonWords = brief;
    }
    painter->drawText(buttonText, Qt::AlignCenter,
                      buttonMetrics.elidedText(buttonWords, Qt::ElideRight, buttonText.width()));

    // The download link.
    if (!l.download.isEmpty()) {
        const auto state
            = index.data(DashboardModel::DownloadRole).value<DashboardModel::Download>();
        const QIcon icon(state == DashboardModel::Download::Downloaded
                             ? QStringLiteral(":/icons/downloaded.svg")
                             : QStringLiteral(":/icons/download.svg"));
        const QRect iconRect(l.download.left(), l.download.center().y() - 8, 16, 16);
        icon.paint(painter, iconRect);
        QRect textRect = l.download.adjusted(22, 0, 0, 0);
        if (state == DashboardModel::Download::Downloading) {
            const qint64 total = index.data(DashboardModel::DownloadTotalRole).toLongLong();
            const qint64 done = index.data(DashboardModel::DownloadDoneRole).toLongLong();
            QRect bar(textRect.left(), textRect.bottom() + 2, textRect.width(), 4);
            painter->setPen(Qt::NoPen);
            painter->setBrush(mix(pal.color(QPalette::Base), pal.color(QPalette::Text), 0.12));
            painter->drawRoundedRect(bar, 2, 2);
            if (total > 0 && done > 0) {
                bar.setWidth(int(bar.width() * std::min<qint64>(done, total) / total));
                painter->setBrush(highlight);
                painter->drawRoundedRect(bar, 2, 2);
            }
        }
        painter->setFont(option.font);
        painter->setPen(pal.color(QPalette::Link));
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(index.data(DashboardModel::DownloadTextRole).toString(),
                                        Qt::ElideRight, textRect.width()));
    }
    painter->restore();
}

bool CourseCardDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                     const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() != Qt::LeftButton)
            return false;
        const Layout l = layout(option, index);
        const QPoint at = mouse->position().toPoint();
        if (!l.download.isEmpty() && l.download.contains(at)) {
            Q_EMIT downloadRequested(index);
            return true;
        }
        if (l.card.contains(at)) {
            Q_EMIT openRequested(index);
            return true;
        }
        return false;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace Lectern::Client
