#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// What a learner has done, derived from their progress events (the registry's "progress"
// entity). Events are append-only and made on any device, so every total is a function of the
// set of events (docs/architecture.md, "Append-only records"): completion by union, time by sum,
// last position by latest. Server and client call the same code, so both show the same numbers.
namespace Lectern {

// One learner's standing in one item.
struct ItemProgress
{
    bool completed = false;   // some event said "completed"
    qint64 secondsSpent = 0;  // sum of the events' `seconds`
    double lastPosition = 0;  // `position` of the latest event that has one (0..1)
    QDateTime lastOpenedAt;   // latest "opened" event (invalid when never opened)
    QDateTime completedAt;    // earliest "completed" event (invalid when not completed)
    QDateTime lastActivityAt; // latest event of any kind
    int events = 0;           // distinct events counted

    bool operator==(const ItemProgress &other) const = default;
};

// An item of a course in outline order, as Progress::course() needs it.
struct ItemRef
{
    QString id;
    bool required = false;
};

// One learner's standing in a course.
struct CourseProgress
{
    int completed = 0; // items of `total` completed
    int total = 0;     // the items that count (Progress::counts)
    bool requiredOnly
        = false;             // only the required items count (some item of the course is required)
    int percent = 0;         // completed / total, rounded down (0 when total is 0)
    qint64 secondsSpent = 0; // over the course's items
    QString nextItemId;      // the first item not completed, in outline order; empty when done
    QDateTime lastActivityAt;

    bool operator==(const CourseProgress &other) const = default;
};

namespace Progress {

// The event kinds (the "kind" field).
inline constexpr auto Opened = "opened";       // the learner opened the item
inline constexpr auto Position = "position";   // how far they got (`position`, 0..1)
inline constexpr auto Completed = "completed"; // done (marked, or reached the end)
inline constexpr auto Time = "time";           // `seconds` spent in the item

// Events keyed by their contentId. Events are records (or create values) of the "progress"
// entity: {"id", "contentId", "kind", "position", "seconds", "at", ...}. Events with the same id
// count once (a device may send one twice); events without a contentId are ignored. Ties in time
// are broken by id, so the answer never depends on the order of `events`.
QHash<QString, ItemProgress> summarize(const QList<QJsonObject> &events);

// Which items count towards a course's progress: its required items when any item of the course
// is required, otherwise all of them. This is the one definition the server, the learner's
// outline (course and module rows), the dashboard and the class list use.
bool requiredOnly(const QList<ItemRef> &courseItems);
inline bool counts(const ItemRef &item, bool requiredOnly)
{
    return !requiredOnly || item.required;
}

// The course-level totals for `items` (in outline order) from summarize()'s answer.
CourseProgress course(const QList<ItemRef> &items, const QHash<QString, ItemProgress> &progress);
// The same totals over a part of a course (a module's items), counting the items the whole
// course counts (`requiredOnly` is the course's requiredOnly()).
CourseProgress tally(const QList<ItemRef> &items, const QHash<QString, ItemProgress> &progress,
                     bool requiredOnly);

// The values of a new event for LocalStore::append / SyncController::append / the REST body:
// {"contentId", "courseId", "kind", "at"} plus "position" when it is >= 0 and "seconds" when
// it is > 0. `at` defaults to now.
QJsonObject event(const QString &contentId, const QString &courseId, const char *kind,
                  double position = -1, qint64 seconds = 0, const QDateTime &at = {});

// The REST forms (times RFC 3339, null when unknown):
// {"completed", "secondsSpent", "lastPosition", "lastOpenedAt", "completedAt", "lastActivityAt"}
QJsonObject toJson(const ItemProgress &item);
// {"completed", "total", "requiredOnly", "percent", "secondsSpent", "nextItemId",
//  "lastActivityAt"}
QJsonObject toJson(const CourseProgress &course);

} // namespace Progress

} // namespace Lectern
