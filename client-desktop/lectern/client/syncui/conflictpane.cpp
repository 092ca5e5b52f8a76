#include "conflictpane.h"

#include <QLabel>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextEdit>
#include <QVBoxLayout>
#include <lectern/merge.h>

namespace Lectern::Client {

namespace {
// Fixed tints, readable with the fixed dark text set on them under any palette.
const QColor addedBackground(0xDC, 0xFC, 0xE7);
const QColor removedBackground(0xFE, 0xE2, 0xE2);
const QColor diffText(0x1F, 0x29, 0x37);
} // namespace

ConflictPane::ConflictPane(const QString &heading, QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(heading, this))
    , m_detail(new QLabel(this))
    , m_text(new QTextEdit(this))
{
    QFont headingFont = m_heading->font();
    headingFont.setWeight(QFont::DemiBold);
    m_heading->setFont(headingFont);
    m_detail->setForegroundRole(QPalette::PlaceholderText);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setWordWrap(true);
    m_text->setReadOnly(true);
    m_text->setAcceptRichText(false);
    m_text->setAccessibleName(heading);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_heading);
    layout->addWidget(m_detail);
    layout->addSpacing(4);
    layout->addWidget(m_text, 1);
}

void ConflictPane::setHeading(const QString &heading)
{
    m_heading->setText(heading);
    m_text->setAccessibleName(heading);
}

QString ConflictPane::heading() const
{
    return m_heading->text();
}

QString ConflictPane::detail() const
{
    return m_detail->text();
}

void ConflictPane::setDetail(const QString &detail)
{
    m_detail->setText(detail);
    m_detail->setVisible(!detail.isEmpty());
}

void ConflictPane::showText(const QString &text)
{
    m_added = m_removed = 0;
    m_text->setPlainText(text);
}

void ConflictPane::showNote(const QString &note)
{
    m_added = m_removed = 0;
    m_text->clear();
    QTextCursor cursor(m_text->document());
    QTextCharFormat format;
    format.setFontItalic(true);
    format.setForeground(palette().color(QPalette::PlaceholderText));
    cursor.insertText(note, format);
}

void ConflictPane::showDiff(const QString &base, const QString &text)
{
    m_added = m_removed = 0;
    m_text->clear();
    QTextCursor cursor(m_text->document());
    const QTextBlockFormat plainBlock = cursor.blockFormat();
    const QTextCharFormat plainChar = cursor.charFormat();
    bool first = true;
    for (const Merge::DiffLine &line : Merge::diffLines(base, text)) {
        QTextBlockFormat block = plainBlock;
        QTextCharFormat chars = plainChar;
        switch (line.kind) {
        case Merge::DiffLine::Kind::Same:
            break;
        case Merge::DiffLine::Kind::Added:
            block.setBackground(addedBackground);
            chars.setForeground(diffText);
            ++m_added;
            break;
        case Merge::DiffLine::Kind::Removed:
            block.setBackground(removedBackground);
            chars.setForeground(diffText);
            chars.setFontStrikeOut(true);
            ++m_removed;
            break;
        }
        if (first)
            cursor.setBlockFormat(block);
        else
            cursor.insertBlock(block, chars);
        first = false;
        cursor.insertText(line.text, chars);
    }
    m_text->moveCursor(QTextCursor::Start);
}

QString ConflictPane::plainText() const
{
    return m_text->toPlainText();
}

} // namespace Lectern::Client
