#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Lectern::Client {

// One person in a course's class list: their enrollment and, for students, their progress.
struct ClassListEntry
{
    QString enrollmentId;
    QString userId;
    QString name;
    QString email;
    QString role;   // "student", "ta", "instructor"
    QString status; // "enrolled", "dropped", "completed"
    QString type;   // "regular", "audit", "waitlist"
    QString cohortId;

    bool hasProgress = false; // the server reported this student's progress
    int completed = 0;
    int total = 0;
    bool requiredOnly = false; // only the course's required items count
    int percent = 0;
    qint64 secondsSpent = 0;
    QDateTime lastActivityAt;

    bool isStudent() const { return role == u"student"; }
    // The form kept in the offline copy of the class list.
    QJsonObject toJson() const;
    static ClassListEntry fromJson(const QJsonObject &json);
    bool operator==(const ClassListEntry &other) const = default;
};

// A course's class list as a table: name, email, role, status, type and progress, one row per
// enrollment. Enrollments are the server's to decide, so the rows come from its REST answers
// (GET /courses/:id/students and /courses/:id/progress, see entriesFrom()) or from the copy the
// pane keeps for offline use; the model itself never writes.
class ClassListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        EmailColumn,
        RoleColumn,
        StatusColumn,
        TypeColumn,
        ProgressColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        EnrollmentIdRole = Qt::UserRole + 1,
        UserIdRole,
        RoleCodeRole,   // "student", "ta", "instructor"
        StatusCodeRole, // "enrolled", "dropped", "completed"
        TypeCodeRole,   // "regular", "audit", "waitlist"
        // The progress column: percent (0..100) for a student with progress, -1 otherwise.
        PercentRole,
        // What the column sorts by (text folded for names; numbers for progress).
        SortRole,
    };
    Q_ENUM(Role)

    explicit ClassListModel(QObject *parent = nullptr);

    // Replaces every row (a model reset: the class list is read whole).
    void setEntries(const QList<ClassListEntry> &entries);
    const QList<ClassListEntry> &entries() const { return m_entries; }
    ClassListEntry entry(int row) const { return m_entries.value(row); }
    // The row of an enrollment or a person; -1 when not listed.
    int rowOfUser(const QString &userId) const;
    // Students (any status) in the list: the class list is "empty" when there are none.
    int studentCount() const;

    // Rows from the server's answers: the class list (records with "user": {id, name, email})
    // and the progress report's "students" rows (matched by userId; may be empty).
    static QList<ClassListEntry> entriesFrom(const QJsonArray &classList,
                                             const QJsonArray &progressRows);

    // Words for the codes, as the table shows them.
    static QString roleWords(const QString &role);
    static QString statusWords(const QString &status);
    static QString typeWords(const QString &type);
    // "75 % · 3 of 4" for a student with progress; "—" for staff; empty when unknown.
    static QString progressWords(const ClassListEntry &entry);
    // "1 h 5 min" / "12 min" / "less than a minute".
    static QString durationWords(qint64 seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<ClassListEntry> m_entries;
};

} // namespace Lectern::Client
