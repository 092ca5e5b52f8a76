#include "courselistmodel.h"

#include <QHash>
#include <QIcon>
#include <QSet>
#include <algorithm>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {
const QString courseEntity = Entities::course().name;
} // namespace

CourseListModel::CourseListModel(SyncController *controller, QObject *parent)
    : QAbstractListModel(parent)
    , m_controller(controller)
{
    if (controller) {
        connect(controller, &SyncController::recordsChanged, this,
                [this](const QStringList &entities) {
                    if (entities.contains(courseEntity))
                        refresh();
                });
        // The store opens and closes with the session.
        connect(controller, &SyncController::statusChanged, this, [this] {
            if (!m_controller || (m_controller->store() == nullptr) != m_rows.isEmpty())
                refresh();
        });
    }
    m_rows = load();
    refresh(); // the terms
}

QList<CourseListModel::Row> CourseListModel::load() const
{
    QList<Row> rows;
    LocalStore *store = m_controller ? m_controller->store() : nullptr;
    if (!store)
        return rows;
    for (const LocalRecord &record : store->list(courseEntity)) {
        Row row;
        row.id = record.id;
        row.code = record.fields.value(u"code").toString();
        row.title = record.fields.value(u"title").toString();
        row.description = record.fields.value(u"description").toString();
        row.term = record.fields.value(u"term").toString();
        row.status = record.fields.value(u"status").toString();
        row.pending = !record.isSynced();
        rows.append(row);
    }
    return rows;
}

// The store lists courses in one stable order (by id), so the rows that stay keep their order:
// removing what went and inserting what came turns the old list into the new one.
void CourseListModel::refresh()
{
    const QList<Row> after = load();
    QSet<QString> afterIds;
    for (const Row &row : after)
        afterIds.insert(row.id);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        if (afterIds.contains(m_rows.at(i).id))
            continue;
        beginRemoveRows({}, i, i);
        m_rows.removeAt(i);
        endRemoveRows();
    }
    for (int i = 0; i < int(after.size()); ++i) {
        if (i < m_rows.size() && m_rows.at(i).id == after.at(i).id) {
            if (m_rows.at(i) != after.at(i)) {
                m_rows[i] = after.at(i);
                Q_EMIT dataChanged(index(i), index(i));
            }
            continue;
        }
        const bool movedHere = std::any_of(m_rows.begin() + i, m_rows.end(), [&](const Row &row) {
            return row.id == after.at(i).id;
        });
        if (movedHere) {
            // Not the store's usual order: start again.
            beginResetModel();
            m_rows = after;
            endResetModel();
            break;
        }
        beginInsertRows({}, i, i);
        m_rows.insert(i, after.at(i));
        endInsertRows();
    }

    QStringList terms;
    for (const Row &row : std::as_const(m_rows)) {
        if (!row.term.isEmpty() && !terms.contains(row.term))
            terms.append(row.term);
    }
    std::sort(terms.begin(), terms.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    if (terms != m_terms) {
        m_terms = terms;
        Q_EMIT termsChanged(m_terms);
    }
}

QModelIndex CourseListModel::indexOf(const QString &id) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows.at(i).id == id)
            return index(i);
    }
    return {};
}

QString CourseListModel::statusTitle(const QString &status)
{
    if (status == u"published")
        return tr("Published");
    if (status == u"archived")
        return tr("Archived");
    return tr("Draft");
}

int CourseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CourseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case Qt::DecorationRole: {
        static const QIcon icon(QStringLiteral(":/icons/course.svg"));
        return icon;
    }
    case Qt::ToolTipRole: {
        QString tip = row.title;
        if (!row.description.isEmpty())
            tip += u'\n' + row.description.left(300);
        if (row.pending)
            tip += u'\n' + SyncMark::toolTip();
        return tip;
    }
    case Qt::AccessibleTextRole:
        return tr("%1, %2, %3", "course title, code and term, status")
            .arg(row.title, data(index, SubtitleRole).toString(), statusTitle(row.status));
    case IdRole:
        return row.id;
    case CodeRole:
        return row.code;
    case DescriptionRole:
        return row.description;
    case TermRole:
        return row.term;
    case StatusRole:
        return row.status;
    case SubtitleRole:
        return row.term.isEmpty() ? row.code
                                  : tr("%1 · %2", "course code · term").arg(row.code, row.term);
    case SyncMark::Role:
        return row.pending;
    default:
        return {};
    }
}

QHash<int, QByteArray> CourseListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "recordId");
    names.insert(CodeRole, "code");
    names.insert(TitleRole, "title");
    names.insert(DescriptionRole, "description");
    names.insert(TermRole, "term");
    names.insert(StatusRole, "status");
    names.insert(SubtitleRole, "subtitle");
    names.insert(SyncMark::Role, "unsynced");
    return names;
}

} // namespace Lectern::Client
