#include "liveserver.h"

#include <QCryptographicHash>
#include <QDesktopServices>
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

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;
using namespace Qt::StringLiterals;

namespace {

const QString instructor = u"instructor@demo.lectern"_s;

// Text that a server recognises as text/plain, `bytes` long.
QByteArray lessonText(qint64 bytes, char seed = 'a')
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

} // namespace

// FileTransfers against a real lectern-server: a logged-in desktop session (Session, offline
// store and sync engine) uploads, downloads and caches course files, with the server going away
// and coming back.
class tst_FileTransfers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void uploadWithProgressReachesServerAndStore();
    void uploadQueuedOfflineSurvivesRestartAndResumes();
    void downloadWithProgressThenCacheHit();
    void courseDownloadSizeAndRemoval();
    void refusedTypeIsFinalAndSaidInWords();
    void oversizeIsFinalAndSaidInWords();
    void openDownloadsThenOpensWithSystemViewer();

public Q_SLOTS:
    // QDesktopServices hands file: URLs here during the test instead of to a real viewer.
    void openFileUrl(const QUrl &url) { m_opened.append(url); }

private:
    bool logIn(const QUrl &url);
    void makeFiles();
    QString writeLocalFile(const QString &name, const QByteArray &bytes);
    // Uploads through `m_files` and waits for its record in the offline store.
    QString uploadAndSync(const QString &name, const QByteArray &bytes);
    QString createCourse(const QUrl &url);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RestartableServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<FileTransfers> m_files;
    QString m_courseId;
    QList<QUrl> m_opened;
};

void tst_FileTransfers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<RestartableServer>();
    LECTERN_START_RESTARTABLE(*m_server);
    m_courseId = createCourse(m_server->url());
    QVERIFY(!m_courseId.isEmpty());
    QVERIFY(logIn(m_server->url()));
    makeFiles();
}

void tst_FileTransfers::cleanup()
{
    m_files.reset();
    m_sync.reset();
    m_session.reset();
    m_tokens.reset();
    m_api.reset();
    m_server.reset();
    m_dir.reset();
    m_opened.clear();
}

QString tst_FileTransfers::createCourse(const QUrl &url)
{
    Test::HttpClient client(url);
    if (client.login(instructor, demoPassword).status != 200)
        return {};
    const Test::HttpResult course = client.post(
        u"/api/v1/courses"_s, QJsonObject {{u"code"_s, u"CHEM-1"_s}, {u"title"_s, u"Chemistry"_s}});
    return course.data()[u"id"].toString();
}

bool tst_FileTransfers::logIn(const QUrl &url)
{
    m_api = std::make_unique<ApiClient>();
    m_tokens = std::make_unique<TokenStore>(m_dir->path(), TokenStore::Mode::FileOnly);
    m_session = std::make_unique<Session>(m_api.get(), m_tokens.get());
    QSignalSpy loggedIn(m_session.get(), &Session::loggedIn);
    m_session->login(url, instructor, demoPassword);
    if (!loggedIn.wait(10000))
        return false;
    m_sync = std::make_unique<SyncController>();
    SyncController::Options options;
    options.minBackoffMs = 100;
    options.maxBackoffMs = 500;
    m_sync->setOptions(options);
    connect(m_sync.get(), &SyncController::accessTokenNeeded, m_session.get(), [this] {
        m_session->refresh([this](const Result<void> &ok) {
            if (ok)
                m_sync->setAccessToken(m_session->accessToken());
        });
    });
    return bool(m_sync->start(url, m_session->user().id, m_session->accessToken(),
                              m_dir->filePath(u"data"_s)));
}

void tst_FileTransfers::makeFiles()
{
    m_files = std::make_unique<FileTransfers>(m_session.get(), m_sync.get(), QString());
    FileTransfers::Options options;
    options.minBackoffMs = 100;
    options.maxBackoffMs = 400;
    m_files->setOptions(options);
}

