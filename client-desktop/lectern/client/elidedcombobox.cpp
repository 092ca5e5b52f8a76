#include "elidedcombobox.h"

#include <QStyleOptionComboBox>
#include <QStylePainter>

namespace Lectern::Client {

void ElidedComboBox::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QStylePainter painter(this);
    painter.setPen(palette().color(QPalette::Text));
    QStyleOptionComboBox option;
    initStyleOption(&option);
    painter.drawComplexControl(QStyle::CC_ComboBox, option);
    const QRect text
        = style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, this);
    const int icon = option.currentIcon.isNull() ? 0 : option.iconSize.width() + 4;
    option.currentText
        = fontMetrics().elidedText(option.currentText, Qt::ElideRight, text.width() - icon);
    painter.drawControl(QStyle::CE_ComboBoxLabel, option);
}

} // namespace Lectern::Client
