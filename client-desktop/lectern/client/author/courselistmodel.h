#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>

namespace Lectern::Client {

class SyncController;

// The courses in the offline store, for the Author workspace's course list: one row per course
// in the order they were made, refreshed on SyncController::recordsChanged(). A refresh inserts,
// removes and updates rows in place, so a view keeps its selection.
class CourseListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        CodeRole,
        TitleRole,
        DescriptionRole,
        TermRole,
        StatusRole,   // "draft", "published" or "archived"
        SubtitleRole, // "CS101 · Autumn 2026"
    };
    Q_ENUM(Role)

    explicit CourseListModel(SyncController *controller, QObject *parent = nullptr);

    // The course's row (invalid when it is not in the store).
    QModelIndex indexOf(const QString &id) const;
    // Every term some course has, sorted, without the empty one.
    QStringList terms() const { return m_terms; }

    // "Draft", "Published", "Archived".
    static QString statusTitle(const QString &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void termsChanged(const QStringList &terms);

private:
    struct Row
    {
        QString id;
        QString code;
        QString title;
        QString description;
        QString term;
        QString status;
        bool pending = false;

        bool operator==(const Row &other) const = default;
    };

    QList<Row> load() const;

    QPointer<SyncController> m_controller;
    QList<Row> m_rows;
    QStringList m_terms;
};

} // namespace Lectern::Client
