#pragma once

#include <QString>
#include <QUrl>
#include <memory>

class QSettings;

namespace Lectern::Client {

// What the client remembers between runs that is not a secret: the last server and email.
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
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace Lectern::Client
