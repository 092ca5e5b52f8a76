#include "dashboardmodel.h"

#include "learneroutline.h"
#include "learnformat.h"
#include "learnprogress.h"

#include <QSet>
#include <algorithm>
#include <lectern/client/files/filetransfers.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

DashboardModel::DashboardModel(SyncController *sync, QObject *parent)
    : QAbstractListModel(parent)
    , m_sync(sync)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_downloadsTimer.setSingleShot(true);
    m_downloadsTimer.setInterval(100);
    connect(&m_downloadsTimer, &QTimer::timeout, this, &DashboardModel::refreshDownloads);
    if (sync) {
        connect(sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            for (const EntitySpec *spec : {&Entities::course(), &Entities::module(),
                                           &Entities::content(), &Entities::enrollment()}) {
                if (entities.contains(spec->name)) {
                    if (m_active)
                        refresh();
                    else
                        m_behind = true;
                    return;
                }
            }
            // Events come while the learner studies: outlines and downloads stay as they are.
            if (entities.contains(Entities::progress().name))
                refreshProgress();
            if (entities.contains(Entities::file().name))
                m_downloadsTimer.start();
        });
        connect(sync, &SyncController::statusChanged, this, [this] {
            if (!m_sync || (m_sync->store() == nullptr) != m_rows.isEmpty())
                refresh();
        });
    }
    m_rows = load(true);
}

void DashboardModel::setActive(bool active)
{
    m_active = active;
    if (active && m_behind) {
        m_behind = false;
        refresh();
    }
}

void DashboardModel::setFileTransfers(FileTransfers *files)
{
    if (m_files == files)
        return;
    if (m_files)
        disconnect(m_files, nullptr, this, nullptr);
    m_files = files;
    m_downloadProgress.clear();
    if (files) {
        connect(files, &FileTransfers::courseDownloadProgress, this,
                [this](const QString &courseId, qint64 done, qint64 total) {
                    m_downloadProgress.insert(courseId, {done, total});
                    for (int i = 0; i < int(m_rows.size()); ++i) {
                        if (m_rows[i].id == courseId) {
                            fillDownload(m_rows[i]);
                            Q_EMIT dataChanged(index(i), index(i));
                        }
                    }
                });
        connect(files, &FileTransfers::courseDownloadFinished, this,
                [this](const QString &courseId) {
                    m_downloadProgress.remove(courseId);
                    refreshDownloads();
                });
        connect(files, &FileTransfers::cacheChanged, &m_downloadsTimer,
                qOverload<>(&QTimer::start));
    }
    refreshDownloads();
}

void DashboardModel::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refresh();
}

