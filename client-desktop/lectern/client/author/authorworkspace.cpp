#include "authorworkspace.h"

#include "authorstyle.h"
#include "coursedelegate.h"
#include "coursefiltermodel.h"
#include "courselistmodel.h"
#include "courseoutlinepage.h"
#include "coursesettingspage.h"
#include "courseundostack.h"
#include "emptystate.h"
#include "newcoursedialog.h"
#include "recordtree.h"
#include "recordtreecommand.h"
#include "updaterecordscommand.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QToolBar>
#include <QToolButton>
#include <QUndoGroup>
#include <QVBoxLayout>
#include <lectern/client/elidedcombobox.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/entityspec.h>
#include <lectern/uuidv7.h>

namespace Lectern::Client {

namespace {
const QString courseEntity = Entities::course().name;
} // namespace

AuthorWorkspace::AuthorWorkspace(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_courses(new CourseListModel(sync, this))
    , m_filter(new CourseFilterModel(this))
    , m_undoGroup(new QUndoGroup(this))
    , m_toolBar(new QToolBar(this))
    , m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("authorWorkspace"));
    m_filter->setSourceModel(m_courses);
    m_store = sync ? sync->store() : nullptr;

    m_new = AuthorStyle::makeAction(this, QStringLiteral("newCourseAction"), tr("&New course…"),
                                    QStringLiteral("add"), QKeySequence::New);
    m_duplicate
        = AuthorStyle::makeAction(this, QStringLiteral("duplicateCourseAction"), tr("D&uplicate"),
                                  QStringLiteral("duplicate"), QKeySequence(Qt::CTRL | Qt::Key_D));
    m_duplicate->setToolTip(tr("Make a draft copy of the course with its modules and items "
                               "(%1)")
                                .arg(AuthorStyle::keys(m_duplicate->shortcut())));
    m_publish = AuthorStyle::makeAction(this, QStringLiteral("publishCourseAction"), tr("&Publish"),
                                        QStringLiteral("publish"));
    m_archive = AuthorStyle::makeAction(this, QStringLiteral("archiveCourseAction"), tr("&Archive"),
                                        QStringLiteral("archive"));
    m_delete = AuthorStyle::makeAction(this, QStringLiteral("deleteCourseAction"), tr("&Delete…"),
                                       QStringLiteral("delete"));
    m_preview = AuthorStyle::makeAction(this, QStringLiteral("previewCourseAction"),
                                        tr("Pre&view as student"), QStringLiteral("preview"),
                                        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_find = AuthorStyle::makeAction(this, QStringLiteral("findCourseAction"), tr("&Find course"),
                                     QString(), QKeySequence::Find);

    // The group's actions name what they take back ("Undo Rename “Intro”").
    m_undo = m_undoGroup->createUndoAction(this, tr("Undo"));
    m_redo = m_undoGroup->createRedoAction(this, tr("Redo"));
    m_undo->setObjectName(QStringLiteral("workspaceUndoAction"));
    m_redo->setObjectName(QStringLiteral("workspaceRedoAction"));
    m_undo->setIcon(QIcon(QStringLiteral(":/icons/undo.svg")));
    m_redo->setIcon(QIcon(QStringLiteral(":/icons/redo.svg")));
    for (auto [action, sequence] : {std::pair(m_undo, QKeySequence(QKeySequence::Undo)),
                                    std::pair(m_redo, QKeySequence(QKeySequence::Redo))}) {
        const auto tip = [action, sequence] {
            const QString wanted = QStringLiteral("%1 (%2)").arg(
                QString(action->text()).remove(u'&'), AuthorStyle::keys(sequence));
            if (action->toolTip() != wanted)
                action->setToolTip(wanted);
        };
        connect(action, &QAction::changed, this, tip);
        tip();
    }

    connect(m_new, &QAction::triggered, this, &AuthorWorkspace::newCourse);
    connect(m_duplicate, &QAction::triggered, this, &AuthorWorkspace::duplicateCourse);
    connect(m_publish, &QAction::triggered, this, &AuthorWorkspace::togglePublished);
    connect(m_archive, &QAction::triggered, this, &AuthorWorkspace::toggleArchived);
    connect(m_delete, &QAction::triggered, this, &AuthorWorkspace::deleteCourse);
    connect(m_preview, &QAction::triggered, this, &AuthorWorkspace::previewCourse);

    m_toolBar->setObjectName(QStringLiteral("authorToolBar"));
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setContentsMargins(AuthorStyle::spacing, 2, AuthorStyle::spacing, 2);
    m_showCourses = new QAction(QIcon(QStringLiteral(":/icons/module.svg")), tr("Courses"), this);
    m_showCourses->setObjectName(QStringLiteral("showCoursesAction"));
    m_showCourses->setCheckable(true);
    m_showCourses->setChecked(true);
    m_showCourses->setToolTip(tr("Show or hide the course list"));
    connect(m_showCourses, &QAction::toggled, this,
            [this](bool shown) { m_coursePanel->setVisible(shown); });
    m_toolBar->addAction(m_showCourses);
    // "New course" sits above the course list.
    m_toolBar->addAction(m_duplicate);
    m_toolBar->addAction(m_publish);
    m_toolBar->addAction(m_archive);
    m_toolBar->addAction(m_delete);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_undo);
    m_toolBar->addAction(m_redo);
    for (QAction *action : {m_undo, m_redo}) {
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    auto *spacer = new QWidget(m_toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_toolBar->addAction(m_preview);

    m_message->setObjectName(QStringLiteral("authorMessage"));
    AuthorStyle::makeErrorLabel(m_message);
    m_message->setContentsMargins(AuthorStyle::margin, 6, AuthorStyle::margin, 6);
    m_message->hide();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("authorSplitter"));
    splitter->setChildrenCollapsible(false);
    m_coursePanel = createCoursePanel();
    splitter->addWidget(m_coursePanel);
    splitter->addWidget(createCoursePage());
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 960});

    auto *rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setForegroundRole(QPalette::Mid);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(rule);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &AuthorWorkspace::onCurrentChanged);
    connect(m_courses, &CourseListModel::termsChanged, this, &AuthorWorkspace::updateTerms);
    connect(m_courses, &QAbstractItemModel::dataChanged, this, [this] {
        updateHeader();
        updateActions();
    });
    for (auto *model : {static_cast<QAbstractItemModel *>(m_filter),
                        static_cast<QAbstractItemModel *>(m_courses)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &AuthorWorkspace::updateListState);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &AuthorWorkspace::updateListState);
        connect(model, &QAbstractItemModel::modelReset, this, &AuthorWorkspace::updateListState);
        connect(model, &QAbstractItemModel::layoutChanged, this, &AuthorWorkspace::updateListState);
    }
    if (sync)
        connect(sync, &SyncController::statusChanged, this, &AuthorWorkspace::storeChanged);
    updateTerms(m_courses->terms());
    updateListState();
    showCourse(QString());
}

