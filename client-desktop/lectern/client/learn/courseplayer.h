#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace Lectern::Client {

class FileTransfers;
class LessonBrowser;
class PlayerOutlineModel;
class ProgressTracker;
class SyncController;
struct LearnerItem;

// Studies one course: its outline on the left (PlayerOutlineModel: ticks for what is done, locks
// with the date an item opens), the open item on the right (a lesson's Markdown; a link, video or
// file as a card with an "Open" button), Previous / Next (Alt+Left / Alt+Right) and "Mark
// complete". A lesson completes by itself when the reader reaches its end, or when it fits
// without scrolling and has been open a few seconds; a link, video or file when it is opened.
// A ProgressTracker records all of it, except in a preview (staff seeing the course as a
// student), where a banner says that nothing is recorded.
//
// The header shows the course's progress and, with FileTransfers set, downloads the course for
// offline use (size first, a progress bar and Cancel while it runs) or removes that download.
class CoursePlayer : public QWidget
{
    Q_OBJECT

public:
    enum class Page { Empty, Item, Locked };
    Q_ENUM(Page)

    explicit CoursePlayer(SyncController *sync, QWidget *parent = nullptr);
    ~CoursePlayer() override;

    void setFileTransfers(FileTransfers *files);

    // Opens a course at `itemId` (empty: where the learner should continue).
    void openCourse(const QString &courseId, const QString &itemId = {}, bool preview = false);
    // Leaves the course (the open item's time and position are recorded).
    void closeCourse();
    QString courseId() const;
    bool isPreview() const { return m_preview; }

    // Opens an item of the course; a locked one shows when it opens instead, and answers false.
    bool openItem(const QString &itemId);
    QString currentItem() const { return m_itemId; }
    Page page() const;

    void next();
    void previous();
    // The learner says the open item is done.
    void markComplete();

    // How long a lesson that fits without scrolling stays open before it counts as read.
    void setAutoCompleteDelay(int ms) { m_autoComplete.setInterval(ms); }

    PlayerOutlineModel *outline() const { return m_outline; }
    ProgressTracker *tracker() const { return m_tracker; }
    LessonBrowser *lessonBrowser() const { return m_browser; }
    QTreeView *outlineView() const { return m_outlineView; }

Q_SIGNALS:
    // The learner goes back to the dashboard.
    void backRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createPreviewBanner();
    QWidget *createItemPage();
    QWidget *createLockedPage();
    QWidget *createEmptyPage();
    QWidget *createFooter();
    void showItem(const LearnerItem &item);
    void showEmpty();
    void selectInOutline(const QString &itemId);
    void updateActive();
    void updateHeader();
    void updateNavigation();
    void updateDownload();
    void onOutlineChanged();
    void onRecordsChanged(const QStringList &entities);
    void tryAutoComplete();
    void openResource();
    void downloadClicked();

    QPointer<SyncController> m_sync;
    QPointer<FileTransfers> m_files;
    PlayerOutlineModel *m_outline;
    ProgressTracker *m_tracker;
    QString m_itemId;
    bool m_preview = false;
    QTimer m_autoComplete;

    QLabel *m_courseTitle = nullptr;
    QLabel *m_courseMeta = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QLabel *m_progressText = nullptr;
    QPushButton *m_downloadButton = nullptr;
    QProgressBar *m_downloadBar = nullptr;
    QPushButton *m_cancelDownload = nullptr;
    QFrame *m_previewBanner = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_outlineView = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_emptyText = nullptr;
    // The item page.
    QLabel *m_itemTitle = nullptr;
    QLabel *m_itemDetail = nullptr;
    QFrame *m_resourceCard = nullptr;
    QLabel *m_resourceIcon = nullptr;
    QLabel *m_resourceText = nullptr;
    QPushButton *m_resourceOpen = nullptr;
    QLabel *m_notHere = nullptr;
    LessonBrowser *m_browser = nullptr;
    // The locked page.
    QLabel *m_lockedTitle = nullptr;
    QLabel *m_lockedText = nullptr;
    // The footer.
    QPushButton *m_previousButton = nullptr;
    QPushButton *m_completeButton = nullptr;
    QPushButton *m_nextButton = nullptr;
};

} // namespace Lectern::Client
