#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace Lectern::Client {

// Light colouring of Markdown source: headings, emphasis, code (spans and fenced blocks), links
// and images, list markers, quotes and table pipes. Colours follow the palette, so the source
// reads the same in the light and the dark appearance.
class MarkdownHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit MarkdownHighlighter(QTextDocument *document);

    // Picks the colours again (the palette changed).
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Normal = 0, InFence = 1 };

    QTextCharFormat m_heading;
    QTextCharFormat m_emphasis;
    QTextCharFormat m_strong;
    QTextCharFormat m_code;
    QTextCharFormat m_link;
    QTextCharFormat m_marker;
    QTextCharFormat m_quote;
};

} // namespace Lectern::Client