AuthorWorkspace::~AuthorWorkspace() = default;

void AuthorWorkspace::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The status chip's colours follow the palette (light or dark).
    if (event->type() == QEvent::PaletteChange)
        updateHeader();
}

QList<QAction *> AuthorWorkspace::courseActions() const
{
    return {m_new, m_duplicate, m_publish, m_archive, m_delete, m_preview};
}

LessonEditor *AuthorWorkspace::lessonEditor() const
{
    return m_outline->lessonEditor();
}

QWidget *AuthorWorkspace::createCoursePanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("coursePanel"));
    panel->setBackgroundRole(QPalette::Window);
    panel->setAutoFillBackground(true);
    panel->setMinimumWidth(220);

    auto *heading = new QLabel(tr("Courses"), panel);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.15);
    headingFont.setWeight(QFont::DemiBold);
    heading->setFont(headingFont);
    auto *newButton = new QPushButton(m_new->icon(), tr("New course"), panel);
    newButton->setObjectName(QStringLiteral("newCourseButton"));
    newButton->setToolTip(m_new->toolTip());
    connect(newButton, &QPushButton::clicked, m_new, &QAction::trigger);

    m_search = new QLineEdit(panel);
    m_search->setObjectName(QStringLiteral("courseSearch"));
    m_search->setPlaceholderText(tr("Search title, code, description"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search courses"));
    m_search->setToolTip(tr("Search courses (%1)").arg(AuthorStyle::keys(QKeySequence::Find)));
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setSearchText(text);
        updateListState();
    });
    connect(m_find, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    // Beside each other in a narrow panel: they end in "…" rather than cut a word.
    m_statusFilter = new ElidedComboBox(panel);
    m_statusFilter->setObjectName(QStringLiteral("statusFilter"));
    m_statusFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_statusFilter->setMinimumContentsLength(8);
    m_statusFilter->setAccessibleName(tr("Status"));
    m_statusFilter->addItem(tr("All statuses"), QString());
    for (const char *status : {"draft", "published", "archived"})
        m_statusFilter->addItem(CourseListModel::statusTitle(QString::fromLatin1(status)),
                                QString::fromLatin1(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setStatus(m_statusFilter->currentData().toString());
        updateListState();
    });
    m_termFilter = new ElidedComboBox(panel);
    m_termFilter->setObjectName(QStringLiteral("termFilter"));
    m_termFilter->setAccessibleName(tr("Term"));
    m_termFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_termFilter->setMinimumContentsLength(8);
    connect(m_termFilter, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setTerm(m_termFilter->currentData().toString());
        updateListState();
    });

    m_list = new QListView(panel);
    m_list->setObjectName(QStringLiteral("courseList"));
    m_list->setAccessibleName(tr("Courses"));
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new CourseDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_duplicate, m_publish, m_archive, m_delete, m_preview});
    // Delete in the list deletes the course (after asking).
    auto *deleteKey = new QAction(m_list);
    deleteKey->setShortcut(QKeySequence::Delete);
    deleteKey->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteKey, &QAction::triggered, this, &AuthorWorkspace::deleteCourse);
    m_list->addAction(deleteKey);

    m_noCourses = new EmptyState(QStringLiteral(":/icons/course.svg"),
                                 tr("No courses yet — create your first course"),
                                 tr("A course holds modules of lessons, links, videos and files. "
                                    "It stays a draft until you publish it."),
                                 panel);
    m_noCourses->setObjectName(QStringLiteral("noCourses"));
    m_noCourses->setAction(m_new);
    m_noMatch = new EmptyState(QStringLiteral(":/icons/course.svg"), tr("No course matches"),
                               QString(), panel);
    m_noMatch->setObjectName(QStringLiteral("noMatch"));
    auto *clear = new QAction(tr("Clear search and filters"), this);
    clear->setObjectName(QStringLiteral("clearFiltersAction"));
    connect(clear, &QAction::triggered, this, [this] {
        m_search->clear();
        m_statusFilter->setCurrentIndex(0);
        m_termFilter->setCurrentIndex(0);
    });
    m_noMatch->setAction(clear);
    m_listStack = new QStackedWidget(panel);
    m_listStack->addWidget(m_list);
    m_listStack->addWidget(m_noCourses);
    m_listStack->addWidget(m_noMatch);

    auto *top = new QHBoxLayout;
    top->setSpacing(AuthorStyle::spacing);
    top->addWidget(heading, 1);
    top->addWidget(newButton);
    auto *filters = new QHBoxLayout;
    filters->setSpacing(AuthorStyle::spacing);
    filters->addWidget(m_statusFilter, 1);
    filters->addWidget(m_termFilter, 1);
    auto *controls = new QVBoxLayout;
    controls->setContentsMargins(AuthorStyle::margin - 4, AuthorStyle::margin - 4,
                                 AuthorStyle::margin - 4, AuthorStyle::spacing);
    controls->setSpacing(AuthorStyle::spacing);
    controls->addLayout(top);
    controls->addWidget(m_search);
    controls->addLayout(filters);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    layout->addWidget(m_listStack, 1);
    return panel;
}

