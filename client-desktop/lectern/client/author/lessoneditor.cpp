#include "lessoneditor.h"

#include "autosaver.h"
#include "markdownhighlighter.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMimeData>
#include <QMimeDatabase>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedLayout>
#include <QTextBlock>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <lectern/client/files/filetransfers.h>
#include <lectern/client/learn/lessonbrowser.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/merge.h>

namespace Lectern::Client {

namespace {

const QString contentEntity = Entities::content().name;
const QString titleField = QStringLiteral("title");
const QString bodyField = QStringLiteral("body");

constexpr int wordsPerMinute = 200;
constexpr int minPreviewDelayMs = 150;
constexpr int maxPreviewDelayMs = 1500;

// `[`, `]` and `\` would end or break a Markdown link text.
QString escapeLinkText(QString text)
{
    static const QRegularExpression special(QStringLiteral("([\\[\\]\\\\])"));
    return text.replace(special, QStringLiteral("\\\\1"));
}

} // namespace

LessonEditor::LessonEditor(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_saver(new AutoSaver(sync, this))
{
    setObjectName(QStringLiteral("lessonEditor"));

    m_toolbar = new QToolBar(this);
    m_toolbar->setObjectName(QStringLiteral("lessonToolbar"));
    m_toolbar->setIconSize(QSize(16, 16));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);

    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("lessonTitle"));
    m_title->setPlaceholderText(tr("Lesson title"));
    m_title->setMaxLength(200);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setFrame(false);
    m_title->setAccessibleName(tr("Lesson title"));

    m_source = new QPlainTextEdit(this);
    m_source->setObjectName(QStringLiteral("lessonSource"));
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_source->setTabChangesFocus(false);
    m_source->setPlaceholderText(tr("Write the lesson in Markdown: # for a heading, ** for bold, "
                                    "- for a list…"));
    m_source->setAccessibleName(tr("Lesson text (Markdown)"));
    m_highlighter = new MarkdownHighlighter(m_source->document());

