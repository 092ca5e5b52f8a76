#include "conflictlistmodel.h"

#include "syncmark.h"
#include "syncwords.h"

#include <QLocale>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/merge.h>

namespace Lectern::Client {

bool ConflictListModel::Conflict::canEdit() const
{
    if (isText())
        return true;
    if (isDelete())
        return false;
    const EntitySpec *spec = EntityRegistry::find(entity);
    const FieldSpec *f = spec ? spec->field(field) : nullptr;
    return f && (f->type == FieldType::Text || f->type == FieldType::LongText);
}

QString ConflictListModel::Conflict::serverText() const
{
    return recordExists ? current.toString() : (turned ? mine.toString() : theirs.toString());
}

QString ConflictListModel::Conflict::mineText() const
{
    return turned ? serverText() : mine.toString();
}

QString ConflictListModel::Conflict::theirsText() const
{
    return turned ? theirs.toString() : serverText();
}

QString ConflictListModel::Conflict::editText() const
{
    if (isText())
        return Merge::mergeText(base.toString(), mineText(), theirsText()).merged;
    return serverText();
}

QString ConflictListModel::Conflict::mineWho() const
{
    if (mineIsMe)
        return ConflictListModel::tr("you");
    return mineName.isEmpty() ? ConflictListModel::tr("someone") : mineName;
}

QString ConflictListModel::Conflict::theirsWho() const
{
    return theirsName.isEmpty() ? ConflictListModel::tr("someone else") : theirsName;
}

ConflictListModel::ConflictListModel(SyncController *controller, QObject *parent)
    : QAbstractListModel(parent)
    , m_controller(controller)
{
    connect(controller, &SyncController::recordsChanged, this, &ConflictListModel::refresh);
    // The store opens and closes with the session (start() / stop() change the status).
    connect(controller, &SyncController::statusChanged, this, [this](const SyncStatus &status) {
        if (status.openConflicts != m_conflicts.size())
            refresh();
    });
    refresh();
}

int ConflictListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

QVariant ConflictListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Conflict &c = m_conflicts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 — %2", "record title — field").arg(c.title, c.fieldLabel);
    case Qt::ToolTipRole:
        return c.pending ? c.whoWhen + u'\n' + SyncMark::toolTip() : c.whoWhen;
    case IdRole:
        return c.id;
    case TitleRole:
        return c.title;
    case FieldRole:
        return c.fieldLabel;
    case KindRole:
        return c.kind;
    case WhoWhenRole:
        return c.whoWhen;
    case SyncMark::Role:
        return c.pending;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConflictListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "conflictId");
    names.insert(TitleRole, "title");
    names.insert(FieldRole, "field");
    names.insert(KindRole, "kind");
    names.insert(WhoWhenRole, "whoWhen");
    names.insert(SyncMark::Role, "unsynced");
    return names;
}

int ConflictListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_conflicts.size(); ++row) {
        if (m_conflicts.at(row).id == id)
            return row;
    }
    return -1;
}

void ConflictListModel::refresh()
{
    QList<Conflict> fresh;
    if (LocalStore *store = m_controller ? m_controller->store() : nullptr) {
        const QList<LocalRecord> records = store->openConflicts();
        fresh.reserve(records.size());
        for (const LocalRecord &record : records)
            fresh.append(load(record));
    }
    const auto sameRows = [&] {
        if (fresh.size() != m_conflicts.size())
            return false;
        for (int row = 0; row < fresh.size(); ++row) {
            if (fresh.at(row).id != m_conflicts.at(row).id)
                return false;
        }
        return true;
    };
    if (sameRows()) {
        // Keeps the selection and scroll position when only titles or marks changed.
        m_conflicts = std::move(fresh);
        if (!m_conflicts.isEmpty())
            Q_EMIT dataChanged(index(0), index(int(m_conflicts.size()) - 1));
        return;
    }
    beginResetModel();
    m_conflicts = std::move(fresh);
    endResetModel();
}

