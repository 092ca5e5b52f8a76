#include "courseplayer.h"

#include "learnformat.h"
#include "lessonbrowser.h"
#include "playeroutlinedelegate.h"
#include "playeroutlinemodel.h"
#include "progresstracker.h"

#include <QAction>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHideEvent>
#include <QIcon>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <lectern/client/elidedlabel.h>
#include <lectern/client/files/filetransfers.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

namespace {

constexpr int emptyPage = 0;
constexpr int itemPage = 1;
constexpr int lockedPage = 2;

QLabel *makeHeading(QWidget *parent, qreal scale, bool oneLine = false)
{
    QLabel *label = oneLine ? new ElidedLabel(parent) : new QLabel(parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    label->setWordWrap(!oneLine);
    label->setTextFormat(Qt::PlainText);
    return label;
}

// Lessons often open with their title as a heading: the page shows the title already.
QString withoutTitle(const QString &markdown, const QString &title)
{
    const qsizetype start = markdown.indexOf(QRegularExpression(QStringLiteral("\\S")));
    if (start < 0 || !QStringView(markdown).mid(start).startsWith(u"# "))
        return markdown;
    qsizetype end = markdown.indexOf(u'\n', start);
    if (end < 0)
        end = markdown.size();
    if (markdown.mid(start + 2, end - start - 2)
            .trimmed()
            .compare(title.trimmed(), Qt::CaseInsensitive)
        != 0)
        return markdown;
    return markdown.mid(end);
}

QLabel *makeMuted(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

} // namespace

CoursePlayer::CoursePlayer(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_outline(new PlayerOutlineModel(sync, this))
    , m_tracker(new ProgressTracker(sync, this))
{
    setObjectName(QStringLiteral("coursePlayer"));
    m_autoComplete.setSingleShot(true);
    m_autoComplete.setInterval(5000);
    connect(&m_autoComplete, &QTimer::timeout, this, &CoursePlayer::tryAutoComplete);

    m_outlineView = new QTreeView(this);
    m_outlineView->setObjectName(QStringLiteral("playerOutline"));
    m_outlineView->setAccessibleName(tr("Course outline"));
    m_outlineView->setModel(m_outline);
    m_outlineView->setItemDelegate(new PlayerOutlineDelegate(m_outlineView));
    m_outlineView->setHeaderHidden(true);
    m_outlineView->setRootIsDecorated(false);
    m_outlineView->setItemsExpandable(false);
    m_outlineView->setIndentation(0); // the delegate indents items under their module
    m_outlineView->setUniformRowHeights(true);
    m_outlineView->setFrameShape(QFrame::NoFrame);
    m_outlineView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_outlineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outlineView->setMinimumWidth(220);
    connect(m_outlineView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!m_outline->isModule(current) && current.isValid())
                    openItem(m_outline->idOf(current));
            });
    connect(m_outline, &QAbstractItemModel::modelReset, this, [this] {
        m_outlineView->expandAll();
        onOutlineChanged();
    });
    connect(m_outline, &PlayerOutlineModel::progressChanged, this, &CoursePlayer::onOutlineChanged);
    if (sync)
        connect(sync, &SyncController::recordsChanged, this, &CoursePlayer::onRecordsChanged);

    m_pages = new QStackedWidget(this);
    m_pages->setBackgroundRole(QPalette::Base);
    m_pages->setAutoFillBackground(true);
    m_pages->addWidget(createEmptyPage());
    m_pages->addWidget(createItemPage());
    m_pages->addWidget(createLockedPage());

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_pages, 1);
    rightLayout->addWidget(createFooter());

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("playerSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_outlineView);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    layout->addWidget(createPreviewBanner());
    layout->addWidget(m_splitter, 1);

    auto *nextAction = new QAction(tr("Next item"), this);
    nextAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    nextAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(nextAction, &QAction::triggered, this, &CoursePlayer::next);
    addAction(nextAction);
    auto *previousAction = new QAction(tr("Previous item"), this);
    previousAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    previousAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(previousAction, &QAction::triggered, this, &CoursePlayer::previous);
    addAction(previousAction);

    showEmpty();
    updateDownload();
}

CoursePlayer::~CoursePlayer()
{
    m_tracker->close();
}

QWidget *CoursePlayer::createHeader()
{
    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("playerHeader"));
    header->setStyleSheet(
        QStringLiteral("QFrame#playerHeader { border-bottom: 1px solid palette(mid); }"));

