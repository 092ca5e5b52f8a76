#pragma once

#include "result.h"
#include "validation.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <optional>

// The sync wire format (docs/architecture.md, "Operations and outcomes"): what a device pushes and
// what it pulls. Outside tools speak it too, so names here are part of the contract: add, never
// rename.
namespace Lectern::Sync {

inline constexpr int maxOpsPerPush = 500;
inline constexpr qint64 maxPushBytes = 1024 * 1024;
inline constexpr int defaultPullLimit = 500;
inline constexpr int maxPullLimit = 2000;

enum class OpKind { Create, Update, Delete, Purge, Append };
QString toString(OpKind kind);
std::optional<OpKind> opKindFromString(QStringView text);

// One field of an op's patch. A create carries only `newValue` (hasOld is false).
struct FieldChange
{
    QJsonValue oldValue;
    QJsonValue newValue;
    bool hasOld = false;

    bool operator==(const FieldChange &other) const = default;
};

// One change made on a device, as it sits in the outbox and travels in a push.
struct Op
{
    QString opId;     // UUIDv7 made on the device; the server applies each at most once
    QString deviceId; // the pushing device (carried by the push, copied here)
    qint64 deviceSeq = 0;
    QString hlc;      // Hlc::toString() of the device's clock when the change was made
    QString entity;   // EntityRegistry name: "course", "module", "content", "conflict", ...
    QString entityId; // UUID of the record
    OpKind kind = OpKind::Update;
    std::optional<qint64> baseRev; // the server revision the edit was made on; none for creates
    QMap<QString, FieldChange> patch;

    // {"title": "new", ...}: the new values of the patch.
    QJsonObject newValues() const;

    // The wire form (docs/architecture.md, "Operations and outcomes"): {"opId", "deviceSeq", "hlc",
    // "entity", "entityId", "kind", "baseRev", "patch": {"field": {"old": v, "new": v}}}; deviceId
    // is carried by the push.
    QJsonObject toJson() const;
    // Checks the shape only (ids are UUIDs, hlc parses, kind known, patch entries are objects
    // with "new" and, except for creates and appends, "old"); the entity's own rules are the
    // server's. Errors are named with `prefix` ("ops[3].").
    static std::optional<Op> fromJson(const QJsonObject &json, const QString &prefix,
                                      ValidationErrors &errors);

    bool operator==(const Op &other) const = default;
};

// A push: {"deviceId", "ops": [...]}. fromJson refuses more than maxOpsPerPush ops.
struct PushRequest
{
    QString deviceId;
    QList<Op> ops;

    QJsonObject toJson() const;
    static Result<PushRequest> fromJson(const QJsonObject &json);
};

enum class Outcome { Applied, Merged, Conflict, Rejected };
QString toString(Outcome outcome);
std::optional<Outcome> outcomeFromString(QStringView text);

// Reason codes of a rejected op (the client shows them in words). The codes REST answers too are
// ErrorCode's own constants, so both doors refuse with one spelling; the last three are sync's.
namespace Reason {
inline constexpr auto Forbidden = ErrorCode::Forbidden; // the caller may not change this
inline constexpr auto NotFound = ErrorCode::NotFound;   // no such record (or not visible)
inline constexpr auto ValidationFailed = ErrorCode::ValidationFailed;
inline constexpr auto AlreadyExists = ErrorCode::AlreadyExists; // a create of an id that exists
inline constexpr auto Conflict = ErrorCode::Conflict; // a constraint (e.g. code+term taken)

inline constexpr auto UnknownEntity = "unknown_entity"; // not in the registry
inline constexpr auto ServerDecides = "server_decides"; // use the REST API (enrollments, files)
// An update, delete or purge of an append-only record (progress events): they are made once by
// their author and never change; record what happened since as a new record instead.
inline constexpr auto AppendOnly = "append_only";
} // namespace Reason

// One record's newest state in a pull.
struct Change
{
    qint64 seq = 0;
    QString entity;
    QString entityId;
    qint64 rev = 0;
    QString hlc;
    bool deleted = false;
    QJsonObject fields; // the record as the REST API returns it; empty when deleted

    QJsonObject toJson() const;
    static std::optional<Change> fromJson(const QJsonObject &json);
};

// The first outcome of an op; a repeated push returns the same.
struct OpResult
{
    QString opId;
    Outcome outcome = Outcome::Applied;
    qint64 rev = 0;     // the record's revision after the op (0 when rejected)
    QString conflictId; // when a conflict
    QString reason;     // when rejected: a Reason code
    QString message;    // when rejected: words for a person (may be empty)
    // When applied, merged or a conflict: the record as it stands after the op, exactly as the
    // sender's pull would ship it (its `seq` is 0). The device takes it at once, and its pull,
    // asked with its deviceId, leaves out the change rows this op wrote for that record.
    // Absent when the sender may not see the record in full afterwards: the pull ships it then.
    std::optional<Change> state;

    QJsonObject toJson() const;
    static std::optional<OpResult> fromJson(const QJsonObject &json);
};

// {"changes": [...], "cursor": N, "hasMore": bool}
struct PullPage
{
    QList<Change> changes;
    qint64 cursor = 0;
    bool hasMore = false;

    QJsonObject toJson() const;
    static std::optional<PullPage> fromJson(const QJsonObject &json);
};

} // namespace Lectern::Sync
