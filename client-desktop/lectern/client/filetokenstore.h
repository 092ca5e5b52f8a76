#pragma once

#include <QJsonObject>
#include <QString>
#include <lectern/result.h>
#include <optional>

namespace Lectern::Client {

// Refresh tokens in a JSON file readable by its owner only (0600), for when there is no OS
// keychain. The file maps a key (server URL + email) to the token.
class FileTokenStore
{
public:
    explicit FileTokenStore(QString filePath);

    QString filePath() const { return m_filePath; }
    std::optional<QString> read(const QString &key) const;
    Result<void> write(const QString &key, const QString &token);
    Result<void> remove(const QString &key);

private:
    QJsonObject readAll() const;
    Result<void> writeAll(const QJsonObject &tokens);

    QString m_filePath;
};

} // namespace Lectern::Client
