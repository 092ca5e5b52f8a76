#pragma once

#include <QTimer>
#include <QWidget>

namespace Lectern::Client {

// A small spinning arc that says "waiting for the server". Hidden while not running.
class BusyIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    bool isRunning() const { return m_timer.isActive(); }
    void setRunning(bool running);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QTimer m_timer;
    int m_angle = 0;
};

} // namespace Lectern::Client
