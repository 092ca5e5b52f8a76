#include "theme.h"

#include <QApplication>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionButton>
#include <QWidget>
#include <algorithm>
#include <cmath>

namespace Lectern::Client {

namespace {
Theme::Mode currentMode = Theme::Mode::System;
QString systemStyle; // the platform's style, kept for going back to System
QPalette systemPalette;
bool systemSaved = false;

void saveSystem()
{
    if (systemSaved)
        return;
    systemSaved = true;
    systemStyle = QApplication::style()->name();
    systemPalette = QApplication::palette();
}
} // namespace

QString Theme::id(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return QStringLiteral("light");
    case Mode::Dark:
        return QStringLiteral("dark");
    case Mode::System:
        break;
    }
    return QStringLiteral("system");
}

Theme::Mode Theme::fromId(const QString &id)
{
    if (id == u"light")
        return Mode::Light;
    if (id == u"dark")
        return Mode::Dark;
    return Mode::System;
}

QString Theme::title(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return tr("&Light");
    case Mode::Dark:
        return tr("&Dark");
    case Mode::System:
        break;
    }
    return tr("&System");
}

QPalette Theme::lightPalette()
{
    QPalette p;
    const QColor window(0xf5, 0xf6, 0xf8);
    const QColor base(0xff, 0xff, 0xff);
    const QColor text(0x1f, 0x25, 0x2e);
    const QColor accent(0x2f, 0x6f, 0xd6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf2, 0xf5));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    // Secondary text: 5.5:1 on the window, 6:1 on white (WCAG asks 4.5:1).
    p.setColor(QPalette::PlaceholderText, QColor(0x5b, 0x64, 0x70));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0xfb, 0xfb, 0xfc));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xe6, 0xe8, 0xec));
    p.setColor(QPalette::Mid, QColor(0xd0, 0xd4, 0xda));
    p.setColor(QPalette::Dark, QColor(0xa0, 0xa6, 0xb0));
    p.setColor(QPalette::Shadow, QColor(0x60, 0x66, 0x70));
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, accent);
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x4c, 0xc4));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x9a, 0xa1, 0xab));
    return p;
}

QPalette Theme::darkPalette()
{
    QPalette p;
    const QColor window(0x1e, 0x21, 0x26);
    const QColor base(0x16, 0x18, 0x1c);
    const QColor text(0xe4, 0xe7, 0xeb);
    const QColor accent(0x4c, 0x8d, 0xf6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x22, 0x25, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8d, 0x95, 0xa1));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x2a, 0x2e, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Light, QColor(0x3a, 0x3f, 0x47));
    p.setColor(QPalette::Midlight, QColor(0x32, 0x36, 0x3d));
    p.setColor(QPalette::Mid, QColor(0x3c, 0x41, 0x4a));
    p.setColor(QPalette::Dark, QColor(0x12, 0x14, 0x17));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb0, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xf5));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x6c, 0x73, 0x7d));
    return p;
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness();
}

namespace {
const char toneProperty[] = "lecternTone";

// The platform's or Fusion's look, with keyboard focus visible where they show none: flat push
// buttons ("My courses" above the course player).
class FocusStyle : public QProxyStyle
{
public:
    using QProxyStyle::QProxyStyle;

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        QProxyStyle::drawControl(element, option, painter, widget);
        if (element != CE_PushButton)
            return;
        const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option);
        if (button && (button->features & QStyleOptionButton::Flat)
            && (option->state & State_HasFocus) && (option->state & State_KeyboardFocusChange))
            Theme::paintFocusFrame(painter, option->rect, option->palette);
    }
};

double luminance(const QColor &color)
{
    const auto channel = [](double s) {
        return s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
        + 0.0722 * channel(color.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor mixed(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

// The system's palette with its secondary text readable: Qt's default is the text colour at half
// opacity, about 4:1 on the window. Moved toward the text colour until it reads at 4.5:1.
QPalette readable(QPalette palette)
{
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        const QColor window = palette.color(group, QPalette::Window);
        const QColor text = palette.color(group, QPalette::WindowText);
        const QColor given = palette.color(group, QPalette::PlaceholderText);
        const QColor flat = mixed(window, given, given.alphaF()); // as painted on the window
        QColor secondary = flat;
        for (double t = 0.05; contrast(secondary, window) < 4.6 && t <= 1.0; t += 0.05)
            secondary = mixed(flat, text, t);
        palette.setColor(group, QPalette::PlaceholderText, secondary);
    }
    return palette;
}

QStyle *styled(const QString &name)
{
    return new FocusStyle(QStyleFactory::create(name));
}

void paintTone(QWidget *widget, Theme::Tone tone)
{
    if (tone == Theme::Tone::Normal) {
        widget->setPalette(QPalette());
        return;
    }
    // Only the text roles: the rest still follows the application's palette.
    QPalette palette;
    const QColor color = Theme::toneColor(tone, QApplication::palette());
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(role, color);
    widget->setPalette(palette);
}
} // namespace

QColor Theme::toneColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Warning:
        return dark ? QColor(0xFB, 0xBF, 0x24) : QColor(0x92, 0x40, 0x0E);
    case Tone::Problem:
        return dark ? QColor(0xFC, 0xA5, 0xA5) : QColor(0xB9, 0x1C, 0x1C);
    case Tone::Normal:
        break;
    }
    return palette.color(QPalette::WindowText);
}

void Theme::setTone(QWidget *widget, Tone tone)
{
    widget->setProperty(toneProperty, tone == Tone::Normal ? QVariant() : QVariant(int(tone)));
    paintTone(widget, tone);
}

void Theme::apply(Mode mode)
{
    saveSystem();
    currentMode = mode;
    switch (mode) {
    case Mode::System:
        QApplication::setStyle(styled(systemStyle));
        QApplication::setPalette(readable(systemPalette));
        break;
    case Mode::Light:
        QApplication::setStyle(styled(QStringLiteral("Fusion")));
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setStyle(styled(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
    // A style sheet resolves palette(...) once, when it is set: set each one again so that
    // panels styled that way (the window's header, banners) take the new colours.
    const QList<QWidget *> widgets = QApplication::allWidgets();
    for (QWidget *widget : widgets) {
        // Warnings and problems take the new theme's colour for them.
        const QVariant tone = widget->property(toneProperty);
        if (tone.isValid())
            paintTone(widget, Tone(tone.toInt()));
        const QString sheet = widget->styleSheet();
        if (!sheet.contains(QLatin1StringView("palette(")))
            continue;
        widget->setStyleSheet(QString());
        widget->setStyleSheet(sheet);
    }
}

void Theme::paintFocusFrame(QPainter *painter, const QRectF &rect, const QPalette &palette)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4);
    painter->restore();
}

Theme::Mode Theme::current()
{
    return currentMode;
}

} // namespace Lectern::Client
