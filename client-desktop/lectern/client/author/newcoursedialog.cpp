#include "newcoursedialog.h"

#include "courseform.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

NewCourseDialog::NewCourseDialog(SyncController *sync, const QStringList &terms, QWidget *parent)
    : QDialog(parent)
    , m_sync(sync)
    , m_form(new CourseForm(CourseForm::Mode::New, this))
{
    setObjectName(QStringLiteral("newCourseDialog"));
    setWindowTitle(tr("New course"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/course.svg")));
    setMinimumWidth(520);
    m_form->setTermSuggestions(terms);

    auto *intro = new QLabel(
        tr("The course starts as a draft that only its staff can see. You can change all of "
           "this later in its settings."),
        this);
    intro->setWordWrap(true);
    intro->setForegroundRole(QPalette::PlaceholderText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create course"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("createCourseButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewCourseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    m_form->editor(QStringLiteral("code"))->setFocus();
}

QJsonObject NewCourseDialog::course() const
{
    QJsonObject fields;
    const QJsonObject values = m_form->values();
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!it->isNull())
            fields.insert(it.key(), *it);
    }
    fields.insert(QStringLiteral("status"), QStringLiteral("draft"));
    return fields;
}

void NewCourseDialog::accept()
{
    const QList<LocalRecord> courses = m_sync && m_sync->store()
        ? m_sync->store()->list(Entities::course().name)
        : QList<LocalRecord>();
    if (!m_form->validate(courses, QString()))
        return;
    QDialog::accept();
}

} // namespace Lectern::Client