QString tst_FileTransfers::writeLocalFile(const QString &name, const QByteArray &bytes)
{
    QDir().mkpath(m_dir->filePath(u"local"_s));
    const QString path = m_dir->filePath(u"local/"_s + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString tst_FileTransfers::uploadAndSync(const QString &name, const QByteArray &bytes)
{
    QSignalSpy finished(m_files.get(), &FileTransfers::uploadFinished);
    const QString id = m_files->queueUpload(writeLocalFile(name, bytes), m_courseId);
    if (id.isEmpty() || !QTest::qWaitFor([&] { return !finished.isEmpty(); }, 20000))
        return {};
    const QString fileId = finished.first().at(1).toString();
    if (!QTest::qWaitFor([&] { return bool(m_sync->store()->record(u"file"_s, fileId)); }, 20000))
        return {};
    return fileId;
}

void tst_FileTransfers::uploadWithProgressReachesServerAndStore()
{
    const QByteArray bytes = lessonText(3 * 1024 * 1024);
    const QString path = writeLocalFile(u"lab safety.txt"_s, bytes);
    QSignalSpy progress(m_files.get(), &FileTransfers::transferProgress);
    QSignalSpy finished(m_files.get(), &FileTransfers::uploadFinished);
    QSignalSpy failed(m_files.get(), &FileTransfers::transferFailed);

    const QString id = m_files->queueUpload(path, m_courseId);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_files->uploads(m_courseId).size(), 1);
    QCOMPARE(m_files->uploads(m_courseId).first().name, u"lab safety.txt"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QCOMPARE(finished.first().at(0).toString(), id);
    const QString fileId = finished.first().at(1).toString();

    // The bar moved: progress was reported along the way, ending at the whole file.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toString(), id);
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(bytes.size()));
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(bytes.size()));
    QVERIFY(m_files->uploads(m_courseId).isEmpty());

    // The server has it, under the course, with the right bytes.
    Test::HttpClient client(m_server->url());
    client.login(instructor, demoPassword);
    const Test::HttpResult meta = client.get(u"/api/v1/files/"_s + fileId);
    QCOMPARE(meta.status, 200);
    QCOMPARE(meta.data()[u"courseId"].toString(), m_courseId);
    QCOMPARE(meta.data()[u"originalName"].toString(), u"lab safety.txt"_s);
    QCOMPARE(meta.data()[u"size"].toInteger(), qint64(bytes.size()));
    QCOMPARE(
        meta.data()[u"sha256"].toString(),
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));

    // Its record arrives in the offline store by sync.
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->store()->record(u"file"_s, fileId).has_value(), 20000);
    QCOMPARE(m_sync->store()->record(u"file"_s, fileId)->fields[u"courseId"].toString(),
             m_courseId);
}

void tst_FileTransfers::uploadQueuedOfflineSurvivesRestartAndResumes()
{
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_sync->status().online, 20000);

    const QByteArray bytes = lessonText(200 * 1024, 'b');
    QSignalSpy changed(m_files.get(), &FileTransfers::transferChanged);
    const QString id = m_files->queueUpload(writeLocalFile(u"notes.txt"_s, bytes), m_courseId);
    QVERIFY(!id.isEmpty());
    // It waits for the server, saying so, and keeps trying.
    QCOMPARE(m_files->transfer(id)->state, FileTransfers::State::Waiting);
    QCOMPARE(m_files->transfer(id)->error, u"Waiting for connection"_s);
    QTRY_VERIFY_WITH_TIMEOUT(m_files->transfer(id)->attempts >= 1
                                 && m_files->transfer(id)->state == FileTransfers::State::Waiting,
                             10000);
    QVERIFY(QFile::exists(m_files->queuePath()));

    // The program closes and starts again, still offline: the upload is still queued.
    m_files.reset();
    makeFiles();
    const QList<FileTransfers::Transfer> queued = m_files->uploads(m_courseId);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().id, id);
    QCOMPARE(queued.first().name, u"notes.txt"_s);

    // The server comes back: it goes out by itself.
    QSignalSpy finished(m_files.get(), &FileTransfers::uploadFinished);
    QVERIFY(m_server->start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().at(0).toString(), id);
    const QString fileId = finished.first().at(1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->store()->record(u"file"_s, fileId).has_value(), 20000);
    QVERIFY(m_files->uploads(m_courseId).isEmpty());

    // And it is not sent twice after another restart.
    m_files.reset();
    makeFiles();
    QVERIFY(m_files->uploads(m_courseId).isEmpty());
}

