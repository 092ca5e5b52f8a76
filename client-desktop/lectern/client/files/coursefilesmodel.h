#pragma once

#include "filetransfers.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QString>

namespace Lectern::Client {

class SyncController;

// A course's files for the Files tab: the uploads not finished yet (queued, waiting for the
// server, running, refused) first, then the course's `file` records from the offline store by
// name, each with its size, who added it and when, whether it is on this computer, and the
// progress of its transfer. Follows the store (SyncController::recordsChanged) and the transfers.
class CourseFilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, AddedColumn, StatusColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        IdRole = Qt::UserRole + 1, // the file id, or the transfer id of an upload
        IsUploadRole,              // bool: an upload that has no file record yet
        FileIdRole,                // empty for uploads
        MimeTypeRole,
        SizeRole,       // qint64 bytes
        UploaderRole,   // "You", or who in the course added it
        AddedAtRole,    // QDateTime (UTC), invalid when unknown
        CachedRole,     // bool
        StateRole,      // FileTransfers::State of its transfer, or -1 when none
        ProgressRole,   // 0..100 while a transfer runs with a known size, else -1
        StatusTextRole, // the status in words
        ErrorRole,      // a refused upload's message
    };
    Q_ENUM(Role)

    CourseFilesModel(FileTransfers *files, SyncController *sync, QObject *parent = nullptr);

    void setCourseId(const QString &courseId);
    QString courseId() const { return m_courseId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The row of a file id or upload id (-1 when there is none).
    int rowOf(const QString &id) const;
    int fileCount() const;
    int uploadCount() const;

    // The icon for a type of file.
    static QIcon iconFor(const QString &mimeType);
    // "today at 14:05", "yesterday at 9:12", or the date.
    static QString whenText(const QDateTime &when);

public Q_SLOTS:
    void reload();

private:
    struct Row
    {
        bool upload = false;
        QString id;     // file id or transfer id
        QString fileId; // files
        QString name;
        QString mimeType;
        qint64 size = -1;
        QString uploaderId;
        QDateTime addedAt;
        bool cached = false;
        int state = -1; // FileTransfers::State of the transfer, -1 when none
        qint64 done = 0;
        qint64 total = -1;
        QString error;
    };

    QString statusText(const Row &row) const;
    QString uploaderName(const QString &userId) const;
    void updateTransfer(const QString &transferId);
    void updateFile(const QString &fileId);
    void emitRowChanged(int row);

    QPointer<FileTransfers> m_files;
    QPointer<SyncController> m_sync;
    QString m_courseId;
    QList<Row> m_rows;
};

} // namespace Lectern::Client
