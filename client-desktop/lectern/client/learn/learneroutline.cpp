#include "learneroutline.h"

#include <QJsonObject>
#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

bool LearnerOutline::isPublished(const QJsonObject &fields, const QDateTime &now)
{
    if (!fields.value(QLatin1StringView("published")).toBool())
        return false;
    const QDateTime publishAt = Json::toDateTime(fields.value(QLatin1StringView("publishAt")));
    return !publishAt.isValid() || publishAt <= now;
}

QList<LearnerModule> LearnerOutline::read(const LocalStore &store, const QString &courseId,
                                          const QDateTime &now)
{
    QList<LearnerModule> modules;
    if (courseId.isEmpty())
        return modules;
    for (const LocalRecord &m :
         store.children(Entities::module().name, courseId, LocalStore::Read::Summary)) {
        if (!isPublished(m.fields, now))
            continue;
        LearnerModule module;
        module.id = m.id;
        module.title = m.fields.value(QLatin1StringView("title")).toString();
        module.unlockAt = Json::toDateTime(m.fields.value(QLatin1StringView("unlockAt")));
        for (const LocalRecord &c :
             store.children(Entities::content().name, m.id, LocalStore::Read::Summary)) {
            if (!isPublished(c.fields, now))
                continue;
            LearnerItem item;
            item.id = c.id;
            item.moduleId = m.id;
            item.type = c.fields.value(QLatin1StringView("type")).toString();
            item.title = c.fields.value(QLatin1StringView("title")).toString();
            item.url = c.fields.value(QLatin1StringView("url")).toString();
            item.fileId = c.fields.value(QLatin1StringView("fileId")).toString();
            item.estimatedMinutes = c.fields.value(QLatin1StringView("estimatedMinutes")).toInt();
            item.required = c.fields.value(QLatin1StringView("required")).toBool();
            item.unlockAt = Json::toDateTime(c.fields.value(QLatin1StringView("unlockAt")));
            if (module.unlockAt.isValid()
                && (!item.unlockAt.isValid() || module.unlockAt > item.unlockAt))
                item.unlockAt = module.unlockAt;
            module.items.append(item);
        }
        modules.append(module);
    }
    return modules;
}

QList<LearnerItem> LearnerOutline::flatten(const QList<LearnerModule> &modules)
{
    QList<LearnerItem> items;
    for (const LearnerModule &m : modules)
        items.append(m.items);
    return items;
}

} // namespace Lectern::Client
