#include "connectionmonitor.h"

#include "apiclient.h"
#include "logging.h"

#include <QNetworkInformation>
#include <QNetworkReply>

namespace Lectern::Client {

ConnectionMonitor::ConnectionMonitor(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_timer.setInterval(defaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionMonitor::checkNow);
    connect(m_api, &ApiClient::networkErrorOccurred, this, [this] {
        if (m_timer.isActive())
            checkNow();
    });
    connect(m_api, &ApiClient::serverAnswered, this, [this] {
        if (m_timer.isActive() && m_state != State::Online)
            checkNow();
    });
}

void ConnectionMonitor::start(bool useSystemHint)
{
    if (useSystemHint) {
        if (!QNetworkInformation::instance())
            QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability);
        if (auto *info = QNetworkInformation::instance()) {
            qCDebug(lcConnection) << "reachability hints from" << info->backendName();
            connect(info, &QNetworkInformation::reachabilityChanged, this,
                    &ConnectionMonitor::onSystemReachabilityChanged, Qt::UniqueConnection);
        }
    }
    m_timer.start();
    checkNow();
}

void ConnectionMonitor::onSystemReachabilityChanged()
{
    if (m_timer.isActive())
        checkNow();
}

void ConnectionMonitor::stop()
{
    m_timer.stop();
    ApiClient::cancel(m_check);
    m_check = nullptr;
    setState(State::Unknown);
}

void ConnectionMonitor::checkNow()
{
    if (m_check)
        return; // one check at a time
    if (m_api->baseUrl().isEmpty()) {
        setState(State::Unknown);
        return;
    }
    ApiClient::Options options;
    options.timeoutMs = checkTimeoutMs;
    options.withToken = false;
    options.reportNetworkErrors = false; // else a failed check would ask for another check
    m_check = m_api->get(
        QStringLiteral("/healthz"), this,
        [this](const Result<QJsonValue> &reply) {
            m_check = nullptr;
            if (reply)
                m_lastOnline = QDateTime::currentDateTimeUtc();
            setState(reply ? State::Online : State::Offline);
        },
        options);
    // Restart the period so that a check prompted by an error is not followed at once by a poll.
    if (m_timer.isActive())
        m_timer.start();
}

void ConnectionMonitor::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcConnection) << "server" << m_api->baseUrl().toDisplayString() << "is now" << state;
    Q_EMIT stateChanged(state);
}

} // namespace Lectern::Client
