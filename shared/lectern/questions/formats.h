#pragma once

#include "question.h"

#include <QByteArray>
#include <optional>

// The three interchange formats by name, for the command line, the REST import and the desktop.
namespace Lectern::Questions {

enum class Format { Gift, Aiken, MoodleXml };

// "gift", "aiken", "moodlexml".
std::optional<Format> formatFromName(QStringView name);
QString formatName(Format format);

// Reads a file's bytes (UTF-8; Moodle XML says its own encoding).
ParseResult read(Format format, const QByteArray &bytes);

} // namespace Lectern::Questions
