#pragma once

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHash>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QStringList>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTextDocument>
#include <QToolButton>
#include <QWidget>
#include <cmath>

namespace Lectern::ClientTest {

// What a person would see wrong in a window as it is on screen: text cut off without an
// ellipsis, and text too faint to read. It looks at the window's real pixels (a grab of the whole
// window, so backgrounds painted by parents, cards and style sheets count) and at the widgets'
// real sizes.
namespace WindowCheck {

// WCAG 2 relative luminance and contrast ratio.
inline double luminance(QRgb rgb)
{
    const auto channel = [](int value) {
        const double s = value / 255.0;
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(qRed(rgb)) + 0.7152 * channel(qGreen(rgb))
        + 0.0722 * channel(qBlue(rgb));
}

inline double contrast(QRgb a, QRgb b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// The contrast of the text in `area` of `shot`: its most common colour is the background, and the
// text's colour is the pixel that stands out from it most (the core of a glyph's stem, where
// anti-aliasing does not blend).
inline double textContrast(const QImage &shot, const QRect &area)
{
    QHash<QRgb, int> counts;
    const QRect r = area.intersected(shot.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x)
            ++counts[shot.pixel(x, y) | 0xff000000];
    }
    if (counts.isEmpty())
        return 21;
    QRgb background = counts.cbegin().key();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (it.value() > counts.value(background))
            background = it.key();
    }
    double best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        best = std::max(best, contrast(it.key(), background));
    return best;
}

inline bool isShown(const QWidget *widget)
{
    return widget->isVisible() && widget->isEnabled() && !widget->visibleRegion().isEmpty();
}

inline QString describe(const QWidget *widget, const QString &text)
{
    const QString name = widget->objectName().isEmpty()
        ? QString::fromLatin1(widget->metaObject()->className())
        : widget->objectName();
    return QStringLiteral("%1 \"%2\"").arg(name, text.left(60));
}

inline bool isLarge(const QFont &font)
{
    const double points = font.pointSizeF() > 0 ? font.pointSizeF() : font.pixelSize() * 0.75;
    return points >= 18 || (points >= 14 && font.bold());
}

// The problems a person would see in `window` now, one sentence each.
inline QStringList problems(QWidget *window)
{
    QStringList found;
    const QImage shot = window->grab().toImage();
    const qreal dpr = shot.devicePixelRatio();
    const auto areaOf = [&](QWidget *widget, const QRect &local) {
        const QRect visible = widget->visibleRegion().boundingRect().intersected(local);
        const QRect inWindow(widget->mapTo(window, visible.topLeft()), visible.size());
        return QRect((inWindow.topLeft().toPointF() * dpr).toPoint(),
                     (QSizeF(inWindow.size()) * dpr).toSize());
    };
    const auto checkContrast
        = [&](QWidget *widget, const QRect &local, const QString &text, const QFont &font) {
              const double ratio = textContrast(shot, areaOf(widget, local));
              const double needed = isLarge(font) ? 3.0 : 4.5;
              if (ratio < needed) {
                  found.append(QStringLiteral("%1: contrast %2:1, under %3:1")
                                   .arg(describe(widget, text))
                                   .arg(ratio, 0, 'f', 1)
                                   .arg(needed, 0, 'f', 1));
              }
          };

    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (!isShown(label) || label->text().trimmed().isEmpty())
            continue;
        const QString text = label->text();
        const bool rich = label->textFormat() == Qt::RichText
            || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
        const QString plain = rich ? [&] {
            QTextDocument document;
            document.setHtml(text);
            return document.toPlainText();
        }()
                                   : text;
        checkContrast(label, label->contentsRect(), plain, label->font());
        // Lectern's ElidedLabel ends what does not fit with "…".
        if (label->wordWrap() || rich || label->inherits("Lectern::Client::ElidedLabel"))
            continue;
        const QFontMetrics metrics(label->font());
        int needed = 0;
        for (const QString &line : plain.split(u'\n'))
            needed = std::max(needed, metrics.horizontalAdvance(line));
        const int room
            = label->contentsRect().width() - 2 * label->margin() - std::max(0, label->indent());
        if (needed > room + 1) {
            found.append(QStringLiteral("%1: cut off, needs %2 px, has %3 px")
                             .arg(describe(label, plain))
                             .arg(needed)
                             .arg(room));
        }
    }
    for (QComboBox *combo : window->findChildren<QComboBox *>()) {
        // Lectern's ElidedComboBox ends what does not fit with "…"; QComboBox cuts it.
        if (!isShown(combo) || combo->isEditable() || combo->currentText().isEmpty()
            || combo->inherits("Lectern::Client::ElidedComboBox"))
            continue;
        QStyleOptionComboBox option;
        option.initFrom(combo);
        option.currentText = combo->currentText();
        option.currentIcon = combo->itemIcon(combo->currentIndex());
        option.iconSize = combo->iconSize();
        const int icon = option.currentIcon.isNull() ? 0 : option.iconSize.width() + 4;
        const int room = combo->style()
                             ->subControlRect(QStyle::CC_ComboBox, &option,
                                              QStyle::SC_ComboBoxEditField, combo)
                             .width()
            - icon;
        const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
        if (needed > room + 1) {
            found.append(QStringLiteral("%1: cut off, needs %2 px, has %3 px")
                             .arg(describe(combo, combo->currentText()))
                             .arg(needed)
                             .arg(room));
        }
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!isShown(button) || button->text().isEmpty())
            continue;
        auto *tool = qobject_cast<QToolButton *>(button);
        if (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly)
            continue;
        const QString text = QString(button->text()).remove(u'&');
        if (qobject_cast<QPushButton *>(button) || qobject_cast<QCheckBox *>(button)
            || qobject_cast<QRadioButton *>(button) || tool) {
            checkContrast(button, button->rect(), text, button->font());
            if (button->sizeHint().width() > button->width() + 1) {
                found.append(QStringLiteral("%1: cut off, needs %2 px, has %3 px")
                                 .arg(describe(button, text))
                                 .arg(button->sizeHint().width())
                                 .arg(button->width()));
            }
        }
    }
    return found;
}

