// Progress totals derived from append-only events (docs/architecture.md, "Append-only records"):
// whatever devices sent, in whatever order, the learner sees the same completion, time and
// position.
#include <QJsonArray>
#include <QTest>
#include <algorithm>
#include <lectern/entityspec.h>
#include <lectern/jsonutil.h>
#include <lectern/progress.h>
#include <lectern/uuidv7.h>
#include <random>

using namespace Lectern;
using namespace Qt::StringLiterals;

namespace {
const QString lesson = u"0190a3b2-0000-7000-8000-000000000001"_s;
const QString video = u"0190a3b2-0000-7000-8000-000000000002"_s;
const QString quiz = u"0190a3b2-0000-7000-8000-000000000003"_s;
const QString courseId = u"0190a3b2-0000-7000-8000-0000000000c0"_s;

QDateTime at(int minute, int second = 0)
{
    return QDateTime(QDate(2026, 11, 21), QTime(9, minute, second), Qt::UTC);
}

QJsonObject ev(const QString &id, const QString &content, const char *kind, int minute,
               double position = -1, qint64 seconds = 0)
{
    QJsonObject e = Progress::event(content, courseId, kind, position, seconds, at(minute));
    e.insert(u"id"_s, id);
    return e;
}

QString id(int n)
{
    return u"0190a3b2-0000-7000-9000-%1"_s.arg(n, 12, 10, QLatin1Char('0'));
}
} // namespace

class TestProgress : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void registryEntry();
    void eventValidates_data();
    void eventValidates();
    void nothingYet();
    void itemTotals();
    void completionIsAUnionAcrossDevices();
    void sameEventTwiceCountsOnce();
    void positionIsTheLatestWhateverTheOrder();
    void eventsWithoutContentAreIgnored();
    void courseCountsRequiredItemsWhenThereAreAny();
    void courseCountsAllItemsOtherwise();
    void aModuleCountsWhatItsCourseCounts();
    void courseNextItemAndEmptyCourse();
    void json();
};

void TestProgress::registryEntry()
{
    const EntitySpec &spec = Entities::progress();
    QCOMPARE(spec.name, u"progress"_s);
    QCOMPARE(spec.table, u"progress_events"_s);
    QCOMPARE(spec.parentField, u"contentId"_s);
    QCOMPARE(spec.audience, Audience::Own);
    QCOMPARE(spec.ownerField, u"userId"_s);
    QVERIFY(spec.syncWritable);
    QVERIFY(spec.isAppendOnly());
    QCOMPARE(spec.fieldNames(),
             QStringList({u"contentId"_s, u"courseId"_s, u"userId"_s, u"kind"_s, u"position"_s,
                          u"seconds"_s, u"at"_s}));
    for (const FieldSpec &f : spec.fields) {
        QVERIFY2(f.immutable, qPrintable(f.name));
        QCOMPARE(f.merge, MergeRule::AppendOnly);
    }
    // Authored records are not append-only.
    QVERIFY(!Entities::content().isAppendOnly());
    QVERIFY(!Entities::enrollment().isAppendOnly());
}

void TestProgress::eventValidates_data()
{
    QTest::addColumn<QJsonObject>("change"); // applied to a good event
    QTest::addColumn<QString>("badField");   // empty: valid

    QTest::newRow("good") << QJsonObject() << QString();
    QTest::newRow("position 1") << QJsonObject {{u"position"_s, 1}} << QString();
    QTest::newRow("position 0") << QJsonObject {{u"position"_s, 0}} << QString();
    QTest::newRow("position above 1") << QJsonObject {{u"position"_s, 1.5}} << u"position"_s;
    QTest::newRow("position negative") << QJsonObject {{u"position"_s, -0.1}} << u"position"_s;
    QTest::newRow("seconds negative") << QJsonObject {{u"seconds"_s, -3}} << u"seconds"_s;
    QTest::newRow("seconds fraction") << QJsonObject {{u"seconds"_s, 1.5}} << u"seconds"_s;
    QTest::newRow("unknown kind") << QJsonObject {{u"kind"_s, u"liked"_s}} << u"kind"_s;
    QTest::newRow("no time") << QJsonObject {{u"at"_s, QJsonValue()}} << u"at"_s;
    QTest::newRow("bad time") << QJsonObject {{u"at"_s, u"yesterday"_s}} << u"at"_s;
    QTest::newRow("no content") << QJsonObject {{u"contentId"_s, QJsonValue()}} << u"contentId"_s;
    QTest::newRow("no course") << QJsonObject {{u"courseId"_s, QJsonValue()}} << u"courseId"_s;
    QTest::newRow("user is optional") << QJsonObject {{u"userId"_s, id(9)}} << QString();
}

