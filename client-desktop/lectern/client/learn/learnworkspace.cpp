#include "learnworkspace.h"

#include "courseplayer.h"
#include "dashboardpage.h"

#include <QStackedWidget>
#include <QVBoxLayout>
#include <lectern/client/sync/synccontroller.h>

namespace Lectern::Client {

LearnWorkspace::LearnWorkspace(SyncController *sync, QWidget *parent)
    : QWidget(parent)
    , m_sync(sync)
    , m_stack(new QStackedWidget(this))
    , m_dashboard(new DashboardPage(sync, m_stack))
    , m_player(new CoursePlayer(sync, m_stack))
{
    setObjectName(QStringLiteral("learnWorkspace"));
    m_stack->addWidget(m_dashboard);
    m_stack->addWidget(m_player);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_dashboard, &DashboardPage::courseRequested, this, &LearnWorkspace::openCourse);
    connect(m_dashboard, &DashboardPage::previewRequested, this, &LearnWorkspace::previewCourse);
    connect(m_player, &CoursePlayer::backRequested, this, &LearnWorkspace::showDashboard);
}

void LearnWorkspace::setFileTransfers(FileTransfers *files)
{
    m_dashboard->setFileTransfers(files);
    m_player->setFileTransfers(files);
}

void LearnWorkspace::openCourse(const QString &courseId, const QString &itemId)
{
    m_player->openCourse(courseId, itemId, false);
    m_stack->setCurrentWidget(m_player);
}

void LearnWorkspace::previewCourse(const QString &courseId)
{
    m_player->openCourse(courseId, QString(), true);
    m_stack->setCurrentWidget(m_player);
}

void LearnWorkspace::showDashboard()
{
    if (!m_player->courseId().isEmpty())
        m_player->closeCourse();
    m_stack->setCurrentWidget(m_dashboard);
}

bool LearnWorkspace::isPlayerShown() const
{
    return m_stack->currentWidget() == m_player;
}

} // namespace Lectern::Client
