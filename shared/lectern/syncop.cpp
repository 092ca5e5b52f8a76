#include "syncop.h"

#include "hlc.h"
#include "uuidv7.h"

#include <QCoreApplication>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Lectern::Sync {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Sync)
};

constexpr QLatin1StringView opKindNames[]
    = {"create"_L1, "update"_L1, "delete"_L1, "purge"_L1, "append"_L1};
constexpr QLatin1StringView outcomeNames[]
    = {"applied"_L1, "merged"_L1, "conflict"_L1, "rejected"_L1};

// An exact whole number: toInteger() returns its default for a fraction or a value outside qint64,
// so two different defaults tell those apart from a real number (as JsonFields::integer does).
std::optional<qint64> wholeNumber(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const qint64 number = value.toInteger(0);
    if (number != value.toInteger(1))
        return std::nullopt;
    return number;
}

bool isAbsent(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

// Reads a required string that must satisfy `valid`; reports under `prefix + key`.
std::optional<QString> readString(const QJsonObject &json, const QString &key,
                                  const QString &prefix, ValidationErrors &errors,
                                  bool (*valid)(QStringView), const QString &invalidMessage)
{
    const QJsonValue value = json.value(key);
    if (isAbsent(value)) {
        errors.add(prefix + key, Messages::tr("is required"));
        return std::nullopt;
    }
    if (!value.isString()) {
        errors.add(prefix + key, Messages::tr("must be a string"));
        return std::nullopt;
    }
    const QString text = value.toString();
    if (!valid(text)) {
        errors.add(prefix + key, invalidMessage);
        return std::nullopt;
    }
    return text;
}

bool isNonEmpty(QStringView text)
{
    return !text.trimmed().isEmpty();
}

bool isHlcText(QStringView text)
{
    return !Hlc::fromString(text).isNull();
}

QJsonValue optionalString(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}
} // namespace

QString toString(OpKind kind)
{
    return opKindNames[int(kind)];
}

std::optional<OpKind> opKindFromString(QStringView text)
{
    for (int i = 0; i < int(std::size(opKindNames)); ++i) {
        if (text == opKindNames[i])
            return OpKind(i);
    }
    return std::nullopt;
}

QString toString(Outcome outcome)
{
    return outcomeNames[int(outcome)];
}

std::optional<Outcome> outcomeFromString(QStringView text)
{
    for (int i = 0; i < int(std::size(outcomeNames)); ++i) {
        if (text == outcomeNames[i])
            return Outcome(i);
    }
    return std::nullopt;
}

QJsonObject Op::newValues() const
{
    QJsonObject values;
    for (auto it = patch.cbegin(); it != patch.cend(); ++it)
        values.insert(it.key(), it->newValue);
    return values;
}

QJsonObject Op::toJson() const
{
    QJsonObject patchJson;
    for (auto it = patch.cbegin(); it != patch.cend(); ++it) {
        QJsonObject change {{u"new"_s, it->newValue}};
        if (it->hasOld)
            change.insert(u"old"_s, it->oldValue);
        patchJson.insert(it.key(), change);
    }
    return QJsonObject {
        {u"opId"_s, opId},
        {u"deviceSeq"_s, deviceSeq},
        {u"hlc"_s, hlc},
        {u"entity"_s, entity},
        {u"entityId"_s, entityId},
        {u"kind"_s, toString(kind)},
        {u"baseRev"_s, baseRev ? QJsonValue(*baseRev) : QJsonValue()},
        {u"patch"_s, patchJson},
    };
}

