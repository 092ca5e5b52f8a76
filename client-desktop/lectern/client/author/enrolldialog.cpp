#include "enrolldialog.h"

#include "../apiclient.h"
#include "../session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTabWidget>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>
#include <lectern/client/theme.h>
#include <lectern/jsonutil.h>
#include <lectern/validation.h>

namespace Lectern::Client {

namespace {
constexpr int idRole = Qt::UserRole + 1;
constexpr int nameRole = Qt::UserRole + 2;

QString dateWords(const QJsonValue &value)
{
    const QDateTime when = Json::toDateTime(value);
    return when.isValid() ? QLocale().toString(when.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}
} // namespace

EnrollDialog::EnrollDialog(Session *session, const QString &courseId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_courseId(courseId)
{
    setWindowTitle(tr("Enroll in this course"));
    setObjectName(QStringLiteral("enrollDialog"));

    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(10);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("enrollTabs"));
    auto *peoplePage = new QWidget;
    auto *peopleLayout = new QVBoxLayout(peoplePage);
    m_peopleSearch = new QLineEdit;
    m_peopleSearch->setObjectName(QStringLiteral("peopleSearch"));
    m_peopleSearch->setPlaceholderText(tr("Search people by name or email"));
    m_peopleSearch->setClearButtonEnabled(true);
    m_people = new QListWidget;
    m_people->setObjectName(QStringLiteral("peopleList"));
    m_people->setAlternatingRowColors(true);
    peopleLayout->addWidget(m_peopleSearch);
    peopleLayout->addWidget(m_people);
    m_tabs->addTab(peoplePage, tr("People"));

    auto *cohortPage = new QWidget;
    auto *cohortLayout = new QVBoxLayout(cohortPage);
    m_cohortFilter = new QLineEdit;
    m_cohortFilter->setObjectName(QStringLiteral("cohortFilter"));
    m_cohortFilter->setPlaceholderText(tr("Filter cohorts"));
    m_cohortFilter->setClearButtonEnabled(true);
    m_cohortList = new QListWidget;
    m_cohortList->setObjectName(QStringLiteral("cohortList"));
    cohortLayout->addWidget(m_cohortFilter);
    cohortLayout->addWidget(m_cohortList);
    m_tabs->addTab(cohortPage, tr("Cohort"));
    layout->addWidget(m_tabs, 1);

    auto *form = new QFormLayout;
    m_role = new QComboBox;
    m_role->setObjectName(QStringLiteral("enrollRole"));
    m_role->addItem(tr("Student"), QStringLiteral("student"));
    m_role->addItem(tr("Teaching assistant"), QStringLiteral("ta"));
    m_role->addItem(tr("Instructor"), QStringLiteral("instructor"));
    form->addRow(tr("&Role:"), m_role);
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("enrollType"));
    m_type->addItem(tr("Regular"), QStringLiteral("regular"));
    m_type->addItem(tr("Audit (follows the course without taking a seat's credit)"),
                    QStringLiteral("audit"));
    form->addRow(tr("&Type:"), m_type);
    layout->addLayout(form);
    m_override = new QCheckBox(tr("Enroll even if enrollment is closed or the course is full"));
    m_override->setObjectName(QStringLiteral("enrollOverride"));
    m_override->setToolTip(
        tr("Instructors of the course and administrators may enroll outside the enrollment window "
           "and beyond the course's maximum."));
    layout->addWidget(m_override);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("enrollMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    layout->addWidget(m_message);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Enroll"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("enrollSubmit"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EnrollDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(250);
    connect(&m_searchTimer, &QTimer::timeout, this, &EnrollDialog::searchPeople);
    connect(m_peopleSearch, &QLineEdit::textChanged, this, [this] { m_searchTimer.start(); });
    connect(m_cohortFilter, &QLineEdit::textChanged, this, &EnrollDialog::showCohorts);
    connect(m_people, &QListWidget::itemChanged, this, &EnrollDialog::updateButtons);
    connect(m_cohortList, &QListWidget::itemSelectionChanged, this, &EnrollDialog::updateButtons);
    connect(m_tabs, &QTabWidget::currentChanged, this, &EnrollDialog::updateButtons);
    connect(m_role, &QComboBox::currentIndexChanged, this, &EnrollDialog::updateButtons);

    resize(520, 560);
    updateButtons();
    searchPeople();
    loadCohorts();
}

void EnrollDialog::setAlreadyListed(const QSet<QString> &userIds)
{
    m_listed = userIds;
}

QString EnrollDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void EnrollDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setProperty("error", error);
    Theme::setTone(m_message, error ? Theme::Tone::Problem : Theme::Tone::Normal);
    m_message->setVisible(!text.isEmpty());
}

void EnrollDialog::searchPeople()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("50"));
    if (const QString text = m_peopleSearch->text().trimmed(); !text.isEmpty())
        query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(text)));
    const quint64 generation = ++m_searchGeneration;
    m_session->authorizedGet(
        QStringLiteral("/api/v1/users?") + query.toString(QUrl::FullyEncoded), this,
        [this, generation](const Result<QJsonValue> &reply) {
            if (generation != m_searchGeneration)
                return; // a newer search is on its way
            if (!reply) {
                showMessage(explain(reply.error()), true);
                return;
            }
            // Keep what was ticked under another search.
            QHash<QString, QString> picked;
            for (int i = 0; i < m_people->count(); ++i) {
                const QListWidgetItem *item = m_people->item(i);
                if (item->checkState() == Qt::Checked)
                    picked.insert(item->data(idRole).toString(), item->data(nameRole).toString());
            }
            const QSignalBlocker blocker(m_people);
            for (int i = m_people->count() - 1; i >= 0; --i) {
                if (m_people->item(i)->checkState() != Qt::Checked)
                    delete m_people->takeItem(i);
            }
            for (const QJsonValue &value : reply->toArray()) {
                const QJsonObject user = value.toObject();
                const QString id = user.value(u"id").toString();
                if (picked.contains(id))
                    continue;
                QString text = tr("%1 <%2>").arg(user.value(u"name").toString(),
                                                 user.value(u"email").toString());
                if (m_listed.contains(id))
                    text += u' ' + tr("(in the class list)");
                auto *item = new QListWidgetItem(text, m_people);
                item->setData(idRole, id);
                item->setData(nameRole, user.value(u"name").toString());
                item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
                item->setCheckState(Qt::Unchecked);
            }
            if (m_people->count() == 0)
                showMessage(tr("Nobody in your organisation matches “%1”.")
                                .arg(m_peopleSearch->text().trimmed()),
                            false);
            else if (!m_message->property("error").toBool())
                showMessage(QString(), false);
            updateButtons();
        });
}

