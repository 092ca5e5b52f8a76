#include "mainwindow.h"

#include "sync/synccontroller.h"
#include "syncui/conflictinbox.h"
#include "syncui/refusedchangesview.h"
#include "syncui/syncindicator.h"
#include "workspacepage.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QUndoGroup>
#include <QVBoxLayout>
#include <algorithm>

namespace Lectern::Client {

namespace {

constexpr int workspaceRole = Qt::UserRole;

QPixmap avatarPixmap(const QString &text, const QColor &color, int side, qreal dpr)
{
    QPixmap pixmap(QSize(side, side) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0, 0, side, side));
    QFont font = painter.font();
    font.setPixelSize(side * 2 / 5);
    font.setWeight(QFont::DemiBold);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(QRectF(0, 0, side, side), Qt::AlignCenter, text);
    return pixmap;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_avatarLabel(new QLabel(this))
    , m_userNameLabel(new QLabel(this))
    , m_rolesLabel(new QLabel(this))
    , m_organizationLabel(new QLabel(this))
    , m_connectionIcon(new QLabel(this))
    , m_connectionLabel(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_workspaceList(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_syncIndicator(new SyncIndicator(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Lectern"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/lectern.svg")));

    m_workspaceList->setObjectName(QStringLiteral("workspaceList"));
    m_workspaceList->setAccessibleName(tr("Workspaces"));
    m_workspaceList->setFrameShape(QFrame::NoFrame);
    m_workspaceList->setIconSize(QSize(22, 22));
    m_workspaceList->setSpacing(2);
    m_workspaceList->setUniformItemSizes(true);
    m_workspaceList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_workspaceList->setFixedWidth(210);
    updateSidebarStyle();
    connect(m_workspaceList, &QListWidget::currentRowChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    m_pages->setObjectName(QStringLiteral("workspacePages"));
    m_pages->setBackgroundRole(QPalette::Base);
    m_pages->setAutoFillBackground(true);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    body->addWidget(m_workspaceList);
    body->addWidget(m_pages, 1);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(createHeader());
    layout->addWidget(createSessionBar());
    layout->addLayout(body, 1);
    setCentralWidget(central);

    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    m_statusLabel->setContentsMargins(6, 0, 6, 0);
    m_serverLabel->setObjectName(QStringLiteral("serverLabel"));
    m_serverLabel->setForegroundRole(QPalette::PlaceholderText);
    m_serverLabel->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_syncIndicator);
    m_syncIndicator->hide(); // until there is a sync controller (setSyncController)
    statusBar()->addPermanentWidget(m_serverLabel);
    connect(m_syncIndicator, &SyncIndicator::conflictsRequested, this,
            [this] { showConflictInbox(); });
    connect(m_syncIndicator, &SyncIndicator::refusedRequested, this,
            &MainWindow::showRefusedChanges);
    statusBar()->setSizeGripEnabled(true);

    createMenus();
    setConnectionState(ConnectionMonitor::State::Unknown);
    // Never larger than the screen, nor a minimum it cannot hold (a small laptop at 2x).
    QSize minimum(760, 480);
    QSize preferred(1100, 660);
    if (const QScreen *screen = this->screen()) {
        const QSize room = screen->availableSize();
        minimum = minimum.boundedTo(room);
        preferred = preferred.boundedTo(room * 9 / 10).expandedTo(minimum);
    }
    setMinimumSize(minimum);
    resize(preferred);
}

void MainWindow::restoreLayout(const QByteArray &geometry,
                               const QHash<QString, QByteArray> &splitters)
{
    if (!geometry.isEmpty())
        restoreGeometry(geometry); // Qt moves it back onto a screen it fits
    for (QSplitter *splitter : findChildren<QSplitter *>()) {
        const auto it = splitters.constFind(splitter->objectName());
        if (it != splitters.constEnd())
            splitter->restoreState(*it);
    }
}

QHash<QString, QByteArray> MainWindow::splitterStates() const
{
    QHash<QString, QByteArray> states;
    for (const QSplitter *splitter : findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            states.insert(splitter->objectName(), splitter->saveState());
    }
    return states;
}

QWidget *MainWindow::createHeader()
{
    auto *header = new QFrame(this);
    header->setObjectName(QStringLiteral("header"));
    header->setStyleSheet(QStringLiteral(
        "QFrame#header { background: palette(base); border-bottom: 1px solid palette(mid); }"));

    auto *logo = new QLabel(header);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/lectern.svg")).pixmap(QSize(30, 30)));
    auto *appName = new QLabel(tr("Lectern"), header);
    QFont appFont = appName->font();
    appFont.setPointSizeF(appFont.pointSizeF() * 1.3);
    appFont.setWeight(QFont::DemiBold);
    appName->setFont(appFont);

    // Icon and word in a rounded pill whose tint follows the state (see setConnectionState()).
    m_connectionPill = new QFrame(header);
    m_connectionPill->setObjectName(QStringLiteral("connectionPill"));
    m_connectionIcon->setObjectName(QStringLiteral("connectionIcon"));
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    auto *pillLayout = new QHBoxLayout(m_connectionPill);
    pillLayout->setContentsMargins(10, 4, 12, 4);
    pillLayout->setSpacing(6);
    pillLayout->addWidget(m_connectionIcon);
    pillLayout->addWidget(m_connectionLabel);

    auto *separator = new QFrame(header);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Plain);
    separator->setForegroundRole(QPalette::Mid);
    separator->setFixedHeight(28);

