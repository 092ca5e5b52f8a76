#include "entityspec.h"

#include "jsonutil.h"
#include "orderkey.h"
#include "uuidv7.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <algorithm>
#include <cmath>

namespace Lectern {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::EntitySpec)
};

FieldSpec text(const char *name, const char *column, int maxLength = 200, bool required = false)
{
    FieldSpec f;
    f.name = QString::fromLatin1(name);
    f.column = QString::fromLatin1(column);
    f.type = FieldType::Text;
    f.maxLength = maxLength;
    f.required = required;
    return f;
}

FieldSpec longText(const char *name, const char *column, int maxLength)
{
    FieldSpec f = text(name, column, maxLength);
    f.type = FieldType::LongText;
    f.merge = MergeRule::Text;
    f.defaultValue = QStringLiteral("\"\"");
    return f;
}

FieldSpec typed(const char *name, const char *column, FieldType type,
                const char *defaultValue = nullptr)
{
    FieldSpec f;
    f.name = QString::fromLatin1(name);
    f.column = QString::fromLatin1(column);
    f.type = type;
    if (type == FieldType::OrderKey)
        f.merge = MergeRule::Order;
    if (defaultValue)
        f.defaultValue = QString::fromLatin1(defaultValue);
    return f;
}

FieldSpec enumeration(const char *name, const char *column, QStringList values,
                      const char *defaultValue)
{
    FieldSpec f = typed(name, column, FieldType::Enum, defaultValue);
    f.values = std::move(values);
    return f;
}

FieldSpec parent(const char *name, const char *column)
{
    FieldSpec f = typed(name, column, FieldType::Id);
    f.required = true;
    f.immutable = true;
    return f;
}

FieldSpec searchable(FieldSpec f)
{
    f.searchable = true;
    return f;
}

FieldSpec bounded(FieldSpec f, double maximum)
{
    f.maximum = maximum;
    return f;
}

FieldSpec webAddress(FieldSpec f)
{
    f.webAddress = true;
    return f;
}

FieldSpec referencing(FieldSpec f, const char *entity)
{
    f.references = QString::fromLatin1(entity);
    return f;
}

FieldSpec serverDecides(FieldSpec f)
{
    f.merge = MergeRule::ServerDecides;
    return f;
}

