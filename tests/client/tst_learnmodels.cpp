#include "learnfixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <lectern/client/learn/dashboardmodel.h>
#include <lectern/client/learn/learnformat.h>
#include <lectern/client/learn/playeroutlinemodel.h>
#include <lectern/client/learn/progresstracker.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Lectern::ClientTest;

namespace {

QJsonObject at(const char *field, const QDateTime &when)
{
    return {{QString::fromLatin1(field), Json::fromDateTime(when)}};
}

QStringList kindsInOutbox(const LocalStore &store, const QString &contentId = {})
{
    QStringList kinds;
    for (const Sync::Op &op : store.outbox()) {
        if (op.entity != u"progress")
            continue;
        const QJsonObject values = op.newValues();
        if (contentId.isEmpty() || values.value(u"contentId").toString() == contentId)
            kinds.append(values.value(u"kind").toString());
    }
    return kinds;
}

} // namespace

// The Learn workspace's view models on a real offline store: the course player's outline (what a
// learner may see, locks, ticks, navigation), the dashboard (my courses, progress, what next)
// and the progress tracker that writes events to the outbox.
class tst_LearnModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void outlineShowsWhatLearnersSee();
    void lockedItemsSayWhenTheyOpen();
    void lockOpensWhenItsTimeComes();
    void ticksFollowProgressEvents();
    void requiredItemsCountTheSameEverywhere();
    void onlyMyEventsCount();
    void previewShowsNoProgress();
    void navigationSkipsLockedItems();
    void continueGoesToFirstUnfinished();

    void dashboardListsMyCourses();
    void dashboardProgressAndNext();
    void dashboardOrderIsMostRecentFirst();
    void dashboardFollowsNewEvents();
    void dashboardEmptyStore();
    void hiddenDashboardCatchesUpWhenShown();

    void trackerRecordsOpenTimeAndPosition();
    void trackerCountsOnlyActiveTime();
    void trackerFlushesPeriodically();
    void trackerCompletesOnce();
    void trackerRecordsNothingInPreview();

private:
    // Course "Rust": Basics (Intro, Ownership (locked for a week), Draft (unpublished),
    // Later (publish date ahead), Borrowing link), Traits (locked module: Generics),
    // Hidden (unpublished module: Secret). I study it.
    void fillRust();

    std::unique_ptr<LearnFixture> f;
    qint64 m_now = 0; // the tracker's fake clock
};

void tst_LearnModels::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_LearnModels::init()
{
    f = std::make_unique<LearnFixture>();
    QVERIFY(f->store());
    m_now = 1000;
}

void tst_LearnModels::cleanup()
{
    f.reset();
}

void tst_LearnModels::fillRust()
{
    f->course(QStringLiteral("Rust"));
    f->enroll(QStringLiteral("Rust"));
    f->module(QStringLiteral("Rust"), QStringLiteral("Basics"));
    f->item(QStringLiteral("Basics"), QStringLiteral("Intro"));
    f->item(QStringLiteral("Basics"), QStringLiteral("Ownership"), QStringLiteral("lesson"),
            at("unlockAt", LearnFixture::inDays(7)));
    f->item(QStringLiteral("Basics"), QStringLiteral("Draft"), QStringLiteral("lesson"),
            {{QStringLiteral("published"), false}});
    f->item(QStringLiteral("Basics"), QStringLiteral("Later"), QStringLiteral("lesson"),
            at("publishAt", LearnFixture::inDays(3)));
    f->item(QStringLiteral("Basics"), QStringLiteral("Borrowing"), QStringLiteral("link"),
            {{QStringLiteral("url"), QStringLiteral("https://doc.rust-lang.org/book/")}});
    f->module(QStringLiteral("Rust"), QStringLiteral("Traits"),
              at("unlockAt", LearnFixture::inDays(14)));
    f->item(QStringLiteral("Traits"), QStringLiteral("Generics"));
    f->module(QStringLiteral("Rust"), QStringLiteral("Hidden"),
              {{QStringLiteral("published"), false}});
    f->item(QStringLiteral("Hidden"), QStringLiteral("Secret"));
    QVERIFY(f->pull());
}

