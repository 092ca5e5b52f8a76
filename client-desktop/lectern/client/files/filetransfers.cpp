#include "filetransfers.h"

#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>
#include <lectern/client/apiclient.h>
#include <lectern/client/session.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/result.h>
#include <lectern/uuidv7.h>

Q_LOGGING_CATEGORY(lcFiles, "lectern.client.files", QtInfoMsg)

namespace Lectern::Client {

namespace {

const QString fileEntity = Entities::file().name;
const QString partName = QStringLiteral(".part");
const QString queueFileName = QStringLiteral("uploads.json");
constexpr int uploadTimeoutMs = 60000;
constexpr int downloadTimeoutMs = 30000;
// Uploaded files up to this size are kept in the cache too: the uploader's own images show at
// once, without a download.
constexpr qint64 keepUploadedUpTo = 20LL * 1024 * 1024;

QString stateName(FileTransfers::State state)
{
    return state == FileTransfers::State::Failed ? QStringLiteral("failed")
                                                 : QStringLiteral("queued");
}

// What is left of a name once it cannot leave its folder.
QString safeFileName(QString name)
{
    name.replace(u'/', u'_').replace(u'\\', u'_');
    while (name.startsWith(u'.'))
        name.remove(0, 1);
    return name.trimmed();
}

// filename*=UTF-8''... or filename="..." of a Content-Disposition header.
QString dispositionName(const QByteArray &header)
{
    const QList<QByteArray> parts = header.split(';');
    QString plain;
    for (QByteArray part : parts) {
        part = part.trimmed();
        if (part.startsWith("filename*=")) {
            QByteArray value = part.mid(10);
            const qsizetype quote = value.indexOf("''");
            if (quote >= 0)
                value = value.mid(quote + 2);
            return QUrl::fromPercentEncoding(value);
        }
        if (part.startsWith("filename="))
            plain = QString::fromLatin1(part.mid(9)).remove(u'"');
    }
    return plain;
}

} // namespace

struct FileTransfers::Running
{
    QPointer<QNetworkReply> reply;
    QFile *file = nullptr; // uploads: the source; downloads: the part file
    QCryptographicHash hash {QCryptographicHash::Sha256};
    bool hashing = false; // downloads: the whole file passes through `hash`
    qint64 offset = 0;    // downloads: bytes already in the part file when it started

    ~Running()
    {
        if (reply) {
            ApiClient::cancel(reply);
            reply->deleteLater();
        }
        delete file;
    }
};

FileTransfers::FileTransfers(Session *session, SyncController *sync, const QString &cacheDir,
                             QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_sync(sync)
    , m_cacheDirOption(cacheDir)
{
    m_pumpTimer.setSingleShot(true);
    connect(&m_pumpTimer, &QTimer::timeout, this, &FileTransfers::pump);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        for (Transfer &transfer : m_transfers) {
            if (transfer.state == State::Waiting) {
                transfer.state = State::Queued;
                Q_EMIT transferChanged(transfer.id);
            }
        }
        pump();
    });
    if (sync) {
        // The controller starting for an account (or another one) says so with recordsChanged();
        // coming online is the moment to send what waited.
        connect(sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            ensureAccount();
            for (const QString &entity : entities) {
                if (entity == fileEntity || entity == Entities::content().name
                    || entity == Entities::module().name) {
                    m_courseFiles.clear();
                    break;
                }
            }
        });
        connect(sync, &SyncController::statusChanged, this, [this](const SyncStatus &status) {
            ensureAccount();
            if (status.online && !m_wasOnline)
                retryNow();
            m_wasOnline = status.online;
        });
    }
    if (session && session->api()) {
        connect(session->api(), &ApiClient::serverAnswered, this, [this] {
            // Something reached the server: uploads that waited for it need not wait longer.
            if (m_backoffMs > 0 && hasWaiting())
                retryNow();
        });
    }
    ensureAccount();
}

FileTransfers::~FileTransfers()
{
    qDeleteAll(m_running);
    m_running.clear();
}

void FileTransfers::ensureAccount()
{
    const QString path = m_sync && m_sync->store() ? m_sync->store()->path() : QString();
    if (path == m_accountPath)
        return;
    // Another account (or none): what belongs to the last one stays in its folder.
    for (const QString &id : m_running.keys())
        delete m_running.take(id);
    const QList<Transfer> gone = std::exchange(m_transfers, {});
    for (const Transfer &transfer : gone)
        Q_EMIT transferRemoved(transfer.id);
    m_courseRuns.clear();
    m_openWhenDownloaded.clear();
    m_cachedPaths.clear();
    m_courseFiles.clear();
    m_uploadRunning = false;
    m_backoffMs = 0;
    m_accountPath = path;
    if (path.isEmpty()) {
        m_cacheDir = m_cacheDirOption;
        m_queuePath.clear();
        return;
    }
    const QDir accountDir = QFileInfo(path).absoluteDir();
    m_cacheDir = m_cacheDirOption.isEmpty() ? accountDir.filePath(QStringLiteral("files"))
                                            : m_cacheDirOption;
    m_queuePath = accountDir.filePath(queueFileName);
    loadQueue();
    Q_EMIT cacheChanged();
    schedule();
}

QString FileTransfers::cacheDir() const
{
    const_cast<FileTransfers *>(this)->ensureAccount();
    return m_cacheDir;
}

