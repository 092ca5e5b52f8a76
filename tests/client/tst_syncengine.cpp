#include "liveserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/sync/localstore.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/sync/syncengine.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

namespace {

const QString instructor = QStringLiteral("instructor@demo.lectern");

struct Account
{
    QString accessToken;
    QString refreshToken;
    QString userId;
};

QJsonObject course(const QString &title)
{
    return {{QStringLiteral("code"), QStringLiteral("BIO-101")}, {QStringLiteral("title"), title}};
}

// A course made on `store` with `modules` modules titled `moduleTitle` (with %1 for the
// number), all waiting in the outbox; its id, or none when a write failed.
QString offlineCourse(LocalStore &store, const QString &title, const QString &moduleTitle,
                      int modules)
{
    const Result<QString> courseId = store.create(QStringLiteral("course"), course(title));
    if (!courseId)
        return {};
    for (int i = 0; i < modules; ++i) {
        if (!store.create(QStringLiteral("module"),
                          {{QStringLiteral("courseId"), *courseId},
                           {QStringLiteral("title"), moduleTitle.arg(i)}}))
            return {};
    }
    return *courseId;
}

// (entity, id) -> rev of every record a full pull from 0 gives the caller.
QMap<QString, qint64> serverState(const QUrl &url, const QString &token)
{
    Test::HttpClient client(url);
    client.setToken(token);
    QMap<QString, qint64> state;
    qint64 cursor = 0;
    for (int guard = 0; guard < 1000; ++guard) {
        const Test::HttpResult result
            = client.get(QStringLiteral("/api/v1/sync/pull?cursor=%1&limit=500").arg(cursor));
        if (result.status != 200) {
            qWarning() << "pull failed" << result.status << result.body;
            return {};
        }
        const auto page = Sync::PullPage::fromJson(result.data().toObject());
        if (!page)
            return {};
        for (const Sync::Change &change : page->changes) {
            const QString key = change.entity + u'/' + change.entityId;
            if (change.deleted)
                state.remove(key);
            else
                state.insert(key, change.rev);
        }
        cursor = page->cursor;
        if (!page->hasMore)
            break;
    }
    return state;
}

QMap<QString, qint64> localState(LocalStore &store)
{
    QMap<QString, qint64> state;
    for (const EntitySpec &spec : EntityRegistry::all()) {
        for (const LocalRecord &record : store.list(spec.name))
            state.insert(record.entity + u'/' + record.id, record.serverRev);
    }
    return state;
}

} // namespace

// The sync engine against a real lectern-server: devices with databases of their own, edits made
// offline, live "changes" events, conflicts, interrupted syncs and refused tokens.
class tst_SyncEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void offlineEditsReachAnotherDevice();
    void pushedRecordsComeBackInTheAnswer();
    void conflictingEditsMakeOneConflictBothSee();
    void interruptedPullResumesFromCursor();
    void pullSurvivesServerGoingAway();
    void pushSurvivesServerGoingAway();
    void outboxSurvivesRefusedToken();
    void controllerSyncsFromItsThread();

private:
    Account logIn(const QUrl &url, const QString &email);
    std::unique_ptr<SyncEngine> engine(const QString &name, const QString &token,
                                       int pullLimit = Sync::defaultPullLimit, const QUrl &url = {},
                                       int pushLimit = Sync::maxOpsPerPush);
    QString dbPath(const QString &name) const { return m_dir->filePath(name + u".sqlite"); }
    // Runs rounds until one ends well with nothing left to push.
    bool settle(SyncEngine &engine, int timeoutMs = 20000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Test::TestServer> m_server;
};

void tst_SyncEngine::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<Test::TestServer>(demoServer());
    LECTERN_START_SERVER(*m_server);
}

void tst_SyncEngine::cleanup()
{
    m_server.reset();
    m_dir.reset();
}

Account tst_SyncEngine::logIn(const QUrl &url, const QString &email)
{
    Test::HttpClient client(url);
    const Test::HttpResult result = client.login(email, demoPassword);
    const QJsonObject data = result.data().toObject();
    if (result.status != 200)
        qWarning() << "login failed:" << result.status << result.body;
    return {data.value(u"accessToken").toString(), data.value(u"refreshToken").toString(),
            data.value(u"user").toObject().value(u"id").toString()};
}

