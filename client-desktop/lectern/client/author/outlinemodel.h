#pragma once

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QString>
#include <lectern/result.h>

namespace Lectern::Client {

class CourseUndoStack;
class SyncController;
struct LocalRecord;
struct RecordChange;

// The outline of one course for the Author workspace: its modules at the top level and each
// module's content items below, in order-key order, read from the offline store. Every edit
// (rename, publish, unlock date, move, add, remove) goes through the SyncController, so it lands
// in the outbox and syncs; with an undo stack set, each edit is also an undo command on it. The
// model refreshes itself on SyncController::recordsChanged(), inserting, removing and moving
// rows in place, so a view keeps its selection and its expanded modules. It asks the store what
// changed since it last read (LocalStore::summaryChangesSince()) first: saving a lesson while
// its author types, and the server's answers to it, change a row or nothing, without reading
// thousands of rows on the UI thread.
//
// Moves and inserts write a single order key (OrderKey::forIndex over the siblings' keys) and,
// for an item moved to another module, its moduleId; the siblings are left alone. Removing a
// module removes its items with it.
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
        UrlRole,      // a link's or a video's address
        ConflictRole, // bool: the record has an open sync conflict (the row is marked)
    };
    Q_ENUM(Role)

    static inline const QString mimeType = QStringLiteral("application/x-lectern-outline");

    explicit OutlineModel(SyncController *controller, QObject *parent = nullptr);

    void setCourseId(const QString &courseId);
    QString courseId() const { return m_courseId; }

    // Edits become undo commands on `stack` (null: plain edits).
    void setUndoStack(CourseUndoStack *stack);
    CourseUndoStack *undoStack() const;

    // What the last edit that failed said, in words for the user.
    QString errorString() const { return m_errorString; }

    bool isModule(const QModelIndex &index) const;
    QString idOf(const QModelIndex &index) const;
    // The index of a module or an item by id (invalid when it is not in the outline).
    QModelIndex indexOf(const QString &id) const;
    // How many items the outline holds, in all modules.
    int itemCount() const;

    // Moves the item to `index` among the items of `targetModuleId` (the position it will have
    // after the move; -1 or past the end appends).
    Result<void> moveItem(const QString &itemId, const QString &targetModuleId, int index);
    // Moves the module to `index` among the course's modules (its position after the move).
    Result<void> moveModule(const QString &moduleId, int index);
    // One step up (delta -1) or down (+1), as the keyboard moves: a module among modules; an
    // item among its module's items, and past the first or last one into the end of the module
    // above or the start of the module below. At the edge of the outline nothing moves.
    Result<void> moveBy(const QString &id, int delta);

    // Adds a module at `index` among the modules (-1: at the end); returns the new record's id.
    Result<QString> addModule(const QString &title, int index = -1);
    Result<QString> addLesson(const QString &moduleId, const QString &title, int index = -1);
    // Adds an item of `type` ("lesson", "link", "video", "file", ...) with `fields` such as its
    // url or fileId, at `index` among the module's items (-1: at the end).
    Result<QString> addItem(const QString &moduleId, const QString &type, const QString &title,
                            const QJsonObject &fields = {}, int index = -1);
    // Removes modules (with their items) and items by id, as one edit.
    Result<void> removeRecords(const QStringList &ids);
    // Sets fields of a module or an item as one edit named `text` (say a link's url).
    Result<void> updateRecord(const QString &id, const QJsonObject &changes, const QString &text);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // The title (edited in place), the type's icon, a check box for "published" and a tool tip
    // saying who can see the record and when it unlocks.
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    // Removes records through the controller (the outline refreshes when the store says so).
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    // Drag and drop moves modules among modules and items within or across modules of this
    // course, as one edit. A drop answers false when nothing moved. After a drop that moved
    // something, removeRows() refuses the dropped records until the next edit: a
    // QAbstractItemView that sees a move removes the rows it still has selected, and those are
    // the moved records (removeRecords() is the way to remove them on purpose).
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

    // The icon of a module ("module") or of an item's type.
    static QIcon iconFor(const QString &type);
    // "Module", "Lesson", "Link", ...
    static QString typeTitle(const QString &type);

public Q_SLOTS:
    // Reads the whole outline again.
    void refresh();

Q_SIGNALS:
    // An edit failed; `message` is errorString().
    void errorOccurred(const QString &message);

private:
    struct Node
    {
        QString id;
        QString type;
        QString title;
        QString orderKey;
        QString url;
        bool published = false;
        QDateTime unlockAt;
        bool pending = false;

        bool operator==(const Node &other) const = default;
    };
    struct Module
    {
        Node node;
        QList<Node> items;
        // An item's index carries its module's serial, which stays while rows come and go.
        quintptr serial = 0;
    };

    QList<Module> load();
    static Node nodeFrom(const LocalRecord &record);
    // Follows the store's changes since the last read: rows in place when only what they show
    // changed, else refresh().
    void followChanges();
    void setModules(const QList<Module> &modules);
    void rebuildRows();
    const Node *nodeAt(const QModelIndex &index) const;
    int moduleRow(const QString &moduleId) const;
    int moduleRowOf(const QModelIndex &item) const;
    // Where a drop at (row, parent) puts things: the target module ("" for the module level)
    // and the row in the list as it is before the move.
    bool dropTarget(const QStringList &ids, int row, const QModelIndex &parent, QString *moduleId,
                    int *targetRow) const;
    static QStringList decode(const QMimeData *data);
    Result<void> update(const QString &entity, const QString &id, const QJsonObject &changes,
                        const QString &text);
    Result<QString> create(const QString &entity, const QJsonObject &fields, const QString &text);
    template<typename T> T remember(T result);

    // Reads which records have open conflicts; marks the rows that changed.
    void refreshConflicts();

    QPointer<SyncController> m_controller;
    QPointer<CourseUndoStack> m_undoStack;
    QSet<QString> m_conflicted; // ids of modules and items with an open conflict
    QString m_courseId;
    QList<Module> m_modules;
    QHash<QString, quintptr> m_serials; // module id -> serial
    QHash<quintptr, int> m_rowOfSerial;
    quintptr m_nextSerial = 1;
    QString m_errorString;
    // The store's summary version the rows were read at (-1: read nothing), and whose it is.
    qint64 m_version = -1;
    QString m_versionOf;
    // While a drop runs: its moves, pushed as one undo command at the end.
    QList<RecordChange> *m_collecting = nullptr;
    QStringList m_dropped; // see dropMimeData()
};

} // namespace Lectern::Client
