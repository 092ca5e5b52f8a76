#pragma once

#include "filetokenstore.h"

#include <QObject>
#include <QUrl>
#include <functional>
#include <optional>

namespace Lectern::Client {

// Keeps the refresh token between runs: in the OS keychain (service "Lectern") when the client was
// built with qtkeychain and the keychain answers, otherwise in a 0600 tokens.json in the data
// folder. Keychain jobs are asynchronous, so every call reports back through a callback on a
// context object.
class TokenStore : public QObject
{
    Q_OBJECT

public:
    enum class Backend { Keychain, File };
    Q_ENUM(Backend)
    enum class Mode {
        KeychainWithFileFallback,
        FileOnly, // tests, and people who ask for it (LECTERN_TOKEN_STORE=file)
    };

    using LoadCallback = std::function<void(const std::optional<QString> &token)>;
    using DoneCallback = std::function<void(const Result<void> &result)>;

    TokenStore(const QString &dataDir, Mode mode, QObject *parent = nullptr);

    static QString keyFor(const QUrl &server, const QString &email);
    static bool isKeychainCompiledIn();

    // The store the last successful call used.
    Backend backend() const { return m_backend; }
    QString filePath() const { return m_file.filePath(); }

    void load(const QString &key, QObject *context, LoadCallback callback);
    void save(const QString &key, const QString &token, QObject *context,
              DoneCallback callback = {});
    void remove(const QString &key, QObject *context, DoneCallback callback = {});

private:
    bool useKeychain() const;
    void keychainFailed(const QString &what, const QString &reason);
    void usedBackend(Backend backend);

    FileTokenStore m_file;
    Mode m_mode;
    Backend m_backend;
    bool m_keychainBroken = false;
    bool m_logged = false;
};

} // namespace Lectern::Client
