#include "learnformat.h"

#include <QLocale>

namespace Lectern::Client {

QString LearnFormat::dateTime(const QDateTime &when)
{
    const QLocale locale;
    QString format = locale.dateTimeFormat(QLocale::ShortFormat);
    format.remove(QStringLiteral(":ss"));
    return locale.toString(when.toLocalTime(), format);
}

QString LearnFormat::opens(const QDateTime &when)
{
    return tr("Opens %1", "%1: a date and time").arg(dateTime(when));
}

QString LearnFormat::itemsDone(int completed, int total, bool requiredOnly)
{
    return requiredOnly ? tr("%1 of %n required done", "items done", total).arg(completed)
                        : tr("%1 of %n done", "items done", total).arg(completed);
}

QString LearnFormat::duration(qint64 seconds)
{
    if (seconds < 60)
        return seconds <= 0 ? tr("no time yet") : tr("less than a minute");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%n min", "minutes", int(minutes));
    const qint64 hours = minutes / 60;
    if (minutes % 60 == 0)
        return tr("%n h", "hours", int(hours));
    return tr("%1 h %2 min", "hours and minutes").arg(hours).arg(minutes % 60);
}

QString LearnFormat::size(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString LearnFormat::downloadOffline(qint64 bytes)
{
    return bytes > 0 ? tr("Download for offline use (%1)").arg(size(bytes))
                     : tr("Download for offline use");
}

QString LearnFormat::removeDownload(qint64 bytes)
{
    // A course without files is on this computer whole as soon as it has synced.
    return bytes > 0 ? tr("Remove download (frees %1)").arg(size(bytes)) : tr("Available offline");
}

QString LearnFormat::typeName(const QString &type)
{
    if (type == u"lesson")
        return tr("Lesson");
    if (type == u"file")
        return tr("File");
    if (type == u"link")
        return tr("Link");
    if (type == u"video")
        return tr("Video");
    if (type == u"quiz")
        return tr("Quiz");
    if (type == u"assignment")
        return tr("Assignment");
    return type;
}

QString LearnFormat::typeIcon(const QString &type)
{
    static const QStringList known
        = {QStringLiteral("lesson"), QStringLiteral("file"), QStringLiteral("link"),
           QStringLiteral("video"),  QStringLiteral("quiz"), QStringLiteral("assignment")};
    return QStringLiteral(":/icons/%1.svg")
        .arg(known.contains(type) ? type : QStringLiteral("lesson"));
}

} // namespace Lectern::Client
