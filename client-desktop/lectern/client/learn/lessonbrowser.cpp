#include "lessonbrowser.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextList>
#include <QTextTable>
#include <lectern/client/files/filetransfers.h>
#include <lectern/client/theme.h>

namespace Lectern::Client {

LessonBrowser::LessonBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("lessonBrowser"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(28);
    // Lines break between words only: a narrow preview showed "Welcom / e" and "Part / icle".
    // A word wider than the pane scrolls sideways instead.
    setWordWrapMode(QTextOption::WordWrap);
    connect(this, &QTextBrowser::anchorClicked, this, &LessonBrowser::followLink);
    // Only the reader's own scrolling (wheel, keys, the scroll bar) counts: layout passes also
    // move the value, and those must neither lose a restored position nor complete a lesson.
    // The slider position is already the new one when the action is reported.
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        m_restore = -1; // the reader took over
        const QScrollBar *bar = verticalScrollBar();
        const int range = bar->maximum() - bar->minimum();
        const int at = bar->sliderPosition() - bar->minimum();
        // The last line in view is the end (the document's bottom margin is blank).
        const bool atEnd = range <= 0 || at >= range - fontMetrics().height();
        Q_EMIT positionChanged(atEnd ? 1.0 : std::clamp(double(at) / range, 0.0, 1.0));
        if (atEnd && range > 0)
            Q_EMIT reachedEnd();
    });
    // A new layout (the window resized) changes the range: the restored place stays.
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_restore >= 0)
            setScrollFraction(m_restore);
    });
}

void LessonBrowser::setFileTransfers(FileTransfers *files)
{
    if (m_files)
        disconnect(m_files, nullptr, this, nullptr);
    m_files = files;
    if (files) {
        // An image that was missing arrives: show it.
        connect(files, &FileTransfers::downloaded, this, [this](const QString &fileId) {
            if (m_missing.contains(fileId))
                reload();
        });
    }
}

void LessonBrowser::setLesson(const QString &markdown, double position)
{
    m_markdown = markdown;
    m_restore = -1;
    reload();
    m_restore = std::clamp(position, 0.0, 1.0);
    setScrollFraction(m_restore);
}

void LessonBrowser::reload()
{
    const double position = m_restore >= 0 ? m_restore : scrollFraction();
    m_missing.clear();
    // Built apart from the view, then shown: a document laid out while it is being built (each
    // paragraph inserted, each format set) takes seconds for a long lesson instead of a tenth of
    // one. A new document also asks loadResource() again for its images. Its parent (this view)
    // answers loadResource(); setDocument() drops the previous one.
    auto *doc = new QTextDocument(this);
    doc->setDocumentMargin(document()->documentMargin());
    doc->setUndoRedoEnabled(false);
    doc->setMarkdown(m_markdown);
    styleDocument(doc);
    setDocument(doc); // puts the cursor back at the start; deletes the previous one (a child)
    updateMargins();
    // Laid out now rather than bit by bit in idle time: the scroll range is final, so a restored
    // position and "the reader reached the end" mean what they say.
    document()->documentLayout()->documentSize();
    setScrollFraction(position);
}

// Markdown comes in with tight defaults: room between lines and paragraphs, code blocks on a
// tinted background, and a comfortable text size make a lesson easier to read.
void LessonBrowser::styleDocument(QTextDocument *doc)
{
    doc->setUndoRedoEnabled(false);
    QFont reading = font();
    reading.setPointSizeF(reading.pointSizeF() * 1.1);
    doc->setDefaultFont(reading);
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    const QColor codeBackground = QColor::fromRgbF(base.redF() * 0.94 + text.redF() * 0.06,
                                                   base.greenF() * 0.94 + text.greenF() * 0.06,
                                                   base.blueF() * 0.94 + text.blueF() * 0.06);
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        QTextBlockFormat format = block.blockFormat();
        const bool code = format.hasProperty(QTextFormat::BlockCodeFence)
            || format.hasProperty(QTextFormat::BlockCodeLanguage) || format.nonBreakableLines();
        if (code) {
            format.setBackground(codeBackground);
            format.setLeftMargin(12);
            format.setRightMargin(12);
            const bool first = !block.previous().isValid()
                || block.previous().blockFormat().background() != format.background();
            const bool last = !block.next().isValid()
                || !(block.next().blockFormat().hasProperty(QTextFormat::BlockCodeFence)
                     || block.next().blockFormat().nonBreakableLines());
            format.setTopMargin(first ? 8 : 0);
            format.setBottomMargin(last ? 12 : 0);
        } else if (format.headingLevel() > 0) {
            format.setTopMargin(format.headingLevel() <= 2 ? 18 : 12);
            format.setBottomMargin(6);
        } else {
            format.setLineHeight(135, QTextBlockFormat::ProportionalHeight);
            if (!block.textList())
                format.setBottomMargin(8);
        }
        QTextCursor(block).setBlockFormat(format);
    }
    // Tables with room in their cells and a single hairline.
    for (QTextFrame *frame : doc->rootFrame()->childFrames()) {
        if (auto *table = qobject_cast<QTextTable *>(frame)) {
            QTextTableFormat format = table->format();
            format.setCellPadding(6);
            format.setCellSpacing(0);
            format.setBorder(1);
            format.setBorderCollapse(true);
            format.setBorderBrush(palette().color(QPalette::Mid));
            format.setTopMargin(6);
            format.setBottomMargin(12);
            table->setFormat(format);
        }
    }
    QTextFrameFormat root = doc->rootFrame()->frameFormat();
    root.setTopMargin(8); // the page's title is just above
    doc->rootFrame()->setFrameFormat(root);
}

