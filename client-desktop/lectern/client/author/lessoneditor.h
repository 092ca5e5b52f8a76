#pragma once

#include "autosaver.h"

#include <QHash>
#include <QJsonObject>
#include <QPointer>
#include <QString>
#include <QTextCursor>
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;
class QToolBar;

namespace Lectern::Client {

class FileTransfers;
class LessonBrowser;
class MarkdownHighlighter;
class SyncController;

// Edits one lesson (a `content` record): its title and Markdown body, with a live preview beside
// the source, a toolbar for the usual Markdown, links and images to the course's files, a word
// count and reading time, and whether the work is saved.
//
// Typing never waits for the disk: an AutoSaver writes to the offline store from a thread of its
// own, shortly after the typing stops (and every few seconds while it goes on), when another
// lesson is opened, when the editor loses focus and when it closes. A change that sync brings in
// shows at once when the person has not typed since; otherwise it is merged with what they typed.
class LessonEditor : public QWidget
{
    Q_OBJECT

public:
    enum class SaveState {
        Empty,        // no lesson open
        Saved,        // written here and on the server
        Saving,       // typed, being written, or on its way to the server
        SavedOffline, // written here; goes to the server when it can be reached
        Failed,       // could not be written; errorString() says why
    };
    Q_ENUM(SaveState)

    explicit LessonEditor(SyncController *sync, QWidget *parent = nullptr);
    ~LessonEditor() override;

    // Opens a lesson (saving the one open before); an empty id closes it.
    void setContentId(const QString &id);
    QString contentId() const { return m_contentId; }
    // For the preview's images, links to course files and attaching files.
    void setFileTransfers(FileTransfers *files);

    QString title() const;
    QString markdown() const;
    SaveState saveState() const { return m_saveState; }
    // The save indicator's words.
    QString saveStateText() const;
    QString errorString() const { return m_errorString; }
    int wordCount() const { return m_words; }
    // Minutes to read `words` at an ordinary reading pace (at least 1 for any text).
    static int readingMinutes(int words);
    // Words of the text a reader sees: Markdown's marks and link targets left out.
    static int countWords(const QString &markdown);

    // The shortest pause in typing before the preview follows the text (150 ms); longer lessons
    // wait longer, as their preview takes longer to lay out.
    void setPreviewDelay(int minimumMs);
    int lastPreviewMs() const { return m_lastPreviewMs; }

    // Hands what is typed to the saver now, without waiting.
    void saveNow();
    // Writes what is typed and waits for the store (closing, switching account).
    bool flush(int timeoutMs = 5000);
    // Uploads the files to the lesson's course; each link goes where the cursor was once the
    // server has the file (at the end of the lesson when another one is open by then).
    void attachLocalFiles(const QStringList &paths);
    // The Markdown for a course file: an image for image types, else a link.
    static QString fileMarkdown(const QString &fileId, const QString &name,
                                const QString &mimeType);

    // The lesson's open conflict shown above the editor (empty when there is none).
    QString shownConflictId() const { return m_conflictId; }
    QWidget *conflictBanner() const { return m_conflictBanner; }

    AutoSaver *autoSaver() const { return m_saver; }
    QPlainTextEdit *sourceEdit() const { return m_source; }
    QLineEdit *titleEdit() const { return m_title; }
    LessonBrowser *preview() const { return m_preview; }

    // Narrower than this (a 1024 px screen, the outline beside it), the editor shows the
    // Markdown or its preview, one at a time, with a "Preview" switch on its tool bar; wider,
    // both side by side.
    static constexpr int sideBySideWidth = 620;
    bool isSideBySide() const { return width() >= sideBySideWidth; }

Q_SIGNALS:
    void saveStateChanged(Lectern::Client::LessonEditor::SaveState state);
    // The preview was laid out again (tests, screenshots).
    void previewUpdated();
    // The lesson's title as typed (the outline may show it before it is saved).
    void titleEdited(const QString &title);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Attachment
    {
        QString contentId;
        QTextCursor position;
        QString name;
    };

    void buildToolbar();
    // Side by side, or one at a time (see sideBySideWidth).
    void updateArrangement();
    void load();
    void onTextEdited();
    void scheduleSave();
    AutoSaver::Edit takeEdit();
    void onRecordsChanged(const QStringList &entities);
    // The store now holds `storeBody`: show it, or merge it with what was typed since.
    void absorbBody(const QString &storeBody);
    void updatePreview();
    void updateCounts(bool recount = true);
    void updateSaveState();
    // Shows the banner when the lesson has an open conflict, says what it means for this person
    // and offers "Resolve…" (the inbox at that conflict).
    void updateConflictBanner();
    void setSaveState(SaveState state);
    void replaceText(const QString &text);
    // Markdown editing
    void wrapSelection(const QString &before, const QString &after, const QString &placeholder);
    void prefixLines(const QString &prefix, bool numbered);
    void cycleHeading();
    void insertBlock(const QString &block);
    void insertLink();
    void insertCourseFile();
    void attachFiles();
    void linkUploaded(const QString &transferId, const QString &fileId);
    QString courseId() const;

    QPointer<SyncController> m_sync;
    QPointer<FileTransfers> m_files;
    AutoSaver *m_saver = nullptr;
    QToolBar *m_toolbar = nullptr;
    QAction *m_previewSwitch = nullptr;
    QAction *m_previewSwitchSeparator = nullptr;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_source = nullptr;
    MarkdownHighlighter *m_highlighter = nullptr;
    LessonBrowser *m_preview = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_saveLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QWidget *m_conflictBanner = nullptr;
    QLabel *m_conflictLabel = nullptr;
    QString m_conflictId;
    QWidget *m_editorArea = nullptr;
    QTimer *m_previewTimer = nullptr;
    QAction *m_fileAction = nullptr;
    QAction *m_attachAction = nullptr;
    QHash<QString, Attachment> m_attachments; // by upload transfer id

    QString m_contentId;
    // What the store held (or was told) last, as this editor knows it: the base of a merge with
    // a change that sync brings in.
    QString m_baseTitle;
    QString m_baseBody;
    // Typed since the saver last read the field.
    bool m_titleDirty = false;
    bool m_bodyDirty = false;
    SaveState m_saveState = SaveState::Empty;
    QString m_errorString;
    int m_words = 0;
    int m_lastPreviewMs = 0;
    int m_minPreviewDelayMs = 150;
    bool m_loading = false;
};

} // namespace Lectern::Client
