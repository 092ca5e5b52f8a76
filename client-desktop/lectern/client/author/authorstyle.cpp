#include "authorstyle.h"

#include <QAction>
#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <lectern/client/theme.h>

namespace Lectern::Client::AuthorStyle {

namespace {
// Repaints an error label in the error colour of its palette, now and after palette changes.
class ErrorColour : public QObject
{
public:
    using QObject::QObject;

    static void apply(QLabel *label)
    {
        QPalette palette = label->palette();
        palette.setColor(QPalette::WindowText, errorColor(palette));
        label->setPalette(palette);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ApplicationPaletteChange
            || event->type() == QEvent::ParentChange) {
            auto *label = static_cast<QLabel *>(watched);
            label->setPalette(QPalette());
            apply(label);
        }
        return false;
    }
};
} // namespace

QString keys(const QKeySequence &sequence)
{
    return sequence.toString(QKeySequence::NativeText);
}

QAction *makeAction(QWidget *owner, const QString &name, const QString &text, const QString &icon,
                    const QKeySequence &shortcut)
{
    auto *action = new QAction(text, owner);
    action->setObjectName(name);
    if (!icon.isEmpty())
        action->setIcon(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)));
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(QString(text).remove(u'&').remove(u'…'), keys(shortcut)));
    }
    owner->addAction(action);
    return action;
}

QColor errorColor(const QPalette &palette)
{
    return Theme::isDark(palette) ? QColor(0xF8, 0x71, 0x71) : QColor(0xB9, 0x1C, 0x1C);
}

void makeErrorLabel(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    ErrorColour::apply(label);
    label->installEventFilter(new ErrorColour(label));
}

} // namespace Lectern::Client::AuthorStyle