    auto *back
        = new QPushButton(QIcon(QStringLiteral(":/icons/previous.svg")), tr("My courses"), header);
    back->setObjectName(QStringLiteral("backToDashboard"));
    back->setFlat(true);
    back->setToolTip(tr("Back to your courses"));
    connect(back, &QPushButton::clicked, this, [this] {
        closeCourse();
        Q_EMIT backRequested();
    });

    m_courseTitle = makeHeading(header, 1.3, true);
    m_courseTitle->setObjectName(QStringLiteral("playerCourseTitle"));
    m_courseTitle->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_courseMeta = makeMuted(header);
    m_courseMeta->setWordWrap(false);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    titles->addWidget(m_courseTitle);
    titles->addWidget(m_courseMeta);

    m_progressBar = new QProgressBar(header);
    m_progressBar->setObjectName(QStringLiteral("courseProgressBar"));
    m_progressBar->setRange(0, 100);
    m_progressBar->setTextVisible(false);
    m_progressBar->setFixedSize(180, 8);
    m_progressText = makeMuted(header);
    m_progressText->setObjectName(QStringLiteral("courseProgressText"));
    m_progressText->setWordWrap(false);
    auto *progress = new QVBoxLayout;
    progress->setSpacing(4);
    progress->addStretch();
    progress->addWidget(m_progressText, 0, Qt::AlignRight);
    progress->addWidget(m_progressBar, 0, Qt::AlignRight);
    progress->addStretch();

    m_downloadButton = new QPushButton(header);
    m_downloadButton->setObjectName(QStringLiteral("courseDownloadButton"));
    connect(m_downloadButton, &QPushButton::clicked, this, &CoursePlayer::downloadClicked);
    m_downloadBar = new QProgressBar(header);
    m_downloadBar->setObjectName(QStringLiteral("courseDownloadBar"));
    m_downloadBar->setFixedWidth(160);
    m_downloadBar->setFormat(tr("Downloading… %p%"));
    m_cancelDownload = new QPushButton(tr("Cancel"), header);
    m_cancelDownload->setObjectName(QStringLiteral("cancelCourseDownload"));
    connect(m_cancelDownload, &QPushButton::clicked, this, [this] {
        if (m_files)
            m_files->cancelCourseDownload(courseId());
        updateDownload();
    });

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(8, 8, 16, 8);
    layout->setSpacing(12);
    layout->addWidget(back);
    layout->addLayout(titles, 1);
    layout->addLayout(progress);
    layout->addSpacing(8);
    layout->addWidget(m_downloadButton);
    layout->addWidget(m_downloadBar);
    layout->addWidget(m_cancelDownload);
    return header;
}

QWidget *CoursePlayer::createPreviewBanner()
{
    m_previewBanner = new QFrame(this);
    m_previewBanner->setObjectName(QStringLiteral("previewBanner"));
    // Fixed colours, like the main window's session bar: readable in light and dark.
    m_previewBanner->setStyleSheet(
        QStringLiteral("QFrame#previewBanner { background: #E0F2FE; border-bottom: 1px solid "
                       "#7DD3FC; } QFrame#previewBanner QLabel { color: #0C4A6E; }"));
    auto *icon = new QLabel(m_previewBanner);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/preview.svg")).pixmap(QSize(18, 18)));
    auto *text = new QLabel(tr("Preview — your progress is not recorded. You see this course "
                               "as a student does: only what is published and released."),
                            m_previewBanner);
    text->setObjectName(QStringLiteral("previewBannerText"));
    text->setWordWrap(true);
    auto *layout = new QHBoxLayout(m_previewBanner);
    layout->setContentsMargins(16, 6, 16, 6);
    layout->setSpacing(8);
    layout->addWidget(icon);
    layout->addWidget(text, 1);
    m_previewBanner->hide();
    return m_previewBanner;
}

