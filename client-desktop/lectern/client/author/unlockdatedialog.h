#pragma once

#include <QDateTime>
#include <QDialog>

class QDateTimeEdit;
class QRadioButton;

namespace Lectern::Client {

// Asks when a module or an item unlocks for learners: never locked ("No unlock date"), or a
// date and time in the computer's time zone.
class UnlockDateDialog : public QDialog
{
    Q_OBJECT

public:
    // `title`: the record's title; `current`: its unlock date (invalid when none).
    UnlockDateDialog(const QString &title, const QDateTime &current, QWidget *parent = nullptr);

    // The chosen time (invalid for "No unlock date").
    QDateTime unlockAt() const;
    void setUnlockAt(const QDateTime &when);

private:
    QRadioButton *m_none;
    QRadioButton *m_at;
    QDateTimeEdit *m_edit;
};

} // namespace Lectern::Client
