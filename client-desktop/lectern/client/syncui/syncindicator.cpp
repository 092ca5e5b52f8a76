#include "syncindicator.h"

#include "syncwords.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/theme.h>

namespace Lectern::Client {

namespace {

constexpr int margin = 4;
constexpr int spacing = 10;
constexpr int iconGap = 5;
constexpr int minimumErrorWidth = 100;
constexpr int progressWidth = 96;
constexpr int compactProgressWidth = 48;

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
    , m_reportLabel(makeLabel("syncReportLabel", this))
    , m_progress(new QProgressBar(this))
    , m_lastLabel(makeLabel("syncLastLabel", this))
    , m_errorLabel(makeLabel("syncErrorLabel", this))
    , m_conflictsButton(
          makeButton("syncConflictsButton", QStringLiteral(":/icons/conflict.svg"), this))
    , m_refusedButton(makeButton("syncRefusedButton", QStringLiteral(":/icons/refused.svg"), this))
    , m_syncNowButton(makeButton("syncNowButton", QStringLiteral(":/icons/syncing.svg"), this))
    , m_measure(new QLabel(this))
{
    m_measure->hide();
    setObjectName(QStringLiteral("syncIndicator"));
    setAccessibleName(tr("Sync status"));

    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedSize(progressWidth, 8);
    m_progress->setAccessibleName(tr("Sync progress"));

    m_lastLabel->setForegroundRole(QPalette::PlaceholderText);
    Theme::setTone(m_errorLabel, Theme::Tone::Warning);
    m_errorLabel->setMaximumWidth(340);

    m_reportLabel->setTextFormat(Qt::RichText);
    m_reportLabel->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                           | Qt::LinksAccessibleByKeyboard);
    connect(m_reportLabel, &QLabel::linkActivated, this, &SyncIndicator::conflictsRequested);

    m_syncNowButton->setText(tr("Sync now"));
    m_syncNowButton->setToolTip(tr("Send your changes and fetch others' changes now"));
    connect(m_conflictsButton, &QToolButton::clicked, this, &SyncIndicator::conflictsRequested);
    connect(m_refusedButton, &QToolButton::clicked, this, &SyncIndicator::refusedRequested);
    connect(m_syncNowButton, &QToolButton::clicked, this, &SyncIndicator::syncNowRequested);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(margin, 0, margin, 0);
    layout->setSpacing(spacing);
    layout->addStretch(1); // space the parts do not need goes to the left
    auto *state = new QHBoxLayout;
    state->setSpacing(iconGap);
    state->addWidget(m_stateIcon);
    state->addWidget(m_stateLabel);
    layout->addLayout(state);
    layout->addWidget(m_queuedLabel);
    layout->addWidget(m_reportLabel);
    layout->addWidget(m_progress);
    layout->addWidget(m_lastLabel);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_conflictsButton);
    layout->addWidget(m_refusedButton);
    layout->addWidget(m_syncNowButton);

    // "3 minutes ago" becomes "4 minutes ago" without a new status.
    m_minuteTimer.setInterval(60 * 1000);
    connect(&m_minuteTimer, &QTimer::timeout, this, [this] {
        updateLastSynced();
        measure();
        updateGeometry();
        fitToWidth();
    });
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

    m_queuedLabel->setText(queuedText(status.queued));
    m_queuedLabel->setToolTip(
        tr("Changes made on this computer that the server has not received yet."));

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

    m_errorLabel->setToolTip(status.lastError);

    m_conflictsButton->setToolTip(tr("%Ln conflict(s)", nullptr, status.openConflicts) + u'\n'
                                  + tr("Open the conflict inbox: choose which version to keep"));
    m_refusedButton->setToolTip(
        tr("%Ln refused", "changes the server refused", status.rejected) + u'\n'
        + tr("Changes the server refused: your text is kept so that you can copy it"));
    m_syncNowButton->setEnabled(!status.syncing && !status.signedOut);
    measure();
    updateGeometry();
    fitToWidth();
}