QString FileTransfers::queuePath() const
{
    const_cast<FileTransfers *>(this)->ensureAccount();
    return m_queuePath;
}

void FileTransfers::loadQueue()
{
    QFile file(m_queuePath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonArray uploads
        = QJsonDocument::fromJson(file.readAll()).object().value(u"uploads").toArray();
    for (const QJsonValue &value : uploads) {
        const QJsonObject json = value.toObject();
        Transfer transfer;
        transfer.kind = Kind::Upload;
        transfer.id = json.value(u"id").toString();
        transfer.localPath = json.value(u"localPath").toString();
        transfer.courseId = json.value(u"courseId").toString();
        transfer.name = json.value(u"name").toString();
        transfer.bytesTotal = json.value(u"size").toInteger(-1);
        transfer.attempts = json.value(u"attempts").toInt();
        transfer.error = json.value(u"error").toString();
        transfer.queuedAt = QDateTime::fromString(json.value(u"queuedAt").toString(), Qt::ISODate);
        transfer.state
            = json.value(u"state").toString() == u"failed" ? State::Failed : State::Queued;
        if (transfer.id.isEmpty() || transfer.localPath.isEmpty())
            continue;
        m_transfers.append(transfer);
        Q_EMIT transferAdded(transfer.id);
    }
    qCInfo(lcFiles) << "upload queue:" << m_transfers.size() << "from" << m_queuePath;
}

void FileTransfers::saveQueue() const
{
    if (m_queuePath.isEmpty())
        return;
    QJsonArray uploads;
    for (const Transfer &transfer : m_transfers) {
        if (transfer.kind != Kind::Upload)
            continue;
        uploads.append(QJsonObject {
            {QStringLiteral("id"), transfer.id},
            {QStringLiteral("localPath"), transfer.localPath},
            {QStringLiteral("courseId"), transfer.courseId},
            {QStringLiteral("name"), transfer.name},
            {QStringLiteral("size"), transfer.bytesTotal},
            {QStringLiteral("attempts"), transfer.attempts},
            {QStringLiteral("error"), transfer.error},
            {QStringLiteral("queuedAt"), transfer.queuedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("state"), stateName(transfer.state)},
        });
    }
    QDir().mkpath(QFileInfo(m_queuePath).absolutePath());
    // Written whole or not at all: a crash never leaves half a queue.
    QSaveFile file(m_queuePath);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(QJsonObject {{QStringLiteral("uploads"), uploads}}).toJson())
            < 0
        || !file.commit())
        qCWarning(lcFiles) << "cannot write the upload queue" << m_queuePath << file.errorString();
}

FileTransfers::Transfer *FileTransfers::find(const QString &id)
{
    for (Transfer &transfer : m_transfers) {
        if (transfer.id == id)
            return &transfer;
    }
    return nullptr;
}

std::optional<FileTransfers::Transfer> FileTransfers::transfer(const QString &id) const
{
    for (const Transfer &transfer : m_transfers) {
        if (transfer.id == id)
            return transfer;
    }
    return std::nullopt;
}

QList<FileTransfers::Transfer> FileTransfers::uploads(const QString &courseId) const
{
    const_cast<FileTransfers *>(this)->ensureAccount();
    QList<Transfer> result;
    for (const Transfer &transfer : m_transfers) {
        if (transfer.kind == Kind::Upload && transfer.courseId == courseId)
            result.append(transfer);
    }
    return result;
}

QList<FileTransfers::Transfer> FileTransfers::transfers() const
{
    return m_transfers;
}

bool FileTransfers::hasWaiting() const
{
    return std::any_of(m_transfers.begin(), m_transfers.end(),
                       [](const Transfer &transfer) { return transfer.state == State::Waiting; });
}

QString FileTransfers::queueUpload(const QString &localPath, const QString &courseId)
{
    ensureAccount();
    const QFileInfo info(localPath);
    QString problem;
    if (m_queuePath.isEmpty())
        problem = tr("Files can be attached once you are logged in.");
    else if (!info.isFile())
        problem = tr("%1 is not a file that can be uploaded.").arg(info.fileName());
    else if (!info.isReadable())
        problem = tr("%1 cannot be read.").arg(info.fileName());
    else if (info.size() == 0)
        problem = tr("%1 is empty.").arg(info.fileName());
    if (!problem.isEmpty()) {
        Q_EMIT transferFailed(QString(), problem);
        return {};
    }
    Transfer transfer;
    transfer.id = createUuidV7String();
    transfer.kind = Kind::Upload;
    transfer.localPath = info.absoluteFilePath();
    transfer.courseId = courseId;
    transfer.name = info.fileName();
    transfer.bytesTotal = info.size();
    transfer.queuedAt = QDateTime::currentDateTimeUtc();
    m_transfers.append(transfer);
    saveQueue();
    qCInfo(lcFiles) << "upload queued" << transfer.id << transfer.name << transfer.bytesTotal;
    Q_EMIT transferAdded(transfer.id);
    // Offline it says so at once, and tries after the back-off (sync's view of the connection
    // may be behind the network's).
    if (m_sync && !m_sync->status().online)
        waitForConnection(m_transfers.last(), tr("Waiting for connection"));
    else
        schedule();
    return transfer.id;
}

void FileTransfers::dismiss(const QString &id)
{
    if (const Transfer *transfer = find(id); transfer && transfer->state == State::Failed)
        removeTransfer(id);
}

