#include "merge.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace Lectern::Merge {

namespace {

// A text as lines that keep their '\n', so joining them gives the text back byte for byte and a
// last line without a line break differs from the same line with one (as in git).
QList<QStringView> splitLines(const QString &text)
{
    QList<QStringView> lines;
    const QStringView view(text);
    qsizetype start = 0;
    while (start < view.size()) {
        const qsizetype end = view.indexOf(u'\n', start);
        if (end < 0) {
            lines.append(view.sliced(start));
            break;
        }
        lines.append(view.sliced(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

// Numbers lines so that the diff compares integers; equal lines of any of the texts get one id.
class LineIds
{
public:
    QList<int> ids(const QList<QStringView> &lines)
    {
        QList<int> result;
        result.reserve(lines.size());
        for (const QStringView line : lines) {
            auto it = m_ids.constFind(line);
            if (it == m_ids.constEnd())
                it = m_ids.insert(line, int(m_ids.size()));
            result.append(*it);
        }
        return result;
    }

private:
    QHash<QStringView, int> m_ids;
};

// base[baseBegin, baseEnd) became other[otherBegin, otherEnd).
struct Hunk
{
    qsizetype baseBegin = 0;
    qsizetype baseEnd = 0;
    qsizetype otherBegin = 0;
    qsizetype otherEnd = 0;
};

// Myers' O(ND) difference algorithm in linear space (the "middle snake" divide and conquer, as in
// git's xdiff): marks each line of a and b that is not part of a longest common subsequence.
class Differ
{
public:
    Differ(const QList<int> &a, const QList<int> &b)
        : m_a(a)
        , m_b(b)
        , m_changedA(a.size(), false)
        , m_changedB(b.size(), false)
    { }

    QList<Hunk> run()
    {
        // A line that does not occur in the other text can never be matched: leaving it out of
        // the search keeps wholly rewritten texts fast without making the diff any less minimal.
        QHash<int, int> countA;
        QHash<int, int> countB;
        for (const int id : m_a)
            ++countA[id];
        for (const int id : m_b)
            ++countB[id];
        for (qsizetype i = 0; i < m_a.size(); ++i) {
            if (countB.contains(m_a[i]))
                m_indexA.append(i);
            else
                m_changedA[i] = true;
        }
        for (qsizetype j = 0; j < m_b.size(); ++j) {
            if (countA.contains(m_b[j]))
                m_indexB.append(j);
            else
                m_changedB[j] = true;
        }
        for (const qsizetype i : std::as_const(m_indexA))
            m_ra.append(m_a[i]);
        for (const qsizetype j : std::as_const(m_indexB))
            m_rb.append(m_b[j]);

        const qsizetype n = m_ra.size();
        const qsizetype m = m_rb.size();
        m_forward.resize(n + m + 3);
        m_backward.resize(n + m + 3);
        m_offset = m + 1;
        // Past this many edits in one split, take the best path found so far (xdiff's heuristic):
        // the diff may then be a little longer than minimal, but time stays bounded.
        m_maxCost = std::max<qsizetype>(256, qsizetype(std::sqrt(double(n + m + 3))) * 2);

        struct Range
        {
            qsizetype begin1, end1, begin2, end2;
        };
        QList<Range> stack {{0, n, 0, m}};
        while (!stack.isEmpty()) {
            Range r = stack.takeLast();
            while (r.begin1 < r.end1 && r.begin2 < r.end2 && m_ra[r.begin1] == m_rb[r.begin2]) {
                ++r.begin1;
                ++r.begin2;
            }
            while (r.begin1 < r.end1 && r.begin2 < r.end2 && m_ra[r.end1 - 1] == m_rb[r.end2 - 1]) {
                --r.end1;
                --r.end2;
            }
            if (r.begin1 == r.end1) {
                for (qsizetype j = r.begin2; j < r.end2; ++j)
                    m_changedB[m_indexB[j]] = true;
            } else if (r.begin2 == r.end2) {
                for (qsizetype i = r.begin1; i < r.end1; ++i)
                    m_changedA[m_indexA[i]] = true;
            } else {
                auto [x, y] = split(r.begin1, r.end1, r.begin2, r.end2);
                // Both halves must be smaller; a corner would send the same box round again.
                if ((x == r.begin1 && y == r.begin2) || (x == r.end1 && y == r.end2)) {
                    x = r.begin1 + 1;
                    y = r.begin2;
                }
                stack.append({x, r.end1, y, r.end2});
                stack.append({r.begin1, x, r.begin2, y});
            }
        }
        return hunks();
    }

private:
    qsizetype &forward(qsizetype k) { return m_forward[k + m_offset]; }
    qsizetype &backward(qsizetype k) { return m_backward[k + m_offset]; }

    // A point on an optimal (or, past m_maxCost, a good) edit path through the box, strictly
    // inside it so that both halves are smaller. Diagonal k holds the points with x - y == k.
    std::pair<qsizetype, qsizetype> split(qsizetype off1, qsizetype lim1, qsizetype off2,
                                          qsizetype lim2)
    {
        const qsizetype dmin = off1 - lim2;
        const qsizetype dmax = lim1 - off2;
        const qsizetype fmid = off1 - off2;
        const qsizetype bmid = lim1 - lim2;
        const bool odd = ((fmid - bmid) & 1) != 0;
        qsizetype fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
        constexpr qsizetype below = -1;
        constexpr qsizetype above = std::numeric_limits<qsizetype>::max();
        forward(fmid) = off1;
        backward(bmid) = lim1;

        for (qsizetype cost = 1;; ++cost) {
            if (fmin > dmin)
                forward(--fmin - 1) = below;
            else
                ++fmin;
            if (fmax < dmax)
                forward(++fmax + 1) = below;
            else
                --fmax;
            for (qsizetype d = fmax; d >= fmin; d -= 2) {
                qsizetype x
                    = forward(d - 1) >= forward(d + 1) ? forward(d - 1) + 1 : forward(d + 1);
                qsizetype y = x - d;
                while (x < lim1 && y < lim2 && m_ra[x] == m_rb[y]) {
                    ++x;
                    ++y;
                }
                forward(d) = x;
                if (odd && bmin <= d && d <= bmax && backward(d) <= x)
                    return {x, y};
            }

            if (bmin > dmin)
                backward(--bmin - 1) = above;
            else
                ++bmin;
            if (bmax < dmax)
                backward(++bmax + 1) = above;
            else
                --bmax;
            for (qsizetype d = bmax; d >= bmin; d -= 2) {
                qsizetype x
                    = backward(d - 1) < backward(d + 1) ? backward(d - 1) : backward(d + 1) - 1;
                qsizetype y = x - d;
                while (x > off1 && y > off2 && m_ra[x - 1] == m_rb[y - 1]) {
                    --x;
                    --y;
                }
                backward(d) = x;
                if (!odd && fmin <= d && d <= fmax && x <= forward(d))
                    return {x, y};
            }

            if (cost >= m_maxCost) {
                qsizetype fbest = -1, fbestX = off1;
                for (qsizetype d = fmax; d >= fmin; d -= 2) {
                    qsizetype x = std::min(forward(d), lim1);
                    qsizetype y = x - d;
                    if (y > lim2) {
                        x = lim2 + d;
                        y = lim2;
                    }
                    if (x + y > fbest) {
                        fbest = x + y;
                        fbestX = x;
                    }
                }
                qsizetype bbest = above, bbestX = lim1;
                for (qsizetype d = bmax; d >= bmin; d -= 2) {
                    qsizetype x = std::max(off1, backward(d));
                    qsizetype y = x - d;
                    if (y < off2) {
                        x = off2 + d;
                        y = off2;
                    }
                    if (x + y < bbest) {
                        bbest = x + y;
                        bbestX = x;
                    }
                }
                if ((lim1 + lim2) - bbest < fbest - (off1 + off2))
                    return {fbestX, fbest - fbestX};
                return {bbestX, bbest - bbestX};
            }
        }
    }

    // Unchanged lines of a and b pair up in order, so the runs of changed lines between them are
    // the hunks.
    QList<Hunk> hunks() const
    {
        QList<Hunk> result;
        qsizetype i = 0, j = 0;
        const qsizetype n = m_a.size(), m = m_b.size();
        while (i < n || j < m) {
            if (i < n && j < m && !m_changedA[i] && !m_changedB[j]) {
                ++i;
                ++j;
                continue;
            }
            Hunk hunk {i, i, j, j};
            while (i < n && m_changedA[i])
                ++i;
            while (j < m && m_changedB[j])
                ++j;
            hunk.baseEnd = i;
            hunk.otherEnd = j;
            result.append(hunk);
        }
        return result;
    }

    const QList<int> &m_a;
    const QList<int> &m_b;
    QList<bool> m_changedA;
    QList<bool> m_changedB;
    QList<qsizetype> m_indexA; // the lines of a that also occur in b
    QList<qsizetype> m_indexB;
    QList<int> m_ra; // their ids
    QList<int> m_rb;
    QList<qsizetype> m_forward;
    QList<qsizetype> m_backward;
    qsizetype m_offset = 0;
    qsizetype m_maxCost = 0;
};

QList<Hunk> diff(const QList<int> &a, const QList<int> &b)
{
    return Differ(a, b).run();
}

bool isBlank(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

// JSON equality as people mean it: null and absent are the same, 1 and 1.0 are the same number.
bool jsonEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (isBlank(a) || isBlank(b))
        return isBlank(a) && isBlank(b);
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case QJsonValue::Double: {
        // Exact for whole numbers beyond 2^53, where doubles would round.
        const qint64 ia = a.toInteger(0), ib = b.toInteger(0);
        const bool wholeA = ia == a.toInteger(1), wholeB = ib == b.toInteger(1);
        if (wholeA && wholeB)
            return ia == ib;
        return a.toDouble() == b.toDouble();
    }
    case QJsonValue::Array: {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!jsonEqual(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject x = a.toObject(), y = b.toObject();
        QSet<QString> keys;
        for (const QString &key : x.keys())
            keys.insert(key);
        for (const QString &key : y.keys())
            keys.insert(key);
        for (const QString &key : std::as_const(keys)) {
            if (!jsonEqual(x.value(key), y.value(key)))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

bool isObjectOrBlank(const QJsonValue &value)
{
    return value.isObject() || isBlank(value);
}

// Three-way merge of JSON objects key by key, recursing into objects that both sides changed.
// Returns false when some key was changed differently on both sides.
bool mergeObjects(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                  QJsonObject &merged)
{
    QStringList keys = theirs.keys();
    for (const QString &key : mine.keys()) {
        if (!theirs.contains(key))
            keys.append(key);
    }
    bool clean = true;
    merged = QJsonObject();
    for (const QString &key : std::as_const(keys)) {
        const QJsonValue b = base.value(key), m = mine.value(key), t = theirs.value(key);
        QJsonValue value;
        if (jsonEqual(m, t) || jsonEqual(m, b)) {
            value = t;
        } else if (jsonEqual(t, b)) {
            value = m;
        } else if (m.isObject() && t.isObject() && isObjectOrBlank(b)) {
            QJsonObject inner;
            clean = mergeObjects(b.toObject(), m.toObject(), t.toObject(), inner) && clean;
            value = inner;
        } else {
            clean = false;
            value = t;
        }
        if (!value.isUndefined())
            merged.insert(key, value);
    }
    return clean;
}

} // namespace

QList<DiffLine> diffLines(const QString &a, const QString &b)
{
    const QList<QStringView> linesA = splitLines(a);
    const QList<QStringView> linesB = splitLines(b);
    LineIds ids;
    const QList<int> idsA = ids.ids(linesA);
    const QList<int> idsB = ids.ids(linesB);

    QList<DiffLine> result;
    const auto add = [&result](DiffLine::Kind kind, QStringView line) {
        const bool lineBreak = line.endsWith(u'\n');
        result.append(DiffLine {kind, (lineBreak ? line.chopped(1) : line).toString(), lineBreak});
    };
    qsizetype i = 0;
    for (const Hunk &hunk : diff(idsA, idsB)) {
        for (; i < hunk.baseBegin; ++i)
            add(DiffLine::Kind::Same, linesA[i]);
        for (qsizetype k = hunk.baseBegin; k < hunk.baseEnd; ++k)
            add(DiffLine::Kind::Removed, linesA[k]);
        for (qsizetype k = hunk.otherBegin; k < hunk.otherEnd; ++k)
            add(DiffLine::Kind::Added, linesB[k]);
        i = hunk.baseEnd;
    }
    for (; i < linesA.size(); ++i)
        add(DiffLine::Kind::Same, linesA[i]);
    return result;
}

// The diff3 walk. Hunks of base->mine and base->theirs that touch the same base lines form one
// chunk; a chunk with hunks of one side only takes that side, and a chunk with both takes them if
// they made the same text and is a conflict otherwise.
//
// When two hunks "touch" is where merge tools differ. git makes hunks that merely border each other
// a conflict; we merge edits to different lines, even neighbouring ones, because a lesson's
// paragraphs are edited by different people and each line's edit stays as its author made it. So
// two hunks conflict when they share a base line, when one inserts strictly inside the lines the
// other replaced, or when both insert at the same place (the order of the two insertions is not
// ours to guess, unless they inserted the same text).
namespace {
// What stands around the two sides of a passage both changed: full lines, each ending in '\n'.
struct Markers
{
    QString begin;
    QString middle;
    QString end;
    // Each marker a paragraph of its own: a blank line before it unless the text starts there
    // or already has one (the markers themselves end with a blank line).
    bool paragraphs = false;
};

TextMerge mergeWithMarkers(const QString &base, const QString &mine, const QString &theirs,
                           const Markers &markers);
} // namespace

TextMerge mergeText(const QString &base, const QString &mine, const QString &theirs)
{
    static const Markers git {u"<<<<<<< mine\n"_s, u"=======\n"_s, u">>>>>>> theirs\n"_s};
    return mergeWithMarkers(base, mine, theirs, git);
}

BothVersions keepBoth(const QString &base, const QString &first, const QString &second,
                      const QString &firstLabel, const QString &secondLabel,
                      const QString &endLabel)
{
    const auto paragraph = [](const QString &label) {
        return QString(label).replace(u'\n', u' ') + u"\n\n"_s;
    };
    const TextMerge merged = mergeWithMarkers(
        base, first, second,
        {paragraph(firstLabel), paragraph(secondLabel), paragraph(endLabel), true});
    return {merged.merged, merged.conflicts};
}

namespace {
TextMerge mergeWithMarkers(const QString &base, const QString &mine, const QString &theirs,
                           const Markers &markers)
{
    const QList<QStringView> baseLines = splitLines(base);
    const QList<QStringView> mineLines = splitLines(mine);
    const QList<QStringView> theirLines = splitLines(theirs);
    LineIds ids;
    const QList<int> baseIds = ids.ids(baseLines);
    const QList<int> mineIds = ids.ids(mineLines);
    const QList<int> theirIds = ids.ids(theirLines);
    const QList<Hunk> mineHunks = diff(baseIds, mineIds);
    const QList<Hunk> theirHunks = diff(baseIds, theirIds);

    TextMerge result;
    result.merged.reserve(std::max({base.size(), mine.size(), theirs.size()}));
    const auto append = [&result](const QList<QStringView> &lines, qsizetype begin, qsizetype end) {
        for (qsizetype i = begin; i < end; ++i)
            result.merged.append(lines[i]);
    };
    // A conflict side that ends a text without a line break still needs one before the marker.
    const auto appendSide = [&](const QList<QStringView> &lines, qsizetype begin, qsizetype end) {
        append(lines, begin, end);
        if (end > begin && !lines[end - 1].endsWith(u'\n'))
            result.merged.append(u'\n');
    };
    const auto appendMarker = [&](const QString &marker) {
        if (markers.paragraphs && !result.merged.isEmpty() && !result.merged.endsWith(u"\n\n"_s))
            result.merged.append(u'\n');
        result.merged.append(marker);
    };
    const auto overlaps = [](qsizetype begin, qsizetype end, const Hunk &hunk) {
        if (begin == end && hunk.baseBegin == hunk.baseEnd)
            return begin == hunk.baseBegin;
        return hunk.baseBegin < end && begin < hunk.baseEnd;
    };
    const auto before = [](const Hunk &x, const Hunk &y) {
        return x.baseBegin < y.baseBegin || (x.baseBegin == y.baseBegin && x.baseEnd < y.baseEnd);
    };

    qsizetype im = 0, it = 0, basePos = 0;
    while (im < mineHunks.size() || it < theirHunks.size()) {
        qsizetype begin, end;
        const qsizetype mineFirst = im, theirFirst = it;
        if (it == theirHunks.size()
            || (im < mineHunks.size() && before(mineHunks[im], theirHunks[it]))) {
            begin = mineHunks[im].baseBegin;
            end = mineHunks[im].baseEnd;
            ++im;
        } else {
            begin = theirHunks[it].baseBegin;
            end = theirHunks[it].baseEnd;
            ++it;
        }
        for (bool grown = true; grown;) {
            grown = false;
            if (im < mineHunks.size() && overlaps(begin, end, mineHunks[im])) {
                end = std::max(end, mineHunks[im].baseEnd);
                ++im;
                grown = true;
            }
            if (it < theirHunks.size() && overlaps(begin, end, theirHunks[it])) {
                end = std::max(end, theirHunks[it].baseEnd);
                ++it;
                grown = true;
            }
        }

        append(baseLines, basePos, begin);
        basePos = end;
        // Each side's lines for base[begin, end): outside its hunks a side still has base's lines.
        const auto sideRange = [begin, end](const QList<Hunk> &hunks, qsizetype first,
                                            qsizetype last) -> std::pair<qsizetype, qsizetype> {
            if (first == last)
                return {-1, -1};
            return {hunks[first].otherBegin - (hunks[first].baseBegin - begin),
                    hunks[last - 1].otherEnd + (end - hunks[last - 1].baseEnd)};
        };
        const auto [mineBegin, mineEnd] = sideRange(mineHunks, mineFirst, im);
        const auto [theirBegin, theirEnd] = sideRange(theirHunks, theirFirst, it);
        if (mineBegin < 0) {
            append(theirLines, theirBegin, theirEnd);
            continue;
        }
        if (theirBegin < 0) {
            append(mineLines, mineBegin, mineEnd);
            continue;
        }

        // Lines both sides agree on at either end of the chunk are not part of the conflict.
        qsizetype mb = mineBegin, me = mineEnd, tb = theirBegin, te = theirEnd;
        while (mb < me && tb < te && mineIds[mb] == theirIds[tb]) {
            ++mb;
            ++tb;
        }
        while (mb < me && tb < te && mineIds[me - 1] == theirIds[te - 1]) {
            --me;
            --te;
        }
        append(mineLines, mineBegin, mb);
        if (mb < me || tb < te) {
            result.clean = false;
            ++result.conflicts;
            appendMarker(markers.begin);
            appendSide(mineLines, mb, me);
            appendMarker(markers.middle);
            appendSide(theirLines, tb, te);
            appendMarker(markers.end);
        }
        append(mineLines, me, mineEnd);
    }
    append(baseLines, basePos, baseLines.size());
    return result;
}
} // namespace

FieldMerge mergeField(const FieldSpec &field, const QJsonValue &base, const QJsonValue &mine,
                      const QJsonValue &theirs)
{
    if (jsonEqual(mine, theirs) || jsonEqual(mine, base))
        return {FieldMerge::Outcome::KeepTheirs, theirs, {}};
    if (jsonEqual(theirs, base))
        return {FieldMerge::Outcome::TakeMine, mine, {}};

    // Both sides changed the field, each differently.
    switch (field.merge) {
    case MergeRule::Order:
        // Order keys never conflict: the move that reaches the server last wins.
        return {FieldMerge::Outcome::TakeMine, mine, {}};
    case MergeRule::Text:
        if (mine.isString() && theirs.isString() && (base.isString() || isBlank(base))) {
            const TextMerge text = mergeText(base.toString(), mine.toString(), theirs.toString());
            if (text.clean)
                return {FieldMerge::Outcome::Merged, text.merged, {}};
            return {FieldMerge::Outcome::Conflict, theirs, text.merged};
        }
        break;
    case MergeRule::Field:
        if (field.type == FieldType::Json && mine.isObject() && theirs.isObject()
            && isObjectOrBlank(base)) {
            QJsonObject merged;
            if (mergeObjects(base.toObject(), mine.toObject(), theirs.toObject(), merged))
                return {FieldMerge::Outcome::Merged, merged, {}};
        }
        break;
    case MergeRule::AppendOnly:
    case MergeRule::ServerDecides:
        break;
    }
    return {FieldMerge::Outcome::Conflict, theirs, {}};
}

} // namespace Lectern::Merge
