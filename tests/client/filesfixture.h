#pragma once

// What the file suites share: a desktop session against a real lectern-server (Session, offline
// store and sync engine, FileTransfers with short back-offs), a course, and local files to
// attach.

#include "liveserver.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/apiclient.h>
#include <lectern/client/files/filetransfers.h>
#include <lectern/client/session.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/tokenstore.h>
#include <memory>

namespace FilesFixture {

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

inline const QString instructor = QStringLiteral("instructor@demo.lectern");

// Text that a server recognises as text/plain, `bytes` long.
inline QByteArray lessonText(qint64 bytes, char seed = 'a')
{
    QByteArray line = "Lab safety: goggles on, gloves on, never taste an acid. ";
    line[0] = seed;
    QByteArray text;
    text.reserve(bytes);
    while (text.size() < bytes)
        text += line;
    text.truncate(bytes);
    return text;
}

// A course made by the demo instructor through the API; empty when it failed.
inline QString createCourse(const QUrl &url, const QString &code = QStringLiteral("CHEM-1"))
{
    Test::HttpClient client(url);
    if (client.login(instructor, demoPassword).status != 200)
        return {};
    const Test::HttpResult course
        = client.post(QStringLiteral("/api/v1/courses"),
                      QJsonObject {{QStringLiteral("code"), code},
                                   {QStringLiteral("title"), QStringLiteral("Chemistry")}});
    return course.data()[u"id"].toString();
}

// One person's desktop: logged in, syncing, with FileTransfers.
struct Desktop
{
    std::unique_ptr<QTemporaryDir> dir = std::make_unique<QTemporaryDir>();
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<TokenStore> tokens;
    std::unique_ptr<Session> session;
    std::unique_ptr<SyncController> sync;
    std::unique_ptr<FileTransfers> files;

    ~Desktop() { stop(); }

    bool logIn(const QUrl &url, const QString &email = instructor)
    {
        api = std::make_unique<ApiClient>();
        tokens = std::make_unique<TokenStore>(dir->path(), TokenStore::Mode::FileOnly);
        session = std::make_unique<Session>(api.get(), tokens.get());
        QSignalSpy loggedIn(session.get(), &Session::loggedIn);
        session->login(url, email, demoPassword);
        if (!loggedIn.wait(10000))
            return false;
        sync = std::make_unique<SyncController>();
        SyncController::Options options;
        options.minBackoffMs = 100;
        options.maxBackoffMs = 500;
        sync->setOptions(options);
        QObject::connect(sync.get(), &SyncController::accessTokenNeeded, session.get(), [this] {
            session->refresh([this](const Result<void> &ok) {
                if (ok)
                    sync->setAccessToken(session->accessToken());
            });
        });
        if (!sync->start(url, session->user().id, session->accessToken(),
                         dir->filePath(QStringLiteral("data"))))
            return false;
        makeFiles();
        return true;
    }

    // A FileTransfers as the program makes it at start (again after a restart).
    void makeFiles()
    {
        files.reset();
        files = std::make_unique<FileTransfers>(session.get(), sync.get(), QString());
        FileTransfers::Options options;
        options.minBackoffMs = 100;
        options.maxBackoffMs = 400;
        files->setOptions(options);
    }

    void stop()
    {
        files.reset();
        sync.reset();
        session.reset();
        tokens.reset();
        api.reset();
    }

    QString writeLocalFile(const QString &name, const QByteArray &bytes) const
    {
        QDir().mkpath(dir->filePath(QStringLiteral("local")));
        const QString path = dir->filePath(QStringLiteral("local/") + name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    bool hasFileRecord(const QString &fileId) const
    {
        return sync->store()->record(QStringLiteral("file"), fileId).has_value();
    }

    // Uploads through `files` and waits for its record in the offline store.
    QString uploadAndSync(const QString &courseId, const QString &name, const QByteArray &bytes)
    {
        QSignalSpy finished(files.get(), &FileTransfers::uploadFinished);
        const QString id = files->queueUpload(writeLocalFile(name, bytes), courseId);
        if (id.isEmpty() || !QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000))
            return {};
        const QString fileId = finished.first().at(1).toString();
        if (!QTest::qWaitFor([&] { return hasFileRecord(fileId); }, 20000))
            return {};
        return fileId;
    }
};

} // namespace FilesFixture
