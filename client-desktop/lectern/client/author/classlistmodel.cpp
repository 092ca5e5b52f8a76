#include "classlistmodel.h"

#include <QHash>
#include <QLocale>
#include <algorithm>
#include <lectern/client/learn/learnformat.h>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

QJsonObject ClassListEntry::toJson() const
{
    QJsonObject json {
        {QStringLiteral("enrollmentId"), enrollmentId},
        {QStringLiteral("userId"), userId},
        {QStringLiteral("name"), name},
        {QStringLiteral("email"), email},
        {QStringLiteral("role"), role},
        {QStringLiteral("status"), status},
        {QStringLiteral("type"), type},
        {QStringLiteral("cohortId"), cohortId},
    };
    if (hasProgress) {
        json.insert(QStringLiteral("progress"),
                    QJsonObject {
                        {QStringLiteral("completed"), completed},
                        {QStringLiteral("total"), total},
                        {QStringLiteral("requiredOnly"), requiredOnly},
                        {QStringLiteral("percent"), percent},
                        {QStringLiteral("secondsSpent"), secondsSpent},
                        {QStringLiteral("lastActivityAt"), Json::fromDateTime(lastActivityAt)},
                    });
    }
    return json;
}

namespace {
void readProgress(ClassListEntry &entry, const QJsonObject &row)
{
    entry.hasProgress = true;
    entry.completed = row.value(u"completed").toInt();
    entry.total = row.value(u"total").toInt();
    entry.requiredOnly = row.value(u"requiredOnly").toBool();
    entry.percent = qBound(0, row.value(u"percent").toInt(), 100);
    entry.secondsSpent = row.value(u"secondsSpent").toInteger();
    entry.lastActivityAt = Json::toDateTime(row.value(u"lastActivityAt"));
}
} // namespace

ClassListEntry ClassListEntry::fromJson(const QJsonObject &json)
{
    ClassListEntry entry;
    entry.enrollmentId = json.value(u"enrollmentId").toString();
    entry.userId = json.value(u"userId").toString();
    entry.name = json.value(u"name").toString();
    entry.email = json.value(u"email").toString();
    entry.role = json.value(u"role").toString();
    entry.status = json.value(u"status").toString();
    entry.type = json.value(u"type").toString();
    entry.cohortId = json.value(u"cohortId").toString();
    if (json.value(u"progress").isObject())
        readProgress(entry, json.value(u"progress").toObject());
    return entry;
}

ClassListModel::ClassListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void ClassListModel::setEntries(const QList<ClassListEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int ClassListModel::rowOfUser(const QString &userId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].userId == userId)
            return row;
    }
    return -1;
}

int ClassListModel::studentCount() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(),
                             [](const ClassListEntry &e) { return e.isStudent(); }));
}

QList<ClassListEntry> ClassListModel::entriesFrom(const QJsonArray &classList,
                                                  const QJsonArray &progressRows)
{
    QHash<QString, QJsonObject> progress;
    for (const QJsonValue &row : progressRows)
        progress.insert(row.toObject().value(u"userId").toString(), row.toObject());
    QList<ClassListEntry> entries;
    entries.reserve(classList.size());
    for (const QJsonValue &value : classList) {
        const QJsonObject record = value.toObject();
        const QJsonObject user = record.value(u"user").toObject();
        ClassListEntry entry;
        entry.enrollmentId = record.value(u"id").toString();
        entry.userId = record.value(u"userId").toString();
        entry.name = user.value(u"name").toString();
        entry.email = user.value(u"email").toString();
        entry.role = record.value(u"role").toString();
        entry.status = record.value(u"status").toString();
        entry.type = record.value(u"type").toString();
        entry.cohortId = record.value(u"cohortId").toString();
        if (entry.isStudent()) {
            auto it = progress.constFind(entry.userId);
            if (it != progress.constEnd())
                readProgress(entry, *it);
        }
        entries.append(entry);
    }
    return entries;
}

QString ClassListModel::roleWords(const QString &role)
{
    if (role == u"student")
        return tr("Student");
    if (role == u"ta")
        return tr("Teaching assistant");
    if (role == u"instructor")
        return tr("Instructor");
    return role;
}

QString ClassListModel::statusWords(const QString &status)
{
    if (status == u"enrolled")
        return tr("Enrolled");
    if (status == u"dropped")
        return tr("Dropped");
    if (status == u"completed")
        return tr("Completed");
    return status;
}

QString ClassListModel::typeWords(const QString &type)
{
    if (type == u"regular")
        return tr("Regular");
    if (type == u"audit")
        return tr("Audit");
    if (type == u"waitlist")
        return tr("Waitlist");
    return type;
}

QString ClassListModel::progressWords(const ClassListEntry &entry)
{
    if (!entry.isStudent())
        return QStringLiteral("—");
    if (!entry.hasProgress)
        return {};
    //: A student's progress in the class list: percent, then items done of items counted.
    return tr("%1 % · %2", "percent, items done")
        .arg(entry.percent)
        .arg(LearnFormat::itemsDone(entry.completed, entry.total, entry.requiredOnly));
}

QString ClassListModel::durationWords(qint64 seconds)
{
    const qint64 minutes = seconds / 60;
    if (minutes < 1)
        return tr("less than a minute");
    if (minutes < 60)
        return tr("%n min", nullptr, int(minutes));
    //: Hours and minutes spent, e.g. "1 h 5 min".
    return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
}

int ClassListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ClassListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClassListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClassListEntry &e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return e.name;
        case EmailColumn:
            return e.email;
        case RoleColumn:
            return roleWords(e.role);
        case StatusColumn:
            return statusWords(e.status);
        case TypeColumn:
            return typeWords(e.type);
        case ProgressColumn:
            return progressWords(e);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ProgressColumn && e.isStudent() && e.hasProgress) {
            const QString spent = tr("Time spent: %1").arg(durationWords(e.secondsSpent));
            if (!e.lastActivityAt.isValid())
                return QString(spent + u'\n' + tr("No activity yet"));
            return QString(spent + u'\n'
                           + tr("Last active: %1")
                                 .arg(QLocale().toString(e.lastActivityAt.toLocalTime(),
                                                         QLocale::ShortFormat)));
        }
        if (index.column() == TypeColumn && e.type == u"waitlist")
            return tr("The course is full: this student gets a seat when one frees.");
        if (index.column() == RoleColumn && !e.cohortId.isEmpty())
            return tr("Enrolled through a cohort");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == ProgressColumn)
            return QVariant(Qt::AlignCenter);
        break;
    case EnrollmentIdRole:
        return e.enrollmentId;
    case UserIdRole:
        return e.userId;
    case RoleCodeRole:
        return e.role;
    case StatusCodeRole:
        return e.status;
    case TypeCodeRole:
        return e.type;
    case PercentRole:
        return e.isStudent() && e.hasProgress ? e.percent : -1;
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return e.name.toCaseFolded();
        case EmailColumn:
            return e.email.toCaseFolded();
        case ProgressColumn:
            return e.isStudent() && e.hasProgress ? e.percent : -1;
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    return {};
}

QVariant ClassListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("Email");
    case RoleColumn:
        return tr("Role");
    case StatusColumn:
        return tr("Status");
    case TypeColumn:
        return tr("Type");
    case ProgressColumn:
        return tr("Progress");
    }
    return {};
}

} // namespace Lectern::Client
