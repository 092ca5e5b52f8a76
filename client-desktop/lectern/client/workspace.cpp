#include "workspace.h"

namespace Lectern::Client {

bool Workspaces::isAllowed(Workspace workspace, const QList<Role> &roles)
{
    switch (workspace) {
    case Workspace::Learn:
        return true;
    case Workspace::Author:
        return roles.contains(Role::Admin) || roles.contains(Role::Instructor)
            || roles.contains(Role::TeachingAssistant);
    case Workspace::Grade:
        return roles.contains(Role::Instructor) || roles.contains(Role::TeachingAssistant);
    case Workspace::Admin:
        return roles.contains(Role::Admin);
    }
    return false;
}

QList<Workspace> Workspaces::forRoles(const QList<Role> &roles)
{
    QList<Workspace> workspaces;
    for (Workspace workspace :
         {Workspace::Learn, Workspace::Author, Workspace::Grade, Workspace::Admin}) {
        if (isAllowed(workspace, roles))
            workspaces.append(workspace);
    }
    return workspaces;
}

Workspace Workspaces::landing(const QList<Role> &roles)
{
    if ((roles.contains(Role::Instructor) || roles.contains(Role::Admin))
        && isAllowed(Workspace::Author, roles))
        return Workspace::Author;
    return Workspace::Learn;
}

QString Workspaces::id(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Learn:
        return QStringLiteral("learn");
    case Workspace::Author:
        return QStringLiteral("author");
    case Workspace::Grade:
        return QStringLiteral("grade");
    case Workspace::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

QString Workspaces::title(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Learn:
        return tr("Learn");
    case Workspace::Author:
        return tr("Author");
    case Workspace::Grade:
        return tr("Grade");
    case Workspace::Admin:
        return tr("Admin console");
    }
    return {};
}

QString Workspaces::description(Workspace workspace)
{
    switch (workspace) {
    case Workspace::Learn:
        return tr("Your courses will appear here, ready to study online or offline.");
    case Workspace::Author:
        return tr("Courses, lessons and quizzes you create and edit will appear here.");
    case Workspace::Grade:
        return tr("Submissions and quiz attempts waiting for your grading will appear here.");
    case Workspace::Admin:
        return tr("People, roles, cohorts and your organization's settings will be managed here.");
    }
    return {};
}

QString Workspaces::iconPath(Workspace workspace)
{
    return QStringLiteral(":/icons/") + id(workspace) + QStringLiteral(".svg");
}

} // namespace Lectern::Client
