#include "classlistpane.h"

#include "../apiclient.h"
#include "../session.h"
#include "../sync/synccontroller.h"
#include "classlistmodel.h"
#include "enrolldialog.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <lectern/client/theme.h>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

namespace {

constexpr int pageSize = 100; // the API's largest page

// The progress column as a slim bar with its words beside it (students only): the words stay in
// the row's own text colour, readable in a selected row and in either theme.
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const int percent = index.data(ClassListModel::PercentRole).toInt();
        if (percent < 0) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);

        const bool selected = option.state & QStyle::State_Selected;
        const QPalette &pal = option.palette;
        const QColor text = pal.color(selected ? QPalette::HighlightedText : QPalette::Text);
        const QRect cell = option.rect.adjusted(6, 0, -6, 0);
        const QString words = index.data(Qt::DisplayRole).toString();
        // A pixel or two to spare: elidedText() rounds the text's width up where
        // horizontalAdvance() does not.
        const int wordsWidth
            = std::min(option.fontMetrics.horizontalAdvance(words) + 2, cell.width());
        const QRect wordsRect(cell.right() - wordsWidth + 1, cell.top(), wordsWidth, cell.height());
        const QRect bar(cell.left(), cell.center().y() - 3, cell.width() - wordsWidth - 8, 6);

        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        if (bar.width() >= 24) {
            QColor groove = text;
            groove.setAlphaF(0.18);
            painter->setPen(Qt::NoPen);
            painter->setBrush(groove);
            painter->drawRoundedRect(bar, 3, 3);
            QRect done = bar;
            done.setWidth(bar.width() * std::clamp(percent, 0, 100) / 100);
            if (done.width() > 0) {
                painter->setBrush(selected ? text : pal.color(QPalette::Highlight));
                painter->drawRoundedRect(done, 3, 3);
            }
        }
        painter->setPen(text);
        painter->setFont(option.font);
        painter->drawText(wordsRect, Qt::AlignRight | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(words, Qt::ElideRight, wordsRect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setWidth(qMax(size.width(), 160));
        return size;
    }
};

QString roleAction(const QString &role)
{
    if (role == u"student")
        return ClassListPane::tr("Make student");
    if (role == u"ta")
        return ClassListPane::tr("Make teaching assistant");
    return ClassListPane::tr("Make instructor");
}

} // namespace

