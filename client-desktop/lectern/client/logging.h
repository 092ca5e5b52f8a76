#pragma once

#include <QLoggingCategory>

namespace Lectern::Client {

Q_DECLARE_LOGGING_CATEGORY(lcApi) // lectern.client.api
Q_DECLARE_LOGGING_CATEGORY(lcAuth) // lectern.client.auth
Q_DECLARE_LOGGING_CATEGORY(lcTokens) // lectern.client.tokens
Q_DECLARE_LOGGING_CATEGORY(lcConnection) // lectern.client.connection
Q_DECLARE_LOGGING_CATEGORY(lcUi) // lectern.client.ui

} // namespace Lectern::Client
