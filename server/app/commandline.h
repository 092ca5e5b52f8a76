#pragma once

class QCoreApplication;

namespace Lectern::Server {

// lectern-server's command line: `serve` (the default), `migrate`, `org add`, `user add`.
// Returns the process exit code.
int runCommandLine(QCoreApplication &app);

} // namespace Lectern::Server