void FileTransfers::cancel(const QString &id)
{
    Transfer *transfer = find(id);
    if (!transfer)
        return;
    const Kind kind = transfer->kind;
    const QString fileId = transfer->fileId;
    if (Running *running = m_running.take(id)) {
        if (kind == Kind::Upload)
            m_uploadRunning = false;
        delete running;
    }
    m_openWhenDownloaded.removeAll(fileId);
    removeTransfer(id);
    if (kind == Kind::Download)
        noteCourseProgress(fileId, false);
    schedule();
}

void FileTransfers::removeTransfer(const QString &id)
{
    const qsizetype index = std::find_if(m_transfers.begin(), m_transfers.end(),
                                         [&](const Transfer &t) { return t.id == id; })
        - m_transfers.begin();
    if (index >= m_transfers.size())
        return;
    const bool upload = m_transfers.at(index).kind == Kind::Upload;
    m_transfers.removeAt(index);
    if (upload)
        saveQueue();
    Q_EMIT transferRemoved(id);
}

void FileTransfers::retryNow()
{
    m_backoffMs = 0;
    m_retryTimer.stop();
    bool any = false;
    for (Transfer &transfer : m_transfers) {
        if (transfer.state == State::Waiting) {
            transfer.state = State::Queued;
            Q_EMIT transferChanged(transfer.id);
            any = true;
        }
    }
    if (any)
        schedule();
}

void FileTransfers::schedule(int delayMs)
{
    if (!m_pumpTimer.isActive() || m_pumpTimer.remainingTime() > delayMs)
        m_pumpTimer.start(delayMs);
}

void FileTransfers::pump()
{
    ensureAccount();
    int downloads = 0;
    for (const Transfer &transfer : std::as_const(m_transfers)) {
        if (transfer.kind == Kind::Download && transfer.state == State::Running)
            ++downloads;
    }
    // Copies, as starting one changes the list's entries.
    const QList<Transfer> snapshot = m_transfers;
    for (const Transfer &candidate : snapshot) {
        if (candidate.state != State::Queued)
            continue;
        if (candidate.kind == Kind::Upload && !m_uploadRunning) {
            // One upload at a time: each gets the whole line, and they arrive in order.
            if (Transfer *transfer = find(candidate.id))
                startUpload(*transfer);
        } else if (candidate.kind == Kind::Download
                   && downloads < std::max(1, m_options.maxParallelDownloads)) {
            if (Transfer *transfer = find(candidate.id)) {
                ++downloads;
                startDownload(*transfer);
            }
        }
    }
}

void FileTransfers::withToken(const QString &id, std::function<void()> send)
{
    // Offline until now, or the token ran out meanwhile: refresh first, as Session does for its
    // own requests.
    if (m_session && !m_session->hasValidAccessToken() && !m_session->refreshToken().isEmpty()) {
        QPointer<FileTransfers> self(this);
        m_session->refresh([self, id, send](const Result<void> &refreshed) {
            if (!self || (!id.isEmpty() && (!self->find(id) || !self->m_running.contains(id))))
                return;
            if (id.isEmpty()) {
                // Not a transfer (a delete): the request itself reports what went wrong.
                send();
                return;
            }
            if (!refreshed) {
                self->networkTrouble(id, refreshed.error());
                return;
            }
            send();
        });
        return;
    }
    send();
}

void FileTransfers::startUpload(Transfer &transfer)
{
    auto *file = new QFile(transfer.localPath);
    if (!file->open(QIODevice::ReadOnly)) {
        const QString reason = file->errorString();
        delete file;
        failForGood(
            transfer,
            tr("%1 can no longer be read (%2). Attach it again.").arg(transfer.name, reason));
        return;
    }
    transfer.state = State::Running;
    transfer.bytesTotal = file->size();
    transfer.bytesDone = 0;
    ++transfer.attempts;
    auto *running = new Running;
    running->file = file;
    m_running.insert(transfer.id, running);
    m_uploadRunning = true;
    Q_EMIT transferChanged(transfer.id);
    sendUpload(transfer.id, false);
}

