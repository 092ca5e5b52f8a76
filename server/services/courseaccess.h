#pragma once

#include "services/caller.h"
#include "storage/recordstore.h"

namespace Lectern::Server {

// What a caller may do with one course, decided in one place for every course-related service.
struct CourseAccess
{
    enum class Level {
        None,    // may not know the course exists (404)
        Learner, // an enrolled student: published material only
        Editor,  // a TA of the course: edits structure and content
        Owner,   // an instructor of the course, or an admin of its organisation: everything
    };
    Level level = Level::None;
    Record course;

    bool canSee() const { return level != Level::None; }
    bool canEdit() const { return level == Level::Editor || level == Level::Owner; }
    bool isOwner() const { return level == Level::Owner; }
    bool seesDrafts() const { return canEdit(); }

    // Loads the course and the caller's standing in it. A course of another organisation, a
    // deleted one, or one a student is not enrolled in (or that is not published) is None.
    static Result<CourseAccess> of(Transaction &tx, const Caller &caller, const QString &courseId);
    // The same decision for a course already loaded (live, of the caller's organisation) and the
    // caller's enrollment in it (role, status, type; empty strings when there is none), for code
    // that loads many courses at once (sync pull).
    static CourseAccess from(const Caller &caller, const Record &course, const QString &role,
                             const QString &status, const QString &type);
    // SQL condition over `courses` (alias-free) restricting to courses the caller may see.
    static RecordFilter visibleCourses(const Caller &caller);
    // SQL condition over `courses` (alias-free) restricting to courses whose drafts the caller
    // sees: every course of the organisation for admins, the courses they teach or assist in
    // for others. Joins that list modules and items of many courses at once (search) use it with
    // releasedCondition() to apply seesDrafts()/isReleased() in SQL.
    static RecordFilter draftCourses(const Caller &caller);
    // SQL condition: the module or item at `alias` is released at :now (isReleased() in SQL);
    // `hasDates` for modules, which have publish and unlock dates.
    static QString releasedCondition(const QString &alias, bool hasDates);
    // How much of a module or item a learner sees at a time. Ordered: a record shows no more of
    // itself than its parent does (an item of a locked module is locked too: std::max of the two).
    enum class Release {
        Open,   // published, its publish and unlock times passed: all of it
        Locked, // published, but not open before its unlockAt: a stub that says when it opens
        Hidden, // a draft, or published for later: for a learner it does not exist
    };
    // The release of a module or item on its own.
    static Release releaseOf(const Record &record, const QDateTime &now);
    // For learners: is a module or item released now (published, publish and unlock dates passed)?
    static bool isReleased(const Record &record, const QDateTime &now)
    {
        return releaseOf(record, now) == Release::Open;
    }
    // When a learner's view of the course next changes by itself: the first publish or unlock
    // time of its modules and items after `now`, rounded down to the second (records carry their
    // times to the second, and isReleased() compares those); invalid when none is ahead. Until
    // then, that view changes only with the data.
    static Result<QDateTime> nextRelease(Database &db, const QString &courseId,
                                         const QDateTime &now);
};

} // namespace Lectern::Server