QWidget *CoursePlayer::createEmptyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("playerEmptyPage"));
    auto *icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/lesson.svg")).pixmap(QSize(56, 56)));
    icon->setAlignment(Qt::AlignCenter);
    m_emptyText = makeHeading(page, 1.15);
    m_emptyText->setObjectName(QStringLiteral("playerEmptyText"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(m_emptyText);
    layout->addStretch(3);
    return page;
}

QWidget *CoursePlayer::createItemPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("playerItemPage"));

    m_itemTitle = makeHeading(page, 1.8);
    m_itemTitle->setObjectName(QStringLiteral("itemTitle"));
    m_itemDetail = makeMuted(page);
    m_itemDetail->setObjectName(QStringLiteral("itemDetail"));

    m_resourceCard = new QFrame(page);
    m_resourceCard->setObjectName(QStringLiteral("resourceCard"));
    m_resourceCard->setStyleSheet(QStringLiteral(
        "QFrame#resourceCard { background: palette(window); border: 1px solid palette(mid);"
        " border-radius: 10px; } QFrame#resourceCard QLabel { border: none; }"));
    m_resourceIcon = new QLabel(m_resourceCard);
    m_resourceText = new QLabel(m_resourceCard);
    m_resourceText->setObjectName(QStringLiteral("resourceText"));
    m_resourceText->setTextFormat(Qt::PlainText);
    m_resourceText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_resourceText->setWordWrap(true);
    m_resourceOpen = new QPushButton(tr("Open"), m_resourceCard);
    m_resourceOpen->setObjectName(QStringLiteral("resourceOpenButton"));
    m_resourceOpen->setDefault(true);
    m_resourceOpen->setCursor(Qt::PointingHandCursor);
    m_resourceOpen->setStyleSheet(QStringLiteral(
        "QPushButton { background: palette(highlight); color: palette(highlighted-text);"
        " border: none; border-radius: 6px; padding: 7px 16px; font-weight: 600; }"
        "QPushButton:disabled { background: palette(mid); }"));
    connect(m_resourceOpen, &QPushButton::clicked, this, &CoursePlayer::openResource);
    auto *cardLayout = new QHBoxLayout(m_resourceCard);
    cardLayout->setContentsMargins(14, 12, 14, 12);
    cardLayout->setSpacing(12);
    cardLayout->addWidget(m_resourceIcon);
    cardLayout->addWidget(m_resourceText, 1);
    cardLayout->addWidget(m_resourceOpen);

    m_notHere = makeMuted(page);
    m_notHere->setObjectName(QStringLiteral("notAvailableHere"));

    m_browser = new LessonBrowser(page);
    connect(m_browser, &LessonBrowser::positionChanged, m_tracker, &ProgressTracker::setPosition);
    connect(m_browser, &LessonBrowser::reachedEnd, this, [this] {
        if (this->page() == Page::Item && m_outline->item(m_itemId)
            && m_outline->item(m_itemId)->type == u"lesson")
            markComplete();
    });
    connect(m_browser, &LessonBrowser::fileLinkActivated, this, [this](const QString &fileId) {
        if (m_files)
            m_files->open(fileId);
    });

    auto *header = new QWidget(page);
    auto *top = new QVBoxLayout(header);
    top->setContentsMargins(28, 20, 28, 4);
    // The title lines up with the lesson's text column.
    connect(m_browser, &LessonBrowser::sideMarginChanged, header,
            [top](int margin) { top->setContentsMargins(margin, 20, margin, 4); });
    top->setSpacing(6);
    top->addWidget(m_itemTitle);
    top->addWidget(m_itemDetail);
    top->addSpacing(6);
    top->addWidget(m_resourceCard);
    top->addWidget(m_notHere);

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_browser, 1);
    return page;
}

QWidget *CoursePlayer::createLockedPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("playerLockedPage"));
    auto *icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/locked.svg")).pixmap(QSize(56, 56)));
    icon->setAlignment(Qt::AlignCenter);
    m_lockedTitle = makeHeading(page, 1.3);
    m_lockedTitle->setObjectName(QStringLiteral("lockedTitle"));
    m_lockedTitle->setAlignment(Qt::AlignCenter);
    m_lockedText = makeMuted(page);
    m_lockedText->setObjectName(QStringLiteral("lockedText"));
    m_lockedText->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(6);
    layout->addWidget(m_lockedTitle);
    layout->addWidget(m_lockedText);
    layout->addStretch(3);
    return page;
}

