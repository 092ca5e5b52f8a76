#include "courseoutlinepage.h"

#include "authorstyle.h"
#include "contentitemdialog.h"
#include "courseundostack.h"
#include "emptystate.h"
#include "lessoneditor.h"
#include "outlinedelegate.h"
#include "outlinemodel.h"
#include "outlineview.h"
#include "unlockdatedialog.h"

#include <QAction>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <lectern/client/sync/synccontroller.h>

namespace Lectern::Client {

CourseOutlinePage::CourseOutlinePage(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_model(new OutlineModel(sync, this))
    , m_view(new OutlineView(this))
    , m_toolBar(new QToolBar(this))
    , m_message(new QLabel(this))
    , m_outlineStack(new QStackedWidget(this))
    , m_side(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("courseOutlinePage"));
    m_view->setModel(m_model);

    m_addModule = AuthorStyle::makeAction(this, QStringLiteral("addModuleAction"),
                                          tr("Add &module"), QStringLiteral("module"),
                                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_addLesson = AuthorStyle::makeAction(this, QStringLiteral("addLessonAction"),
                                          tr("Add &lesson"), QStringLiteral("lesson"),
                                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_addLink = AuthorStyle::makeAction(this, QStringLiteral("addLinkAction"), tr("Add li&nk…"),
                                        QStringLiteral("link"));
    m_addVideo = AuthorStyle::makeAction(this, QStringLiteral("addVideoAction"), tr("Add &video…"),
                                         QStringLiteral("video"));
    m_addFile = AuthorStyle::makeAction(this, QStringLiteral("addFileAction"), tr("Add &file…"),
                                        QStringLiteral("file"));
    m_moveUp
        = AuthorStyle::makeAction(this, QStringLiteral("moveUpAction"), tr("Move &up"),
                                  QStringLiteral("moveup"), QKeySequence(Qt::CTRL | Qt::Key_Up));
    m_moveUp->setToolTip(tr("Move up (%1). The first item of a module goes to the end of the "
                            "module above.")
                             .arg(AuthorStyle::keys(m_moveUp->shortcut())));
    m_moveDown = AuthorStyle::makeAction(this, QStringLiteral("moveDownAction"), tr("Move do&wn"),
                                         QStringLiteral("movedown"),
                                         QKeySequence(Qt::CTRL | Qt::Key_Down));
    m_moveDown->setToolTip(tr("Move down (%1). The last item of a module goes to the start of "
                              "the module below.")
                               .arg(AuthorStyle::keys(m_moveDown->shortcut())));
    m_rename = AuthorStyle::makeAction(this, QStringLiteral("renameAction"), tr("&Rename"),
                                       QString(), QKeySequence(Qt::Key_F2));
    m_publish = AuthorStyle::makeAction(this, QStringLiteral("publishAction"), tr("&Published"),
                                        QStringLiteral("publish"));
    m_publish->setCheckable(true);
    m_publish->setToolTip(tr("Published: learners can see it (Space in the outline)"));
    m_unlock = AuthorStyle::makeAction(this, QStringLiteral("unlockDateAction"),
                                       tr("Unlock &date…"), QStringLiteral("unlock"));
    m_unlock->setToolTip(tr("When learners can open it"));
    m_editAddress = AuthorStyle::makeAction(this, QStringLiteral("editAddressAction"),
                                            tr("Edit &address…"), QStringLiteral("link"));
    m_remove
        = AuthorStyle::makeAction(this, QStringLiteral("removeAction"), tr("Re&move…"),
                                  QStringLiteral("delete"), QKeySequence(QKeySequence::Delete));
    // Delete, F2 and the moves belong to the tree: in the lesson editor beside it the same keys
    // edit text.
    for (QAction *action : {m_remove, m_rename, m_moveUp, m_moveDown}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_view->addAction(action);
    }

    connect(m_addModule, &QAction::triggered, this, &CourseOutlinePage::addModule);
    connect(m_addLesson, &QAction::triggered, this, &CourseOutlinePage::addLesson);
    connect(m_addLink, &QAction::triggered, this, &CourseOutlinePage::addLink);
    connect(m_addVideo, &QAction::triggered, this, &CourseOutlinePage::addVideo);
    connect(m_addFile, &QAction::triggered, this, &CourseOutlinePage::addFile);
    connect(m_moveUp, &QAction::triggered, this, &CourseOutlinePage::moveUp);
    connect(m_moveDown, &QAction::triggered, this, &CourseOutlinePage::moveDown);
    connect(m_rename, &QAction::triggered, this, &CourseOutlinePage::rename);
    connect(m_publish, &QAction::triggered, this, &CourseOutlinePage::setPublished);
    connect(m_unlock, &QAction::triggered, this, &CourseOutlinePage::editUnlockDate);
    connect(m_editAddress, &QAction::triggered, this, &CourseOutlinePage::editAddress);
    connect(m_remove, &QAction::triggered, this, &CourseOutlinePage::removeSelected);

    m_toolBar->setObjectName(QStringLiteral("outlineToolBar"));
    m_toolBar->setIconSize(QSize(18, 18));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_addModule);
    m_toolBar->addAction(m_addLesson);
    auto *more = new QToolButton(m_toolBar);
    more->setObjectName(QStringLiteral("addItemButton"));
    more->setText(tr("Add item"));
    more->setIcon(QIcon(QStringLiteral(":/icons/add.svg")));
    more->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    more->setPopupMode(QToolButton::InstantPopup);
    auto *addMenu = new QMenu(more);
    addMenu->addAction(m_addLink);
    addMenu->addAction(m_addVideo);
    addMenu->addAction(m_addFile);
    more->setMenu(addMenu);
    m_toolBar->addWidget(more);
    m_toolBar->addSeparator();
    // The arrows say what they do in their tool tips.
    for (QAction *action : {m_moveUp, m_moveDown}) {
        m_toolBar->addAction(action);
        if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action)))
            button->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_publish);
    m_toolBar->addAction(m_unlock);
    m_toolBar->addAction(m_remove);

    m_message->setObjectName(QStringLiteral("outlineMessage"));
    AuthorStyle::makeErrorLabel(m_message);
    m_message->setContentsMargins(AuthorStyle::margin, 6, AuthorStyle::margin, 6);
    m_message->hide();
    connect(m_model, &OutlineModel::errorOccurred, this, &CourseOutlinePage::showMessage);

    // The tree, with a line on how to use it from the keyboard.
    auto *hint = new QLabel(tr("Drag to reorder, or %1 / %2 · F2 renames · Space publishes · "
                               "Delete removes")
                                .arg(AuthorStyle::keys(m_moveUp->shortcut()),
                                     AuthorStyle::keys(m_moveDown->shortcut())),
                            this);
    hint->setObjectName(QStringLiteral("outlineHint"));
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    QFont small = hint->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    hint->setFont(small);
    hint->setContentsMargins(AuthorStyle::spacing, 4, AuthorStyle::spacing, 6);
    auto *treePage = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(0);
    treeLayout->addWidget(m_view, 1);
    treeLayout->addWidget(hint);
    m_emptyOutline = new EmptyState(
        QStringLiteral(":/icons/module.svg"), tr("This course has no modules yet"),
        tr("Modules hold the course's lessons, links, videos and files, in the order learners "
           "meet them."),
        this);
    m_emptyOutline->setObjectName(QStringLiteral("emptyOutline"));
    m_emptyOutline->setAction(m_addModule);
    m_outlineStack->addWidget(treePage);
    m_outlineStack->addWidget(m_emptyOutline);

    // The right side.
    m_nothingSelected
        = new EmptyState(QStringLiteral(":/icons/lesson.svg"), tr("Select a lesson to write it"),
                         tr("Or select a module or an item to see its details."), this);
    m_nothingSelected->setObjectName(QStringLiteral("nothingSelected"));
    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("outlineDetails"));
    m_detailIcon = new QLabel(m_details);
    m_detailTitle = new QLabel(m_details);
    m_detailTitle->setObjectName(QStringLiteral("detailTitle"));
    m_detailTitle->setWordWrap(true);
    m_detailTitle->setTextFormat(Qt::PlainText);
    QFont titleFont = m_detailTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_detailTitle->setFont(titleFont);
    m_detailMeta = new QLabel(m_details);
    m_detailMeta->setObjectName(QStringLiteral("detailMeta"));
    m_detailMeta->setWordWrap(true);
    m_detailMeta->setForegroundRole(QPalette::PlaceholderText);
    m_detailAddress = new QLabel(m_details);
    m_detailAddress->setObjectName(QStringLiteral("detailAddress"));
    m_detailAddress->setTextFormat(Qt::RichText);
    m_detailAddress->setOpenExternalLinks(true);
    m_detailAddress->setWordWrap(true);
    m_detailAddress->setTextInteractionFlags(Qt::TextBrowserInteraction);
    auto *detailButtons = new QHBoxLayout;
    detailButtons->setSpacing(AuthorStyle::spacing);
    const auto detailButton = [this, detailButtons](QAction *action) {
        auto *button = new QToolButton(m_details);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(false);
        detailButtons->addWidget(button);
        return button;
    };
    detailButton(m_publish);
    detailButton(m_unlock);
    m_detailEditAddress = detailButton(m_editAddress);
    m_detailAddLesson = detailButton(m_addLesson);
    detailButtons->addStretch();
    auto *top = new QHBoxLayout;
    top->setSpacing(10);
    top->addWidget(m_detailIcon, 0, Qt::AlignTop);
    top->addWidget(m_detailTitle, 1);
    auto *detailsLayout = new QVBoxLayout(m_details);
    detailsLayout->setContentsMargins(AuthorStyle::margin * 2, AuthorStyle::margin * 2,
                                      AuthorStyle::margin * 2, AuthorStyle::margin);
    detailsLayout->setSpacing(AuthorStyle::spacing);
    detailsLayout->addLayout(top);
    detailsLayout->addWidget(m_detailMeta);
    detailsLayout->addWidget(m_detailAddress);
    detailsLayout->addSpacing(AuthorStyle::spacing);
    detailsLayout->addLayout(detailButtons);
    detailsLayout->addStretch();

    m_editor = new LessonEditor(sync, this);
    m_editor->setObjectName(QStringLiteral("lessonEditor"));
    m_lessonPage = m_editor;
    m_side->addWidget(m_nothingSelected);
    m_side->addWidget(m_details);
    m_side->addWidget(m_lessonPage);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(0);
    leftLayout->addWidget(m_outlineStack, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("outlineSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_side);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    // Both fit beside the course list at 1024 px; the lesson editor shows its Markdown and its
    // preview one at a time when it is this narrow.
    left->setMinimumWidth(240);
    m_side->setMinimumWidth(300);
    splitter->setSizes({380, 620});

    // The outline's tool bar spans the tab, so all of it fits beside the lesson editor's.
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

    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &CourseOutlinePage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &CourseOutlinePage::showCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CourseOutlinePage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CourseOutlinePage::showCurrent);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &CourseOutlinePage::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &CourseOutlinePage::showCurrent);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &CourseOutlinePage::showCurrent);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CourseOutlinePage::showCurrent);
    showCurrent();
}