void FileTransfers::sendUpload(const QString &id, bool retried)
{
    withToken(id, [this, id, retried] {
        Transfer *transfer = find(id);
        Running *running = m_running.value(id);
        if (!transfer || !running)
            return;
        if (!m_session || !m_session->api()) {
            networkTrouble(
                id, Error(QString::fromLatin1(ErrorCode::Unauthorized), tr("Not logged in.")));
            return;
        }
        running->file->seek(0);
        QUrlQuery query;
        if (!transfer->courseId.isEmpty())
            query.addQueryItem(QStringLiteral("courseId"), transfer->courseId);
        else
            query.addQueryItem(QStringLiteral("access"), QStringLiteral("organization"));
        const QString path
            = QStringLiteral("/api/v1/files/upload?") + query.toString(QUrl::FullyEncoded);
        // The type is the server's to find out from the bytes; the name says the rest.
        const QList<std::pair<QByteArray, QByteArray>> headers {
            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/octet-stream")},
            {QByteArrayLiteral("X-File-Name"), QUrl::toPercentEncoding(transfer->name)},
            {QByteArrayLiteral("Content-Length"), QByteArray::number(running->file->size())},
            {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
        };
        QNetworkReply *reply = m_session->api()->sendRaw(QByteArrayLiteral("POST"), path, headers,
                                                         running->file, uploadTimeoutMs);
        running->reply = reply;
        connect(reply, &QNetworkReply::uploadProgress, this, [this, id](qint64 sent, qint64 total) {
            Transfer *transfer = find(id);
            if (!transfer || total <= 0)
                return;
            transfer->bytesDone = sent;
            transfer->bytesTotal = total;
            Q_EMIT transferProgress(id, sent, total);
        });
        connect(reply, &QNetworkReply::finished, this,
                [this, id, reply, retried] { finishUpload(id, reply, retried); });
    });
}

QString FileTransfers::refusalMessage(const Transfer &transfer, const Error &error) const
{
    const QString code = error.code;
    if (code == QLatin1StringView(ErrorCode::PayloadTooLarge)) {
        const qint64 limit = error.details.value(u"maxBytes").toInteger();
        return limit > 0 ? tr("%1 is too large: the server takes files of up to %2.")
                               .arg(transfer.name, formatSize(limit))
                         : tr("%1 is too large for the server.").arg(transfer.name);
    }
    if (code == QLatin1StringView(ErrorCode::MimeMismatch))
        return tr("%1 was refused: its content (%2) does not match its name.")
            .arg(transfer.name, error.details.value(u"detected").toString());
    if (code == QLatin1StringView(ErrorCode::TypeNotAllowed)) {
        const QString detected = error.details.value(u"detected").toString();
        return detected.isEmpty()
            ? tr("%1 was refused: the server cannot tell what kind of file it is.")
                  .arg(transfer.name)
            : tr("%1 was refused: files of this type (%2) cannot be uploaded here.")
                  .arg(transfer.name, detected);
    }
    if (code == QLatin1StringView(ErrorCode::Forbidden))
        return tr("%1 was refused: you may not add files to this course.").arg(transfer.name);
    if (code == QLatin1StringView(ErrorCode::NotFound))
        return tr("%1 was refused: the course is no longer there.").arg(transfer.name);
    return error.message.isEmpty() ? tr("%1 was refused by the server.").arg(transfer.name)
                                   : tr("%1 was refused: %2").arg(transfer.name, error.message);
}

bool FileTransfers::isTransient(const Error &error, int httpStatus)
{
    // No answer, a server that is busy or broken for a moment: try again later. Anything else
    // the server said about the request itself will not change by sending it again.
    return httpStatus == 0 || httpStatus == 408 || httpStatus == 429 || httpStatus >= 500
        || error.code == QLatin1StringView(ClientErrorCode::NetworkUnreachable);
}

void FileTransfers::finishUpload(const QString &id, QNetworkReply *reply, bool retried)
{
    reply->deleteLater();
    Transfer *transfer = find(id);
    Running *running = m_running.value(id);
    if (!transfer || !running || running->reply != reply)
        return;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int httpStatus = status.isValid() ? status.toInt() : 0;
    Result<QJsonValue> result = httpStatus == 0
        ? Result<QJsonValue>(ApiClient::networkError(reply->url(), reply->errorString()))
        : ApiClient::parseResponse(httpStatus, reply->readAll(),
                                   reply->rawHeader(QByteArrayLiteral("Retry-After")));
    if (!result && !retried && httpStatus == 401 && m_session
        && !m_session->refreshToken().isEmpty()) {
        // The access token ran out on the way: once more with a fresh one.
        QPointer<FileTransfers> self(this);
        m_session->refresh([self, id](const Result<void> &refreshed) {
            if (!self || !self->m_running.contains(id))
                return;
            if (!refreshed)
                self->networkTrouble(id, refreshed.error());
            else
                self->sendUpload(id, true);
        });
        return;
    }
    m_uploadRunning = false;
    delete m_running.take(id);
    if (result) {
        const QJsonObject record = result->toObject();
        const QString fileId = record.value(u"id").toString();
        qCInfo(lcFiles) << "uploaded" << transfer->name << "as" << fileId;
        keepUploadedCopy(*transfer, record);
        transfer->fileId = fileId;
        transfer->state = State::Finished;
        transfer->bytesDone = transfer->bytesTotal;
        m_backoffMs = 0;
        Q_EMIT transferChanged(id);
        Q_EMIT uploadFinished(id, fileId);
        removeTransfer(id);
        // The record comes by pull: ask for it now rather than at the next change event.
        if (m_sync)
            m_sync->syncNow();
        schedule();
        return;
    }
    if (isTransient(result.error(), httpStatus) || Session::isAuthFailure(result.error())) {
        networkTrouble(id, result.error(), false);
        return;
    }
    qCInfo(lcFiles) << "upload refused" << transfer->name << result.error().code;
    failForGood(*transfer, refusalMessage(*transfer, result.error()));
    schedule();
}

void FileTransfers::keepUploadedCopy(const Transfer &transfer, const QJsonObject &record)
{
    const QString fileId = record.value(u"id").toString();
    if (fileId.isEmpty() || transfer.bytesTotal > keepUploadedUpTo)
        return;
    const QString folder = fileFolder(fileId);
    QDir().mkpath(folder);
    const QString name = safeFileName(record.value(u"originalName").toString());
    const QString target = QDir(folder).filePath(name.isEmpty() ? fileId : name);
    if (QFile::copy(transfer.localPath, target)) {
        m_cachedPaths.insert(fileId, target);
        Q_EMIT downloaded(fileId);
        Q_EMIT cacheChanged();
    }
}

void FileTransfers::networkTrouble(const QString &id, const Error &error, bool dropRunning)
{
    Transfer *transfer = find(id);
    if (!transfer)
        return;
    if (dropRunning) {
        if (transfer->kind == Kind::Upload && m_running.contains(id))
            m_uploadRunning = false;
        delete m_running.take(id);
    }
    if (transfer->kind == Kind::Download && isCached(transfer->fileId)) {
        // Offline with a copy here: the copy will do.
        finishDownloadOk(*transfer);
        return;
    }
    // The session is over (refresh refused) or the server is away: wait and try again.
    qCInfo(lcFiles) << transfer->name << "waits:" << error.code;
    waitForConnection(*transfer,
                      Session::isAuthFailure(error) ? tr("Waiting for you to log in again")
                                                    : tr("Waiting for connection"));
}

void FileTransfers::waitForConnection(Transfer &transfer, const QString &message)
{
    transfer.state = State::Waiting;
    transfer.error = message;
    Q_EMIT transferChanged(transfer.id);
    if (m_retryTimer.isActive())
        return;
    m_backoffMs = m_backoffMs == 0 ? m_options.minBackoffMs
                                   : std::min(m_backoffMs * 2, m_options.maxBackoffMs);
    // Jitter, so that a classroom of laptops does not come back all at once.
    const int jitter = int(QRandomGenerator::global()->bounded(m_backoffMs / 4 + 1));
    m_retryTimer.start(m_backoffMs + jitter);
}

void FileTransfers::failForGood(Transfer &transfer, const QString &message)
{
    transfer.state = State::Failed;
    transfer.error = message;
    const QString id = transfer.id;
    const Kind kind = transfer.kind;
    const QString fileId = transfer.fileId;
    if (kind == Kind::Upload)
        saveQueue();
    Q_EMIT transferChanged(id);
    Q_EMIT transferFailed(id, message);
    if (kind == Kind::Download) {
        m_openWhenDownloaded.removeAll(fileId);
        // A download that cannot be had is not kept as a failure to dismiss; the course run
        // notes it.
        removeTransfer(id);
        noteCourseProgress(fileId, false);
    }
}

// --- Downloads

QString FileTransfers::fileFolder(const QString &fileId) const
{
    return QDir(cacheDir()).filePath(safeFileName(fileId));
}

QString FileTransfers::cachedPath(const QString &fileId) const
{
    if (fileId.isEmpty() || cacheDir().isEmpty())
        return {};
    if (const auto it = m_cachedPaths.constFind(fileId); it != m_cachedPaths.constEnd()) {
        if (it->isEmpty() || QFile::exists(*it))
            return *it;
    }
    QString found;
    const QDir folder(fileFolder(fileId));
    const QStringList names = folder.entryList(QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &name : names) {
        if (name != partName) {
            found = folder.filePath(name);
            break;
        }
    }
    m_cachedPaths.insert(fileId, found);
    return found;
}

std::optional<LocalRecord> FileTransfers::fileRecord(const QString &fileId) const
{
    if (!m_sync || !m_sync->store())
        return std::nullopt;
    return m_sync->store()->record(fileEntity, fileId);
}

std::optional<FileTransfers::Transfer> FileTransfers::downloadOf(const QString &fileId) const
{
    for (const Transfer &transfer : m_transfers) {
        if (transfer.kind == Kind::Download && transfer.fileId == fileId)
            return transfer;
    }
    return std::nullopt;
}

QString FileTransfers::download(const QString &fileId)
{
    ensureAccount();
    if (fileId.isEmpty() || m_cacheDir.isEmpty())
        return {};
    if (const auto running = downloadOf(fileId))
        return running->id;
    Transfer transfer;
    transfer.id = createUuidV7String();
    transfer.kind = Kind::Download;
    transfer.fileId = fileId;
    transfer.queuedAt = QDateTime::currentDateTimeUtc();
    if (const auto record = fileRecord(fileId)) {
        transfer.name = record->fields.value(u"originalName").toString();
        transfer.courseId = record->fields.value(u"courseId").toString();
        transfer.bytesTotal = record->fields.value(u"size").toInteger(-1);
    }
    if (transfer.name.isEmpty())
        transfer.name = tr("File");
    m_transfers.append(transfer);
    Q_EMIT transferAdded(transfer.id);
    schedule();
    return transfer.id;
}

void FileTransfers::startDownload(Transfer &transfer)
{
    const QString folder = fileFolder(transfer.fileId);
    if (!QDir().mkpath(folder)) {
        failForGood(transfer,
                    tr("%1 cannot be saved on this computer (%2).")
                        .arg(transfer.name, QDir::toNativeSeparators(folder)));
        return;
    }
    transfer.state = State::Running;
    ++transfer.attempts;
    auto *running = new Running;
    running->file = new QFile(QDir(folder).filePath(partName));
    m_running.insert(transfer.id, running);
    Q_EMIT transferChanged(transfer.id);
    sendDownload(transfer.id, false);
}

void FileTransfers::sendDownload(const QString &id, bool retried)
{
    withToken(id, [this, id, retried] {
        Transfer *transfer = find(id);
        Running *running = m_running.value(id);
        if (!transfer || !running)
            return;
        if (!m_session || !m_session->api()) {
            networkTrouble(
                id, Error(QString::fromLatin1(ErrorCode::Unauthorized), tr("Not logged in.")));
            return;
        }
        const QString sha = fileRecord(transfer->fileId)
            ? fileRecord(transfer->fileId)->fields.value(u"sha256").toString()
            : QString();
        const QByteArray etag = sha.isEmpty() ? QByteArray() : '"' + sha.toLatin1() + '"';
        QList<std::pair<QByteArray, QByteArray>> headers;
        running->offset = 0;
        running->hashing = true;
        running->hash.reset();
        if (isCached(transfer->fileId)) {
            // The bytes under an id never change: the server only confirms we may still read
            // them (304), without sending them again.
            if (!etag.isEmpty())
                headers.append({QByteArrayLiteral("If-None-Match"), etag});
        } else if (!etag.isEmpty() && running->file->exists() && running->file->size() > 0) {
            // Carry on where an interrupted download stopped.
            running->offset = running->file->size();
            headers.append(
                {QByteArrayLiteral("Range"), "bytes=" + QByteArray::number(running->offset) + '-'});
            headers.append({QByteArrayLiteral("If-Range"), etag});
            running->hashing = false;
        }
        QNetworkReply *reply = m_session->api()->sendRaw(
            QByteArrayLiteral("GET"),
            QStringLiteral("/api/v1/files/%1/download").arg(transfer->fileId), headers, nullptr,
            downloadTimeoutMs);
        running->reply = reply;
        connect(reply, &QNetworkReply::metaDataChanged, this,
                [this, id, reply] { onDownloadHead(id, reply); });
        connect(reply, &QNetworkReply::readyRead, this,
                [this, id, reply] { onDownloadData(id, reply); });
        connect(reply, &QNetworkReply::downloadProgress, this,
                [this, id](qint64 received, qint64 total) {
                    Transfer *transfer = find(id);
                    Running *running = m_running.value(id);
                    if (!transfer || !running)
                        return;
                    transfer->bytesDone = running->offset + received;
                    if (total > 0)
                        transfer->bytesTotal = running->offset + total;
                    Q_EMIT transferProgress(id, transfer->bytesDone, transfer->bytesTotal);
                    noteCourseProgress(transfer->fileId, true, false);
                });
        connect(reply, &QNetworkReply::finished, this,
                [this, id, reply, retried] { finishDownload(id, reply, retried); });
    });
}

void FileTransfers::onDownloadHead(const QString &id, QNetworkReply *reply)
{
    Running *running = m_running.value(id);
    Transfer *transfer = find(id);
    if (!running || !transfer || running->reply != reply || running->file->isOpen())
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return;
    if (status == 200) {
        // The whole file (a fresh download, or the server ignored the range).
        running->offset = 0;
        running->hashing = true;
        running->hash.reset();
    }
    const QString name
        = dispositionName(reply->rawHeader(QByteArrayLiteral("Content-Disposition")));
    if (!name.isEmpty() && transfer->name == tr("File"))
        transfer->name = name;
    const QIODevice::OpenMode mode = status == 206 ? QIODevice::WriteOnly | QIODevice::Append
                                                   : QIODevice::WriteOnly | QIODevice::Truncate;
    if (!running->file->open(mode))
        qCWarning(lcFiles) << "cannot write" << running->file->fileName()
                           << running->file->errorString();
}

void FileTransfers::onDownloadData(const QString &id, QNetworkReply *reply)
{
    Running *running = m_running.value(id);
    if (!running || running->reply != reply)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return; // an error's JSON, read when it finishes
    if (!running->file->isOpen())
        onDownloadHead(id, reply);
    const QByteArray data = reply->readAll();
    if (running->hashing)
        running->hash.addData(data);
    if (running->file->isOpen() && running->file->write(data) != data.size()) {
        qCWarning(lcFiles) << "cannot write" << running->file->fileName()
                           << running->file->errorString();
        ApiClient::cancel(reply);
        if (Transfer *transfer = find(id))
            failForGood(*transfer,
                        tr("%1 cannot be saved on this computer: %2")
                            .arg(transfer->name, running->file->errorString()));
        delete m_running.take(id);
        schedule();
    }
}

void FileTransfers::finishDownload(const QString &id, QNetworkReply *reply, bool retried)
{
    reply->deleteLater();
    Transfer *transfer = find(id);
    Running *running = m_running.value(id);
    if (!transfer || !running || running->reply != reply)
        return;
    const QVariant statusValue = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const int status = statusValue.isValid() ? statusValue.toInt() : 0;
    if (status == 200 || status == 206) {
        onDownloadData(id, reply);
        running = m_running.value(id);
        if (!running)
            return; // failed writing
    }
    const QString fileId = transfer->fileId;

    if (status == 304) {
        delete m_running.take(id);
        finishDownloadOk(*transfer);
        return;
    }
    if (status == 200 || status == 206) {
        running->file->close();
        const QString partPath = running->file->fileName();
        const QString sha = fileRecord(fileId)
            ? fileRecord(fileId)->fields.value(u"sha256").toString()
            : QString();
        if (!running->hashing) {
            // Resumed: the earlier part never went through the hash.
            QFile whole(partPath);
            if (whole.open(QIODevice::ReadOnly)) {
                running->hash.reset();
                running->hash.addData(&whole);
            }
        }
        const QString got = QString::fromLatin1(running->hash.result().toHex());
        delete m_running.take(id);
        if (!sha.isEmpty() && got != sha) {
            QFile::remove(partPath);
            qCWarning(lcFiles) << "download of" << fileId << "does not match its sha256";
            if (!retried) {
                if (Transfer *again = find(id)) {
                    again->state = State::Queued;
                    schedule();
                }
                return;
            }
            failForGood(*transfer, tr("%1 arrived damaged. Try again.").arg(transfer->name));
            return;
        }
        QString name = safeFileName(transfer->name);
        if (name.isEmpty())
            name = fileId;
        const QString target = QDir(fileFolder(fileId)).filePath(name);
        QFile::remove(target);
        if (!QFile::rename(partPath, target)) {
            failForGood(*transfer, tr("%1 cannot be saved on this computer.").arg(transfer->name));
            return;
        }
        m_cachedPaths.insert(fileId, target);
        finishDownloadOk(*transfer);
        Q_EMIT cacheChanged();
        return;
    }
    if (running->file->isOpen())
        running->file->close();
    Result<QJsonValue> error = status == 0
        ? Result<QJsonValue>(ApiClient::networkError(reply->url(), reply->errorString()))
        : ApiClient::parseResponse(status, reply->readAll());
    if (status == 401 && !retried && m_session && !m_session->refreshToken().isEmpty()) {
        QPointer<FileTransfers> self(this);
        m_session->refresh([self, id](const Result<void> &refreshed) {
            if (!self || !self->m_running.contains(id))
                return;
            if (!refreshed)
                self->networkTrouble(id, refreshed.error());
            else
                self->sendDownload(id, true);
        });
        return;
    }
    if (status == 416 && !retried) {
        // The part file is not a beginning of this file: start again.
        QFile::remove(running->file->fileName());
        sendDownload(id, true);
        return;
    }
    delete m_running.take(id);
    if (isTransient(error.error(), status) || Session::isAuthFailure(error.error())) {
        networkTrouble(id, error.error(), false);
        return;
    }
    failForGood(
        *transfer,
        status == 404
            ? tr("%1 is no longer on the server, or you may no longer open it.").arg(transfer->name)
            : tr("%1 could not be downloaded: %2").arg(transfer->name, error.error().message));
    schedule();
}

void FileTransfers::finishDownloadOk(Transfer &transfer)
{
    const QString id = transfer.id;
    const QString fileId = transfer.fileId;
    transfer.state = State::Finished;
    if (transfer.bytesTotal >= 0)
        transfer.bytesDone = transfer.bytesTotal;
    Q_EMIT transferChanged(id);
    removeTransfer(id);
    Q_EMIT downloaded(fileId);
    noteCourseProgress(fileId, true);
    if (m_openWhenDownloaded.removeAll(fileId) > 0)
        openCached(fileId);
    schedule();
}

void FileTransfers::open(const QString &fileId)
{
    if (isCached(fileId)) {
        openCached(fileId);
        return;
    }
    if (!m_openWhenDownloaded.contains(fileId))
        m_openWhenDownloaded.append(fileId);
    download(fileId);
}

void FileTransfers::openCached(const QString &fileId)
{
    const QString path = cachedPath(fileId);
    if (path.isEmpty())
        return;
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
        Q_EMIT transferFailed(
            QString(), tr("No program on this computer opens %1.").arg(QFileInfo(path).fileName()));
}

void FileTransfers::deleteFile(const QString &fileId)
{
    if (!m_session || !m_session->api() || fileId.isEmpty())
        return;
    const QString name = fileRecord(fileId)
        ? fileRecord(fileId)->fields.value(u"originalName").toString()
        : tr("The file");
    auto send = [this, fileId, name](auto &&self, bool retried) -> void {
        QNetworkReply *reply = m_session->api()->sendRaw(
            QByteArrayLiteral("DELETE"), QStringLiteral("/api/v1/files/%1").arg(fileId),
            {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}});
        connect(reply, &QNetworkReply::finished, this, [=, this] {
            reply->deleteLater();
            const QVariant statusValue = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
            const int status = statusValue.isValid() ? statusValue.toInt() : 0;
            if (status == 401 && !retried && m_session && !m_session->refreshToken().isEmpty()) {
                m_session->refresh([=](const Result<void> &refreshed) {
                    if (refreshed)
                        self(self, true);
                    else
                        Q_EMIT deleteFinished(fileId, false, refreshed.error().message);
                });
                return;
            }
            if (status == 0) {
                Q_EMIT deleteFinished(
                    fileId, false,
                    tr("%1 can be deleted once the server can be reached.").arg(name));
                return;
            }
            const Result<QJsonValue> result = ApiClient::parseResponse(status, reply->readAll());
            // Gone already is what was asked for.
            if (!result && status != 404) {
                Q_EMIT deleteFinished(
                    fileId, false,
                    status == 403
                        ? tr("You may not delete %1.").arg(name)
                        : tr("%1 could not be deleted: %2").arg(name, result.error().message));
                return;
            }
            QDir(fileFolder(fileId)).removeRecursively();
            m_cachedPaths.remove(fileId);
            Q_EMIT cacheChanged();
            Q_EMIT deleteFinished(fileId, true, QString());
            if (m_sync)
                m_sync->syncNow();
        });
    };
    withToken(QString(), [send] { send(send, false); });
}

