#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Lectern::Client {

class LocalStore;

// One content item of a course as a learner sees it in the player's outline.
struct LearnerItem
{
    QString id;
    QString moduleId;
    QString type; // "lesson", "file", "link", "video", "quiz", "assignment"
    QString title;
    QString url;
    QString fileId;
    int estimatedMinutes = 0;
    bool required = false;
    // The later of the item's and its module's unlock dates; invalid when neither has one.
    QDateTime unlockAt;

    bool isLocked(const QDateTime &now) const { return unlockAt.isValid() && unlockAt > now; }
    bool operator==(const LearnerItem &other) const = default;
};

struct LearnerModule
{
    QString id;
    QString title;
    QDateTime unlockAt;
    QList<LearnerItem> items;

    bool operator==(const LearnerModule &other) const = default;
};

// A course's modules and items as a learner may see them, read from the offline store, in
// outline order.
//
// A student's store holds only what the server released to them, but staff previewing a course
// as a student have everything: so the rules are applied here too. A module or item shows when
// it is published and its publish date (if any) has passed; one whose unlock date (its own or its
// module's) is still ahead shows locked, with that date, and cannot be opened.
class LearnerOutline
{
public:
    static QList<LearnerModule> read(const LocalStore &store, const QString &courseId,
                                     const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The items of `modules` in order.
    static QList<LearnerItem> flatten(const QList<LearnerModule> &modules);
    // Whether a module or content record's fields make it visible to learners at `now`.
    static bool isPublished(const QJsonObject &fields, const QDateTime &now);
};

} // namespace Lectern::Client
