#pragma once

#include "question.h"

#include <QString>

// Aiken, the simplest question format Moodle reads (question/format/aiken): multiple-choice
// questions with one right answer, each a line of text, options "A) ..." or "A. ...", and
// "ANSWER: B". Read as Moodle reads it: the texts are HTML-escaped and in the "html" format.
namespace Lectern::Questions::Aiken {

ParseResult read(const QString &text);

// Only multiple-choice questions with one right answer fit; the others are left out and listed
// in `skipped` when it is given.
QString write(const QList<Question> &questions, QStringList *skipped = nullptr);

} // namespace Lectern::Questions::Aiken
