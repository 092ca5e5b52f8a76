#include "logging.h"

namespace Lectern::Client {

// Debug lines (every request) only when asked for: QT_LOGGING_RULES="lectern.client.*.debug=true".

Q_LOGGING_CATEGORY(lcApi, "lectern.client.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "lectern.client.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTokens, "lectern.client.tokens", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnection, "lectern.client.connection", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "lectern.client.ui", QtInfoMsg)

} // namespace Lectern::Client