void tst_LearnModels::outlineShowsWhatLearnersSee()
{
    fillRust();
    PlayerOutlineModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCourseId(f->id(QStringLiteral("Rust")));

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Basics"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Traits"));
    const QModelIndex basics = model.index(0, 0);
    QStringList titles;
    for (int row = 0; row < model.rowCount(basics); ++row)
        titles.append(model.index(row, 0, basics).data().toString());
    // Unpublished and not-yet-published items stay out; locked ones are there.
    QCOMPARE(titles,
             QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                          QStringLiteral("Borrowing")}));
    QCOMPARE(model.itemIds(),
             QStringList({f->id(QStringLiteral("Intro")), f->id(QStringLiteral("Ownership")),
                          f->id(QStringLiteral("Borrowing")), f->id(QStringLiteral("Generics"))}));
    QCOMPARE(model.index(2, 0, basics).data(PlayerOutlineModel::TypeRole).toString(),
             QStringLiteral("link"));
    QCOMPARE(model.index(2, 0, basics).data(PlayerOutlineModel::DetailRole).toString(),
             QStringLiteral("Link"));
    // Modules are headings, items can be chosen.
    QVERIFY(!(model.flags(basics) & Qt::ItemIsSelectable));
    QVERIFY(model.flags(model.index(0, 0, basics)) & Qt::ItemIsSelectable);

    // Another course's outline replaces it.
    f->course(QStringLiteral("Go"));
    f->module(QStringLiteral("Go"), QStringLiteral("Start"));
    QVERIFY(f->pull());
    model.setCourseId(f->id(QStringLiteral("Go")));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    QCOMPARE(model.index(0, 0).data(PlayerOutlineModel::DetailRole).toString(),
             QStringLiteral("Nothing here yet"));
}

void tst_LearnModels::lockedItemsSayWhenTheyOpen()
{
    fillRust();
    PlayerOutlineModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCourseId(f->id(QStringLiteral("Rust")));

    const QModelIndex ownership = model.indexOf(f->id(QStringLiteral("Ownership")));
    QVERIFY(ownership.data(PlayerOutlineModel::LockedRole).toBool());
    QCOMPARE(ownership.data(PlayerOutlineModel::UnlockAtRole).toDateTime(),
             LearnFixture::inDays(7));
    const QString opens = LearnFormat::opens(LearnFixture::inDays(7));
    QVERIFY(opens.startsWith(QStringLiteral("Opens ")));
    QCOMPARE(ownership.data(PlayerOutlineModel::DetailRole).toString(), opens);
    QCOMPARE(ownership.data(Qt::ToolTipRole).toString(), opens);
    QVERIFY(model.isLocked(f->id(QStringLiteral("Ownership"))));
    QVERIFY(!model.isLocked(f->id(QStringLiteral("Intro"))));

    // An item of a locked module is locked until the module opens.
    const QModelIndex generics = model.indexOf(f->id(QStringLiteral("Generics")));
    QVERIFY(generics.data(PlayerOutlineModel::LockedRole).toBool());
    QCOMPARE(generics.data(PlayerOutlineModel::UnlockAtRole).toDateTime(),
             LearnFixture::inDays(14));
    QCOMPARE(model.indexOf(f->id(QStringLiteral("Traits")))
                 .data(PlayerOutlineModel::DetailRole)
                 .toString(),
             LearnFormat::opens(LearnFixture::inDays(14)));
}

