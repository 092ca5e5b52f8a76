#pragma once

#include <QJsonObject>
#include <QLoggingCategory>
#include <functional>

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
// The same line for a hot path (the access log, once per request), without building a
// QJsonObject: `members` are the fields as JSON object members, already escaped
// (`"status":200,"path":"/x"`). `fields` gives them as an object for the text format only.
void event(const QLoggingCategory &category, QtMsgType level, QByteArrayView members,
           const std::function<QJsonObject()> &fields);
// Appends `text` to `out` as a JSON string, quotes included.
void appendJsonString(QByteArray &out, QStringView text);

// While it lives, every log line this thread writes names the request (`requestId`): a failed
// statement deep in storage is found by the id that a 500 tells the client.
class RequestScope
{
public:
    explicit RequestScope(const QString &requestId);
    ~RequestScope();
    Q_DISABLE_COPY_MOVE(RequestScope)

private:
    QString m_previous;
};

} // namespace Lectern::Server::Log
