#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Lectern::Server {

// The text form the full-text index holds, the same on SQLite and PostgreSQL: words of letters
// and digits, case-folded and without accents (as foldForSearch), separated by single spaces.
// Everything else (punctuation, symbols) is a word break. Both backends' tokenizers then see the
// same words, so they find the same records; the database never sees the user's own syntax.
struct SearchText
{
    // Folded text plus, for each of its characters, the span of the original character it came
    // from, so that a snippet cut from the folded text can be shown in the original.
    struct Folded
    {
        QString text;
        QList<qsizetype> from; // start of the original character (UTF-16 index)
        QList<qsizetype> to; // end (exclusive) of the original character
    };

    // Longest folded text indexed per field: PostgreSQL refuses tsvectors over 1 MB.
    static constexpr qsizetype maxIndexedLength = 100000;
    // Words of a query that are used; the rest are ignored.
    static constexpr int maxQueryWords = 16;

    static Folded fold(const QString &original);
    // The words of a user's query, folded; empty when it has none (only punctuation).
    static QStringList queryWords(const QString &query);

    // Markers the databases put around matches in the folded text: characters folded text never
    // contains, so they cannot be confused with content.
    static constexpr char16_t startMark = u'[';
    static constexpr char16_t stopMark = u']';

    // Turns a database snippet of folded text (with the markers above) into the API's snippet:
    // the same stretch of `original`, HTML-escaped, each match wrapped in <mark>...</mark>, and
    // "…" where it is cut. Empty when `snippet` does not come from `original`.
    static QString present(const QString &snippet, const QString &original);
};

} // namespace Lectern::Server