// --- Courses

QStringList FileTransfers::courseFileIds(const QString &courseId) const
{
    const_cast<FileTransfers *>(this)->ensureAccount();
    if (!m_sync || !m_sync->store() || courseId.isEmpty())
        return {};
    // Dashboards ask for every course again and again; the answer only changes with sync.
    if (const auto cached = m_courseFiles.constFind(courseId); cached != m_courseFiles.constEnd())
        return *cached;
    QStringList ids;
    QSet<QString> known;
    const LocalStore *store = m_sync->store();
    for (const LocalRecord &file : store->list(fileEntity, LocalStore::Read::Summary)) {
        known.insert(file.id);
        if (file.fields.value(u"courseId").toString() == courseId)
            ids.append(file.id);
    }
    // Items may point at organisation files too (summaries: never the lessons' bodies).
    for (const LocalRecord &module :
         store->children(Entities::module().name, courseId, LocalStore::Read::Summary)) {
        for (const LocalRecord &item :
             store->children(Entities::content().name, module.id, LocalStore::Read::Summary)) {
            const QString fileId = item.fields.value(u"fileId").toString();
            if (!fileId.isEmpty() && known.contains(fileId) && !ids.contains(fileId))
                ids.append(fileId);
        }
    }
    m_courseFiles.insert(courseId, ids);
    return ids;
}