QWidget *CoursePlayer::createFooter()
{
    auto *footer = new QFrame(this);
    footer->setObjectName(QStringLiteral("playerFooter"));
    footer->setStyleSheet(
        QStringLiteral("QFrame#playerFooter { border-top: 1px solid palette(mid); }"));
    m_previousButton
        = new QPushButton(QIcon(QStringLiteral(":/icons/previous.svg")), tr("Previous"), footer);
    m_previousButton->setObjectName(QStringLiteral("previousButton"));
    connect(m_previousButton, &QPushButton::clicked, this, &CoursePlayer::previous);
    m_completeButton = new QPushButton(QIcon(QStringLiteral(":/icons/complete.svg")),
                                       tr("Mark complete"), footer);
    m_completeButton->setObjectName(QStringLiteral("markCompleteButton"));
    m_completeButton->setCheckable(true);
    connect(m_completeButton, &QPushButton::clicked, this, [this] {
        markComplete();
        updateNavigation(); // a click on a done item leaves it checked
    });
    m_nextButton = new QPushButton(QIcon(QStringLiteral(":/icons/next.svg")), tr("Next"), footer);
    m_nextButton->setObjectName(QStringLiteral("nextButton"));
    m_nextButton->setLayoutDirection(Qt::RightToLeft); // the arrow after the word
    connect(m_nextButton, &QPushButton::clicked, this, &CoursePlayer::next);
    m_previousButton->setToolTip(tr("Previous item (Alt+Left)"));
    m_nextButton->setToolTip(tr("Next item (Alt+Right)"));

    auto *layout = new QHBoxLayout(footer);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->addWidget(m_previousButton);
    layout->addStretch();
    layout->addWidget(m_completeButton);
    layout->addStretch();
    layout->addWidget(m_nextButton);
    return footer;
}

void CoursePlayer::setFileTransfers(FileTransfers *files)
{
    if (m_files)
        disconnect(m_files, nullptr, this, nullptr);
    m_files = files;
    m_browser->setFileTransfers(files);
    if (files) {
        connect(files, &FileTransfers::courseDownloadProgress, this,
                [this](const QString &course, qint64 done, qint64 total) {
                    if (course != courseId())
                        return;
                    m_downloadBar->setRange(0, total > 0 ? 1000 : 0);
                    if (total > 0)
                        m_downloadBar->setValue(int(1000 * std::min(done, total) / total));
                    updateDownload();
                });
        connect(files, &FileTransfers::courseDownloadFinished, this, &CoursePlayer::updateDownload);
        connect(files, &FileTransfers::cacheChanged, this, &CoursePlayer::updateDownload);
    }
    updateDownload();
}

QString CoursePlayer::courseId() const
{
    return m_outline->courseId();
}

void CoursePlayer::openCourse(const QString &courseId, const QString &itemId, bool preview)
{
    closeCourse();
    m_preview = preview;
    m_tracker->setRecording(!preview);
    m_outline->setShowsProgress(!preview);
    m_outline->setCourseId(courseId);
    m_previewBanner->setVisible(preview);
    m_outlineView->expandAll();
    const QString target
        = !itemId.isEmpty() && m_outline->item(itemId) ? itemId : m_outline->continueItem();
    updateHeader();
    updateDownload();
    if (target.isEmpty())
        showEmpty();
    else
        openItem(target);
}

void CoursePlayer::closeCourse()
{
    m_tracker->close();
    m_autoComplete.stop();
    m_itemId.clear();
    m_outline->setCourseId(QString());
    showEmpty();
}

CoursePlayer::Page CoursePlayer::page() const
{
    switch (m_pages->currentIndex()) {
    case itemPage:
        return Page::Item;
    case lockedPage:
        return Page::Locked;
    default:
        return Page::Empty;
    }
}

bool CoursePlayer::openItem(const QString &itemId)
{
    // A copy: recording progress refreshes the outline, which replaces its items.
    const LearnerItem *found = m_outline->item(itemId);
    if (!found)
        return false;
    const LearnerItem item = *found;
    if (itemId == m_itemId && page() != Page::Empty
        && (page() == Page::Locked) == m_outline->isLocked(itemId))
        return page() == Page::Item;
    m_autoComplete.stop();
    m_itemId = itemId;
    selectInOutline(itemId);
    if (m_outline->isLocked(itemId)) {
        // Not opened: nothing recorded, nothing of it shown but when it opens.
        m_tracker->close();
        m_lockedTitle->setText(item.title);
        m_lockedText->setText(tr("This item opens on %1. Come back then: it unlocks by itself.")
                                  .arg(LearnFormat::dateTime(item.unlockAt)));
        m_pages->setCurrentIndex(lockedPage);
        updateActive();
        updateNavigation();
        return false;
    }
    showItem(item);
    return true;
}

