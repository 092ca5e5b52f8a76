#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <functional>
#include <lectern/client/sync/localstore.h>
#include <optional>

class QNetworkReply;

namespace Lectern {
struct Error;
}

namespace Lectern::Client {

class Session;
class SyncController;

// Moves course files between this computer and the server (docs/api-reference.md, "Files").
//
// Uploads wait in a queue kept in a file beside the account's offline store, so files attached
// offline survive a restart and go out once the server answers; each streams from disk. A
// refusal by the server (too large, a type it does not take) is final and said in words; a
// network failure is tried again with back-off. The `file` record of an upload arrives later by
// sync, like everything else.
//
// Downloads go to a cache folder, one folder per file (`<cacheDir>/<fileId>/<its name>`), which
// is what cachedPath() gives to image views and the system viewer. A whole course can be
// downloaded for offline use and removed again.
//
// Every function is for the thread the object lives in (the UI thread).
class FileTransfers : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Upload, Download };
    enum class State {
        Queued,  // waiting its turn
        Waiting, // the server cannot be reached: goes out when it can
        Running,
        Finished,
        Failed, // refused for good; `error` says why
    };

    // One upload or download the user may see in a list.
    struct Transfer
    {
        QString id;
        Kind kind = Kind::Upload;
        State state = State::Queued;
        QString name;      // the file's name as the user knows it
        QString localPath; // uploads: the file on this computer
        QString courseId;  // uploads: where it goes; downloads: empty when not known
        QString fileId;    // downloads; uploads once the server made the record
        qint64 bytesDone = 0;
        qint64 bytesTotal = -1; // -1 while unknown
        QString error;          // in words, when Failed (or the last try's, when Waiting)
        int attempts = 0;
        QDateTime queuedAt;
    };

    struct Options
    {
        int minBackoffMs = 1000;
        int maxBackoffMs = 60000;
        int maxParallelDownloads = 3;
    };

    // `cacheDir` holds downloaded files; empty: a "files" folder beside the account's offline
    // store. The upload queue lives beside the offline store (sync->store()->path()); when the
    // controller starts for another account, the queue and cache of that account are used.
    FileTransfers(Session *session, SyncController *sync, const QString &cacheDir,
                  QObject *parent = nullptr);
    ~FileTransfers() override;

    void setOptions(const Options &options) { m_options = options; }

    // --- Uploads
    // Queues `localPath` for the course (an organisation file when `courseId` is empty); returns
    // the transfer id, or an empty string (and transferFailed()) when the file cannot be read.
    QString queueUpload(const QString &localPath, const QString &courseId);
    // Uploads of `courseId` not finished yet (queued, waiting, running, failed), oldest first.
    QList<Transfer> uploads(const QString &courseId) const;
    // Forgets a failed upload (a cancelled or finished one is forgotten by itself).
    void dismiss(const QString &id);

    // --- Downloads
    // Fetches the file into the cache (revalidating a cached copy with If-None-Match when online);
    // downloaded() when it is there. Returns the transfer id (the same one while it runs).
    QString download(const QString &fileId);
    // The cached file, or an empty string when it is not on this computer.
    QString cachedPath(const QString &fileId) const;
    bool isCached(const QString &fileId) const { return !cachedPath(fileId).isEmpty(); }
    // Opens the file with the system's viewer, downloading it first when needed.
    void open(const QString &fileId);
    // The running or queued download of `fileId`, if any.
    std::optional<Transfer> downloadOf(const QString &fileId) const;

    // Deletes the file on the server (its record leaves by sync) and the copy here; needs the
    // server. deleteFinished() says how it went.
    void deleteFile(const QString &fileId);

    // --- Whole courses, for offline use
    // The course's files: its `file` records, and the files its items point at.
    QStringList courseFileIds(const QString &courseId) const;
    // Bytes still to download to have every file of the course here.
    qint64 courseDownloadSize(const QString &courseId) const;
    // Bytes the course's files take in the cache.
    qint64 cachedBytes(const QString &courseId) const;
    bool isCourseDownloaded(const QString &courseId) const;
    bool isDownloadingCourse(const QString &courseId) const;
    void downloadCourse(const QString &courseId);
    void cancelCourseDownload(const QString &courseId);
    // Deletes the course's cached files (and stops its download).
    void removeCourseDownload(const QString &courseId);

    // Any transfer (an upload is forgotten, with its queued copy; a download stops and keeps
    // nothing).
    void cancel(const QString &id);
    std::optional<Transfer> transfer(const QString &id) const;
    // Every transfer this object knows, uploads and downloads, in queue order.
    QList<Transfer> transfers() const;

    QString cacheDir() const;
    QString queuePath() const;

    // The byte count in words ("1.2 MB").
    static QString formatSize(qint64 bytes);

