#pragma once

#include <QColor>
#include <QKeySequence>
#include <QPalette>
#include <QString>

class QAction;
class QLabel;
class QWidget;

namespace Lectern::Client::AuthorStyle {

// A key sequence as this platform writes it ("Ctrl+Shift+L", "⇧⌘L").
QString keys(const QKeySequence &sequence);
// An action of `owner` (named for tests, with its icon from :/icons) whose shortcut works only
// while `owner` has the focus, so other workspaces keep their keys; the tool tip names the keys.
QAction *makeAction(QWidget *owner, const QString &name, const QString &text, const QString &icon,
                    const QKeySequence &shortcut = {});
// The colour of a validation message: a red that reads on the palette's window.
QColor errorColor(const QPalette &palette);
// Makes `label` a validation message (colour, smaller type, wrapping); it follows palette
// changes.
void makeErrorLabel(QLabel *label);

// Spacing used across the workspace (device-independent pixels).
inline constexpr int margin = 16;
inline constexpr int spacing = 8;

} // namespace Lectern::Client::AuthorStyle
