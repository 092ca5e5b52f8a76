#pragma once

#include <QPointer>
#include <QTextBrowser>

class QTextDocument;

namespace Lectern::Client {

class FileTransfers;

// Shows a lesson's Markdown. Images and links may name course files as `lectern-file:<fileId>`:
// images come from the FileTransfers cache (a placeholder says when a file is not on this computer
// yet), and such links open the file with the system's viewer. Other links open in the browser.
class LessonBrowser : public QTextBrowser
{
    Q_OBJECT

public:
    static inline const QString fileScheme = QStringLiteral("lectern-file");

    explicit LessonBrowser(QWidget *parent = nullptr);

    void setFileTransfers(FileTransfers *files);
    // Shows `markdown` scrolled to `position` (a scroll fraction, as scrollFraction() gives),
    // once it is laid out.
    void setLesson(const QString &markdown, double position = 0);
    QString markdown() const { return m_markdown; }
    // Lays the lesson out again (a file it shows was downloaded, the palette changed).
    void reload() override;

    // How far the reader has scrolled, 0 (top) to 1 (end; also 1 when it fits without scrolling).
    double scrollFraction() const;
    void setScrollFraction(double fraction);
    // The lesson is shorter than the view: nothing to scroll.
    bool fitsWithoutScrolling() const;

    int sideMargin() const;
    // Fileids of the images the last lesson shows that are not cached.
    QStringList missingFiles() const { return m_missing; }

Q_SIGNALS:
    // A link to a course file was followed.
    void fileLinkActivated(const QString &fileId);
    // The reader reached the end of the lesson (scrolled to the bottom).
    void reachedEnd();
    // The text column's distance from the sides changed (a title above can line up with it).
    void sideMarginChanged(int margin);
    // The reader scrolled (not a layout pass or a restored position).
    void positionChanged(double fraction);

protected:
    QVariant loadResource(int type, const QUrl &name) override;
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    // A ring where keyboard focus is, so scrolling with the keys has a visible target.
    void paintEvent(QPaintEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void followLink(const QUrl &url);
    void styleDocument(QTextDocument *doc);
    void updateMargins();
    QImage placeholder(const QString &text) const;

    QPointer<FileTransfers> m_files;
    QString m_markdown;
    QStringList m_missing;
    double m_restore = -1; // a position to scroll to when the layout is ready
};

} // namespace Lectern::Client
