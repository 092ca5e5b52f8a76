#pragma once

#include <QString>

namespace Lectern {

// Fractional order keys (docs/architecture.md, "Merge rules": ordering
// never conflicts): strings over the digits 0-9A-Za-z
// that sort by plain byte comparison, and between any two of which another usually fits, so
// inserting or moving an item writes one key and leaves its siblings alone. Appending and
// prepending keep keys short (4 characters after 10,000 appends); only thousands of inserts into
// one gap exhaust it (keys are capped at 1,024 characters), and then between() returns "" and the
// server gives that list fresh keys once. Random low digits keep two devices inserting at one spot
// at the same time apart.
class OrderKey
{
public:
    // A key strictly between `before` and `after`; an empty string means "no bound" on that side.
    // Returns an empty string when before >= after (both non-empty) or a key is not valid.
    static QString between(const QString &before, const QString &after);
    // As between(), plus random low digits so that concurrent inserts at one spot differ.
    static QString betweenJittered(const QString &before, const QString &after);
    // A key that puts an item at `index` among siblings whose keys are `keys` (in list order,
    // equal keys allowed: two devices can make the same key, and then the id orders them). It
    // goes after keys[index - 1] and before the next key greater than that one, so a position
    // between two equal keys lands after both. Empty when the gap is exhausted (see above).
    static QString forIndex(const QStringList &keys, qsizetype index);
    // `count` evenly spread keys for a fresh list (e.g. when duplicating a course).
    static QStringList spread(int count);

    static bool isValid(QStringView key);
};

} // namespace Lectern
