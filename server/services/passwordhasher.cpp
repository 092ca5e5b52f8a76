#include "passwordhasher.h"

#include <sodium.h>

namespace Lectern::Server {

bool PasswordHasher::initialize()
{
    return sodium_init() >= 0;
}

PasswordHasher::Profile PasswordHasher::profileFromName(const QString &name)
{
    if (name == u"moderate")
        return Profile::Moderate;
    if (name == u"sensitive")
        return Profile::Sensitive;
    return Profile::Interactive;
}

PasswordHasher::PasswordHasher(Profile profile)
{
    initialize();
    switch (profile) {
    case Profile::Interactive:
        m_opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        m_memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
        break;
    case Profile::Moderate:
        m_opsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
        m_memLimit = crypto_pwhash_MEMLIMIT_MODERATE;
        break;
    case Profile::Sensitive:
        m_opsLimit = crypto_pwhash_OPSLIMIT_SENSITIVE;
        m_memLimit = crypto_pwhash_MEMLIMIT_SENSITIVE;
        break;
    }
    m_dummyHash = hash(QStringLiteral("not a real password"));
}

QString PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), m_opsLimit, m_memLimit,
                              crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return {};
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &hash, const QString &password) const
{
    m_verifications.fetch_add(1, std::memory_order_relaxed);
    if (hash.isEmpty()) {
        const QByteArray dummy = m_dummyHash.toLatin1();
        const QByteArray utf8 = password.toUtf8();
        [[maybe_unused]] const int spent
            = crypto_pwhash_str_verify(dummy.constData(), utf8.constData(), quint64(utf8.size()));
        return false;
    }
    const QByteArray stored = hash.toLatin1();
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), quint64(utf8.size()))
        == 0;
}

bool PasswordHasher::needsRehash(const QString &hash) const
{
    const QByteArray stored = hash.toLatin1();
    return crypto_pwhash_str_needs_rehash(stored.constData(), m_opsLimit, m_memLimit) != 0;
}

void PasswordHasher::verifyNothing(const QString &password) const
{
    (void)verify(QString(), password);
}

} // namespace Lectern::Server
