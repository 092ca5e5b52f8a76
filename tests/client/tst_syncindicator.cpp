#include <QLabel>
#include <QProgressBar>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolButton>
#include <lectern/client/mainwindow.h>
#include <lectern/client/syncui/syncindicator.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;
using namespace Qt::StringLiterals;

// The status bar's sync indicator: each SyncStatus shows the right words, and only the parts
// that have something to say are visible.
class tst_SyncIndicator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsStatus_data();
    void showsStatus();
    void progress();
    void lastSynced_data();
    void lastSynced();
    void lastSyncedTooltipHasExactTime();
    void buttonsAskForActions();
    void reportSaysWhatBecameOfChanges();
    void inTheMainWindow();
    void french();

private:
    template<typename T> static T *child(QWidget *parent, const char *name)
    {
        T *widget = parent->findChild<T *>(QLatin1StringView(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
};

void tst_SyncIndicator::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_SyncIndicator::showsStatus_data()
{
    QTest::addColumn<SyncStatus>("status");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("queued"); // empty: hidden
    QTest::addColumn<bool>("progress");
    QTest::addColumn<QString>("error");     // empty: hidden
    QTest::addColumn<QString>("conflicts"); // empty: hidden
    QTest::addColumn<QString>("refused");   // empty: hidden
    QTest::addColumn<bool>("syncNowEnabled");

    SyncStatus idle;
    idle.online = true;
    QTest::newRow("online, nothing waiting")
        << idle << QStringLiteral("Online") << QString() << false << QString() << QString()
        << QString() << true;

    SyncStatus offline;
    offline.queued = 3;
    QTest::newRow("offline with changes")
        << offline << QStringLiteral("Offline") << QStringLiteral("3 changes waiting to sync")
        << false << QString() << QString() << QString() << true;

    SyncStatus one;
    one.queued = 1;
    one.online = true;
    QTest::newRow("one change") << one << QStringLiteral("Online")
                                << QStringLiteral("1 change waiting to sync") << false << QString()
                                << QString() << QString() << true;

    SyncStatus syncing;
    syncing.online = true;
    syncing.syncing = true;
    syncing.queued = 2;
    syncing.done = 1;
    syncing.total = 4;
    QTest::newRow("syncing") << syncing << QStringLiteral("Syncing…")
                             << QStringLiteral("2 changes waiting to sync") << true << QString()
                             << QString() << QString() << false;

    SyncStatus failed;
    failed.lastError = QStringLiteral("Cannot reach the server at http://lectern.example.");
    QTest::newRow("error") << failed << QStringLiteral("Offline") << QString() << false
                           << failed.lastError << QString() << QString() << true;

    SyncStatus conflicts;
    conflicts.online = true;
    conflicts.openConflicts = 2;
    conflicts.rejected = 1;
    QTest::newRow("conflicts and refused")
        << conflicts << QStringLiteral("Online") << QString() << false << QString()
        << QStringLiteral("2 conflicts") << QStringLiteral("1 refused") << true;

    SyncStatus oneConflict;
    oneConflict.online = true;
    oneConflict.openConflicts = 1;
    QTest::newRow("one conflict") << oneConflict << QStringLiteral("Online") << QString() << false
                                  << QString() << QStringLiteral("1 conflict") << QString() << true;

    SyncStatus signedOut;
    signedOut.signedOut = true;
    signedOut.queued = 5;
    QTest::newRow("signed out") << signedOut << QStringLiteral("Signed out")
                                << QStringLiteral("5 changes waiting to sync") << false << QString()
                                << QString() << QString() << false;
}

void tst_SyncIndicator::showsStatus()
{
    QFETCH(SyncStatus, status);
    QFETCH(QString, state);
    QFETCH(QString, queued);
    QFETCH(bool, progress);
    QFETCH(QString, error);
    QFETCH(QString, conflicts);
    QFETCH(QString, refused);
    QFETCH(bool, syncNowEnabled);

    SyncIndicator indicator;
    // From a different status first: every part must follow the change.
    SyncStatus busy;
    busy.syncing = true;
    busy.queued = 9;
    busy.openConflicts = 4;
    busy.rejected = 4;
    busy.lastError = QStringLiteral("old error");
    indicator.setStatus(busy);
    indicator.setStatus(status);
    indicator.show();

    QCOMPARE(child<QLabel>(&indicator, "syncStateLabel")->text(), state);
    auto *queuedLabel = child<QLabel>(&indicator, "syncQueuedLabel");
    QCOMPARE(queuedLabel->isVisible(), !queued.isEmpty());
    if (!queued.isEmpty())
        QCOMPARE(queuedLabel->text(), queued);
    QCOMPARE(child<QProgressBar>(&indicator, "syncProgress")->isVisible(), progress);
    auto *errorLabel = child<QLabel>(&indicator, "syncErrorLabel");
    QCOMPARE(errorLabel->isVisible(), !error.isEmpty());
    if (!error.isEmpty())
        QCOMPARE(errorLabel->text(), error);
    auto *conflictsButton = child<QToolButton>(&indicator, "syncConflictsButton");
    QCOMPARE(conflictsButton->isVisible(), !conflicts.isEmpty());
    if (!conflicts.isEmpty())
        QCOMPARE(conflictsButton->text(), conflicts);
    auto *refusedButton = child<QToolButton>(&indicator, "syncRefusedButton");
    QCOMPARE(refusedButton->isVisible(), !refused.isEmpty());
    if (!refused.isEmpty())
        QCOMPARE(refusedButton->text(), refused);
    auto *syncNow = child<QToolButton>(&indicator, "syncNowButton");
    QVERIFY(syncNow->isVisible());
    QCOMPARE(syncNow->text(), QStringLiteral("Sync now"));
    QCOMPARE(syncNow->isEnabled(), syncNowEnabled);
    QVERIFY(child<QLabel>(&indicator, "syncLastLabel")->isVisible());
}

void tst_SyncIndicator::progress()
{
    SyncIndicator indicator;
    indicator.show();
    auto *bar = child<QProgressBar>(&indicator, "syncProgress");

    SyncStatus status;
    status.online = true;
    status.syncing = true;
    indicator.setStatus(status);
    QVERIFY(bar->isVisible());
    // Total unknown: a busy bar.
    QCOMPARE(bar->minimum(), 0);
    QCOMPARE(bar->maximum(), 0);

    status.done = 30;
    status.total = 120;
    indicator.setStatus(status);
    QCOMPARE(bar->maximum(), 120);
    QCOMPARE(bar->value(), 30);

    status.syncing = false;
    indicator.setStatus(status);
    QVERIFY(!bar->isVisible());
}

void tst_SyncIndicator::lastSynced_data()
{
    QTest::addColumn<QDateTime>("last");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("text");

    const QDateTime now = QDateTime(QDate(2025, 3, 14), QTime(15, 30)).toUTC();
    QTest::newRow("never") << QDateTime() << now << QStringLiteral("Never synced");
    QTest::newRow("seconds") << now.addSecs(-20) << now << QStringLiteral("Last synced just now");
    QTest::newRow("one minute") << now.addSecs(-61) << now
                                << QStringLiteral("Last synced 1 minute ago");
    QTest::newRow("three minutes")
        << now.addSecs(-3 * 60 - 5) << now << QStringLiteral("Last synced 3 minutes ago");
    QTest::newRow("two hours") << now.addSecs(-2 * 3600 - 60) << now
                               << QStringLiteral("Last synced 2 hours ago");
    QTest::newRow("yesterday") << now.addDays(-1).addSecs(-13 * 3600) << now
                               << QStringLiteral("Last synced yesterday");
    QTest::newRow("last week") << now.addDays(-6) << now
                               << QStringLiteral("Last synced on %1")
                                      .arg(QLocale().toString(now.addDays(-6).toLocalTime().date(),
                                                              QLocale::ShortFormat));
}

void tst_SyncIndicator::lastSynced()
{
    QFETCH(QDateTime, last);
    QFETCH(QDateTime, now);
    QFETCH(QString, text);
    QCOMPARE(SyncIndicator::lastSyncedText(last, now), text);
}

void tst_SyncIndicator::lastSyncedTooltipHasExactTime()
{
    SyncIndicator indicator;
    SyncStatus status;
    status.online = true;
    status.lastSuccess = QDateTime::currentDateTimeUtc().addSecs(-3 * 60 - 10);
    indicator.setStatus(status);
    auto *label = child<QLabel>(&indicator, "syncLastLabel");
    QCOMPARE(label->text(), QStringLiteral("Last synced 3 minutes ago"));
    QVERIFY2(label->toolTip().contains(
                 QLocale().toString(status.lastSuccess.toLocalTime().time(), QLocale::LongFormat)),
             qPrintable(label->toolTip()));
}

void tst_SyncIndicator::buttonsAskForActions()
{
    SyncIndicator indicator;
    SyncStatus status;
    status.online = true;
    status.openConflicts = 3;
    status.rejected = 2;
    indicator.setStatus(status);
    indicator.show();
    QSignalSpy syncNow(&indicator, &SyncIndicator::syncNowRequested);
    QSignalSpy conflicts(&indicator, &SyncIndicator::conflictsRequested);
    QSignalSpy refused(&indicator, &SyncIndicator::refusedRequested);
    QTest::mouseClick(child<QToolButton>(&indicator, "syncNowButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(&indicator, "syncConflictsButton"), Qt::LeftButton);
    QTest::mouseClick(child<QToolButton>(&indicator, "syncRefusedButton"), Qt::LeftButton);
    QCOMPARE(syncNow.size(), 1);
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(refused.size(), 1);
}

// After a sync that sent changes: what became of them, in words, and "Resolve…" for a conflict.
void tst_SyncIndicator::reportSaysWhatBecameOfChanges()
{
    QCOMPARE(SyncIndicator::reportText({}), QString());
    QCOMPARE(SyncIndicator::reportText({3, 1, 1, 0}), u"3 changes sent, 1 merged, 1 conflict"_s);
    QCOMPARE(SyncIndicator::reportText({1, 0, 0, 1}), u"1 change sent, 1 refused"_s);
    // Big counts are grouped the way the person's locale writes numbers.
    QCOMPARE(SyncIndicator::reportText({4001, 0, 0, 0}), u"4,001 changes sent"_s);
    TranslationLoader::install(QLocale(QLocale::French, QLocale::France));
    QCOMPARE(SyncIndicator::reportText({4001, 0, 0, 0}), u"4\u202F001 modifications envoyées"_s);
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));

    SyncIndicator indicator;
    SyncStatus status;
    status.online = true;
    status.openConflicts = 1;
    status.lastSent = {3, 1, 1, 0};
    indicator.setStatus(status);
    indicator.resize(indicator.sizeHint());
    indicator.show();
    auto *report = child<QLabel>(&indicator, "syncReportLabel");
    QTRY_VERIFY(report->isVisible());
    QVERIFY2(report->text().startsWith(u"3 changes sent, 1 merged, 1 conflict"_s),
             qPrintable(report->text()));
    QVERIFY(report->text().contains(u"Resolve…"_s));
    QSignalSpy conflicts(&indicator, &SyncIndicator::conflictsRequested);
    Q_EMIT report->linkActivated(u"#conflicts"_s);
    QCOMPARE(conflicts.size(), 1);

    // New changes waiting: the report of the last sync gives way to them.
    status.queued = 2;
    indicator.setStatus(status);
    QVERIFY(!report->isVisible());
}

void tst_SyncIndicator::inTheMainWindow()
{
    MainWindow window;
    User user;
    user.id = QStringLiteral("u1");
    user.name = QStringLiteral("Ian Instructor");
    user.roles = {Role::Instructor};
    Organization org;
    org.name = QStringLiteral("Demo Academy");
    window.setProfile(user, org);
    window.setServerUrl(QUrl(QStringLiteral("https://lectern.example.org")));
    window.setConnectionState(ConnectionMonitor::State::Online);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    SyncIndicator *indicator = window.syncIndicator();
    QVERIFY(indicator);
    QVERIFY(window.statusBar()->isAncestorOf(indicator));
    // Nothing to say without a sync controller (no "Offline" under an "Online" header); the
    // window shows it with one (setSyncController), as here by hand.
    QVERIFY(!indicator->isVisible());
    indicator->show();

    SyncStatus status;
    status.online = true;
    status.syncing = true;
    status.queued = 3;
    status.done = 2;
    status.total = 5;
    status.openConflicts = 2;
    status.rejected = 1;
    status.lastSuccess = QDateTime::currentDateTimeUtc().addSecs(-3 * 60 - 10);
    indicator->setStatus(status);
    // Everything fits, also in the smallest window and with an error to show: nothing is
    // squeezed below its size hint, and what had to go is in the state's tooltip.
    const auto squeezed = [&]() -> QString {
        QTest::qWait(20); // the layouts settle
        if (indicator->geometry().right() >= window.statusBar()->width())
            return QStringLiteral("the indicator");
        for (QWidget *part : indicator->findChildren<QWidget *>()) {
            // (A fixed width is the indicator's choice: the short progress bar.)
            const int least = qMin(part->minimumSizeHint().width(), part->maximumWidth());
            if (part->isVisible() && part->width() < least)
                return part->objectName();
        }
        return {};
    };
    window.resize(1280, 700);
    QCOMPARE(squeezed(), QString());
    QVERIFY(child<QLabel>(indicator, "syncLastLabel")->isVisible());
    QCOMPARE(child<QLabel>(indicator, "syncQueuedLabel")->text(),
             QStringLiteral("3 changes waiting to sync"));
    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window.statusBar()->grab().save(dir + QStringLiteral("/sync-indicator.png"));

    window.resize(window.minimumSize());
    status.lastError = QStringLiteral("Cannot reach the server at https://lectern.example.org.");
    indicator->setStatus(status);
    QCOMPARE(squeezed(), QString());
    auto *state = child<QLabel>(indicator, "syncStateLabel");
    QVERIFY(!child<QLabel>(indicator, "syncLastLabel")->isVisible());
    QVERIFY2(state->toolTip().contains(QStringLiteral("Last synced 3 minutes ago")),
             qPrintable(state->toolTip()));
    QVERIFY(child<QToolButton>(indicator, "syncConflictsButton")->isVisible());
    QVERIFY(child<QToolButton>(indicator, "syncRefusedButton")->isVisible());
    QVERIFY(child<QToolButton>(indicator, "syncNowButton")->isVisible());
    if (!dir.isEmpty())
        window.grab().save(dir + QStringLiteral("/sync-indicator-narrow.png"));

    // Offline, the window's own status line takes its share too.
    window.setConnectionState(ConnectionMonitor::State::Offline);
    window.setLastConnected(QDateTime::currentDateTimeUtc().addSecs(-600));
    status.online = false;
    status.syncing = false;
    indicator->setStatus(status);
    QCOMPARE(squeezed(), QString());
    if (!dir.isEmpty())
        window.grab().save(dir + QStringLiteral("/sync-indicator-offline-narrow.png"));
}

void tst_SyncIndicator::french()
{
    TranslationLoader::install(QLocale(QLocale::French, QLocale::France));
    const auto restore = qScopeGuard(
        [] { TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates)); });
    QCOMPARE(SyncIndicator::queuedText(1),
             QStringLiteral("1 modification en attente de synchronisation"));
    QCOMPARE(SyncIndicator::queuedText(3),
             QStringLiteral("3 modifications en attente de synchronisation"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(SyncIndicator::lastSyncedText(now.addSecs(-3 * 60 - 5), now),
             QStringLiteral("Dernière synchronisation il y a 3 minutes"));
    SyncStatus status;
    status.openConflicts = 2;
    SyncIndicator indicator;
    indicator.setStatus(status);
    indicator.show();
    QCOMPARE(child<QLabel>(&indicator, "syncStateLabel")->text(), QStringLiteral("Hors ligne"));
    QCOMPARE(child<QToolButton>(&indicator, "syncConflictsButton")->text(),
             QStringLiteral("2 conflits"));
}

QTEST_MAIN(tst_SyncIndicator)
#include "tst_syncindicator.moc"
