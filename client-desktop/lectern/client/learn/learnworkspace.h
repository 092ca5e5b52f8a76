#pragma once

#include <QPointer>
#include <QWidget>

class QStackedWidget;

namespace Lectern::Client {

class CoursePlayer;
class DashboardPage;
class FileTransfers;
class SyncController;

// The Learn workspace: the dashboard of the user's courses, and the course player a course opens
// in. Everything is read from the offline store and every step is recorded as progress events
// through the SyncController, so it works the same online and offline.
//
// Staff preview a course as a student with previewCourse() (the dashboard also lists the courses
// they teach for that): only what is published and released shows, and no progress is recorded.
class LearnWorkspace : public QWidget
{
    Q_OBJECT

public:
    explicit LearnWorkspace(SyncController *sync, QWidget *parent = nullptr);

    // Course downloads for offline use, images in lessons and files opened with the system's
    // viewer; without it the download buttons are hidden.
    void setFileTransfers(FileTransfers *files);

    // Opens a course in the player at `itemId` (empty: where to continue).
    void openCourse(const QString &courseId, const QString &itemId = {});
    // Opens a course as a student sees it, recording nothing.
    void previewCourse(const QString &courseId);
    // Back to the dashboard (the open item's time and position are recorded).
    void showDashboard();

    DashboardPage *dashboard() const { return m_dashboard; }
    CoursePlayer *player() const { return m_player; }
    bool isPlayerShown() const;

private:
    QPointer<SyncController> m_sync;
    QStackedWidget *m_stack;
    DashboardPage *m_dashboard;
    CoursePlayer *m_player;
};

} // namespace Lectern::Client
