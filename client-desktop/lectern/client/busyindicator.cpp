#include "busyindicator.h"

#include <QPainter>

namespace Lectern::Client {

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    m_timer.setInterval(16);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_angle = (m_angle + 8) % 360;
        update();
    });
    setAccessibleName(tr("Working"));
    hide();
}

void BusyIndicator::setRunning(bool running)
{
    if (running)
        m_timer.start();
    else
        m_timer.stop();
    setVisible(running);
}

QSize BusyIndicator::sizeHint() const
{
    const int side = fontMetrics().height() + 4;
    return {side, side};
}

void BusyIndicator::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int side = std::min(width(), height());
    const qreal penWidth = std::max(2.0, side / 9.0);
    const QRectF box = QRectF((width() - side) / 2.0, (height() - side) / 2.0, side, side)
                           .adjusted(penWidth, penWidth, -penWidth, -penWidth);

    QColor track = palette().color(QPalette::WindowText);
    track.setAlphaF(0.15f);
    painter.setPen(QPen(track, penWidth));
    painter.drawEllipse(box);

    painter.setPen(
        QPen(palette().color(QPalette::Highlight), penWidth, Qt::SolidLine, Qt::RoundCap));
    // QPainter angles are in 1/16th of a degree, counter-clockwise.
    painter.drawArc(box, -m_angle * 16, 100 * 16);
}

} // namespace Lectern::Client
