#pragma once

#include <QCoreApplication>
#include <QStringList>
#include <lectern/result.h>

namespace Lectern::Server {

// What an upload may be: its name made safe to show and to offer for download, and its type
// decided from its bytes (a declared type or a name that contradicts the bytes is refused), then
// checked against the allow-list.
class UploadPolicy
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::UploadPolicy)

public:
    // Error codes of their own (answered 415), beside the shared ones.
    static constexpr auto MimeMismatch = ErrorCode::MimeMismatch;
    static constexpr auto TypeNotAllowed = ErrorCode::TypeNotAllowed;

    // `allowed` entries are MIME types or families ("image/*"); empty: defaultAllowedTypes().
    explicit UploadPolicy(QStringList allowed = {});

    static QStringList defaultAllowedTypes();
    const QStringList &allowedTypes() const { return m_allowed; }

    // A display name from whatever a client sent: the last path component only, without control
    // characters, characters Windows forbids, leading dots or trailing dots and spaces, with a
    // reserved Windows device name (CON, NUL, COM1, ...) defused and at most 200 characters; the
    // extension is kept. Empty when nothing usable is left.
    static QString sanitizeFileName(const QString &name);

    // The type of an upload from its first bytes, its (sanitised) name and the type the client
    // declared (may be empty): refused with mime_mismatch when the name or the declared type
    // contradicts the bytes, with type_not_allowed when the result is not on the allow-list.
    Result<QString> decideType(const QByteArray &head, const QString &name,
                               const QString &declared) const;
    bool isAllowed(const QString &mimeType) const;

private:
    QStringList m_allowed;
};

} // namespace Lectern::Server
