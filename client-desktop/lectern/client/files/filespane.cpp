#include "filespane.h"

#include "coursefilesmodel.h"
#include "filetransfers.h"
#include "transferdelegate.h"

#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {

QStringList localFiles(const QMimeData *data)
{
    QStringList paths;
    if (!data)
        return paths;
    for (const QUrl &url : data->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

QPushButton *button(const QString &text, const QString &icon, const char *name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QString::fromLatin1(name));
    if (!icon.isEmpty())
        b->setIcon(QIcon(icon));
    return b;
}

} // namespace

FilesPane::FilesPane(FileTransfers *files, SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_files(files)
    , m_sync(sync)
    , m_model(new CourseFilesModel(files, sync, this))
{
    setObjectName(QStringLiteral("filesPane"));
    setAcceptDrops(true);

    m_attachButton = button(tr("Attach files…"), QStringLiteral(":/icons/file.svg"),
                            "attachFilesButton", this);
    m_attachButton->setToolTip(tr("Upload files to the course (or drop them here)"));
    connect(m_attachButton, &QPushButton::clicked, this, &FilesPane::chooseFiles);

    m_courseLabel = new QLabel(this);
    m_courseLabel->setObjectName(QStringLiteral("courseDownloadLabel"));
    m_courseLabel->setForegroundRole(QPalette::PlaceholderText);
    m_downloadAllButton = button(tr("Download all"), QStringLiteral(":/icons/download.svg"),
                                 "downloadCourseButton", this);
    m_downloadAllButton->setToolTip(tr("Keep every file of the course on this computer, to use "
                                       "offline"));
    m_removeAllButton = button(tr("Remove downloads"), QStringLiteral(":/icons/delete.svg"),
                               "removeCourseDownloadButton", this);
    m_removeAllButton->setToolTip(tr("Delete the course's files from this computer to free the "
                                     "space (they stay on the server)"));
    m_courseProgress = new QProgressBar(this);
    m_courseProgress->setObjectName(QStringLiteral("courseDownloadProgress"));
    m_courseProgress->setRange(0, 1000);
    m_courseProgress->setMaximumWidth(220);
    m_courseProgress->setTextVisible(true);
    m_courseProgress->hide();
    m_cancelCourseButton = new QToolButton(this);
    m_cancelCourseButton->setObjectName(QStringLiteral("cancelCourseDownloadButton"));
    m_cancelCourseButton->setText(tr("Cancel"));
    m_cancelCourseButton->hide();

    auto *top = new QHBoxLayout;
    top->setSpacing(8);
    top->addWidget(m_attachButton);
    top->addStretch(1);
    top->addWidget(m_courseLabel);
    top->addWidget(m_courseProgress);
    top->addWidget(m_cancelCourseButton);
    top->addWidget(m_downloadAllButton);
    top->addWidget(m_removeAllButton);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("filesView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TransferDelegate(m_view));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setIconSize(QSize(20, 20));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(CourseFilesModel::NameColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(CourseFilesModel::SizeColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CourseFilesModel::AddedColumn,
                                           QHeaderView::ResizeToContents);
    m_view->header()->setSectionResizeMode(CourseFilesModel::StatusColumn, QHeaderView::Fixed);
    m_view->header()->resizeSection(CourseFilesModel::StatusColumn, 240);
    m_view->setAccessibleName(tr("Course files"));

    m_empty = new QLabel(tr("No files yet.\nDrop files here, or choose “Attach files…”."), this);
    m_empty->setObjectName(QStringLiteral("filesEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("filesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_openButton
        = button(tr("Open"), QStringLiteral(":/icons/preview.svg"), "openFileButton", this);
    m_downloadButton = button(tr("Download"), QStringLiteral(":/icons/download.svg"),
                              "downloadFileButton", this);
    m_deleteButton
        = button(tr("Delete…"), QStringLiteral(":/icons/delete.svg"), "deleteFileButton", this);
    m_cancelButton = button(tr("Cancel upload"), QString(), "cancelUploadButton", this);
    auto *actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_openButton);
    actions->addWidget(m_downloadButton);
    actions->addWidget(m_cancelButton);
    actions->addStretch(1);
    actions->addWidget(m_deleteButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);
    layout->addLayout(actions);

    connect(m_openButton, &QPushButton::clicked, this, &FilesPane::openSelected);
    connect(m_downloadButton, &QPushButton::clicked, this, &FilesPane::downloadSelected);
    connect(m_deleteButton, &QPushButton::clicked, this, &FilesPane::deleteSelected);
    connect(m_cancelButton, &QPushButton::clicked, this, &FilesPane::cancelSelected);
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(CourseFilesModel::IsUploadRole).toBool() && m_files)
            m_files->open(index.data(CourseFilesModel::FileIdRole).toString());
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (!m_view->indexAt(pos).isValid())
            return;
        QMenu menu(this);
        for (QPushButton *b : {m_openButton, m_downloadButton, m_cancelButton, m_deleteButton}) {
            if (b->isEnabled() && b->isVisible())
                menu.addAction(b->icon(), b->text(), b, &QPushButton::click);
        }
        if (!menu.isEmpty())
            menu.exec(m_view->viewport()->mapToGlobal(pos));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FilesPane::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FilesPane::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FilesPane::updateState);

    if (files) {
        connect(m_downloadAllButton, &QPushButton::clicked, this, [this] {
            if (m_files)
                m_files->downloadCourse(courseId());
            updateCourseBar();
        });
        connect(m_removeAllButton, &QPushButton::clicked, this, [this] {
            if (m_files)
                m_files->removeCourseDownload(courseId());
        });
        connect(m_cancelCourseButton, &QToolButton::clicked, this, [this] {
            if (m_files)
                m_files->cancelCourseDownload(courseId());
        });
        connect(files, &FileTransfers::courseDownloadProgress, this,
                [this](const QString &course, qint64 done, qint64 total) {
                    if (course != courseId())
                        return;
                    m_courseProgress->setValue(total > 0 ? int(1000 * done / total) : 1000);
                    m_courseProgress->setFormat(tr("%1 of %2")
                                                    .arg(FileTransfers::formatSize(done),
                                                         FileTransfers::formatSize(total)));
                    updateCourseBar();
                });
        connect(files, &FileTransfers::courseDownloadFinished, this,
                [this](const QString &course, bool complete) {
                    if (course != courseId())
                        return;
                    if (!complete && !m_files->isCourseDownloaded(course))
                        showMessage(tr("Some files could not be downloaded. Try again later."));
                    updateCourseBar();
                });
        connect(files, &FileTransfers::cacheChanged, this, &FilesPane::updateCourseBar);
        connect(files, &FileTransfers::transferFailed, this,
                [this](const QString &id, const QString &message) {
                    // Problems of this course's transfers, and of what this pane asked for.
                    const auto transfer = m_files->transfer(id);
                    if (id.isEmpty() || !transfer || transfer->courseId == courseId())
                        showMessage(message);
                });
        connect(files, &FileTransfers::deleteFinished, this,
                [this](const QString &, bool ok, const QString &message) {
                    if (!ok)
                        showMessage(message);
                });
    }
    if (sync) {
        connect(sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            if (entities.contains(Entities::file().name))
                updateCourseBar();
        });
    }
    updateState();
}

