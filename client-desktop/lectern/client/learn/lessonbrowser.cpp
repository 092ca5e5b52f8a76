#include "lessonbrowser.h"

#include <QDesktopServices>
#include <QEvent>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QScopedValueRollback>
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
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (m_scrolling)
            return;
        m_restore = -1; // the reader took over
        const QScrollBar *bar = verticalScrollBar();
        Q_EMIT positionChanged(scrollFraction());
        if (bar->maximum() > 0 && value >= bar->maximum())
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
    {
        const QScopedValueRollback guard(m_scrolling, true);
        // Resources are cached by the document: a new one asks loadResource() again.
        document()->clear();
        document()->setMarkdown(m_markdown);
    }
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
    const QScopedValueRollback guard(m_scrolling, true);
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

void LessonBrowser::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_missing.isEmpty())
        reload(); // placeholders are drawn in the palette's colours
}

} // namespace Lectern::Client