QWidget *AuthorWorkspace::createCoursePage()
{
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("authorPages"));
    m_noneOpen = new EmptyState(QStringLiteral(":/icons/author.svg"), tr("Open a course"),
                                tr("Select a course on the left to write its outline and lessons "
                                   "and change its settings."),
                                m_pages);
    m_noneOpen->setObjectName(QStringLiteral("noCourseOpen"));

    m_coursePage = new QWidget(m_pages);
    m_coursePage->setObjectName(QStringLiteral("coursePage"));
    m_courseTitle = new QLabel(m_coursePage);
    m_courseTitle->setObjectName(QStringLiteral("courseTitle"));
    m_courseTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_courseTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setWeight(QFont::DemiBold);
    m_courseTitle->setFont(titleFont);
    m_courseTitle->setMinimumWidth(100);
    m_courseSubtitle = new QLabel(m_coursePage);
    m_courseSubtitle->setObjectName(QStringLiteral("courseSubtitle"));
    m_courseSubtitle->setTextFormat(Qt::PlainText);
    m_courseSubtitle->setForegroundRole(QPalette::PlaceholderText);
    m_courseStatus = new QLabel(m_coursePage);
    m_courseStatus->setObjectName(QStringLiteral("courseStatus"));
    m_courseUnsynced = new QLabel(m_coursePage);
    m_courseUnsynced->setObjectName(QStringLiteral("courseUnsynced"));
    m_courseUnsynced->setPixmap(SyncMark::icon().pixmap(QSize(SyncMark::size, SyncMark::size)));
    m_courseUnsynced->setToolTip(SyncMark::toolTip());

    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(10);
    titleRow->addWidget(m_courseTitle, 0);
    titleRow->addWidget(m_courseStatus, 0, Qt::AlignVCenter);
    titleRow->addWidget(m_courseUnsynced, 0, Qt::AlignVCenter);
    titleRow->addStretch(1);
    auto *header = new QVBoxLayout;
    header->setContentsMargins(AuthorStyle::margin + 4, AuthorStyle::margin, AuthorStyle::margin,
                               AuthorStyle::spacing);
    header->setSpacing(2);
    header->addLayout(titleRow);
    header->addWidget(m_courseSubtitle);

    m_tabs = new QTabWidget(m_coursePage);
    m_tabs->setObjectName(QStringLiteral("courseTabs"));
    m_tabs->setDocumentMode(true);
    m_outline = new CourseOutlinePage(m_sync, m_tabs);
    m_settings = new CourseSettingsPage(m_sync, m_tabs);
    m_tabs->addTab(m_outline, QIcon(QStringLiteral(":/icons/outline.svg")), tr("Outline"));
    m_tabs->addTab(m_settings, QIcon(QStringLiteral(":/icons/settings.svg")), tr("Settings"));

    auto *layout = new QVBoxLayout(m_coursePage);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_tabs, 1);

    m_pages->addWidget(m_noneOpen);
    m_pages->addWidget(m_coursePage);
    return m_pages;
}

