#pragma once

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Lectern::Client {

class LocalStore;

// Asks for what a new outline item needs besides its place: a title, and the web address of a
// link or a video, or which of the course's files a file item shows. Also edits a link's or a
// video's address.
class ContentItemDialog : public QDialog
{
    Q_OBJECT

public:
    // `type`: "link", "video" or "file"; `courseId` and `store`: where the course's files are.
    ContentItemDialog(const QString &type, const QString &courseId, const LocalStore *store,
                      QWidget *parent = nullptr);

    void setTitle(const QString &title);
    QString title() const;
    void setUrl(const QString &url);
    // The item's fields besides its title: {"url": ...} or {"fileId": ...}.
    QJsonObject fields() const;

    // Why `text` is not an address an item can link to (empty when it is).
    static QString urlProblem(const QString &text);

    void accept() override;

private:
    void updateState();

    QString m_type;
    QLineEdit *m_title;
    QLineEdit *m_url = nullptr;
    QComboBox *m_file = nullptr;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace Lectern::Client
