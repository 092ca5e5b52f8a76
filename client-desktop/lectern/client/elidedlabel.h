#pragma once

#include <QLabel>

namespace Lectern::Client {

// A one-line label that ends its text with "…" where the whole does not fit (QLabel cuts it off
// mid-word): a course's title in a narrow header. Plain text only; put the whole text in the
// tool tip.
class ElidedLabel : public QLabel
{
    Q_OBJECT

public:
    using QLabel::QLabel;

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Lectern::Client
