#include "migrations.h"

#include "transaction.h"

#include <QLoggingCategory>
#include <QSqlQuery>

Q_DECLARE_LOGGING_CATEGORY(lcDb)

namespace Lectern::Server {

namespace {

// Every synced record carries the bookkeeping columns (docs/architecture.md, "Records and the
// registry"): id (UUID), org_id, rev (server revision), hlc (of the last change) and a tombstone
// flag. Times are milliseconds since the epoch.
const QList<Migration> migrations = {
    {1,
     "accounts and organisations",
     {
         QStringLiteral("CREATE TABLE change_log ("
                        " seq {{SEQ_PK}},"
                        " org_id TEXT,"
                        " entity TEXT NOT NULL,"
                        " entity_id TEXT NOT NULL,"
                        " rev BIGINT NOT NULL,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0,"
                        " changed_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX change_log_org_seq ON change_log (org_id, seq)"),
         QStringLiteral("CREATE INDEX change_log_entity ON change_log (entity, entity_id)"),

         QStringLiteral("CREATE TABLE organizations ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL,"
                        " name TEXT NOT NULL,"
                        " slug TEXT NOT NULL,"
                        " settings TEXT NOT NULL DEFAULT '{}',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX organizations_slug ON organizations (slug)"),

         QStringLiteral("CREATE TABLE users ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " email TEXT NOT NULL,"
                        " name TEXT NOT NULL,"
                        " password_hash TEXT,"
                        " status TEXT NOT NULL DEFAULT 'active',"
                        " locale TEXT,"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " last_login_at BIGINT,"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         // A deleted account frees its address for a new one.
         QStringLiteral("CREATE UNIQUE INDEX users_email ON users (email) WHERE deleted = 0"),
         QStringLiteral("CREATE INDEX users_org ON users (org_id, deleted, name)"),

         QStringLiteral("CREATE TABLE role_assignments ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " user_id TEXT NOT NULL REFERENCES users (id),"
                        " role TEXT NOT NULL,"
                        " course_id TEXT,"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX role_assignments_unique ON role_assignments"
                        " (user_id, role, COALESCE(course_id, '')) WHERE deleted = 0"),
         QStringLiteral(
             "CREATE INDEX role_assignments_org_role ON role_assignments (org_id, role)"),

         // Server-private: rotating refresh tokens (only their SHA-256 is stored), grouped in
         // families so that reuse of a spent token revokes every descendant.
         QStringLiteral("CREATE TABLE refresh_tokens ("
                        " id TEXT PRIMARY KEY,"
                        " family_id TEXT NOT NULL,"
                        " user_id TEXT NOT NULL REFERENCES users (id),"
                        " token_hash TEXT NOT NULL UNIQUE,"
                        " created_at BIGINT NOT NULL,"
                        " expires_at BIGINT NOT NULL,"
                        " used_at BIGINT,"
                        " revoked_at BIGINT,"
                        " address TEXT)"),
         QStringLiteral("CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id)"),
         QStringLiteral("CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id)"),

         QStringLiteral("CREATE TABLE login_attempts ("
                        " id {{SEQ_PK}},"
                        " email TEXT NOT NULL,"
                        " address TEXT NOT NULL,"
                        " succeeded INTEGER NOT NULL,"
                        " at BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX login_attempts_email ON login_attempts (email, at)"),
         QStringLiteral("CREATE INDEX login_attempts_address ON login_attempts (address, at)"),

         QStringLiteral("CREATE TABLE server_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
     }},
    {2,
     "courses, modules, contents, enrollments, cohorts and files",
     {
         QStringLiteral("CREATE TABLE courses ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " code TEXT NOT NULL,"
                        " title TEXT NOT NULL,"
                        " description TEXT NOT NULL DEFAULT '',"
                        " term TEXT,"
                        " start_date TEXT,"
                        " end_date TEXT,"
                        " enrollment_opens_at BIGINT,"
                        " enrollment_closes_at BIGINT,"
                        " max_enrollment BIGINT,"
                        " credits DOUBLE PRECISION,"
                        " level TEXT,"
                        " status TEXT NOT NULL DEFAULT 'draft',"
                        " settings TEXT NOT NULL DEFAULT '{}',"
                        " banner_file_id TEXT,"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX courses_code_term ON courses"
                        " (org_id, code, COALESCE(term, '')) WHERE deleted = 0"),
         QStringLiteral(
             "CREATE INDEX courses_org_status ON courses (org_id, deleted, status, title)"),
         // The course list's default order, so a page is read in order instead of sorted.
         QStringLiteral("CREATE INDEX courses_org_title ON courses (org_id, deleted, title, id)"),

         QStringLiteral("CREATE TABLE modules ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " course_id TEXT NOT NULL REFERENCES courses (id),"
                        " order_key TEXT {{BYTE_ORDER}} NOT NULL,"
                        " title TEXT NOT NULL,"
                        " description TEXT NOT NULL DEFAULT '',"
                        " published INTEGER NOT NULL DEFAULT 0,"
                        " publish_at BIGINT,"
                        " unlock_at BIGINT,"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX modules_course ON modules (course_id, deleted, order_key)"),

         QStringLiteral("CREATE TABLE contents ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " course_id TEXT NOT NULL REFERENCES courses (id),"
                        " module_id TEXT NOT NULL REFERENCES modules (id),"
                        " order_key TEXT {{BYTE_ORDER}} NOT NULL,"
                        " type TEXT NOT NULL,"
                        " title TEXT NOT NULL,"
                        " body TEXT NOT NULL DEFAULT '',"
                        " url TEXT,"
                        " file_id TEXT,"
                        " required INTEGER NOT NULL DEFAULT 0,"
                        " estimated_minutes BIGINT,"
                        " publish_at BIGINT,"
                        " unlock_at BIGINT,"
                        " published INTEGER NOT NULL DEFAULT 0,"
                        " settings TEXT NOT NULL DEFAULT '{}',"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX contents_module ON contents (module_id, deleted, order_key)"),
         QStringLiteral("CREATE INDEX contents_course ON contents (course_id, deleted)"),

         QStringLiteral("CREATE TABLE enrollments ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " course_id TEXT NOT NULL REFERENCES courses (id),"
                        " user_id TEXT NOT NULL REFERENCES users (id),"
                        " role TEXT NOT NULL DEFAULT 'student',"
                        " status TEXT NOT NULL DEFAULT 'enrolled',"
                        " type TEXT NOT NULL DEFAULT 'regular',"
                        " cohort_id TEXT,"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX enrollments_course_user ON enrollments"
                        " (course_id, user_id) WHERE deleted = 0"),
         QStringLiteral("CREATE INDEX enrollments_user ON enrollments (user_id, deleted)"),

         QStringLiteral("CREATE TABLE cohorts ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " name TEXT NOT NULL,"
                        " description TEXT NOT NULL DEFAULT '',"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX cohorts_org ON cohorts (org_id, deleted, name)"),
         QStringLiteral("CREATE TABLE cohort_members ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " cohort_id TEXT NOT NULL REFERENCES cohorts (id),"
                        " user_id TEXT NOT NULL REFERENCES users (id),"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX cohort_members_unique ON cohort_members"
                        " (cohort_id, user_id) WHERE deleted = 0"),
         QStringLiteral("CREATE TABLE cohort_courses ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " cohort_id TEXT NOT NULL REFERENCES cohorts (id),"
                        " course_id TEXT NOT NULL REFERENCES courses (id),"
                        " role TEXT NOT NULL DEFAULT 'student',"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE UNIQUE INDEX cohort_courses_unique ON cohort_courses"
                        " (cohort_id, course_id) WHERE deleted = 0"),
     }},
    {3,
     "files",
     {
         // Metadata of uploaded files; the bytes are in <data>/files/ab/cd/<sha256>, shared by
         // every row with the same sha256 (stored once).
         QStringLiteral("CREATE TABLE files ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " course_id TEXT REFERENCES courses (id),"
                        " sha256 TEXT NOT NULL,"
                        " size BIGINT NOT NULL,"
                        " mime_type TEXT NOT NULL,"
                        " original_name TEXT NOT NULL,"
                        " uploader_id TEXT REFERENCES users (id),"
                        " access TEXT NOT NULL DEFAULT 'course',"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX files_course ON files (course_id, deleted)"),
         QStringLiteral("CREATE INDEX files_org ON files (org_id, deleted)"),
         QStringLiteral("CREATE INDEX files_sha256 ON files (sha256)"),
     }},
    {4,
     "search",
     {
         // The full-text index (server/search/searchindex.h): one row per course, module and
         // item, with its text as shown (title_text, body_text) and folded for matching. The
         // index proper differs by backend (SqlDialect: FTS5 table or tsvector with GIN). It
         // is filled by SearchIndex::ensureBuilt at start-up, which needs C++ folding.
         QStringLiteral("CREATE TABLE search_entries ("
                        " id {{SEQ_PK}},"
                        " entity TEXT NOT NULL,"
                        " entity_id TEXT NOT NULL,"
                        " org_id TEXT NOT NULL,"
                        " course_id TEXT NOT NULL,"
                        " module_id TEXT,"
                        " title TEXT NOT NULL,"
                        " title_text TEXT NOT NULL,"
                        " body_text TEXT NOT NULL,"
                        " title_folded TEXT NOT NULL,"
                        " body_folded TEXT NOT NULL"
                        "{{SEARCH_DOCUMENT}})"),
         QStringLiteral(
             "CREATE UNIQUE INDEX search_entries_entity ON search_entries (entity_id, entity)"),
         QStringLiteral("CREATE INDEX search_entries_course ON search_entries (course_id)"),
         QStringLiteral("{{SEARCH_INDEX}}"),
     }},
    {5,
     "sync: applied operations, conflicts, targeted changes",
     {
         // Every op a device pushed, with its first outcome: a repeated push answers from here
         // (docs/architecture.md, "The sync model": each op applies at most once).
         QStringLiteral("CREATE TABLE sync_ops ("
                        " op_id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL,"
                        " user_id TEXT NOT NULL,"
                        " device_id TEXT NOT NULL,"
                        " device_seq BIGINT NOT NULL,"
                        " entity TEXT NOT NULL,"
                        " entity_id TEXT NOT NULL,"
                        " outcome TEXT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 0,"
                        " conflict_id TEXT,"
                        " reason TEXT,"
                        " message TEXT,"
                        " received_at BIGINT NOT NULL)"),
         QStringLiteral("CREATE INDEX sync_ops_device ON sync_ops (device_id, device_seq)"),
         // The registry's `conflict` entity: a synced record like the others.
         QStringLiteral("CREATE TABLE sync_conflicts ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " course_id TEXT NOT NULL,"
                        " entity TEXT NOT NULL,"
                        " entity_id TEXT,"
                        " field TEXT,"
                        " kind TEXT NOT NULL DEFAULT 'field',"
                        " base TEXT,"
                        " mine TEXT,"
                        " theirs TEXT,"
                        " merged TEXT NOT NULL DEFAULT '',"
                        " op_id TEXT,"
                        " mine_author_id TEXT,"
                        " mine_hlc TEXT,"
                        " theirs_hlc TEXT,"
                        " status TEXT NOT NULL DEFAULT 'open',"
                        " resolution TEXT,"
                        " resolved_by TEXT,"
                        " resolved_at BIGINT,"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         QStringLiteral("CREATE INDEX sync_conflicts_org ON sync_conflicts"
                        " (org_id, deleted, status, created_at)"),
         QStringLiteral("CREATE INDEX sync_conflicts_course ON sync_conflicts"
                        " (course_id, deleted, status)"),
         QStringLiteral("CREATE INDEX sync_conflicts_entity ON sync_conflicts (entity_id)"),
         // NULL: the change is for everyone who may see the record; otherwise only for that user
         // (a record whose visibility changed for them, e.g. on enrollment). Pull reads by
         // (org_id, seq), which change_log_org_seq serves.
         QStringLiteral("ALTER TABLE change_log ADD COLUMN audience_user_id TEXT NULL"),
     }},
    {6,
     "enrollments: waitlist position",
     {
         // When the enrollment last joined its course's waitlist (milliseconds; NULL when it is not
         // waiting): the waitlist moves up in this order, so editing a waiting enrollment keeps its
         // place. Server-side bookkeeping, not a registry field (EnrollmentService keeps it).
         QStringLiteral("ALTER TABLE enrollments ADD COLUMN waitlisted_at BIGINT NULL"),
         // Those already waiting keep the order they had: by their last change.
         QStringLiteral("UPDATE enrollments SET waitlisted_at = updated_at WHERE deleted = 0"
                        " AND role = 'student' AND status = 'enrolled' AND type = 'waitlist'"),
         QStringLiteral("CREATE INDEX enrollments_waitlist ON enrollments"
                        " (course_id, waitlisted_at) WHERE waitlisted_at IS NOT NULL"),
     }},
    {7,
     "release times",
     {
         // The release ticker (ReleaseTicker) asks every 30 s what was released in the last
         // window: without these it would read every module and item each time.
         QStringLiteral("CREATE INDEX modules_publish_at ON modules (publish_at)"
                        " WHERE publish_at IS NOT NULL"),
         QStringLiteral("CREATE INDEX modules_unlock_at ON modules (unlock_at)"
                        " WHERE unlock_at IS NOT NULL"),
         QStringLiteral("CREATE INDEX contents_publish_at ON contents (publish_at)"
                        " WHERE publish_at IS NOT NULL"),
         QStringLiteral("CREATE INDEX contents_unlock_at ON contents (unlock_at)"
                        " WHERE unlock_at IS NOT NULL"),
     }},
    {8,
     "progress events",
     {
         // The registry's `progress` entity: append-only events a learner's devices make
         // (opened, position, completed, time), summed up by Progress::summarize. Never updated;
         // position_fraction and occurred_at keep clear of SQL keywords.
         QStringLiteral("CREATE TABLE progress_events ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " content_id TEXT NOT NULL REFERENCES contents (id),"
                        " course_id TEXT NOT NULL REFERENCES courses (id),"
                        " user_id TEXT NOT NULL REFERENCES users (id),"
                        " kind TEXT NOT NULL,"
                        " position_fraction DOUBLE PRECISION,"
                        " seconds BIGINT NOT NULL DEFAULT 0,"
                        " occurred_at BIGINT NOT NULL,"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         // A learner's events in a course (their summary, GET .../progress), and a whole course's
         // (the staff's class list).
         QStringLiteral("CREATE INDEX progress_events_user_course ON progress_events"
                        " (user_id, course_id, deleted)"),
         QStringLiteral("CREATE INDEX progress_events_course ON progress_events"
                        " (course_id, deleted, content_id)"),
     }},
    {9,
     "conflicts: who wrote each side",
     {
         // The author of the server's side (the op's side has mine_author_id since 5) and both
         // authors' names as they were when the conflict was made.
         QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN theirs_author_id TEXT NULL"),
         QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN mine_author_name TEXT NULL"),
         QStringLiteral("ALTER TABLE sync_conflicts ADD COLUMN theirs_author_name TEXT NULL"),
         // Finding that author: the op that made the record's revision (read only when a
         // conflict is made).
         QStringLiteral("CREATE INDEX sync_ops_entity ON sync_ops (entity_id, rev)"),
     }},
    {10,
     "private notes",
     {
         // The registry's `note`: what a course's instructor or TA keeps on it for themselves.
         QStringLiteral("CREATE TABLE notes ("
                        " id TEXT PRIMARY KEY,"
                        " org_id TEXT NOT NULL REFERENCES organizations (id),"
                        " course_id TEXT NOT NULL REFERENCES courses (id),"
                        " author_id TEXT NOT NULL REFERENCES users (id),"
                        " title TEXT NOT NULL,"
                        " body TEXT NOT NULL DEFAULT '',"
                        " search_text TEXT NOT NULL DEFAULT '',"
                        " created_at BIGINT NOT NULL,"
                        " updated_at BIGINT NOT NULL,"
                        " rev BIGINT NOT NULL DEFAULT 1,"
                        " hlc TEXT NOT NULL,"
                        " deleted INTEGER NOT NULL DEFAULT 0)"),
         // A person's notes on a course (their list, and the course's cascade on delete).
         QStringLiteral(
             "CREATE INDEX notes_course_author ON notes (course_id, author_id, deleted)"),
     }},
    {11,
     "the device a pushed change came from",
     {
         // Set on the change row of the record a pushed op wrote, whose state the op's answer
         // gave that device: its pull leaves the row out (SyncService::pull).
         QStringLiteral("ALTER TABLE change_log ADD COLUMN origin_device TEXT NULL"),
     }},
};

Result<void> ensureBookkeeping(Transaction &tx)
{
    auto q = tx.query(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                     " version INTEGER PRIMARY KEY,"
                                     " name TEXT NOT NULL,"
                                     " applied_at BIGINT NOT NULL)"));
    return q.exec();
}

Result<int> readVersion(Transaction &tx);

// Every look at the schema version goes through the migration lock, so that two processes never
// both create the bookkeeping table or apply the same migration.
Result<int> lockedVersion(Transaction &tx)
{
    if (const QString lock = tx.dialect().lockMigrations(); !lock.isEmpty()) {
        if (auto r = tx.query(lock).exec(); !r)
            return r.error();
    }
    if (auto r = ensureBookkeeping(tx); !r)
        return r.error();
    return readVersion(tx);
}

Result<int> readVersion(Transaction &tx)
{
    auto q = tx.query(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (auto r = q.exec(); !r)
        return r.error();
    q.next();
    return int(q.int64(0));
}

} // namespace

const QList<Migration> &Migrations::all()
{
    return migrations;
}

int Migrations::latestVersion()
{
    return migrations.isEmpty() ? 0 : migrations.last().version;
}

Result<int> Migrations::currentVersion(Database &db)
{
    Transaction tx(db, Transaction::Read);
    if (!tx.isOk())
        return tx.error();
    auto version = lockedVersion(tx);
    if (!version)
        return version.error();
    if (auto r = tx.commit(); !r)
        return r.error();
    return *version;
}

Result<int> Migrations::apply(Database &db)
{
    int applied = 0;
    for (const Migration &migration : migrations) {
        Transaction tx(db, Transaction::Write);
        if (!tx.isOk())
            return tx.error();
        auto version = lockedVersion(tx);
        if (!version)
            return version.error();
        if (*version > latestVersion())
            return fail(ErrorCode::Conflict,
                        QStringLiteral("The database schema is at version %1, newer than this "
                                       "server understands (%2). Run the newer lectern-server it "
                                       "was upgraded with, or restore a backup.")
                            .arg(*version)
                            .arg(latestVersion()));
        if (*version >= migration.version)
            continue; // already there (perhaps another server process just applied it)

        for (const QString &statement : migration.statements) {
            if (auto r = tx.query(db.dialect().expand(statement)).exec(); !r)
                return Error(r.error().code,
                             QStringLiteral("Migration %1 (%2) failed: %3")
                                 .arg(migration.version)
                                 .arg(QString::fromLatin1(migration.name), r.error().message));
        }
        auto record = tx.query(QStringLiteral(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :at)"));
        record.bind(QStringLiteral(":v"), migration.version)
            .bind(QStringLiteral(":n"), QString::fromLatin1(migration.name))
            .bind(QStringLiteral(":at"), QDateTime::currentMSecsSinceEpoch());
        if (auto r = record.exec(); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        qCInfo(lcDb).noquote() << "applied migration" << migration.version << migration.name;
        ++applied;
    }
    return applied;
}

} // namespace Lectern::Server