void tst_LearnModels::lockOpensWhenItsTimeComes()
{
    fillRust();
    PlayerOutlineModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCourseId(f->id(QStringLiteral("Rust")));
    const QString ownership = f->id(QStringLiteral("Ownership"));
    QVERIFY(model.isLocked(ownership));

    QSignalSpy progress(&model, &PlayerOutlineModel::progressChanged);
    model.setClock([] { return LearnFixture::inDays(8); });
    QVERIFY(!model.isLocked(ownership));
    QVERIFY(!model.indexOf(ownership).data(PlayerOutlineModel::LockedRole).toBool());
    QCOMPARE(model.indexOf(ownership).data(PlayerOutlineModel::DetailRole).toString(),
             QStringLiteral("Lesson"));
    QVERIFY(model.isLocked(f->id(QStringLiteral("Generics"))));
    // Its publish date passed too: "Later" is there now.
    QVERIFY(model.indexOf(f->id(QStringLiteral("Later"))).isValid());
    QVERIFY(!progress.isEmpty());

    // Two weeks on, the locked module opens with its items.
    model.setClock([] { return LearnFixture::inDays(15); });
    QVERIFY(!model.isLocked(f->id(QStringLiteral("Generics"))));
    QCOMPARE(model.nextItem(f->id(QStringLiteral("Borrowing"))), f->id(QStringLiteral("Generics")));
}

void tst_LearnModels::ticksFollowProgressEvents()
{
    fillRust();
    PlayerOutlineModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCourseId(f->id(QStringLiteral("Rust")));
    QCOMPARE(model.courseProgress().total, 4);
    QCOMPARE(model.courseProgress().completed, 0);
    QCOMPARE(model.index(0, 0).data(PlayerOutlineModel::DetailRole).toString(),
             QStringLiteral("0 of 3 done"));

    // Completed on another device: it arrives by sync.
    QSignalSpy progress(&model, &PlayerOutlineModel::progressChanged);
    f->event(QStringLiteral("Intro"), "completed");
    QVERIFY(f->pull());
    // The model learns of it from the controller's signal.
    QVERIFY(!model.isCompleted(f->id(QStringLiteral("Intro"))));
    Q_EMIT f->sync.recordsChanged({QStringLiteral("progress")});
    QCOMPARE(progress.size(), 1);
    const QModelIndex intro = model.indexOf(f->id(QStringLiteral("Intro")));
    QVERIFY(intro.data(PlayerOutlineModel::CompletedRole).toBool());
    QCOMPARE(intro.data(Qt::AccessibleTextRole).toString(), QStringLiteral("Intro, completed"));
    QCOMPARE(model.courseProgress().completed, 1);
    QCOMPARE(model.courseProgress().percent, 25);
    QCOMPARE(model.index(0, 0).data(PlayerOutlineModel::DetailRole).toString(),
             QStringLiteral("1 of 3 done"));

    // Completed here: through the controller, so the outline follows at once.
    ProgressTracker tracker(&f->sync);
    tracker.open(f->id(QStringLiteral("Rust")), f->id(QStringLiteral("Borrowing")));
    QVERIFY(tracker.markComplete());
    QVERIFY(model.isCompleted(f->id(QStringLiteral("Borrowing"))));
    QCOMPARE(model.courseProgress().completed, 2);
    QCOMPARE(model.courseProgress().percent, 50);
}