// The controls that take focus from the keyboard (Tab) but look the same with it as without:
// a person using the keyboard cannot tell where they are. `window` must be the active window.
inline QStringList focusProblems(QWidget *window)
{
    QStringList found;
    // What Qt sets once a person moves focus with the keyboard (styles draw focus frames then).
    window->setAttribute(Qt::WA_KeyboardFocusChange);
    QList<QWidget *> focusable;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        // (A label with links shows focus on the link that Tab reaches, not on itself.)
        if ((widget->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && isShown(widget)
            && widget->window() == window && !widget->focusProxy()
            && !qobject_cast<QLabel *>(widget))
            focusable.append(widget);
    }
    for (QWidget *widget : std::as_const(focusable)) {
        if (QWidget *focused = QApplication::focusWidget())
            focused->clearFocus();
        QApplication::processEvents();
        const QRect area = QRect(widget->mapTo(window, QPoint()), widget->size())
                               .adjusted(-3, -3, 3, 3)
                               .intersected(window->rect());
        const QImage before = window->grab(area).toImage();
        widget->setFocus(Qt::TabFocusReason);
        QApplication::processEvents();
        const QImage after = window->grab(area).toImage();
        // (It may have gone away meanwhile: a button that hides while syncing.)
        const bool tookFocus = widget->hasFocus();
        widget->clearFocus();
        if (tookFocus && before == after) {
            QString text = widget->accessibleName();
            if (auto *button = qobject_cast<QAbstractButton *>(widget); button && text.isEmpty())
                text = button->text();
            found.append(QStringLiteral("%1: no visible focus").arg(describe(widget, text)));
        }
    }
    return found;
}

} // namespace WindowCheck
} // namespace Lectern::ClientTest
