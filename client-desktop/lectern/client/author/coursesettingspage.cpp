#include "coursesettingspage.h"

#include "authorstyle.h"
#include "courseform.h"
#include "courseundostack.h"
#include "updaterecordscommand.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>

namespace Lectern::Client {

CourseSettingsPage::CourseSettingsPage(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_form(new CourseForm(CourseForm::Mode::Settings, this))
    , m_save(new QPushButton(tr("&Save changes"), this))
    , m_revert(new QPushButton(tr("&Revert"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("courseSettingsPage"));
    m_save->setObjectName(QStringLiteral("saveSettingsButton"));
    m_save->setDefault(true);
    m_save->setToolTip(
        tr("Save the changed settings (%1)")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_revert->setObjectName(QStringLiteral("revertSettingsButton"));
    m_note->setObjectName(QStringLiteral("settingsNote"));
    m_note->setWordWrap(true);
    m_note->setForegroundRole(QPalette::PlaceholderText);

    auto *save = new QAction(this);
    save->setShortcut(QKeySequence::Save);
    save->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(save);
    connect(save, &QAction::triggered, this, &CourseSettingsPage::save);
    connect(m_save, &QPushButton::clicked, this, &CourseSettingsPage::save);
    connect(m_revert, &QPushButton::clicked, this, &CourseSettingsPage::revert);
    connect(m_form, &CourseForm::edited, this, &CourseSettingsPage::updateButtons);

    // The form keeps a readable width on wide windows and scrolls on short ones.
    auto *inner = new QWidget;
    inner->setMaximumWidth(760);
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->setContentsMargins(AuthorStyle::margin * 2, AuthorStyle::margin,
                                    AuthorStyle::margin * 2, AuthorStyle::margin);
    innerLayout->addWidget(m_form);
    auto *holder = new QWidget;
    auto *holderLayout = new QHBoxLayout(holder);
    holderLayout->setContentsMargins(0, 0, 0, 0);
    holderLayout->addWidget(inner, 1);
    holderLayout->addStretch(0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(holder);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // its fields take focus, not the frame around them
    // Fields (Base) stand out on the window's colour.
    scroll->setBackgroundRole(QPalette::Window);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(AuthorStyle::margin * 2, AuthorStyle::spacing, AuthorStyle::margin,
                            AuthorStyle::margin);
    bar->setSpacing(AuthorStyle::spacing);
    bar->addWidget(m_note, 1);
    bar->addWidget(m_revert);
    bar->addWidget(m_save);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setForegroundRole(QPalette::Mid);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(scroll, 1);
    layout->addWidget(line);
    layout->addLayout(bar);

    if (sync)
        connect(sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            if (entities.contains(Entities::course().name))
                reload();
        });
    updateButtons();
}

void CourseSettingsPage::setCourse(const QString &courseId, CourseUndoStack *stack)
{
    m_stack = stack;
    if (courseId == m_courseId)
        return;
    m_courseId = courseId;
    m_form->setCourse({});
    reload();
}

void CourseSettingsPage::reload()
{
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    const std::optional<LocalRecord> course = store && !m_courseId.isEmpty()
        ? store->record(Entities::course().name, m_courseId)
        : std::nullopt;
    if (!course) {
        setEnabled(false);
        return;
    }
    setEnabled(true);
    if (m_form->isModified()) {
        // Someone else's change (or an undo) under the person's edits: keep theirs on screen.
        m_note->setText(tr("This course changed meanwhile. Save to keep your changes, or "
                           "revert to see the course as it is now."));
        return;
    }
    QStringList terms;
    for (const LocalRecord &other : store->list(Entities::course().name)) {
        const QString term = other.fields.value(u"term").toString();
        if (!term.isEmpty() && !terms.contains(term))
            terms.append(term);
    }
    m_form->setTermSuggestions(terms);
    m_form->setCourse(course->fields);
    updateButtons();
}

void CourseSettingsPage::updateButtons()
{
    const bool modified = m_form->isModified();
    m_save->setEnabled(modified);
    m_revert->setEnabled(modified);
    if (modified)
        m_note->setText(tr("Changes are saved on this computer and synced when it is online."));
    else
        m_note->clear();
}

bool CourseSettingsPage::save()
{
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    if (!store || !m_stack || m_courseId.isEmpty())
        return false;
    const QJsonObject changes = m_form->changes();
    if (changes.isEmpty())
        return true;
    if (!m_form->validate(store->list(Entities::course().name), m_courseId))
        return false;
    const QString title = store->record(Entities::course().name, m_courseId)
                              .value_or(LocalRecord())
                              .fields.value(u"title")
                              .toString();
    const RecordChange change
        = RecordChange::capture(store, Entities::course().name, m_courseId, changes);
    const Result<void> saved = m_stack->perform(
        new UpdateRecordsCommand(m_stack, {change}, tr("Edit the settings of “%1”").arg(title)));
    if (!saved) {
        const ValidationErrors errors = ValidationErrors::fromError(saved.error());
        if (!errors.isEmpty())
            m_form->showErrors(errors);
        m_note->setText(saved.error().message);
        return false;
    }
    m_form->setCourse(
        store->record(Entities::course().name, m_courseId).value_or(LocalRecord()).fields);
    updateButtons();
    return true;
}

void CourseSettingsPage::revert()
{
    LocalStore *store = m_sync ? m_sync->store() : nullptr;
    if (store)
        m_form->setCourse(
            store->record(Entities::course().name, m_courseId).value_or(LocalRecord()).fields);
    updateButtons();
}

} // namespace Lectern::Client
