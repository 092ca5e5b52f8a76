#pragma once

#include <QJsonObject>
#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcServer)
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)

namespace Lectern::Server::Log {

enum class Format { Json, Text };

// Routes all Qt logging to stderr as one JSON object a line ({"time","level","category","message"})
// or as plain text, and sets the format used by event().
void install(Format format);
// A structured log line: `fields` become top-level keys next to time, level and category.
void event(const QLoggingCategory &category, QtMsgType level, const QJsonObject &fields);

} // namespace Lectern::Server::Log
