#include "learnprogress.h"

#include "learneroutline.h"

#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {

const QString progressEntity = Entities::progress().name;

bool isMine(const LocalRecord &record, const QString &userId)
{
    const QString owner = record.fields.value(QLatin1StringView("userId")).toString();
    return owner.isEmpty() || owner == userId;
}

QJsonObject eventOf(const LocalRecord &record)
{
    QJsonObject event = record.fields;
    event.insert(QStringLiteral("id"), record.id);
    return event;
}

} // namespace

QHash<QString, ItemProgress> LearnProgress::read(const LocalStore &store, const QString &userId,
                                                 const QString &courseId)
{
    QList<QJsonObject> events;
    for (const LocalRecord &record : store.list(progressEntity)) {
        if (!isMine(record, userId))
            continue;
        if (!courseId.isEmpty()
            && record.fields.value(QLatin1StringView("courseId")).toString() != courseId)
            continue;
        events.append(eventOf(record));
    }
    return Progress::summarize(events);
}

QHash<QString, QHash<QString, ItemProgress>> LearnProgress::readByCourse(const LocalStore &store,
                                                                         const QString &userId)
{
    QHash<QString, QList<QJsonObject>> byCourse;
    for (const LocalRecord &record : store.list(progressEntity)) {
        if (isMine(record, userId))
            byCourse[record.fields.value(QLatin1StringView("courseId")).toString()].append(
                eventOf(record));
    }
    QHash<QString, QHash<QString, ItemProgress>> result;
    for (auto it = byCourse.cbegin(); it != byCourse.cend(); ++it)
        result.insert(it.key(), Progress::summarize(it.value()));
    return result;
}

CourseProgress LearnProgress::course(const QList<LearnerItem> &items,
                                     const QHash<QString, ItemProgress> &progress,
                                     const QDateTime &now)
{
    QList<ItemRef> refs;
    refs.reserve(items.size());
    for (const LearnerItem &item : items)
        refs.append({item.id, item.required});
    CourseProgress result = Progress::course(refs, progress);
    result.nextItemId.clear();
    for (const LearnerItem &item : items) {
        if (!item.isLocked(now) && !progress.value(item.id).completed) {
            result.nextItemId = item.id;
            break;
        }
    }
    return result;
}

ItemProgress LearnProgress::readItem(const LocalStore &store, const QString &userId,
                                     const QString &contentId)
{
    QList<QJsonObject> events;
    for (const LocalRecord &record : store.children(progressEntity, contentId)) {
        if (isMine(record, userId))
            events.append(eventOf(record));
    }
    return Progress::summarize(events).value(contentId);
}

} // namespace Lectern::Client
