#include "emptystate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Lectern::Client {

EmptyState::EmptyState(const QString &iconPath, const QString &title, const QString &text,
                       QWidget *parent)
    : QWidget(parent)
    , m_icon(new QLabel(this))
    , m_title(new QLabel(title, this))
    , m_text(new QLabel(text, this))
    , m_button(new QPushButton(this))
{
    m_icon->setPixmap(QIcon(iconPath).pixmap(QSize(48, 48)));
    m_icon->setAlignment(Qt::AlignCenter);

    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);

    m_text->setObjectName(QStringLiteral("emptyStateText"));
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setForegroundRole(QPalette::PlaceholderText);
    m_text->setVisible(!text.isEmpty());

    m_button->setObjectName(QStringLiteral("emptyStateButton"));
    m_button->hide();

    // A column of readable width in the middle; its labels wrap within it.
    auto *column = new QWidget(this);
    column->setMaximumWidth(440);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(8);
    columnLayout->addWidget(m_icon);
    columnLayout->addSpacing(4);
    columnLayout->addWidget(m_title);
    columnLayout->addWidget(m_text);
    columnLayout->addSpacing(8);
    columnLayout->addWidget(m_button, 0, Qt::AlignHCenter);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

void EmptyState::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString EmptyState::title() const
{
    return m_title->text();
}

void EmptyState::setText(const QString &text)
{
    m_text->setText(text);
    m_text->setVisible(!text.isEmpty());
}

QString EmptyState::text() const
{
    return m_text->text();
}

void EmptyState::setAction(QAction *action)
{
    m_button->setText(action->text());
    m_button->setIcon(action->icon());
    m_button->show();
    connect(m_button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, m_button,
            [this, action] { m_button->setEnabled(action->isEnabled()); });
}

} // namespace Lectern::Client