QList<QAction *> CourseOutlinePage::outlineActions() const
{
    return {m_addModule, m_addLesson, m_addLink, m_addVideo, m_addFile,     m_moveUp,
            m_moveDown,  m_rename,    m_publish, m_unlock,   m_editAddress, m_remove};
}

void CourseOutlinePage::setCourse(const QString &courseId, CourseUndoStack *stack)
{
    m_stack = stack;
    m_model->setUndoStack(stack);
    if (courseId != m_model->courseId()) {
        m_model->setCourseId(courseId);
        m_message->hide();
        if (m_editor)
            m_editor->setContentId(QString());
    }
    showCurrent();
}

QString CourseOutlinePage::courseId() const
{
    return m_model->courseId();
}

void CourseOutlinePage::selectRecord(const QString &id)
{
    m_view->selectRecord(id);
}

void CourseOutlinePage::showMessage(const QString &message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString CourseOutlinePage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

bool CourseOutlinePage::insertionPoint(QString *moduleId, int *index) const
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && !m_model->isModule(current)) {
        *moduleId = m_model->idOf(current.parent());
        *index = current.row() + 1;
        return true;
    }
    if (current.isValid()) {
        *moduleId = m_model->idOf(current);
        *index = -1;
        return true;
    }
    const int modules = m_model->rowCount();
    if (modules == 0)
        return false;
    *moduleId = m_model->idOf(m_model->index(modules - 1, 0));
    *index = -1;
    return true;
}