// The issue seen: a module said "1 of 4 done" where its course said "0 of 6". One definition now:
// when any item of a course is required, only required items count, in the course, in every
// module and on the dashboard; the others say they are optional.
void tst_LearnModels::requiredItemsCountTheSameEverywhere()
{
    const QJsonObject required {{QStringLiteral("required"), true}};
    f->course(QStringLiteral("Chem"));
    f->enroll(QStringLiteral("Chem"));
    f->module(QStringLiteral("Chem"), QStringLiteral("Atoms"));
    f->item(QStringLiteral("Atoms"), QStringLiteral("Lab"), QStringLiteral("lesson"), required);
    f->item(QStringLiteral("Atoms"), QStringLiteral("Reading"));
    f->module(QStringLiteral("Chem"), QStringLiteral("Extras"));
    f->item(QStringLiteral("Extras"), QStringLiteral("Video"), QStringLiteral("video"));
    f->item(QStringLiteral("Extras"), QStringLiteral("Quiz"), QStringLiteral("link"));
    f->event(QStringLiteral("Reading"), "completed");
    f->event(QStringLiteral("Video"), "completed");
    QVERIFY(f->pull());

    PlayerOutlineModel outline(&f->sync);
    QAbstractItemModelTester tester(&outline,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    outline.setCourseId(f->id(QStringLiteral("Chem")));
    DashboardModel dashboard(&f->sync);
    auto detail = [&](const char *title) {
        return outline.indexOf(f->id(QLatin1StringView(title)))
            .data(PlayerOutlineModel::DetailRole)
            .toString();
    };
    auto summary = [&] {
        return dashboard.indexOf(f->id(QStringLiteral("Chem")))
            .data(DashboardModel::SummaryTextRole)
            .toString();
    };

    QCOMPARE(outline.courseProgress().total, 1);
    QCOMPARE(outline.courseProgress().completed, 0);
    QCOMPARE(detail("Atoms"), QStringLiteral("0 of 1 required done"));
    QCOMPARE(detail("Extras"), QStringLiteral("Optional · 2 items"));
    QCOMPARE(summary(), QStringLiteral("0 of 1 required done"));
    QCOMPARE(detail("Lab"), QStringLiteral("Lesson"));
    QCOMPARE(detail("Reading"), QStringLiteral("Lesson · optional"));
    QCOMPARE(detail("Video"), QStringLiteral("Video · optional"));
    // Done optional items tick, but a module is done when what counts is done.
    QVERIFY(outline.isCompleted(f->id(QStringLiteral("Reading"))));
    QVERIFY(!outline.indexOf(f->id(QStringLiteral("Atoms")))
                 .data(PlayerOutlineModel::CompletedRole)
                 .toBool());
    QVERIFY(!outline.indexOf(f->id(QStringLiteral("Extras")))
                 .data(PlayerOutlineModel::CompletedRole)
                 .toBool());

    f->event(QStringLiteral("Lab"), "completed");
    f->event(QStringLiteral("Quiz"), "completed");
    QVERIFY(f->pull());
    Q_EMIT f->sync.recordsChanged({QStringLiteral("progress")});
    dashboard.refresh();
    QCOMPARE(outline.courseProgress().percent, 100);
    QCOMPARE(detail("Atoms"), QStringLiteral("1 of 1 required done"));
    QCOMPARE(summary(), QStringLiteral("1 of 1 required done"));
    QVERIFY(outline.indexOf(f->id(QStringLiteral("Atoms")))
                .data(PlayerOutlineModel::CompletedRole)
                .toBool());
    // A module of optional items only is done once all of them are.
    QVERIFY(outline.indexOf(f->id(QStringLiteral("Extras")))
                .data(PlayerOutlineModel::CompletedRole)
                .toBool());

    // Without a required item, everything counts, and nothing is called optional.
    PlayerOutlineModel rust(&f->sync);
    fillRust();
    rust.setCourseId(f->id(QStringLiteral("Rust")));
    QCOMPARE(rust.indexOf(f->id(QStringLiteral("Intro"))).data(PlayerOutlineModel::DetailRole),
             QStringLiteral("Lesson"));
}

void tst_LearnModels::onlyMyEventsCount()
{
    fillRust();
    // A staff store holds other people's events too; and a device may see one event twice.
    f->event(QStringLiteral("Intro"), "completed", -1, 0, LearnFixture::inDays(-1),
             LearnFixture::someoneElse);
    f->event(QStringLiteral("Intro"), "time", -1, 600, LearnFixture::inDays(-1),
             LearnFixture::someoneElse);
    f->event(QStringLiteral("Borrowing"), "time", -1, 90);
    f->event(QStringLiteral("Borrowing"), "time", -1, 30);
    QVERIFY(f->pull());

    PlayerOutlineModel model(&f->sync);
    model.setCourseId(f->id(QStringLiteral("Rust")));
    QVERIFY(!model.isCompleted(f->id(QStringLiteral("Intro"))));
    QCOMPARE(model.progress(f->id(QStringLiteral("Intro"))).secondsSpent, 0);
    QCOMPARE(model.progress(f->id(QStringLiteral("Borrowing"))).secondsSpent, 120);
    QCOMPARE(model.courseProgress().secondsSpent, 120);
}

void tst_LearnModels::previewShowsNoProgress()
{
    fillRust();
    f->event(QStringLiteral("Intro"), "completed");
    QVERIFY(f->pull());
    PlayerOutlineModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setShowsProgress(false);
    model.setCourseId(f->id(QStringLiteral("Rust")));
    QVERIFY(!model.indexOf(f->id(QStringLiteral("Intro")))
                 .data(PlayerOutlineModel::CompletedRole)
                 .toBool());
    QCOMPARE(model.courseProgress().total, 0);
    QVERIFY(model.index(0, 0)
                .data(PlayerOutlineModel::DetailRole)
                .toString()
                .startsWith(QStringLiteral("3 item")));
    // Locks still apply.
    QVERIFY(model.isLocked(f->id(QStringLiteral("Ownership"))));
}

void tst_LearnModels::navigationSkipsLockedItems()
{
    fillRust();
    PlayerOutlineModel model(&f->sync);
    model.setCourseId(f->id(QStringLiteral("Rust")));
    const QString intro = f->id(QStringLiteral("Intro"));
    const QString borrowing = f->id(QStringLiteral("Borrowing"));
    QCOMPARE(model.nextItem(intro), borrowing);
    QCOMPARE(model.previousItem(borrowing), intro);
    QCOMPARE(model.previousItem(intro), QString());
    QCOMPARE(model.nextItem(borrowing), QString()); // Generics is locked
    QCOMPARE(model.nextItem(QStringLiteral("not an item")), QString());
}

void tst_LearnModels::continueGoesToFirstUnfinished()
{
    fillRust();
    PlayerOutlineModel model(&f->sync);
    model.setCourseId(f->id(QStringLiteral("Rust")));
    QCOMPARE(model.continueItem(), f->id(QStringLiteral("Intro")));
    f->event(QStringLiteral("Intro"), "completed");
    QVERIFY(f->pull());
    model.refresh();
    // Ownership is locked: Borrowing is next.
    QCOMPARE(model.continueItem(), f->id(QStringLiteral("Borrowing")));
    f->event(QStringLiteral("Borrowing"), "completed");
    QVERIFY(f->pull());
    model.refresh();
    // Everything open is done: back to the start, to review.
    QCOMPARE(model.courseProgress().nextItemId, QString());
    QCOMPARE(model.continueItem(), f->id(QStringLiteral("Intro")));
}

void tst_LearnModels::hiddenDashboardCatchesUpWhenShown()
{
    f->course(QStringLiteral("Biology"));
    f->enroll(QStringLiteral("Biology"));
    QVERIFY(f->pull());
    DashboardModel model(&f->sync);
    QCOMPARE(model.rowCount(), 1);
    // Hidden (another workspace is up): edits do not make it read the store...
    model.setActive(false);
    QVERIFY(f->sync.update(QStringLiteral("course"), f->id(QStringLiteral("Biology")),
                           {{QStringLiteral("title"), QStringLiteral("Cell biology")}}));
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Biology"));
    // ...and once shown it is up to date at once.
    model.setActive(true);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Cell biology"));
}

void tst_LearnModels::dashboardListsMyCourses()
{
    fillRust();
    f->course(QStringLiteral("Biology"));
    f->enroll(QStringLiteral("Biology"));
    f->course(QStringLiteral("Chemistry"), QStringLiteral("draft"));
    f->enroll(QStringLiteral("Chemistry"), QStringLiteral("instructor"));
    f->enroll(QStringLiteral("Chemistry"), QStringLiteral("student"), LearnFixture::someoneElse);
    f->course(QStringLiteral("Old"), QStringLiteral("archived"));
    f->enroll(QStringLiteral("Old"), QStringLiteral("instructor"));
    QVERIFY(f->pull());

    DashboardModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.studyingCount(), 2);
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row)
        titles.append(model.index(row).data().toString());
    // Studied courses first (never studied: by title), then what I may preview.
    QCOMPARE(titles,
             QStringList(
                 {QStringLiteral("Biology"), QStringLiteral("Rust"), QStringLiteral("Chemistry")}));
    const QModelIndex chemistry = model.indexOf(f->id(QStringLiteral("Chemistry")));
    QCOMPARE(chemistry.data(DashboardModel::KindRole).value<DashboardModel::Kind>(),
             DashboardModel::Kind::Preview);
    QCOMPARE(chemistry.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Preview as a student"));
    // Short enough for a card in a two-column grid at 1024 pixels (the button's brief words
    // stand in where the whole do not fit).
    QCOMPARE(chemistry.data(DashboardModel::ContinueBriefTextRole).toString(),
             QStringLiteral("Preview"));
    QCOMPARE(chemistry.data(DashboardModel::SummaryTextRole).toString(),
             QStringLiteral("You teach this course"));
    // Each says who they are in it: a TA assists, an administrator (not enrolled) administers.
    f->course(QStringLiteral("Physics"));
    f->enroll(QStringLiteral("Physics"), QStringLiteral("ta"));
    f->course(QStringLiteral("Zoology"));
    QVERIFY(f->pull());
    model.refresh();
    QCOMPARE(model.indexOf(f->id(QStringLiteral("Physics")))
                 .data(DashboardModel::SummaryTextRole)
                 .toString(),
             QStringLiteral("You assist in this course"));
    QCOMPARE(model.indexOf(f->id(QStringLiteral("Zoology")))
                 .data(DashboardModel::SummaryTextRole)
                 .toString(),
             QStringLiteral("You administer this course"));
    const QModelIndex rust = model.indexOf(f->id(QStringLiteral("Rust")));
    QCOMPARE(rust.data(DashboardModel::KindRole).value<DashboardModel::Kind>(),
             DashboardModel::Kind::Studying);
    QCOMPARE(rust.data(DashboardModel::CodeRole).toString(), QStringLiteral("RUS-101"));
    QCOMPARE(rust.data(DashboardModel::TermRole).toString(), QStringLiteral("Autumn 2026"));
    // Without FileTransfers there is nothing to download.
    QCOMPARE(rust.data(DashboardModel::DownloadRole).value<DashboardModel::Download>(),
             DashboardModel::Download::Unavailable);
    QCOMPARE(rust.data(DashboardModel::DownloadTextRole).toString(), QString());
}