void FilesPane::setCourseId(const QString &courseId)
{
    if (courseId == m_model->courseId())
        return;
    m_message->hide();
    m_model->setCourseId(courseId);
    updateCourseBar();
}

QString FilesPane::courseId() const
{
    return m_model->courseId();
}

QString FilesPane::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void FilesPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void FilesPane::attachFiles(const QStringList &paths)
{
    if (!m_files || courseId().isEmpty())
        return;
    m_message->hide();
    for (const QString &path : paths)
        m_files->queueUpload(path, courseId());
}

void FilesPane::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    attachFiles(paths);
}

QStringList FilesPane::selectedIds(bool uploads) const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (index.data(CourseFilesModel::IsUploadRole).toBool() == uploads)
            ids.append(index.data(CourseFilesModel::IdRole).toString());
    }
    return ids;
}

void FilesPane::openSelected()
{
    if (!m_files)
        return;
    for (const QString &fileId : selectedIds(false))
        m_files->open(fileId);
}

void FilesPane::downloadSelected()
{
    if (!m_files)
        return;
    for (const QString &fileId : selectedIds(false))
        m_files->download(fileId);
}

void FilesPane::deleteSelected()
{
    const QStringList ids = selectedIds(false);
    if (!m_files || ids.isEmpty())
        return;
    const QString what = ids.size() == 1
        ? m_model->index(m_model->rowOf(ids.first()), CourseFilesModel::NameColumn)
              .data()
              .toString()
        : tr("these %1 files").arg(ids.size());
    QMessageBox box(QMessageBox::Question, tr("Delete files"),
                    tr("Delete %1 from the course? Lessons that show or link to it will no "
                       "longer find it.")
                        .arg(what),
                    QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("deleteFilesBox"));
    QPushButton *remove = box.addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != remove)
        return;
    for (const QString &fileId : ids)
        m_files->deleteFile(fileId);
}

