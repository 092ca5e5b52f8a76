#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

// Questions as the bank keeps them and as the interchange formats (GIFT, Aiken, Moodle XML) carry
// them. The types and field names are Moodle's, so that a question read from one format and
// written to another means the same thing, and outside tools that know Moodle read ours.
namespace Lectern::Questions {

enum class Type {
    MultiChoice, // one right answer ("single"), or several with weights
    TrueFalse,
    ShortAnswer, // typed answers, `*` wildcard, case sensitivity
    Numerical,   // a number within a tolerance
    Matching,    // subquestions, each with its answer (and distractor answers without a question)
    Essay,       // graded by hand
    Description, // text only, no grade
    MultiAnswer, // cloze: answers embedded in the text
    Ordering,    // put the answers in their order
};

// Moodle's names: "multichoice", "truefalse", "shortanswer", "numerical", "matching", "essay",
// "description", "multianswer", "ordering".
QString typeName(Type type);
std::optional<Type> typeFromName(QStringView name);

// How a text is written: Moodle's "moodle" (auto-format), "html", "plain" or "markdown".
inline constexpr auto DefaultFormat = "moodle";

struct Answer
{
    QString text;
    double fraction = 0; // credit from -1 to 1 (1 = right)
    QString feedback;
    std::optional<double> tolerance; // numerical: accepted distance from `text`

    bool operator==(const Answer &other) const = default;
};

struct SubQuestion
{
    QString text; // empty: `answer` is a distractor
    QString answer;

    bool operator==(const SubQuestion &other) const = default;
};

struct Question
{
    Type type = Type::Description;
    QString name;
    QString text;
    QString textFormat = QString::fromLatin1(DefaultFormat);
    std::optional<QString> category; // a path such as "$course$/Chemistry/Atoms"
    QString generalFeedback;
    QList<Answer> answers;
    QList<SubQuestion> subquestions;
    bool single = true;         // multichoice: one answer is chosen (an answer has full credit)
    bool caseSensitive = false; // shortanswer
    double defaultMark = 1;
    int line = 0; // where the question starts in its source file (1-based; 0 when unknown)

    bool operator==(const Question &other) const = default;
};

// {"type", "single", "name", "text", "format", "category" (or null), "generalFeedback",
//  "answers": [{"text", "fraction", "feedback", "tolerance" (numerical only)}],
//  "subquestions": [{"text", "answer"}] (matching only), "caseSensitive" (shortanswer only),
//  "defaultMark", "line"}
QJsonObject toJson(const Question &question);

// A problem in a file being read: the line it is on (1-based) and what is wrong, in words.
struct ParseError
{
    int line = 0;
    QString message;

    bool operator==(const ParseError &other) const = default;
};

// What reading a file gives: every question that could be read, and the problems of those that
// could not (a bad question does not stop the ones after it).
struct ParseResult
{
    QList<Question> questions;
    QList<ParseError> errors;
};

// {"questions": [...], "errors": [{"line", "message"}]}: the dry run's answer.
QJsonObject toJson(const ParseResult &result);

// The name a question without one gets: its text without markup, at most 80 characters cut at a
// word and ended with "..." (as Moodle names them).
QString defaultName(const QString &text);

} // namespace Lectern::Questions