    m_avatarLabel->setObjectName(QStringLiteral("avatarLabel"));
    m_userNameLabel->setObjectName(QStringLiteral("userNameLabel"));
    QFont nameFont = m_userNameLabel->font();
    nameFont.setWeight(QFont::DemiBold);
    m_userNameLabel->setFont(nameFont);
    m_rolesLabel->setObjectName(QStringLiteral("rolesLabel"));
    m_rolesLabel->setForegroundRole(QPalette::PlaceholderText);
    m_organizationLabel->setObjectName(QStringLiteral("organizationLabel"));
    m_organizationLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *dot = new QLabel(QStringLiteral("·"), header);

    auto *details = new QHBoxLayout;
    details->setSpacing(6);
    details->addWidget(m_rolesLabel);
    details->addWidget(dot);
    details->addWidget(m_organizationLabel);
    details->addStretch();
    auto *who = new QVBoxLayout;
    who->setSpacing(1);
    who->addWidget(m_userNameLabel);
    who->addLayout(details);

    auto *layout = new QHBoxLayout(header);
    layout->setContentsMargins(16, 10, 16, 10);
    layout->setSpacing(10);
    layout->addWidget(logo);
    layout->addWidget(appName);
    layout->addStretch(1);
    layout->addWidget(m_connectionPill);
    layout->addSpacing(8);
    layout->addWidget(separator);
    layout->addSpacing(8);
    layout->addWidget(m_avatarLabel);
    layout->addLayout(who);
    return header;
}

QWidget *MainWindow::createSessionBar()
{
    m_sessionBar = new QFrame(this);
    m_sessionBar->setObjectName(QStringLiteral("sessionBar"));
    // Fixed colours, like the login dialog's message: readable under light and dark palettes.
    m_sessionBar->setStyleSheet(QStringLiteral(
        "QFrame#sessionBar { background: #FEF6E0; border-bottom: 1px solid #F2D58A; }"
        "QFrame#sessionBar QLabel { color: #5C4308; }"));
    m_sessionBar->setAccessibleName(tr("Session ended"));

    auto *icon = new QLabel(m_sessionBar);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(QSize(18, 18)));
    m_sessionBarText = new QLabel(m_sessionBar);
    m_sessionBarText->setObjectName(QStringLiteral("sessionBarText"));
    m_sessionBarText->setWordWrap(true);
    m_sessionBarText->setTextFormat(Qt::PlainText);
    auto *login = new QPushButton(tr("&Log in…"), m_sessionBar);
    login->setObjectName(QStringLiteral("sessionLoginButton"));
    connect(login, &QPushButton::clicked, this, &MainWindow::loginRequested);

    auto *layout = new QHBoxLayout(m_sessionBar);
    layout->setContentsMargins(16, 8, 16, 8);
    layout->setSpacing(10);
    layout->addWidget(icon);
    layout->addWidget(m_sessionBarText, 1);
    layout->addWidget(login);
    m_sessionBar->hide();
    return m_sessionBar;
}

void MainWindow::showSessionEnded(const QString &message)
{
    m_sessionBarText->setText(message);
    m_sessionBar->show();
}