CourseUndoStack *AuthorWorkspace::undoStack(const QString &courseId) const
{
    for (CourseUndoStack *stack : m_stacks) {
        if (stack->courseId() == courseId)
            return stack;
    }
    return nullptr;
}

CourseUndoStack *AuthorWorkspace::stackFor(const QString &courseId, bool create)
{
    if (CourseUndoStack *stack = undoStack(courseId))
        return stack;
    if (!create || courseId.isEmpty())
        return nullptr;
    auto *stack = new CourseUndoStack(m_sync, courseId, this);
    m_stacks.insert(courseId, stack);
    m_undoGroup->addStack(stack);
    connect(stack, &CourseUndoStack::aboutToApply, this, [this] { m_holdSelection = true; });
    connect(stack, &CourseUndoStack::applied, this,
            [this, stack](const QString &focusId) { afterUndo(stack, focusId); });
    connect(stack, &CourseUndoStack::failed, this, [this, stack](const QString &message) {
        afterUndo(stack, QString());
        showMessage(message);
    });
    return stack;
}

bool AuthorWorkspace::openCourse(const QString &courseId)
{
    const QModelIndex source = m_courses->indexOf(courseId);
    if (!source.isValid())
        return false;
    QModelIndex row = m_filter->mapFromSource(source);
    if (!row.isValid()) {
        // Hidden by the search or a filter: show everything rather than an invisible course.
        const QSignalBlocker search(m_search), status(m_statusFilter), term(m_termFilter);
        m_search->clear();
        m_statusFilter->setCurrentIndex(0);
        m_termFilter->setCurrentIndex(0);
        m_filter->clearFilters();
        updateListState();
        row = m_filter->mapFromSource(source);
    }
    m_list->selectionModel()->setCurrentIndex(row, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(row);
    // Already current (say the list had it while the page showed something else).
    if (m_courseId != courseId)
        showCourse(courseId);
    return true;
}

void AuthorWorkspace::onCurrentChanged(const QModelIndex &current)
{
    if (m_holdSelection)
        return;
    showCourse(current.data(CourseListModel::IdRole).toString());
}

void AuthorWorkspace::showCourse(const QString &courseId)
{
    const bool changed = courseId != m_courseId;
    m_courseId = courseId;
    if (courseId.isEmpty()) {
        // The active stack stays: Undo can still take back what closed the course.
        m_outline->setCourse(QString(), nullptr);
        m_settings->setCourse(QString(), nullptr);
        m_pages->setCurrentWidget(m_noneOpen);
    } else {
        CourseUndoStack *stack = stackFor(courseId, true);
        m_undoGroup->setActiveStack(stack);
        m_outline->setCourse(courseId, stack);
        m_settings->setCourse(courseId, stack);
        m_pages->setCurrentWidget(m_coursePage);
        m_message->hide();
        m_noneOpen->setTitle(tr("Open a course"));
        m_noneOpen->setText(tr("Select a course on the left to write its outline and lessons "
                               "and change its settings."));
    }
    updateHeader();
    updateActions();
    updateNarrow();
    if (changed)
        Q_EMIT courseOpened(courseId);
}

void AuthorWorkspace::afterUndo(CourseUndoStack *stack, const QString &focusId)
{
    m_holdSelection = false;
    const QString courseId = stack->courseId();
    if (m_courses->indexOf(courseId).isValid()) {
        openCourse(courseId);
        if (!focusId.isEmpty() && focusId != courseId)
            m_outline->selectRecord(focusId);
        return;
    }
    // The course is gone (an undone creation, a redone deletion): nothing is open, and the
    // stack stays active for the way back.
    {
        const QSignalBlocker blocker(m_list->selectionModel());
        m_list->selectionModel()->clear();
    }
    m_noneOpen->setTitle(tr("The course was removed"));
    m_noneOpen->setText(
        tr("Undo (%1) and Redo (%2) take it back and forth; it comes back as a "
           "draft.")
            .arg(AuthorStyle::keys(QKeySequence::Undo), AuthorStyle::keys(QKeySequence::Redo)));
    showCourse(QString());
}

void AuthorWorkspace::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void AuthorWorkspace::updateHeader()
{
    const QModelIndex index = m_courses->indexOf(m_courseId);
    if (!index.isValid())
        return;
    m_courseTitle->setText(index.data().toString());
    m_courseSubtitle->setText(index.data(CourseListModel::SubtitleRole).toString());
    const QString status = index.data(CourseListModel::StatusRole).toString();
    const QColor color = CourseDelegate::statusColor(status, palette());
    m_courseStatus->setText(CourseListModel::statusTitle(status));
    m_courseStatus->setStyleSheet(
        QStringLiteral("QLabel { color: %1; background: rgba(%2, %3, %4, 40); border-radius: 10px;"
                       " padding: 2px 10px; font-weight: 600; }")
            .arg(color.name())
            .arg(color.red())
            .arg(color.green())
            .arg(color.blue()));
    m_courseUnsynced->setVisible(index.data(SyncMark::Role).toBool());
}

bool AuthorWorkspace::isCourseListShown() const
{
    return m_coursePanel->isVisibleTo(this);
}

void AuthorWorkspace::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateNarrow();
}

