#include "syncindicator.h"

#include "syncwords.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <lectern/client/sync/synccontroller.h>

namespace Lectern::Client {

namespace {

QLabel *makeLabel(const char *objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1StringView(objectName));
    label->setTextFormat(Qt::PlainText);
    return label;
}

QToolButton *makeButton(const char *objectName, const QString &icon, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(QLatin1StringView(objectName));
    button->setAutoRaise(true);
    button->setToolButtonStyle(icon.isEmpty() ? Qt::ToolButtonTextOnly
                                              : Qt::ToolButtonTextBesideIcon);
    if (!icon.isEmpty())
        button->setIcon(QIcon(icon));
    button->setIconSize(QSize(16, 16));
    button->setCursor(Qt::PointingHandCursor);
    return button;
}

} // namespace

SyncIndicator::SyncIndicator(QWidget *parent)
    : QWidget(parent)
    , m_stateIcon(makeLabel("syncStateIcon", this))
    , m_stateLabel(makeLabel("syncStateLabel", this))
    , m_queuedLabel(makeLabel("syncQueuedLabel", this))
    , m_progress(new QProgressBar(this))
    , m_lastLabel(makeLabel("syncLastLabel", this))
    , m_errorLabel(makeLabel("syncErrorLabel", this))
    , m_conflictsButton(
          makeButton("syncConflictsButton", QStringLiteral(":/icons/conflict.svg"), this))
    , m_refusedButton(makeButton("syncRefusedButton", QStringLiteral(":/icons/refused.svg"), this))
    , m_syncNowButton(makeButton("syncNowButton", QStringLiteral(":/icons/syncing.svg"), this))
{
    setObjectName(QStringLiteral("syncIndicator"));
    setAccessibleName(tr("Sync status"));

    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedSize(96, 8);
    m_progress->setAccessibleName(tr("Sync progress"));

    m_lastLabel->setForegroundRole(QPalette::PlaceholderText);
    // Fixed colour like the session bar's: readable on light and dark status bars.
    m_errorLabel->setStyleSheet(QStringLiteral("color: #B45309;"));
    m_errorLabel->setMaximumWidth(340);

    m_conflictsButton->setToolTip(tr("Open the conflict inbox: choose which version to keep"));
    m_refusedButton->setToolTip(
        tr("Changes the server refused: your text is kept so that you can copy it"));
    m_syncNowButton->setText(tr("Sync now"));
    m_syncNowButton->setToolTip(tr("Send your changes and fetch others' changes now"));
    connect(m_conflictsButton, &QToolButton::clicked, this, &SyncIndicator::conflictsRequested);
    connect(m_refusedButton, &QToolButton::clicked, this, &SyncIndicator::refusedRequested);
    connect(m_syncNowButton, &QToolButton::clicked, this, &SyncIndicator::syncNowRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(10);
    auto *state = new QHBoxLayout;
    state->setSpacing(5);
    state->addWidget(m_stateIcon);
    state->addWidget(m_stateLabel);
    layout->addLayout(state);
    layout->addWidget(m_queuedLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_lastLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_conflictsButton);
    layout->addWidget(m_refusedButton);
    layout->addWidget(m_syncNowButton);

    // "3 minutes ago" becomes "4 minutes ago" without a new status.
    m_minuteTimer.setInterval(60 * 1000);
    connect(&m_minuteTimer, &QTimer::timeout, this, &SyncIndicator::updateLastSynced);
    m_minuteTimer.start();

    refresh();
}

void SyncIndicator::attach(SyncController *controller)
{
    connect(controller, &SyncController::statusChanged, this, &SyncIndicator::setStatus);
    connect(this, &SyncIndicator::syncNowRequested, controller, &SyncController::syncNow);
    setStatus(controller->status());
}

void SyncIndicator::setStatus(const SyncStatus &status)
{
    if (status == m_status)
        return;
    m_status = status;
    refresh();
}

void SyncIndicator::refresh()
{
    const SyncStatus &status = m_status;
    QString icon;
    QString tip;
    if (status.signedOut) {
        icon = QStringLiteral(":/icons/offline.svg");
        tip = tr("The session ended. Your changes are kept and sent after you log in again.");
    } else if (status.syncing) {
        icon = QStringLiteral(":/icons/syncing.svg");
        tip = tr("Sending your changes and fetching others' changes.");
    } else if (status.online) {
        icon = QStringLiteral(":/icons/online.svg");
        tip = tr("Connected: changes sync as you make them.");
    } else {
        icon = QStringLiteral(":/icons/offline.svg");
        tip = tr("Offline: your changes are kept on this computer and sync when the server can "
                 "be reached.");
    }
    m_stateIcon->setPixmap(QIcon(icon).pixmap(QSize(14, 14)));
    m_stateLabel->setText(stateText(status));
    m_stateIcon->setToolTip(tip);
    m_stateLabel->setToolTip(tip);

    m_queuedLabel->setText(queuedText(status.queued));
    m_queuedLabel->setVisible(status.queued > 0);
    m_queuedLabel->setToolTip(
        tr("Changes made on this computer that the server has not received yet."));

    m_progress->setVisible(status.syncing);
    if (status.total > 0) {
        // QProgressBar takes ints: scale large rounds down.
        const qint64 scale = status.total > 1000000 ? status.total / 1000000 + 1 : 1;
        m_progress->setRange(0, int(status.total / scale));
        m_progress->setValue(int(qMin(status.done, status.total) / scale));
        m_progress->setToolTip(
            tr("%1 of %2").arg(QLocale().toString(status.done), QLocale().toString(status.total)));
    } else {
        m_progress->setRange(0, 0); // busy
        m_progress->setToolTip(tr("Syncing…"));
    }

    updateLastSynced();

    m_errorLabel->setText(status.lastError);
    m_errorLabel->setToolTip(status.lastError);
    m_errorLabel->setVisible(!status.lastError.isEmpty());

    m_conflictsButton->setText(tr("%n conflict(s)", nullptr, status.openConflicts));
    m_conflictsButton->setVisible(status.openConflicts > 0);
    m_refusedButton->setText(tr("%n refused", "changes the server refused", status.rejected));
    m_refusedButton->setVisible(status.rejected > 0);

    m_syncNowButton->setEnabled(!status.syncing && !status.signedOut);
}

void SyncIndicator::updateLastSynced()
{
    m_lastLabel->setText(lastSyncedText(m_status.lastSuccess));
    m_lastLabel->setToolTip(
        m_status.lastSuccess.isValid()
            ? tr("Last synced %1", "%1: date and time")
                  .arg(QLocale().toString(m_status.lastSuccess.toLocalTime(), QLocale::LongFormat))
            : tr("This computer has not synced with the server yet."));
}

QString SyncIndicator::stateText(const SyncStatus &status)
{
    if (status.signedOut)
        return tr("Signed out");
    if (status.syncing)
        return tr("Syncing…");
    return status.online ? tr("Online") : tr("Offline");
}

QString SyncIndicator::queuedText(int queued)
{
    if (queued <= 0)
        return {};
    return tr("%n change(s) waiting to sync", nullptr, queued);
}

QString SyncIndicator::lastSyncedText(const QDateTime &lastSuccess, const QDateTime &now)
{
    if (!lastSuccess.isValid())
        return tr("Never synced");
    return tr("Last synced %1", "%1: just now, 3 minutes ago, yesterday...")
        .arg(SyncWords::ago(lastSuccess, now));
}

} // namespace Lectern::Client