qint64 FileTransfers::fileSize(const QString &fileId) const
{
    const auto record = fileRecord(fileId);
    return record ? std::max<qint64>(0, record->fields.value(u"size").toInteger()) : 0;
}

qint64 FileTransfers::courseDownloadSize(const QString &courseId) const
{
    qint64 total = 0;
    for (const QString &fileId : courseFileIds(courseId)) {
        if (!isCached(fileId))
            total += fileSize(fileId);
    }
    return total;
}

qint64 FileTransfers::cachedBytes(const QString &courseId) const
{
    qint64 total = 0;
    for (const QString &fileId : courseFileIds(courseId)) {
        if (const QString path = cachedPath(fileId); !path.isEmpty())
            total += QFileInfo(path).size();
    }
    return total;
}

bool FileTransfers::isCourseDownloaded(const QString &courseId) const
{
    const QStringList ids = courseFileIds(courseId);
    return std::all_of(ids.begin(), ids.end(),
                       [this](const QString &fileId) { return isCached(fileId); });
}

bool FileTransfers::isDownloadingCourse(const QString &courseId) const
{
    return m_courseRuns.contains(courseId);
}

void FileTransfers::downloadCourse(const QString &courseId)
{
    ensureAccount();
    if (m_courseRuns.contains(courseId))
        return;
    CourseRun run;
    for (const QString &fileId : courseFileIds(courseId)) {
        if (isCached(fileId))
            continue;
        run.pending.append(fileId);
        run.total += fileSize(fileId);
    }
    if (run.pending.isEmpty()) {
        Q_EMIT courseDownloadProgress(courseId, 0, 0);
        Q_EMIT courseDownloadFinished(courseId, true);
        return;
    }
    m_courseRuns.insert(courseId, run);
    Q_EMIT courseDownloadProgress(courseId, 0, run.total);
    for (const QString &fileId : std::as_const(run.pending))
        download(fileId);
}

