#pragma once

#include <QFontMetrics>
#include <lectern/client/syncui/syncmark.h>

namespace Lectern::Client {

// A row of the course outline: the publish check box, the type's icon and the title (modules in
// bold), the unlock date on the right when there is one, then the "not synced yet" mark.
class OutlineDelegate : public SyncMarkDelegate
{
    Q_OBJECT

public:
    using SyncMarkDelegate::SyncMarkDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // Naming a row starts with its whole name selected, so that typing replaces "New lesson"
    // instead of adding to it, as when naming a new folder.
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;

    // "Unlocks 1 Dec 09:00" (empty when the record has no unlock date).
    static QString unlockText(const QModelIndex &index);
    // The unlock text as it fits beside the title in a row `width` pixels wide: whole, else the
    // date and time alone ("1 déc. 09:00"), else elided; never more than 45% of the row, so
    // that the title stays readable (in French the whole text took the title's room).
    static QString unlockTextFitting(const QModelIndex &index, int width,
                                     const QFontMetrics &metrics);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Lectern::Client
