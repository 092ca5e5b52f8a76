#pragma once

#include <QDialog>
#include <QJsonObject>

namespace Lectern::Client {

class CourseForm;
class SyncController;

// Asks for what a new course needs (code, title, term, dates) and checks it against the courses
// on this computer before it closes; the course itself is made by the workspace.
class NewCourseDialog : public QDialog
{
    Q_OBJECT

public:
    NewCourseDialog(SyncController *sync, const QStringList &terms, QWidget *parent = nullptr);

    CourseForm *form() const { return m_form; }
    // The new course's fields (a draft), without the ones left unset.
    QJsonObject course() const;

    void accept() override;

private:
    SyncController *m_sync;
    CourseForm *m_form;
};

} // namespace Lectern::Client
