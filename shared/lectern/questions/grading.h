#pragma once

#include "cloze.h"
#include "question.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

// Grading a response to a question, as Moodle grades it (one try, no penalty for retries). The
// server and the desktop both grade with this, so an offline practice quiz shows the score the
// server computes.
namespace Lectern::Questions {

// What a student gave. Only the field of the question's type is read.
struct Response
{
    // MultiChoice: the chosen answers' indexes (one when `single`). Ordering: the answers' indexes
    // in the order the student put them.
    QList<qsizetype> choices;
    std::optional<bool> truth; // TrueFalse; unset: no answer
    QString text;              // ShortAnswer, Numerical, Essay
    // Matching: the answer text chosen for each subquestion with text, in subquestion order.
    QStringList matches;
    QList<Response> parts; // MultiAnswer: one per cloze part, in text order

    static Response choice(qsizetype index) { return {.choices = {index}}; }
    static Response choosing(const QList<qsizetype> &indexes) { return {.choices = indexes}; }
    static Response ordered(const QList<qsizetype> &indexes) { return {.choices = indexes}; }
    static Response boolean(bool value) { return {.truth = value}; }
    static Response typed(const QString &value) { return {.text = value}; }
    static Response matching(const QStringList &answers) { return {.matches = answers}; }
    static Response cloze(const QList<Response> &responses) { return {.parts = responses}; }
};

struct Grade
{
    // Credit, 1 = right; below 0 only for a single choice with a penalty (or a cloze with one).
    double fraction = 0;
    double mark = 0;           // fraction * the question's defaultMark
    bool needsGrading = false; // an essay: a teacher gives the mark
    QStringList feedback;      // the matched answers' feedback (and why a response got nothing)
    QList<Grade> parts;        // MultiAnswer: each part's grade, its mark out of the part's weight
};

// Moodle's rules, per type:
// - MultiChoice, single: the chosen answer's fraction (a negative one is a penalty, as in Moodle).
//   Several (single = false): the sum of the chosen answers' fractions, clamped to [0, 1].
// - TrueFalse: the fraction of the answer "true" or "false" (the first and second answer when
//   their texts are not those).
// - ShortAnswer: the first answer, in order, that matches; "*" is any run of characters, "\*" a
//   star; case-insensitive unless caseSensitive; spaces around are ignored. An empty response
//   matches nothing.
// - Numerical: the first answer with |response - value| <= tolerance ("*" is any number); the
//   edge counts, with room for rounding. A comma is read as the decimal point when the response
//   has no point ("1,5" is 1.5, and so "1,000" is 1: no thousands separators). A response that is
//   not a number gets 0, and the feedback says so.
// - Matching: right pairs / subquestions with text.
// - Ordering: Moodle's "absolute position" grading, the only one here: items in their right place
//   / items. The right order is the answers' order.
// - MultiAnswer: each cloze part graded as its type, sum(weight * fraction) / sum(weight). Parts
//   of the text that do not parse are not graded (parseCloze() reports them).
// - Essay: fraction 0 and needsGrading. Description: fraction 0, nothing to grade.
Grade grade(const Question &question, const Response &response);

// A cloze part on its own, its mark out of its weight.
Grade grade(const ClozePart &part, const Response &response);

} // namespace Lectern::Questions
