#include "filesfixture.h"

#include <QCryptographicHash>
#include <QDesktopServices>

using namespace FilesFixture;
using namespace Qt::StringLiterals;

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
    void cancelledUploadIsForgotten();

public Q_SLOTS:
    // QDesktopServices hands file: URLs here during the test instead of to a real viewer.
    void openFileUrl(const QUrl &url) { m_opened.append(url); }

private:
    std::unique_ptr<RestartableServer> m_server;
    std::unique_ptr<Desktop> m_desktop;
    FileTransfers *files() const { return m_desktop->files.get(); }
    SyncController *sync() const { return m_desktop->sync.get(); }
    QString m_courseId;
    QList<QUrl> m_opened;
};

void tst_FileTransfers::init()
{
    m_server = std::make_unique<RestartableServer>();
    LECTERN_START_RESTARTABLE(*m_server);
    m_courseId = createCourse(m_server->url());
    QVERIFY(!m_courseId.isEmpty());
    m_desktop = std::make_unique<Desktop>();
    QVERIFY(m_desktop->logIn(m_server->url()));
}

void tst_FileTransfers::cleanup()
{
    m_desktop.reset();
    m_server.reset();
    m_opened.clear();
}

void tst_FileTransfers::uploadWithProgressReachesServerAndStore()
{
    const QByteArray bytes = lessonText(3 * 1024 * 1024);
    const QString path = m_desktop->writeLocalFile(u"lab safety.txt"_s, bytes);
    QSignalSpy progress(files(), &FileTransfers::transferProgress);
    QSignalSpy finished(files(), &FileTransfers::uploadFinished);
    QSignalSpy failed(files(), &FileTransfers::transferFailed);

    const QString id = files()->queueUpload(path, m_courseId);
    QVERIFY(!id.isEmpty());
    QCOMPARE(files()->uploads(m_courseId).size(), 1);
    QCOMPARE(files()->uploads(m_courseId).first().name, u"lab safety.txt"_s);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().at(1).toString()));
    QCOMPARE(finished.first().at(0).toString(), id);
    const QString fileId = finished.first().at(1).toString();

    // The bar moved: progress was reported along the way, ending at the whole file.
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(0).toString(), id);
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(bytes.size()));
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(bytes.size()));
    QVERIFY(files()->uploads(m_courseId).isEmpty());

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
    QTRY_VERIFY_WITH_TIMEOUT(sync()->store()->record(u"file"_s, fileId).has_value(), 20000);
    QCOMPARE(sync()->store()->record(u"file"_s, fileId)->fields[u"courseId"].toString(),
             m_courseId);
}

void tst_FileTransfers::uploadQueuedOfflineSurvivesRestartAndResumes()
{
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!sync()->status().online, 20000);

    const QByteArray bytes = lessonText(200 * 1024, 'b');
    QSignalSpy changed(files(), &FileTransfers::transferChanged);
    const QString id
        = files()->queueUpload(m_desktop->writeLocalFile(u"notes.txt"_s, bytes), m_courseId);
    QVERIFY(!id.isEmpty());
    // It waits for the server, saying so, and keeps trying.
    QCOMPARE(files()->transfer(id)->state, FileTransfers::State::Waiting);
    QCOMPARE(files()->transfer(id)->error, u"Waiting for connection"_s);
    QTRY_VERIFY_WITH_TIMEOUT(files()->transfer(id)->attempts >= 1
                                 && files()->transfer(id)->state == FileTransfers::State::Waiting,
                             10000);
    QVERIFY(QFile::exists(files()->queuePath()));

    // The program closes and starts again, still offline: the upload is still queued.
    m_desktop->makeFiles();
    const QList<FileTransfers::Transfer> queued = files()->uploads(m_courseId);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued.first().id, id);
    QCOMPARE(queued.first().name, u"notes.txt"_s);

    // The server comes back: it goes out by itself.
    QSignalSpy finished(files(), &FileTransfers::uploadFinished);
    QVERIFY(m_server->start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().at(0).toString(), id);
    const QString fileId = finished.first().at(1).toString();
    QTRY_VERIFY_WITH_TIMEOUT(sync()->store()->record(u"file"_s, fileId).has_value(), 20000);
    QVERIFY(files()->uploads(m_courseId).isEmpty());

    // And it is not sent twice after another restart.
    m_desktop->makeFiles();
    QVERIFY(files()->uploads(m_courseId).isEmpty());
}