void TestProgress::eventValidates()
{
    QFETCH(QJsonObject, change);
    QFETCH(QString, badField);
    QJsonObject event = Progress::event(lesson, courseId, Progress::Position, 0.5, 30, at(1));
    for (auto it = change.begin(); it != change.end(); ++it)
        event.insert(it.key(), it.value());
    const ValidationErrors errors = Entities::progress().validate(event, EntitySpec::Mode::Create);
    if (badField.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.fieldNames().join(u", ")));
    } else {
        QCOMPARE(errors.fieldNames(), QStringList {badField});
    }
    // Nothing of an event changes once made.
    QVERIFY(Entities::progress()
                .validate({{u"kind"_s, u"completed"_s}}, EntitySpec::Mode::Update)
                .has(u"kind"_s));
    // Seconds default to 0 on create.
    QCOMPARE(Entities::progress()
                 .normalize(Progress::event(lesson, courseId, Progress::Opened),
                            EntitySpec::Mode::Create)
                 .value(u"seconds"),
             QJsonValue(0));
}

void TestProgress::nothingYet()
{
    QVERIFY(Progress::summarize({}).isEmpty());
    const ItemProgress none = Progress::summarize({}).value(lesson);
    QVERIFY(!none.completed);
    QCOMPARE(none.secondsSpent, 0);
    QVERIFY(!none.lastOpenedAt.isValid());
}

void TestProgress::itemTotals()
{
    const auto items = Progress::summarize({
        ev(id(1), lesson, Progress::Opened, 1),
        ev(id(2), lesson, Progress::Position, 2, 0.4),
        ev(id(3), lesson, Progress::Time, 3, -1, 120),
        ev(id(4), lesson, Progress::Opened, 10),
        ev(id(5), lesson, Progress::Time, 12, -1, 45),
        ev(id(6), video, Progress::Opened, 5),
    });
    QCOMPARE(items.size(), 2);
    const ItemProgress l = items.value(lesson);
    QVERIFY(!l.completed);
    QCOMPARE(l.secondsSpent, 165);
    QCOMPARE(l.lastPosition, 0.4);
    QCOMPARE(l.lastOpenedAt, at(10));
    QCOMPARE(l.lastActivityAt, at(12));
    QVERIFY(!l.completedAt.isValid());
    QCOMPARE(l.events, 5);
    QCOMPARE(items.value(video).lastOpenedAt, at(5));
    QCOMPARE(items.value(video).secondsSpent, 0);
}

void TestProgress::completionIsAUnionAcrossDevices()
{
    // The laptop completed the lesson offline at 9:20; the desktop, later synced, only opened it
    // and spent time. Together: completed (at the first completion), time summed.
    const QList<QJsonObject> laptop
        = {ev(id(1), lesson, Progress::Opened, 15), ev(id(2), lesson, Progress::Time, 16, -1, 300),
           ev(id(3), lesson, Progress::Completed, 20, 1.0)};
    const QList<QJsonObject> desktop = {
        ev(id(4), lesson, Progress::Opened, 30), ev(id(5), lesson, Progress::Time, 31, -1, 60),
        ev(id(6), lesson, Progress::Completed, 40), ev(id(7), lesson, Progress::Position, 41, 0.2)};
    const ItemProgress both = Progress::summarize(laptop + desktop).value(lesson);
    QVERIFY(both.completed);
    QCOMPARE(both.completedAt, at(20));
    QCOMPARE(both.secondsSpent, 360);
    QCOMPARE(both.lastOpenedAt, at(30));
    QCOMPARE(both.lastPosition, 0.2); // the latest position, even below the completed one
    QCOMPARE(Progress::summarize(desktop + laptop).value(lesson), both);
}

