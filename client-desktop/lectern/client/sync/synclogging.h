#pragma once

#include <QLoggingCategory>

namespace Lectern::Client {

Q_DECLARE_LOGGING_CATEGORY(lcSync) // lectern.client.sync

} // namespace Lectern::Client