int SyncIndicator::textWidth(const QString &text) const
{
    m_measure->setText(text);
    return m_measure->sizeHint().width();
}

namespace {
int buttonWidth(QToolButton *button, const QString &text, Qt::ToolButtonStyle style)
{
    button->setText(text);
    button->setToolButtonStyle(style);
    return button->sizeHint().width();
}
} // namespace

void SyncIndicator::measure()
{
    const SyncStatus &status = m_status;
    // The least: state, a short bar, the buttons as icon and number; then what each part adds
    // in its full form.
    m_minimumWidth
        = 2 * margin + m_stateIcon->sizeHint().width() + iconGap + textWidth(m_stateLabel->text());
    m_extra = {};
    const auto add = [&](bool shown, int compact, int full, int Extra::*extra) {
        if (!shown)
            return;
        m_minimumWidth += spacing + compact;
        m_extra.*extra = full - compact;
    };
    add(status.syncing, compactProgressWidth, progressWidth, &Extra::progress);
    const QString conflicts = tr("%Ln conflict(s)", nullptr, status.openConflicts);
    add(status.openConflicts > 0,
        buttonWidth(m_conflictsButton, QString::number(status.openConflicts),
                    Qt::ToolButtonTextBesideIcon),
        buttonWidth(m_conflictsButton, conflicts, Qt::ToolButtonTextBesideIcon), &Extra::conflicts);
    const QString refused = tr("%Ln refused", "changes the server refused", status.rejected);
    add(status.rejected > 0,
        buttonWidth(m_refusedButton, QString::number(status.rejected),
                    Qt::ToolButtonTextBesideIcon),
        buttonWidth(m_refusedButton, refused, Qt::ToolButtonTextBesideIcon), &Extra::refused);
    add(true, buttonWidth(m_syncNowButton, tr("Sync now"), Qt::ToolButtonIconOnly),
        buttonWidth(m_syncNowButton, tr("Sync now"), Qt::ToolButtonTextBesideIcon),
        &Extra::syncNow);

    m_fullWidth
        = m_minimumWidth + m_extra.progress + m_extra.conflicts + m_extra.refused + m_extra.syncNow;
    if (status.queued > 0)
        m_fullWidth += spacing + textWidth(queuedText(status.queued));
    if (const QString report = shownReport(); !report.isEmpty())
        m_fullWidth += spacing + textWidth(report);
    if (!status.lastError.isEmpty())
        m_fullWidth += spacing + qMin(m_errorLabel->maximumWidth(), textWidth(status.lastError));
    m_fullWidth += spacing + textWidth(m_lastLabel->text());
}

QSize SyncIndicator::minimumSizeHint() const
{
    return QSize(m_minimumWidth, QWidget::minimumSizeHint().height());
}

QSize SyncIndicator::sizeHint() const
{
    return QSize(m_fullWidth, QWidget::sizeHint().height());
}

void SyncIndicator::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitToWidth();
}

