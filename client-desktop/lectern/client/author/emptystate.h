#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace Lectern::Client {

// What a view shows when it has nothing to show: an icon, a line saying so, a sentence on what
// to do, and optionally a button that does it.
class EmptyState : public QWidget
{
    Q_OBJECT

public:
    EmptyState(const QString &iconPath, const QString &title, const QString &text,
               QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    void setText(const QString &text);
    QString text() const;
    // A button under the text (hidden until set); it triggers `action`.
    void setAction(QAction *action);
    QPushButton *button() const { return m_button; }

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QPushButton *m_button;
};

} // namespace Lectern::Client
