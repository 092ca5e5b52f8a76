#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace Lectern::Client {

class CourseForm;
class CourseUndoStack;
class SyncController;

// The Settings tab of a course in the Author workspace: the CourseForm with Save and Revert.
// Save checks the form and writes only the fields the person changed, as one undo command.
// While nothing is changed the form follows the store (an undo, a pull); with changes pending
// it keeps them and says that the course changed meanwhile.
class CourseSettingsPage : public QWidget
{
    Q_OBJECT

public:
    CourseSettingsPage(SyncController *sync, QWidget *parent = nullptr);

    void setCourse(const QString &courseId, CourseUndoStack *stack);
    QString courseId() const { return m_courseId; }
    CourseForm *form() const { return m_form; }

    // Checks and writes the changes; false when the form shows what to fix (or the store
    // refused them).
    bool save();
    // Shows the course as stored, dropping the changes.
    void revert();

private:
    void reload();
    void updateButtons();

    QPointer<SyncController> m_sync;
    QPointer<CourseUndoStack> m_stack;
    QString m_courseId;
    CourseForm *m_form;
    QPushButton *m_save;
    QPushButton *m_revert;
    QLabel *m_note;
};

} // namespace Lectern::Client