void tst_FileTransfers::downloadWithProgressThenCacheHit()
{
    const QByteArray bytes = lessonText(2 * 1024 * 1024, 'c');
    const QString fileId = m_desktop->uploadAndSync(m_courseId, u"handout.txt"_s, bytes);
    QVERIFY(!fileId.isEmpty());
    // Another computer of the same person: nothing in its cache yet.
    files()->removeCourseDownload(m_courseId);
    QVERIFY(!files()->isCached(fileId));
    QVERIFY(files()->cachedPath(fileId).isEmpty());

    QSignalSpy progress(files(), &FileTransfers::transferProgress);
    QSignalSpy downloaded(files(), &FileTransfers::downloaded);
    const QString id = files()->download(fileId);
    QVERIFY(!id.isEmpty());
    QCOMPARE(files()->download(fileId), id); // asked twice: one download
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 1, 20000);
    QCOMPARE(downloaded.first().at(0).toString(), fileId);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(1).toLongLong(), qint64(bytes.size()));
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(bytes.size()));

    // In the cache under its own name, with its bytes.
    const QString path = files()->cachedPath(fileId);
    QCOMPARE(QFileInfo(path).fileName(), u"handout.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), bytes);
    file.close();
    QVERIFY(!QFile::exists(QFileInfo(path).dir().filePath(u".part"_s)));
    const QDateTime written = QFileInfo(path).lastModified();

    // Again: the server confirms the copy (304) and no bytes move.
    progress.clear();
    QVERIFY(!files()->download(fileId).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 2, 20000);
    for (const QList<QVariant> &step : std::as_const(progress))
        QCOMPARE(step.at(1).toLongLong() == 0 || step.at(1).toLongLong() == bytes.size(), true);
    QCOMPARE(QFileInfo(path).lastModified(), written);

    // Offline, the copy still does.
    m_server->stop();
    QVERIFY(!files()->download(fileId).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(downloaded.size(), 3, 20000);
    QCOMPARE(files()->cachedPath(fileId), path);
}

void tst_FileTransfers::courseDownloadSizeAndRemoval()
{
    const QByteArray first = lessonText(300 * 1024, 'd');
    const QByteArray second = lessonText(700 * 1024, 'e');
    const QString firstId = m_desktop->uploadAndSync(m_courseId, u"week1.txt"_s, first);
    const QString secondId = m_desktop->uploadAndSync(m_courseId, u"week2.txt"_s, second);
    QVERIFY(!firstId.isEmpty() && !secondId.isEmpty());
    const qint64 total = first.size() + second.size();
    QCOMPARE(files()->courseFileIds(m_courseId).size(), 2);

    // Uploaded here, so already here: nothing to download.
    QCOMPARE(files()->courseDownloadSize(m_courseId), 0);
    QVERIFY(files()->isCourseDownloaded(m_courseId));
    QCOMPARE(files()->cachedBytes(m_courseId), total);

    // Removed to free the space: all of it is to download again.
    QSignalSpy cacheChanged(files(), &FileTransfers::cacheChanged);
    files()->removeCourseDownload(m_courseId);
    QVERIFY(!cacheChanged.isEmpty());
    QVERIFY(!files()->isCached(firstId));
    QVERIFY(!QDir(files()->cacheDir()).exists(firstId));
    QCOMPARE(files()->cachedBytes(m_courseId), 0);
    QCOMPARE(files()->courseDownloadSize(m_courseId), total);
    QVERIFY(!files()->isCourseDownloaded(m_courseId));

    QSignalSpy progress(files(), &FileTransfers::courseDownloadProgress);
    QSignalSpy finished(files(), &FileTransfers::courseDownloadFinished);
    files()->downloadCourse(m_courseId);
    QVERIFY(files()->isDownloadingCourse(m_courseId));
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
    QVERIFY(files()->isCourseDownloaded(m_courseId));
    QCOMPARE(files()->courseDownloadSize(m_courseId), 0);
    QCOMPARE(files()->cachedBytes(m_courseId), total);

    files()->removeCourseDownload(m_courseId);
    QCOMPARE(files()->cachedBytes(m_courseId), 0);
    QCOMPARE(files()->courseDownloadSize(m_courseId), total);
}

void tst_FileTransfers::refusedTypeIsFinalAndSaidInWords()
{
    QFile program(u"/bin/true"_s);
    QVERIFY(program.open(QIODevice::ReadOnly));
    const QString path = m_desktop->writeLocalFile(u"tool"_s, program.readAll());
    QSignalSpy failed(files(), &FileTransfers::transferFailed);
    QSignalSpy finished(files(), &FileTransfers::uploadFinished);
    const QString id = files()->queueUpload(path, m_courseId);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    QCOMPARE(failed.first().at(0).toString(), id);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(u"tool was refused"_s) && message.contains(u"cannot be uploaded"_s),
             qPrintable(message));
    QCOMPARE(files()->transfer(id)->state, FileTransfers::State::Failed);
    QCOMPARE(files()->transfer(id)->error, message);

    // Not tried again: not when the connection comes back, not after a restart.
    files()->retryNow();
    QCOMPARE(files()->transfer(id)->state, FileTransfers::State::Failed);
    m_desktop->makeFiles();
    QCOMPARE(files()->uploads(m_courseId).size(), 1);
    QCOMPARE(files()->transfer(id)->state, FileTransfers::State::Failed);
    QCOMPARE(files()->transfer(id)->attempts, 1);
    QCOMPARE(files()->transfer(id)->error, message);
    // The person reads it and dismisses it.
    files()->dismiss(id);
    QVERIFY(files()->uploads(m_courseId).isEmpty());
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
    m_desktop = std::make_unique<Desktop>();
    m_courseId = createCourse(small.url());
    QVERIFY(m_desktop->logIn(small.url()));

    QSignalSpy failed(files(), &FileTransfers::transferFailed);
    const QString id = files()->queueUpload(
        m_desktop->writeLocalFile(u"big.txt"_s, lessonText(1024 * 1024)), m_courseId);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
    const QString message = failed.first().at(1).toString();
    QVERIFY2(message.contains(u"big.txt is too large"_s) && message.contains(u"64"_s),
             qPrintable(message));
    QCOMPARE(files()->transfer(id)->state, FileTransfers::State::Failed);
    QCOMPARE(files()->transfer(id)->attempts, 1);

    // A small one still goes.
    QSignalSpy finished(files(), &FileTransfers::uploadFinished);
    files()->queueUpload(m_desktop->writeLocalFile(u"small.txt"_s, lessonText(10 * 1024)),
                         m_courseId);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(failed.size(), 1);
    m_desktop.reset();
}