    m_preview = new LessonBrowser(this);
    m_preview->setObjectName(QStringLiteral("lessonPreview"));
    m_preview->setFocusPolicy(Qt::ClickFocus);
    m_preview->setAccessibleName(tr("Preview"));
    connect(m_preview, &LessonBrowser::fileLinkActivated, this, [this](const QString &fileId) {
        if (m_files)
            m_files->open(fileId);
    });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("lessonSplitter"));
    splitter->addWidget(m_source);
    splitter->addWidget(m_preview);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("lessonCounts"));
    m_counts->setWordWrap(true); // on two lines beside a narrow editor, not cut off
    m_saveLabel = new QLabel(this);
    m_saveLabel->setObjectName(QStringLiteral("lessonSaveState"));
    m_saveLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto *statusLine = new QHBoxLayout;
    statusLine->setContentsMargins(4, 0, 4, 0);
    statusLine->addWidget(m_counts, 1);
    statusLine->addWidget(m_saveLabel);

    // A conflict about this lesson: say so where the person works, not only in the status bar.
    m_conflictBanner = new QFrame(this);
    m_conflictBanner->setObjectName(QStringLiteral("conflictBanner"));
    static_cast<QFrame *>(m_conflictBanner)->setFrameShape(QFrame::StyledPanel);
    m_conflictBanner->setAutoFillBackground(true);
    {
        // A fixed amber tint with fixed dark text: readable under both themes.
        QPalette banner = m_conflictBanner->palette();
        banner.setColor(QPalette::Window, QColor(0xFE, 0xF3, 0xC7));
        banner.setColor(QPalette::WindowText, QColor(0x1F, 0x29, 0x37));
        banner.setColor(QPalette::Text, QColor(0x1F, 0x29, 0x37));
        m_conflictBanner->setPalette(banner);
    }
    auto *bannerIcon = new QLabel(m_conflictBanner);
    bannerIcon->setPixmap(QIcon(QStringLiteral(":/icons/conflict.svg")).pixmap(QSize(20, 20)));
    m_conflictLabel = new QLabel(m_conflictBanner);
    m_conflictLabel->setObjectName(QStringLiteral("conflictBannerLabel"));
    m_conflictLabel->setWordWrap(true);
    m_conflictLabel->setTextFormat(Qt::PlainText);
    auto *resolve = new QPushButton(tr("&Resolve…"), m_conflictBanner);
    resolve->setObjectName(QStringLiteral("resolveConflictButton"));
    resolve->setToolTip(tr("Open the conflict inbox at this conflict"));
    connect(resolve, &QPushButton::clicked, this, [this] {
        if (m_sync && !m_conflictId.isEmpty())
            m_sync->requestConflict(m_conflictId);
    });
    auto *bannerLayout = new QHBoxLayout(m_conflictBanner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->setSpacing(10);
    bannerLayout->addWidget(bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_conflictLabel, 1);
    bannerLayout->addWidget(resolve, 0, Qt::AlignVCenter);
    m_conflictBanner->hide();

    m_editorArea = new QWidget(this);
    auto *editorLayout = new QVBoxLayout(m_editorArea);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    editorLayout->setSpacing(6);
    editorLayout->addWidget(m_conflictBanner);
    editorLayout->addWidget(m_title);
    editorLayout->addWidget(m_toolbar);
    editorLayout->addWidget(splitter, 1);
    editorLayout->addLayout(statusLine);

    m_emptyLabel = new QLabel(tr("Choose a lesson in the outline to edit it."), this);
    m_emptyLabel->setObjectName(QStringLiteral("lessonEditorEmpty"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);

    auto *stack = new QStackedLayout(this);
    stack->setContentsMargins(0, 0, 0, 0);
    stack->addWidget(m_emptyLabel);
    stack->addWidget(m_editorArea);

    buildToolbar();

    m_previewTimer = new QTimer(this);
    m_previewTimer->setObjectName(QStringLiteral("previewTimer"));
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(minPreviewDelayMs);
    connect(m_previewTimer, &QTimer::timeout, this, &LessonEditor::updatePreview);

    connect(m_source, &QPlainTextEdit::textChanged, this, &LessonEditor::onTextEdited);
    connect(m_title, &QLineEdit::textEdited, this, [this](const QString &title) {
        if (m_loading || m_contentId.isEmpty())
            return;
        m_titleDirty = true;
        scheduleSave();
        Q_EMIT titleEdited(title);
    });
    m_source->installEventFilter(this);
    m_source->viewport()->installEventFilter(this);
    m_title->installEventFilter(this);

    connect(m_saver, &AutoSaver::busyChanged, this, &LessonEditor::updateSaveState);
    connect(m_saver, &AutoSaver::saved, this,
            [this](const QString &entity, const QString &id, const QJsonObject &fields) {
                if (entity != contentEntity || id != m_contentId)
                    return;
                m_errorString.clear();
                if (fields.contains(titleField))
                    m_baseTitle = fields.value(titleField).toString();
                if (fields.contains(bodyField))
                    absorbBody(fields.value(bodyField).toString());
                updateSaveState();
            });
    connect(m_saver, &AutoSaver::saveFailed, this,
            [this](const QString &entity, const QString &id, const QString &message) {
                if (entity != contentEntity || id != m_contentId)
                    return;
                m_errorString = message;
                // Still to be written: what the store holds is the base again.
                if (m_sync && m_sync->store()) {
                    if (const auto record = m_sync->store()->record(contentEntity, id)) {
                        m_baseBody = record->fields.value(bodyField).toString();
                        m_baseTitle = record->fields.value(titleField).toString();
                    }
                }
                m_bodyDirty = m_bodyDirty || m_source->toPlainText() != m_baseBody;
                m_titleDirty = m_titleDirty || m_title->text() != m_baseTitle;
                updateSaveState();
            });
    if (m_sync) {
        connect(m_sync, &SyncController::recordsChanged, this, &LessonEditor::onRecordsChanged);
        connect(m_sync, &SyncController::statusChanged, this, &LessonEditor::updateSaveState);
    }
    updateCounts();
    updateSaveState();
}

LessonEditor::~LessonEditor()
{
    // The last keystrokes are written before the editor goes.
    flush();
}

void LessonEditor::buildToolbar()
{
    auto add = [this](const QString &text, const QString &toolTip, const QKeySequence &shortcut,
                      const char *name, auto slot) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setToolTip(shortcut.isEmpty()
                               ? toolTip
                               : QStringLiteral("%1 (%2)").arg(
                                   toolTip, shortcut.toString(QKeySequence::NativeText)));
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
            action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        }
        connect(action, &QAction::triggered, this, slot);
        m_toolbar->addAction(action);
        addAction(action);
        return action;
    };
    m_previewSwitch = add(tr("Preview"), tr("Show the lesson as learners see it; again to write"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), "previewSwitchAction",
                          [this] { updateArrangement(); });
    m_previewSwitch->setCheckable(true);
    m_previewSwitchSeparator = m_toolbar->addSeparator();
    QAction *heading
        = add(tr("Heading"), tr("Heading: # at the start of the line (again for a smaller one)"),
              QKeySequence(Qt::CTRL | Qt::Key_H), "headingAction", [this] { cycleHeading(); });
    Q_UNUSED(heading);
    QAction *bold = add(tr("Bold"), tr("Bold"), QKeySequence::Bold, "boldAction", [this] {
        wrapSelection(QStringLiteral("**"), QStringLiteral("**"), tr("bold text"));
    });
    QFont boldFont = font();
    boldFont.setBold(true);
    bold->setFont(boldFont);
    QAction *italic = add(tr("Italic"), tr("Italic"), QKeySequence::Italic, "italicAction", [this] {
        wrapSelection(QStringLiteral("*"), QStringLiteral("*"), tr("italic text"));
    });
    QFont italicFont = font();
    italicFont.setItalic(true);
    italic->setFont(italicFont);
    m_toolbar->addSeparator();
    add(tr("• List"), tr("Bulleted list"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_8),
        "bulletListAction", [this] { prefixLines(QStringLiteral("- "), false); });
    add(tr("1. List"), tr("Numbered list"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_7),
        "numberedListAction", [this] { prefixLines(QString(), true); });
    add(tr("Code"), tr("Code block"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), "codeAction",
        [this] {
            const QTextCursor cursor = m_source->textCursor();
            if (cursor.hasSelection() && !cursor.selectedText().contains(QChar::ParagraphSeparator))
                wrapSelection(QStringLiteral("`"), QStringLiteral("`"), tr("code"));
            else
                wrapSelection(QStringLiteral("```\n"), QStringLiteral("\n```"), tr("code"));
        });
    add(tr("Table"), tr("Table"), {}, "tableAction",
        [this] { insertBlock(tr("| Column 1 | Column 2 |\n| --- | --- |\n| Cell | Cell |\n")); });
    m_toolbar->addSeparator();
    add(tr("Link"), tr("Link to a web page"), QKeySequence(Qt::CTRL | Qt::Key_K), "linkAction",
        [this] { insertLink(); });
    m_fileAction = add(tr("Course file…"), tr("Image of or link to one of the course's files"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K), "courseFileAction",
                       [this] { insertCourseFile(); });
    m_attachAction = add(tr("Attach…"), tr("Upload a file to the course and link to it here"), {},
                         "attachAction", [this] { attachFiles(); });
    m_attachAction->setEnabled(false);
    updateArrangement();
}