ConflictListModel::Conflict ConflictListModel::load(const LocalRecord &record) const
{
    const QJsonObject &f = record.fields;
    Conflict c;
    c.id = record.id;
    c.entity = f.value(u"entity").toString();
    c.entityId = f.value(u"entityId").toString();
    c.field = f.value(u"field").toString();
    c.kind = f.value(u"kind").toString(QStringLiteral("field"));
    c.base = f.value(u"base");
    // The record's sides: "mine" is the op that arrived, "theirs" what the server had.
    const QString opAuthor = f.value(u"mineAuthorId").toString();
    const QString serverAuthor = f.value(u"theirsAuthorId").toString();
    const QString me = m_controller ? m_controller->userId() : QString();
    const bool wroteOp = opAuthor.isEmpty() || opAuthor == me;
    c.turned = !wroteOp && !serverAuthor.isEmpty() && serverAuthor == me;
    c.mineIsMe = wroteOp || c.turned;
    const auto side = [&](bool op, const char *field) {
        return f.value(QString::fromLatin1(op ? "mine" : "theirs") + QLatin1StringView(field));
    };
    const bool mineIsOp = !c.turned;
    c.mine = side(mineIsOp, "");
    c.theirs = side(!mineIsOp, "");
    c.mineAuthorId = side(mineIsOp, "AuthorId").toString();
    c.theirsAuthorId = side(!mineIsOp, "AuthorId").toString();
    c.mineName = side(mineIsOp, "AuthorName").toString();
    c.theirsName = side(!mineIsOp, "AuthorName").toString();
    c.mineTime = SyncWords::hlcTime(side(mineIsOp, "Hlc").toString());
    c.theirsTime = SyncWords::hlcTime(side(!mineIsOp, "Hlc").toString());

    LocalStore *store = m_controller->store();
    const std::optional<LocalRecord> target = store->record(c.entity, c.entityId);
    c.recordExists = target.has_value();
    QJsonObject fields;
    if (target) {
        fields = target->fields;
        c.current = fields.value(c.field);
        c.pending = target->pending > 0;
    } else {
        // Deleted here: the conflict carries the edited side's fields.
        fields = c.theirs.isObject() ? c.theirs.toObject() : c.mine.toObject();
    }
    c.published
        = fields.value(u"published").toBool() || fields.value(u"status").toString() == u"published";
    c.pending = c.pending || store->hasPending(Entities::conflict().name, c.id);
    c.title = SyncWords::recordTitle(c.entity, fields);
    c.entityName = SyncWords::entityName(c.entity, fields);
    c.fieldLabel = c.isDelete() ? tr("Delete or keep") : SyncWords::fieldName(c.field);
    c.whoWhen = whoWhen(c);
    return c;
}

QString ConflictListModel::whoWhen(const Conflict &c) const
{
    const QString mine = SyncWords::when(c.mineTime);
    const QString theirs = SyncWords::when(c.theirsTime);
    const QString other = c.theirsWho();
    if (c.mineIsMe) {
        if (c.mineDeletes())
            return tr("You deleted it %1; %2 edited it %3").arg(mine, other, theirs);
        if (c.theirsDeletes())
            return tr("You edited it %1; %2 deleted it %3").arg(mine, other, theirs);
        return tr("You changed it %1; %2 changed it %3").arg(mine, other, theirs);
    }
    const QString one = c.mineWho();
    if (c.mineDeletes())
        return tr("%1 deleted it %2; %3 edited it %4").arg(one, mine, other, theirs);
    if (c.theirsDeletes())
        return tr("%1 edited it %2; %3 deleted it %4").arg(one, mine, other, theirs);
    return tr("%1 changed it %2; %3 changed it %4").arg(one, mine, other, theirs);
}

QString ConflictListModel::resolutionName(const Conflict &conflict, Choice choice)
{
    switch (choice) {
    case Choice::Mine:
        return conflict.turned ? QStringLiteral("theirs") : QStringLiteral("mine");
    case Choice::Theirs:
        return conflict.turned ? QStringLiteral("mine") : QStringLiteral("theirs");
    case Choice::Both:
        return QStringLiteral("both");
    case Choice::Edited:
        return QStringLiteral("edited");
    }
    return {};
}

