#pragma once

#include <QCoreApplication>
#include <QPalette>
#include <QString>

class QPainter;
class QRectF;
class QWidget;

namespace Lectern::Client {

// The window's colours: the system's, or Lectern's own light or dark palette on the Fusion style
// (the same look on Windows, macOS and Linux). Every view draws with palette roles, so switching
// needs no restart.
class Theme
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::Theme)

public:
    enum class Mode { System, Light, Dark };

    static QString id(Mode mode);          // "system", "light", "dark" (settings, LECTERN_THEME)
    static Mode fromId(const QString &id); // unknown ids are System
    static QString title(Mode mode);

    static QPalette lightPalette();
    static QPalette darkPalette();
    // Whether `palette` reads as dark (light text on a dark window).
    static bool isDark(const QPalette &palette);

    // Text that warns or reports a problem: a colour readable at 4.5:1 in the current theme.
    enum class Tone { Normal, Warning, Problem };
    static QColor toneColor(Tone tone, const QPalette &palette);
    // Colours the widget's text in `tone`, now and after every theme switch (Normal goes back
    // to the palette's text colour).
    static void setTone(QWidget *widget, Tone tone);

    // Where keyboard focus is, in a control that draws itself (delegates, the lesson view, flat
    // buttons): a ring in the highlight colour inside `rect`.
    static void paintFocusFrame(QPainter *painter, const QRectF &rect, const QPalette &palette);

    // Applies the mode to the application; the last mode applied is current().
    static void apply(Mode mode);
    static Mode current();
};

} // namespace Lectern::Client
