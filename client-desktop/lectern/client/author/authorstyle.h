#pragma once

#include <QColor>
#include <QPalette>

class QLabel;

namespace Lectern::Client::AuthorStyle {

// Whether `palette` reads as dark (light text on a dark window).
bool isDark(const QPalette &palette);
// The colour of a validation message: a red that reads on the palette's window.
QColor errorColor(const QPalette &palette);
// Makes `label` a validation message (colour, smaller type, wrapping); it follows palette
// changes.
void makeErrorLabel(QLabel *label);

// Spacing used across the workspace (device-independent pixels).
inline constexpr int margin = 16;
inline constexpr int spacing = 8;

} // namespace Lectern::Client::AuthorStyle