std::optional<Op> Op::fromJson(const QJsonObject &json, const QString &prefix,
                               ValidationErrors &errors)
{
    // Collected here first so that the op is refused when any of its own fields is bad, whatever
    // the caller's errors already hold.
    ValidationErrors own;
    Op op;

    const QString uuidMessage = Messages::tr("must be a UUID");
    if (auto id = readString(json, u"opId"_s, prefix, own, isUuidString, uuidMessage))
        op.opId = *id;
    if (auto id = readString(json, u"entityId"_s, prefix, own, isUuidString, uuidMessage))
        op.entityId = *id;
    if (auto hlc = readString(json, u"hlc"_s, prefix, own, isHlcText,
                              Messages::tr("is not a valid HLC timestamp")))
        op.hlc = *hlc;
    if (auto entity
        = readString(json, u"entity"_s, prefix, own, isNonEmpty, Messages::tr("must not be empty")))
        op.entity = *entity;

    const QJsonValue kindValue = json.value(u"kind");
    if (isAbsent(kindValue)) {
        own.add(prefix + u"kind"_s, Messages::tr("is required"));
    } else if (auto kind = opKindFromString(kindValue.toString()); kind && kindValue.isString()) {
        op.kind = *kind;
    } else {
        own.add(prefix + u"kind"_s,
                Messages::tr("must be one of create, update, delete, purge, append"));
    }

    const QJsonValue seqValue = json.value(u"deviceSeq");
    if (isAbsent(seqValue)) {
        own.add(prefix + u"deviceSeq"_s, Messages::tr("is required"));
    } else if (auto seq = wholeNumber(seqValue); seq && *seq >= 0) {
        op.deviceSeq = *seq;
    } else {
        own.add(prefix + u"deviceSeq"_s, Messages::tr("must be a whole number of 0 or more"));
    }

    const QJsonValue revValue = json.value(u"baseRev");
    if (!isAbsent(revValue)) {
        if (auto rev = wholeNumber(revValue); rev && *rev >= 0)
            op.baseRev = *rev;
        else
            own.add(prefix + u"baseRev"_s,
                    Messages::tr("must be null or a whole number of 0 or more"));
    }

    // Creates and appends make a record from nothing, so they have no old values to carry.
    const bool needsOld = op.kind != OpKind::Create && op.kind != OpKind::Append;
    const QJsonValue patchValue = json.value(u"patch");
    if (!isAbsent(patchValue) && !patchValue.isObject()) {
        own.add(prefix + u"patch"_s, Messages::tr("must be an object"));
    } else {
        const QJsonObject patchJson = patchValue.toObject();
        for (auto it = patchJson.constBegin(); it != patchJson.constEnd(); ++it) {
            const QString field = prefix + u"patch."_s + it.key();
            if (!it->isObject()) {
                own.add(field, Messages::tr("must be an object with \"old\" and \"new\""));
                continue;
            }
            const QJsonObject change = it->toObject();
            FieldChange fieldChange;
            // Null is a value here (a field cleared or set from empty), so presence is the key's.
            if (!change.contains(u"new"))
                own.add(field + u".new"_s, Messages::tr("is required"));
            if (needsOld && !change.contains(u"old"))
                own.add(field + u".old"_s, Messages::tr("is required"));
            fieldChange.newValue = change.value(u"new");
            fieldChange.hasOld = change.contains(u"old");
            if (fieldChange.hasOld)
                fieldChange.oldValue = change.value(u"old");
            op.patch.insert(it.key(), fieldChange);
        }
    }

    if (!own.isEmpty()) {
        for (const QString &field : own.fieldNames())
            errors.add(field, own.message(field));
        return std::nullopt;
    }
    return op;
}

QJsonObject PushRequest::toJson() const
{
    QJsonArray opsJson;
    for (const Op &op : ops)
        opsJson.append(op.toJson());
    return QJsonObject {{u"deviceId"_s, deviceId}, {u"ops"_s, opsJson}};
}

Result<PushRequest> PushRequest::fromJson(const QJsonObject &json)
{
    ValidationErrors errors;
    PushRequest request;
    if (auto id = readString(json, u"deviceId"_s, QString(), errors, isUuidString,
                             Messages::tr("must be a UUID")))
        request.deviceId = *id;

    const QJsonValue opsValue = json.value(u"ops");
    if (isAbsent(opsValue)) {
        errors.add(u"ops"_s, Messages::tr("is required"));
    } else if (!opsValue.isArray()) {
        errors.add(u"ops"_s, Messages::tr("must be a list of operations"));
    } else {
        const QJsonArray opsJson = opsValue.toArray();
        if (opsJson.isEmpty()) {
            errors.add(u"ops"_s, Messages::tr("must hold at least one operation"));
        } else if (opsJson.size() > maxOpsPerPush) {
            // Checked before reading any op: a client that sends too many is told so at once.
            errors.add(u"ops"_s,
                       Messages::tr("must hold at most %n operations", nullptr, maxOpsPerPush));
        } else {
            request.ops.reserve(opsJson.size());
            for (qsizetype i = 0; i < opsJson.size(); ++i) {
                const QString prefix = u"ops[%1]"_s.arg(i);
                const QJsonValue item = opsJson.at(i);
                if (!item.isObject()) {
                    errors.add(prefix, Messages::tr("must be an object"));
                    continue;
                }
                if (auto op = Op::fromJson(item.toObject(), prefix + u'.', errors))
                    request.ops.append(*op);
            }
        }
    }

    if (!errors.isEmpty())
        return errors.toError();
    for (Op &op : request.ops)
        op.deviceId = request.deviceId;
    return request;
}