void AuthorWorkspace::updateNarrow()
{
    // Narrow with a course open: the course gets the room. Without one, the list is what there
    // is to see.
    const bool narrow = width() < narrowWidth && !m_courseId.isEmpty();
    m_showCourses->setVisible(width() < narrowWidth);
    // Only crossings decide; between them the button is the person's to use.
    if (narrow == m_narrow)
        return;
    m_narrow = narrow;
    m_showCourses->setChecked(!narrow);
}

void AuthorWorkspace::updateActions()
{
    const QModelIndex index = m_courses->indexOf(m_courseId);
    const bool open = index.isValid();
    const QString status = index.data(CourseListModel::StatusRole).toString();
    m_new->setEnabled(m_sync && m_sync->store());
    for (QAction *action : {m_duplicate, m_publish, m_archive, m_delete, m_preview})
        action->setEnabled(open);
    m_publish->setText(status == u"published" ? tr("Un&publish") : tr("&Publish"));
    m_publish->setIcon(QIcon(status == u"published" ? QStringLiteral(":/icons/unpublish.svg")
                                                    : QStringLiteral(":/icons/publish.svg")));
    m_publish->setToolTip(status == u"published"
                              ? tr("Make the course a draft again: learners no longer see it")
                              : tr("Let the course's learners see it"));
    m_archive->setText(status == u"archived" ? tr("Un&archive") : tr("&Archive"));
    m_archive->setToolTip(status == u"archived"
                              ? tr("Bring the course back as a draft")
                              : tr("Close the course: it stays readable, nobody can enroll"));
}