// A column of readable width, centred in wide windows.
void LessonBrowser::updateMargins()
{
    constexpr int column = 760;
    const int side = std::max(28, (viewport()->width() - column) / 2);
    QTextFrameFormat format = document()->rootFrame()->frameFormat();
    if (int(format.leftMargin()) == side && int(format.rightMargin()) == side)
        return;
    format.setLeftMargin(side);
    format.setRightMargin(side);
    document()->rootFrame()->setFrameFormat(format);
    Q_EMIT sideMarginChanged(side);
}

int LessonBrowser::sideMargin() const
{
    return int(document()->rootFrame()->frameFormat().leftMargin());
}

void LessonBrowser::resizeEvent(QResizeEvent *event)
{
    QTextBrowser::resizeEvent(event);
    updateMargins();
}

double LessonBrowser::scrollFraction() const
{
    const QScrollBar *bar = verticalScrollBar();
    if (bar->maximum() <= bar->minimum())
        return 1.0;
    return double(bar->value() - bar->minimum()) / double(bar->maximum() - bar->minimum());
}

void LessonBrowser::setScrollFraction(double fraction)
{
    QScrollBar *bar = verticalScrollBar();
    fraction = std::clamp(fraction, 0.0, 1.0);
    bar->setValue(bar->minimum() + qRound(fraction * (bar->maximum() - bar->minimum())));
}

bool LessonBrowser::fitsWithoutScrolling() const
{
    return verticalScrollBar()->maximum() <= verticalScrollBar()->minimum();
}

QVariant LessonBrowser::loadResource(int type, const QUrl &name)
{
    if (name.scheme() != fileScheme)
        return {}; // nothing from the disk or the network behind the learner's back
    if (type != QTextDocument::ImageResource)
        return {};
    const QString fileId = name.path();
    const QString path = m_files ? m_files->cachedPath(fileId) : QString();
    if (!path.isEmpty()) {
        QImage image(path);
        if (!image.isNull()) {
            // Wide images fit the page.
            const int room = std::max(200, viewport()->width() - 2 * 28 - 8);
            if (image.width() > room)
                image = image.scaledToWidth(room, Qt::SmoothTransformation);
            return image;
        }
        return placeholder(tr("This image cannot be shown."));
    }
    if (!m_missing.contains(fileId))
        m_missing.append(fileId);
    if (m_files) {
        m_files->download(fileId); // shown when it arrives (see setFileTransfers())
        return placeholder(tr("Image not downloaded yet"));
    }
    return placeholder(tr("Image not available offline"));
}

void LessonBrowser::paintEvent(QPaintEvent *event)
{
    QTextBrowser::paintEvent(event);
    if (!hasFocus() || !window()->testAttribute(Qt::WA_KeyboardFocusChange))
        return;
    QPainter painter(viewport());
    Theme::paintFocusFrame(&painter, viewport()->rect(), palette());
}

void LessonBrowser::focusInEvent(QFocusEvent *event)
{
    QTextBrowser::focusInEvent(event);
    viewport()->update();
}

void LessonBrowser::focusOutEvent(QFocusEvent *event)
{
    QTextBrowser::focusOutEvent(event);
    viewport()->update();
}

QImage LessonBrowser::placeholder(const QString &text) const
{
    const qreal dpr = devicePixelRatioF();
    QImage image(QSize(320, 120) * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DashLine));
    painter.setBrush(palette().color(QPalette::AlternateBase));
    painter.drawRoundedRect(QRectF(0.5, 0.5, 319, 119), 8, 8);
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(QRectF(12, 0, 296, 120), Qt::AlignCenter | Qt::TextWordWrap, text);
    return image;
}

void LessonBrowser::followLink(const QUrl &url)
{
    if (url.scheme() == fileScheme) {
        Q_EMIT fileLinkActivated(url.path());
        return;
    }
    if (url.scheme() == u"http" || url.scheme() == u"https" || url.scheme() == u"mailto")
        QDesktopServices::openUrl(url);
}

void LessonBrowser::showEvent(QShowEvent *event)
{
    // QTextEdit scrolls its cursor into view when first shown after new text: back to where
    // the reader was.
    QTextBrowser::showEvent(event);
    if (m_restore >= 0)
        setScrollFraction(m_restore);
}

void LessonBrowser::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        reload(); // code blocks and placeholders are drawn in the palette's colours
}

} // namespace Lectern::Client
