#include "coursefilesmodel.h"

#include <QIcon>
#include <QLocale>
#include <QMimeDatabase>
#include <algorithm>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/uuidv7.h>

namespace Lectern::Client {

namespace {

const QString fileEntity = Entities::file().name;

} // namespace

CourseFilesModel::CourseFilesModel(FileTransfers *files, SyncController *sync, QObject *parent)
    : QAbstractTableModel(parent)
    , m_files(files)
    , m_sync(sync)
{
    if (sync) {
        connect(sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            if (entities.contains(fileEntity) || entities.contains(Entities::enrollment().name))
                reload();
        });
    }
    if (files) {
        connect(files, &FileTransfers::transferAdded, this, &CourseFilesModel::reload);
        connect(files, &FileTransfers::transferRemoved, this, &CourseFilesModel::reload);
        connect(files, &FileTransfers::cacheChanged, this, &CourseFilesModel::reload);
        connect(files, &FileTransfers::transferChanged, this, &CourseFilesModel::updateTransfer);
        connect(files, &FileTransfers::transferProgress, this,
                [this](const QString &id) { updateTransfer(id); });
        connect(files, &FileTransfers::downloaded, this, &CourseFilesModel::updateFile);
    }
}

void CourseFilesModel::setCourseId(const QString &courseId)
{
    m_courseId = courseId;
    reload();
}

