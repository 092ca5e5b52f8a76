#pragma once

#include <QTimer>
#include <QWidget>
#include <lectern/client/sync/syncstatus.h>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Lectern::Client {

class SyncController;

// The sync state in the main window's status bar (SYNC.md, "What the user sees"): online or
// offline, changes waiting to sync, a progress bar while syncing, when the last sync was, the last
// error in words, and buttons for open conflicts, refused changes and "Sync now".
//
// Shows the SyncStatus it is given (setStatus(), or attach() to follow a SyncController) and
// forwards what the person asks for through its signals.
class SyncIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SyncIndicator(QWidget *parent = nullptr);

    // Follows the controller's statusChanged() and sends "Sync now" to it.
    void attach(SyncController *controller);

    void setStatus(const SyncStatus &status);
    SyncStatus status() const { return m_status; }

    // "Online", "Offline", "Syncing…", "Signed out".
    static QString stateText(const SyncStatus &status);
    // "3 changes waiting to sync"; empty when none.
    static QString queuedText(int queued);
    // "Last synced 3 minutes ago", "Never synced".
    static QString lastSyncedText(const QDateTime &lastSuccess,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());

Q_SIGNALS:
    void syncNowRequested();
    void conflictsRequested();
    void refusedRequested();

private:
    void refresh();
    void updateLastSynced();

    SyncStatus m_status;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QLabel *m_queuedLabel;
    QProgressBar *m_progress;
    QLabel *m_lastLabel;
    QLabel *m_errorLabel;
    QToolButton *m_conflictsButton;
    QToolButton *m_refusedButton;
    QToolButton *m_syncNowButton;
    QTimer m_minuteTimer;
};

} // namespace Lectern::Client