void CourseOutlinePage::addModule()
{
    const QModelIndex current = m_view->currentIndex();
    int index = -1;
    if (current.isValid())
        index = (m_model->isModule(current) ? current.row() : current.parent().row()) + 1;
    const Result<QString> added = m_model->addModule(tr("New module"), index);
    if (!added)
        return;
    // Named in place, as a new folder is.
    m_view->selectRecord(*added);
    m_view->setFocus();
    m_view->edit(m_view->currentIndex());
}

void CourseOutlinePage::addLesson()
{
    QString moduleId;
    int index = -1;
    if (!insertionPoint(&moduleId, &index))
        return;
    const Result<QString> added = m_model->addLesson(moduleId, tr("New lesson"), index);
    if (!added)
        return;
    m_view->selectRecord(*added);
    m_view->setFocus();
    m_view->edit(m_view->currentIndex());
}

void CourseOutlinePage::addLink()
{
    addWithDialog(QStringLiteral("link"));
}

void CourseOutlinePage::addVideo()
{
    addWithDialog(QStringLiteral("video"));
}

void CourseOutlinePage::addFile()
{
    addWithDialog(QStringLiteral("file"));
}

void CourseOutlinePage::addWithDialog(const QString &type)
{
    QString moduleId;
    int index = -1;
    if (!insertionPoint(&moduleId, &index))
        return;
    auto *dialog = new ContentItemDialog(type, m_model->courseId(),
                                         m_sync ? m_sync->store() : nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, type, moduleId, index] {
        const Result<QString> added
            = m_model->addItem(moduleId, type, dialog->title(), dialog->fields(), index);
        if (added)
            m_view->selectRecord(*added);
    });
    dialog->open();
}

