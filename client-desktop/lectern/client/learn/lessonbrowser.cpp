#include "lessonbrowser.h"

#include <QAbstractTextDocumentLayout>
#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextDocument>
#include <lectern/client/files/filetransfers.h>

namespace Lectern::Client {

LessonBrowser::LessonBrowser(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("lessonBrowser"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(28);
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
    // The document is laid out bit by bit: the range grows until it is done.
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
    // Resources are cached by the document: a new one asks loadResource() again.
    document()->clear();
    // Through the view, which also puts its cursor back at the start (a cursor left at the end
    // would scroll there when the view takes focus).
    setMarkdown(m_markdown);
    // Laid out now rather than bit by bit in idle time: the scroll range is final, so a restored
    // position and "the reader reached the end" mean what they say.
    document()->documentLayout()->documentSize();
    setScrollFraction(position);
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
    if (event->type() == QEvent::PaletteChange && !m_missing.isEmpty())
        reload(); // placeholders are drawn in the palette's colours
}

} // namespace Lectern::Client
