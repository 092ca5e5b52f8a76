#pragma once

#include <QString>

namespace Lectern::Server {

// The process's limit on open files (RLIMIT_NOFILE), which bounds how many connections it can hold.
struct OpenFileLimit
{
    qint64 before = 0; // the soft limit found at start-up
    qint64 soft = 0;   // the soft limit now
    qint64 hard = 0;
    QString problem; // why it could not be raised, if it could not

    // Raises the soft limit to the hard limit (no privilege needed), as servers do: the default
    // soft limit of 1,024 is far below what a busy server needs. Logs what it did.
    static OpenFileLimit raise();
};

} // namespace Lectern::Server