void EnrollDialog::loadCohorts()
{
    m_session->authorizedGet(QStringLiteral("/api/v1/cohorts?limit=100"), this,
                             [this](const Result<QJsonValue> &reply) {
                                 if (!reply)
                                     return; // the people tab says what is wrong
                                 m_cohorts = reply->toArray();
                                 showCohorts();
                             });
}

void EnrollDialog::showCohorts()
{
    const QString filter = m_cohortFilter->text().trimmed();
    const QString selected = m_cohortList->currentItem()
        ? m_cohortList->currentItem()->data(idRole).toString()
        : QString();
    m_cohortList->clear();
    for (const QJsonValue &value : std::as_const(m_cohorts)) {
        const QJsonObject cohort = value.toObject();
        const QString name = cohort.value(u"name").toString();
        if (!filter.isEmpty() && !name.contains(filter, Qt::CaseInsensitive))
            continue;
        const int members = cohort.value(u"memberCount").toInt();
        auto *item
            = new QListWidgetItem(tr("%1 (%2 members)").arg(name).arg(members), m_cohortList);
        item->setData(idRole, cohort.value(u"id").toString());
        item->setData(nameRole, name);
        if (item->data(idRole).toString() == selected)
            m_cohortList->setCurrentItem(item);
    }
    if (m_cohorts.isEmpty()) {
        auto *item = new QListWidgetItem(tr("Your organisation has no cohorts yet."), m_cohortList);
        item->setFlags(Qt::NoItemFlags);
    }
    updateButtons();
}

void EnrollDialog::updateButtons()
{
    const bool people = m_tabs->currentIndex() == 0;
    bool ready = false;
    if (people) {
        for (int i = 0; i < m_people->count() && !ready; ++i)
            ready = m_people->item(i)->checkState() == Qt::Checked;
    } else {
        ready = m_cohortList->currentItem()
            && !m_cohortList->currentItem()->data(idRole).toString().isEmpty();
    }
    m_type->setEnabled(people && m_role->currentData().toString() == u"student");
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready && !m_busy);
}