ConflictListModel::BothPreview ConflictListModel::keepBothPreview(int row) const
{
    if (row < 0 || row >= m_conflicts.size())
        return {};
    return keepBothPreview(m_conflicts.at(row));
}

ConflictListModel::BothPreview ConflictListModel::keepBothPreview(const Conflict &c)
{
    if (!c.canKeepBoth())
        return {};
    // The labels stay in the text: absolute times, not "today".
    const auto label = [](const QString &who, const QDateTime &time) {
        if (!time.isValid())
            return tr("[[ Version by %1 ]]").arg(who);
        QString format = QLocale().dateTimeFormat(QLocale::ShortFormat);
        format.remove(QStringLiteral(":ss")); // minutes are enough (the C locale has seconds)
        return tr("[[ Version by %1, %2 ]]", "%1: a name, %2: a date and time")
            .arg(who, QLocale().toString(time.toLocalTime(), format));
    };
    // Names, not "you": the text is read by others too.
    const QString mineName = c.mineName.isEmpty() ? tr("someone") : c.mineName;
    const QString theirsName = c.theirsName.isEmpty() ? tr("someone else") : c.theirsName;
    const Merge::BothVersions both = Merge::keepBoth(
        c.base.toString(), c.mineText(), c.theirsText(), label(mineName, c.mineTime),
        label(theirsName, c.theirsTime),
        tr("[[ End of both versions: keep what you want and delete the [[ ]] lines ]]"));
    return {both.text, both.conflicts};
}

QString ConflictListModel::conflictOf(const QString &entity, const QString &entityId) const
{
    for (const Conflict &c : m_conflicts) {
        if (c.entity == entity && c.entityId == entityId)
            return c.id;
    }
    return {};
}

Result<void> ConflictListModel::resolve(int row, Choice choice, const QString &edited)
{
    if (!m_controller || !m_controller->store() || row < 0 || row >= m_conflicts.size())
        return Error(QStringLiteral("not_found"), tr("This conflict is no longer open."));
    // A copy: every write below refreshes the model.
    const Conflict c = m_conflicts.at(row);

    if (c.isDelete()) {
        if (choice != Choice::Mine && choice != Choice::Theirs)
            return Error(QStringLiteral("validation_failed"),
                         tr("Choose between the deleted and the edited version."));
        const bool deleteIt = (choice == Choice::Mine ? c.mine : c.theirs) == QJsonValue(true);
        if (deleteIt && c.recordExists) {
            if (Result<void> removed = m_controller->remove(c.entity, c.entityId); !removed)
                return removed;
        }
        // Keeping the edit needs nothing but the resolution: the server keeps the record.
    } else {
        std::optional<QJsonValue> value;
        switch (choice) {
        case Choice::Mine:
        case Choice::Theirs: {
            // The side the record holds needs nothing but the resolution.
            const bool keepOp = resolutionName(c, choice) == u"mine";
            if (keepOp)
                value = c.turned ? c.theirs : c.mine;
            break;
        }
        case Choice::Both:
            if (!c.canKeepBoth())
                return Error(QStringLiteral("validation_failed"),
                             tr("Both versions can be kept only for text."));
            // The text as previewed when given (the preview is what the person saw).
            value = QJsonValue(edited.isEmpty() ? keepBothPreview(c).text : edited);
            break;
        case Choice::Edited:
            value = QJsonValue(edited);
            break;
        }
        if (value && (!c.recordExists || *value != c.current)) {
            Result<void> updated = m_controller->update(c.entity, c.entityId, {{c.field, *value}});
            if (!updated)
                return updated;
        }
    }
    return m_controller->update(Entities::conflict().name, c.id,
                                {{QStringLiteral("status"), QStringLiteral("resolved")},
                                 {QStringLiteral("resolution"), resolutionName(c, choice)}});
}

} // namespace Lectern::Client
