#pragma once

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

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace Lectern::Client
