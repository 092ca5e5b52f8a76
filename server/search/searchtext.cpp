#include "searchtext.h"

#include <algorithm>

namespace Lectern::Server {

namespace {
bool isWordCharacter(char32_t c)
{
    return QChar::isLetterOrNumber(c);
}

const QChar ellipsis(0x2026);

QString escaped(QStringView text)
{
    return text.toString().toHtmlEscaped();
}
} // namespace

SearchText::Folded SearchText::fold(const QString &original)
{
    Folded folded;
    folded.text.reserve(original.size());
    folded.from.reserve(original.size());
    folded.to.reserve(original.size());
    const auto append = [&folded](QChar c, qsizetype start, qsizetype end) {
        folded.text.append(c);
        folded.from.append(start);
        folded.to.append(end);
    };
    qsizetype i = 0;
    while (i < original.size()) {
        const qsizetype start = i;
        char32_t code = original.at(i).unicode();
        if (QChar::isHighSurrogate(code) && i + 1 < original.size()
            && original.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(original.at(i), original.at(i + 1));
            ++i;
        }
        ++i;
        if (code < 0x80) {
            // ASCII, most of any text: its own decomposition, and a letter folds to lower case.
            if (isWordCharacter(code))
                append(QChar(code >= u'A' && code <= u'Z' ? code + (u'a' - u'A') : code), start, i);
            else if (!folded.text.isEmpty() && !folded.text.endsWith(u' '))
                append(u' ', start, i);
            continue;
        }
        // Compatibility decomposition splits accents off their letters (and "ﬁ" into "fi").
        const QString decomposed
            = QString::fromUcs4(&code, 1).normalized(QString::NormalizationForm_KD);
        const QList<uint> parts = decomposed.toUcs4();
        for (const uint part : parts) {
            if (QChar::category(part) == QChar::Mark_NonSpacing)
                continue;
            if (!isWordCharacter(part)) {
                if (!folded.text.isEmpty() && !folded.text.endsWith(u' '))
                    append(u' ', start, i);
                continue;
            }
            const QString lower
                = QString::fromUcs4(reinterpret_cast<const char32_t *>(&part), 1).toCaseFolded();
            for (const QChar c : lower)
                append(c, start, i);
        }
    }
    while (folded.text.endsWith(u' ')) {
        folded.text.chop(1);
        folded.from.removeLast();
        folded.to.removeLast();
    }
    return folded;
}

QStringList SearchText::queryWords(const QString &query)
{
    QStringList words = fold(query).text.split(u' ', Qt::SkipEmptyParts);
    if (words.size() > maxQueryWords)
        words.resize(maxQueryWords);
    return words;
}

QString SearchText::present(const QString &snippet, const QString &original)
{
    // The excerpt without markers, and where the markers were in it.
    QString excerpt;
    QList<std::pair<qsizetype, bool>> marks; // position in excerpt, true for a start
    for (const QChar c : snippet) {
        if (c == startMark || c == stopMark)
            marks.append({excerpt.size(), c == startMark});
        else
            excerpt.append(c);
    }
    excerpt = excerpt.trimmed();
    const Folded folded = fold(original);
    if (excerpt.isEmpty())
        return {};
    // Cuts fall on word boundaries, so the excerpt is a stretch of the folded text.
    const QString untrimmed = [&] {
        QString plain = snippet;
        plain.remove(startMark);
        plain.remove(stopMark);
        return plain;
    }();
    const qsizetype lead = untrimmed.indexOf(excerpt);
    const qsizetype at = folded.text.indexOf(excerpt);
    if (at < 0)
        return {};
    const qsizetype end = at + excerpt.size();
    // An excerpt that reaches either end of the text keeps the punctuation there.
    const qsizetype begin = at == 0 ? 0 : folded.from.at(at);
    const qsizetype stop = end == folded.text.size() ? original.size() : folded.to.at(end - 1);

    QString out;
    if (at > 0)
        out += ellipsis;
    qsizetype written = begin;
    for (const auto &[position, isStart] : std::as_const(marks)) {
        const qsizetype p = std::clamp<qsizetype>(position - lead, 0, excerpt.size());
        qsizetype originalAt = 0;
        if (isStart)
            originalAt = p < excerpt.size() ? folded.from.at(at + p) : stop;
        else
            originalAt = p > 0 ? folded.to.at(at + p - 1) : begin;
        originalAt = std::clamp(originalAt, written, stop);
        out += escaped(QStringView(original).mid(written, originalAt - written));
        out += isStart ? QStringLiteral("<mark>") : QStringLiteral("</mark>");
        written = originalAt;
    }
    out += escaped(QStringView(original).mid(written, stop - written));
    if (end < folded.text.size())
        out += ellipsis;
    return out;
}

} // namespace Lectern::Server