QList<EntitySpec> makeRegistry()
{
    QList<EntitySpec> specs;

    EntitySpec course;
    course.name = QStringLiteral("course");
    course.table = QStringLiteral("courses");
    course.restPath = QStringLiteral("courses");
    // Publishing or archiving changes who sees everything in the course.
    course.releaseFields = {QStringLiteral("status")};
    course.courseField = QStringLiteral("id");
    course.search
        = {{QStringLiteral("code"), QStringLiteral("title")}, QStringLiteral("description"), {}};
    course.cascade = {{QStringLiteral("content"), QStringLiteral("courseId")},
                      {QStringLiteral("module"), QStringLiteral("courseId")},
                      {QStringLiteral("enrollment"), QStringLiteral("courseId")},
                      {QStringLiteral("note"), QStringLiteral("courseId")}};
    course.fields = {
        searchable(text("code", "code", 40, true)),
        searchable(text("title", "title", 200, true)),
        searchable(longText("description", "description", 100000)),
        text("term", "term", 40),
        typed("startDate", "start_date", FieldType::Date),
        typed("endDate", "end_date", FieldType::Date),
        typed("enrollmentOpensAt", "enrollment_opens_at", FieldType::Time),
        typed("enrollmentClosesAt", "enrollment_closes_at", FieldType::Time),
        bounded(typed("maxEnrollment", "max_enrollment", FieldType::Integer), 1000000),
        bounded(typed("credits", "credits", FieldType::Number), 1000),
        text("level", "level", 40),
        serverDecides(enumeration(
            "status", "status",
            {QStringLiteral("draft"), QStringLiteral("published"), QStringLiteral("archived")},
            "\"draft\"")),
        typed("settings", "settings", FieldType::Json, "{}"),
        referencing(typed("bannerFileId", "banner_file_id", FieldType::Id), "file"),
    };
    specs.append(course);

    EntitySpec module;
    module.name = QStringLiteral("module");
    module.table = QStringLiteral("modules");
    module.parentField = QStringLiteral("courseId");
    module.restPath = QStringLiteral("modules");
    module.releaseFields = {QStringLiteral("published"), QStringLiteral("publishAt"),
                            QStringLiteral("unlockAt"), QStringLiteral("deleted")};
    module.genericRest = true;
    module.courseField = QStringLiteral("courseId");
    module.search
        = {{QStringLiteral("title")}, QStringLiteral("description"), QStringLiteral("id")};
    module.cascade = {{QStringLiteral("content"), QStringLiteral("moduleId")}};
    module.fields = {
        parent("courseId", "course_id"),
        typed("orderKey", "order_key", FieldType::OrderKey),
        text("title", "title", 200, true),
        longText("description", "description", 100000),
        typed("published", "published", FieldType::Boolean, "false"),
        typed("publishAt", "publish_at", FieldType::Time),
        typed("unlockAt", "unlock_at", FieldType::Time),
    };
    specs.append(module);

    EntitySpec content;
    content.name = QStringLiteral("content");
    content.table = QStringLiteral("contents");
    content.parentField = QStringLiteral("moduleId");
    content.restPath = QStringLiteral("contents");
    content.genericRest = true;
    content.courseField = QStringLiteral("courseId");
    content.search
        = {{QStringLiteral("title")}, QStringLiteral("body"), QStringLiteral("moduleId")};
    FieldSpec courseOfContent = typed("courseId", "course_id", FieldType::Id);
    courseOfContent.immutable = true; // derived from the module by the server
    FieldSpec moduleOfContent = parent("moduleId", "module_id");
    moduleOfContent.immutable = false; // items move between modules of their course
    content.fields = {
        moduleOfContent,
        courseOfContent,
        typed("orderKey", "order_key", FieldType::OrderKey),
        enumeration("type", "type",
                    {QStringLiteral("lesson"), QStringLiteral("file"), QStringLiteral("link"),
                     QStringLiteral("video"), QStringLiteral("quiz"), QStringLiteral("assignment")},
                    nullptr),
        text("title", "title", 200, true),
        longText("body", "body", 1000000),
        webAddress(text("url", "url", 2000)),
        referencing(typed("fileId", "file_id", FieldType::Id), "file"),
        typed("required", "required", FieldType::Boolean, "false"),
        bounded(typed("estimatedMinutes", "estimated_minutes", FieldType::Integer), 100000),
        typed("publishAt", "publish_at", FieldType::Time),
        typed("unlockAt", "unlock_at", FieldType::Time),
        typed("published", "published", FieldType::Boolean, "false"),
        typed("settings", "settings", FieldType::Json, "{}"),
    };
    content.fields[3].required = true;
    content.fields[3].immutable = true;
    specs.append(content);

    EntitySpec enrollment;
    enrollment.name = QStringLiteral("enrollment");
    enrollment.table = QStringLiteral("enrollments");
    enrollment.parentField = QStringLiteral("courseId");
    enrollment.restPath = QStringLiteral("enrollments");
    // A student's enrolment makes a learner; a dropped or waitlisted one no standing at all.
    enrollment.admission
        = EntitySpec::Admission {QStringLiteral("role"),
                                 {QStringLiteral("student")},
                                 {{QStringLiteral("status"), {QStringLiteral("dropped")}},
                                  {QStringLiteral("type"), {QStringLiteral("waitlist")}}}};
    enrollment.courseField = QStringLiteral("courseId");
    enrollment.fields = {
        parent("courseId", "course_id"),
        serverDecides(parent("userId", "user_id")),
        serverDecides(enumeration(
            "role", "role",
            {QStringLiteral("student"), QStringLiteral("ta"), QStringLiteral("instructor")},
            "\"student\"")),
        serverDecides(enumeration(
            "status", "status",
            {QStringLiteral("enrolled"), QStringLiteral("dropped"), QStringLiteral("completed")},
            "\"enrolled\"")),
        serverDecides(enumeration(
            "type", "type",
            {QStringLiteral("regular"), QStringLiteral("audit"), QStringLiteral("waitlist")},
            "\"regular\"")),
        serverDecides(typed("cohortId", "cohort_id", FieldType::Id)),
    };
    for (FieldSpec &f : enrollment.fields)
        f.merge = MergeRule::ServerDecides;
    enrollment.audience = Audience::Own;
    enrollment.ownerField = QStringLiteral("userId");
    enrollment.syncWritable = false;
    specs.append(enrollment);

    EntitySpec cohort;
    cohort.name = QStringLiteral("cohort");
    cohort.table = QStringLiteral("cohorts");
    cohort.restPath = QStringLiteral("cohorts");
    cohort.fields = {
        searchable(text("name", "name", 200, true)),
        longText("description", "description", 10000),
    };
    cohort.audience = Audience::OrgAdmin;
    cohort.syncWritable = false;
    specs.append(cohort);

    EntitySpec member;
    member.name = QStringLiteral("cohort_member");
    member.table = QStringLiteral("cohort_members");
    member.parentField = QStringLiteral("cohortId");
    member.fields = {parent("cohortId", "cohort_id"), serverDecides(parent("userId", "user_id"))};
    member.audience = Audience::OrgAdmin;
    member.syncWritable = false;
    specs.append(member);

    EntitySpec cohortCourse;
    cohortCourse.name = QStringLiteral("cohort_course");
    cohortCourse.table = QStringLiteral("cohort_courses");
    cohortCourse.parentField = QStringLiteral("cohortId");
    cohortCourse.fields = {
        parent("cohortId", "cohort_id"),
        parent("courseId", "course_id"),
        enumeration("role", "role",
                    {QStringLiteral("student"), QStringLiteral("ta"), QStringLiteral("instructor")},
                    "\"student\""),
    };
    cohortCourse.audience = Audience::OrgAdmin;
    cohortCourse.syncWritable = false;
    specs.append(cohortCourse);

    // An uploaded file's metadata; the bytes live in the content-addressed store under sha256.
    // Every field is the server's to decide (it reads them off the upload), so sync never merges.
    EntitySpec file;
    file.name = QStringLiteral("file");
    file.table = QStringLiteral("files");
    file.restPath = QStringLiteral("files");
    file.courseField = QStringLiteral("courseId");
    FieldSpec courseOfFile = typed("courseId", "course_id", FieldType::Id);
    courseOfFile.immutable = true; // empty for organisation files
    file.fields = {
        courseOfFile,
        text("sha256", "sha256", 64, true),
        typed("size", "size", FieldType::Integer),
        text("mimeType", "mime_type", 255, true),
        searchable(text("originalName", "original_name", 255, true)),
        typed("uploaderId", "uploader_id", FieldType::Id),
        enumeration("access", "access", {QStringLiteral("course"), QStringLiteral("organization")},
                    "\"course\""),
    };
    for (FieldSpec &f : file.fields) {
        f.merge = MergeRule::ServerDecides;
        f.immutable = true;
    }
    file.syncWritable = false;
    specs.append(file);

    // A sync conflict (docs/architecture.md, "Conflicts"): one field of one record that two people
    // changed differently, or an edit that met a delete. The server writes it; devices resolve it
    // by an update op of `status` and `resolution` (with the chosen value sent as an ordinary op of
    // the record). The record keeps theirs (the server's value) as the provisional winner until
    // then. "mine" and "theirs" here are the record's sides, the same for every reader: mine is the
    // op that arrived (by mineAuthorId), theirs what the server had (by theirsAuthorId); a
    // stored `resolution` names those sides. Views turn them round for the person looking.
    EntitySpec conflict;
    conflict.name = QStringLiteral("conflict");
    conflict.table = QStringLiteral("sync_conflicts");
    conflict.parentField = QStringLiteral("courseId");
    conflict.courseField = QStringLiteral("courseId");
    conflict.audience = Audience::CourseStaff;
    auto any = [](const char *name, const char *column) {
        FieldSpec f = typed(name, column, FieldType::Any);
        f.merge = MergeRule::ServerDecides;
        f.immutable = true;
        return f;
    };
    auto fixed = [](FieldSpec f) {
        f.merge = MergeRule::ServerDecides;
        f.immutable = true;
        return f;
    };
    conflict.fields = {
        fixed(parent("courseId", "course_id")),
        fixed(text("entity", "entity", 40, true)),
        fixed(typed("entityId", "entity_id", FieldType::Id)),
        fixed(text("field", "field", 100)), // empty for an edit that met a delete
        fixed(
            enumeration("kind", "kind",
                        {QStringLiteral("field"), QStringLiteral("text"), QStringLiteral("delete")},
                        "\"field\"")),
        any("base", "base"),
        any("mine", "mine"),     // the op's value (for "delete": true when the op deleted)
        any("theirs", "theirs"), // the server's value when the op arrived
        fixed(longText("merged", "merged", 2000000)), // text conflicts: the merge with markers
        fixed(text("opId", "op_id", 40)),
        fixed(typed("mineAuthorId", "mine_author_id", FieldType::Id)),
        fixed(text("mineHlc", "mine_hlc", 200)),
        fixed(text("theirsHlc", "theirs_hlc", 200)),
        // Who wrote the server's side: the author of the record's revision the op met (empty
        // when that revision came from outside sync, e.g. the REST API). The names are copied
        // in when the conflict is made, so that every device can say who without a lookup.
        fixed(typed("theirsAuthorId", "theirs_author_id", FieldType::Id)),
        fixed(text("mineAuthorName", "mine_author_name", 200)),
        fixed(text("theirsAuthorName", "theirs_author_name", 200)),
        enumeration("status", "status", {QStringLiteral("open"), QStringLiteral("resolved")},
                    "\"open\""),
        enumeration("resolution", "resolution",
                    {QStringLiteral("mine"), QStringLiteral("theirs"), QStringLiteral("both"),
                     QStringLiteral("edited")},
                    nullptr),
        fixed(typed("resolvedBy", "resolved_by", FieldType::Id)),
        fixed(typed("resolvedAt", "resolved_at", FieldType::Time)),
    };
    specs.append(conflict);

    // A learner's progress through one item (docs/architecture.md, "Append-only records"):
    // append-only events with ids made on the device, so two devices never conflict; what the
    // learner has done is derived from all of them (Progress::summarize: completion by union, time
    // by sum, position by latest). The server sets userId to the author.
    EntitySpec progress;
    progress.name = QStringLiteral("progress");
    progress.table = QStringLiteral("progress_events");
    progress.parentField = QStringLiteral("contentId");
    progress.restPath = QStringLiteral("progress"); // appended at /api/v1/contents/{id}/progress
    progress.courseField = QStringLiteral("courseId");
    progress.audience = Audience::Own;
    progress.ownerField = QStringLiteral("userId");
    FieldSpec position = typed("position", "position_fraction", FieldType::Number);
    position.maximum = 1.0; // a fraction of the item
    FieldSpec courseOfProgress = typed("courseId", "course_id", FieldType::Id);
    courseOfProgress.required = true;
    FieldSpec at = typed("at", "occurred_at", FieldType::Time);
    at.required = true;
    progress.fields = {
        parent("contentId", "content_id"),
        courseOfProgress,
        typed("userId", "user_id", FieldType::Id),
        enumeration("kind", "kind",
                    {QStringLiteral("opened"), QStringLiteral("position"),
                     QStringLiteral("completed"), QStringLiteral("time")},
                    nullptr),
        position,
        // One event reports at most a day: sums of events stay far from overflowing.
        bounded(typed("seconds", "seconds", FieldType::Integer, "0"), 86400),
        at,
    };
    progress.fields[3].required = true;
    for (FieldSpec &f : progress.fields) {
        f.merge = MergeRule::AppendOnly;
        f.immutable = true;
    }
    specs.append(progress);

    // A note one of a course's staff (an instructor, a teaching assistant, an administrator) keeps
    // on it for themselves: synced to their devices, seen by nobody else (not the course's other
    // staff, not other administrators). The server names the author; only they may change or
    // delete it.
    EntitySpec note;
    note.name = QStringLiteral("note");
    note.table = QStringLiteral("notes");
    note.parentField = QStringLiteral("courseId");
    note.restPath = QStringLiteral("notes");
    note.genericRest = true;
    note.courseField = QStringLiteral("courseId");
    note.audience = Audience::Author;
    note.ownerField = QStringLiteral("authorId");
    FieldSpec author = serverDecides(typed("authorId", "author_id", FieldType::Id));
    author.immutable = true;
    note.fields = {
        parent("courseId", "course_id"),
        author,
        searchable(text("title", "title", 200, true)),
        searchable(longText("body", "body", 100000)),
    };
    specs.append(note);

    return specs;
}

