#pragma once

#include "core/listquery.h"
#include "core/servicecontext.h"
#include "services/caller.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <optional>

namespace Lectern::Server {

// Who takes part in which course, and how: enrollments (user × course with a role, a status and a
// type), the seat limit with its waitlist, and the enrollment window. The course's instructors and
// the organisation's admins manage enrollment; TAs read the class list; students see their own.
// Every write goes through RecordStore, so it feeds the change sequence.
class EnrollmentService
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::EnrollmentService)

public:
    explicit EnrollmentService(ServiceContext &context)
        : m_context(context)
    { }

    // What an enroll request produced: one record for {userId}, one per person for {userIds} and
    // {cohortId}. `created` when a record was made (201), `message` says who was waitlisted.
    struct Enrolled
    {
        QList<Record> enrollments;
        bool single = false;
        bool created = false;
        QString message;
    };

    // GET /courses/:id/students: enrollments joined with the person's name and email.
    // Filters role, status, type, q; sorts name, createdAt.
    Result<Page<Record>> classList(const Caller &caller, const QString &courseId,
                                   const ListQuery &query);
    static QStringList classListSorts();
    static QStringList classListFilters();

    // POST /courses/:id/enroll and POST /enrollments (courseId in the body).
    Result<Enrolled> enroll(const Caller &caller, const QString &courseId, const QJsonObject &body);
    // POST /courses/:id/unenroll: {userId} drops one person, {cohortId} unlinks a cohort.
    Result<Enrolled> unenroll(const Caller &caller, const QString &courseId,
                              const QJsonObject &body);

    // POST /enrollments: the same as enroll() with the course named by `courseId` in the body.
    Result<Enrolled> create(const Caller &caller, const QJsonObject &body);

    // Admins: every enrollment of the organisation; others: their own and those of the courses they
    // teach. Filters courseId, userId, status, role, type; sorts createdAt, updatedAt.
    Result<Page<Record>> list(const Caller &caller, const ListQuery &query);
    static QStringList listSorts();
    static QStringList listFilters();
    Result<Record> get(const Caller &caller, const QString &id);
    Result<Record> update(const Caller &caller, const QString &id, const QJsonObject &body);
    Result<void> remove(const Caller &caller, const QString &id);

    // The building blocks CohortService shares, inside the caller's transaction.
    struct Request
    {
        QString userId;
        std::optional<QString> role;
        std::optional<QString> type;
        QString cohortId;          // empty: a direct enrollment
        QString id;                // a client-made id for a new record
        bool enforceWindow = true; // a student may join only while enrollment is open
        bool override = false;     // the manager overrides the window and the seat limit
    };
    struct Outcome
    {
        Record enrollment;
        bool created = false;
        bool waitlisted = false;
    };
    static Result<Outcome> enrollIn(Transaction &tx, HlcClock &clock, const Record &course,
                                    const Request &request);
    // Drops the enrollments `cohortId` gave `userId` (or, when it is still in another cohort
    // enrolled in the course, hands the enrollment to that cohort). Empty userId: every member.
    static Result<QList<Record>> dropFromCohort(Transaction &tx, HlcClock &clock,
                                                const QString &courseId, const QString &cohortId,
                                                const QString &userId);
    // Gives free seats to the students of the course who joined the waitlist first (its
    // waitlisted_at, which no other edit moves); answers who moved up.
    static Result<QList<Record>> promoteWaitlist(Transaction &tx, HlcClock &clock,
                                                 const QString &courseId);
    // Names each id that is not a live person of `orgId` (as `field`, or `field[i]` for lists).
    static Result<ValidationErrors> checkPeople(Transaction &tx, const QString &orgId,
                                                const QStringList &userIds, const QString &field,
                                                bool indexed);
    // Serialises writers that count seats (SQLite has one writer already).
    static Result<void> lockWriters(Transaction &tx);
    // Adds {"user": {id, name, email}} to each record that has a userId.
    static Result<void> attachPeople(Transaction &tx, QList<Record> &records);

private:
    ServiceContext &m_context;
};

} // namespace Lectern::Server