void SyncIndicator::fitToWidth()
{
    const SyncStatus &status = m_status;
    int room = width() - m_minimumWidth;
    // Each part in its full form while there is room, most important first.
    const auto grow = [&room](int extra) {
        if (room < extra)
            return false;
        room -= extra;
        return true;
    };

    // The queued count, in short words when the long ones do not fit.
    QString queued;
    if (status.queued > 0) {
        const QString full = queuedText(status.queued);
        const QString brief = tr("%Ln waiting", "changes waiting to sync", status.queued);
        if (grow(spacing + textWidth(full)))
            queued = full;
        else if (grow(spacing + textWidth(brief)))
            queued = brief;
    }
    m_queuedLabel->setText(queued);
    m_queuedLabel->setVisible(!queued.isEmpty());

    // What the last sync did with what it sent, until there are new changes to send.
    const QString report = shownReport();
    const bool showReport = !report.isEmpty() && grow(spacing + textWidth(report));
    if (showReport) {
        QString rich = reportText(status.lastSent).toHtmlEscaped();
        if (status.lastSent.conflicts > 0 && status.openConflicts > 0)
            rich += QStringLiteral(" — <a href=\"#conflicts\">%1</a>").arg(tr("Resolve…"));
        m_reportLabel->setText(rich);
    }
    m_reportLabel->setVisible(showReport);

    const bool fullConflicts = grow(m_extra.conflicts);
    m_conflictsButton->setText(fullConflicts ? tr("%Ln conflict(s)", nullptr, status.openConflicts)
                                             : QString::number(status.openConflicts));
    m_conflictsButton->setVisible(status.openConflicts > 0);
    const bool fullRefused = grow(m_extra.refused);
    m_refusedButton->setText(fullRefused
                                 ? tr("%Ln refused", "changes the server refused", status.rejected)
                                 : QString::number(status.rejected));
    m_refusedButton->setVisible(status.rejected > 0);
    m_syncNowButton->setText(tr("Sync now"));
    m_syncNowButton->setToolButtonStyle(grow(m_extra.syncNow) ? Qt::ToolButtonTextBesideIcon
                                                              : Qt::ToolButtonIconOnly);

    m_progress->setFixedWidth(grow(m_extra.progress) ? progressWidth : compactProgressWidth);
    m_progress->setVisible(status.syncing);

    // The error, elided to what is left (the tooltip has it all).
    QString error;
    if (!status.lastError.isEmpty() && room >= spacing + minimumErrorWidth) {
        // A few pixels for the label's own frame around the text.
        const int available = qMin(room - spacing, m_errorLabel->maximumWidth()) - 4;
        error = m_errorLabel->fontMetrics().elidedText(status.lastError, Qt::ElideRight, available);
        room -= spacing + textWidth(error);
    }
    m_errorLabel->setText(error);
    m_errorLabel->setVisible(!error.isEmpty());

    const bool last = grow(spacing + textWidth(m_lastLabel->text()));
    m_lastLabel->setVisible(last);

    // What does not fit is still one hover away.
    QString tip = m_stateIcon->toolTip();
    if (status.queued > 0 && queued != queuedText(status.queued))
        tip += u'\n' + queuedText(status.queued);
    if (error != status.lastError)
        tip += u'\n' + status.lastError;
    if (!report.isEmpty() && !showReport)
        tip += u'\n' + reportText(status.lastSent);
    if (!last)
        tip += u'\n' + m_lastLabel->text();
    m_stateLabel->setToolTip(tip);
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
    return tr("%Ln change(s) waiting to sync", nullptr, queued);
}

QString SyncIndicator::reportText(const SyncReport &report)
{
    if (report.sent <= 0)
        return {};
    QStringList parts {tr("%Ln change(s) sent", nullptr, report.sent)};
    if (report.merged > 0)
        parts.append(tr("%Ln merged", "changes merged with others' changes", report.merged));
    if (report.conflicts > 0)
        parts.append(tr("%Ln conflict(s)", nullptr, report.conflicts));
    if (report.refused > 0)
        parts.append(tr("%Ln refused", "changes the server refused", report.refused));
    return parts.join(tr(", ", "between the parts of a sync report"));
}

QString SyncIndicator::shownReport() const
{
    const SyncStatus &status = m_status;
    if (status.syncing || status.queued > 0 || status.signedOut || status.lastSent.sent <= 0)
        return {};
    QString text = reportText(status.lastSent);
    if (status.lastSent.conflicts > 0 && status.openConflicts > 0)
        text += QStringLiteral(" — ") + tr("Resolve…");
    return text;
}

QString SyncIndicator::lastSyncedText(const QDateTime &lastSuccess, const QDateTime &now)
{
    if (!lastSuccess.isValid())
        return tr("Never synced");
    return tr("Last synced %1", "%1: just now, 3 minutes ago, yesterday...")
        .arg(SyncWords::ago(lastSuccess, now));
}

} // namespace Lectern::Client
