#include "progress.h"

#include "jsonutil.h"

#include <QSet>
#include <algorithm>

namespace Lectern::Progress {

namespace {

// What summarize() keeps besides the answer: which event set the position, for ties.
struct Latest
{
    QDateTime at;
    QString id;

    // Later in time, or at the same time with the greater id: the same winner whatever order the
    // events come in.
    bool isBefore(const QDateTime &otherAt, const QString &otherId) const
    {
        if (!at.isValid())
            return true;
        return at < otherAt || (at == otherAt && id < otherId);
    }
};

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? Json::fromDateTime(time) : QJsonValue();
}

} // namespace

QHash<QString, ItemProgress> summarize(const QList<QJsonObject> &events)
{
    QHash<QString, ItemProgress> items;
    QHash<QString, Latest> positions;
    QSet<QString> seen;
    for (const QJsonObject &event : events) {
        const QString contentId = event.value(u"contentId").toString().toLower();
        if (contentId.isEmpty())
            continue;
        const QString id = event.value(u"id").toString().toLower();
        if (!id.isEmpty()) {
            if (seen.contains(id))
                continue;
            seen.insert(id);
        }
        ItemProgress &item = items[contentId];
        ++item.events;
        const QString kind = event.value(u"kind").toString();
        const QDateTime at = Json::toDateTime(event.value(u"at"));
        item.secondsSpent += qMax<qint64>(0, event.value(u"seconds").toInteger());
        if (at.isValid() && (!item.lastActivityAt.isValid() || at > item.lastActivityAt))
            item.lastActivityAt = at;
        if (kind == QLatin1StringView(Opened) && at.isValid()
            && (!item.lastOpenedAt.isValid() || at > item.lastOpenedAt))
            item.lastOpenedAt = at;
        if (kind == QLatin1StringView(Completed)) {
            item.completed = true;
            if (at.isValid() && (!item.completedAt.isValid() || at < item.completedAt))
                item.completedAt = at;
        }
        const QJsonValue position = event.value(u"position");
        if (position.isDouble()) {
            Latest &latest = positions[contentId];
            if (latest.isBefore(at, id)) {
                latest = {at, id};
                item.lastPosition = qBound(0.0, position.toDouble(), 1.0);
            }
        }
    }
    return items;
}

bool requiredOnly(const QList<ItemRef> &courseItems)
{
    return std::any_of(courseItems.begin(), courseItems.end(),
                       [](const ItemRef &item) { return item.required; });
}

CourseProgress course(const QList<ItemRef> &items, const QHash<QString, ItemProgress> &progress)
{
    return tally(items, progress, requiredOnly(items));
}

CourseProgress tally(const QList<ItemRef> &items, const QHash<QString, ItemProgress> &progress,
                     bool requiredOnly)
{
    CourseProgress result;
    result.requiredOnly = requiredOnly;
    for (const ItemRef &item : items) {
        const ItemProgress state = progress.value(item.id.toLower());
        result.secondsSpent += state.secondsSpent;
        if (state.lastActivityAt.isValid()
            && (!result.lastActivityAt.isValid() || state.lastActivityAt > result.lastActivityAt))
            result.lastActivityAt = state.lastActivityAt;
        if (!state.completed && result.nextItemId.isEmpty())
            result.nextItemId = item.id;
        if (!counts(item, requiredOnly))
            continue;
        ++result.total;
        if (state.completed)
            ++result.completed;
    }
    result.percent = result.total > 0 ? int(qint64(result.completed) * 100 / result.total) : 0;
    return result;
}

QJsonObject event(const QString &contentId, const QString &courseId, const char *kind,
                  double position, qint64 seconds, const QDateTime &at)
{
    QJsonObject values {
        {QStringLiteral("contentId"), contentId},
        {QStringLiteral("courseId"), courseId},
        {QStringLiteral("kind"), QString::fromLatin1(kind)},
        {QStringLiteral("at"),
         Json::fromDateTime(at.isValid() ? at : QDateTime::currentDateTimeUtc())},
    };
    if (position >= 0)
        values.insert(QStringLiteral("position"), qBound(0.0, position, 1.0));
    if (seconds > 0)
        values.insert(QStringLiteral("seconds"), seconds);
    return values;
}

QJsonObject toJson(const ItemProgress &item)
{
    return {
        {QStringLiteral("completed"), item.completed},
        {QStringLiteral("secondsSpent"), item.secondsSpent},
        {QStringLiteral("lastPosition"), item.lastPosition},
        {QStringLiteral("lastOpenedAt"), timeOrNull(item.lastOpenedAt)},
        {QStringLiteral("completedAt"), timeOrNull(item.completedAt)},
        {QStringLiteral("lastActivityAt"), timeOrNull(item.lastActivityAt)},
    };
}

QJsonObject toJson(const CourseProgress &course)
{
    return {
        {QStringLiteral("completed"), course.completed},
        {QStringLiteral("total"), course.total},
        {QStringLiteral("requiredOnly"), course.requiredOnly},
        {QStringLiteral("percent"), course.percent},
        {QStringLiteral("secondsSpent"), course.secondsSpent},
        {QStringLiteral("nextItemId"),
         course.nextItemId.isEmpty() ? QJsonValue() : QJsonValue(course.nextItemId)},
        {QStringLiteral("lastActivityAt"), timeOrNull(course.lastActivityAt)},
    };
}

} // namespace Lectern::Progress
