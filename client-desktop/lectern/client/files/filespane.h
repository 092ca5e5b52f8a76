#pragma once

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QWidget>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Lectern::Client {

class CourseFilesModel;
class FileTransfers;
class SyncController;

// The Files tab of a course: its files and the uploads on their way, with their size, who added
// them and when, whether they are on this computer, and a progress bar per transfer. Files are
// attached by dropping them on the pane or with "Attach files…"; offline they wait ("Waiting for
// connection") and go out when the server is back. Each file opens with the system's viewer
// (downloaded first), downloads, or is deleted; the whole course downloads for offline use.
class FilesPane : public QWidget
{
    Q_OBJECT

public:
    FilesPane(FileTransfers *files, SyncController *sync, QWidget *parent = nullptr);

    void setCourseId(const QString &courseId);
    QString courseId() const;

    CourseFilesModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    // The last problem said to the user (a refused upload, a delete that needs the server).
    QString message() const;

public Q_SLOTS:
    // Queues the files for upload to the course (what a drop or the file dialog does).
    void attachFiles(const QStringList &paths);
    // Asks for files with the file dialog and attaches them.
    void chooseFiles();
    // Acts on the selected rows.
    void openSelected();
    void downloadSelected();
    void deleteSelected();
    void cancelSelected();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QStringList selectedIds(bool uploads) const;
    void updateState();
    void updateCourseBar();
    void showMessage(const QString &text);
    void setDropHighlight(bool on);

    QPointer<FileTransfers> m_files;
    QPointer<SyncController> m_sync;
    CourseFilesModel *m_model = nullptr;
    QTreeView *m_view = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_courseLabel = nullptr;
    QPushButton *m_attachButton = nullptr;
    QPushButton *m_downloadAllButton = nullptr;
    QPushButton *m_removeAllButton = nullptr;
    QProgressBar *m_courseProgress = nullptr;
    QToolButton *m_cancelCourseButton = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_downloadButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
};

} // namespace Lectern::Client