void TestProgress::sameEventTwiceCountsOnce()
{
    const QJsonObject time = ev(id(1), lesson, Progress::Time, 1, -1, 90);
    QJsonObject upper = time;
    upper.insert(u"id"_s, id(1).toUpper()); // the same id in another form
    const ItemProgress item = Progress::summarize({time, time, upper}).value(lesson);
    QCOMPARE(item.secondsSpent, 90);
    QCOMPARE(item.events, 1);
    // Events not yet given an id (a REST body) each count.
    QJsonObject anonymous = time;
    anonymous.remove(u"id"_s);
    QCOMPARE(Progress::summarize({anonymous, anonymous}).value(lesson).secondsSpent, 180);
}

void TestProgress::positionIsTheLatestWhateverTheOrder()
{
    QList<QJsonObject> events = {
        ev(id(1), lesson, Progress::Position, 1, 0.1),
        ev(id(2), lesson, Progress::Position, 5, 0.9),
        ev(id(3), lesson, Progress::Position, 3, 0.5),
        ev(id(4), lesson, Progress::Opened, 7), // no position: leaves it
        // Two at the same second: the greater id wins, on every device.
        ev(id(6), video, Progress::Position, 2, 0.6),
        ev(id(5), video, Progress::Position, 2, 0.3),
    };
    std::mt19937 random(42);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(events.begin(), events.end(), random);
        const auto items = Progress::summarize(events);
        QCOMPARE(items.value(lesson).lastPosition, 0.9);
        QCOMPARE(items.value(video).lastPosition, 0.6);
    }
}

void TestProgress::eventsWithoutContentAreIgnored()
{
    QJsonObject stray = ev(id(1), lesson, Progress::Completed, 1);
    stray.remove(u"contentId"_s);
    QVERIFY(Progress::summarize({stray}).isEmpty());
    // Content ids compare without regard to case.
    QJsonObject upper = ev(id(2), lesson.toUpper(), Progress::Completed, 1);
    QVERIFY(Progress::summarize({upper}).value(lesson).completed);
}

void TestProgress::courseCountsRequiredItemsWhenThereAreAny()
{
    const QList<ItemRef> outline = {{lesson, true}, {video, false}, {quiz, true}};
    auto items = Progress::summarize({ev(id(1), video, Progress::Completed, 1, -1, 30),
                                      ev(id(2), lesson, Progress::Time, 2, -1, 10)});
    CourseProgress c = Progress::course(outline, items);
    QCOMPARE(c.total, 2);
    QCOMPARE(c.completed, 0); // the optional video does not count
    QCOMPARE(c.percent, 0);
    QCOMPARE(c.secondsSpent, 40);
    QCOMPARE(c.nextItemId, lesson);
    QCOMPARE(c.lastActivityAt, at(2));

    items = Progress::summarize(
        {ev(id(1), video, Progress::Completed, 1), ev(id(3), lesson, Progress::Completed, 3)});
    c = Progress::course(outline, items);
    QCOMPARE(c.completed, 1);
    QCOMPARE(c.percent, 50);
    QCOMPARE(c.nextItemId, quiz);
}