void tst_LearnModels::dashboardProgressAndNext()
{
    fillRust();
    DashboardModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QModelIndex rust = model.indexOf(f->id(QStringLiteral("Rust")));
    QCOMPARE(rust.data(DashboardModel::PercentRole).toInt(), 0);
    QCOMPARE(rust.data(DashboardModel::TotalItemsRole).toInt(), 4);
    QCOMPARE(rust.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Start: Intro"));
    QCOMPARE(rust.data(DashboardModel::SummaryTextRole).toString(), QStringLiteral("0 of 4 done"));

    f->event(QStringLiteral("Intro"), "opened");
    f->event(QStringLiteral("Intro"), "time", -1, 150);
    f->event(QStringLiteral("Intro"), "completed");
    f->event(QStringLiteral("Borrowing"), "time", -1, 3600);
    QVERIFY(f->pull());
    model.refresh();
    rust = model.indexOf(f->id(QStringLiteral("Rust")));
    QCOMPARE(rust.data(DashboardModel::PercentRole).toInt(), 25);
    QCOMPARE(rust.data(DashboardModel::CompletedItemsRole).toInt(), 1);
    QCOMPARE(rust.data(DashboardModel::SecondsSpentRole).toLongLong(), 3750);
    QCOMPARE(rust.data(DashboardModel::NextItemIdRole).toString(),
             f->id(QStringLiteral("Borrowing")));
    QCOMPARE(rust.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Continue: Borrowing"));
    QCOMPARE(rust.data(DashboardModel::SummaryTextRole).toString(),
             QStringLiteral("1 of 4 done · 1 h 2 min spent"));

    f->event(QStringLiteral("Borrowing"), "completed");
    f->event(QStringLiteral("Ownership"), "completed");
    f->event(QStringLiteral("Generics"), "completed");
    QVERIFY(f->pull());
    model.refresh();
    rust = model.indexOf(f->id(QStringLiteral("Rust")));
    QCOMPARE(rust.data(DashboardModel::PercentRole).toInt(), 100);
    QCOMPARE(rust.data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Completed — well done!"));
}

void tst_LearnModels::dashboardOrderIsMostRecentFirst()
{
    for (const char *title : {"Art", "Botany", "Calculus"}) {
        const QString t = QString::fromLatin1(title);
        f->course(t);
        f->enroll(t);
        f->module(t, t + u" 1");
        f->item(t + u" 1", t + u" lesson");
    }
    f->event(QStringLiteral("Art lesson"), "opened", -1, 0, LearnFixture::inDays(-3));
    f->event(QStringLiteral("Calculus lesson"), "opened", -1, 0, LearnFixture::inDays(-1));
    QVERIFY(f->pull());
    DashboardModel model(&f->sync);
    QCOMPARE(model.index(0).data().toString(), QStringLiteral("Calculus"));
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("Art"));
    QCOMPARE(model.index(2).data().toString(), QStringLiteral("Botany"));
    QCOMPARE(model.index(1).data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Continue: Art lesson"));
}

void tst_LearnModels::dashboardFollowsNewEvents()
{
    fillRust();
    DashboardModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    ProgressTracker tracker(&f->sync);
    tracker.open(f->id(QStringLiteral("Rust")), f->id(QStringLiteral("Intro")));
    QVERIFY(tracker.markComplete());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.indexOf(f->id(QStringLiteral("Rust"))).data(DashboardModel::PercentRole).toInt(),
             25);
}

void tst_LearnModels::dashboardEmptyStore()
{
    DashboardModel model(&f->sync);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.studyingCount(), 0);
    // A course with no lessons yet says so.
    f->course(QStringLiteral("Empty"));
    f->enroll(QStringLiteral("Empty"));
    QVERIFY(f->pull());
    model.refresh();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0).data(DashboardModel::SummaryTextRole).toString(),
             QStringLiteral("No lessons yet"));
    QCOMPARE(model.index(0).data(DashboardModel::ContinueTextRole).toString(),
             QStringLiteral("Nothing to study yet"));
}