void tst_FileTransfers::downloadWithProgressThenCacheHit()
{
    const QByteArray bytes = lessonText(2 * 1024 * 1024, 'c');
    const QString fileId = uploadAndSync(u"handout.txt"_s, bytes);
    QVERIFY(!fileId.isEmpty());
    // Another computer of the same person: nothing in its cache yet.
    m_files->removeCourseDownload(m_courseId);
    QVERIFY(!m_files->isCached(fileId));
    QVERIFY(m_files->cachedPath(fileId).isEmpty());

    QSignalSpy progress(m_files.get(), &FileTransfers::transferProgress);
    QSignalSpy downloaded(m_files.get(), &FileTransfers::downloaded);
    const QString id = m_files->download(fileId);
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_files->download(fileId), id); // asked twice: one download
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 1, 20000);
    QCOMPARE(downloaded.first().at(0).toString(), fileId);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(bytes.size()));
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(bytes.size()));

    // In the cache under its own name, with its bytes.
    const QString path = m_files->cachedPath(fileId);
    QCOMPARE(QFileInfo(path).fileName(), u"handout.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    file.close();
    QVERIFY(!QFile::exists(QFileInfo(path).dir().filePath(u".part"_s)));
    const QDateTime written = QFileInfo(path).lastModified();

    // Again: the server confirms the copy (304) and no bytes move.
    progress.clear();
    QVERIFY(!m_files->download(fileId).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 2, 20000);
    for (const QList<QVariant> &step : std::as_const(progress))
        QCOMPARE(step.at(1).toLongLong() == 0 || step.at(1).toLongLong() == bytes.size(), true);
    QCOMPARE(QFileInfo(path).lastModified(), written);

    // Offline, the copy still does.
    m_server->stop();
    QVERIFY(!m_files->download(fileId).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 3, 20000);
    QCOMPARE(m_files->cachedPath(fileId), path);
}

void tst_FileTransfers::courseDownloadSizeAndRemoval()
{
    const QByteArray first = lessonText(300 * 1024, 'd');
    const QByteArray second = lessonText(700 * 1024, 'e');
    const QString firstId = uploadAndSync(u"week1.txt"_s, first);
    const QString secondId = uploadAndSync(u"week2.txt"_s, second);
    QVERIFY(!firstId.isEmpty() && !secondId.isEmpty());
    const qint64 total = first.size() + second.size();
    QCOMPARE(m_files->courseFileIds(m_courseId).size(), 2);

    // Uploaded here, so already here: nothing to download.
    QCOMPARE(m_files->courseDownloadSize(m_courseId), 0);
    QVERIFY(m_files->isCourseDownloaded(m_courseId));
    QCOMPARE(m_files->cachedBytes(m_courseId), total);

    // Removed to free the space: all of it is to download again.
    QSignalSpy cacheChanged(m_files.get(), &FileTransfers::cacheChanged);
    m_files->removeCourseDownload(m_courseId);
    QVERIFY(!cacheChanged.isEmpty());
    QVERIFY(!m_files->isCached(firstId));
    QVERIFY(!QDir(m_files->cacheDir()).exists(firstId));
    QCOMPARE(m_files->cachedBytes(m_courseId), 0);
    QCOMPARE(m_files->courseDownloadSize(m_courseId), total);
    QVERIFY(!m_files->isCourseDownloaded(m_courseId));

    QSignalSpy progress(m_files.get(), &FileTransfers::courseDownloadProgress);
    QSignalSpy finished(m_files.get(), &FileTransfers::courseDownloadFinished);
    m_files->downloadCourse(m_courseId);
    QVERIFY(m_files->isDownloadingCourse(m_courseId));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.first().at(0).toString(), m_courseId);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.last().at(1).toLongLong(), total);
    QCOMPARE(progress.last().at(2).toLongLong(), total);
    qint64 before = -1;
    for (const QList<QVariant> &step : std::as_const(progress)) {
        QVERIFY(step.at(1).toLongLong() >= before); // the bar never goes back
        before = step.at(1).toLongLong();
    }
    QVERIFY(m_files->isCourseDownloaded(m_courseId));
    QCOMPARE(m_files->courseDownloadSize(m_courseId), 0);
    QCOMPARE(m_files->cachedBytes(m_courseId), total);

    m_files->removeCourseDownload(m_courseId);
    QCOMPARE(m_files->cachedBytes(m_courseId), 0);
    QCOMPARE(m_files->courseDownloadSize(m_courseId), total);
}

