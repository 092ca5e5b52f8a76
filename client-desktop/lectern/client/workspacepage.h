#pragma once

#include "workspace.h"

#include <QWidget>

namespace Lectern::Client {

// The page of a workspace that has nothing to show yet: its icon, its name and one sentence on
// what will be there.
class WorkspacePage : public QWidget
{
    Q_OBJECT

public:
    explicit WorkspacePage(Workspace workspace, QWidget *parent = nullptr);

    Workspace workspace() const { return m_workspace; }

private:
    Workspace m_workspace;
};

} // namespace Lectern::Client
