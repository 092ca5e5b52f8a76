#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>
#include <cstdio>
#include <utility>

Q_LOGGING_CATEGORY(lcServer, "lectern.server")
Q_LOGGING_CATEGORY(lcHttp, "lectern.server.http")
Q_LOGGING_CATEGORY(lcAuth, "lectern.server.auth")

namespace Lectern::Server::Log {

namespace {
Format g_format = Format::Text;
QMutex g_mutex;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

// The time as Qt::ISODateWithMs writes it ("2026-11-22T02:53:54.156Z"), with the part up to the
// second formatted once a second per thread: the access log asks on every request.
QByteArray isoNow()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray prefix;
    const qint64 ms = QDateTime::currentMSecsSinceEpoch();
    const qint64 second = ms / 1000;
    if (second != cachedSecond) {
        prefix = QDateTime::fromSecsSinceEpoch(second, Qt::UTC)
                     .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss."))
                     .toLatin1();
        cachedSecond = second;
    }
    const int milli = int(ms % 1000);
    const char tail[]
        = {char('0' + milli / 100), char('0' + milli / 10 % 10), char('0' + milli % 10), 'Z'};
    return prefix + QByteArrayView(tail, sizeof tail);
}

void writeRaw(const QByteArray &line)
{
    QMutexLocker lock(&g_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void writeLine(QtMsgType level, const char *category, QJsonObject fields)
{
    const QString time = QString::fromLatin1(isoNow());
    QByteArray line;
    if (g_format == Format::Json) {
        fields.insert(QStringLiteral("time"), time);
        fields.insert(QStringLiteral("level"), QString::fromLatin1(levelName(level)));
        fields.insert(QStringLiteral("category"),
                      QString::fromLatin1(category ? category : "default"));
        line = QJsonDocument(fields).toJson(QJsonDocument::Compact);
    } else {
        QString text = time + u' ' + QString::fromLatin1(levelName(level)) + u' '
            + QString::fromLatin1(category ? category : "default");
        if (fields.contains(u"message"))
            text += u' ' + fields.take(QStringLiteral("message")).toString();
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            text += u' ' + it.key() + u'=' + it.value().toVariant().toString();
        line = text.toUtf8();
    }
    line.append('\n');
    writeRaw(line);
}

thread_local QString t_requestId; // RequestScope

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    QJsonObject fields {{QStringLiteral("message"), message}};
    if (!t_requestId.isEmpty())
        fields.insert(QStringLiteral("requestId"), t_requestId);
    writeLine(type, context.category, std::move(fields));
}
} // namespace

void install(Format format)
{
    g_format = format;
    qInstallMessageHandler(handler);
}

void event(const QLoggingCategory &category, QtMsgType level, const QJsonObject &fields)
{
    if (category.isEnabled(level))
        writeLine(level, category.categoryName(), fields);
}

void event(const QLoggingCategory &category, QtMsgType level, QByteArrayView members,
           const std::function<QJsonObject()> &fields)
{
    if (!category.isEnabled(level))
        return;
    if (g_format != Format::Json) {
        writeLine(level, category.categoryName(), fields());
        return;
    }
    QByteArray line;
    line.reserve(members.size() + 128);
    line += '{';
    line += members;
    line += ",\"time\":\"";
    line += isoNow();
    line += "\",\"level\":\"";
    line += levelName(level);
    line += "\",\"category\":";
    appendJsonString(line, QString::fromLatin1(category.categoryName()));
    line += "}\n";
    writeRaw(line);
}

void appendJsonString(QByteArray &out, QStringView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        const auto u = uchar(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            out += "\\u00";
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
        }
    }
    out += '"';
}

RequestScope::RequestScope(const QString &requestId)
    : m_previous(std::exchange(t_requestId, requestId))
{ }

RequestScope::~RequestScope()
{
    t_requestId = std::move(m_previous);
}

} // namespace Lectern::Server::Log