void FileTransfers::cancelCourseDownload(const QString &courseId)
{
    const auto it = m_courseRuns.constFind(courseId);
    if (it == m_courseRuns.constEnd())
        return;
    const QStringList pending = it->pending;
    m_courseRuns.remove(courseId);
    for (const QString &fileId : pending) {
        if (const auto transfer = downloadOf(fileId))
            cancel(transfer->id);
    }
    Q_EMIT courseDownloadFinished(courseId, false);
}

void FileTransfers::removeCourseDownload(const QString &courseId)
{
    cancelCourseDownload(courseId);
    for (const QString &fileId : courseFileIds(courseId)) {
        if (const auto transfer = downloadOf(fileId))
            cancel(transfer->id);
        QDir(fileFolder(fileId)).removeRecursively();
        m_cachedPaths.remove(fileId);
    }
    Q_EMIT cacheChanged();
}

void FileTransfers::noteCourseProgress(const QString &fileId, bool ok, bool finished)
{
    for (auto it = m_courseRuns.begin(); it != m_courseRuns.end();) {
        CourseRun &run = it.value();
        if (!run.pending.contains(fileId)) {
            ++it;
            continue;
        }
        if (finished) {
            run.pending.removeAll(fileId);
            if (ok)
                run.done += fileSize(fileId);
            else
                run.failed = true;
        }
        qint64 running = 0;
        for (const QString &pendingId : std::as_const(run.pending)) {
            if (const auto transfer = downloadOf(pendingId); transfer && transfer->bytesDone > 0)
                running += transfer->bytesDone;
        }
        const QString courseId = it.key();
        const qint64 done = std::min(run.total, run.done + running);
        Q_EMIT courseDownloadProgress(courseId, done, run.total);
        if (run.pending.isEmpty()) {
            const bool complete = !run.failed;
            it = m_courseRuns.erase(it);
            Q_EMIT courseDownloadFinished(courseId, complete);
        } else {
            ++it;
        }
    }
}

QString FileTransfers::formatSize(qint64 bytes)
{
    return QLocale().formattedDataSize(std::max<qint64>(0, bytes), 1,
                                       QLocale::DataSizeTraditionalFormat);
}

} // namespace Lectern::Client