std::unique_ptr<SyncEngine> tst_SyncEngine::engine(const QString &name, const QString &token,
                                                   int pullLimit, const QUrl &url, int pushLimit)
{
    SyncEngine::Config config;
    config.databasePath = dbPath(name);
    config.serverUrl = url.isEmpty() ? m_server->url() : url;
    config.accessToken = token;
    config.debounceMs = 10;
    config.minBackoffMs = 50;
    config.maxBackoffMs = 400;
    config.fallbackIntervalMs = 10 * 60 * 1000; // only the live channel prompts a pull
    config.pullLimit = pullLimit;
    config.pushLimit = pushLimit;
    auto made = std::make_unique<SyncEngine>(config);
    made->start();
    return made;
}

bool tst_SyncEngine::settle(SyncEngine &engine, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        QSignalSpy rounds(&engine, &SyncEngine::roundFinished);
        engine.syncNow();
        while (rounds.isEmpty() && timer.elapsed() < timeoutMs)
            QTest::qWait(10);
        if (rounds.isEmpty())
            return false;
        if (rounds.last().first().toBool() && !engine.status().syncing
            && engine.store()->pendingCount() == 0)
            return true;
        QTest::qWait(20);
    }
    return false;
}

void tst_SyncEngine::offlineEditsReachAnotherDevice()
{
    const Account laptop = logIn(m_server->url(), instructor);
    const Account desktop = logIn(m_server->url(), instructor);
    QVERIFY(!laptop.accessToken.isEmpty());

    // The desktop is connected and up to date; its live channel is open.
    auto other = engine(QStringLiteral("desktop"), desktop.accessToken);
    QVERIFY(settle(*other));
    QTRY_VERIFY(other->isWebSocketReady());
    QSignalSpy otherRounds(other.get(), &SyncEngine::roundFinished);

    // The laptop works offline: no engine, only its store.
    QString courseId, moduleId, lessonId;
    {
        LocalStore offline;
        QVERIFY(offline.open(dbPath(QStringLiteral("laptop"))));
        courseId = *offline.create(QStringLiteral("course"), course(QStringLiteral("Biology")));
        moduleId = *offline.create(QStringLiteral("module"),
                                   {{QStringLiteral("courseId"), courseId},
                                    {QStringLiteral("title"), QStringLiteral("Cells")}});
        const Result<QString> lesson
            = offline.create(QStringLiteral("content"),
                             {{QStringLiteral("moduleId"), moduleId},
                              {QStringLiteral("type"), QStringLiteral("lesson")},
                              {QStringLiteral("title"), QStringLiteral("What is a cell")},
                              {QStringLiteral("body"), QStringLiteral("# Cells\n")}});
        QVERIFY(lesson);
        lessonId = *lesson;
        QVERIFY(offline.update(QStringLiteral("course"), courseId,
                               {{QStringLiteral("term"), QStringLiteral("2026-fall")}}));
        QCOMPARE(offline.pendingCount(), 3); // the update folded into the create
    }

    // Back online.
    auto laptopEngine = engine(QStringLiteral("laptop"), laptop.accessToken);
    QVERIFY(settle(*laptopEngine));
    QCOMPARE(laptopEngine->store()->pendingCount(), 0);
    QCOMPARE(laptopEngine->store()->rejectedCount(), 0);
    const auto pushedCourse = laptopEngine->store()->record(QStringLiteral("course"), courseId);
    QVERIFY(pushedCourse);
    QVERIFY(pushedCourse->hasServerState);
    QVERIFY(pushedCourse->serverRev > 0);
    QCOMPARE(pushedCourse->fields.value(u"term").toString(), QStringLiteral("2026-fall"));
    QVERIFY(laptopEngine->status().lastSuccess.isValid());

    // The desktop hears of it through the live channel (its fallback timer is ten minutes away).
    QTRY_VERIFY_WITH_TIMEOUT(other->store()->record(QStringLiteral("content"), lessonId), 10000);
    QVERIFY(!otherRounds.isEmpty());
    const auto lesson = other->store()->record(QStringLiteral("content"), lessonId);
    QCOMPARE(lesson->fields.value(u"body").toString(), QStringLiteral("# Cells\n"));
    QCOMPARE(lesson->parentId, moduleId);
    QCOMPARE(other->store()->children(QStringLiteral("module"), courseId).size(), 1);
    QCOMPARE(other->store()->record(QStringLiteral("course"), courseId)->fields.value(u"title"),
             QJsonValue(QStringLiteral("Biology")));
}

