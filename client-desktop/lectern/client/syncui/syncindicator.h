#pragma once

#include <QTimer>
#include <QWidget>
#include <lectern/client/sync/syncstatus.h>

class QLabel;
class QProgressBar;
class QToolButton;

namespace Lectern::Client {

class SyncController;

// The sync state in the main window's status bar (docs/architecture.md, "The sync model"): online
// or offline, changes waiting to sync, a progress bar while syncing, when the last sync was, the
// last error in words, and buttons for open conflicts, refused changes and "Sync now".
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
    // "3 changes sent, 1 merged, 1 conflict": what the last round did with what it sent; empty
    // when it sent nothing.
    static QString reportText(const SyncReport &report);
    // "Last synced 3 minutes ago", "Never synced".
    static QString lastSyncedText(const QDateTime &lastSuccess,
                                  const QDateTime &now = QDateTime::currentDateTimeUtc());

    // Everything the status has to say; minimumSizeHint() is the state and the buttons only.
    // Narrower than sizeHint(), the indicator drops "Last synced", shortens the queued count and
    // elides the error, in that order (their full words stay in the tooltips).
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void syncNowRequested();
    void conflictsRequested();
    void refusedRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    // The report as shown (plain text, "Resolve…" included), or empty when it is not shown.
    QString shownReport() const;
    void updateLastSynced();
    void measure();
    // The width a label of this indicator needs for `text`.
    int textWidth(const QString &text) const;
    void fitToWidth();

    SyncStatus m_status;
    QLabel *m_stateIcon;
    QLabel *m_stateLabel;
    QLabel *m_queuedLabel;
    QLabel *m_reportLabel; // reportText(), with "Resolve…" while its conflicts are open
    QProgressBar *m_progress;
    QLabel *m_lastLabel;
    QLabel *m_errorLabel;
    QToolButton *m_conflictsButton;
    QToolButton *m_refusedButton;
    QToolButton *m_syncNowButton;
    QLabel *m_measure; // never shown: measures texts as the labels will show them
    QTimer m_minuteTimer;
    // What measure() found for the current status: the width of the least form, and what
    // each part adds in its full form.
    struct Extra
    {
        int progress = 0;
        int conflicts = 0;
        int refused = 0;
        int syncNow = 0;
    };
    Extra m_extra;
    int m_minimumWidth = 0;
    int m_fullWidth = 0;
};

} // namespace Lectern::Client
