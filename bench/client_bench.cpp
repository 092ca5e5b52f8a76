// Issue 5's desktop numbers, with a local cache of 200 courses and one course of 5,000 items:
//   1. start: the real lectern-desktop process, from launch to its first painted main window
//      (workspaces filled from the offline store, session resumed with the server);
//   2. opening the 5,000-item course's outline in the Author workspace;
//   3. typing in the lesson editor: the longest a keystroke waits, while autosave runs.
// The server runs in this process (its own threads, real HTTP) on a fresh SQLite file; the
// client's cache is filled by a real first login and sync.
//
//   lectern-bench-client [--courses 200] [--items 5000] [--starts 10] [--keys 1500]
#include "../tests/client/flowdriver.h"
#include "benchutil.h"
#include "httpclient.h"
#include "storage/recordstore.h"
#include "testserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <lectern/client/author/authorworkspace.h>
#include <lectern/client/author/autosaver.h>
#include <lectern/client/author/courseoutlinepage.h>
#include <lectern/client/author/lessoneditor.h>
#include <lectern/client/author/outlinemodel.h>
#include <lectern/client/author/outlineview.h>
#include <lectern/client/learn/learnworkspace.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/entityspec.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Test;
using namespace Lectern::ClientTest::FlowDriver;
using namespace Qt::StringLiterals;
using namespace Lectern::Bench;

namespace {
QString percentiles(QList<double> values)
{
    if (values.isEmpty())
        return u"not measured (n=0)"_s;
    std::sort(values.begin(), values.end());
    const auto at = [&](double q) {
        return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(q * values.size())));
    };
    return u"median %1 ms, p90 %2 ms, max %3 ms (n=%4)"_s.arg(at(0.5), 0, 'f', 1)
        .arg(at(0.9), 0, 'f', 1)
        .arg(values.last(), 0, 'f', 1)
        .arg(values.size());
}

// About 2,000 characters of Markdown: an ordinary lesson (lesson bodies are what an outline
// must not read).
QString lessonBody(int n)
{
    QString body = u"# Lesson %1\n\n"_s.arg(n);
    for (int p = 0; p < 8; ++p)
        body += u"## Part %1\n\nA paragraph of a real lesson, long enough to read like one, with "
                u"*emphasis*, **strong words** and a [link](https://example.org).\n\n"
                u"- one point\n- another point\n\n"_s.arg(p + 1);
    return body;
}