// What the server makes of a device's pushed records (their revision, the fields only it sets)
// comes back in the push's answer: the device holds the server's state without pulling it back.
void tst_SyncEngine::pushedRecordsComeBackInTheAnswer()
{
    const Account laptop = logIn(m_server->url(), instructor);
    // Up to date first: what the round below pulls is what it made.
    QVERIFY(settle(*engine(QStringLiteral("laptop"), laptop.accessToken)));
    QString courseId, moduleId, lessonId, deviceId;
    {
        LocalStore offline;
        QVERIFY(offline.open(dbPath(QStringLiteral("laptop"))));
        deviceId = offline.deviceId();
        courseId = *offline.create(QStringLiteral("course"), course(QStringLiteral("Botany")));
        moduleId = *offline.create(QStringLiteral("module"),
                                   {{QStringLiteral("courseId"), courseId},
                                    {QStringLiteral("title"), QStringLiteral("Leaves")}});
        lessonId = *offline.create(QStringLiteral("content"),
                                   {{QStringLiteral("moduleId"), moduleId},
                                    {QStringLiteral("type"), QStringLiteral("lesson")},
                                    {QStringLiteral("title"), QStringLiteral("Chlorophyll")}});
        for (int i = 0; i < 40; ++i) {
            QVERIFY(offline.create(QStringLiteral("content"),
                                   {{QStringLiteral("moduleId"), moduleId},
                                    {QStringLiteral("type"), QStringLiteral("lesson")},
                                    {QStringLiteral("title"), QStringLiteral("Leaf %1").arg(i)}}));
        }
    }
    auto laptopEngine = engine(QStringLiteral("laptop"), laptop.accessToken);
    QSignalSpy statuses(laptopEngine.get(), &SyncEngine::statusChanged);
    QVERIFY(settle(*laptopEngine));
    // The progress counts the 43 changes sent, not the same again for a pull that passes over
    // them (a few changes more: the course's enrollment of its maker, and who may see it).
    qint64 mostToDo = 0;
    for (const QList<QVariant> &signal : std::as_const(statuses))
        mostToDo = qMax(mostToDo, signal.first().value<SyncStatus>().total);
    QVERIFY2(mostToDo >= 43 && mostToDo < 43 + 10, QByteArray::number(mostToDo).constData());

    Test::HttpClient rest(m_server->url());
    rest.setToken(laptop.accessToken);
    const QJsonObject server
        = rest.get(QStringLiteral("/api/v1/contents/") + lessonId).data().toObject();
    const auto local = laptopEngine->store()->record(QStringLiteral("content"), lessonId);
    QVERIFY(local);
    QCOMPARE(local->pending, 0);
    QCOMPARE(local->serverRev, server.value(u"rev").toInteger());
    // Set by the server alone: the course it derived from the module, its place, its time.
    QCOMPARE(local->fields.value(u"courseId").toString(), courseId);
    QCOMPARE(local->fields.value(u"orderKey"), server.value(u"orderKey"));
    QCOMPARE(local->fields.value(u"updatedAt"), server.value(u"updatedAt"));
    QCOMPARE(local->serverFields, local->fields);
    QCOMPARE(localState(*laptopEngine->store()), serverState(m_server->url(), laptop.accessToken));

    // ... which is why this device's pull leaves them out. (The course comes once more: making
    // it let its maker see it, a change of who sees it that every device of theirs hears of.)
    const Test::HttpResult pulled
        = rest.get(QStringLiteral("/api/v1/sync/pull?cursor=0&limit=2000&deviceId=") + deviceId);
    QCOMPARE(pulled.status, 200);
    const auto page = Sync::PullPage::fromJson(pulled.data().toObject());
    QVERIFY(page);
    for (const Sync::Change &change : page->changes)
        QVERIFY2(change.entityId != lessonId && change.entityId != moduleId,
                 qPrintable(change.entity));
}