void LessonEditor::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The theme switched while the editor was open: the Markdown's colours follow it.
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->setPalette(palette());
}

void LessonEditor::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateArrangement();
}

void LessonEditor::updateArrangement()
{
    const bool sideBySide = isSideBySide();
    const bool previewOnly = !sideBySide && m_previewSwitch->isChecked();
    m_previewSwitch->setVisible(!sideBySide);
    m_previewSwitchSeparator->setVisible(!sideBySide);
    m_source->setVisible(!previewOnly);
    m_preview->setVisible(sideBySide || previewOnly);
    // The formatting actions write into the Markdown: not while only the preview shows.
    for (QAction *action : m_toolbar->actions()) {
        if (action != m_previewSwitch && action != m_attachAction && !action->isSeparator())
            action->setEnabled(!previewOnly);
    }
}

void LessonEditor::setFileTransfers(FileTransfers *files)
{
    if (m_files)
        disconnect(m_files, nullptr, this, nullptr);
    m_files = files;
    m_preview->setFileTransfers(files);
    m_attachAction->setEnabled(files != nullptr);
    if (files) {
        connect(files, &FileTransfers::uploadFinished, this,
                [this](const QString &transferId, const QString &fileId) {
                    linkUploaded(transferId, fileId);
                });
        connect(files, &FileTransfers::transferFailed, this,
                [this](const QString &transferId, const QString &) {
                    m_attachments.remove(transferId);
                });
    }
}

void LessonEditor::setContentId(const QString &id)
{
    if (id == m_contentId && !id.isEmpty())
        return;
    saveNow();
    m_contentId = id;
    m_errorString.clear();
    load();
    updateConflictBanner();
}