QJsonObject OpResult::toJson() const
{
    QJsonObject json {{u"opId"_s, opId}, {u"outcome"_s, toString(outcome)}, {u"rev"_s, rev}};
    if (!conflictId.isEmpty())
        json.insert(u"conflictId"_s, conflictId);
    if (!reason.isEmpty())
        json.insert(u"reason"_s, reason);
    if (!message.isEmpty())
        json.insert(u"message"_s, message);
    if (state)
        json.insert(u"state"_s, state->toJson());
    return json;
}

std::optional<OpResult> OpResult::fromJson(const QJsonObject &json)
{
    const QJsonValue opId = json.value(u"opId");
    const auto outcome = outcomeFromString(json.value(u"outcome").toString());
    if (!opId.isString() || !outcome)
        return std::nullopt;
    OpResult result;
    result.opId = opId.toString();
    result.outcome = *outcome;
    const QJsonValue rev = json.value(u"rev");
    if (!isAbsent(rev)) {
        const auto number = wholeNumber(rev);
        if (!number)
            return std::nullopt;
        result.rev = *number;
    }
    result.conflictId = json.value(u"conflictId").toString();
    result.reason = json.value(u"reason").toString();
    result.message = json.value(u"message").toString();
    if (const QJsonValue state = json.value(u"state"); !isAbsent(state)) {
        result.state = Change::fromJson(state.toObject());
        if (!result.state || !state.isObject())
            return std::nullopt;
    }
    return result;
}

QJsonObject Change::toJson() const
{
    return QJsonObject {
        {u"seq"_s, seq},       {u"entity"_s, entity},           {u"entityId"_s, entityId},
        {u"rev"_s, rev},       {u"hlc"_s, optionalString(hlc)}, {u"deleted"_s, deleted},
        {u"fields"_s, fields},
    };
}

std::optional<Change> Change::fromJson(const QJsonObject &json)
{
    const auto seq = wholeNumber(json.value(u"seq"));
    const QJsonValue entity = json.value(u"entity");
    const QJsonValue entityId = json.value(u"entityId");
    if (!seq || !entity.isString() || !entityId.isString())
        return std::nullopt;
    Change change;
    change.seq = *seq;
    change.entity = entity.toString();
    change.entityId = entityId.toString();
    const QJsonValue rev = json.value(u"rev");
    if (!isAbsent(rev)) {
        const auto number = wholeNumber(rev);
        if (!number)
            return std::nullopt;
        change.rev = *number;
    }
    const QJsonValue hlc = json.value(u"hlc");
    if (!isAbsent(hlc) && !hlc.isString())
        return std::nullopt;
    change.hlc = hlc.toString();
    const QJsonValue deleted = json.value(u"deleted");
    if (!isAbsent(deleted) && !deleted.isBool())
        return std::nullopt;
    change.deleted = deleted.toBool(false);
    const QJsonValue fields = json.value(u"fields");
    if (!isAbsent(fields) && !fields.isObject())
        return std::nullopt;
    change.fields = fields.toObject();
    return change;
}

QJsonObject PullPage::toJson() const
{
    QJsonArray changesJson;
    for (const Change &change : changes)
        changesJson.append(change.toJson());
    return QJsonObject {
        {u"changes"_s, changesJson}, {u"cursor"_s, cursor}, {u"hasMore"_s, hasMore}};
}

std::optional<PullPage> PullPage::fromJson(const QJsonObject &json)
{
    const QJsonValue changesValue = json.value(u"changes");
    const auto cursor = wholeNumber(json.value(u"cursor"));
    const QJsonValue hasMore = json.value(u"hasMore");
    if (!changesValue.isArray() || !cursor || (!isAbsent(hasMore) && !hasMore.isBool()))
        return std::nullopt;
    PullPage page;
    page.cursor = *cursor;
    page.hasMore = hasMore.toBool(false);
    const QJsonArray changesJson = changesValue.toArray();
    page.changes.reserve(changesJson.size());
    for (const QJsonValue &item : changesJson) {
        if (!item.isObject())
            return std::nullopt;
        auto change = Change::fromJson(item.toObject());
        if (!change)
            return std::nullopt;
        page.changes.append(*change);
    }
    return page;
}

} // namespace Lectern::Sync
