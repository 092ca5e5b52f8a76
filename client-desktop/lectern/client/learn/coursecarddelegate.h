#pragma once

#include <QStyledItemDelegate>

namespace Lectern::Client {

// Draws a DashboardModel row as a card: a badge with the course code, the title, a progress bar
// with what is done and the time spent, a "Continue: <item>" button and, when the course can be
// downloaded, a download / remove link. Clicking the card (or its button) asks to open the
// course; clicking the link asks for the download action.
class CourseCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // The width of a card with its margins (the view's column width); 0: the view's width.
    void setCardWidth(int width) { m_cardWidth = width; }
    int cardWidth() const { return m_cardWidth; }

    // Where the parts of a card are, for drawing and for clicks (and tests).
    struct Layout
    {
        QRect card;
        QRect badge;
        QRect title;
        QRect meta;
        QRect bar;
        QRect percent;
        QRect summary;
        QRect button;
        QRect download; // empty when the course has no download action
    };
    static Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

Q_SIGNALS:
    void openRequested(const QModelIndex &index);
    void downloadRequested(const QModelIndex &index);

private:
    int m_cardWidth = 0;
};

} // namespace Lectern::Client
