#pragma once

#include <QAbstractItemModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>
#include <lectern/result.h>

namespace Lectern::Client {

class SyncController;

// The outline of one course for the Author workspace: its modules at the top level and each
// module's content items below, in order-key order, read from the offline store. Every edit
// (rename, publish, move, add, remove) goes through the SyncController, so it lands in the outbox
// and syncs; the model refreshes itself on SyncController::recordsChanged().
//
// Moves and inserts write a single order key (OrderKey::forIndex over the siblings' keys) and,
// for an item moved to another module, its moduleId; the siblings are left alone.
class OutlineModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        // "module" for a module; the content type ("lesson", "quiz", ...) for an item.
        TypeRole,
        PublishedRole, // bool
        UnlockAtRole,  // QDateTime, invalid when the record has no unlock date
        OrderKeyRole,
    };
    Q_ENUM(Role)

    static inline const QString mimeType = QStringLiteral("application/x-lectern-outline");

    explicit OutlineModel(SyncController *controller, QObject *parent = nullptr);

    void setCourseId(const QString &courseId);
    QString courseId() const { return m_courseId; }

    // What the last edit that failed said, in words for the user.
    QString errorString() const { return m_errorString; }

    bool isModule(const QModelIndex &index) const;
    QString idOf(const QModelIndex &index) const;
    // The index of a module or an item by id (invalid when it is not in the outline).
    QModelIndex indexOf(const QString &id) const;

    // Moves the item to `index` among the items of `targetModuleId` (the position it will have
    // after the move; -1 or past the end appends).
    Result<void> moveItem(const QString &itemId, const QString &targetModuleId, int index);
    // Moves the module to `index` among the course's modules (its position after the move).
    Result<void> moveModule(const QString &moduleId, int index);
    // Appends a module or a lesson; returns the new record's id.
    Result<QString> addModule(const QString &title);
    Result<QString> addLesson(const QString &moduleId, const QString &title);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Removes records through the controller (the outline refreshes when the store says so).
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // Drag and drop moves modules among modules and items within or across modules of this
    // course. A drop answers false when nothing moved, so that a view does not go on to remove
    // the dragged rows; a real move resets the outline, which clears the view's selection.
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

public Q_SLOTS:
    void refresh();

private:
    struct Node
    {
        QString id;
        QString type;
        QString title;
        QString orderKey;
        bool published = false;
        QDateTime unlockAt;
        bool pending = false;

        bool operator==(const Node &other) const = default;
    };
    struct Module
    {
        Node node;
        QList<Node> items;
    };

    void load();
    const Node *nodeAt(const QModelIndex &index) const;
    int moduleRow(const QString &moduleId) const;
    // Where a drop at (row, parent) puts things: the target module ("" for the module level)
    // and the row in the list as it is before the move.
    bool dropTarget(const QStringList &ids, int row, const QModelIndex &parent, QString *moduleId,
                    int *targetRow) const;
    static QStringList decode(const QMimeData *data);
    Result<void> update(const QString &entity, const QString &id, const QJsonObject &changes);
    template<typename T> T remember(T result);

    QPointer<SyncController> m_controller;
    QString m_courseId;
    QList<Module> m_modules;
    QString m_errorString;
};

} // namespace Lectern::Client