QString LessonEditor::title() const
{
    return m_title->text();
}

QString LessonEditor::markdown() const
{
    return m_source->toPlainText();
}

void LessonEditor::load()
{
    std::optional<LocalRecord> record;
    if (!m_contentId.isEmpty() && m_sync && m_sync->store())
        record = m_sync->store()->record(contentEntity, m_contentId);
    auto *stack = static_cast<QStackedLayout *>(layout());
    if (!record) {
        if (!m_contentId.isEmpty())
            m_emptyLabel->setText(tr("This lesson no longer exists."));
        else
            m_emptyLabel->setText(tr("Choose a lesson in the outline to edit it."));
        m_contentId.clear();
        stack->setCurrentWidget(m_emptyLabel);
        m_loading = true;
        m_title->clear();
        m_source->clear();
        m_loading = false;
        m_baseTitle.clear();
        m_baseBody.clear();
        m_titleDirty = m_bodyDirty = false;
        updateCounts();
        updateSaveState();
        return;
    }
    QJsonObject fields = record->fields;
    // Written a moment ago but not on disk yet (a quick switch back): that is the newest.
    if (const auto unsaved = m_saver->unsavedFields(contentEntity, m_contentId)) {
        for (auto it = unsaved->begin(); it != unsaved->end(); ++it)
            fields.insert(it.key(), it.value());
    }
    m_baseTitle = fields.value(titleField).toString();
    m_baseBody = fields.value(bodyField).toString();
    m_titleDirty = m_bodyDirty = false;
    m_loading = true;
    m_title->setText(m_baseTitle);
    m_source->setPlainText(m_baseBody);
    m_loading = false;
    m_source->moveCursor(QTextCursor::Start);
    stack->setCurrentWidget(m_editorArea);
    m_preview->setLesson(m_baseBody);
    m_previewTimer->stop();
    updateCounts();
    Q_EMIT previewUpdated();
    updateSaveState();
}

void LessonEditor::onTextEdited()
{
    if (m_loading || m_contentId.isEmpty())
        return;
    m_bodyDirty = true;
    scheduleSave();
    m_previewTimer->start();
    if (m_saveState != SaveState::Saving)
        updateSaveState();
}

void LessonEditor::scheduleSave()
{
    // The text is read when the saver writes, not at every keystroke.
    m_saver->edited(contentEntity, m_contentId, [this] { return takeEdit(); });
}

AutoSaver::Edit LessonEditor::takeEdit()
{
    AutoSaver::Edit edit;
    if (m_bodyDirty) {
        const QString body = m_source->toPlainText();
        edit.fields.insert(bodyField, body);
        edit.bases.insert(bodyField, m_baseBody);
        m_baseBody = body;
        m_bodyDirty = false;
    }
    if (m_titleDirty) {
        const QString title = m_title->text().trimmed();
        // A lesson needs a title: an empty one stays on the screen until it gets one.
        if (!title.isEmpty()) {
            edit.fields.insert(titleField, title);
            m_baseTitle = title;
            m_titleDirty = false;
        }
    }
    return edit;
}

void LessonEditor::saveNow()
{
    if (!m_contentId.isEmpty() && (m_bodyDirty || m_titleDirty))
        scheduleSave();
    m_saver->flush();
}

void LessonEditor::setPreviewDelay(int minimumMs)
{
    m_minPreviewDelayMs = std::max(0, minimumMs);
    m_previewTimer->setInterval(std::max(m_previewTimer->interval(), m_minPreviewDelayMs));
}

bool LessonEditor::flush(int timeoutMs)
{
    saveNow();
    return m_saver->waitForSaved(timeoutMs);
}

