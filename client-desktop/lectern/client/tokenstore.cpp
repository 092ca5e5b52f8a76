#include "tokenstore.h"

#include "apiclient.h"
#include "logging.h"

#include <QDir>
#include <QPointer>

#ifdef LECTERN_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace Lectern::Client {

namespace {
const QString keychainService = QStringLiteral("Lectern");
} // namespace

TokenStore::TokenStore(const QString &dataDir, Mode mode, QObject *parent)
    : QObject(parent)
    , m_file(QDir(dataDir).filePath(QStringLiteral("tokens.json")))
    , m_mode(mode)
    , m_backend(useKeychain() ? Backend::Keychain : Backend::File)
{ }

QString TokenStore::keyFor(const QUrl &server, const QString &email)
{
    return ApiClient::normalizedServerUrl(server).toString() + u' ' + email.trimmed().toLower();
}

bool TokenStore::isKeychainCompiledIn()
{
#ifdef LECTERN_HAVE_KEYCHAIN
    return true;
#else
    return false;
#endif
}

bool TokenStore::useKeychain() const
{
    return isKeychainCompiledIn() && m_mode == Mode::KeychainWithFileFallback && !m_keychainBroken;
}

void TokenStore::keychainFailed(const QString &what, const QString &reason)
{
    if (!m_keychainBroken)
        qCWarning(lcTokens).noquote() << "OS keychain unavailable (" << what << ":" << reason
                                      << "); using" << m_file.filePath() << "instead";
    // Asking again every time would only repeat a slow failure.
    m_keychainBroken = true;
}

void TokenStore::usedBackend(Backend backend)
{
    if (m_backend == backend && m_logged)
        return;
    m_backend = backend;
    m_logged = true;
    if (backend == Backend::Keychain)
        qCInfo(lcTokens) << "refresh token store: OS keychain";
    else
        qCInfo(lcTokens) << "refresh token store: file" << m_file.filePath();
}

void TokenStore::load(const QString &key, QObject *context, LoadCallback callback)
{
    QPointer<QObject> guard(context);
    auto fromFile = [this, key, guard, callback] {
        const std::optional<QString> token = m_file.read(key);
        usedBackend(Backend::File);
        if (guard && callback)
            callback(token);
    };
#ifdef LECTERN_HAVE_KEYCHAIN
    if (useKeychain()) {
        auto *job = new QKeychain::ReadPasswordJob(keychainService, this);
        job->setAutoDelete(true);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [=, this](QKeychain::Job *) {
            if (job->error() == QKeychain::NoError) {
                usedBackend(Backend::Keychain);
                if (guard && callback)
                    callback(job->textData());
                return;
            }
            // Not found: it may have been kept in the file while the keychain was away.
            if (job->error() != QKeychain::EntryNotFound)
                keychainFailed(QStringLiteral("read"), job->errorString());
            fromFile();
        });
        job->start();
        return;
    }
#endif
    // Keep the asynchronous contract even when the answer is at hand.
    QMetaObject::invokeMethod(this, fromFile, Qt::QueuedConnection);
}

void TokenStore::save(const QString &key, const QString &token, QObject *context,
                      DoneCallback callback)
{
    QPointer<QObject> guard(context);
    auto toFile = [this, key, token, guard, callback] {
        const Result<void> result = m_file.write(key, token);
        if (result)
            usedBackend(Backend::File);
        else
            qCWarning(lcTokens).noquote()
                << "cannot keep the refresh token:" << result.error().message;
        if (guard && callback)
            callback(result);
    };
#ifdef LECTERN_HAVE_KEYCHAIN
    if (useKeychain()) {
        auto *job = new QKeychain::WritePasswordJob(keychainService, this);
        job->setAutoDelete(true);
        job->setKey(key);
        job->setTextData(token);
        connect(job, &QKeychain::Job::finished, this, [=, this](QKeychain::Job *) {
            if (job->error() != QKeychain::NoError) {
                keychainFailed(QStringLiteral("write"), job->errorString());
                toFile();
                return;
            }
            usedBackend(Backend::Keychain);
            // No plain-text copy once the keychain holds it.
            (void)m_file.remove(key);
            if (guard && callback)
                callback(Result<void>());
        });
        job->start();
        return;
    }
#endif
    QMetaObject::invokeMethod(this, toFile, Qt::QueuedConnection);
}

void TokenStore::remove(const QString &key, QObject *context, DoneCallback callback)
{
    QPointer<QObject> guard(context);
    auto fromFile = [this, key, guard, callback] {
        const Result<void> result = m_file.remove(key);
        if (guard && callback)
            callback(result);
    };
#ifdef LECTERN_HAVE_KEYCHAIN
    if (useKeychain()) {
        auto *job = new QKeychain::DeletePasswordJob(keychainService, this);
        job->setAutoDelete(true);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [=, this](QKeychain::Job *) {
            if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound)
                keychainFailed(QStringLiteral("delete"), job->errorString());
            fromFile();
        });
        job->start();
        return;
    }
#endif
    QMetaObject::invokeMethod(this, fromFile, Qt::QueuedConnection);
}

} // namespace Lectern::Client
