#include "filetokenstore.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <lectern/jsonutil.h>

namespace Lectern::Client {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Client::FileTokenStore)
};

constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
const QString tokensKey = QStringLiteral("tokens");

} // namespace

FileTokenStore::FileTokenStore(QString filePath)
    : m_filePath(std::move(filePath))
{ }

std::optional<QString> FileTokenStore::read(const QString &key) const
{
    const QJsonValue token = readAll().value(key);
    if (!token.isString())
        return std::nullopt;
    return token.toString();
}

Result<void> FileTokenStore::write(const QString &key, const QString &token)
{
    QJsonObject tokens = readAll();
    tokens.insert(key, token);
    return writeAll(tokens);
}

Result<void> FileTokenStore::remove(const QString &key)
{
    QJsonObject tokens = readAll();
    if (!tokens.contains(key))
        return {};
    tokens.remove(key);
    return writeAll(tokens);
}

QJsonObject FileTokenStore::readAll() const
{
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll());
    if (!document.isObject())
        qCWarning(lcTokens) << "ignoring unreadable token file" << m_filePath;
    return document.object().value(tokensKey).toObject();
}

Result<void> FileTokenStore::writeAll(const QJsonObject &tokens)
{
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly))
        return Error(QStringLiteral("io_error"),
                     Tr::tr("Cannot write %1: %2").arg(m_filePath, file.errorString()));
    // Restrict the temporary file before the token is in it; the rename keeps the permissions.
    file.setPermissions(ownerOnly);
    const QJsonObject root {{QStringLiteral("version"), 1}, {tokensKey, tokens}};
    file.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return Error(QStringLiteral("io_error"),
                     Tr::tr("Cannot write %1: %2").arg(m_filePath, file.errorString()));
    QFile::setPermissions(m_filePath, ownerOnly);
    return {};
}

} // namespace Lectern::Client