void CoursePlayer::showItem(const LearnerItem &item)
{
    m_tracker->open(courseId(), item.id);
    const std::optional<LocalRecord> record = m_sync && m_sync->store()
        ? m_sync->store()->record(Entities::content().name, item.id)
        : std::nullopt;
    const QString body
        = record ? record->fields.value(QLatin1StringView("body")).toString() : QString();

    m_itemTitle->setText(item.title);
    QString detail = LearnFormat::typeName(item.type);
    if (item.estimatedMinutes > 0)
        detail = tr("%1 · %n min", "type and length", item.estimatedMinutes).arg(detail);
    m_itemDetail->setText(detail);

    const bool external = item.type == u"link" || item.type == u"video" || item.type == u"file";
    m_resourceCard->setVisible(external);
    if (external) {
        m_resourceIcon->setPixmap(QIcon(LearnFormat::typeIcon(item.type)).pixmap(QSize(28, 28)));
        if (item.type == u"file") {
            const std::optional<LocalRecord> file
                = m_sync && m_sync->store() && !item.fileId.isEmpty()
                ? m_sync->store()->record(Entities::file().name, item.fileId)
                : std::nullopt;
            QString name = file ? file->fields.value(QLatin1StringView("originalName")).toString()
                                : QString();
            if (name.isEmpty())
                name = item.title;
            const qint64 size
                = file ? file->fields.value(QLatin1StringView("size")).toInteger() : 0;
            m_resourceText->setText(
                size > 0 ? tr("%1 (%2)", "file name (size)").arg(name, LearnFormat::size(size))
                         : name);
            m_resourceOpen->setText(tr("Open file"));
            m_resourceOpen->setEnabled(m_files && !item.fileId.isEmpty());
            m_resourceOpen->setToolTip(m_files ? tr("Opens with this computer's viewer")
                                               : tr("Files cannot be opened here"));
        } else {
            m_resourceText->setText(item.url.isEmpty() ? tr("No address given") : item.url);
            m_resourceOpen->setText(item.type == u"video" ? tr("Watch in browser")
                                                          : tr("Open in browser"));
            m_resourceOpen->setEnabled(QUrl(item.url).isValid() && !item.url.isEmpty());
            m_resourceOpen->setToolTip(item.url);
        }
    }
    const bool elsewhere = item.type == u"quiz" || item.type == u"assignment";
    m_notHere->setVisible(elsewhere);
    if (elsewhere)
        m_notHere->setText(item.type == u"quiz"
                               ? tr("Quizzes cannot be taken in this version of Lectern yet.")
                               : tr("Assignments cannot be submitted in this version of "
                                    "Lectern yet."));
    const double position
        = item.type == u"lesson" && !m_preview ? m_outline->progress(item.id).lastPosition : 0.0;
    m_browser->setLesson(withoutTitle(body, item.title), position);
    m_browser->setVisible(!body.isEmpty() || item.type == u"lesson");
    m_pages->setCurrentIndex(itemPage);
    if (item.type == u"lesson" && !m_preview && !m_outline->isCompleted(item.id))
        m_autoComplete.start();
    updateActive();
    updateNavigation();
}

void CoursePlayer::showEmpty()
{
    m_autoComplete.stop();
    m_tracker->close();
    m_itemId.clear();
    const bool hasItems = m_outline->itemCount() > 0;
    m_emptyText->setText(courseId().isEmpty() ? QString()
                             : hasItems       ? tr("Choose an item from the outline")
                                              : tr("This course has no lessons yet"));
    m_pages->setCurrentIndex(emptyPage);
    updateActive();
    updateNavigation();
}

void CoursePlayer::selectInOutline(const QString &itemId)
{
    const QModelIndex index = m_outline->indexOf(itemId);
    const QSignalBlocker blocker(m_outlineView->selectionModel());
    m_outlineView->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_outlineView->scrollTo(index);
    m_outlineView->viewport()->update();
}

void CoursePlayer::next()
{
    const QString id = m_outline->nextItem(m_itemId);
    if (!id.isEmpty())
        openItem(id);
}