ClassListPane::ClassListPane(Session *session, SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_sync(sync)
    , m_model(new ClassListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("classListPane"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ClassListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);

    // No title: the pane is the course's "Class list" tab, which says so already, and at
    // 1024 px the actions need the room (in French a title was cut off).
    auto *top = new QHBoxLayout;
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("classListFilter"));
    m_filter->setPlaceholderText(tr("Filter by name, email, role or status"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(200);
    top->addWidget(m_filter, 1);
    m_enrollButton = new QPushButton(QIcon(QStringLiteral(":/icons/enroll.svg")), tr("&Enroll…"));
    m_enrollButton->setObjectName(QStringLiteral("enrollButton"));
    top->addWidget(m_enrollButton);
    m_roleButton = new QToolButton;
    m_roleButton->setObjectName(QStringLiteral("changeRoleButton"));
    m_roleButton->setText(tr("Change &role"));
    m_roleButton->setPopupMode(QToolButton::InstantPopup);
    m_roleButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *roleMenu = new QMenu(m_roleButton);
    for (const QString &role :
         {QStringLiteral("student"), QStringLiteral("ta"), QStringLiteral("instructor")}) {
        QAction *action = roleMenu->addAction(roleAction(role));
        action->setObjectName(QStringLiteral("makeRole_") + role);
        connect(action, &QAction::triggered, this, [this, role] { changeRoleOfSelected(role); });
    }
    m_roleButton->setMenu(roleMenu);
    top->addWidget(m_roleButton);
    m_unenrollButton
        = new QPushButton(QIcon(QStringLiteral(":/icons/delete.svg")), tr("&Unenroll"));
    m_unenrollButton->setObjectName(QStringLiteral("unenrollButton"));
    top->addWidget(m_unenrollButton);
    m_refreshButton = new QToolButton;
    m_refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_refreshButton->setIcon(QIcon(QStringLiteral(":/icons/syncing.svg")));
    m_refreshButton->setToolTip(tr("Read the class list from the server again"));
    m_refreshButton->setAutoRaise(true);
    top->addWidget(m_refreshButton);
    layout->addLayout(top);

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("classListNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);

    m_stack = new QStackedWidget;
    m_view = new QTableView;
    m_view->setObjectName(QStringLiteral("classListView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ClassListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Names take the room there is; the progress bar keeps a readable width.
    QHeaderView *header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ClassListModel::NameColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ClassListModel::ProgressColumn, QHeaderView::Fixed);
    header->resizeSection(ClassListModel::ProgressColumn, 200);
    m_view->setItemDelegateForColumn(ClassListModel::ProgressColumn, new ProgressDelegate(m_view));
    m_stack->addWidget(m_view);
    m_empty = new QLabel;
    m_empty->setObjectName(QStringLiteral("classListEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_enrollButton, &QPushButton::clicked, this, &ClassListPane::openEnrollDialog);
    connect(m_unenrollButton, &QPushButton::clicked, this, &ClassListPane::unenrollSelected);
    connect(m_refreshButton, &QToolButton::clicked, this, &ClassListPane::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClassListPane::updateActions);
    // Enrollments and progress events reach this device by sync (the staff pull the course's):
    // when some arrive, the class list is read again, once for a burst of them.
    m_staleTimer.setSingleShot(true);
    m_staleTimer.setInterval(1000);
    connect(&m_staleTimer, &QTimer::timeout, this, [this] {
        if (isVisible() && !m_offline && !m_busy)
            refresh();
        else
            m_stale = true;
    });
    if (m_sync) {
        m_syncWasOnline = m_sync->status().online;
        connect(m_sync, &SyncController::statusChanged, this, &ClassListPane::onSyncStatus);
        connect(m_sync, &SyncController::recordsChanged, this, [this](const QStringList &entities) {
            if (!m_courseId.isEmpty()
                && (entities.contains(Entities::enrollment().name)
                    || entities.contains(Entities::progress().name)))
                m_staleTimer.start();
        });
    }
    updateActions();
}

ClassListPane::~ClassListPane() = default;

void ClassListPane::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale && !m_offline) {
        m_stale = false;
        refresh();
    }
}

QString ClassListPane::cachePath(const SyncController *sync, const QString &courseId)
{
    if (!sync || !sync->store() || courseId.isEmpty())
        return {};
    QString safe = courseId;
    safe.remove(u'/').remove(u'\\').remove(u'.');
    return QFileInfo(sync->store()->path())
        .absoluteDir()
        .filePath(QStringLiteral("classlists/") + safe + u".json");
}

void ClassListPane::setCourseId(const QString &courseId)
{
    if (courseId == m_courseId)
        return;
    m_courseId = courseId;
    ++m_generation; // answers about the previous course are dropped
    m_model->setEntries({});
    m_listedAt = QDateTime();
    m_offline = false;
    m_filter->clear();
    showNote(QString(), NoteKind::None);
    if (m_dialog)
        m_dialog->reject();
    // The copy first, so there is something to read while the server answers.
    loadCache();
    refresh();
}

QString ClassListPane::noteText() const
{
    return m_note->isVisible() ? m_note->text() : QString();
}

void ClassListPane::showNote(const QString &text, NoteKind kind)
{
    m_noteKind = text.isEmpty() ? NoteKind::None : kind;
    m_note->setText(text);
    Theme::setTone(m_note, kind == NoteKind::Problem ? Theme::Tone::Problem : Theme::Tone::Normal);
    m_note->setVisible(!text.isEmpty());
}

QString ClassListPane::offlineNote() const
{
    return tr("Class list as of %1 — connect to change enrollments")
        .arg(QLocale().toString(m_listedAt.toLocalTime(), QLocale::ShortFormat));
}

void ClassListPane::refresh()
{
    if (m_courseId.isEmpty() || !m_session)
        return;
    const quint64 generation = ++m_generation;
    m_stale = false;
    m_loading = true;
    updateActions();
    fetchPage(generation, 1, {});
}

void ClassListPane::fetchPage(quint64 generation, int page, const QJsonArray &sofar)
{
    m_session->authorizedGet(QStringLiteral("/api/v1/courses/%1/students?limit=%2&page=%3")
                                 .arg(m_courseId)
                                 .arg(pageSize)
                                 .arg(page),
                             this,
                             [this, generation, page, sofar](const Result<QJsonValue> &reply) {
                                 if (generation != m_generation)
                                     return;
                                 if (!reply) {
                                     goOffline(reply.error());
                                     return;
                                 }
                                 QJsonArray all = sofar;
                                 const QJsonArray items = reply->toArray();
                                 for (const QJsonValue &item : items)
                                     all.append(item);
                                 if (items.size() >= pageSize)
                                     fetchPage(generation, page + 1, all);
                                 else
                                     fetchProgress(generation, all);
                             });
}

void ClassListPane::fetchProgress(quint64 generation, const QJsonArray &classList)
{
    const QDateTime askedAt = QDateTime::currentDateTimeUtc();
    m_session->authorizedGet(
        QStringLiteral("/api/v1/courses/%1/progress").arg(m_courseId), this,
        [this, generation, classList, askedAt](const Result<QJsonValue> &reply) {
            if (generation != m_generation)
                return;
            // Without progress (an older server) the class list is still worth showing.
            const QJsonArray rows
                = reply ? reply->toObject().value(u"students").toArray() : QJsonArray();
            m_offline = false;
            showList(ClassListModel::entriesFrom(classList, rows), askedAt);
            saveCache();
            // What the last action did stays; an offline note or a failed read is over.
            if (m_noteKind != NoteKind::Action)
                showNote(QString(), NoteKind::None);
            m_loading = false;
            updateActions();
            Q_EMIT loaded();
        });
}

void ClassListPane::showList(const QList<ClassListEntry> &entries, const QDateTime &listedAt)
{
    // Keep the selection across the reset: people are picked by who they are.
    QSet<QString> selected;
    for (const ClassListEntry &e : selectedEntries())
        selected.insert(e.userId);
    m_model->setEntries(entries);
    m_listedAt = listedAt;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (selected.contains(index.data(ClassListModel::UserIdRole).toString()))
            m_view->selectionModel()->select(
                index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

    if (m_model->studentCount() > 0) {
        m_stack->setCurrentWidget(m_view);
    } else {
        QStringList staff;
        for (const ClassListEntry &e : entries) {
            if (e.status == u"enrolled")
                staff.append(tr("%1 (%2)").arg(e.name.toHtmlEscaped(),
                                               ClassListModel::roleWords(e.role).toLower()));
        }
        QString text = u"<p style='font-size: large;'><b>"
            + tr("Nobody is enrolled yet. Enroll students or a cohort.").toHtmlEscaped()
            + u"</b></p>";
        if (!staff.isEmpty())
            text += u"<p>" + tr("Teaching this course: %1").arg(staff.join(QStringLiteral(", ")))
                + u"</p>";
        m_empty->setText(text);
        m_stack->setCurrentWidget(m_empty);
    }
    updateActions();
}

void ClassListPane::goOffline(const Error &error)
{
    m_loading = false;
    const bool unreachable = error.code == QLatin1StringView(ClientErrorCode::NetworkUnreachable)
        || error.code == QLatin1StringView(ErrorCode::Unavailable)
        || (m_session && m_session->isOffline());
    if (!unreachable) {
        // The server answered no (a TA who lost the course, a course deleted meanwhile).
        m_offline = false;
        showNote(EnrollDialog::explain(error), NoteKind::Problem);
        if (error.code == QLatin1StringView(ErrorCode::NotFound)
            || error.code == QLatin1StringView(ErrorCode::Forbidden))
            showList({}, QDateTime());
        updateActions();
        Q_EMIT loaded();
        return;
    }
    m_offline = true;
    if (m_listedAt.isValid() || loadCache()) {
        showNote(offlineNote(), NoteKind::Offline);
    } else {
        showList({}, QDateTime());
        m_empty->setText(
            u"<p>"
            + tr("The class list cannot be shown: the server cannot be reached and this "
                 "computer has no copy of it yet. Connect to see and change enrollments.")
                  .toHtmlEscaped()
            + u"</p>");
        showNote(tr("Offline — connect to change enrollments"), NoteKind::Offline);
    }
    updateActions();
    Q_EMIT loaded();
}

bool ClassListPane::loadCache()
{
    QFile file(cachePath(m_sync, m_courseId));
    if (file.fileName().isEmpty() || !file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    if (json.value(u"courseId").toString() != m_courseId)
        return false;
    QList<ClassListEntry> entries;
    for (const QJsonValue &value : json.value(u"entries").toArray())
        entries.append(ClassListEntry::fromJson(value.toObject()));
    showList(entries, Json::toDateTime(json.value(u"listedAt")));
    return true;
}

void ClassListPane::saveCache() const
{
    const QString path = cachePath(m_sync, m_courseId);
    if (path.isEmpty())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QJsonArray entries;
    for (const ClassListEntry &e : m_model->entries())
        entries.append(e.toJson());
    const QJsonObject json {{QStringLiteral("courseId"), m_courseId},
                            {QStringLiteral("listedAt"), Json::fromDateTime(m_listedAt)},
                            {QStringLiteral("entries"), entries}};
    // Written whole or not at all: a crash never leaves half a class list.
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(json).toJson(QJsonDocument::Compact));
        file.commit();
    }
}

void ClassListPane::onSyncStatus(const SyncStatus &status)
{
    const bool wasOnline = m_syncWasOnline;
    m_syncWasOnline = status.online;
    if (m_courseId.isEmpty() || status.online == wasOnline)
        return;
    if (status.online) {
        if (m_offline)
            refresh(); // back: read what changed meanwhile
    } else if (!m_offline && m_listedAt.isValid()) {
        // The connection went away: what is shown is now a copy.
        m_offline = true;
        showNote(offlineNote(), NoteKind::Offline);
        updateActions();
    }
}

bool ClassListPane::canManage() const
{
    if (!m_session)
        return false;
    if (m_session->user().isAdmin())
        return true;
    // A TA sees the class list but only instructors change it; the server says so too, this
    // only spares them buttons that cannot work.
    const QString me = m_session->user().id;
    for (const ClassListEntry &e : m_model->entries()) {
        if (e.userId == me)
            return e.role == u"instructor" && e.status == u"enrolled";
    }
    return true; // not listed (yet): let the server decide
}

void ClassListPane::updateActions()
{
    const bool manage = canManage();
    const bool ready = !m_courseId.isEmpty() && !m_offline && !m_busy && manage;
    const bool anySelected = m_view->selectionModel()->hasSelection();
    m_enrollButton->setEnabled(ready);
    m_unenrollButton->setEnabled(ready && anySelected);
    m_roleButton->setEnabled(ready && anySelected);
    m_refreshButton->setEnabled(!m_courseId.isEmpty() && !m_loading);
    QString why;
    if (m_offline)
        why = tr("Connect to change enrollments.");
    else if (!manage)
        why = tr("Only the course's instructors and administrators can change enrollments.");
    for (QWidget *w : {static_cast<QWidget *>(m_enrollButton), static_cast<QWidget *>(m_roleButton),
                       static_cast<QWidget *>(m_unenrollButton)})
        w->setToolTip(why);
}

QList<ClassListEntry> ClassListPane::selectedEntries() const
{
    QList<ClassListEntry> entries;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        const int row = m_proxy->mapToSource(index).row();
        if (row >= 0)
            entries.append(m_model->entry(row));
    }
    return entries;
}

void ClassListPane::openEnrollDialog()
{
    if (m_courseId.isEmpty() || !m_session)
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new EnrollDialog(m_session, m_courseId, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    QSet<QString> listed;
    for (const ClassListEntry &e : m_model->entries())
        listed.insert(e.userId);
    m_dialog->setAlreadyListed(listed);
    connect(m_dialog, &EnrollDialog::enrolled, this, [this](const QString &message) {
        showNote(message, NoteKind::Action);
        refresh();
        Q_EMIT actionFinished(message);
    });
    m_dialog->open();
}

void ClassListPane::unenrollSelected()
{
    forEachSelected(QStringLiteral("/api/v1/courses/%1/unenroll").arg(m_courseId), {},
                    tr("%1 left the course. Enroll them again to bring them back."),
                    tr("%1 people left the course. Enroll them again to bring them back."));
}

void ClassListPane::changeRoleOfSelected(const QString &role)
{
    // Enrolling someone already in the course with a role changes their role, under the same
    // rules (the enrollment window when they become a student).
    forEachSelected(
        QStringLiteral("/api/v1/courses/%1/enroll").arg(m_courseId),
        {{QStringLiteral("role"), role}},
        tr("%1 is now: %2.").arg(QStringLiteral("%1"), ClassListModel::roleWords(role).toLower()),
        tr("%1 people are now: %2.")
            .arg(QStringLiteral("%1"), ClassListModel::roleWords(role).toLower()));
}

void ClassListPane::forEachSelected(const QString &path, const QJsonObject &body,
                                    const QString &doneOne, const QString &doneMany)
{
    const QList<ClassListEntry> people = selectedEntries();
    if (people.isEmpty() || m_offline || m_busy)
        return;
    m_busy = true;
    updateActions();
    struct Progress
    {
        int left = 0;
        int done = 0;
        QString firstError;
        QString lastName;
    };
    auto state = std::make_shared<Progress>();
    state->left = int(people.size());
    const QString courseId = m_courseId;
    for (const ClassListEntry &person : people) {
        QJsonObject request = body;
        request.insert(QStringLiteral("userId"), person.userId);
        m_session->authorizedPost(
            path, request, this,
            [this, state, person, doneOne, doneMany, courseId](const Result<QJsonValue> &reply) {
                if (reply) {
                    ++state->done;
                    state->lastName = person.name;
                } else if (state->firstError.isEmpty()) {
                    state->firstError
                        = tr("%1: %2").arg(person.name, EnrollDialog::explain(reply.error()));
                }
                if (--state->left > 0)
                    return;
                m_busy = false;
                if (courseId != m_courseId) {
                    updateActions();
                    return; // another course is shown now
                }
                QString message;
                if (state->done == 1)
                    message = doneOne.arg(state->lastName);
                else if (state->done > 1)
                    message = doneMany.arg(state->done);
                if (!state->firstError.isEmpty())
                    message = message.isEmpty() ? state->firstError
                                                : message + u' ' + state->firstError;
                showNote(message,
                         state->firstError.isEmpty() ? NoteKind::Action : NoteKind::Problem);
                refresh();
                Q_EMIT actionFinished(message);
            });
    }
}

} // namespace Lectern::Client