QList<DashboardModel::Row> DashboardModel::load(bool withDownloads) const
{
    QList<Row> rows;
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    if (!store)
        return rows;
    const QString me = m_sync->userId();
    QSet<QString> studying;
    QHash<QString, QString> staffRoles; // course -> "instructor" or "ta"
    for (const LocalRecord &e : store->list(Entities::enrollment().name)) {
        const QJsonObject &f = e.fields;
        if (f.value(QLatin1StringView("userId")).toString() != me
            || f.value(QLatin1StringView("status")).toString() == u"dropped"
            || f.value(QLatin1StringView("type")).toString() == u"waitlist")
            continue;
        const QString role = f.value(QLatin1StringView("role")).toString();
        if (role == u"student")
            studying.insert(e.parentId);
        else
            staffRoles.insert(e.parentId, role);
    }

    QList<Row> preview;
    QHash<QString, QHash<QString, ItemProgress>> progress;
    bool progressRead = false;
    const QDateTime now = m_clock();
    for (const LocalRecord &c : store->list(Entities::course().name)) {
        const QString status = c.fields.value(QLatin1StringView("status")).toString();
        Row row;
        row.id = c.id;
        row.code = c.fields.value(QLatin1StringView("code")).toString();
        row.title = c.fields.value(QLatin1StringView("title")).toString();
        row.term = c.fields.value(QLatin1StringView("term")).toString();
        if (!studying.contains(c.id) || status != u"published") {
            if (status == u"archived")
                continue;
            row.kind = Kind::Preview;
            row.staffRole = staffRoles.value(c.id);
            preview.append(row);
            continue;
        }
        if (!progressRead) {
            progress = LearnProgress::readByCourse(*store, me);
            progressRead = true;
        }
        auto cached = m_items.constFind(c.id);
        if (cached == m_items.cend())
            cached = m_items.insert(
                c.id, LearnerOutline::flatten(LearnerOutline::read(*store, c.id, now)));
        const QList<LearnerItem> &items = *cached;
        const QHash<QString, ItemProgress> mine = progress.value(c.id);
        const CourseProgress course = LearnProgress::course(items, mine, now);
        row.percent = course.percent;
        row.completed = course.completed;
        row.total = course.total;
        row.requiredOnly = course.requiredOnly;
        row.seconds = course.secondsSpent;
        row.lastActivity = course.lastActivityAt;
        row.started = std::any_of(items.cbegin(), items.cend(), [&](const LearnerItem &i) {
            return mine.value(i.id).events > 0;
        });
        row.nextId = course.nextItemId;
        for (const LearnerItem &i : items) {
            if (i.id == row.nextId)
                row.nextTitle = i.title;
        }
        if (withDownloads)
            fillDownload(row);
        rows.append(row);
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.lastActivity != b.lastActivity)
            return a.lastActivity > b.lastActivity; // never studied (invalid) last
        return a.title.localeAwareCompare(b.title) < 0;
    });
    std::stable_sort(preview.begin(), preview.end(), [](const Row &a, const Row &b) {
        return a.title.localeAwareCompare(b.title) < 0;
    });
    rows.append(preview);
    return rows;
}

void DashboardModel::fillDownload(Row &row) const
{
    row.downloadDone = row.downloadTotal = 0;
    if (!m_files || row.kind != Kind::Studying) {
        row.download = Download::Unavailable;
        row.downloadSize = row.cachedBytes = 0;
        return;
    }
    row.cachedBytes = m_files->cachedBytes(row.id);
    row.downloadSize = m_files->courseDownloadSize(row.id);
    if (m_files->isDownloadingCourse(row.id)) {
        row.download = Download::Downloading;
        const auto progress = m_downloadProgress.value(row.id);
        row.downloadDone = progress.first;
        row.downloadTotal = progress.second;
    } else {
        row.download
            = m_files->isCourseDownloaded(row.id) ? Download::Downloaded : Download::NotDownloaded;
    }
}

void DashboardModel::refreshDownloads()
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row row = m_rows[i];
        fillDownload(row);
        if (!(row == m_rows[i])) {
            m_rows[i] = row;
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

// Same courses in the same order: rows change in place, so a view keeps its selection.
void DashboardModel::refresh()
{
    m_items.clear();
    update(load(true));
}

void DashboardModel::refreshProgress()
{
    QList<Row> after = load(false);
    for (Row &row : after) {
        const QModelIndex before = indexOf(row.id);
        if (!before.isValid())
            continue;
        const Row &old = m_rows.at(before.row());
        row.download = old.download;
        row.downloadSize = old.downloadSize;
        row.cachedBytes = old.cachedBytes;
        row.downloadDone = old.downloadDone;
        row.downloadTotal = old.downloadTotal;
    }
    update(std::move(after));
}

void DashboardModel::update(QList<Row> after)
{
    bool sameRows = after.size() == m_rows.size();
    for (qsizetype i = 0; sameRows && i < after.size(); ++i)
        sameRows = after[i].id == m_rows[i].id && after[i].kind == m_rows[i].kind;
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(after);
        endResetModel();
        return;
    }
    for (int i = 0; i < int(after.size()); ++i) {
        if (!(after[i] == m_rows[i])) {
            m_rows[i] = after[i];
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

int DashboardModel::studyingCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
                             [](const Row &r) { return r.kind == Kind::Studying; }));
}

QModelIndex DashboardModel::indexOf(const QString &courseId) const
{
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_rows[i].id == courseId)
            return index(i);
    }
    return {};
}

QString DashboardModel::courseIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].id : QString();
}

int DashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid()
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return r.title;
    case Qt::AccessibleTextRole:
        if (r.kind == Kind::Preview)
            return tr("%1, preview as a student").arg(r.title);
        return tr("%1, %2% complete", "course title, percent").arg(r.title).arg(r.percent);
    case Qt::ToolTipRole:
        return r.code.isEmpty() ? r.title : tr("%1 — %2", "code — title").arg(r.code, r.title);
    case IdRole:
        return r.id;
    case CodeRole:
        return r.code;
    case TermRole:
        return r.term;
    case KindRole:
        return QVariant::fromValue(r.kind);
    case PercentRole:
        return r.percent;
    case CompletedItemsRole:
        return r.completed;
    case TotalItemsRole:
        return r.total;
    case SecondsSpentRole:
        return r.seconds;
    case NextItemIdRole:
        return r.nextId;
    case NextItemTitleRole:
        return r.nextTitle;
    case LastActivityRole:
        return r.lastActivity;
    case ContinueTextRole:
        if (r.kind == Kind::Preview)
            return tr("Preview as a student");
        if (r.total > 0 && r.completed >= r.total)
            return tr("Completed — well done!");
        if (r.nextId.isEmpty())
            return tr("Nothing to study yet");
        return r.started ? tr("Continue: %1").arg(r.nextTitle) : tr("Start: %1").arg(r.nextTitle);
    case ContinueBriefTextRole:
        // What the button says where the whole does not fit (a narrow card, a long language).
        if (r.kind == Kind::Preview)
            return tr("Preview", "short for: preview as a student");
        return QString();
    case SummaryTextRole:
        if (r.kind == Kind::Preview) {
            // Who they are in it, as the people it concerns would say.
            if (r.staffRole == u"instructor")
                return tr("You teach this course");
            if (r.staffRole == u"ta")
                return tr("You assist in this course");
            return tr("You administer this course");
        }
        if (r.total == 0)
            return tr("No lessons yet");
        if (r.seconds > 0)
            return tr("%1 · %2 spent", "items done, time spent")
                .arg(LearnFormat::itemsDone(r.completed, r.total, r.requiredOnly),
                     LearnFormat::duration(r.seconds));
        return LearnFormat::itemsDone(r.completed, r.total, r.requiredOnly);
    case DownloadRole:
        return QVariant::fromValue(r.download);
    case DownloadSizeRole:
        return r.downloadSize;
    case CachedBytesRole:
        return r.cachedBytes;
    case DownloadDoneRole:
        return r.downloadDone;
    case DownloadTotalRole:
        return r.downloadTotal;
    case DownloadTextRole:
        switch (r.download) {
        case Download::Unavailable:
            return QString();
        case Download::NotDownloaded:
            return LearnFormat::downloadOffline(r.downloadSize);
        case Download::Downloading:
            return r.downloadTotal > 0
                ? tr("Downloading… %1 of %2 — Cancel")
                      .arg(LearnFormat::size(r.downloadDone), LearnFormat::size(r.downloadTotal))
                : tr("Downloading… — Cancel");
        case Download::Downloaded:
            return LearnFormat::removeDownload(r.cachedBytes);
        }
        return QString();
    }
    return {};
}

QHash<int, QByteArray> DashboardModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(CodeRole, "code");
    names.insert(TermRole, "term");
    names.insert(KindRole, "kind");
    names.insert(PercentRole, "percent");
    names.insert(CompletedItemsRole, "completedItems");
    names.insert(TotalItemsRole, "totalItems");
    names.insert(SecondsSpentRole, "secondsSpent");
    names.insert(NextItemIdRole, "nextItemId");
    names.insert(NextItemTitleRole, "nextItemTitle");
    names.insert(ContinueTextRole, "continueText");
    names.insert(SummaryTextRole, "summaryText");
    names.insert(LastActivityRole, "lastActivity");
    names.insert(DownloadRole, "download");
    names.insert(DownloadSizeRole, "downloadSize");
    names.insert(CachedBytesRole, "cachedBytes");
    names.insert(DownloadDoneRole, "downloadDone");
    names.insert(DownloadTotalRole, "downloadTotal");
    names.insert(DownloadTextRole, "downloadText");
    return names;
}

} // namespace Lectern::Client
