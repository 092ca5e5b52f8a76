#include "dashboardpage.h"

#include "coursecarddelegate.h"
#include "dashboardmodel.h"
#include "learnformat.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QIcon>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QResizeEvent>
#include <QShowEvent>
#include <QStackedWidget>
#include <QStyle>
#include <QVBoxLayout>
#include <lectern/client/files/filetransfers.h>

namespace Lectern::Client {

namespace {

QLabel *heading(const QString &text, qreal scale, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setWeight(QFont::DemiBold);
    label->setFont(font);
    return label;
}

QLabel *muted(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setWordWrap(true);
    return label;
}

} // namespace

DashboardPage::DashboardPage(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_model(new DashboardModel(sync, this))
    , m_delegate(new CourseCardDelegate(this))
    , m_list(new QListView(this))
    , m_notEnrolled(muted(QString(), this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("learnDashboard"));

    m_list->setObjectName(QStringLiteral("courseCards"));
    m_list->setAccessibleName(tr("My courses"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(m_delegate);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setMouseTracking(true);
    m_list->setUniformItemSizes(true);
    // Cards flow into as many columns as fit (one at 1280 pixels, two at 1920).
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->installEventFilter(this);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // The cards sit on the page's own background.
    m_list->viewport()->setAutoFillBackground(false);
    connect(m_delegate, &CourseCardDelegate::openRequested, this, [this](const QModelIndex &index) {
        open(index.data(DashboardModel::IdRole).toString());
    });
    connect(m_delegate, &CourseCardDelegate::downloadRequested, this,
            [this](const QModelIndex &index) {
                toggleDownload(index.data(DashboardModel::IdRole).toString());
            });
    // The keyboard and the context menu reach what the card's links do.
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QModelIndex index = m_list->indexAt(at);
        if (index.isValid())
            showMenu(index, m_list->viewport()->mapToGlobal(at));
    });
    // The keyboard: Enter on a card.
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        open(index.data(DashboardModel::IdRole).toString());
    });

    m_notEnrolled->setObjectName(QStringLiteral("notEnrolledLabel"));
    m_notEnrolled->setText(tr("You are not enrolled in any course yet. The courses below are "
                              "ones you teach, assist in or manage: preview them as a student."));
    m_notEnrolled->setContentsMargins(16, 0, 16, 4);

    auto *listPage = new QWidget(m_stack);
    auto *listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(4);
    listLayout->addWidget(m_notEnrolled);
    listLayout->addWidget(m_list, 1);
    m_stack->addWidget(listPage);
    m_stack->addWidget(createEmptyState());

    auto *title = heading(tr("My courses"), 1.6, this);
    title->setContentsMargins(16, 0, 16, 0);
    auto *subtitle = muted(tr("Pick up where you left off. Everything here also works offline; "
                              "your progress syncs when you are back online."),
                           this);
    subtitle->setContentsMargins(16, 0, 16, 8);

    auto *left = new QVBoxLayout;
    left->setSpacing(2);
    left->addWidget(title);
    left->addWidget(subtitle);
    left->addWidget(m_stack, 1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 20, 24, 16);
    layout->setSpacing(12);
    layout->addLayout(left, 1);
    m_announcements = createAnnouncements();
    m_announcements->setObjectName(QStringLiteral("announcementsColumn"));
    layout->addWidget(m_announcements);

    connect(m_model, &QAbstractItemModel::modelReset, this, &DashboardPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &DashboardPage::updateState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &DashboardPage::updateState);
    updateState();
}

QWidget *DashboardPage::createEmptyState()
{
    auto *page = new QWidget(m_stack);
    page->setObjectName(QStringLiteral("dashboardEmptyState"));
    auto *icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/learn.svg")).pixmap(QSize(64, 64)));
    icon->setAlignment(Qt::AlignCenter);
    auto *text = heading(tr("You are not enrolled in any course yet"), 1.25, page);
    text->setObjectName(QStringLiteral("emptyStateTitle"));
    text->setAlignment(Qt::AlignCenter);
    auto *more = muted(tr("When an instructor enrolls you in a course, it appears here, ready to "
                          "study online or offline."),
                       page);
    more->setAlignment(Qt::AlignCenter);
    // A word-wrapped label in a stacked page gets no height for its width by itself.
    more->setFixedWidth(420);
    more->setMinimumHeight(more->heightForWidth(420));
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(text);
    layout->addWidget(more, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
}

void DashboardPage::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // The announcements column takes 300 pixels; in a narrow window (1024x640, or a larger one
    // at 2x) the course cards need them more, while there is nothing to announce.
    m_announcements->setVisible(width() >= 960);
}