// The record's bookkeeping, which the server keeps: sending a record back as read is fine.
const QStringList bookkeeping
    = {QStringLiteral("id"),     QStringLiteral("orgId"),     QStringLiteral("rev"),
       QStringLiteral("hlc"),    QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
       QStringLiteral("deleted")};

bool isDate(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}\\z"));
    return re.match(text).hasMatch() && QDate::fromString(text, Qt::ISODate).isValid();
}
} // namespace

bool FieldSpec::isNullable() const
{
    return !required && defaultValue.isEmpty() && type != FieldType::OrderKey
        && type != FieldType::Boolean && type != FieldType::Json;
}

QJsonValue FieldSpec::absentValue() const
{
    if (!defaultValue.isEmpty()) {
        const QJsonDocument parsed
            = QJsonDocument::fromJson(QString(u'[' + defaultValue + u']').toUtf8());
        if (parsed.isArray() && !parsed.array().isEmpty())
            return parsed.array().first();
    }
    if (type == FieldType::Boolean)
        return false;
    if (type == FieldType::Json)
        return QJsonObject();
    return QJsonValue::Null;
}

const FieldSpec *EntitySpec::field(const QString &name) const
{
    for (const FieldSpec &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

bool EntitySpec::isAppendOnly() const
{
    return !fields.isEmpty() && std::all_of(fields.begin(), fields.end(), [](const FieldSpec &f) {
        return f.merge == MergeRule::AppendOnly;
    });
}

QStringList EntitySpec::fieldNames() const
{
    QStringList names;
    for (const FieldSpec &f : fields)
        names.append(f.name);
    return names;
}

QString EntitySpec::courseIdOf(const QJsonObject &values) const
{
    if (courseField.isEmpty())
        return QString();
    const QJsonValue id = values.value(courseField);
    return id.isString() ? id.toString().toLower() : QString();
}

const EntitySpec *EntitySpec::parentSpec() const
{
    if (!parentField.endsWith(u"Id"))
        return nullptr;
    return EntityRegistry::find(parentField.chopped(2));
}

ValidationErrors EntitySpec::validate(const QJsonObject &input, Mode mode) const
{
    ValidationErrors errors;
    for (auto it = input.begin(); it != input.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        const FieldSpec *f = field(key);
        if (!f) {
            if (!bookkeeping.contains(key))
                errors.add(key, Messages::tr("is not a known field"));
            continue;
        }
        if (mode == Mode::Update && f->immutable) {
            errors.add(key, Messages::tr("cannot be changed"));
            continue;
        }
        if (value.isNull()) {
            if (f->required)
                errors.add(key, Messages::tr("is required"));
            else if (!f->isNullable())
                errors.add(key, Messages::tr("must not be null"));
            continue;
        }
        switch (f->type) {
        case FieldType::Text:
        case FieldType::LongText: {
            if (!value.isString()) {
                errors.add(key, Messages::tr("must be a string"));
                break;
            }
            const QString text = value.toString();
            if (text.size() > f->maxLength)
                errors.add(key,
                           Messages::tr("must be at most %n characters", nullptr, f->maxLength));
            else if (const QString problem = f->type == FieldType::LongText
                         ? Validation::textProblem(text, true)
                         : Validation::textProblem(text.trimmed(), false);
                     !problem.isEmpty())
                errors.add(key, problem);
            else if (f->required && text.trimmed().isEmpty())
                errors.add(key, Messages::tr("must not be empty"));
            else if (f->webAddress && !text.trimmed().isEmpty() && !Validation::isWebAddress(text))
                errors.add(key,
                           Messages::tr("must be a web address starting with https:// or "
                                        "http://"));
            break;
        }
        case FieldType::Integer: {
            // JSON numbers are exact in double up to 2^53: beyond that, ids and sums go wrong.
            constexpr double maxSafe = 9007199254740991.0;
            if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
                errors.add(key, Messages::tr("must be a whole number"));
            else if (value.toInteger() < 0)
                errors.add(key, Messages::tr("must not be negative"));
            else if (double(value.toInteger()) > f->maximum.value_or(maxSafe))
                errors.add(
                    key,
                    Messages::tr("must be at most %1").arg(qint64(f->maximum.value_or(maxSafe))));
            break;
        }
        case FieldType::Number:
            if (!value.isDouble() || !std::isfinite(value.toDouble()))
                errors.add(key, Messages::tr("must be a number"));
            else if (value.toDouble() < 0)
                errors.add(key, Messages::tr("must not be negative"));
            else if (f->maximum && value.toDouble() > *f->maximum)
                errors.add(key, Messages::tr("must be at most %1").arg(*f->maximum));
            break;
        case FieldType::Boolean:
            if (!value.isBool())
                errors.add(key, Messages::tr("must be true or false"));
            break;
        case FieldType::Time:
            if (!Json::toDateTime(value).isValid())
                errors.add(key, Messages::tr("must be a time such as 2026-11-21T09:30:00Z"));
            break;
        case FieldType::Date:
            if (!value.isString() || !isDate(value.toString()))
                errors.add(key, Messages::tr("must be a date such as 2026-11-21"));
            break;
        case FieldType::Enum:
            if (!value.isString() || !f->values.contains(value.toString()))
                errors.add(key, Messages::tr("must be one of %1").arg(f->values.join(u", ")));
            break;
        case FieldType::Id:
            if (!value.isString() || !isUuidString(value.toString()))
                errors.add(key, Messages::tr("must be a UUID"));
            break;
        case FieldType::OrderKey:
            if (!value.isString() || !OrderKey::isValid(value.toString()))
                errors.add(
                    key,
                    Messages::tr("must be an order key (digits and letters, not ending in 0)"));
            break;
        case FieldType::Json:
            if (!value.isObject())
                errors.add(key, Messages::tr("must be an object"));
            else if (QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact).size() > 65536)
                errors.add(key, Messages::tr("must be at most 64 KiB"));
            else if (const QString problem = Validation::jsonProblem(value); !problem.isEmpty())
                errors.add(key, problem);
            break;
        case FieldType::Any:
            if (QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact).size() > 2100000)
                errors.add(key, Messages::tr("must be at most 2 MiB"));
            else if (const QString problem = Validation::jsonProblem(value); !problem.isEmpty())
                errors.add(key, problem);
            break;
        }
    }
    if (mode == Mode::Create) {
        for (const FieldSpec &f : fields) {
            if (f.required && !input.contains(f.name) && !errors.has(f.name))
                errors.add(f.name, Messages::tr("is required"));
        }
    }
    return errors;
}

