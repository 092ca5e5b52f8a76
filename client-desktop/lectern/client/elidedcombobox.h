#pragma once

#include <QComboBox>

namespace Lectern::Client {

// A combo box that ends its text with "…" where the whole does not fit (QComboBox cuts it off
// mid-word): the course filters beside a narrow list, long French choices.
class ElidedComboBox : public QComboBox
{
    Q_OBJECT

public:
    using QComboBox::QComboBox;

protected:
    void paintEvent(QPaintEvent *event) override;
};

} // namespace Lectern::Client
