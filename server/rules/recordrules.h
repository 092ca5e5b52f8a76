#pragma once

#include "services/caller.h"
#include "services/courseaccess.h"
#include "storage/recordstore.h"

#include <QCoreApplication>
#include <QHash>

namespace Lectern::Server {

// What the rules of one request or one pushed op work with: the writer's transaction, the clock,
// who is asking, and what they may do in each course (looked up once per course and kept until
// a write changes it).
class RuleContext
{
public:
    RuleContext(Transaction &tx, HlcClock &clock, const Caller &caller)
        : m_tx(tx)
        , m_clock(clock)
        , m_caller(caller)
    { }

    Transaction &tx() const { return m_tx; }
    HlcClock &clock() const { return m_clock; }
    const Caller &caller() const { return m_caller; }

    // The caller's standing in a course (None for an empty id or a course they may not know).
    Result<CourseAccess> accessTo(const QString &courseId);
    // After a write that changes someone's standing (a new course, a deleted one, an op undone).
    void forget(const QString &courseId) { m_access.remove(courseId); }
    void forgetAll() { m_access.clear(); }

private:
    Transaction &m_tx;
    HlcClock &m_clock;
    const Caller &m_caller;
    QHash<QString, CourseAccess> m_access;
};

// The rules of one kind of record, asked by both doors: the REST services and the sync applier
// are thin adapters over them, so the two cannot disagree (tests/server/tst_restsyncparity.cpp
// tries every record type, role and action through both). What is declarative lives in the
// registry (EntitySpec: parents, course, cascade, audience, merge rules); a kind of record with
// rules of its own (a course, a conflict) overrides what differs. docs/architecture.md,
// "The rules layer".
//
// Decisions are Result values with the codes both doors answer with: not_found (what the caller
// may not see does not exist for them), forbidden, validation_failed (naming each field),
// server_decides (a field only the server changes). Any other error is the database's.
class RecordRules
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::RecordRules)

public:
    explicit RecordRules(const EntitySpec &spec);
    virtual ~RecordRules() = default;
    RecordRules(const RecordRules &) = delete;
    RecordRules &operator=(const RecordRules &) = delete;

    const EntitySpec &spec() const { return m_spec; }

    // The rules of a kind of record: its own class when it has one, else the registry's defaults.
    static const RecordRules &of(const EntitySpec &spec);

    // Where it belongs: the course of a record, or of a new record's values (through its parent
    // when it does not name its course). Empty when it belongs to none or its parent is not in
    // the caller's organisation.
    virtual Result<QString> courseOf(RuleContext &context, const QJsonObject &values) const;

    // Reading. What the caller may see of a record: their standing in its course and, for a
    // learner, how far it is released (with its parents: an item of a locked module is locked);
    // Open for those who see drafts. not_found when the caller may not know the record exists
    // (a course they are not in, material hidden from a learner, staff-only records, someone
    // else's own records).
    struct View
    {
        CourseAccess access;
        CourseAccess::Release release = CourseAccess::Release::Open;
    };
    virtual Result<View> view(RuleContext &context, const Record &record) const;
    // What the caller reads of the record, by either door: all of it, or the stub of a record
    // locked to them (see shownAt()); not_found when it is hidden from them.
    Result<Record> read(RuleContext &context, const Record &record) const;
    // The caller may use the record whole (record progress in it, create under it): its view,
    // and not_found while it is locked to them.
    Result<CourseAccess> locate(RuleContext &context, const Record &record) const;

    // Releases, for the doors that decide many records at once (the pull, the course outline).
    // The release of a record on its own, Open for kinds without one.
    CourseAccess::Release releaseOf(const Record &record, const QDateTime &now) const;
    // The parent whose release holds back this kind of record too (an item's module), if any.
    const EntitySpec *releasingParent() const;
    // A record as a learner is shown it at a release that is not Hidden: whole when Open; when
    // Locked, where it sits, its title and type and when it opens, never its content.
    Record shownAt(CourseAccess::Release release, const Record &record) const;

    // Creating. Decides whether the caller may make the record where its values put it, and
    // completes the values: fields derived from the parent (an item's course), the order key
    // for `position` when none is given, then the field rules and references. On success
    // `values` is what to insert.
    virtual Result<void> prepareCreate(RuleContext &context, QJsonObject &values,
                                       const QJsonValue &position) const;
    // What else is made with a new record (the creator of a course teaches it).
    virtual Result<void> afterCreate(RuleContext &context, const Record &made) const;

    // Changing. mayChange: the caller may change this record at all (not_found, forbidden).
    virtual Result<CourseAccess> mayChange(RuleContext &context, const Record &current) const;
    // The caller may change `field` of `current`: immutable fields are a validation error, the
    // server's fields are server_decides unless the rules of the record say who may.
    virtual Result<void> mayChangeField(RuleContext &context, const Record &current,
                                        const CourseAccess &access, const FieldSpec &field) const;
    // Completes the changes about to be written: a record that moves to another parent must
    // stay in its course and goes last there unless placed; `position` places it among its
    // siblings. Refuses what does not belong.
    virtual Result<void> prepareUpdate(RuleContext &context, const Record &current,
                                       QJsonObject &writes, const QJsonValue &position) const;
    // What else changes with a change (more seats move the waitlist up).
    virtual Result<void> afterUpdate(RuleContext &context, const Record &before,
                                     const Record &after) const;

    // Deleting: the caller may delete it (not_found, forbidden).
    virtual Result<void> mayDelete(RuleContext &context, const Record &current,
                                   const CourseAccess &access) const;
    // Tombstones the record with everything the registry's cascade lists under it, so every
    // device drops the subtree when it syncs.
    Result<void> remove(RuleContext &context, const Record &current) const;
    // A value as the store gives it back, so that "the same value" compares equal whatever form
    // it was sent in (untrimmed titles, upper-case ids, times with other offsets).
    static QJsonValue canonical(const FieldSpec &field, const QJsonValue &value);

    // Whether an edit that meets a deleted record may bring it back (SYNC: edit met delete). A
    // deleted course is gone for good.
    virtual bool revivable() const { return true; }

protected:
    // The standing of the caller in the course of `record`.
    Result<CourseAccess> accessOf(RuleContext &context, const Record &record) const;
    static Error cannotEdit();

private:
    const EntitySpec &m_spec;
    // Looked up once: releaseOf() and releasingParent() run for every record a pull ships.
    bool m_hasRelease;
    const EntitySpec *m_releasingParent;
};

// Whether an error is a decision of the rules (the op is refused, the request answers 4xx), as
// opposed to the database failing.
bool isRefusal(const Error &error);

} // namespace Lectern::Server