QJsonObject EntitySpec::normalize(const QJsonObject &input, Mode mode) const
{
    QJsonObject out;
    for (const FieldSpec &f : fields) {
        if (input.contains(f.name)) {
            QJsonValue value = input.value(f.name);
            if (f.type == FieldType::Text && value.isString())
                value = value.toString().trimmed();
            if (f.type == FieldType::Id && value.isString())
                value = value.toString().toLower();
            out.insert(f.name, value);
        } else if (mode == Mode::Create && !f.defaultValue.isEmpty()) {
            const QJsonDocument doc = QJsonDocument::fromJson("[" + f.defaultValue.toUtf8() + "]");
            out.insert(f.name, doc.array().first());
        }
    }
    return out;
}

const QList<EntitySpec> &EntityRegistry::all()
{
    static const QList<EntitySpec> specs = makeRegistry();
    return specs;
}

const EntitySpec *EntityRegistry::find(const QString &name)
{
    for (const EntitySpec &spec : all()) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

const EntitySpec &EntityRegistry::get(const QString &name)
{
    const EntitySpec *spec = find(name);
    Q_ASSERT_X(spec, "EntityRegistry::get", "unknown entity");
    return *spec;
}

namespace Entities {
const EntitySpec &course()
{
    return EntityRegistry::get(QStringLiteral("course"));
}
const EntitySpec &module()
{
    return EntityRegistry::get(QStringLiteral("module"));
}
const EntitySpec &content()
{
    return EntityRegistry::get(QStringLiteral("content"));
}
const EntitySpec &enrollment()
{
    return EntityRegistry::get(QStringLiteral("enrollment"));
}
const EntitySpec &cohort()
{
    return EntityRegistry::get(QStringLiteral("cohort"));
}
const EntitySpec &cohortMember()
{
    return EntityRegistry::get(QStringLiteral("cohort_member"));
}
const EntitySpec &cohortCourse()
{
    return EntityRegistry::get(QStringLiteral("cohort_course"));
}
const EntitySpec &file()
{
    return EntityRegistry::get(QStringLiteral("file"));
}

const EntitySpec &conflict()
{
    return EntityRegistry::get(QStringLiteral("conflict"));
}

const EntitySpec &progress()
{
    return EntityRegistry::get(QStringLiteral("progress"));
}
} // namespace Entities

} // namespace Lectern