// `courses` courses of 3 modules x 4 lessons each, and a big one of `items` lessons in modules of
// 100, written straight through the server's store. Answers the big course's id.
QString seed(TestServer &server, const QString &orgId, int courses, int items)
{
    auto &context = server.server().context();
    Server::Transaction tx(context.db());
    const auto insert = [&](const EntitySpec &spec, const QJsonObject &fields) {
        const QString id = createUuidV7String();
        auto made = Server::RecordStore::insert(tx, context.clock(), spec, orgId, id,
                                                spec.normalize(fields, EntitySpec::Mode::Create));
        if (!made)
            die(made.error().message);
        return id;
    };
    const auto fill = [&](const QString &courseId, int modules, int perModule) {
        const QStringList moduleKeys = OrderKey::spread(modules);
        const QStringList itemKeys = OrderKey::spread(perModule);
        for (int m = 0; m < modules; ++m) {
            const QString moduleId = insert(Entities::module(),
                                            {{u"courseId"_s, courseId},
                                             {u"title"_s, u"Module %1"_s.arg(m + 1)},
                                             {u"orderKey"_s, moduleKeys.at(m)},
                                             {u"published"_s, true}});
            for (int i = 0; i < perModule; ++i)
                insert(Entities::content(),
                       {{u"moduleId"_s, moduleId},
                        {u"courseId"_s, courseId},
                        {u"type"_s, u"lesson"_s},
                        {u"title"_s, u"Lesson %1.%2"_s.arg(m + 1).arg(i + 1)},
                        {u"body"_s, lessonBody(i + 1)},
                        {u"orderKey"_s, itemKeys.at(i)},
                        {u"published"_s, true}});
        }
    };
    QString big;
    for (int c = 0; c < courses; ++c) {
        const QString id
            = insert(Entities::course(),
                     {{u"code"_s, u"B%1"_s.arg(c, 3, 10, QLatin1Char('0'))},
                      {u"title"_s, c == 0 ? u"The big course"_s : u"Course number %1"_s.arg(c)},
                      {u"description"_s, u"A course of the client benchmark."_s},
                      {u"term"_s, c % 2 ? u"2026-fall"_s : u"2027-spring"_s},
                      {u"status"_s, c % 5 ? u"published"_s : u"draft"_s}});
        if (c == 0) {
            big = id;
            fill(id, (items + 99) / 100, 100);
        } else {
            fill(id, 3, 4);
        }
    }
    if (auto r = tx.commit(); !r)
        die(r.error().message);
    return big;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Lectern"_s);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption coursesOption(u"courses"_s, u"courses in the cache"_s, u"n"_s,
                                           u"200"_s);
    const QCommandLineOption itemsOption(u"items"_s, u"items in the big course"_s, u"n"_s,
                                         u"5000"_s);
    const QCommandLineOption startsOption(u"starts"_s, u"timed starts"_s, u"n"_s, u"10"_s);
    const QCommandLineOption keysOption(u"keys"_s, u"keystrokes typed"_s, u"n"_s, u"1500"_s);
    parser.addOptions({coursesOption, itemsOption, startsOption, keysOption});
    parser.process(app);
    const int courses = parser.value(coursesOption).toInt();
    const int items = parser.value(itemsOption).toInt();

    TestServer server;
    if (!server.start())
        die(server.problem());
    HttpClient admin(server.url());
    const HttpResult answer = admin.login(u"admin@demo.lectern"_s);
    if (answer.status != 200)
        die(u"cannot log in"_s);
    const QString orgId = answer.data()[u"user"][u"orgId"].toString();
    QElapsedTimer timer;
    timer.start();
    const QString bigCourse = seed(server, orgId, courses, items);
    say(u"seeded %1 courses, the big one with %2 items, in %3 ms"_s.arg(courses).arg(items).arg(
        timer.elapsed()));

    // The cache: a real login through the dialog and a first sync.
    QTemporaryDir dataDir;
    {
        timer.restart();
        auto desktop = startApp(dataDir.path(), server.url());
        if (!typeAndLogIn(*desktop, u"admin@demo.lectern"_s, u"lectern-demo"_s))
            die(u"the desktop did not log in"_s);
        Client::SyncController *sync = desktop->syncController();
        if (!waitFor(
                [&] {
                    const Client::SyncStatus s = sync->status();
                    return sync->store() && !s.syncing && s.queued == 0 && s.lastSuccess.isValid()
                        && sync->store()->list(u"course"_s).size() >= courses
                        && sync->store()->list(u"content"_s).size() >= items;
                },
                120000))
            die(u"the first sync did not finish"_s);
        say(u"first login and sync of the cache: %1 ms"_s.arg(timer.elapsed()));
    }

    // 1. Start to a usable window, as a person starts it: the real program, resuming the session.
    QList<double> wall, inside;
    for (int run = 0; run < parser.value(startsOption).toInt(); ++run) {
        QProcess desktop;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"LECTERN_REPORT_READY"_s, u"2"_s);
        env.insert(u"LECTERN_TOKEN_STORE"_s, u"file"_s);
        if (!env.contains(u"DISPLAY"_s))
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        desktop.setProcessEnvironment(env);
        QElapsedTimer launch;
        launch.start();
        desktop.start(QStringLiteral(LECTERN_DESKTOP_PATH),
                      {u"--data-dir"_s, dataDir.path(), u"--server"_s, server.url().toString()});
        if (!waitFor(
                [&] { return desktop.canReadLine() || desktop.state() == QProcess::NotRunning; },
                30000))
            die(u"the desktop did not start"_s);
        const double seen = launch.nsecsElapsed() / 1e6;
        const QByteArray line = desktop.readLine().trimmed();
        if (!line.startsWith("ready "))
            die(u"the desktop said: "_s + QString::fromUtf8(line + desktop.readAllStandardError()));
        wall.append(seen);
        inside.append(line.mid(6).toDouble());
        waitFor([&] { return desktop.state() == QProcess::NotRunning; }, 10000);
    }
    say(u"start to a painted main window (launch to ready, wall clock): "_s + percentiles(wall));
    say(u"  of which inside main(): "_s + percentiles(inside));

    // 2. and 3. in this process, on the same cache, in the real Author workspace.
    Client::SyncController sync;
    {
        HttpClient again(server.url());
        const HttpResult in = again.login(u"admin@demo.lectern"_s);
        if (auto r = sync.start(server.url(), in.data()[u"user"][u"id"].toString(), again.token(),
                                dataDir.path());
            !r)
            die(r.error().message);
    }
    // As in the window: the Learn workspace exists too (shown at start, then left for Author).
    Client::LearnWorkspace learn(&sync);
    learn.resize(1280, 720);
    learn.show();
    if (!QTest::qWaitForWindowExposed(&learn))
        die(u"the Learn workspace did not show"_s);
    learn.hide();
    Client::AuthorWorkspace author(&sync);
    author.resize(1280, 720);
    author.show();
    if (!QTest::qWaitForWindowExposed(&author))
        die(u"the workspace did not show"_s);
    QString smallCourse;
    for (const Client::LocalRecord &course : sync.store()->list(u"course"_s)) {
        if (course.id != bigCourse) {
            smallCourse = course.id;
            break;
        }
    }
    QList<double> opens;
    for (int run = 0; run < 10; ++run) {
        author.openCourse(smallCourse);
        author.repaint();
        QCoreApplication::processEvents();
        QElapsedTimer open;
        open.start();
        if (!author.openCourse(bigCourse))
            die(u"the big course is not in the list"_s);
        author.repaint(); // the outline laid out and painted
        opens.append(open.nsecsElapsed() / 1e6);
        QCoreApplication::processEvents();
    }
    say(u"opening the %1-item course's outline (until painted): "_s.arg(items)
        + percentiles(opens));

    // 3. Typing at a brisk 20 keys a second into a long lesson, autosave on: how long each key
    // takes to handle, and how late a 5 ms timer fires (any stall of the UI thread shows there;
    // on a busy machine the scheduler adds its own, so the count of late ticks says more than the
    // single worst one).
    Client::LessonEditor *editor = author.lessonEditor();
    const QString lessonId
        = sync.store()
              ->children(u"content"_s, sync.store()->children(u"module"_s, bigCourse).first().id)
              .first()
              .id;
    QString longBody;
    for (int p = 0; p < 60; ++p)
        longBody += u"## Section %1\n\nA paragraph with **bold** and *italic* words, a [link]"
                    u"(https://example.org) and enough text to wrap across the editor.\n\n"
                    u"| a | b |\n| --- | --- |\n| 1 | 2 |\n\n"_s.arg(p + 1);
    if (!sync.update(u"content"_s, lessonId, {{u"body"_s, longBody}}))
        die(u"cannot write the long lesson"_s);
    // Open it as a person does: select it in the outline.
    QCoreApplication::processEvents();
    Client::CourseOutlinePage *outline = author.outlinePage();
    outline->view()->setCurrentIndex(outline->model()->indexOf(lessonId));
    if (!waitFor([&] { return editor->contentId() == lessonId && editor->markdown() == longBody; },
                 5000))
        die(u"the lesson did not open in the editor"_s);
    QPlainTextEdit *source = editor->sourceEdit();
    source->setFocus();
    source->moveCursor(QTextCursor::End);
    const int keyCount = parser.value(keysOption).toInt();
    int saves = 0;
    int previews = 0;
    QObject::connect(editor->autoSaver(), &Client::AutoSaver::saved, [&] { ++saves; });
    QObject::connect(editor, &Client::LessonEditor::previewUpdated, [&] { ++previews; });
    // Types `keyCount` keys, with a pause of `pauseMs` after every `pauseEvery` keys (0: none),
    // and says how it went; answers whether everything typed was saved.
    const auto type = [&](const QString &how, int pauseEvery, int pauseMs) {
        const auto wait = [](int ms) {
            // An event loop, as the program runs (QTest::qWait() sleeps 10 ms at a time between
            // its rounds of events, which the 5 ms timer would count as lateness).
            QEventLoop loop;
            QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
            loop.exec();
        };
        saves = 0;
        previews = 0;
        const qsizetype lessonSize = editor->markdown().size();
        QElapsedTimer clock;
        clock.start();
        qint64 lastTick = clock.nsecsElapsed();
        QList<double> lateness;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(5);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            const qint64 now = clock.nsecsElapsed();
            lateness.append(std::max(0.0, (now - lastTick) / 1e6 - 5.0));
            lastTick = now;
        });
        ticker.start();
        QList<double> keys;
        const QString text = u"The quick brown fox jumps over the lazy dog. "_s;
        for (int k = 0; k < keyCount; ++k) {
            const QChar c = text.at(k % text.size());
            QElapsedTimer key;
            key.start();
            QTest::keyClick(source, c.toLatin1());
            keys.append(key.nsecsElapsed() / 1e6);
            wait(pauseEvery > 0 && (k + 1) % pauseEvery == 0 ? pauseMs : 50);
        }
        ticker.stop();
        editor->flush();
        const bool saved
            = sync.store()->record(u"content"_s, lessonId)->fields.value(u"body").toString()
            == editor->markdown();
        say(u"typing %1 keys (20/s%2) into a %3-character lesson: per key "_s.arg(keyCount)
                .arg(how)
                .arg(lessonSize)
            + percentiles(keys));
        const auto late = [&](double ms) {
            return std::count_if(lateness.cbegin(), lateness.cend(),
                                 [ms](double l) { return l > ms; });
        };
        std::sort(lateness.begin(), lateness.end());
        const double worst = lateness.isEmpty() ? 0 : lateness.last();
        const double p99
            = lateness.isEmpty() ? 0 : lateness.at(qsizetype(0.99 * double(lateness.size() - 1)));
        say(u"  longest the UI thread was late (5 ms timer): %1 ms (p99 %2 ms; late by more than "
            u"8 ms %3 times, by more than 16 ms %4 times, of %5 ticks)"_s.arg(worst, 0, 'f', 1)
                .arg(p99, 0, 'f', 1)
                .arg(late(8))
                .arg(late(16))
                .arg(lateness.size()));
        say(u"  saves while typing: %1; previews laid out while typing: %2; everything typed "
            u"saved: %3"_s.arg(saves)
                .arg(previews)
                .arg(saved ? u"yes"_s : u"NO"_s));
        return saved;
    };
    // Without a break, then as people type: a breath between phrases, long enough for the
    // preview to follow.
    bool saved = type({}, 0, 0);
    saved = type(u", a 400 ms pause every 30 keys"_s, 30, 400) && saved;
    sync.stop();
    return saved ? 0 : 1;
}
