#pragma once

#include "question.h"

#include <QByteArray>

// Moodle XML (question/format/xml), both directions.
namespace Lectern::Questions::MoodleXml {

ParseResult read(const QByteArray &xml);
QByteArray write(const QList<Question> &questions);

} // namespace Lectern::Questions::MoodleXml
