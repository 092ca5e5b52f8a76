#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Lectern::Client {

// How the Learn workspace words dates, durations and sizes, in one place.
class LearnFormat
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::LearnFormat)

public:
    // "Opens 1 Dec 2026, 09:00" in the user's locale and time zone.
    static QString opens(const QDateTime &when);
    // A date and time without seconds, in the user's locale and time zone.
    static QString dateTime(const QDateTime &when);
    // "3 of 6 done", or "3 of 6 required done" when only the course's required items count
    // (Progress::requiredOnly): how every view words a learner's progress.
    static QString itemsDone(int completed, int total, bool requiredOnly);
    // "45 min", "1 h 20 min", "less than a minute".
    static QString duration(qint64 seconds);
    // "12.4 MB", "850 KB".
    static QString size(qint64 bytes);
    // "Download for offline use (12.4 MB)" (without the size when it is not known).
    static QString downloadOffline(qint64 bytes);
    // "Remove download (frees 12.4 MB)".
    static QString removeDownload(qint64 bytes);
    // "Lesson", "File", "Link", "Video", "Quiz", "Assignment".
    static QString typeName(const QString &type);
    // ":/icons/lesson.svg" and so on.
    static QString typeIcon(const QString &type);
};

} // namespace Lectern::Client
