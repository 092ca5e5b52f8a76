#include "markdownhighlighter.h"

#include <QApplication>
#include <QPalette>
#include <QRegularExpression>

namespace Lectern::Client {

namespace {

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

MarkdownHighlighter::MarkdownHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    setPalette(QApplication::palette());
}

void MarkdownHighlighter::setPalette(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    const QColor accent = palette.color(QPalette::Link);
    const bool dark = base.lightnessF() < 0.5;

    m_heading = {};
    m_heading.setFontWeight(QFont::Bold);
    m_heading.setForeground(accent);
    m_strong = {};
    m_strong.setFontWeight(QFont::Bold);
    m_emphasis = {};
    m_emphasis.setFontItalic(true);
    m_code = {};
    m_code.setForeground(dark ? QColor(0xe6, 0xb4, 0x73) : QColor(0x9a, 0x4d, 0x00));
    m_code.setBackground(mix(base, text, 0.06));
    m_link = {};
    m_link.setForeground(accent);
    m_marker = {};
    m_marker.setForeground(mix(text, base, 0.35)); // 5:1 on the page in either theme
    m_quote = {};
    m_quote.setForeground(mix(text, base, 0.3));
    m_quote.setFontItalic(true);
    rehighlight();
}

void MarkdownHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression fence(QStringLiteral("^\\s{0,3}(```|~~~)"));
    static const QRegularExpression heading(QStringLiteral("^\\s{0,3}#{1,6}(\\s|$)"));
    static const QRegularExpression listMarker(QStringLiteral("^\\s*([-*+]|\\d+[.)])\\s"));
    static const QRegularExpression quote(QStringLiteral("^\\s{0,3}>"));
    static const QRegularExpression strong(QStringLiteral("(\\*\\*|__)(?=\\S)(.+?)(?<=\\S)\\1"));
    static const QRegularExpression emphasis(
        QStringLiteral("(?<![*_\\w])([*_])(?=\\S)([^*_]+?)(?<=\\S)\\1(?![*_\\w])"));
    static const QRegularExpression codeSpan(QStringLiteral("(`+)[^`]+?\\1"));
    static const QRegularExpression link(QStringLiteral("!?\\[[^\\]]*\\]\\([^)]*\\)"));

    const bool wasInFence = previousBlockState() == InFence;
    if (fence.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_code);
        setCurrentBlockState(wasInFence ? Normal : InFence);
        return;
    }
    if (wasInFence) {
        setFormat(0, int(text.size()), m_code);
        setCurrentBlockState(InFence);
        return;
    }
    setCurrentBlockState(Normal);

    if (heading.match(text).hasMatch()) {
        setFormat(0, int(text.size()), m_heading);
        return;
    }
    if (quote.match(text).hasMatch())
        setFormat(0, int(text.size()), m_quote);
    if (const QRegularExpressionMatch m = listMarker.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_marker);
    if (text.trimmed().startsWith(u'|')) {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u'|')
                setFormat(int(i), 1, m_marker);
        }
    }

    auto apply = [&](const QRegularExpression &re, const QTextCharFormat &format) {
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            // Merge with what is there, so that **bold *and italic*** keeps both.
            for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i) {
                QTextCharFormat merged = this->format(int(i));
                merged.merge(format);
                setFormat(int(i), 1, merged);
            }
        }
    };
    apply(strong, m_strong);
    apply(emphasis, m_emphasis);
    apply(link, m_link);
    apply(codeSpan, m_code);
}

} // namespace Lectern::Client
