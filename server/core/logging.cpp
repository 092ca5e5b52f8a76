#include "logging.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutex>
#include <cstdio>

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

void writeLine(QtMsgType level, const char *category, QJsonObject fields)
{
    const QString time = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
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
    QMutexLocker lock(&g_mutex);
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
    std::fflush(stderr);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    writeLine(type, context.category, {{QStringLiteral("message"), message}});
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

} // namespace Lectern::Server::Log
