#pragma once

#include <QString>
#include <atomic>

namespace Lectern::Server {

// argon2id password hashes through libsodium's crypto_pwhash_str: the salt and cost parameters are
// stored in the hash string, so the cost can be raised later without invalidating old hashes.
class PasswordHasher
{
public:
    enum class Profile { Interactive, Moderate, Sensitive };

    // Initialises libsodium; false when it cannot (the server then refuses to start).
    static bool initialize();
    static Profile profileFromName(const QString &name);

    explicit PasswordHasher(Profile profile = Profile::Interactive);

    // Empty when hashing failed (out of memory).
    QString hash(const QString &password) const;
    // An empty `hash` (an account without a password) is checked against a dummy hash, so it
    // takes as long as any other refusal.
    bool verify(const QString &hash, const QString &password) const;
    bool needsRehash(const QString &hash) const;
    // Spends the time a verify() would, so unknown accounts cannot be told apart by timing.
    void verifyNothing(const QString &password) const;
    // How many verifications ran (for /metrics and tests: every refusal path costs one).
    qint64 verifications() const { return m_verifications.load(std::memory_order_relaxed); }

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
    QString m_dummyHash;
    mutable std::atomic<qint64> m_verifications {0};
};

} // namespace Lectern::Server
