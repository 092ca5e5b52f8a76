#pragma once

#include "validation.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <optional>

namespace Lectern {

enum class FieldType {
    Text,     // short text (titles, codes)
    LongText, // Markdown bodies and descriptions
    Integer,
    Number, // may have a fraction (credits)
    Boolean,
    Time,     // RFC 3339 on the wire, milliseconds since the epoch in storage
    Date,     // "YYYY-MM-DD"
    Enum,     // one of `values`
    Id,       // the id of another record
    OrderKey, // fractional order key among siblings
    Json,     // a JSON object (settings)
    Any,      // any JSON value, stored as JSON text (a conflict's base / mine / theirs)
};

// How concurrent edits of a field combine (docs/architecture.md, "Merge rules").
enum class MergeRule {
    Field,      // three-way per field: one side's change wins, both changed differently = conflict
    Text,       // line-based three-way merge (diff3)
    Order,      // fractional order keys: never conflicts
    AppendOnly, // records made once by their author, never edited
    ServerDecides, // the server's rules decide; a refused op is `rejected`
};

struct FieldSpec
{
    QString name;   // JSON name (camelCase)
    QString column; // SQL column (snake_case)
    FieldType type = FieldType::Text;
    MergeRule merge = MergeRule::Field;
    bool required = false;   // must be present on create
    bool immutable = false;  // set on create, never changed (e.g. a module's course)
    int maxLength = 200;     // for Text, LongText (characters)
    QStringList values;      // for Enum
    QString defaultValue;    // used on create when absent (as JSON text: "draft", "true", "0")
    bool searchable = false; // folded into the record's search text (the `q` list filter)
    std::optional<double> maximum; // for Integer, Number: the largest value allowed
    bool webAddress = false;       // for Text: an absolute http or https address (or empty)
    // For Id: the entity it points at; the server checks that such a record exists, live, in the
    // caller's organisation (EntitySpec::validate checks only the shape).
    QString references;

    // Whether null is a value: fields that are neither required nor have a default (the column
    // takes NULL). Anything else refuses null by name instead of reaching the database.
    bool isNullable() const;
    // What a record that lacks this field holds: its default (false for a flag, {} for JSON),
    // else null. Undoing the first change of a field that was never set writes this back.
    QJsonValue absentValue() const;
};

// Who receives a record in a sync pull (the REST API's read rules, for the whole feed).
enum class Audience {
    Course,      // whoever may see its course: staff everything, learners what is released
    CourseStaff, // the course's instructors and TAs, and the organisation's admins
    Own,         // the course's staff, and the user named by `ownerField` (enrollments)
    OrgAdmin,    // the organisation's admins (cohorts)
    Author,      // the user named by `ownerField` alone, whose devices keep it (private notes)
};

// One kind of synced record: its table, its fields and where it hangs in the tree.
struct EntitySpec
{
    QString name;        // singular API resource name, also the sync entity name ("course")
    QString table;       // "courses"
    QString parentField; // JSON name of the parent id ("courseId"), empty for top-level records
    QList<FieldSpec> fields;
    Audience audience = Audience::Course;
    QString ownerField; // for Audience::Own and Author: JSON name of the user it belongs to
    // Whether devices may change it by a sync op. When false every op is `rejected` with
    // `server_decides` and the REST API is the way to change it (enrollments, files, cohorts).
    bool syncWritable = true;
    // The REST door: records live at /api/v1/<restPath>/{id}; a record with a parent is created
    // at /api/v1/<parent's restPath>/{parentId}/<restPath>, a top-level one at /api/v1/<restPath>
    // (enrollments, whose POST names the course in its body, are the exception). Empty when the
    // REST API has no record-by-record door for it (conflicts: /api/v1/sync/conflicts).
    QString restPath;
    // Whether the REST door is the generic one (the server's RecordService over the record's
    // rules): GET, PUT and DELETE /api/v1/<restPath>/{id}, and GET and POST under its parent.
    // Records with routes of their own (courses, enrolments, files, cohorts) leave it false.
    bool genericRest = false;
    // The field that names the record's course ("id" for a course itself); empty when the record
    // belongs to no course (cohorts). Who may see and change a record follows from its course.
    QString courseField;
    // What deleting a record takes with it: the live records of `entity` whose `field` names it
    // are tombstoned too, and theirs in turn, so that every device drops the whole subtree.
    struct Cascade
    {
        QString entity;
        QString field; // JSON name in `entity` ("courseId")
    };
    QList<Cascade> cascade;
    // What the organisation's search (GET /api/v1/search) finds of these records: the fields
    // whose text is the indexed title, weighted above the rest (a course's code with its title,
    // so "BIO101" finds it; the last one is the title a hit shows), the field of its body, and
    // the field naming the module a hit lies in (its own id for a module), whose release a
    // learner waits for. Not searched when titleFields is empty.
    struct Search
    {
        QStringList titleFields;
        QString bodyField;
        QString moduleField;
    };
    Search search;