void MainWindow::hideSessionEnded()
{
    m_sessionBar->hide();
}

bool MainWindow::isSessionEndedShown() const
{
    return !m_sessionBar->isHidden();
}

void MainWindow::updateSidebarStyle()
{
    // A tint of the highlight rather than the highlight itself: the coloured workspace icons stay
    // visible on the selected row. Style sheets cannot mix colours, so the tint is computed here.
    const QColor highlight = palette().color(QPalette::Highlight);
    const auto rgba = [](const QColor &color, qreal alpha) {
        return QStringLiteral("rgba(%1, %2, %3, %4)")
            .arg(color.red())
            .arg(color.green())
            .arg(color.blue())
            .arg(int(alpha * 255));
    };
    m_workspaceList->setStyleSheet(
        QStringLiteral("QListWidget#workspaceList { background: palette(window); padding: 10px 8px;"
                       " border: none; border-right: 1px solid palette(mid); outline: 0; }"
                       "QListWidget#workspaceList::item { padding: 8px 8px; border-radius: 6px;"
                       " color: palette(window-text); }"
                       "QListWidget#workspaceList::item:hover:!selected { background: %1; }"
                       "QListWidget#workspaceList::item:selected { background: %2; color: "
                       "palette(window-text); }"
                       // Where the keyboard is (the list has focus): a ring, in both themes.
                       "QListWidget#workspaceList::item:focus { border: 2px solid %3; }")
            .arg(rgba(highlight, 0.08), rgba(highlight, 0.20), highlight.name()));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateSidebarStyle();
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *logout = fileMenu->addAction(tr("&Log out"), this, &MainWindow::logoutRequested);
    logout->setObjectName(QStringLiteral("logoutAction"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &MainWindow::quitRequested);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    // Undo and redo are disabled until a workspace hands over its undo group (setUndoGroup).
    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->setObjectName(QStringLiteral("editMenu"));
    m_undoAction = m_editMenu->addAction(tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    m_redoAction = m_editMenu->addAction(tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_redoAction->setEnabled(false);

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    QMenu *appearance = viewMenu->addMenu(tr("&Appearance"));
    appearance->setObjectName(QStringLiteral("appearanceMenu"));
    m_themeActions = new QActionGroup(this);
    for (Theme::Mode mode : {Theme::Mode::System, Theme::Mode::Light, Theme::Mode::Dark}) {
        QAction *action = appearance->addAction(Theme::title(mode));
        action->setObjectName(QStringLiteral("theme-") + Theme::id(mode));
        action->setCheckable(true);
        action->setChecked(mode == Theme::current());
        m_themeActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, mode] { Q_EMIT themeRequested(mode); });
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction *about = helpMenu->addAction(tr("&About Lectern"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::setProfile(const User &user, const Organization &organization)
{
    m_userNameLabel->setText(user.name.isEmpty() ? user.email : user.name);
    m_userNameLabel->setToolTip(user.email);
    QStringList roleNames;
    for (Role role : user.roles)
        roleNames.append(roleDisplayName(role));
    m_rolesLabel->setText(roleNames.join(tr(", ", "between role names")));
    m_organizationLabel->setText(organization.name);
    m_avatarLabel->setPixmap(avatarPixmap(initials(user.name.isEmpty() ? user.email : user.name),
                                          palette().color(QPalette::Highlight), 34,
                                          devicePixelRatioF()));
    setWindowTitle(
        organization.name.isEmpty()
            ? tr("Lectern")
            : tr("%1 — Lectern", "window title: organization name").arg(organization.name));

    // Stay in the same workspace across a profile refresh when the new roles still allow it.
    const QList<Workspace> before = m_workspaces;
    const Workspace previous = before.isEmpty() ? Workspace() : currentWorkspace();
    m_workspaces = Workspaces::forRoles(user.roles);
    // A profile refresh of the same person with the same workspaces keeps the pages, and with
    // them whatever is open in them (a lesson being written).
    if (!before.isEmpty() && before == m_workspaces && m_pagesUserId == user.id)
        return;
    m_pagesUserId = user.id;

    const QSignalBlocker blocker(m_workspaceList);
    m_workspaceList->clear();
    while (QWidget *page = m_pages->widget(0)) {
        m_pages->removeWidget(page);
        page->deleteLater();
    }
    for (Workspace workspace : m_workspaces) {
        auto *item = new QListWidgetItem(QIcon(Workspaces::iconPath(workspace)),
                                         Workspaces::title(workspace), m_workspaceList);
        item->setData(workspaceRole, int(workspace));
        item->setToolTip(Workspaces::description(workspace));
        item->setSizeHint(QSize(0, 40));
        QWidget *page = m_pageFactory ? m_pageFactory(workspace, m_pages) : nullptr;
        m_pages->addWidget(page ? page : new WorkspacePage(workspace, m_pages));
    }
    // Wide enough for the longest title in this language ("Console d'administration").
    int widest = 0;
    for (Workspace workspace : m_workspaces)
        widest = std::max(
            widest, m_workspaceList->fontMetrics().horizontalAdvance(Workspaces::title(workspace)));
    const int chrome
        = m_workspaceList->iconSize().width() + 2 * 8 /* item */ + 2 * 8 /* list */ + 24;
    m_workspaceList->setFixedWidth(std::clamp(widest + chrome, 200, 320));
    showWorkspace(!before.isEmpty() && m_workspaces.contains(previous)
                      ? previous
                      : Workspaces::landing(user.roles));
}

void MainWindow::setUndoGroup(QUndoGroup *group)
{
    // The group's own actions follow its active stack and name the command ("Undo Rename").
    QAction *undo = group->createUndoAction(this, tr("&Undo"));
    QAction *redo = group->createRedoAction(this, tr("&Redo"));
    undo->setShortcut(QKeySequence::Undo);
    redo->setShortcut(QKeySequence::Redo);
    undo->setObjectName(QStringLiteral("undoAction"));
    redo->setObjectName(QStringLiteral("redoAction"));
    m_editMenu->insertAction(m_undoAction, undo);
    m_editMenu->insertAction(m_undoAction, redo);
    m_editMenu->removeAction(m_undoAction);
    m_editMenu->removeAction(m_redoAction);
    delete m_undoAction;
    delete m_redoAction;
    m_undoAction = undo;
    m_redoAction = redo;
}

void MainWindow::setThemeMode(Theme::Mode mode)
{
    for (QAction *action : m_themeActions->actions())
        action->setChecked(action->objectName() == QStringLiteral("theme-") + Theme::id(mode));
}

void MainWindow::clearWorkspaces()
{
    const QSignalBlocker blocker(m_workspaceList);
    m_workspaceList->clear();
    while (QWidget *page = m_pages->widget(0)) {
        m_pages->removeWidget(page);
        page->deleteLater();
    }
    m_workspaces.clear();
    m_pagesUserId.clear();
}

QWidget *MainWindow::workspacePage(Workspace workspace) const
{
    const int index = m_workspaces.indexOf(workspace);
    return index < 0 ? nullptr : m_pages->widget(index);
}

void MainWindow::setServerUrl(const QUrl &url)
{
    m_serverUrl = url;
    m_serverLabel->setText(tr("Server: %1").arg(url.toDisplayString()));
    setConnectionState(m_connectionState);
}

void MainWindow::setConnectionState(ConnectionMonitor::State state)
{
    m_connectionState = state;
    QString text;
    QString icon;
    QString tip;
    QString tint; // the pill's background; offline is a normal state, so no alarm colours
    switch (state) {
    case ConnectionMonitor::State::Online:
        text = tr("Online");
        icon = QStringLiteral(":/icons/online.svg");
        tip = tr("Connected to %1.").arg(m_serverUrl.toDisplayString());
        tint = QStringLiteral("rgba(22, 163, 74, 26)");
        break;
    case ConnectionMonitor::State::Offline:
        text = tr("Offline");
        icon = QStringLiteral(":/icons/offline.svg");
        tip = tr("Cannot reach %1. Your work is kept on this computer.")
                  .arg(m_serverUrl.toDisplayString());
        tint = QStringLiteral("rgba(100, 116, 139, 36)");
        break;
    case ConnectionMonitor::State::Unknown:
        text = tr("Connecting…");
        icon = QStringLiteral(":/icons/unknown.svg");
        tip = tr("Checking the connection to %1.").arg(m_serverUrl.toDisplayString());
        tint = QStringLiteral("rgba(156, 163, 175, 36)");
        break;
    }
    m_connectionLabel->setText(text);
    for (QWidget *widget :
         {static_cast<QWidget *>(m_connectionPill), static_cast<QWidget *>(m_connectionIcon),
          static_cast<QWidget *>(m_connectionLabel)})
        widget->setToolTip(tip);
    m_connectionPill->setStyleSheet(
        QStringLiteral("QFrame#connectionPill { background: %1; border-radius: 12px; }").arg(tint));
    m_connectionIcon->setPixmap(QIcon(icon).pixmap(QSize(14, 14)));
    updateStatusLine();
}

void MainWindow::setLastConnected(const QDateTime &when)
{
    m_lastConnected = when;
    updateStatusLine();
}

void MainWindow::updateStatusLine()
{
    if (m_connectionState == ConnectionMonitor::State::Offline)
        m_statusLabel->setText(offlineStatus(m_lastConnected));
    else
        m_statusLabel->clear();
}

QString MainWindow::offlineStatus(const QDateTime &lastConnected, const QDateTime &now)
{
    if (!lastConnected.isValid())
        return tr("Working offline");
    const QDateTime local = lastConnected.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QLocale locale;
    // Minutes are enough (the C locale's short format has seconds).
    QString timeFormat = locale.timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QStringLiteral(":ss"));
    const QString time = locale.toString(local.time(), timeFormat);
    if (local.date() == today)
        return tr("Working offline — last connected at %1", "%1: a time of day").arg(time);
    if (local.date() == today.addDays(-1))
        return tr("Working offline — last connected yesterday at %1", "%1: a time of day")
            .arg(time);
    return tr("Working offline — last connected on %1", "%1: a date")
        .arg(locale.toString(local.date(), QLocale::ShortFormat));
}

Workspace MainWindow::currentWorkspace() const
{
    const QListWidgetItem *item = m_workspaceList->currentItem();
    return item ? Workspace(item->data(workspaceRole).toInt()) : Workspace::Learn;
}

void MainWindow::showWorkspace(Workspace workspace)
{
    const int row = m_workspaces.indexOf(workspace);
    if (row < 0)
        return;
    m_workspaceList->setCurrentRow(row);
    m_pages->setCurrentIndex(row);
}

QString MainWindow::initials(const QString &name)
{
    const QStringList words = name.split(u' ', Qt::SkipEmptyParts);
    QString result;
    if (!words.isEmpty())
        result += words.first().front();
    if (words.size() > 1)
        result += words.last().front();
    return result.toUpper();
}

void MainWindow::setSyncController(SyncController *controller)
{
    if (m_sync)
        disconnect(m_sync, &SyncController::conflictRequested, this, nullptr);
    m_sync = controller;
    // Without a sync controller there is no sync to speak of: an indicator saying "Offline ·
    // Never synced" beside an "Online" header only contradicted it.
    m_syncIndicator->setVisible(controller != nullptr);
    if (controller) {
        m_syncIndicator->attach(controller);
        connect(controller, &SyncController::conflictRequested, this,
                [this](const QString &conflictId) { showConflictInbox(conflictId); });
    }
}

void MainWindow::showConflictInbox(const QString &conflictId)
{
    if (!m_sync)
        return;
    if (!m_conflictInbox)
        m_conflictInbox = new ConflictInbox(m_sync, this);
    if (!conflictId.isEmpty())
        m_conflictInbox->showConflict(conflictId);
    m_conflictInbox->show();
    m_conflictInbox->raise();
    m_conflictInbox->activateWindow();
}

void MainWindow::showRefusedChanges()
{
    if (!m_sync)
        return;
    if (!m_refusedChanges)
        m_refusedChanges = new RefusedChangesView(m_sync, this);
    m_refusedChanges->show();
    m_refusedChanges->raise();
    m_refusedChanges->activateWindow();
}

ConflictInbox *MainWindow::conflictInbox() const
{
    return m_conflictInbox;
}

RefusedChangesView *MainWindow::refusedChangesView() const
{
    return m_refusedChanges;
}

void MainWindow::showAbout()
{
    QMessageBox::about(
        this, tr("About Lectern"),
        tr("<h3>Lectern %1</h3>"
           "<p>Learning that keeps working offline: write courses and study them on this "
           "computer, and Lectern syncs with your organization's server when it can.</p>"
           "<p>Built with Qt %2.</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace Lectern::Client
