#include "recordtree.h"

#include <QHash>
#include <lectern/client/sync/localstore.h>
#include <lectern/entityspec.h>
#include <lectern/uuidv7.h>

namespace Lectern::Client {

namespace {
const QString courseEntity = Entities::course().name;
const QString moduleEntity = Entities::module().name;
const QString contentEntity = Entities::content().name;

RecordState stateOf(const LocalRecord &record)
{
    return {record.entity, record.id, RecordTree::creatable(record.entity, record.fields)};
}
} // namespace

QJsonObject RecordTree::creatable(const QString &entity, const QJsonObject &fields)
{
    const EntitySpec *spec = EntityRegistry::find(entity);
    if (!spec)
        return {};
    QJsonObject out;
    for (const FieldSpec &f : spec->fields) {
        const auto it = fields.constFind(f.name);
        if (it != fields.constEnd() && !it->isNull() && !it->isUndefined())
            out.insert(f.name, *it);
    }
    return out;
}

QList<RecordState> RecordTree::snapshot(const LocalStore *store, const QString &entity,
                                        const QString &id)
{
    QList<RecordState> states;
    if (!store)
        return states;
    const std::optional<LocalRecord> root = store->record(entity, id);
    if (!root)
        return states;
    states.append(stateOf(*root));
    const auto addItems = [&](const QString &moduleId) {
        for (const LocalRecord &item : store->children(contentEntity, moduleId))
            states.append(stateOf(item));
    };
    if (entity == courseEntity) {
        for (const LocalRecord &module : store->children(moduleEntity, id)) {
            states.append(stateOf(module));
            addItems(module.id);
        }
    } else if (entity == moduleEntity) {
        addItems(id);
    }
    return states;
}

QString RecordTree::copyCode(const QString &code, const QString &term,
                             const QList<LocalRecord> &courses)
{
    const int maxLength = Entities::course().field(QStringLiteral("code"))->maxLength;
    const auto taken = [&](const QString &candidate) {
        for (const LocalRecord &c : courses) {
            if (c.fields.value(u"term").toString() == term
                && c.fields.value(u"code").toString() == candidate)
                return true;
        }
        return false;
    };
    for (int n = 1;; ++n) {
        const QString suffix = n == 1 ? QStringLiteral("-copy") : QStringLiteral("-copy%1").arg(n);
        const QString candidate = code.left(maxLength - suffix.size()) + suffix;
        if (!taken(candidate))
            return candidate;
    }
}

QList<RecordState> RecordTree::duplicateCourse(const QList<RecordState> &course,
                                               const QList<LocalRecord> &courses)
{
    if (course.isEmpty() || course.first().entity != courseEntity)
        return {};
    QHash<QString, QString> newIds;
    for (const RecordState &state : course)
        newIds.insert(state.id, createUuidV7String());
    QList<RecordState> copy;
    copy.reserve(course.size());
    for (const RecordState &state : course) {
        RecordState c {state.entity, newIds.value(state.id), state.fields};
        for (const char16_t *parent : {u"courseId", u"moduleId"}) {
            const QString key = QString::fromUtf16(parent);
            if (c.fields.contains(key))
                c.fields.insert(
                    key,
                    newIds.value(c.fields.value(key).toString(), c.fields.value(key).toString()));
        }
        if (c.entity == courseEntity) {
            const QString title = tr("Copy of %1").arg(c.fields.value(u"title").toString());
            const int maxTitle = Entities::course().field(QStringLiteral("title"))->maxLength;
            c.fields.insert(QStringLiteral("title"), title.left(maxTitle));
            c.fields.insert(QStringLiteral("code"),
                            copyCode(c.fields.value(u"code").toString(),
                                     c.fields.value(u"term").toString(), courses));
            c.fields.insert(QStringLiteral("status"), QStringLiteral("draft"));
        }
        copy.append(c);
    }
    return copy;
}

} // namespace Lectern::Client