void tst_SyncEngine::conflictingEditsMakeOneConflictBothSee()
{
    const Account a = logIn(m_server->url(), instructor);
    const Account b = logIn(m_server->url(), instructor);
    auto first = engine(QStringLiteral("a"), a.accessToken);
    auto second = engine(QStringLiteral("b"), b.accessToken);
    const QString courseId
        = *first->store()->create(QStringLiteral("course"), course(QStringLiteral("Chemistry")));
    QVERIFY(settle(*first));
    QVERIFY(settle(*second));
    QVERIFY(second->store()->record(QStringLiteral("course"), courseId));
    QTRY_VERIFY(first->isWebSocketReady() && second->isWebSocketReady());

    // The second device goes offline and changes the title and the level; meanwhile the first
    // changes the title and the term and pushes first, so the second's title is the one that
    // arrives late and conflicts.
    second.reset();
    {
        LocalStore offline;
        QVERIFY(offline.open(dbPath(QStringLiteral("b"))));
        QVERIFY(offline.update(QStringLiteral("course"), courseId,
                               {{QStringLiteral("title"), QStringLiteral("General chemistry")},
                                {QStringLiteral("level"), QStringLiteral("intro")}}));
    }
    QVERIFY(first->store()->update(QStringLiteral("course"), courseId,
                                   {{QStringLiteral("title"), QStringLiteral("Chemistry I")},
                                    {QStringLiteral("term"), QStringLiteral("spring")}}));
    QVERIFY(settle(*first));
    second = engine(QStringLiteral("b"), b.accessToken);
    QVERIFY(settle(*second));

    QTRY_COMPARE_WITH_TIMEOUT(second->store()->openConflictCount(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(first->store()->openConflictCount(), 1, 10000);
    const LocalRecord conflict = second->store()->openConflicts().first();
    QCOMPARE(first->store()->openConflicts().first().id, conflict.id);
    QCOMPARE(conflict.fields.value(u"entity").toString(), QStringLiteral("course"));
    QCOMPARE(conflict.fields.value(u"entityId").toString(), courseId);
    QCOMPARE(conflict.fields.value(u"field").toString(), QStringLiteral("title"));
    QCOMPARE(conflict.fields.value(u"mine").toString(), QStringLiteral("General chemistry"));
    QCOMPARE(conflict.fields.value(u"theirs").toString(), QStringLiteral("Chemistry I"));
    QCOMPARE(conflict.parentId, courseId);

    // Both show the same provisional state, with the fields that merged.
    QTRY_VERIFY(first->store()->record(QStringLiteral("course"), courseId)->fields
                == second->store()->record(QStringLiteral("course"), courseId)->fields);
    const QJsonObject fields = second->store()->record(QStringLiteral("course"), courseId)->fields;
    QCOMPARE(fields.value(u"title").toString(), QStringLiteral("Chemistry I"));
    QCOMPARE(fields.value(u"term").toString(), QStringLiteral("spring"));
    QCOMPARE(fields.value(u"level").toString(), QStringLiteral("intro"));
    QCOMPARE(second->status().openConflicts, 1);
}

void tst_SyncEngine::interruptedPullResumesFromCursor()
{
    const Account author = logIn(m_server->url(), instructor);
    auto writer = engine(QStringLiteral("writer"), author.accessToken);
    const QString courseId = offlineCourse(*writer->store(), QStringLiteral("Physics"),
                                           QStringLiteral("Week %1"), 300);
    QVERIFY(!courseId.isEmpty());
    QVERIFY(settle(*writer, 60000));
    QCOMPARE(writer->store()->children(QStringLiteral("module"), courseId).size(), 300);

    // A new device pulls 50 at a time and is killed after its first page.
    const Account reader = logIn(m_server->url(), instructor);
    auto killed = engine(QStringLiteral("reader"), reader.accessToken, 50);
    qint64 lastCursor = 0;
    connect(killed.get(), &SyncEngine::pageApplied, this, [&](qint64 cursor) {
        lastCursor = cursor;
        // Between two events, as a crash or a closed laptop would.
        QMetaObject::invokeMethod(
            this, [&] { killed.reset(); }, Qt::QueuedConnection);
    });
    QTRY_VERIFY(!killed);
    QVERIFY(lastCursor > 0);

    qint64 savedCursor = 0;
    int savedModules = 0;
    {
        LocalStore look;
        QVERIFY(look.open(dbPath(QStringLiteral("reader"))));
        savedCursor = look.cursor();
        savedModules = look.children(QStringLiteral("module"), courseId).size();
    }
    QCOMPARE(savedCursor, lastCursor);
    QVERIFY(savedModules < 300);

    // The next run starts from there.
    QList<qint64> cursors;
    auto resumed = engine(QStringLiteral("reader"), reader.accessToken, 50);
    connect(resumed.get(), &SyncEngine::pageApplied, this,
            [&](qint64 cursor) { cursors.append(cursor); });
    QVERIFY(settle(*resumed, 60000));
    QVERIFY(!cursors.isEmpty());
    QVERIFY(cursors.first() > savedCursor);
    QCOMPARE(resumed->store()->children(QStringLiteral("module"), courseId).size(), 300);
    QCOMPARE(localState(*resumed->store()), serverState(m_server->url(), reader.accessToken));
}

void tst_SyncEngine::pullSurvivesServerGoingAway()
{
    RestartableServer server;
    LECTERN_START_RESTARTABLE(server);
    const Account author = logIn(server.url(), instructor);
    auto writer = engine(QStringLiteral("writer"), author.accessToken, 500, server.url());
    const QString courseId
        = offlineCourse(*writer->store(), QStringLiteral("Maths"), QStringLiteral("Part %1"), 120);
    QVERIFY(!courseId.isEmpty());
    QVERIFY(settle(*writer, 60000));
    writer.reset();

    auto reader = engine(QStringLiteral("reader"), author.accessToken, 20, server.url());
    bool dropped = false;
    connect(reader.get(), &SyncEngine::pageApplied, this, [&] {
        if (!dropped) {
            dropped = true;
            QMetaObject::invokeMethod(
                this, [&] { server.stop(); }, Qt::QueuedConnection);
        }
    });
    QTRY_VERIFY(dropped && !server.isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!reader->status().online, 10000);
    QVERIFY(!reader->status().lastError.isEmpty());
    const qint64 cursorWhileDown = reader->store()->cursor();
    QVERIFY(cursorWhileDown > 0);
    QVERIFY(reader->store()->children(QStringLiteral("module"), courseId).size() < 120);

    // Back: the engine's own retries finish the job from the saved cursor. Once the server
    // answers, the status no longer says it cannot be reached, while the rest arrives.
    QSignalSpy statuses(reader.get(), &SyncEngine::statusChanged);
    LECTERN_START_RESTARTABLE(server);
    QTRY_COMPARE_WITH_TIMEOUT(reader->store()->children(QStringLiteral("module"), courseId).size(),
                              120, 20000);
    QTRY_VERIFY(reader->status().online && reader->status().lastError.isEmpty());
    QCOMPARE(localState(*reader->store()), serverState(server.url(), author.accessToken));
    int pagesAfterAnAnswer = 0;
    for (const QList<QVariant> &signal : std::as_const(statuses)) {
        const SyncStatus status = signal.first().value<SyncStatus>();
        if (status.syncing && status.online && status.done > 0) {
            ++pagesAfterAnAnswer;
            QVERIFY2(status.lastError.isEmpty(), qPrintable(status.lastError));
        }
    }
    QVERIFY(pagesAfterAnAnswer > 0);
}

void tst_SyncEngine::pushSurvivesServerGoingAway()
{
    // A long push, the server gone after its first answer: by then one batch was on its way and
    // the next made ready. Back, every change arrives exactly once.
    RestartableServer server;
    LECTERN_START_RESTARTABLE(server);
    const Account author = logIn(server.url(), instructor);
    auto writer = engine(QStringLiteral("writer"), author.accessToken, Sync::defaultPullLimit,
                         server.url(), 10);
    bool dropped = false;
    connect(writer.get(), &SyncEngine::statusChanged, this, [&](const SyncStatus &status) {
        if (!dropped && status.syncing && status.done > 0) {
            dropped = true;
            QMetaObject::invokeMethod(
                this, [&] { server.stop(); }, Qt::QueuedConnection);
        }
    });
    const QString courseId
        = offlineCourse(*writer->store(), QStringLiteral("Maths"), QStringLiteral("Part %1"), 120);
    QVERIFY(!courseId.isEmpty());
    writer->localChanged();
    QTRY_VERIFY_WITH_TIMEOUT(dropped && !server.isRunning(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!writer->status().online, 10000);
    QVERIFY(writer->store()->pendingCount() > 0);
    QCOMPARE(writer->store()->inFlightCount(), 0);

    LECTERN_START_RESTARTABLE(server);
    QVERIFY(settle(*writer, 60000));
    QCOMPARE(writer->store()->pendingCount(), 0);
    QCOMPARE(localState(*writer->store()), serverState(server.url(), author.accessToken));
    const QList<LocalRecord> modules
        = writer->store()->children(QStringLiteral("module"), courseId);
    QCOMPARE(modules.size(), 120);
    for (const LocalRecord &module : modules)
        QCOMPARE(module.serverRev, 1); // created once, never written twice
}

void tst_SyncEngine::outboxSurvivesRefusedToken()
{
    auto device = engine(QStringLiteral("device"), QStringLiteral("not-a-valid-token"));
    QSignalSpy tokenNeeded(device.get(), &SyncEngine::accessTokenNeeded);
    const QString courseId
        = *device->store()->create(QStringLiteral("course"), course(QStringLiteral("History")));
    device->localChanged();
    QTRY_COMPARE(tokenNeeded.size(), 1);
    QCOMPARE(device->store()->pendingCount(), 1);
    QCOMPARE(device->store()->inFlightCount(), 0);
    QVERIFY(!device->status().lastError.isEmpty());

    // Asking again does not flood the session with refresh requests.
    device->syncNow();
    QTest::qWait(100);
    QCOMPARE(tokenNeeded.size(), 1);

    // The session could not be renewed: signed out, the outbox untouched.
    device->signOut();
    QVERIFY(device->status().signedOut);
    QCOMPARE(device->status().queued, 1);
    device->syncNow();
    QTest::qWait(100);
    QCOMPARE(device->store()->pendingCount(), 1);
    QCOMPARE(device->store()->outbox().first().entityId, courseId);

    // Logged in again: everything goes out.
    const Account account = logIn(m_server->url(), instructor);
    device->setAccessToken(account.accessToken);
    QVERIFY(!device->status().signedOut);
    QVERIFY(settle(*device));
    Test::HttpClient client(m_server->url());
    client.setToken(account.accessToken);
    QCOMPARE(client.get(QStringLiteral("/api/v1/courses/") + courseId).status, 200);

    // The refresh token revoked meanwhile does not matter to what was already sent, and the
    // next edit waits in the outbox again until a token is given.
    QVERIFY(endSession(m_server->url(), account.refreshToken).isEmpty());
    device->signOut();
    QVERIFY(device->store()->update(QStringLiteral("course"), courseId,
                                    {{QStringLiteral("title"), QStringLiteral("World history")}}));
    device->localChanged();
    QTest::qWait(100);
    QCOMPARE(device->store()->pendingCount(), 1);
}

void tst_SyncEngine::controllerSyncsFromItsThread()
{
    const Account account = logIn(m_server->url(), instructor);
    SyncController controller;
    SyncController::Options options;
    options.minBackoffMs = 50;
    options.maxBackoffMs = 400;
    controller.setOptions(options);
    QSignalSpy changed(&controller, &SyncController::recordsChanged);
    QVERIFY(controller.start(m_server->url(), account.userId, account.accessToken, m_dir->path()));
    QVERIFY(controller.isRunning());
    QVERIFY(controller.store()->path().startsWith(m_dir->path() + QStringLiteral("/accounts/")));

    const Result<QString> courseId
        = controller.create(QStringLiteral("course"), course(QStringLiteral("Art")));
    QVERIFY(courseId);
    QCOMPARE(controller.status().queued, 1);
    QVERIFY(!changed.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(controller.status().queued == 0 && !controller.status().syncing
                                 && controller.status().lastSuccess.isValid(),
                             10000);
    QTRY_VERIFY(controller.store()->record(QStringLiteral("course"), *courseId)->hasServerState);
    QVERIFY(controller.status().online);

    // Stopped in the middle of pushing many edits: nothing is lost.
    for (int i = 0; i < 200; ++i)
        QVERIFY(controller.update(QStringLiteral("course"), *courseId,
                                  {{QStringLiteral("title"), QStringLiteral("Art %1").arg(i)}}));
    for (int i = 0; i < 100; ++i)
        QVERIFY(controller.create(QStringLiteral("module"),
                                  {{QStringLiteral("courseId"), *courseId},
                                   {QStringLiteral("title"), QStringLiteral("M%1").arg(i)}}));
    QTest::qWait(60);
    controller.stop();
    QVERIFY(!controller.isRunning());

    QVERIFY(controller.start(m_server->url(), account.userId, account.accessToken, m_dir->path()));
    QTRY_VERIFY_WITH_TIMEOUT(controller.status().queued == 0 && !controller.status().syncing
                                 && controller.status().lastError.isEmpty(),
                             20000);
    QTRY_COMPARE(controller.store()->children(QStringLiteral("module"), *courseId).size(), 100);
    Test::HttpClient client(m_server->url());
    client.setToken(account.accessToken);
    const Test::HttpResult read = client.get(QStringLiteral("/api/v1/courses/") + *courseId);
    QCOMPARE(read.data().toObject().value(u"title").toString(), QStringLiteral("Art 199"));
    QCOMPARE(controller.status().rejected, 0);
    controller.stop();
}

QTEST_MAIN(tst_SyncEngine)
#include "tst_syncengine.moc"
