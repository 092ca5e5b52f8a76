#include "authorfixture.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>
#include <lectern/client/author/coursefiltermodel.h>
#include <lectern/client/author/courselistmodel.h>
#include <lectern/client/author/courserules.h>
#include <lectern/client/author/recordtree.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/client/translationloader.h>

using namespace Lectern;
using namespace Lectern::Client;

// The Author workspace's course list without a window: the courses of the offline store, kept
// in step with it without losing the selection, the search and filters over them, and the
// rules a course's settings must meet before they are saved.
class tst_CourseListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rowsAndRoles();
    void followsTheStoreInPlace();
    void searchAndFilters_data();
    void searchAndFilters();
    void sortedByTitle();
    void rules_data();
    void rules();
    void copyCode_data();
    void copyCode();

private:
    QStringList shownTitles() const;

    std::unique_ptr<AuthorFixture::Store> m_store;
    std::unique_ptr<CourseListModel> m_model;
    std::unique_ptr<CourseFilterModel> m_filter;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QAbstractItemModelTester> m_filterTester;
};

void tst_CourseListModel::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_CourseListModel::init()
{
    m_store = std::make_unique<AuthorFixture::Store>();
    QVERIFY(m_store->start());
    QVERIFY(m_store->pull(
        {m_store->course(QStringLiteral("Rust for beginners"), QStringLiteral("RUST101"),
                         QStringLiteral("Autumn 2026"), QStringLiteral("published"),
                         {{QStringLiteral("description"),
                           QStringLiteral("Ownership, borrowing and fearless concurrency.")}}),
         m_store->course(QStringLiteral("Algebra"), QStringLiteral("MATH201"),
                         QStringLiteral("Spring 2027")),
         m_store->course(QStringLiteral("Old Pascal course"), QStringLiteral("PAS100"),
                         QStringLiteral("Autumn 2026"), QStringLiteral("archived")),
         m_store->course(QStringLiteral("Writing workshop"), QStringLiteral("WRI1"))}));
    m_model = std::make_unique<CourseListModel>(m_store->sync.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_filter = std::make_unique<CourseFilterModel>();
    m_filter->setSourceModel(m_model.get());
    m_filterTester = std::make_unique<QAbstractItemModelTester>(
        m_filter.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void tst_CourseListModel::cleanup()
{
    m_filterTester.reset();
    m_tester.reset();
    m_filter.reset();
    m_model.reset();
    m_store.reset();
}

QStringList tst_CourseListModel::shownTitles() const
{
    QStringList titles;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        titles.append(m_filter->index(row, 0).data().toString());
    return titles;
}

void tst_CourseListModel::rowsAndRoles()
{
    QCOMPARE(m_model->rowCount(), 4);
    const QModelIndex rust = m_model->indexOf(m_store->id(QStringLiteral("Rust for beginners")));
    QVERIFY(rust.isValid());
    QCOMPARE(rust.data().toString(), QStringLiteral("Rust for beginners"));
    QCOMPARE(rust.data(CourseListModel::CodeRole).toString(), QStringLiteral("RUST101"));
    QCOMPARE(rust.data(CourseListModel::TermRole).toString(), QStringLiteral("Autumn 2026"));
    QCOMPARE(rust.data(CourseListModel::StatusRole).toString(), QStringLiteral("published"));
    QCOMPARE(rust.data(CourseListModel::SubtitleRole).toString(),
             QStringLiteral("RUST101 · Autumn 2026"));
    QCOMPARE(rust.data(CourseListModel::IdRole).toString(),
             m_store->id(QStringLiteral("Rust for beginners")));
    QVERIFY(!rust.data(SyncMark::Role).toBool());
    // A course without a term shows its code alone.
    QCOMPARE(m_model->indexOf(m_store->id(QStringLiteral("Writing workshop")))
                 .data(CourseListModel::SubtitleRole)
                 .toString(),
             QStringLiteral("WRI1"));
    QCOMPARE(m_model->terms(),
             QStringList({QStringLiteral("Autumn 2026"), QStringLiteral("Spring 2027")}));
    QCOMPARE(CourseListModel::statusTitle(QStringLiteral("archived")), QStringLiteral("Archived"));
}

void tst_CourseListModel::followsTheStoreInPlace()
{
    QItemSelectionModel selection(m_model.get());
    const QString algebra = m_store->id(QStringLiteral("Algebra"));
    selection.setCurrentIndex(m_model->indexOf(algebra), QItemSelectionModel::ClearAndSelect);
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy terms(m_model.get(), &CourseListModel::termsChanged);

    // A course made on this computer: a new row, marked as not synced yet.
    const Result<QString> made
        = m_store->sync->create(QStringLiteral("course"),
                                {{QStringLiteral("code"), QStringLiteral("GEO1")},
                                 {QStringLiteral("title"), QStringLiteral("Geology")},
                                 {QStringLiteral("term"), QStringLiteral("Summer 2027")}});
    QVERIFY(made);
    QCOMPARE(m_model->rowCount(), 5);
    QCOMPARE(inserted.size(), 1);
    QVERIFY(m_model->indexOf(*made).data(SyncMark::Role).toBool());
    QCOMPARE(terms.size(), 1);
    QVERIFY(m_model->terms().contains(QStringLiteral("Summer 2027")));

    // An edit changes its row in place.
    QVERIFY(m_store->sync->update(QStringLiteral("course"), algebra,
                                  {{QStringLiteral("title"), QStringLiteral("Linear algebra")}}));
    QCOMPARE(m_model->indexOf(algebra).data().toString(), QStringLiteral("Linear algebra"));
    QVERIFY(m_model->indexOf(algebra).data(SyncMark::Role).toBool());

    // A course deleted elsewhere leaves; the others stay where they are.
    Sync::Change gone
        = m_store->course(QStringLiteral("Old Pascal course"), QStringLiteral("PAS100"));
    gone.deleted = true;
    gone.fields = {};
    QVERIFY(m_store->pull({gone}));
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(removed.size(), 1);
    QVERIFY(!m_model->indexOf(m_store->id(QStringLiteral("Old Pascal course"))).isValid());

    QCOMPARE(resets.size(), 0);
    QCOMPARE(selection.currentIndex(), m_model->indexOf(algebra));
    QVERIFY(selection.isSelected(m_model->indexOf(algebra)));
}

void tst_CourseListModel::searchAndFilters_data()
{
    QTest::addColumn<QString>("search");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("term");
    QTest::addColumn<QStringList>("shown");

    const QString rust = QStringLiteral("Rust for beginners"), algebra = QStringLiteral("Algebra"),
                  pascal = QStringLiteral("Old Pascal course"),
                  writing = QStringLiteral("Writing workshop");
    QTest::newRow("everything") << QString() << QString() << QString()
                                << QStringList {algebra, pascal, rust, writing};
    QTest::newRow("title, any case")
        << QStringLiteral("rUsT") << QString() << QString() << QStringList {rust};
    QTest::newRow("code") << QStringLiteral("math2") << QString() << QString()
                          << QStringList {algebra};
    QTest::newRow("description") << QStringLiteral("fearless") << QString() << QString()
                                 << QStringList {rust};
    QTest::newRow("every word must match")
        << QStringLiteral("rust pascal") << QString() << QString() << QStringList();
    QTest::newRow("words anywhere")
        << QStringLiteral("borrowing RUST101") << QString() << QString() << QStringList {rust};
    QTest::newRow("status") << QString() << QStringLiteral("draft") << QString()
                            << QStringList {algebra, writing};
    QTest::newRow("term") << QString() << QString() << QStringLiteral("Autumn 2026")
                          << QStringList {pascal, rust};
    QTest::newRow("term and status") << QString() << QStringLiteral("archived")
                                     << QStringLiteral("Autumn 2026") << QStringList {pascal};
    QTest::newRow("nothing matches")
        << QStringLiteral("chemistry") << QString() << QString() << QStringList();
}

void tst_CourseListModel::searchAndFilters()
{
    QFETCH(QString, search);
    QFETCH(QString, status);
    QFETCH(QString, term);
    QFETCH(QStringList, shown);

    m_filter->setSearchText(search);
    m_filter->setStatus(status);
    m_filter->setTerm(term);
    QCOMPARE(shownTitles(), shown);
    QCOMPARE(m_filter->isFiltering(), !search.isEmpty() || !status.isEmpty() || !term.isEmpty());

    m_filter->clearFilters();
    QCOMPARE(m_filter->rowCount(), 4);
    QVERIFY(!m_filter->isFiltering());
}

void tst_CourseListModel::sortedByTitle()
{
    m_filter->setSearchText(QStringLiteral("a"));
    QVERIFY(m_store->sync->create(QStringLiteral("course"),
                                  {{QStringLiteral("code"), QStringLiteral("ANA")},
                                   {QStringLiteral("title"), QStringLiteral("analysis")}}));
    // Lower case among capitals, and a search that stays in force for new rows (Rust's
    // description has an "a").
    QCOMPARE(
        shownTitles(),
        QStringList({QStringLiteral("Algebra"), QStringLiteral("analysis"),
                     QStringLiteral("Old Pascal course"), QStringLiteral("Rust for beginners")}));
}

void tst_CourseListModel::rules_data()
{
    QTest::addColumn<QJsonObject>("changes");
    QTest::addColumn<QString>("self"); // title of the course edited, empty for a new one
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message"); // empty: valid

    const QString algebra = QStringLiteral("Algebra");
    QTest::newRow("valid new course") << QJsonObject() << QString() << QString() << QString();
    QTest::newRow("code required")
        << QJsonObject {{QStringLiteral("code"), QJsonValue()}} << QString()
        << QStringLiteral("code") << QStringLiteral("is required");
    QTest::newRow("title blank") << QJsonObject {{QStringLiteral("title"), QStringLiteral("   ")}}
                                 << QString() << QStringLiteral("title")
                                 << QStringLiteral("must not be empty");
    QTest::newRow("code too long")
        << QJsonObject {{QStringLiteral("code"), QString(41, u'X')}} << QString()
        << QStringLiteral("code") << QStringLiteral("must be at most 40 characters");
    QTest::newRow("end before start")
        << QJsonObject {{QStringLiteral("startDate"), QStringLiteral("2026-09-01")},
                        {QStringLiteral("endDate"), QStringLiteral("2026-08-31")}}
        << QString() << QStringLiteral("endDate")
        << QStringLiteral("must not be before the start date");
    QTest::newRow("one-day course")
        << QJsonObject {{QStringLiteral("startDate"), QStringLiteral("2026-09-01")},
                        {QStringLiteral("endDate"), QStringLiteral("2026-09-01")}}
        << QString() << QString() << QString();
    QTest::newRow("enrollment closes before it opens")
        << QJsonObject {{QStringLiteral("enrollmentOpensAt"),
                         QStringLiteral("2026-09-01T08:00:00Z")},
                        {QStringLiteral("enrollmentClosesAt"),
                         QStringLiteral("2026-08-01T08:00:00Z")}}
        << QString() << QStringLiteral("enrollmentClosesAt")
        << QStringLiteral("must be after enrollment opens");
    QTest::newRow("enrollment opens after the end")
        << QJsonObject {{QStringLiteral("endDate"), QStringLiteral("2026-12-20")},
                        {QStringLiteral("enrollmentOpensAt"),
                         QStringLiteral("2027-01-05T08:00:00Z")}}
        << QString() << QStringLiteral("enrollmentOpensAt")
        << QStringLiteral("must be before the course ends");
    QTest::newRow("negative seats")
        << QJsonObject {{QStringLiteral("maxEnrollment"), -1}} << QString()
        << QStringLiteral("maxEnrollment") << QStringLiteral("must not be negative");
    QTest::newRow("code taken in the term")
        << QJsonObject {{QStringLiteral("code"), QStringLiteral("MATH201")}} << QString()
        << QStringLiteral("code") << QStringLiteral("is already used in this term");
    QTest::newRow("code free in another term")
        << QJsonObject {{QStringLiteral("code"), QStringLiteral("MATH201")},
                        {QStringLiteral("term"), QStringLiteral("Autumn 2026")}}
        << QString() << QString() << QString();
    QTest::newRow("code taken without a term")
        << QJsonObject {{QStringLiteral("code"), QStringLiteral("WRI1")},
                        {QStringLiteral("term"), QJsonValue()}}
        << QString() << QStringLiteral("code")
        << QStringLiteral("is already used by another course without a term");
    QTest::newRow("a course keeps its own code")
        << QJsonObject {{QStringLiteral("code"), QStringLiteral("MATH201")}} << algebra << QString()
        << QString();
}

void tst_CourseListModel::rules()
{
    QFETCH(QJsonObject, changes);
    QFETCH(QString, self);
    QFETCH(QString, field);
    QFETCH(QString, message);

    QJsonObject course {{QStringLiteral("code"), QStringLiteral("NEW1")},
                        {QStringLiteral("title"), QStringLiteral("A new course")},
                        {QStringLiteral("term"), QStringLiteral("Spring 2027")},
                        {QStringLiteral("status"), QStringLiteral("draft")},
                        {QStringLiteral("maxEnrollment"), 30}};
    for (auto it = changes.begin(); it != changes.end(); ++it)
        course.insert(it.key(), *it);
    const ValidationErrors errors = CourseRules::validate(
        course, m_store->store()->list(QStringLiteral("course")), m_store->id(self));
    if (message.isEmpty()) {
        QVERIFY2(errors.isEmpty(), qPrintable(errors.fieldNames().join(u", ")));
        return;
    }
    QCOMPARE(errors.fieldNames(), QStringList {field});
    QCOMPARE(errors.message(field), message);
}

void tst_CourseListModel::copyCode_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("term");
    QTest::addColumn<QString>("copy");

    QTest::newRow("plain") << QStringLiteral("RUST101") << QStringLiteral("Autumn 2026")
                           << QStringLiteral("RUST101-copy");
    QTest::newRow("taken") << QStringLiteral("MATH201") << QStringLiteral("Spring 2027")
                           << QStringLiteral("MATH201-copy3");
    QTest::newRow("taken elsewhere only")
        << QStringLiteral("MATH201") << QStringLiteral("Autumn 2026")
        << QStringLiteral("MATH201-copy");
    QTest::newRow("long code keeps the limit")
        << QString(40, u'C') << QString() << QString(35, u'C') + QStringLiteral("-copy");
}

void tst_CourseListModel::copyCode()
{
    QFETCH(QString, code);
    QFETCH(QString, term);
    QFETCH(QString, copy);

    for (const char *taken : {"MATH201-copy", "MATH201-copy2"})
        QVERIFY(m_store->sync->create(QStringLiteral("course"),
                                      {{QStringLiteral("code"), QString::fromLatin1(taken)},
                                       {QStringLiteral("title"), QStringLiteral("Copy")},
                                       {QStringLiteral("term"), QStringLiteral("Spring 2027")}}));
    QCOMPARE(RecordTree::copyCode(code, term, m_store->store()->list(QStringLiteral("course"))),
             copy);
}

QTEST_MAIN(tst_CourseListModel)
#include "tst_courselistmodel.moc"