void FilesPane::cancelSelected()
{
    if (!m_files)
        return;
    for (const QString &id : selectedIds(true)) {
        const auto transfer = m_files->transfer(id);
        if (transfer && transfer->state == FileTransfers::State::Failed)
            m_files->dismiss(id);
        else
            m_files->cancel(id);
    }
}

void FilesPane::updateState()
{
    const bool hasCourse = !courseId().isEmpty();
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget *>(m_view) : m_empty);
    m_attachButton->setEnabled(hasCourse && m_files);
    const QStringList files = selectedIds(false);
    const QStringList uploads = selectedIds(true);
    m_openButton->setEnabled(!files.isEmpty());
    bool anyToDownload = false;
    for (const QString &fileId : files)
        anyToDownload = anyToDownload || (m_files && !m_files->isCached(fileId));
    m_downloadButton->setEnabled(anyToDownload);
    m_deleteButton->setEnabled(!files.isEmpty());
    m_cancelButton->setVisible(!uploads.isEmpty());
    bool allFailed = !uploads.isEmpty();
    for (const QString &id : uploads) {
        const auto transfer = m_files ? m_files->transfer(id) : std::nullopt;
        allFailed = allFailed && transfer && transfer->state == FileTransfers::State::Failed;
    }
    m_cancelButton->setText(allFailed ? tr("Dismiss") : tr("Cancel upload"));
}

void FilesPane::updateCourseBar()
{
    const QString course = courseId();
    const bool downloading = m_files && m_files->isDownloadingCourse(course);
    const qint64 toDownload
        = m_files && !course.isEmpty() ? m_files->courseDownloadSize(course) : 0;
    const qint64 cached = m_files && !course.isEmpty() ? m_files->cachedBytes(course) : 0;
    m_courseProgress->setVisible(downloading);
    m_cancelCourseButton->setVisible(downloading);
    m_downloadAllButton->setVisible(!downloading);
    m_downloadAllButton->setEnabled(toDownload > 0);
    m_downloadAllButton->setText(
        toDownload > 0 ? tr("Download all (%1)").arg(FileTransfers::formatSize(toDownload))
                       : tr("Download all"));
    m_removeAllButton->setEnabled(cached > 0 && !downloading);
    if (downloading)
        m_courseLabel->setText(tr("Downloading the course…"));
    else if (m_model->fileCount() > 0 && toDownload == 0)
        m_courseLabel->setText(
            tr("All files on this computer (%1)").arg(FileTransfers::formatSize(cached)));
    else if (cached > 0)
        m_courseLabel->setText(tr("%1 on this computer").arg(FileTransfers::formatSize(cached)));
    else
        m_courseLabel->clear();
}

void FilesPane::setDropHighlight(bool on)
{
    m_stack->setProperty("dropTarget", on);
    m_view->setStyleSheet(
        on ? QStringLiteral("QTreeView { border: 2px dashed palette(highlight); }") : QString());
    m_empty->setStyleSheet(on ? QStringLiteral("QLabel { border: 2px dashed palette(highlight); "
                                               "border-radius: 8px; }")
                              : QString());
}

void FilesPane::dragEnterEvent(QDragEnterEvent *event)
{
    if (!courseId().isEmpty() && m_files && !localFiles(event->mimeData()).isEmpty()) {
        event->acceptProposedAction();
        setDropHighlight(true);
    }
}

void FilesPane::dragLeaveEvent(QDragLeaveEvent *event)
{
    setDropHighlight(false);
    QWidget::dragLeaveEvent(event);
}

void FilesPane::dropEvent(QDropEvent *event)
{
    setDropHighlight(false);
    const QStringList paths = localFiles(event->mimeData());
    if (paths.isEmpty() || courseId().isEmpty())
        return;
    event->acceptProposedAction();
    attachFiles(paths);
}

} // namespace Lectern::Client
