#include "unlockdatedialog.h"

#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace Lectern::Client {

UnlockDateDialog::UnlockDateDialog(const QString &title, const QDateTime &current, QWidget *parent)
    : QDialog(parent)
    , m_none(new QRadioButton(tr("&No unlock date: open as soon as it is published"), this))
    , m_at(new QRadioButton(tr("&Unlocks on"), this))
    , m_edit(new QDateTimeEdit(this))
{
    setObjectName(QStringLiteral("unlockDateDialog"));
    setWindowTitle(tr("Unlock date"));
    auto *intro = new QLabel(tr("When can learners open “%1”?").arg(title), this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_none->setObjectName(QStringLiteral("noUnlockDate"));
    m_at->setObjectName(QStringLiteral("unlockAtChoice"));
    m_edit->setObjectName(QStringLiteral("unlockAtEdit"));
    m_edit->setCalendarPopup(true);
    m_edit->setTimeSpec(Qt::LocalTime);
    m_edit->setAccessibleName(tr("Unlock date and time"));
    connect(m_at, &QRadioButton::toggled, m_edit, &QWidget::setEnabled);
    // Picking a date means "unlocks then".
    connect(m_edit, &QDateTimeEdit::dateTimeChanged, this, [this] { m_at->setChecked(true); });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *when = new QHBoxLayout;
    when->addWidget(m_at);
    when->addWidget(m_edit, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_none);
    layout->addLayout(when);
    layout->addSpacing(6);
    layout->addWidget(buttons);

    setUnlockAt(current);
}

void UnlockDateDialog::setUnlockAt(const QDateTime &when)
{
    if (when.isValid()) {
        m_edit->setDateTime(when.toLocalTime());
        m_at->setChecked(true);
        return;
    }
    // A sensible default for "unlocks on": tomorrow morning.
    const QSignalBlocker blocker(m_edit);
    m_edit->setDateTime(QDateTime(QDate::currentDate().addDays(1), QTime(9, 0)));
    m_none->setChecked(true);
    m_edit->setEnabled(false);
}

QDateTime UnlockDateDialog::unlockAt() const
{
    return m_at->isChecked() ? m_edit->dateTime() : QDateTime();
}

} // namespace Lectern::Client
