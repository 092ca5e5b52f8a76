#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>
#include <lectern/progress.h>

namespace Lectern::Client {

class LocalStore;
struct LearnerItem;

// One learner's progress as this device knows it: their "progress" events in the offline store
// (synced ones and those still in the outbox), summarised by Progress::summarize, so every
// device that has the same events shows the same numbers.
//
// Staff stores also hold their students' events: only `userId`'s count (and this device's own
// events, which carry the user until the server answers).
class LearnProgress
{
public:
    // contentId -> progress, for the items of `courseId` (every course when empty).
    static QHash<QString, ItemProgress> read(const LocalStore &store, const QString &userId,
                                             const QString &courseId = {});
    // courseId -> (contentId -> progress), in one pass over the events.
    static QHash<QString, QHash<QString, ItemProgress>> readByCourse(const LocalStore &store,
                                                                     const QString &userId);
    // The course's totals (Progress::course over every item, locked ones included), with the
    // next item being the first one not completed that is open now: what "Continue" opens.
    static CourseProgress course(const QList<LearnerItem> &items,
                                 const QHash<QString, ItemProgress> &progress,
                                 const QDateTime &now = QDateTime::currentDateTimeUtc());
    // One item's progress.
    static ItemProgress readItem(const LocalStore &store, const QString &userId,
                                 const QString &contentId);
};

} // namespace Lectern::Client
