#pragma once

#include <QString>

namespace Lectern {

// The form text is compared in for substring search: Unicode case folding plus accents removed,
// so "elodie", "ÉLODIE" and "Élodie" all find each other. Databases differ in what LOWER() knows
// (SQLite: ASCII only), so the folding is done here, once, and stored next to the record.
QString foldForSearch(const QString &text);

} // namespace Lectern