void EnrollDialog::submit()
{
    QJsonObject body {{QStringLiteral("role"), m_role->currentData().toString()}};
    if (m_tabs->currentIndex() == 0) {
        QJsonArray ids;
        for (int i = 0; i < m_people->count(); ++i) {
            if (m_people->item(i)->checkState() == Qt::Checked)
                ids.append(m_people->item(i)->data(idRole).toString());
        }
        if (ids.isEmpty())
            return;
        body.insert(QStringLiteral("userIds"), ids);
        if (m_type->isEnabled())
            body.insert(QStringLiteral("type"), m_type->currentData().toString());
    } else {
        if (!m_cohortList->currentItem())
            return;
        body.insert(QStringLiteral("cohortId"),
                    m_cohortList->currentItem()->data(idRole).toString());
    }
    if (m_override->isChecked())
        body.insert(QStringLiteral("override"), true);

    m_busy = true;
    updateButtons();
    showMessage(tr("Enrolling…"), false);
    m_session->authorizedPost(QStringLiteral("/api/v1/courses/%1/enroll").arg(m_courseId), body,
                              this, [this](const Result<QJsonValue> &reply) {
                                  m_busy = false;
                                  updateButtons();
                                  if (!reply) {
                                      showMessage(explain(reply.error()), true);
                                      return;
                                  }
                                  const QString done = describeEnrolled(reply->toArray());
                                  showMessage(done, false);
                                  Q_EMIT enrolled(done);
                                  accept();
                              });
}

QString EnrollDialog::explain(const Error &error)
{
    const QString code = error.code;
    if (code == QLatin1StringView(ErrorCode::EnrollmentClosed)) {
        const QJsonObject details = error.details;
        QString why;
        const QDateTime opens = Json::toDateTime(details.value(u"enrollmentOpensAt"));
        if (details.value(u"status").toString() == u"archived")
            why = tr("This course is archived, so nobody can be enrolled as a student.");
        else if (opens.isValid() && opens > QDateTime::currentDateTimeUtc())
            why = tr("Enrollment in this course opens on %1.")
                      .arg(dateWords(details.value(u"enrollmentOpensAt")));
        else if (!dateWords(details.value(u"enrollmentClosesAt")).isEmpty())
            why = tr("Enrollment in this course closed on %1.")
                      .arg(dateWords(details.value(u"enrollmentClosesAt")));
        else
            why = tr("Enrollment in this course is closed.");
        return why + u' '
            + tr("Instructors and administrators can still enroll students: tick “Enroll even if "
                 "enrollment is closed or the course is full”.");
    }
    if (code == QLatin1StringView(ErrorCode::CourseFull))
        return tr("The course is full (at most %1 students). Put the student on the waitlist, "
                  "raise the course's maximum, or enroll anyway.")
            .arg(error.details.value(u"maxEnrollment").toInt());
    if (code == QLatin1StringView(ErrorCode::Forbidden))
        return tr("Only the course's instructors and administrators can change enrollments.");
    if (code == QLatin1StringView(ErrorCode::NotFound))
        return tr("The course or the person is no longer there, or you can no longer see it. "
                  "Refresh the class list.");
    if (code == QLatin1StringView(ErrorCode::ValidationFailed)) {
        const ValidationErrors fields = ValidationErrors::fromError(error);
        QStringList parts;
        for (const QString &field : fields.fieldNames())
            parts.append(fields.message(field));
        parts.removeDuplicates();
        if (!parts.isEmpty())
            return tr("The server did not accept this: %1.").arg(parts.join(QStringLiteral("; ")));
    }
    if (code == QLatin1StringView(ClientErrorCode::NetworkUnreachable)
        || code == QLatin1StringView(ErrorCode::Unavailable))
        return tr("The server cannot be reached. Connect to change enrollments.");
    if (Session::isAuthFailure(error))
        return tr("Your session has ended. Log in again to change enrollments.");
    return error.message.isEmpty() ? tr("The server refused this change.") : error.message;
}

QString EnrollDialog::describeEnrolled(const QJsonArray &enrollments)
{
    const int count = int(enrollments.size());
    int waiting = 0;
    for (const QJsonValue &value : enrollments) {
        const QJsonObject e = value.toObject();
        if (e.value(u"role").toString() == u"student"
            && e.value(u"status").toString() == u"enrolled"
            && e.value(u"type").toString() == u"waitlist")
            ++waiting;
    }
    if (count == 0)
        return tr("Nobody was enrolled: the cohort has no members yet. People who join it later "
                  "are enrolled then.");
    if (waiting == 0)
        return count == 1 ? tr("Enrolled one person.") : tr("Enrolled %1 people.").arg(count);
    if (count == 1)
        return tr("The course is full, so this student is on the waitlist. They get a seat as "
                  "soon as one frees.");
    return tr("Enrolled %1 people. The course is full, so %2 of them are on the waitlist and get "
              "a seat as soon as one frees.")
        .arg(count)
        .arg(waiting);
}

} // namespace Lectern::Client
