#include "placement.h"

#include <lectern/orderkey.h>

namespace Lectern::Server {

namespace {
// Gives the live children of `parentId` fresh, evenly spread keys in their current order, leaving
// room at `gapIndex` (the new key is returned). Needed only when thousands of inserts into one gap
// have exhausted it; every renumbered sibling is an ordinary change that syncs.
Result<QString> rebalance(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                          const QList<Record> &siblings, qsizetype gapIndex)
{
    const QStringList keys = OrderKey::spread(int(siblings.size()) + 1);
    QString gapKey;
    qsizetype k = 0;
    for (qsizetype i = 0; i <= siblings.size(); ++i) {
        if (i == gapIndex) {
            gapKey = keys[k++];
            if (i == siblings.size())
                break;
        }
        if (i < siblings.size()) {
            if (auto r = RecordStore::update(tx, clock, spec, siblings[i],
                                             {{QStringLiteral("orderKey"), keys[k++]}});
                !r)
                return r.error();
        }
    }
    return gapKey;
}

// The live children of `parentId` other than `movingId`, for the statements below.
RecordFilter siblingsOf(const QString &parentColumn, const QString &parentId,
                        const QString &movingId)
{
    RecordFilter filter;
    filter.add(parentColumn + QStringLiteral(" = :parent"))
        .bind(QStringLiteral(":parent"), parentId);
    if (!movingId.isEmpty())
        filter.add(QStringLiteral("id <> :moving")).bind(QStringLiteral(":moving"), movingId);
    return filter;
}

// The first sibling of `filter` in `orderBy` order: one row read through the parent's index,
// however many siblings there are (a course of thousands of modules).
Result<std::optional<Record>> firstOf(Transaction &tx, const EntitySpec &spec,
                                      const RecordFilter &filter, const QString &orderBy)
{
    auto rows = RecordStore::select(tx, spec, filter, orderBy, 1);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? std::optional<Record>() : std::optional<Record>(rows->first());
}

// The order key for a record placed at `position` among the live children of `parentId`,
// siblings in (order key, id) order. Reads the one or two neighbours of the place, never the
// whole list: a write costs the same in a course of ten modules or of ten thousand.
Result<QString> keyFor(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                       const QString &parentColumn, const QString &parentId,
                       const QJsonValue &position, const QString &movingId)
{
    const RecordFilter siblings = siblingsOf(parentColumn, parentId, movingId);
    const QString ascending = QStringLiteral("order_key, id");
    const QString descending = QStringLiteral("order_key DESC, id DESC");
    const auto keyOf = [](const std::optional<Record> &r) {
        return r ? r->value(u"orderKey").toString() : QString();
    };
    QString low;
    QString high;
    QString anchorId;
    enum { Last, First, After, Before } place = Last;
    if (position.isUndefined() || position.isNull()
        || position == QJsonValue(QStringLiteral("last"))) {
        auto last = firstOf(tx, spec, siblings, descending);
        if (!last)
            return last.error();
        low = keyOf(*last);
    } else if (position == QJsonValue(QStringLiteral("first"))) {
        place = First;
        auto first = firstOf(tx, spec, siblings, ascending);
        if (!first)
            return first.error();
        high = keyOf(*first);
    } else {
        const QJsonObject anchor = position.toObject();
        const bool after = anchor.contains(u"after");
        place = after ? After : Before;
        anchorId = anchor.value(after ? u"after" : u"before").toString().toLower();
        std::optional<Record> found;
        if (position.isObject() && (after || anchor.contains(u"before")) && !anchorId.isEmpty()) {
            RecordFilter byId = siblings;
            byId.add(QStringLiteral("id = :anchor")).bind(QStringLiteral(":anchor"), anchorId);
            auto at = firstOf(tx, spec, byId, QString());
            if (!at)
                return at.error();
            found = *at;
        }
        if (!found) {
            ValidationErrors errors;
            errors.add(QStringLiteral("position"),
                       Placement::tr("must be \"first\", \"last\", {\"after\": id} or "
                                     "{\"before\": id} with the id of a sibling"));
            return errors.toError();
        }
        const QString key = keyOf(found);
        // The neighbour on the other side of the anchor, in (order key, id) order.
        RecordFilter beyond = siblings;
        beyond.bind(QStringLiteral(":key"), key).bind(QStringLiteral(":anchor"), anchorId);
        if (after)
            beyond.add(QStringLiteral("order_key >= :key AND NOT (order_key = :key AND id <= "
                                      ":anchor)"));
        else
            beyond.add(QStringLiteral("order_key <= :key AND NOT (order_key = :key AND id >= "
                                      ":anchor)"));
        auto next = firstOf(tx, spec, beyond, after ? ascending : descending);
        if (!next)
            return next.error();
        low = after ? key : keyOf(*next);
        high = after ? keyOf(*next) : key;
    }
    const QString key = OrderKey::betweenJittered(low, high);
    if (!key.isEmpty())
        return key;

    // The gap is exhausted (or two siblings share a key made elsewhere): renumber them all, which
    // thousands of inserts into one gap need once in a long while.
    auto all = RecordStore::select(tx, spec, siblings, ascending);
    if (!all)
        return all.error();
    qsizetype gapIndex = all->size();
    if (place == First) {
        gapIndex = 0;
    } else if (place == After || place == Before) {
        for (qsizetype i = 0; i < all->size(); ++i) {
            if (all->at(i).value(u"id").toString() == anchorId)
                gapIndex = place == After ? i + 1 : i;
        }
    }
    return rebalance(tx, clock, spec, *all, gapIndex);
}

} // namespace

Result<QString> Placement::orderKeyFor(Transaction &tx, HlcClock &clock, const EntitySpec &spec,
                                       const QString &parentColumn, const QString &parentId,
                                       const QJsonValue &position, const QString &movingId)
{
    return keyFor(tx, clock, spec, parentColumn, parentId, position, movingId);
}

} // namespace Lectern::Server
