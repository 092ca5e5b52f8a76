#pragma once

#include "learneroutline.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QPointer>
#include <QTimer>
#include <functional>

namespace Lectern::Client {

class FileTransfers;
class SyncController;

// The Learn dashboard's courses, read from the offline store.
//
// First the courses the user studies (a student enrollment of theirs that is not dropped or
// waitlisted, in a published course), most recently studied first, each with its progress
// from the user's progress events (percent, items done, time spent) and what to do next. Then,
// for staff, the other courses of the store (those they teach, or every course of the
// organisation for an admin; archived ones left out), by title, to preview as a student: those
// have no progress, since a preview records none.
//
// With FileTransfers set, studied courses also say whether they are downloaded for offline use,
// what that would take, and how far a running download is.
class DashboardModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Kind { Studying, Preview };
    Q_ENUM(Kind)
    enum class Download { Unavailable, NotDownloaded, Downloading, Downloaded };
    Q_ENUM(Download)

    enum Role {
        IdRole = Qt::UserRole + 1,
        CodeRole,
        TermRole,
        KindRole,           // Kind
        PercentRole,        // int 0..100
        CompletedItemsRole, // int
        TotalItemsRole,     // int
        SecondsSpentRole,   // qint64
        NextItemIdRole,     // what "Continue" opens; empty when nothing is open
        NextItemTitleRole,
        ContinueTextRole,      // "Continue: Ownership", "Start: Intro", "Completed"...
        ContinueBriefTextRole, // a shorter ContinueTextRole where it does not fit; may be empty
        SummaryTextRole,       // "3 of 7 done · 1 h 20 min spent"
        LastActivityRole,      // QDateTime
        DownloadRole,          // Download
        DownloadSizeRole,      // qint64: bytes still to download
        CachedBytesRole,       // qint64: bytes the course takes in the cache
        DownloadDoneRole,      // qint64, while downloading
        DownloadTotalRole,     // qint64, while downloading
        DownloadTextRole,      // the download button's words
    };
    Q_ENUM(Role)

    explicit DashboardModel(SyncController *sync, QObject *parent = nullptr);

    void setFileTransfers(FileTransfers *files);
    // The clock locks are judged by (tests set their own).
    void setClock(std::function<QDateTime()> clock);

    // Courses the user studies (the first rows); the rest are previews.
    int studyingCount() const;
    QModelIndex indexOf(const QString &courseId) const;
    QString courseIdAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Whether the view showing the model is on screen. A hidden one (the Learn workspace while
    // an instructor writes in Author) does not read the store at every save: it notes that it
    // is behind and reads once it is shown again.
    void setActive(bool active);
    bool isActive() const { return m_active; }

public Q_SLOTS:
    void refresh();

private:
    struct Row
    {
        QString id;
        QString code;
        QString title;
        QString term;
        Kind kind = Kind::Studying;
        QString staffRole; // Preview: "instructor", "ta", or empty (an administrator's course)
        int percent = 0;
        int completed = 0;
        int total = 0;
        bool requiredOnly = false; // only the required items count
        qint64 seconds = 0;
        bool started = false;
        QString nextId;
        QString nextTitle;
        QDateTime lastActivity;
        Download download = Download::Unavailable;
        qint64 downloadSize = 0;
        qint64 cachedBytes = 0;
        qint64 downloadDone = 0;
        qint64 downloadTotal = 0;

        bool operator==(const Row &other) const = default;
    };

    // With downloads: what FileTransfers says of each course (it looks at the disk).
    QList<Row> load(bool withDownloads) const;
    // New progress events only: outlines (cached) and downloads stay.
    void refreshProgress();
    void update(QList<Row> after);
    void fillDownload(Row &row) const;
    void refreshDownloads();

    QPointer<SyncController> m_sync;
    QPointer<FileTransfers> m_files;
    std::function<QDateTime()> m_clock;
    QList<Row> m_rows;
    mutable QHash<QString, QList<LearnerItem>> m_items;       // courseId -> its items, in order
    QHash<QString, QPair<qint64, qint64>> m_downloadProgress; // courseId -> (done, total)
    QTimer m_downloadsTimer;                                  // coalesces cache changes
    bool m_active = true;
    bool m_behind = false; // the store changed while inactive
};

} // namespace Lectern::Client