bool LessonEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut && (watched == m_source || watched == m_title))
        saveNow();
    // Files dropped on the text are attached to the course and linked where they fell.
    if (watched == m_source->viewport() && m_files && !m_contentId.isEmpty()
        && (event->type() == QEvent::DragEnter || event->type() == QEvent::Drop)) {
        auto *drop = static_cast<QDropEvent *>(event);
        QStringList paths;
        for (const QUrl &url : drop->mimeData()->urls()) {
            if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
                paths.append(url.toLocalFile());
        }
        if (!paths.isEmpty()) {
            drop->acceptProposedAction();
            if (event->type() == QEvent::Drop) {
                m_source->setTextCursor(m_source->cursorForPosition(drop->position().toPoint()));
                attachLocalFiles(paths);
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void LessonEditor::updateConflictBanner()
{
    m_conflictId.clear();
    QString text;
    if (!m_contentId.isEmpty() && m_sync && m_sync->store()) {
        const QString me = m_sync->userId();
        for (const LocalRecord &conflict : m_sync->store()->openConflicts()) {
            const QJsonObject &f = conflict.fields;
            if (f.value(u"entity").toString() != contentEntity
                || f.value(u"entityId").toString() != m_contentId)
                continue;
            m_conflictId = conflict.id;
            // The conflict's "mine" is the change that arrived second, "theirs" what the
            // server had: the lesson shows theirs until someone decides.
            const QString arrived = f.value(u"mineAuthorName").toString();
            QString kept = f.value(u"theirsAuthorName").toString();
            if (kept.isEmpty())
                kept = tr("someone else");
            if (f.value(u"mineAuthorId").toString() == me) {
                text = tr("Your change met a change by %1 to the same lines. The lesson shows "
                          "%1's version for now; yours is kept in the conflict inbox, nothing "
                          "is lost. Choose what to keep there.")
                           .arg(kept);
            } else if (f.value(u"theirsAuthorId").toString() == me) {
                text = tr("%1 changed the same lines as you. The lesson keeps your version "
                          "until the conflict is resolved; theirs is in the conflict inbox.")
                           .arg(arrived.isEmpty() ? tr("Someone else") : arrived);
            } else {
                text = tr("Two people changed the same lines of this lesson. It shows %1's "
                          "version until the conflict is resolved; the other is in the "
                          "conflict inbox.")
                           .arg(kept);
            }
            break;
        }
    }
    m_conflictLabel->setText(text);
    m_conflictBanner->setVisible(!m_conflictId.isEmpty());
}

void LessonEditor::onRecordsChanged(const QStringList &entities)
{
    if (entities.contains(Entities::conflict().name))
        updateConflictBanner();
    if (m_contentId.isEmpty() || !entities.contains(contentEntity) || !m_sync || !m_sync->store())
        return;
    // A write of ours is on its way: its answer (AutoSaver::saved) carries the merge.
    if (m_saver->unsavedFields(contentEntity, m_contentId)) {
        updateSaveState();
        return;
    }
    const std::optional<LocalRecord> record = m_sync->store()->record(contentEntity, m_contentId);
    if (!record) {
        // Deleted (here or on the server): what was typed is in the outbox or the conflict inbox.
        load();
        return;
    }
    const QString storeTitle = record->fields.value(titleField).toString();
    if (storeTitle != m_baseTitle) {
        if (!m_titleDirty && m_title->text() == m_baseTitle) {
            m_loading = true;
            m_title->setText(storeTitle);
            m_loading = false;
        }
        m_baseTitle = storeTitle;
    }
    absorbBody(record->fields.value(bodyField).toString());
    updateSaveState();
}

void LessonEditor::absorbBody(const QString &storeBody)
{
    if (storeBody == m_baseBody)
        return;
    const QString current = m_source->toPlainText();
    const QString base = std::exchange(m_baseBody, storeBody);
    if (current == storeBody) {
        m_bodyDirty = false;
        return;
    }
    if (current == base) {
        // Nothing typed since: show theirs.
        replaceText(storeBody);
        m_bodyDirty = false;
        return;
    }
    // Typed meanwhile: keep both where they do not overlap, else what was typed.
    const Merge::TextMerge merged = Merge::mergeText(base, current, storeBody);
    if (merged.clean)
        replaceText(merged.merged);
    m_bodyDirty = true;
    scheduleSave();
}

void LessonEditor::replaceText(const QString &text)
{
    // Only the part that differs is replaced, so the cursor, the scroll position and the undo
    // history stay where they were.
    const QString current = m_source->toPlainText();
    qsizetype prefix = 0;
    const qsizetype shortest = std::min(current.size(), text.size());
    while (prefix < shortest && current.at(prefix) == text.at(prefix))
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < shortest - prefix
           && current.at(current.size() - 1 - suffix) == text.at(text.size() - 1 - suffix))
        ++suffix;
    const int scroll = m_source->verticalScrollBar()->value();
    QTextCursor cursor(m_source->document());
    cursor.setPosition(int(prefix));
    cursor.setPosition(int(current.size() - suffix), QTextCursor::KeepAnchor);
    m_loading = true;
    cursor.insertText(text.mid(prefix, text.size() - prefix - suffix));
    m_loading = false;
    m_source->verticalScrollBar()->setValue(scroll);
    m_previewTimer->start();
}

void LessonEditor::updatePreview()
{
    QElapsedTimer timer;
    timer.start();
    const QString text = m_source->toPlainText();
    // The preview keeps its place; the source keeps the focus.
    const int scroll = m_preview->verticalScrollBar()->value();
    m_preview->setLesson(text);
    m_preview->verticalScrollBar()->setValue(scroll);
    m_words = countWords(text);
    updateCounts(false);
    // A long lesson takes longer to lay out: wait longer between layouts so typing stays quick.
    m_lastPreviewMs = int(timer.elapsed());
    m_previewTimer->setInterval(std::clamp(3 * m_lastPreviewMs, m_minPreviewDelayMs,
                                           std::max(m_minPreviewDelayMs, maxPreviewDelayMs)));
    Q_EMIT previewUpdated();
}

void LessonEditor::updateCounts(bool recount)
{
    if (recount)
        m_words = countWords(m_source->toPlainText());
    if (m_contentId.isEmpty()) {
        m_counts->clear();
        return;
    }
    // Written without plurals, so that every language reads right without plural rules.
    m_counts->setText(tr("Words: %1 · Reading time: %2 min")
                          .arg(QLocale().toString(m_words))
                          .arg(readingMinutes(m_words)));
}

int LessonEditor::readingMinutes(int words)
{
    if (words <= 0)
        return 0;
    return std::max(1, (words + wordsPerMinute / 2) / wordsPerMinute);
}

int LessonEditor::countWords(const QString &markdown)
{
    // Link and image targets are not read; code and marks are not words.
    static const QRegularExpression target(QStringLiteral("\\]\\([^)]*\\)"));
    static const QRegularExpression word(
        QStringLiteral("[\\p{L}\\p{N}]+(?:['’\\-][\\p{L}\\p{N}]+)*"));
    QString text = markdown;
    text.replace(target, QStringLiteral("]"));
    int count = 0;
    for (auto it = word.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

QString LessonEditor::saveStateText() const
{
    switch (m_saveState) {
    case SaveState::Empty:
        return {};
    case SaveState::Saved:
        return tr("Saved");
    case SaveState::Saving:
        return tr("Saving…");
    case SaveState::SavedOffline:
        return tr("Saved offline — will sync");
    case SaveState::Failed:
        return tr("Not saved: %1").arg(m_errorString);
    }
    return {};
}

void LessonEditor::updateSaveState()
{
    SaveState state = SaveState::Saved;
    if (m_contentId.isEmpty()) {
        state = SaveState::Empty;
    } else if (!m_errorString.isEmpty() && !m_saver->isBusy()) {
        state = SaveState::Failed;
    } else if (m_bodyDirty || m_titleDirty || m_saver->isBusy()) {
        state = SaveState::Saving;
    } else if (m_sync && m_sync->store()
               && m_sync->store()->hasPending(contentEntity, m_contentId)) {
        state = m_sync->status().online ? SaveState::Saving : SaveState::SavedOffline;
    }
    setSaveState(state);
}

void LessonEditor::setSaveState(SaveState state)
{
    const bool changed = state != m_saveState;
    m_saveState = state;
    m_saveLabel->setText(saveStateText());
    m_saveLabel->setToolTip(state == SaveState::SavedOffline
                                ? tr("Your changes are on this computer and go to the server as "
                                     "soon as it can be reached.")
                                : QString());
    if (changed)
        Q_EMIT saveStateChanged(state);
}

void LessonEditor::wrapSelection(const QString &before, const QString &after,
                                 const QString &placeholder)
{
    QTextCursor cursor = m_source->textCursor();
    const QString selected = cursor.hasSelection()
        ? cursor.selectedText().replace(QChar::ParagraphSeparator, u'\n')
        : placeholder;
    cursor.beginEditBlock();
    const int start = cursor.selectionStart();
    cursor.insertText(before + selected + after);
    cursor.endEditBlock();
    // The words stay selected, ready to be typed over.
    cursor.setPosition(start + int(before.size()));
    cursor.setPosition(start + int(before.size() + selected.size()), QTextCursor::KeepAnchor);
    m_source->setTextCursor(cursor);
    m_source->setFocus();
}

void LessonEditor::prefixLines(const QString &prefix, bool numbered)
{
    QTextCursor cursor = m_source->textCursor();
    QTextBlock first = m_source->document()->findBlock(cursor.selectionStart());
    const QTextBlock last = m_source->document()->findBlock(cursor.selectionEnd());
    static const QRegularExpression existing(QStringLiteral("^(\\s*)([-*+]|\\d+[.)])\\s"));
    cursor.beginEditBlock();
    int number = 1;
    for (QTextBlock block = first; block.isValid(); block = block.next()) {
        QTextCursor line(block);
        // A marker already there is replaced, so the button switches between the list kinds.
        const QRegularExpressionMatch match = existing.match(block.text());
        if (match.hasMatch()) {
            line.setPosition(block.position() + int(match.capturedStart(2)));
            line.setPosition(block.position() + int(match.capturedEnd(0)), QTextCursor::KeepAnchor);
        }
        line.insertText(numbered ? QStringLiteral("%1. ").arg(number++) : prefix);
        if (block == last)
            break;
    }
    cursor.endEditBlock();
    m_source->setFocus();
}

void LessonEditor::cycleHeading()
{
    QTextCursor cursor = m_source->textCursor();
    const QTextBlock block = cursor.block();
    static const QRegularExpression marks(QStringLiteral("^(#{1,6})\\s+"));
    const QRegularExpressionMatch match = marks.match(block.text());
    const int level = match.hasMatch() ? int(match.capturedLength(1)) : 0;
    // # → ## → ### → plain text again.
    const QString next = level >= 3 ? QString() : QString(level + 1, u'#') + u' ';
    QTextCursor line(block);
    line.beginEditBlock();
    if (match.hasMatch())
        line.setPosition(block.position() + int(match.capturedLength(0)), QTextCursor::KeepAnchor);
    line.insertText(next);
    line.endEditBlock();
    m_source->setFocus();
}

void LessonEditor::insertBlock(const QString &block)
{
    QTextCursor cursor = m_source->textCursor();
    cursor.beginEditBlock();
    cursor.clearSelection();
    // A block starts on a line of its own, after an empty line.
    QString text = block;
    if (!cursor.block().text().isEmpty()) {
        cursor.movePosition(QTextCursor::EndOfBlock);
        text.prepend(QStringLiteral("\n\n"));
    } else if (cursor.block().previous().isValid() && !cursor.block().previous().text().isEmpty()) {
        text.prepend(u'\n');
    }
    cursor.insertText(text);
    cursor.endEditBlock();
    m_source->setTextCursor(cursor);
    m_source->setFocus();
}

void LessonEditor::insertLink()
{
    QTextCursor cursor = m_source->textCursor();
    const QString text = cursor.hasSelection() ? cursor.selectedText() : tr("link text");
    const QString url = QStringLiteral("https://");
    const int start = cursor.selectionStart();
    cursor.insertText(u'[' + text + QStringLiteral("](") + url + u')');
    // The address is selected, ready to be typed or pasted over.
    cursor.setPosition(start + int(text.size()) + 3);
    cursor.setPosition(start + int(text.size() + url.size()) + 3, QTextCursor::KeepAnchor);
    m_source->setTextCursor(cursor);
    m_source->setFocus();
}

QString LessonEditor::courseId() const
{
    if (m_contentId.isEmpty() || !m_sync || !m_sync->store())
        return {};
    const auto record = m_sync->store()->record(contentEntity, m_contentId);
    if (!record)
        return {};
    QString course = record->fields.value(u"courseId").toString();
    if (course.isEmpty()) {
        // Made offline: the server fills it in from the module.
        if (const auto module = m_sync->store()->record(Entities::module().name, record->parentId))
            course = module->fields.value(u"courseId").toString();
    }
    return course;
}

QString LessonEditor::fileMarkdown(const QString &fileId, const QString &name,
                                   const QString &mimeType)
{
    const QString link = QStringLiteral("[%1](%2:%3)")
                             .arg(escapeLinkText(name), LessonBrowser::fileScheme, fileId);
    return mimeType.startsWith(u"image/") ? u'!' + link : link;
}

void LessonEditor::insertCourseFile()
{
    if (!m_sync || !m_sync->store() || m_contentId.isEmpty())
        return;
    const QString course = courseId();
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("courseFileDialog"));
    dialog.setWindowTitle(tr("Insert a course file"));
    auto *filter = new QLineEdit(&dialog);
    filter->setPlaceholderText(tr("Filter by name"));
    filter->setClearButtonEnabled(true);
    auto *list = new QListWidget(&dialog);
    list->setObjectName(QStringLiteral("courseFileList"));
    for (const LocalRecord &file : m_sync->store()->list(Entities::file().name)) {
        if (file.fields.value(u"courseId").toString() != course)
            continue;
        const QString name = file.fields.value(u"originalName").toString();
        auto *item = new QListWidgetItem(
            QStringLiteral("%1  (%2)")
                .arg(name, FileTransfers::formatSize(file.fields.value(u"size").toInteger())),
            list);
        item->setData(Qt::UserRole, file.id);
        item->setData(Qt::UserRole + 1, name);
        item->setData(Qt::UserRole + 2, file.fields.value(u"mimeType").toString());
    }
    list->sortItems();
    auto *empty = new QLabel(tr("This course has no files yet. Attach some in the Files tab or "
                                "with “Attach…”."),
                             &dialog);
    empty->setWordWrap(true);
    empty->setVisible(list->count() == 0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *insert = buttons->addButton(tr("Insert"), QDialogButtonBox::AcceptRole);
    insert->setEnabled(false);
    connect(list, &QListWidget::currentItemChanged, insert,
            [insert](QListWidgetItem *current) { insert->setEnabled(current != nullptr); });
    connect(list, &QListWidget::itemActivated, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(filter, &QLineEdit::textChanged, list, [list](const QString &text) {
        for (int i = 0; i < list->count(); ++i)
            list->item(i)->setHidden(!list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(filter);
    layout->addWidget(list);
    layout->addWidget(empty);
    layout->addWidget(buttons);
    dialog.resize(420, 360);
    if (dialog.exec() != QDialog::Accepted || !list->currentItem())
        return;
    const QListWidgetItem *item = list->currentItem();
    m_source->textCursor().insertText(fileMarkdown(item->data(Qt::UserRole).toString(),
                                                   item->data(Qt::UserRole + 1).toString(),
                                                   item->data(Qt::UserRole + 2).toString()));
    m_source->setFocus();
}

void LessonEditor::attachFiles()
{
    if (!m_files || m_contentId.isEmpty())
        return;
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Attach files"));
    attachLocalFiles(paths);
}

void LessonEditor::attachLocalFiles(const QStringList &paths)
{
    if (!m_files || m_contentId.isEmpty())
        return;
    const QString course = courseId();
    for (const QString &path : paths) {
        const QString transferId = m_files->queueUpload(path, course);
        if (transferId.isEmpty())
            continue;
        // The link goes where the cursor is once the server has the file (and gave it an id).
        Attachment attachment;
        attachment.contentId = m_contentId;
        attachment.position = m_source->textCursor();
        attachment.name = QFileInfo(path).fileName();
        m_attachments.insert(transferId, attachment);
    }
}

void LessonEditor::linkUploaded(const QString &transferId, const QString &fileId)
{
    const auto it = m_attachments.constFind(transferId);
    if (it == m_attachments.constEnd())
        return;
    const Attachment attachment = *it;
    m_attachments.erase(it);
    // The server decides the type from the bytes; the name's extension has to agree with them.
    const QString mimeType
        = QMimeDatabase().mimeTypeForFile(attachment.name, QMimeDatabase::MatchExtension).name();
    const QString markdown = fileMarkdown(fileId, attachment.name, mimeType);
    if (attachment.contentId == m_contentId) {
        QTextCursor cursor = attachment.position;
        cursor.clearSelection();
        cursor.insertText(markdown);
        return;
    }
    // Another lesson is open now: the link goes at the end of the one it was attached to.
    if (!m_sync || !m_sync->store())
        return;
    const auto record = m_sync->store()->record(contentEntity, attachment.contentId);
    if (!record)
        return;
    QString body = record->fields.value(bodyField).toString();
    if (!body.isEmpty() && !body.endsWith(u'\n'))
        body += u'\n';
    m_saver->edited(contentEntity, attachment.contentId,
                    QJsonObject {{bodyField, QString(body + u'\n' + markdown + u'\n')}});
}

} // namespace Lectern::Client
