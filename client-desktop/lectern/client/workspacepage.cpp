#include "workspacepage.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Lectern::Client {

WorkspacePage::WorkspacePage(Workspace workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(Workspaces::id(workspace) + QStringLiteral("Page"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(Workspaces::iconPath(workspace)).pixmap(QSize(72, 72)));
    icon->setAlignment(Qt::AlignHCenter);

    auto *title = new QLabel(Workspaces::title(workspace), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.7);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignHCenter);

    auto *description = new QLabel(Workspaces::description(workspace), this);
    description->setObjectName(QStringLiteral("pageDescription"));
    description->setWordWrap(true);
    description->setAlignment(Qt::AlignHCenter);
    description->setForegroundRole(QPalette::PlaceholderText);

    // The column gets its width from the row around it; only then can the description wrap to
    // as many lines as it needs (a widget placed with an alignment keeps its one-line size hint).
    auto *column = new QWidget(this);
    column->setMaximumWidth(460);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    columnLayout->setSpacing(10);
    columnLayout->addWidget(icon);
    columnLayout->addSpacing(6);
    columnLayout->addWidget(title);
    columnLayout->addWidget(description);

    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

} // namespace Lectern::Client