void CourseOutlinePage::removeSelected()
{
    const QStringList ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    QString text;
    if (ids.size() == 1) {
        const QModelIndex index = m_model->indexOf(ids.first());
        const int items = m_model->isModule(index) ? m_model->rowCount(index) : 0;
        text = items > 0 ? tr("Remove the module “%1” and the %n items in it?", nullptr, items)
                               .arg(index.data().toString())
                         : tr("Remove “%1”?").arg(index.data().toString());
    } else {
        text = tr("Remove the %n selected records?", nullptr, int(ids.size()));
    }
    auto *box
        = new QMessageBox(QMessageBox::Question, tr("Remove"), text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    box->setInformativeText(tr("Learners will no longer see it. You can undo this (%1).")
                                .arg(AuthorStyle::keys(QKeySequence::Undo)));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("confirmRemoveButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(remove);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, ids](QAbstractButton *button) {
        if (button != remove)
            return;
        // The row below (or above) becomes current, so the keyboard stays in the outline.
        const QModelIndex last = m_model->indexOf(ids.last());
        QString next;
        if (last.isValid()) {
            const QModelIndex below = last.sibling(last.row() + 1, 0);
            const QModelIndex above = last.sibling(ids.size() == 1 ? last.row() - 1 : -1, 0);
            next = m_model->idOf(below.isValid() ? below : above.isValid() ? above : last.parent());
        }
        if (m_model->removeRecords(ids) && !next.isEmpty())
            m_view->selectRecord(next);
    });
    box->open();
}

void CourseOutlinePage::moveUp()
{
    const QString id = m_view->currentId();
    if (!id.isEmpty() && m_model->moveBy(id, -1))
        m_view->selectRecord(id);
}

void CourseOutlinePage::moveDown()
{
    const QString id = m_view->currentId();
    if (!id.isEmpty() && m_model->moveBy(id, 1))
        m_view->selectRecord(id);
}

void CourseOutlinePage::rename()
{
    if (m_view->currentIndex().isValid()) {
        m_view->setFocus();
        m_view->edit(m_view->currentIndex());
    }
}

void CourseOutlinePage::setPublished(bool published)
{
    const QStringList ids = m_view->selectedIds();
    if (ids.isEmpty())
        return;
    // Several rows: one undo step.
    if (ids.size() > 1 && m_stack)
        m_stack->beginMacro(published ? tr("Publish %n records", nullptr, int(ids.size()))
                                      : tr("Unpublish %n records", nullptr, int(ids.size())));
    for (const QString &id : ids)
        m_model->setData(m_model->indexOf(id), published ? Qt::Checked : Qt::Unchecked,
                         Qt::CheckStateRole);
    if (ids.size() > 1 && m_stack)
        m_stack->endMacro();
    updateActions();
}

void CourseOutlinePage::editUnlockDate()
{
    const QString id = m_view->currentId();
    const QModelIndex index = m_model->indexOf(id);
    if (!index.isValid())
        return;
    auto *dialog = new UnlockDateDialog(index.data().toString(),
                                        index.data(OutlineModel::UnlockAtRole).toDateTime(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        m_model->setData(m_model->indexOf(id), dialog->unlockAt(), OutlineModel::UnlockAtRole);
    });
    dialog->open();
}

