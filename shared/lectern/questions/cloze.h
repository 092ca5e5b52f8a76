#pragma once

#include "question.h"

#include <QList>
#include <QString>

// Moodle's embedded answers (cloze, "multianswer"): the parts written inside a question's text,
// such as {1:SHORTANSWER:=Berlin#Right~%50%Bonn#Old capital}. Read as Moodle's
// qtype_multianswer reads them (https://docs.moodle.org/en/Embedded_Answers_(Cloze)_question_type),
// so a question means here what it means there.
namespace Lectern::Questions {

struct ClozePart
{
    // How a choice is shown: MULTICHOICE is a drop-down menu, _V a vertical and _H a horizontal
    // row of buttons (MULTIRESPONSE is vertical unless _H).
    enum class Layout { DropDown, Vertical, Horizontal };

    Type type = Type::ShortAnswer; // ShortAnswer, Numerical or MultiChoice
    bool single = true;            // MultiChoice: false for MULTIRESPONSE
    bool caseSensitive = false;    // SHORTANSWER_C
    bool shuffle = false;          // the _S forms
    Layout layout = Layout::DropDown;
    double weight = 1;     // the leading number: this part's share of the question's mark
    QList<Answer> answers; // numerical: text is the value (or "*"), tolerance set
    qsizetype start = 0;   // where "{...}" is in the text, braces included
    qsizetype length = 0;

    bool operator==(const ClozePart &other) const = default;
};

struct ClozeText
{
    QList<ClozePart> parts; // in text order: a response gives one answer per part
    QList<ParseError> errors;
};

// The parts of a cloze text. A "{" that does not start with a number (or nothing) and a colon is
// text, as in Moodle. A part that cannot be read (not closed, an unknown type, an empty answer, a
// value that is not a number, no answer with full credit) is an error, and is not in `parts`: a
// text with errors is one to correct before it is saved, not one to grade.
ClozeText parseCloze(const QString &text);

} // namespace Lectern::Questions
