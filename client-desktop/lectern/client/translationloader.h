#pragma once

#include <QLocale>
#include <QStringList>

namespace Lectern::Client {

// Loads the client's translations (compiled into the program under :/i18n) and Qt's own.
class TranslationLoader
{
public:
    // Replaces what an earlier call installed. Falls back to English (which still matters: it
    // holds the plural forms), and makes `locale` the default for numbers and dates. Returns
    // the language loaded, e.g. "fr" or "en".
    static QString install(const QLocale &locale);
    static QStringList availableLanguages();
};

} // namespace Lectern::Client