void AuthorWorkspace::updateListState()
{
    QWidget *shown = m_list;
    if (m_courses->rowCount() == 0) {
        shown = m_noCourses;
    } else if (m_filter->rowCount() == 0) {
        shown = m_noMatch;
        const QString search = m_search->text().trimmed();
        m_noMatch->setText(search.isEmpty()
                               ? tr("No course has this status and term.")
                               : tr("Nothing matches “%1” with these filters.").arg(search));
    }
    m_listStack->setCurrentWidget(shown);
}

void AuthorWorkspace::updateTerms(const QStringList &terms)
{
    const QString current = m_termFilter->currentData().toString();
    const QSignalBlocker blocker(m_termFilter);
    m_termFilter->clear();
    m_termFilter->addItem(tr("All terms"), QString());
    for (const QString &term : terms)
        m_termFilter->addItem(term, term);
    const int index = m_termFilter->findData(current);
    m_termFilter->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && !current.isEmpty()) {
        m_filter->setTerm(QString());
        updateListState();
    }
}

void AuthorWorkspace::storeChanged()
{
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    if (store == m_store)
        return;
    // Another account (or none): its courses have nothing to undo.
    m_store = store;
    m_list->selectionModel()->clear();
    showCourse(QString());
    qDeleteAll(m_stacks);
    m_stacks.clear();
    updateActions();
}

bool AuthorWorkspace::createCourse(const QString &courseId, const QList<RecordState> &records,
                                   const QString &text)
{
    CourseUndoStack *stack = stackFor(courseId, true);
    m_holdSelection = true;
    const Result<void> made
        = stack->perform(new RecordTreeCommand(stack, RecordTreeCommand::Create, records, text));
    m_holdSelection = false;
    if (!made) {
        m_stacks.remove(courseId);
        delete stack;
        showMessage(made.error().message);
        return false;
    }
    openCourse(courseId);
    m_tabs->setCurrentWidget(m_outline);
    return true;
}

