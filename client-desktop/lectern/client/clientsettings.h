#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>
#include <memory>

class QSettings;

namespace Lectern::Client {

// What the client remembers between runs that is not a secret: the last server and email, the
// theme, and the window's layout.
// With a data folder given (--data-dir, tests) everything stays inside it, in settings.ini;
// otherwise the platform's usual settings place is used.
class ClientSettings
{
public:
    explicit ClientSettings(const QString &dataDir = {});
    ~ClientSettings();

    QUrl lastServerUrl() const;
    void setLastServerUrl(const QUrl &url);
    QString lastEmail() const;
    void setLastEmail(const QString &email);
    // "system", "light" or "dark" (Theme::id).
    QString theme() const;
    void setTheme(const QString &theme);
    // The main window as the person left it: its size and place (QWidget::saveGeometry), and
    // each named splitter's state (QSplitter::saveState) by object name.
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QHash<QString, QByteArray> splitterStates() const;
    void setSplitterStates(const QHash<QString, QByteArray> &states);
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Lectern::Client