void tst_FileTransfers::refusedTypeIsFinalAndSaidInWords()
{
    QFile program(u"/bin/true"_s);
    QVERIFY(program.open(QIODevice::ReadOnly));
    const QString path = writeLocalFile(u"tool"_s, program.readAll());
    QSignalSpy failed(m_files.get(), &FileTransfers::transferFailed);
    QSignalSpy finished(m_files.get(), &FileTransfers::uploadFinished);
    const QString id = m_files->queueUpload(path, m_courseId);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.first().at(0).toString(), id);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(u"tool was refused"_s) && message.contains(u"cannot be uploaded"_s),
             qPrintable(message));
    QCOMPARE(m_files->transfer(id)->state, FileTransfers::State::Failed);
    QCOMPARE(m_files->transfer(id)->error, message);

    // Not tried again: not when the connection comes back, not after a restart.
    m_files->retryNow();
    QCOMPARE(m_files->transfer(id)->state, FileTransfers::State::Failed);
    m_files.reset();
    makeFiles();
    QCOMPARE(m_files->uploads(m_courseId).size(), 1);
    QCOMPARE(m_files->transfer(id)->state, FileTransfers::State::Failed);
    QCOMPARE(m_files->transfer(id)->attempts, 1);
    QCOMPARE(m_files->transfer(id)->error, message);
    // The person reads it and dismisses it.
    m_files->dismiss(id);
    QVERIFY(m_files->uploads(m_courseId).isEmpty());
    QVERIFY(finished.isEmpty());
}

void tst_FileTransfers::oversizeIsFinalAndSaidInWords()
{
    // A server that takes files of up to 64 KiB.
    Test::TestServer::Options options = demoServer();
    options.configure = [copyDemo = options.configure](Server::ServerConfig &config) {
        copyDemo(config);
        config.maxUploadBytes = 64 * 1024;
    };
    Test::TestServer small(options);
    LECTERN_START_SERVER(small);
    cleanup();
    m_dir = std::make_unique<QTemporaryDir>();
    m_courseId = createCourse(small.url());
    QVERIFY(logIn(small.url()));
    makeFiles();

    QSignalSpy failed(m_files.get(), &FileTransfers::transferFailed);
    const QString id
        = m_files->queueUpload(writeLocalFile(u"big.txt"_s, lessonText(1024 * 1024)), m_courseId);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(u"big.txt is too large"_s) && message.contains(u"64"_s),
             qPrintable(message));
    QCOMPARE(m_files->transfer(id)->state, FileTransfers::State::Failed);
    QCOMPARE(m_files->transfer(id)->attempts, 1);

    // A small one still goes.
    QSignalSpy finished(m_files.get(), &FileTransfers::uploadFinished);
    m_files->queueUpload(writeLocalFile(u"small.txt"_s, lessonText(10 * 1024)), m_courseId);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(failed.size(), 1);
    m_files.reset();
    m_sync.reset();
}

void tst_FileTransfers::openDownloadsThenOpensWithSystemViewer()
{
    const QString fileId = uploadAndSync(u"reading.txt"_s, lessonText(50 * 1024, 'f'));
    QVERIFY(!fileId.isEmpty());
    m_files->removeCourseDownload(m_courseId);
    QDesktopServices::setUrlHandler(u"file"_s, this, "openFileUrl");
    m_files->open(fileId);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(m_opened.first().toLocalFile(), m_files->cachedPath(fileId));
    QCOMPARE(QFileInfo(m_opened.first().toLocalFile()).fileName(), u"reading.txt"_s);
}

QTEST_MAIN(tst_FileTransfers)
#include "tst_filetransfers.moc"