public Q_SLOTS:
    // The server may be reachable again: try waiting uploads now.
    void retryNow();

Q_SIGNALS:
    void transferAdded(const QString &id);
    void transferChanged(const QString &id);
    void transferProgress(const QString &id, qint64 bytesDone, qint64 bytesTotal);
    void uploadFinished(const QString &id, const QString &fileId);
    // Said once per refusal; a network failure that will be retried is transferChanged() with
    // state Waiting.
    void transferFailed(const QString &id, const QString &message);
    void transferRemoved(const QString &id);
    void downloaded(const QString &fileId);
    // `message` says why, in words, when it did not work.
    void deleteFinished(const QString &fileId, bool ok, const QString &message);
    void courseDownloadProgress(const QString &courseId, qint64 done, qint64 total);
    void courseDownloadFinished(const QString &courseId, bool complete);
    // The cache changed (a file arrived or was removed).
    void cacheChanged();

private:
    struct Running;
    struct CourseRun
    {
        QStringList pending; // file ids still to come
        qint64 done = 0;     // bytes of the files that arrived
        qint64 total = 0;
        bool failed = false;
    };

    void ensureAccount();
    void loadQueue();
    void saveQueue() const;
    Transfer *find(const QString &id);
    bool hasWaiting() const;
    void schedule(int delayMs = 0);
    void pump();
    // Runs `send` once the session has an access token that has not run out.
    void withToken(const QString &id, std::function<void()> send);
    void startUpload(Transfer &transfer);
    void sendUpload(const QString &id, bool retried);
    void finishUpload(const QString &id, QNetworkReply *reply, bool retried);
    void keepUploadedCopy(const Transfer &transfer, const QJsonObject &record);
    QString refusalMessage(const Transfer &transfer, const Error &error) const;
    static bool isTransient(const Error &error, int httpStatus);
    void startDownload(Transfer &transfer);
    void sendDownload(const QString &id, bool retried);
    void onDownloadHead(const QString &id, QNetworkReply *reply);
    void onDownloadData(const QString &id, QNetworkReply *reply);
    void finishDownload(const QString &id, QNetworkReply *reply, bool retried);
    void finishDownloadOk(Transfer &transfer);
    // No answer (or no session): the transfer waits and everything waiting is tried again
    // after a back-off.
    void networkTrouble(const QString &id, const Error &error, bool dropRunning = true);
    void waitForConnection(Transfer &transfer, const QString &message);
    void failForGood(Transfer &transfer, const QString &message);
    void removeTransfer(const QString &id);
    // A download of `fileId` moved (`finished`: it ended, well when `ok`).
    void noteCourseProgress(const QString &fileId, bool ok, bool finished = true);
    void openCached(const QString &fileId);
    std::optional<LocalRecord> fileRecord(const QString &fileId) const;
    qint64 fileSize(const QString &fileId) const;
    QString fileFolder(const QString &fileId) const;

    QPointer<Session> m_session;
    QPointer<SyncController> m_sync;
    QString m_cacheDirOption;
    QString m_accountPath; // the store the queue and cache belong to
    QString m_cacheDir;
    QString m_queuePath;
    Options m_options;
    QList<Transfer> m_transfers; // uploads (persisted) and downloads, in queue order
    QHash<QString, Running *> m_running;
    QHash<QString, CourseRun> m_courseRuns;
    QStringList m_openWhenDownloaded;
    mutable QHash<QString, QString> m_cachedPaths;     // fileId -> path; "" when known missing
    mutable QHash<QString, QStringList> m_courseFiles; // courseId -> courseFileIds()
    QTimer m_pumpTimer;
    QTimer m_retryTimer; // back-off for what waits for the server
    int m_backoffMs = 0;
    bool m_uploadRunning = false;
    bool m_wasOnline = false;
};

} // namespace Lectern::Client
