#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QStackedWidget;

namespace Lectern::Client {

class CourseCardDelegate;
class DashboardModel;
class FileTransfers;
class SyncController;

// The Learn workspace's first page: the user's courses as cards (DashboardModel), an empty state
// when they study nothing yet, and the recent announcements (a placeholder for now).
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    explicit DashboardPage(SyncController *sync, QWidget *parent = nullptr);

    void setFileTransfers(FileTransfers *files);

    DashboardModel *model() const { return m_model; }
    QListView *courseList() const { return m_list; }
    // The empty state is up (no course to show at all).
    bool isEmptyStateShown() const;

    // What a click on a card does (tests call them as a user's click would).
    void open(const QString &courseId);
    void toggleDownload(const QString &courseId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

Q_SIGNALS:
    // Open the course at `itemId` (what "Continue" names; empty: the player decides).
    void courseRequested(const QString &courseId, const QString &itemId);
    void previewRequested(const QString &courseId);

private:
    void updateState();
    void layoutCards();
    void showMenu(const QModelIndex &index, const QPoint &globalPos);
    QWidget *createEmptyState();
    QWidget *createAnnouncements();

    DashboardModel *m_model;
    CourseCardDelegate *m_delegate;
    QPointer<FileTransfers> m_files;
    QListView *m_list;
    QLabel *m_notEnrolled;
    QStackedWidget *m_stack;
    QWidget *m_announcements = nullptr;
};

} // namespace Lectern::Client