void tst_LearnModels::trackerRecordsOpenTimeAndPosition()
{
    fillRust();
    ProgressTracker tracker(&f->sync);
    tracker.setClock([this] { return m_now; });
    const QString course = f->id(QStringLiteral("Rust"));
    const QString intro = f->id(QStringLiteral("Intro"));
    tracker.open(course, intro);
    QCOMPARE(kindsInOutbox(*f->store(), intro), QStringList({QStringLiteral("opened")}));
    tracker.setActive(true);
    m_now += 42'400;
    tracker.setPosition(0.5);
    tracker.close();
    QCOMPARE(kindsInOutbox(*f->store(), intro),
             QStringList(
                 {QStringLiteral("opened"), QStringLiteral("time"), QStringLiteral("position")}));
    const ItemProgress progress = tracker.progress(intro);
    QCOMPARE(progress.secondsSpent, 42);
    QCOMPARE(progress.lastPosition, 0.5);
    QVERIFY(progress.lastOpenedAt.isValid());
    QVERIFY(!progress.completed);
    // The op carries what the server needs.
    const Sync::Op last = f->store()->outbox().last();
    QVERIFY(last.kind == Sync::OpKind::Append);
    QCOMPARE(last.newValues().value(u"courseId").toString(), course);

    // Reopened without scrolling: no new position; the last one is what the lesson restores.
    tracker.open(course, intro);
    m_now += 300;
    tracker.setPosition(0.503);
    tracker.close();
    QCOMPARE(kindsInOutbox(*f->store(), intro).count(QStringLiteral("position")), 1);
    QCOMPARE(tracker.progress(intro).lastPosition, 0.5);
}