void AuthorWorkspace::newCourse()
{
    if (!m_sync || !m_sync->store())
        return;
    auto *dialog = new NewCourseDialog(m_sync, m_courses->terms(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QJsonObject fields = dialog->course();
        const QString id = createUuidV7String();
        createCourse(id, {{courseEntity, id, fields}},
                     tr("Create the course “%1”").arg(fields.value(u"title").toString()));
    });
    dialog->open();
}

void AuthorWorkspace::duplicateCourse()
{
    if (!m_sync || !m_sync->store() || m_courseId.isEmpty())
        return;
    const QList<RecordState> source
        = RecordTree::snapshot(m_sync->store(), courseEntity, m_courseId);
    const QList<RecordState> copy
        = RecordTree::duplicateCourse(source, m_sync->store()->list(courseEntity));
    if (copy.isEmpty())
        return;
    createCourse(copy.first().id, copy,
                 tr("Duplicate “%1”").arg(source.first().fields.value(u"title").toString()));
}

bool AuthorWorkspace::setStatus(const QString &status, const QString &text)
{
    CourseUndoStack *stack = stackFor(m_courseId, false);
    if (!stack || !m_sync)
        return false;
    const Result<void> done = stack->perform(
        new UpdateRecordsCommand(stack,
                                 {RecordChange::capture(m_sync->store(), courseEntity, m_courseId,
                                                        {{QStringLiteral("status"), status}})},
                                 text));
    if (!done)
        showMessage(done.error().message);
    return bool(done);
}

void AuthorWorkspace::togglePublished()
{
    const QModelIndex index = m_courses->indexOf(m_courseId);
    if (!index.isValid())
        return;
    const bool published = index.data(CourseListModel::StatusRole).toString() == u"published";
    const QString title = index.data().toString();
    setStatus(published ? QStringLiteral("draft") : QStringLiteral("published"),
              published ? tr("Unpublish “%1”").arg(title) : tr("Publish “%1”").arg(title));
}

void AuthorWorkspace::toggleArchived()
{
    const QModelIndex index = m_courses->indexOf(m_courseId);
    if (!index.isValid())
        return;
    const bool archived = index.data(CourseListModel::StatusRole).toString() == u"archived";
    const QString title = index.data().toString();
    setStatus(archived ? QStringLiteral("draft") : QStringLiteral("archived"),
              archived ? tr("Unarchive “%1”").arg(title) : tr("Archive “%1”").arg(title));
}

void AuthorWorkspace::deleteCourse()
{
    const QModelIndex index = m_courses->indexOf(m_courseId);
    if (!index.isValid())
        return;
    const QString id = m_courseId;
    const QString title = index.data().toString();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete course"),
                                tr("Delete “%1” with its modules and items?").arg(title),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDeleteCourse"));
    box->setInformativeText(
        tr("Its learners lose access to it. Undo (%1) brings back its outline and lessons as a "
           "draft, but not its class list.")
            .arg(AuthorStyle::keys(QKeySequence::Undo)));
    QPushButton *remove = box->addButton(tr("Delete course"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmDeleteButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, remove, id, title](QAbstractButton *button) {
                if (button != remove)
                    return;
                CourseUndoStack *stack = stackFor(id, true);
                m_holdSelection = true;
                // No other course opens in its place: Undo stays with this one.
                m_list->selectionModel()->clear();
                const Result<void> done = stack->perform(
                    new RecordTreeCommand(stack, RecordTreeCommand::Remove,
                                          {{courseEntity, id, {}}}, tr("Delete “%1”").arg(title)));
                m_holdSelection = false;
                if (!done) {
                    showMessage(done.error().message);
                    openCourse(id);
                    return;
                }
                m_undoGroup->setActiveStack(stack);
                afterUndo(stack, QString());
                m_noneOpen->setTitle(tr("“%1” was deleted").arg(title));
            });
    box->open();
}

void AuthorWorkspace::previewCourse()
{
    if (!m_courseId.isEmpty())
        Q_EMIT previewRequested(m_courseId);
}

} // namespace Lectern::Client
