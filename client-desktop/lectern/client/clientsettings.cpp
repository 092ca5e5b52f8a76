#include "clientsettings.h"

#include <QDir>
#include <QSettings>

namespace Lectern::Client {

namespace {
const QString serverKey = QStringLiteral("session/lastServerUrl");
const QString emailKey = QStringLiteral("session/lastEmail");
} // namespace

ClientSettings::ClientSettings(const QString &dataDir)
{
    if (dataDir.isEmpty()) {
        m_settings = std::make_unique<QSettings>();
    } else {
        QDir().mkpath(dataDir);
        m_settings = std::make_unique<QSettings>(
            QDir(dataDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    }
}

ClientSettings::~ClientSettings() = default;

QUrl ClientSettings::lastServerUrl() const
{
    return QUrl(m_settings->value(serverKey).toString());
}

void ClientSettings::setLastServerUrl(const QUrl &url)
{
    m_settings->setValue(serverKey, url.toString());
}

QString ClientSettings::lastEmail() const
{
    return m_settings->value(emailKey).toString();
}

void ClientSettings::setLastEmail(const QString &email)
{
    m_settings->setValue(emailKey, email);
}

void ClientSettings::sync()
{
    m_settings->sync();
}

QString ClientSettings::theme() const
{
    return m_settings->value(QStringLiteral("appearance/theme"), QStringLiteral("system"))
        .toString();
}

void ClientSettings::setTheme(const QString &theme)
{
    m_settings->setValue(QStringLiteral("appearance/theme"), theme);
}

QByteArray ClientSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void ClientSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QHash<QString, QByteArray> ClientSettings::splitterStates() const
{
    QHash<QString, QByteArray> states;
    m_settings->beginGroup(QStringLiteral("splitters"));
    for (const QString &name : m_settings->childKeys())
        states.insert(name, m_settings->value(name).toByteArray());
    m_settings->endGroup();
    return states;
}

void ClientSettings::setSplitterStates(const QHash<QString, QByteArray> &states)
{
    m_settings->beginGroup(QStringLiteral("splitters"));
    for (auto it = states.cbegin(); it != states.cend(); ++it)
        m_settings->setValue(it.key(), it.value());
    m_settings->endGroup();
}

} // namespace Lectern::Client
