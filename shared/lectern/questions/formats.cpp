#include "formats.h"

#include "aiken.h"
#include "gift.h"
#include "moodlexml.h"

namespace Lectern::Questions {

std::optional<Format> formatFromName(QStringView name)
{
    if (name == u"gift")
        return Format::Gift;
    if (name == u"aiken")
        return Format::Aiken;
    if (name == u"moodlexml")
        return Format::MoodleXml;
    return std::nullopt;
}

QString formatName(Format format)
{
    switch (format) {
    case Format::Gift:
        return QStringLiteral("gift");
    case Format::Aiken:
        return QStringLiteral("aiken");
    case Format::MoodleXml:
        break;
    }
    return QStringLiteral("moodlexml");
}

ParseResult read(Format format, const QByteArray &bytes)
{
    switch (format) {
    case Format::Gift:
        return Gift::read(QString::fromUtf8(bytes));
    case Format::Aiken:
        return Aiken::read(QString::fromUtf8(bytes));
    case Format::MoodleXml:
        break;
    }
    return MoodleXml::read(bytes);
}

} // namespace Lectern::Questions