    const FieldSpec *field(const QString &name) const;
    // Every field is MergeRule::AppendOnly: records made once by their author and never changed
    // (progress events). Devices add them with an `append` op; updates and deletes are refused.
    bool isAppendOnly() const;
    QStringList fieldNames() const;
    // The record's course id, from its values (a new record's) or the record itself; empty when
    // it belongs to none or the values do not say.
    QString courseIdOf(const QJsonObject &values) const;
    // The entity `parentField` points at ("moduleId" -> module); null for top-level records.
    const EntitySpec *parentSpec() const;

    enum class Mode { Create, Update };
    // Checks the client-writable fields in `input` (types, null, enums, lengths, ranges, text
    // without lone surrogates, NUL or control characters, web addresses, required on create,
    // immutable on update) and names each bad field. The one place field rules live: the REST
    // services and the sync applier both call it. Unknown fields are errors; the record's
    // bookkeeping (id, orgId, rev, createdAt, updatedAt) is accepted and ignored.
    ValidationErrors validate(const QJsonObject &input, Mode mode) const;
    // The fields of `input` that this entity knows, with defaults filled in on create.
    QJsonObject normalize(const QJsonObject &input, Mode mode) const;

    // Who may see records, declared for the server's visibility rules (server/services/
    // visibility.h; docs/architecture.md, "Storage and its observers"): when it changes, the
    // records concerned get a change row so that pulls ship them to whoever now sees them.
    //
    // Fields (JSON names; "deleted" for the tombstone flag) whose change changes who may see the
    // records below this one: the Audience::Course records whose courseField names it (for a
    // course) or whose parentField does (a module's items). A course's status, a module's release.
    QStringList releaseFields;
    // For records that let their owner (ownerField) into their course (enrolments): the standing
    // one gives. None when it is deleted or one of its `lapsed` fields holds a listed value;
    // else a learner when its `roleField` holds one of `learnerRoles`, staff otherwise. Learners
    // see what is released of the course (Audience::Course); staff see drafts too, and the
    // course's Audience::CourseStaff records and everyone's Audience::Own ones.
    struct Admission
    {
        QString roleField;
        QStringList learnerRoles;
        QList<std::pair<QString, QStringList>> lapsed; // field, values that give no standing
    };
    std::optional<Admission> admission;
};

// Every synced entity the suite knows. Adding an entity is an entry here plus its table.
class EntityRegistry
{
public:
    static const QList<EntitySpec> &all();
    static const EntitySpec *find(const QString &name);
    static const EntitySpec &get(const QString &name); // for names known at compile time
};

// The registry's entities by name, for code that works with one kind of record.
namespace Entities {
const EntitySpec &course();
const EntitySpec &module();
const EntitySpec &content();
const EntitySpec &enrollment();
const EntitySpec &cohort();
const EntitySpec &cohortMember();
const EntitySpec &cohortCourse();
const EntitySpec &file();
const EntitySpec &conflict();
const EntitySpec &progress();
const EntitySpec &note();
} // namespace Entities

} // namespace Lectern
