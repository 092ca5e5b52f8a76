#pragma once

#include <QDateTime>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Lectern::Client {

class ApiClient;

// Whether the server can be reached right now. Polls GET /healthz every interval, and at once when
// a request fails to connect or the OS reports a change in reachability (QNetworkInformation is a
// hint only: "the network is up" does not mean "our server answers").
class ConnectionMonitor : public QObject
{
    Q_OBJECT

public:
    enum class State { Unknown, Online, Offline };
    Q_ENUM(State)

    static constexpr int defaultIntervalMs = 10000;
    static constexpr int checkTimeoutMs = 5000;

    explicit ConnectionMonitor(ApiClient *api, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isOnline() const { return m_state == State::Online; }
    // When a check last found the server answering (UTC); invalid before the first one.
    QDateTime lastOnline() const { return m_lastOnline; }
    int interval() const { return m_timer.interval(); }
    void setInterval(int milliseconds) { m_timer.setInterval(milliseconds); }

    // Starts polling (and checks at once). `useSystemHint`: listen to QNetworkInformation too.
    void start(bool useSystemHint = true);
    void stop();
    bool isRunning() const { return m_timer.isActive(); }

public Q_SLOTS:
    void checkNow();

Q_SIGNALS:
    void stateChanged(Lectern::Client::ConnectionMonitor::State state);

private:
    void onSystemReachabilityChanged();
    void setState(State state);

    ApiClient *m_api;
    QTimer m_timer;
    QPointer<QNetworkReply> m_check;
    State m_state = State::Unknown;
    QDateTime m_lastOnline;
};

} // namespace Lectern::Client
