#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <lectern/role.h>

namespace Lectern::Client {

// The client's top-level areas. Which ones a person sees follows from their roles.
enum class Workspace {
    Learn,  // everyone
    Author, // admin, instructor, TA
    Grade,  // instructor, TA
    Admin,  // admin
};

class Workspaces
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::Workspaces)

public:
    // In sidebar order, without repeats.
    static QList<Workspace> forRoles(const QList<Role> &roles);
    static bool isAllowed(Workspace workspace, const QList<Role> &roles);
    // Where a person starts: instructors and administrators where courses are made (Author),
    // everyone else in Learn.
    static Workspace landing(const QList<Role> &roles);

    static QString id(Workspace workspace); // "learn", "author", ... (also the icon's name)
    static QString title(Workspace workspace);
    static QString description(Workspace workspace);
    static QString iconPath(Workspace workspace);
};

} // namespace Lectern::Client
