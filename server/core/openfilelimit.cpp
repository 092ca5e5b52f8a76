#include "openfilelimit.h"

#include "core/logging.h"

#include <cerrno>
#include <cstring>
#include <sys/resource.h>

namespace Lectern::Server {

namespace {
qint64 asNumber(rlim_t value)
{
    return value == RLIM_INFINITY ? -1 : qint64(value);
}

QString describe(qint64 value)
{
    return value < 0 ? QStringLiteral("unlimited") : QString::number(value);
}
} // namespace

OpenFileLimit OpenFileLimit::raise()
{
    OpenFileLimit result;
    rlimit limit {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        result.problem = QString::fromLocal8Bit(std::strerror(errno));
        qCWarning(lcServer).noquote() << "cannot read the open-file limit:" << result.problem;
        return result;
    }
    result.before = result.soft = asNumber(limit.rlim_cur);
    result.hard = asNumber(limit.rlim_max);
    if (limit.rlim_cur != limit.rlim_max) {
        // Under systemd the unit's LimitNOFILE= sets both, and its filter refuses setrlimit():
        // only ask when there is something to gain.
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0)
            result.soft = result.hard;
        else
            result.problem = QString::fromLocal8Bit(std::strerror(errno));
    }
    if (!result.problem.isEmpty())
        qCWarning(lcServer).noquote()
            << "open files: cannot raise the limit of" << describe(result.before) << "to"
            << describe(result.hard) << ":" << result.problem;
    else if (result.soft != result.before)
        qCInfo(lcServer).noquote() << "open files: limit raised from" << describe(result.before)
                                   << "to" << describe(result.soft);
    else
        qCInfo(lcServer).noquote() << "open files: limit" << describe(result.soft);
    return result;
}

} // namespace Lectern::Server
