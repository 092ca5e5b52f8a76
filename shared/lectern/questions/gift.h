#pragma once

#include "question.h"

#include <QString>

// GIFT, Moodle's text format for questions (question/format/gift), both directions. Reading
// follows Moodle's importer, so a file means here what it means there: questions separated by
// blank lines, "//" comment lines, "::name::", "[markdown]"-style formats, "$CATEGORY:" lines,
// the missing-word form (text after the answers), "####" general feedback and the escapes
// \~ \= \# \{ \} \: \\ \n.
namespace Lectern::Questions::Gift {

ParseResult read(const QString &text);

// Questions GIFT cannot hold (cloze, ordering) are written as a comment naming them, and listed
// in `skipped` when it is given.
QString write(const QList<Question> &questions, QStringList *skipped = nullptr);

} // namespace Lectern::Questions::Gift
