#include "uploadpolicy.h"

#include <QMimeDatabase>

namespace Lectern::Server {

namespace {
constexpr qsizetype maxNameLength = 200;

bool isReservedWindowsName(const QString &baseName)
{
    static const QStringList reserved = [] {
        QStringList names {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                           QStringLiteral("NUL")};
        for (int i = 0; i <= 9; ++i) {
            names.append(QStringLiteral("COM%1").arg(i));
            names.append(QStringLiteral("LPT%1").arg(i));
        }
        return names;
    }();
    return reserved.contains(baseName.trimmed().toUpper());
}

bool isUnsafeChar(QChar c)
{
    const char16_t u = c.unicode();
    return u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0) // control characters
        || (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069) // bidi overrides
        || u == 0x200e || u == 0x200f || u == 0xfeff;
}

// Compatible: the same type, or one a kind of the other (a .docx is a kind of zip, CSV a kind of
// plain text). A PDF is not a kind of PNG, nor an executable a kind of PDF.
bool compatible(const QMimeType &a, const QMimeType &b)
{
    return a == b || a.inherits(b.name()) || b.inherits(a.name());
}
} // namespace

UploadPolicy::UploadPolicy(QStringList allowed)
    : m_allowed(allowed.isEmpty() ? defaultAllowedTypes() : std::move(allowed))
{ }

QStringList UploadPolicy::defaultAllowedTypes()
{
    return {
        QStringLiteral("application/pdf"),
        QStringLiteral("image/png"),
        QStringLiteral("image/jpeg"),
        QStringLiteral("image/gif"),
        QStringLiteral("image/webp"),
        QStringLiteral("image/svg+xml"),
        QStringLiteral("text/plain"),
        QStringLiteral("text/markdown"),
        QStringLiteral("text/csv"),
        QStringLiteral("application/zip"),
        QStringLiteral("application/msword"),
        QStringLiteral("application/vnd.ms-excel"),
        QStringLiteral("application/vnd.ms-powerpoint"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        QStringLiteral("application/vnd.openxmlformats-officedocument.presentationml.presentation"),
        QStringLiteral("application/vnd.oasis.opendocument.text"),
        QStringLiteral("application/vnd.oasis.opendocument.spreadsheet"),
        QStringLiteral("application/vnd.oasis.opendocument.presentation"),
        QStringLiteral("video/mp4"),
        QStringLiteral("video/webm"),
        QStringLiteral("audio/mpeg"),
        QStringLiteral("audio/mp4"),
        QStringLiteral("audio/ogg"),
    };
}

QString UploadPolicy::sanitizeFileName(const QString &name)
{
    QString n = name.normalized(QString::NormalizationForm_C);
    n = n.mid(qMax(n.lastIndexOf(u'/'), n.lastIndexOf(u'\\')) + 1);
    QString out;
    out.reserve(n.size());
    for (const QChar c : std::as_const(n)) {
        if (isUnsafeChar(c))
            continue;
        out += QStringView(u"<>:\"|?*").contains(c) ? QChar(u'_') : c;
    }
    out = out.trimmed();
    while (out.startsWith(u'.'))
        out.remove(0, 1);
    while (out.endsWith(u'.') || out.endsWith(u' '))
        out.chop(1);
    out = out.trimmed();
    if (out.isEmpty())
        return {};
    if (isReservedWindowsName(out.section(u'.', 0, 0)))
        out.prepend(u'_');
    if (out.size() > maxNameLength) {
        const qsizetype dot = out.lastIndexOf(u'.');
        const QString suffix = dot > 0 && out.size() - dot <= 20 ? out.mid(dot) : QString();
        out = out.left(maxNameLength - suffix.size()).trimmed() + suffix;
    }
    return out;
}

bool UploadPolicy::isAllowed(const QString &mimeType) const
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mimeType);
    QStringList names {mimeType};
    if (type.isValid())
        names += QStringList {type.name()} + type.aliases();
    for (const QString &allowed : m_allowed) {
        for (const QString &name : std::as_const(names)) {
            if (name == allowed || (allowed.endsWith(u"/*") && name.startsWith(allowed.chopped(1))))
                return true;
        }
    }
    return false;
}

Result<QString> UploadPolicy::decideType(const QByteArray &head, const QString &name,
                                         const QString &declared) const
{
    const QMimeDatabase db;
    const QMimeType detected = db.mimeTypeForData(head);
    const QString declaredName = declared.section(u';', 0, 0).trimmed().toLower();

    // What the client claims: the declared type (unknown or generic ones say nothing) and the
    // type the name's extension stands for.
    QMimeType claimed;
    if (!declaredName.isEmpty() && declaredName != u"application/octet-stream") {
        claimed = db.mimeTypeForName(declaredName);
    }
    QList<QMimeType> byName;
    if (name.contains(u'.'))
        byName = db.mimeTypesForFileName(name);

    const auto mismatch = [&](const QString &claim) {
        return fail(
            MimeMismatch,
            tr("The file's content (%1) does not match its declared type %2.")
                .arg(detected.name(), claim),
            {{QStringLiteral("detected"), detected.name()}, {QStringLiteral("declared"), claim}});
    };

    if (detected.name() == u"application/octet-stream") {
        // Bytes of no known kind cannot back up any claim.
        if (claimed.isValid())
            return mismatch(claimed.name());
        if (!byName.isEmpty())
            return mismatch(byName.first().name());
        return fail(TypeNotAllowed, tr("The type of this file could not be recognised."),
                    {{QStringLiteral("detected"), detected.name()}});
    }
    if (claimed.isValid() && !compatible(claimed, detected))
        return mismatch(claimed.name());
    QMimeType fromName;
    for (const QMimeType &candidate : std::as_const(byName)) {
        if (compatible(candidate, detected)) {
            fromName = candidate;
            break;
        }
    }
    if (!byName.isEmpty() && !fromName.isValid())
        return mismatch(byName.first().name());

    // The most specific of the consistent types: a CSV is text/plain by its bytes, text/csv by its
    // name; a .docx is a zip by its bytes.
    QMimeType decided = detected;
    for (const QMimeType &candidate : {claimed, fromName}) {
        if (candidate.isValid() && candidate != decided && candidate.inherits(decided.name())) {
            decided = candidate;
            break;
        }
    }
    if (!isAllowed(decided.name()))
        return fail(TypeNotAllowed,
                    tr("Files of type %1 cannot be uploaded here.").arg(decided.name()),
                    {{QStringLiteral("detected"), decided.name()},
                     {QStringLiteral("allowed"), m_allowed.join(u", ")}});
    return decided.name();
}

} // namespace Lectern::Server