void CoursePlayer::previous()
{
    const QString id = m_outline->previousItem(m_itemId);
    if (!id.isEmpty())
        openItem(id);
}

void CoursePlayer::markComplete()
{
    if (page() != Page::Item || m_preview)
        return;
    m_autoComplete.stop();
    m_tracker->markComplete(); // the outline follows the new event (recordsChanged)
    updateNavigation();
}

void CoursePlayer::tryAutoComplete()
{
    if (page() != Page::Item || !m_tracker->isActive())
        return;
    if (m_browser->fitsWithoutScrolling() || m_browser->scrollFraction() >= 1.0)
        markComplete();
}

void CoursePlayer::openResource()
{
    const LearnerItem *found = m_outline->item(m_itemId);
    if (!found || page() != Page::Item)
        return;
    const LearnerItem item = *found;
    if (item.type == u"file") {
        if (!m_files || item.fileId.isEmpty())
            return;
        m_files->open(item.fileId);
    } else {
        if (!QDesktopServices::openUrl(QUrl(item.url)))
            QMessageBox::warning(this, tr("Cannot open the link"),
                                 tr("No application could open %1.").arg(item.url));
    }
    // Opening it is as far as the player can see: it counts as done.
    markComplete();
}

void CoursePlayer::downloadClicked()
{
    if (!m_files || courseId().isEmpty())
        return;
    if (m_files->isCourseDownloaded(courseId())) {
        const qint64 bytes = m_files->cachedBytes(courseId());
        if (bytes == 0)
            return; // no files: nothing to remove
        if (QMessageBox::question(this, tr("Remove download"),
                                  tr("Remove this course's offline copy? This frees %1. You can "
                                     "download it again when you are online.")
                                      .arg(LearnFormat::size(bytes)),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes)
            m_files->removeCourseDownload(courseId());
    } else {
        m_downloadBar->setRange(0, 0); // busy until the first progress
        m_files->downloadCourse(courseId());
    }
    updateDownload();
}

void CoursePlayer::updateDownload()
{
    const QString course = courseId();
    if (!m_files || course.isEmpty()) {
        m_downloadButton->hide();
        m_downloadBar->hide();
        m_cancelDownload->hide();
        return;
    }
    const bool running = m_files->isDownloadingCourse(course);
    m_downloadBar->setVisible(running);
    m_cancelDownload->setVisible(running);
    m_downloadButton->setVisible(!running);
    if (running)
        return;
    if (m_files->isCourseDownloaded(course)) {
        m_downloadButton->setIcon(QIcon(QStringLiteral(":/icons/downloaded.svg")));
        const qint64 bytes = m_files->cachedBytes(course);
        m_downloadButton->setText(LearnFormat::removeDownload(bytes));
        m_downloadButton->setEnabled(bytes > 0);
        m_downloadButton->setToolTip(bytes > 0 ? tr("This course's files are on this computer.")
                                               : tr("This course has no files to download: "
                                                    "everything in it is on this computer."));
    } else {
        m_downloadButton->setEnabled(true);
        m_downloadButton->setIcon(QIcon(QStringLiteral(":/icons/download.svg")));
        m_downloadButton->setText(
            LearnFormat::downloadOffline(m_files->courseDownloadSize(course)));
        m_downloadButton->setToolTip(
            tr("Keeps every file of this course on this computer, to study without a "
               "network."));
    }
}

void CoursePlayer::updateHeader()
{
    const QString course = courseId();
    const std::optional<LocalRecord> record = m_sync && m_sync->store() && !course.isEmpty()
        ? m_sync->store()->record(Entities::course().name, course)
        : std::nullopt;
    const QString title
        = record ? record->fields.value(QLatin1StringView("title")).toString() : QString();
    m_courseTitle->setText(title);
    m_courseTitle->setToolTip(title);
    QStringList meta;
    if (record) {
        for (const char *field : {"code", "term"}) {
            const QString value = record->fields.value(QLatin1StringView(field)).toString();
            if (!value.isEmpty())
                meta.append(value);
        }
    }
    m_courseMeta->setText(meta.join(QStringLiteral("  ·  ")));

    const CourseProgress progress = m_outline->courseProgress();
    const bool shows = !m_preview && !course.isEmpty() && progress.total > 0;
    m_progressBar->setVisible(shows);
    m_progressText->setVisible(shows);
    if (shows) {
        m_progressBar->setValue(progress.percent);
        QString text
            = LearnFormat::itemsDone(progress.completed, progress.total, progress.requiredOnly);
        if (progress.secondsSpent > 0)
            text = tr("%1 · %2 spent", "items done, time")
                       .arg(text, LearnFormat::duration(progress.secondsSpent));
        m_progressText->setText(text);
        m_progressBar->setAccessibleName(tr("Course progress: %1%").arg(progress.percent));
    }
}

void CoursePlayer::updateNavigation()
{
    const bool open = page() == Page::Item;
    const QString next = m_outline->nextItem(m_itemId);
    const QString previous = m_outline->previousItem(m_itemId);
    m_nextButton->setEnabled(!m_itemId.isEmpty() && !next.isEmpty());
    m_previousButton->setEnabled(!m_itemId.isEmpty() && !previous.isEmpty());
    const LearnerItem *nextItem = m_outline->item(next);
    m_nextButton->setToolTip(nextItem ? tr("Next: %1 (Alt+Right)").arg(nextItem->title)
                                      : tr("Next item (Alt+Right)"));
    const LearnerItem *previousItem = m_outline->item(previous);
    m_previousButton->setToolTip(previousItem
                                     ? tr("Previous: %1 (Alt+Left)").arg(previousItem->title)
                                     : tr("Previous item (Alt+Left)"));

    const bool completed = open && (m_outline->isCompleted(m_itemId) || m_tracker->isCompleted());
    m_completeButton->setVisible(open);
    m_completeButton->setChecked(completed);
    m_completeButton->setText(completed ? tr("Completed") : tr("Mark complete"));
    // Progress is a set of events that only grows: done stays done.
    m_completeButton->setEnabled(open && !completed && !m_preview);
    m_completeButton->setToolTip(m_preview       ? tr("A preview records no progress")
                                     : completed ? tr("You completed this item")
                                                 : tr("Mark this item as done"));
}

void CoursePlayer::onOutlineChanged()
{
    updateHeader();
    if (courseId().isEmpty())
        return;
    if (!m_itemId.isEmpty() && !m_outline->item(m_itemId)) {
        showEmpty(); // the open item is gone (unpublished, deleted)
        return;
    }
    if (!m_itemId.isEmpty()) {
        selectInOutline(m_itemId);
        // An item that unlocked while its locked page was up opens now.
        if (page() == Page::Locked && !m_outline->isLocked(m_itemId))
            openItem(m_itemId);
        else if (page() == Page::Item && m_outline->isLocked(m_itemId))
            openItem(m_itemId);
    } else if (page() == Page::Empty) {
        showEmpty(); // the words follow whether the course has items now
    }
    updateNavigation();
}

void CoursePlayer::onRecordsChanged(const QStringList &entities)
{
    if (entities.contains(Entities::course().name))
        updateHeader();
    if (entities.contains(Entities::file().name))
        updateDownload();
    // The open lesson was edited (and synced here): show the new text where the reader is.
    if (entities.contains(Entities::content().name) && page() == Page::Item && m_sync
        && m_sync->store()) {
        const std::optional<LocalRecord> record
            = m_sync->store()->record(Entities::content().name, m_itemId);
        const QString body
            = record ? record->fields.value(QLatin1StringView("body")).toString() : QString();
        if (record && body != m_browser->markdown())
            m_browser->setLesson(body, m_browser->scrollFraction());
    }
}

void CoursePlayer::updateActive()
{
    const QWidget *top = window();
    const bool active = page() == Page::Item && isVisible() && top && top->isActiveWindow();
    m_tracker->setActive(active);
    // A lesson that fits counts as read after a few seconds of being looked at.
    const LearnerItem *item = m_outline->item(m_itemId);
    if (active && !m_autoComplete.isActive() && item && item->type == u"lesson" && !m_preview
        && !m_outline->isCompleted(m_itemId) && !m_tracker->isCompleted())
        m_autoComplete.start();
}

void CoursePlayer::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_outline->setActive(true);
    updateActive();
}

void CoursePlayer::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    // Spontaneous hides (the window minimised) keep it following: it is still the page shown.
    if (!event->spontaneous())
        m_outline->setActive(false);
    updateActive();
}

void CoursePlayer::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::ActivationChange)
        updateActive();
}

} // namespace Lectern::Client