QWidget *DashboardPage::createAnnouncements()
{
    auto *panel = new QFrame(this);
    panel->setObjectName(QStringLiteral("announcementsPanel"));
    panel->setFixedWidth(300);
    panel->setStyleSheet(QStringLiteral("QFrame#announcementsPanel { background: palette(window);"
                                        " border: 1px solid palette(mid); border-radius: 10px; }"
                                        "QFrame#announcementsPanel QLabel { border: none;"
                                        " background: transparent; }"));
    auto *title = heading(tr("Recent announcements"), 1.1, panel);
    auto *empty = muted(tr("No announcements yet"), panel);
    empty->setObjectName(QStringLiteral("announcementsEmpty"));
    auto *more = muted(tr("News from your instructors will appear here."), panel);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(16, 14, 16, 16);
    layout->setSpacing(6);
    layout->addWidget(title);
    layout->addSpacing(6);
    layout->addWidget(empty);
    layout->addWidget(more);
    panel->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Maximum);
    auto *wrapper = new QWidget(this);
    auto *wrapperLayout = new QVBoxLayout(wrapper);
    wrapperLayout->setContentsMargins(0, 6, 0, 0);
    wrapperLayout->addWidget(panel);
    wrapperLayout->addStretch();
    return wrapper;
}

bool DashboardPage::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_list && event->type() == QEvent::Resize)
        layoutCards();
    return QWidget::eventFilter(watched, event);
}

void DashboardPage::layoutCards()
{
    constexpr int minCardWidth = 560;
    // Room for the scroll bar is kept whether it shows or not: columns that changed with it
    // would show or hide it again.
    const int room = m_list->contentsRect().width()
        - m_list->style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_list);
    const int columns = std::clamp(room / minCardWidth, 1, 3);
    // A pixel to spare: the view wraps a row that is exactly full.
    const int width = room / columns - 1;
    if (width == m_delegate->cardWidth())
        return;
    m_delegate->setCardWidth(width);
    QStyleOptionViewItem option;
    option.initFrom(m_list);
    const int height
        = m_model->rowCount() > 0 ? m_delegate->sizeHint(option, m_model->index(0)).height() : 0;
    m_list->setGridSize(QSize(width, std::max(height, 1)));
}

void DashboardPage::setFileTransfers(FileTransfers *files)
{
    m_files = files;
    m_model->setFileTransfers(files);
}

bool DashboardPage::isEmptyStateShown() const
{
    return m_stack->currentIndex() == 1;
}

void DashboardPage::updateState()
{
    layoutCards();
    const bool anything = m_model->rowCount() > 0;
    m_stack->setCurrentIndex(anything ? 0 : 1);
    m_notEnrolled->setVisible(anything && m_model->studyingCount() == 0);
}

void DashboardPage::open(const QString &courseId)
{
    const QModelIndex index = m_model->indexOf(courseId);
    if (!index.isValid())
        return;
    if (index.data(DashboardModel::KindRole).value<DashboardModel::Kind>()
        == DashboardModel::Kind::Preview)
        Q_EMIT previewRequested(courseId);
    else
        Q_EMIT courseRequested(courseId, index.data(DashboardModel::NextItemIdRole).toString());
}

void DashboardPage::showMenu(const QModelIndex &index, const QPoint &globalPos)
{
    const QString courseId = index.data(DashboardModel::IdRole).toString();
    QMenu menu(this);
    const bool preview = index.data(DashboardModel::KindRole).value<DashboardModel::Kind>()
        == DashboardModel::Kind::Preview;
    menu.addAction(preview ? tr("&Preview as a student") : tr("&Open"), this,
                   [this, courseId] { open(courseId); });
    const QString download = index.data(DashboardModel::DownloadTextRole).toString();
    if (!download.isEmpty())
        menu.addAction(QIcon(QStringLiteral(":/icons/download.svg")), download, this,
                       [this, courseId] { toggleDownload(courseId); });
    menu.exec(globalPos);
}

void DashboardPage::toggleDownload(const QString &courseId)
{
    const QModelIndex index = m_model->indexOf(courseId);
    if (!m_files || !index.isValid())
        return;
    switch (index.data(DashboardModel::DownloadRole).value<DashboardModel::Download>()) {
    case DashboardModel::Download::Unavailable:
        return;
    case DashboardModel::Download::NotDownloaded:
        m_files->downloadCourse(courseId);
        break;
    case DashboardModel::Download::Downloading:
        m_files->cancelCourseDownload(courseId);
        break;
    case DashboardModel::Download::Downloaded: {
        const qint64 bytes = index.data(DashboardModel::CachedBytesRole).toLongLong();
        if (bytes == 0)
            break; // no files: nothing to remove
        const auto answer = QMessageBox::question(
            this, tr("Remove download"),
            tr("Remove the offline copy of “%1”? This frees %2. You can download it again "
               "when you are online.")
                .arg(index.data(Qt::DisplayRole).toString(), LearnFormat::size(bytes)),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            m_files->removeCourseDownload(courseId);
        break;
    }
    }
    m_model->refresh();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setActive(true);
}

void DashboardPage::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (!event->spontaneous())
        m_model->setActive(false);
}

} // namespace Lectern::Client