void TestProgress::courseCountsAllItemsOtherwise()
{
    const QList<ItemRef> outline = {{lesson, false}, {video, false}, {quiz, false}};
    const auto items = Progress::summarize(
        {ev(id(1), lesson, Progress::Completed, 1), ev(id(2), quiz, Progress::Completed, 2)});
    const CourseProgress c = Progress::course(outline, items);
    QCOMPARE(c.total, 3);
    QCOMPARE(c.completed, 2);
    QCOMPARE(c.percent, 66); // rounded down: 100 only when everything is done
    QCOMPARE(c.nextItemId, video);
}

void TestProgress::aModuleCountsWhatItsCourseCounts()
{
    // The course has a required item, so only required items count, in every module: a module
    // of optional items counts nothing, however much of it is done.
    const QList<ItemRef> course = {{lesson, true}, {video, false}, {quiz, false}};
    const bool requiredOnly = Progress::requiredOnly(course);
    QVERIFY(requiredOnly);
    QVERIFY(!Progress::requiredOnly({{lesson, false}, {video, false}}));
    QVERIFY(Progress::counts(course[0], requiredOnly));
    QVERIFY(!Progress::counts(course[1], requiredOnly));
    QVERIFY(Progress::counts(course[1], false));

    const auto items = Progress::summarize(
        {ev(id(1), video, Progress::Completed, 1), ev(id(2), quiz, Progress::Completed, 2)});
    const CourseProgress optionalModule
        = Progress::tally({course[1], course[2]}, items, requiredOnly);
    QCOMPARE(optionalModule.total, 0);
    QCOMPARE(optionalModule.completed, 0);
    QVERIFY(optionalModule.requiredOnly);
    const CourseProgress firstModule = Progress::tally({course[0], course[1]}, items, requiredOnly);
    QCOMPARE(firstModule.total, 1);
    QCOMPARE(firstModule.completed, 0);
    QCOMPARE(Progress::course(course, items).completed, 0);
    QCOMPARE(Progress::course(course, items).total, 1);
}

void TestProgress::courseNextItemAndEmptyCourse()
{
    const QList<ItemRef> outline = {{lesson, false}, {video, false}};
    const auto items = Progress::summarize(
        {ev(id(1), lesson, Progress::Completed, 1), ev(id(2), video, Progress::Completed, 2)});
    const CourseProgress done = Progress::course(outline, items);
    QCOMPARE(done.percent, 100);
    QVERIFY(done.nextItemId.isEmpty());

    const CourseProgress empty = Progress::course({}, items);
    QCOMPARE(empty.total, 0);
    QCOMPARE(empty.percent, 0);
    QCOMPARE(empty.secondsSpent, 0); // events of items outside the outline do not count
}

void TestProgress::json()
{
    const auto items = Progress::summarize(
        {ev(id(1), lesson, Progress::Opened, 1), ev(id(2), lesson, Progress::Position, 2, 0.25)});
    const QJsonObject item = Progress::toJson(items.value(lesson));
    QCOMPARE(item.value(u"completed"), QJsonValue(false));
    QCOMPARE(item.value(u"lastPosition").toDouble(), 0.25);
    QCOMPARE(item.value(u"lastOpenedAt").toString(), u"2026-11-21T09:01:00Z"_s);
    QVERIFY(item.value(u"completedAt").isNull());

    const QJsonObject c = Progress::toJson(Progress::course({{lesson, false}}, items));
    QCOMPARE(c.value(u"nextItemId").toString(), lesson);
    QCOMPARE(c.value(u"total").toInt(), 1);
    QCOMPARE(c.value(u"requiredOnly"), QJsonValue(false));
    QCOMPARE(c.value(u"percent").toInt(), 0);

    // The event builder leaves out what was not given and takes now by default.
    const QJsonObject opened = Progress::event(lesson, courseId, Progress::Opened);
    QVERIFY(!opened.contains(u"position"));
    QVERIFY(!opened.contains(u"seconds"));
    QVERIFY(qAbs(Json::toDateTime(opened.value(u"at")).secsTo(QDateTime::currentDateTimeUtc()))
            < 5);
}

QTEST_GUILESS_MAIN(TestProgress)
#include "tst_progress.moc"
