#pragma once

#include "entityspec.h"

#include <QJsonValue>
#include <QList>
#include <QString>

// Three-way merge (docs/architecture.md, "Merge rules"): shared so the server's decision and the
// client's rebase of pending edits over pulled changes are the same code.
namespace Lectern::Merge {

// Line-based three-way merge (diff3) of `mine` and `theirs`, both edited from `base`.
struct TextMerge
{
    bool clean = true; // no overlapping hunks
    int conflicts = 0; // overlapping hunks
    // The merged text. Where hunks overlap it holds both sides between markers, as git does:
    // "<<<<<<< mine\n...=======\n...>>>>>>> theirs\n" (the start of an "edit the merge" text).
    QString merged;
};
TextMerge mergeText(const QString &base, const QString &mine, const QString &theirs);

// "Keep both" for a text conflict: the merge of `first` and `second` (both edited from `base`)
// where every hunk only one side changed merges as usual, and each passage both changed keeps
// both versions one after the other, each under its label, with `endLabel` after them, for the
// author to tidy. Each label stands as a paragraph of its own (a blank line around it), so
// that Markdown shows it as one. `conflicts` counts the passages kept twice.
struct BothVersions
{
    QString text;
    int conflicts = 0;
};
BothVersions keepBoth(const QString &base, const QString &first, const QString &second,
                      const QString &firstLabel, const QString &secondLabel,
                      const QString &endLabel);

// A line diff of two texts for showing (conflict inbox): same / removed from a / added in b.
struct DiffLine
{
    enum class Kind { Same, Removed, Added };
    Kind kind = Kind::Same;
    QString text; // without the line break
    // False only for a last line that has no line break, so that a diff between texts that
    // differ only there says so, and the lines give the texts back exactly.
    bool lineBreak = true;
};
QList<DiffLine> diffLines(const QString &a, const QString &b);

// One field of an op (base -> mine) meeting the server's current value (theirs).
struct FieldMerge
{
    enum class Outcome {
        KeepTheirs, // nothing to write: mine equals base or equals theirs
        TakeMine,   // theirs is still base (or the rule says mine wins, e.g. order keys)
        Merged,     // both changed and the rule combined them (text hunks, JSON object keys)
        Conflict,   // both changed the same part differently: keep theirs, record a conflict
    };
    Outcome outcome = Outcome::KeepTheirs;
    QJsonValue value;   // the value to keep: theirs, mine or the merge (theirs when a conflict)
    QString markedText; // for a text conflict: TextMerge::merged with markers
};
FieldMerge mergeField(const FieldSpec &field, const QJsonValue &base, const QJsonValue &mine,
                      const QJsonValue &theirs);

} // namespace Lectern::Merge