void tst_LearnModels::trackerCountsOnlyActiveTime()
{
    fillRust();
    ProgressTracker tracker(&f->sync);
    tracker.setClock([this] { return m_now; });
    const QString intro = f->id(QStringLiteral("Intro"));
    tracker.open(f->id(QStringLiteral("Rust")), intro);
    m_now += 100'000; // open but the window is in the background
    tracker.setActive(true);
    m_now += 20'000;
    tracker.setActive(false);
    m_now += 500'000;
    tracker.setActive(true);
    m_now += 10'700;
    QCOMPARE(tracker.unsavedSeconds(), 30);
    tracker.flush();
    QCOMPARE(tracker.progress(intro).secondsSpent, 30);
    // The part second waits for the next flush.
    m_now += 400;
    tracker.close();
    QCOMPARE(tracker.progress(intro).secondsSpent, 31);
}

void tst_LearnModels::trackerFlushesPeriodically()
{
    fillRust();
    ProgressTracker tracker(&f->sync);
    tracker.setClock([this] { return m_now; });
    tracker.setFlushInterval(20);
    const QString intro = f->id(QStringLiteral("Intro"));
    tracker.open(f->id(QStringLiteral("Rust")), intro);
    tracker.setActive(true);
    m_now += 61'000;
    // A crash now would lose at most an interval: the time is in the store already.
    QTRY_COMPARE(tracker.progress(intro).secondsSpent, 61);
    QCOMPARE(kindsInOutbox(*f->store(), intro).count(QStringLiteral("time")), 1);
}