void CourseOutlinePage::editAddress()
{
    const QString id = m_view->currentId();
    const QModelIndex index = m_model->indexOf(id);
    const QString type = index.data(OutlineModel::TypeRole).toString();
    if (type != u"link" && type != u"video")
        return;
    auto *dialog = new ContentItemDialog(type, m_model->courseId(), nullptr, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setTitle(index.data().toString());
    dialog->setUrl(index.data(OutlineModel::UrlRole).toString());
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        const QModelIndex index = m_model->indexOf(id);
        const QString title = dialog->title();
        if (m_stack)
            m_stack->beginMacro(tr("Edit “%1”").arg(index.data().toString()));
        m_model->setData(index, dialog->fields().value(u"url").toString(), OutlineModel::UrlRole);
        m_model->setData(m_model->indexOf(id), title, Qt::EditRole);
        if (m_stack)
            m_stack->endMacro();
    });
    dialog->open();
}

void CourseOutlinePage::updateActions()
{
    const bool open = !m_model->courseId().isEmpty();
    const bool hasModules = m_model->rowCount() > 0;
    const QModelIndex current = m_view->currentIndex();
    const QStringList selected = m_view->selectedIds();
    const QString type = current.data(OutlineModel::TypeRole).toString();
    m_addModule->setEnabled(open);
    for (QAction *action : {m_addLesson, m_addLink, m_addVideo, m_addFile}) {
        action->setEnabled(open && hasModules);
        // Why it is disabled, and nothing once it is not (the hint stayed after the first module).
        action->setStatusTip(hasModules ? QString() : tr("Add a module first"));
    }
    m_moveUp->setEnabled(current.isValid());
    m_moveDown->setEnabled(current.isValid());
    m_rename->setEnabled(current.isValid());
    m_publish->setEnabled(!selected.isEmpty());
    {
        const QSignalBlocker blocker(m_publish);
        m_publish->setChecked(current.isValid()
                              && current.data(OutlineModel::PublishedRole).toBool());
    }
    m_unlock->setEnabled(current.isValid());
    m_editAddress->setEnabled(type == u"link" || type == u"video");
    m_remove->setEnabled(!selected.isEmpty());
}

void CourseOutlinePage::showCurrent()
{
    m_outlineStack->setCurrentWidget(m_model->rowCount() > 0 || m_model->courseId().isEmpty()
                                         ? m_outlineStack->widget(0)
                                         : m_emptyOutline);
    updateActions();
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        if (m_editor)
            m_editor->setContentId(QString());
        m_side->setCurrentWidget(m_nothingSelected);
        return;
    }
    const QString type = current.data(OutlineModel::TypeRole).toString();
    const QString id = m_model->idOf(current);
    if (type == u"lesson" && m_editor) {
        if (m_editor->contentId() != id)
            m_editor->setContentId(id);
        m_side->setCurrentWidget(m_lessonPage);
        return;
    }
    if (m_editor)
        m_editor->setContentId(QString());
    m_detailIcon->setPixmap(OutlineModel::iconFor(type).pixmap(QSize(28, 28)));
    m_detailTitle->setText(current.data().toString());
    QStringList meta {OutlineModel::typeTitle(type)};
    if (m_model->isModule(current))
        meta.append(tr("%n items", nullptr, m_model->rowCount(current)));
    meta.append(current.data(OutlineModel::PublishedRole).toBool()
                    ? tr("published")
                    : tr("not published: only staff can see it"));
    const QString unlock = OutlineDelegate::unlockText(current);
    if (!unlock.isEmpty())
        meta.append(unlock.toLower());
    m_detailMeta->setText(meta.join(QStringLiteral(" · ")));
    const QString url = current.data(OutlineModel::UrlRole).toString();
    m_detailAddress->setText(url.isEmpty() ? QString()
                                           : QStringLiteral("<a href=\"%1\">%2</a>")
                                                 .arg(url.toHtmlEscaped(), url.toHtmlEscaped()));
    m_detailAddress->setVisible(!url.isEmpty());
    m_detailEditAddress->setVisible(type == u"link" || type == u"video");
    m_detailAddLesson->setVisible(m_model->isModule(current));
    m_side->setCurrentWidget(m_details);
}

void CourseOutlinePage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    QMenu menu(this);
    if (index.isValid()) {
        menu.addAction(m_rename);
        menu.addAction(m_publish);
        menu.addAction(m_unlock);
        if (m_editAddress->isEnabled())
            menu.addAction(m_editAddress);
        menu.addSeparator();
        menu.addAction(m_moveUp);
        menu.addAction(m_moveDown);
        menu.addSeparator();
    }
    menu.addAction(m_addModule);
    menu.addAction(m_addLesson);
    menu.addAction(m_addLink);
    menu.addAction(m_addVideo);
    menu.addAction(m_addFile);
    if (index.isValid()) {
        menu.addSeparator();
        menu.addAction(m_remove);
    }
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace Lectern::Client