void CourseFilesModel::reload()
{
    QList<Row> rows;
    if (!m_courseId.isEmpty() && m_files) {
        for (const FileTransfers::Transfer &upload : m_files->uploads(m_courseId)) {
            Row row;
            row.upload = true;
            row.id = upload.id;
            row.name = upload.name;
            row.mimeType = QMimeDatabase()
                               .mimeTypeForFile(upload.name, QMimeDatabase::MatchExtension)
                               .name();
            row.size = upload.bytesTotal;
            row.uploaderId = m_sync ? m_sync->userId() : QString();
            row.addedAt = upload.queuedAt;
            row.state = int(upload.state);
            row.done = upload.bytesDone;
            row.total = upload.bytesTotal;
            row.error = upload.error;
            rows.append(row);
        }
    }
    QList<Row> files;
    if (!m_courseId.isEmpty() && m_sync && m_sync->store()) {
        for (const LocalRecord &record : m_sync->store()->list(fileEntity)) {
            if (record.fields.value(u"courseId").toString() != m_courseId)
                continue;
            Row row;
            row.id = record.id;
            row.fileId = record.id;
            row.name = record.fields.value(u"originalName").toString();
            row.mimeType = record.fields.value(u"mimeType").toString();
            row.size = record.fields.value(u"size").toInteger(-1);
            row.uploaderId = record.fields.value(u"uploaderId").toString();
            row.addedAt = QDateTime::fromString(record.fields.value(u"createdAt").toString(),
                                                Qt::ISODateWithMs);
            if (!row.addedAt.isValid()) {
                // A UUIDv7 says when it was made.
                if (const qint64 ms = uuidV7Timestamp(QUuid::fromString(record.id)); ms > 0)
                    row.addedAt = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
            }
            if (m_files) {
                row.cached = m_files->isCached(record.id);
                if (const auto download = m_files->downloadOf(record.id)) {
                    row.state = int(download->state);
                    row.done = download->bytesDone;
                    row.total = download->bytesTotal;
                }
            }
            files.append(row);
        }
    }
    std::sort(files.begin(), files.end(), [](const Row &a, const Row &b) {
        const int byName = QString::localeAwareCompare(a.name, b.name);
        return byName != 0 ? byName < 0 : a.id < b.id;
    });
    rows += files;
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void CourseFilesModel::updateTransfer(const QString &transferId)
{
    if (!m_files)
        return;
    const auto transfer = m_files->transfer(transferId);
    if (!transfer)
        return;
    const QString id
        = transfer->kind == FileTransfers::Kind::Upload ? transferId : transfer->fileId;
    const int row = rowOf(id);
    if (row < 0) {
        // A download of a file of this course that was not shown yet cannot happen; an upload
        // of this course can (queued by another view).
        if (transfer->kind == FileTransfers::Kind::Upload && transfer->courseId == m_courseId)
            reload();
        return;
    }
    Row &r = m_rows[row];
    r.state = int(transfer->state);
    r.done = transfer->bytesDone;
    r.total = transfer->bytesTotal;
    r.error = transfer->error;
    if (!r.upload)
        r.cached = m_files->isCached(r.fileId);
    emitRowChanged(row);
}

void CourseFilesModel::updateFile(const QString &fileId)
{
    const int row = rowOf(fileId);
    if (row < 0 || !m_files)
        return;
    Row &r = m_rows[row];
    r.cached = m_files->isCached(fileId);
    if (const auto download = m_files->downloadOf(fileId)) {
        r.state = int(download->state);
        r.done = download->bytesDone;
        r.total = download->bytesTotal;
    } else {
        r.state = -1;
    }
    emitRowChanged(row);
}

void CourseFilesModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int CourseFilesModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

int CourseFilesModel::fileCount() const
{
    return int(std::count_if(m_rows.begin(), m_rows.end(), [](const Row &r) { return !r.upload; }));
}

int CourseFilesModel::uploadCount() const
{
    return int(m_rows.size()) - fileCount();
}

int CourseFilesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CourseFilesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CourseFilesModel::uploaderName(const QString &userId) const
{
    if (userId.isEmpty())
        return {};
    if (m_sync && userId == m_sync->userId())
        return tr("You");
    // The store knows people only by their place in the course.
    if (m_sync && m_sync->store()) {
        for (const LocalRecord &enrollment :
             m_sync->store()->children(Entities::enrollment().name, m_courseId)) {
            if (enrollment.fields.value(u"userId").toString() != userId)
                continue;
            const QString role = enrollment.fields.value(u"role").toString();
            if (role == u"instructor")
                return tr("An instructor");
            if (role == u"ta")
                return tr("A teaching assistant");
        }
    }
    return tr("Someone else");
}

QString CourseFilesModel::whenText(const QDateTime &when)
{
    const QDateTime local = when.toLocalTime();
    const QDate today = QDate::currentDate();
    const QString time = QLocale().toString(local.time(), QLocale::ShortFormat);
    if (local.date() == today)
        return tr("today at %1").arg(time);
    if (local.date() == today.addDays(-1))
        return tr("yesterday at %1").arg(time);
    return QLocale().toString(local.date(), QLocale::ShortFormat);
}

QString CourseFilesModel::statusText(const Row &row) const
{
    using State = FileTransfers::State;
    const auto percent = [&row] {
        return row.total > 0 ? int(100 * row.done / row.total) : 0;
    };
    switch (row.state) {
    case int(State::Queued):
        return row.upload ? tr("Queued to upload") : tr("Queued to download");
    case int(State::Waiting):
        return row.error.isEmpty() ? tr("Waiting for connection") : row.error;
    case int(State::Running):
        return row.upload ? tr("Uploading… %1%").arg(percent())
                          : tr("Downloading… %1%").arg(percent());
    case int(State::Failed):
        return row.error;
    default:
        break;
    }
    if (row.upload)
        return tr("Uploaded");
    return row.cached ? tr("On this computer") : tr("On the server");
}

QVariant CourseFilesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return row.name;
        case SizeColumn:
            return row.size >= 0 ? FileTransfers::formatSize(row.size) : QString();
        case AddedColumn: {
            const QString who = uploaderName(row.uploaderId);
            const QString when = row.addedAt.isValid() ? whenText(row.addedAt) : QString();
            if (who.isEmpty())
                return when;
            return when.isEmpty() ? who : tr("%1, %2", "who, when").arg(who, when);
        }
        case StatusColumn:
            return statusText(row);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn)
            return iconFor(row.mimeType);
        if (index.column() == StatusColumn) {
            if (row.state == int(FileTransfers::State::Failed))
                return QIcon(QStringLiteral(":/icons/refused.svg"));
            if (row.state == int(FileTransfers::State::Waiting))
                return QIcon(QStringLiteral(":/icons/offline.svg"));
            if (row.upload)
                return QIcon(QStringLiteral(":/icons/unsynced.svg"));
            if (row.cached)
                return QIcon(QStringLiteral(":/icons/downloaded.svg"));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !row.error.isEmpty())
            return row.error;
        if (index.column() == NameColumn)
            return row.mimeType.isEmpty() ? row.name : tr("%1 (%2)").arg(row.name, row.mimeType);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return row.id;
    case IsUploadRole:
        return row.upload;
    case FileIdRole:
        return row.fileId;
    case MimeTypeRole:
        return row.mimeType;
    case SizeRole:
        return row.size;
    case UploaderRole:
        return uploaderName(row.uploaderId);
    case AddedAtRole:
        return row.addedAt;
    case CachedRole:
        return row.cached;
    case StateRole:
        return row.state;
    case ProgressRole:
        if (row.state == int(FileTransfers::State::Running) && row.total > 0)
            return int(std::clamp<qint64>(100 * row.done / row.total, 0, 100));
        return -1;
    case StatusTextRole:
        return statusText(row);
    case ErrorRole:
        return row.state == int(FileTransfers::State::Failed) ? row.error : QString();
    default:
        return {};
    }
}

QVariant CourseFilesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case AddedColumn:
        return tr("Added");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

QIcon CourseFilesModel::iconFor(const QString &mimeType)
{
    if (mimeType.startsWith(u"image/"))
        return QIcon(QStringLiteral(":/icons/image.svg"));
    if (mimeType.startsWith(u"video/"))
        return QIcon(QStringLiteral(":/icons/video.svg"));
    if (mimeType.startsWith(u"audio/"))
        return QIcon(QStringLiteral(":/icons/audio.svg"));
    return QIcon(QStringLiteral(":/icons/document.svg"));
}

} // namespace Lectern::Client
