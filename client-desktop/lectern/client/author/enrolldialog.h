#pragma once

#include <QDialog>
#include <QJsonArray>
#include <QSet>
#include <QTimer>
#include <lectern/result.h>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QTabWidget;

namespace Lectern::Client {

class Session;

// "Enroll…" for a course's class list: find people of the organisation (GET /users?q=) or one of
// its cohorts (GET /cohorts), pick a role, enroll (POST /courses/:id/enroll). Enrollments are the
// server's to decide, so this needs the server: what it refuses is said in words here (enrollment
// closed, a full course whose new students go to the waitlist, no right to enroll).
class EnrollDialog : public QDialog
{
    Q_OBJECT

public:
    EnrollDialog(Session *session, const QString &courseId, QWidget *parent = nullptr);

    // People already in the class list: marked as such in the search results.
    void setAlreadyListed(const QSet<QString> &userIds);

    // Words for a refused enrollment request (also for unenroll and role changes).
    static QString explain(const Error &error);
    // What an accepted request did, from the enrollments the server answered: how many, and how
    // many of them went to the waitlist (a full course), and why.
    static QString describeEnrolled(const QJsonArray &enrollments);

    // The last message shown (an error, or what the enrollment did).
    QString message() const;

Q_SIGNALS:
    // The server took the request; `message` says what happened, for the class list to show.
    void enrolled(const QString &message);

private:
    void searchPeople();
    void loadCohorts();
    void showCohorts();
    void updateButtons();
    void submit();
    void showMessage(const QString &text, bool error);

    Session *m_session;
    QString m_courseId;
    QSet<QString> m_listed;
    QJsonArray m_cohorts;
    quint64 m_searchGeneration = 0;
    bool m_busy = false;

    QTabWidget *m_tabs;
    QLineEdit *m_peopleSearch;
    QListWidget *m_people;
    QLineEdit *m_cohortFilter;
    QListWidget *m_cohortList;
    QComboBox *m_role;
    QComboBox *m_type;
    QCheckBox *m_override;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QTimer m_searchTimer;
};

} // namespace Lectern::Client