void tst_LearnModels::trackerCompletesOnce()
{
    fillRust();
    ProgressTracker tracker(&f->sync);
    const QString course = f->id(QStringLiteral("Rust"));
    const QString intro = f->id(QStringLiteral("Intro"));
    QVERIFY(!tracker.markComplete()); // nothing open
    tracker.open(course, intro);
    QVERIFY(!tracker.isCompleted());
    QVERIFY(tracker.markComplete());
    QVERIFY(tracker.isCompleted());
    QVERIFY(!tracker.markComplete());
    tracker.close();
    tracker.open(course, intro);
    QVERIFY(tracker.isCompleted());
    QVERIFY(!tracker.markComplete());
    QCOMPARE(kindsInOutbox(*f->store(), intro).count(QStringLiteral("completed")), 1);

    // Completed on another device since: nothing more to say.
    const QString borrowing = f->id(QStringLiteral("Borrowing"));
    tracker.open(course, borrowing);
    f->event(QStringLiteral("Borrowing"), "completed");
    QVERIFY(f->pull());
    QVERIFY(!tracker.markComplete());
    QVERIFY(tracker.isCompleted());
    QCOMPARE(kindsInOutbox(*f->store(), borrowing).count(QStringLiteral("completed")), 0);
}

void tst_LearnModels::trackerRecordsNothingInPreview()
{
    fillRust();
    ProgressTracker tracker(&f->sync);
    tracker.setClock([this] { return m_now; });
    tracker.setRecording(false);
    tracker.open(f->id(QStringLiteral("Rust")), f->id(QStringLiteral("Intro")));
    tracker.setActive(true);
    m_now += 90'000;
    tracker.setPosition(0.7);
    QVERIFY(!tracker.markComplete());
    tracker.close();
    QCOMPARE(f->store()->pendingCount(), 0);
    QVERIFY(kindsInOutbox(*f->store()).isEmpty());
}

QTEST_MAIN(tst_LearnModels)
#include "tst_learnmodels.moc"