void tst_FileTransfers::openDownloadsThenOpensWithSystemViewer()
{
    const QString fileId
        = m_desktop->uploadAndSync(m_courseId, u"reading.txt"_s, lessonText(50 * 1024, 'f'));
    QVERIFY(!fileId.isEmpty());
    files()->removeCourseDownload(m_courseId);
    QDesktopServices::setUrlHandler(u"file"_s, this, "openFileUrl");
    files()->open(fileId);
    QTRY_COMPARE_WITH_TIMEOUT(m_opened.size(), 1, 20000);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(m_opened.first().toLocalFile(), files()->cachedPath(fileId));
    QCOMPARE(QFileInfo(m_opened.first().toLocalFile()).fileName(), u"reading.txt"_s);
}

void tst_FileTransfers::cancelledUploadIsForgotten()
{
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!sync()->status().online, 20000);
    const QString kept = files()->queueUpload(
        m_desktop->writeLocalFile(u"kept.txt"_s, lessonText(1000)), m_courseId);
    const QString dropped = files()->queueUpload(
        m_desktop->writeLocalFile(u"dropped.txt"_s, lessonText(1000, 'x')), m_courseId);
    QSignalSpy removed(files(), &FileTransfers::transferRemoved);
    files()->cancel(dropped);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(0).toString(), dropped);
    QVERIFY(!files()->transfer(dropped));
    // Not after a restart either, and not on the server once it is back.
    m_desktop->makeFiles();
    QCOMPARE(files()->uploads(m_courseId).size(), 1);
    QCOMPARE(files()->uploads(m_courseId).first().id, kept);
    QSignalSpy finished(files(), &FileTransfers::uploadFinished);
    QVERIFY(m_server->start());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(files()->courseFileIds(m_courseId).size(), 1, 20000);
}

QTEST_MAIN(tst_FileTransfers)
#include "tst_filetransfers.moc"
