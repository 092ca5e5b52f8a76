#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <lectern/client/author/outlinedelegate.h>
#include <lectern/client/author/outlinemodel.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/client/translationloader.h>
#include <lectern/hlc.h>
#include <lectern/jsonutil.h>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Client;

namespace {

const QString me = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000a");

Sync::Change change(qint64 seq, const QString &entity, const QString &id, QJsonObject fields)
{
    Sync::Change c;
    c.seq = seq;
    c.entity = entity;
    c.entityId = id;
    c.rev = 1;
    Hlc hlc;
    hlc.wallMs = QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000;
    hlc.node = QStringLiteral("server");
    c.hlc = hlc.toString();
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("rev"), 1);
    c.fields = fields;
    return c;
}

} // namespace

// The Author workspace's course outline on a real offline store: rows in order, and every edit
// (rename, move by function or by drag and drop, add, remove) written to the outbox as the
// user would expect it to sync.
class tst_OutlineModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rowsInOrder();
    void otherCoursesLeftOut();
    void renameWritesOutboxOp();
    void invalidTitleRefused_data();
    void invalidTitleRefused();
    void publishAndUnlock();
    void moveItem_data();
    void moveItem();
    void moveModule_data();
    void moveModule();
    void dragAndDrop_data();
    void dragAndDrop();
    void dragSeveral();
    void refusedDrops();
    void addAndRemove();
    void unsyncedMark();
    void followsPulledPages();
    void viewsKeepTheirPlace();
    void removingAModuleRemovesItsItems();
    void followsWritesOfOtherConnections();

private:
    LocalStore *store() const { return m_sync->store(); }
    QStringList titles(const QModelIndex &parent = {}) const;
    QStringList moduleTitles() const { return titles(); }
    QStringList itemTitles(const QString &module) const;
    QString id(const QString &title) const { return m_ids.value(title); }
    QModelIndex indexOf(const QString &title) const { return m_model->indexOf(id(title)); }
    QList<Sync::Op> opsOf(const QString &title) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SyncController> m_sync;
    std::unique_ptr<OutlineModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QHash<QString, QString> m_ids; // title -> id
    QString m_course;
};

void tst_OutlineModel::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

// Course "Rust" with modules Basics (Intro, Ownership, Borrowing quiz), Traits (Generics) and
// Async (empty), pulled in an order that is not the outline's; another course's module too.
void tst_OutlineModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sync = std::make_unique<SyncController>();
    // No access token: the engine waits for one and never talks to the (absent) server.
    QVERIFY(
        m_sync->start(QUrl(QStringLiteral("http://127.0.0.1:9")), me, QString(), m_dir->path()));
    QVERIFY(store());

    m_ids.clear();
    for (const char *title : {"Rust", "Other course", "Basics", "Traits", "Async", "Elsewhere",
                              "Intro", "Ownership", "Borrowing quiz", "Generics"})
        m_ids.insert(QString::fromLatin1(title), createUuidV7String());
    m_course = id(QStringLiteral("Rust"));

    qint64 seq = 0;
    auto course = [&](const QString &title) {
        return change(++seq, QStringLiteral("course"), id(title),
                      {{QStringLiteral("code"), title.left(4).toUpper()},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("status"), QStringLiteral("draft")}});
    };
    // Order keys as the server hands them out.
    const QStringList keys = OrderKey::spread(3);
    auto module = [&](const QString &title, const QString &courseTitle, int key) {
        return change(++seq, QStringLiteral("module"), id(title),
                      {{QStringLiteral("courseId"), id(courseTitle)},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("orderKey"), keys.at(key)}});
    };
    auto item = [&](const QString &title, const QString &moduleTitle, const char *type, int key) {
        return change(++seq, QStringLiteral("content"), id(title),
                      {{QStringLiteral("moduleId"), id(moduleTitle)},
                       {QStringLiteral("courseId"), m_course},
                       {QStringLiteral("type"), QString::fromLatin1(type)},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("orderKey"), keys.at(key)}});
    };
    Sync::PullPage first;
    first.changes = {course(QStringLiteral("Rust")), course(QStringLiteral("Other course")),
                     module(QStringLiteral("Async"), QStringLiteral("Rust"), 2),
                     module(QStringLiteral("Basics"), QStringLiteral("Rust"), 0),
                     module(QStringLiteral("Elsewhere"), QStringLiteral("Other course"), 0)};
    first.cursor = seq;
    QVERIFY(store()->applyPulled(first));
    Sync::PullPage second;
    Sync::Change traits = module(QStringLiteral("Traits"), QStringLiteral("Rust"), 1);
    traits.fields.insert(QStringLiteral("published"), true);
    Sync::Change ownership
        = item(QStringLiteral("Ownership"), QStringLiteral("Basics"), "lesson", 1);
    ownership.fields.insert(QStringLiteral("unlockAt"), QStringLiteral("2026-12-01T09:00:00Z"));
    second.changes
        = {traits, item(QStringLiteral("Borrowing quiz"), QStringLiteral("Basics"), "quiz", 2),
           ownership, item(QStringLiteral("Intro"), QStringLiteral("Basics"), "lesson", 0),
           item(QStringLiteral("Generics"), QStringLiteral("Traits"), "lesson", 0)};
    second.cursor = seq;
    QVERIFY(store()->applyPulled(second));
    QCOMPARE(store()->pendingCount(), 0);

    m_model = std::make_unique<OutlineModel>(m_sync.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCourseId(m_course);
}

void tst_OutlineModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_sync.reset();
    m_dir.reset();
}

QStringList tst_OutlineModel::titles(const QModelIndex &parent) const
{
    QStringList result;
    for (int row = 0; row < m_model->rowCount(parent); ++row)
        result.append(m_model->index(row, 0, parent).data().toString());
    return result;
}

QStringList tst_OutlineModel::itemTitles(const QString &module) const
{
    const QModelIndex parent = indexOf(module);
    return parent.isValid() ? titles(parent) : QStringList {QStringLiteral("<no module>")};
}

QList<Sync::Op> tst_OutlineModel::opsOf(const QString &title) const
{
    QList<Sync::Op> result;
    for (const Sync::Op &op : store()->outbox()) {
        if (op.entityId == id(title))
            result.append(op);
    }
    return result;
}

void tst_OutlineModel::rowsInOrder()
{
    QCOMPARE(
        moduleTitles(),
        QStringList({QStringLiteral("Basics"), QStringLiteral("Traits"), QStringLiteral("Async")}));
    QCOMPARE(itemTitles(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                          QStringLiteral("Borrowing quiz")}));
    QCOMPARE(itemTitles(QStringLiteral("Traits")), QStringList {QStringLiteral("Generics")});
    QCOMPARE(itemTitles(QStringLiteral("Async")), QStringList());

    QCOMPARE(indexOf(QStringLiteral("Basics")).data(OutlineModel::TypeRole).toString(),
             QStringLiteral("module"));
    QCOMPARE(indexOf(QStringLiteral("Borrowing quiz")).data(OutlineModel::TypeRole).toString(),
             QStringLiteral("quiz"));
    QCOMPARE(indexOf(QStringLiteral("Traits")).data(OutlineModel::PublishedRole).toBool(), true);
    QCOMPARE(indexOf(QStringLiteral("Basics")).data(OutlineModel::PublishedRole).toBool(), false);
    QCOMPARE(indexOf(QStringLiteral("Ownership")).data(OutlineModel::UnlockAtRole).toDateTime(),
             QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
    QVERIFY(
        !indexOf(QStringLiteral("Intro")).data(OutlineModel::UnlockAtRole).toDateTime().isValid());
    QCOMPARE(indexOf(QStringLiteral("Intro")).parent(), indexOf(QStringLiteral("Basics")));
    QCOMPARE(indexOf(QStringLiteral("Intro")).data(SyncMark::Role).toBool(), false);

    // Beside its title a row says when it unlocks, in the room the title leaves: in French the
    // whole words ("Déverrouillage le …") would take the title's place, so a narrow row gets
    // the date and time alone, and never more than 45% of its width.
    const QModelIndex ownership = indexOf(QStringLiteral("Ownership"));
    const QFontMetrics metrics(QApplication::font());
    const QString whole = OutlineDelegate::unlockText(ownership);
    QVERIFY(whole.startsWith(QStringLiteral("Unlocks ")));
    QCOMPARE(OutlineDelegate::unlockTextFitting(ownership, 1000, metrics), whole);
    TranslationLoader::install(QLocale(QLocale::French, QLocale::France));
    const QString narrow = OutlineDelegate::unlockTextFitting(ownership, 300, metrics);
    QVERIFY2(!narrow.isEmpty() && metrics.horizontalAdvance(narrow) <= 300 * 45 / 100,
             qPrintable(narrow));
    QVERIFY2(narrow.startsWith(u'1') && narrow.contains(QStringLiteral("déc")), qPrintable(narrow));
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_OutlineModel::otherCoursesLeftOut()
{
    QVERIFY(!indexOf(QStringLiteral("Elsewhere")).isValid());
    m_model->setCourseId(id(QStringLiteral("Other course")));
    QCOMPARE(moduleTitles(), QStringList {QStringLiteral("Elsewhere")});
}

void tst_OutlineModel::renameWritesOutboxOp()
{
    QVERIFY(
        m_model->setData(indexOf(QStringLiteral("Ownership")), QStringLiteral("Owning things")));
    QCOMPARE(itemTitles(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Owning things"),
                          QStringLiteral("Borrowing quiz")}));
    const QList<Sync::Op> ops = opsOf(QStringLiteral("Ownership"));
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().entity, QStringLiteral("content"));
    QCOMPARE(ops.first().newValues(),
             QJsonObject({{QStringLiteral("title"), QStringLiteral("Owning things")}}));
    QVERIFY(m_model->errorString().isEmpty());

    QVERIFY(m_model->setData(indexOf(QStringLiteral("Async")), QStringLiteral("Async Rust")));
    QCOMPARE(opsOf(QStringLiteral("Async")).size(), 1);
    QCOMPARE(moduleTitles().last(), QStringLiteral("Async Rust"));
}

void tst_OutlineModel::invalidTitleRefused_data()
{
    QTest::addColumn<QString>("title");
    QTest::newRow("empty") << QString();
    QTest::newRow("blank") << QStringLiteral("   ");
    QTest::newRow("too long") << QString(201, u'x');
}

void tst_OutlineModel::invalidTitleRefused()
{
    QFETCH(QString, title);
    QVERIFY(!m_model->setData(indexOf(QStringLiteral("Intro")), title));
    QVERIFY2(m_model->errorString().startsWith(QStringLiteral("The title ")),
             qPrintable(m_model->errorString()));
    QCOMPARE(indexOf(QStringLiteral("Intro")).data().toString(), QStringLiteral("Intro"));
    QCOMPARE(store()->pendingCount(), 0);
}

void tst_OutlineModel::publishAndUnlock()
{
    const QDateTime when(QDate(2027, 1, 10), QTime(8, 30), Qt::UTC);
    QVERIFY(m_model->setData(indexOf(QStringLiteral("Intro")), true, OutlineModel::PublishedRole));
    QVERIFY(m_model->setData(indexOf(QStringLiteral("Intro")), when, OutlineModel::UnlockAtRole));
    QCOMPARE(indexOf(QStringLiteral("Intro")).data(OutlineModel::PublishedRole).toBool(), true);
    QCOMPARE(indexOf(QStringLiteral("Intro")).data(OutlineModel::UnlockAtRole).toDateTime(), when);
    QVERIFY(m_model->setData(indexOf(QStringLiteral("Ownership")), QDateTime(),
                             OutlineModel::UnlockAtRole));
    QVERIFY(!indexOf(QStringLiteral("Ownership"))
                 .data(OutlineModel::UnlockAtRole)
                 .toDateTime()
                 .isValid());
    QJsonObject sent;
    for (const Sync::Op &op : opsOf(QStringLiteral("Intro"))) {
        const QJsonObject values = op.newValues();
        for (auto it = values.begin(); it != values.end(); ++it)
            sent.insert(it.key(), it.value());
    }
    QCOMPARE(sent.value(QLatin1StringView("published")), QJsonValue(true));
    QCOMPARE(Json::toDateTime(sent.value(QLatin1StringView("unlockAt"))), when);
}

void tst_OutlineModel::moveItem_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<QString>("module");
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("basics");
    QTest::addColumn<QStringList>("traits");

    const QString intro = QStringLiteral("Intro"), ownership = QStringLiteral("Ownership"),
                  quiz = QStringLiteral("Borrowing quiz"), generics = QStringLiteral("Generics");
    const QString basicsModule = QStringLiteral("Basics"), traitsModule = QStringLiteral("Traits");
    QTest::newRow("first to last")
        << intro << basicsModule << 2 << QStringList {ownership, quiz, intro}
        << QStringList {generics};
    QTest::newRow("last to first")
        << quiz << basicsModule << 0 << QStringList {quiz, intro, ownership}
        << QStringList {generics};
    QTest::newRow("to the middle")
        << intro << basicsModule << 1 << QStringList {ownership, intro, quiz}
        << QStringList {generics};
    QTest::newRow("past the end appends")
        << ownership << basicsModule << 99 << QStringList {intro, quiz, ownership}
        << QStringList {generics};
    QTest::newRow("across, before") << ownership << traitsModule << 0 << QStringList {intro, quiz}
                                    << QStringList {ownership, generics};
    QTest::newRow("across, after") << intro << traitsModule << 1 << QStringList {ownership, quiz}
                                   << QStringList {generics, intro};
    QTest::newRow("across, back") << generics << basicsModule << 1
                                  << QStringList {intro, generics, ownership, quiz}
                                  << QStringList();
}

void tst_OutlineModel::moveItem()
{
    QFETCH(QString, item);
    QFETCH(QString, module);
    QFETCH(int, index);
    QFETCH(QStringList, basics);
    QFETCH(QStringList, traits);

    const QString moduleBefore = store()->record(QStringLiteral("content"), id(item))->parentId;
    QVERIFY2(m_model->moveItem(id(item), id(module), index), qPrintable(m_model->errorString()));
    QCOMPARE(itemTitles(QStringLiteral("Basics")), basics);
    QCOMPARE(itemTitles(QStringLiteral("Traits")), traits);

    // One op: the new order key, plus the module when it changed; the siblings stay as they were.
    const std::optional<LocalRecord> record = store()->record(QStringLiteral("content"), id(item));
    QVERIFY(record);
    QCOMPARE(record->fields.value(QLatin1StringView("moduleId")).toString(), id(module));
    QCOMPARE(store()->outbox().size(), 1);
    const QJsonObject changed = opsOf(item).first().newValues();
    QVERIFY(changed.contains(QLatin1StringView("orderKey")));
    QCOMPARE(changed.contains(QLatin1StringView("moduleId")), moduleBefore != id(module));
    QCOMPARE(indexOf(item).data(SyncMark::Role).toBool(), true);
}

void tst_OutlineModel::moveModule_data()
{
    QTest::addColumn<QString>("module");
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("expected");

    const QString basics = QStringLiteral("Basics"), traits = QStringLiteral("Traits"),
                  async = QStringLiteral("Async");
    QTest::newRow("last to first") << async << 0 << QStringList {async, basics, traits};
    QTest::newRow("first to last") << basics << 2 << QStringList {traits, async, basics};
    QTest::newRow("first to middle") << basics << 1 << QStringList {traits, basics, async};
    QTest::newRow("where it is") << traits << 1 << QStringList {basics, traits, async};
}

void tst_OutlineModel::moveModule()
{
    QFETCH(QString, module);
    QFETCH(int, index);
    QFETCH(QStringList, expected);

    QVERIFY2(m_model->moveModule(id(module), index), qPrintable(m_model->errorString()));
    QCOMPARE(moduleTitles(), expected);
    // The items go with their module.
    QCOMPARE(itemTitles(QStringLiteral("Traits")), QStringList {QStringLiteral("Generics")});
    // A module moved to where it is writes nothing.
    QCOMPARE(store()->outbox().size(),
             QTest::currentDataTag() == QByteArray("where it is") ? 0 : 1);
}

void tst_OutlineModel::dragAndDrop_data()
{
    QTest::addColumn<QString>("dragged");
    QTest::addColumn<QString>("parent"); // "" for the module level
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("modules");
    QTest::addColumn<QStringList>("basics");
    QTest::addColumn<QStringList>("traits");

    const QString intro = QStringLiteral("Intro"), ownership = QStringLiteral("Ownership"),
                  quiz = QStringLiteral("Borrowing quiz"), generics = QStringLiteral("Generics");
    const QString basics = QStringLiteral("Basics"), traits = QStringLiteral("Traits"),
                  async = QStringLiteral("Async");
    const QStringList modules {basics, traits, async};
    const QStringList basicItems {intro, ownership, quiz};

    // Rows as a view gives them: the gap the item is dropped in, counted before the move.
    QTest::newRow("item down, between")
        << intro << basics << 2 << modules << QStringList {ownership, intro, quiz}
        << QStringList {generics};
    QTest::newRow("item to the end gap")
        << intro << basics << 3 << modules << QStringList {ownership, quiz, intro}
        << QStringList {generics};
    QTest::newRow("item up") << quiz << basics << 0 << modules
                             << QStringList {quiz, intro, ownership} << QStringList {generics};
    QTest::newRow("item onto its own gap")
        << ownership << basics << 1 << modules << basicItems << QStringList {generics};
    QTest::newRow("item onto a module")
        << ownership << traits << -1 << modules << QStringList {intro, quiz}
        << QStringList {generics, ownership};
    QTest::newRow("item across, first")
        << quiz << traits << 0 << modules << QStringList {intro, ownership}
        << QStringList {quiz, generics};
    QTest::newRow("item onto an item")
        << generics << intro << -1 << modules << QStringList {generics, intro, ownership, quiz}
        << QStringList();
    QTest::newRow("module down") << basics << QString() << 2 << QStringList {traits, basics, async}
                                 << basicItems << QStringList {generics};
    QTest::newRow("module to the end")
        << basics << QString() << -1 << QStringList {traits, async, basics} << basicItems
        << QStringList {generics};
    QTest::newRow("module up") << async << QString() << 0 << QStringList {async, basics, traits}
                               << basicItems << QStringList {generics};
    QTest::newRow("module onto a module")
        << async << traits << -1 << QStringList {basics, async, traits} << basicItems
        << QStringList {generics};
}

void tst_OutlineModel::dragAndDrop()
{
    QFETCH(QString, dragged);
    QFETCH(QString, parent);
    QFETCH(int, row);
    QFETCH(QStringList, modules);
    QFETCH(QStringList, basics);
    QFETCH(QStringList, traits);

    QCOMPARE(m_model->supportedDropActions(), Qt::MoveAction);
    QVERIFY(m_model->mimeTypes().contains(OutlineModel::mimeType));
    std::unique_ptr<QMimeData> data(m_model->mimeData({indexOf(dragged)}));
    QVERIFY(data);
    const QModelIndex target = parent.isEmpty() ? QModelIndex() : indexOf(parent);
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, row, 0, target));
    // A drop that moves nothing answers false: a view would otherwise remove the dragged rows.
    QCOMPARE(m_model->dropMimeData(data.get(), Qt::MoveAction, row, 0, target),
             QTest::currentDataTag() != QByteArray("item onto its own gap"));
    QVERIFY2(m_model->errorString().isEmpty(), qPrintable(m_model->errorString()));
    QCOMPARE(moduleTitles(), modules);
    QCOMPARE(itemTitles(QStringLiteral("Basics")), basics);
    QCOMPARE(itemTitles(QStringLiteral("Traits")), traits);
    QVERIFY(store()->outbox().size() <= 1);
}

void tst_OutlineModel::dragSeveral()
{
    std::unique_ptr<QMimeData> data(m_model->mimeData(
        {indexOf(QStringLiteral("Borrowing quiz")), indexOf(QStringLiteral("Intro"))}));
    QVERIFY(
        m_model->dropMimeData(data.get(), Qt::MoveAction, 1, 0, indexOf(QStringLiteral("Traits"))));
    QCOMPARE(itemTitles(QStringLiteral("Basics")), QStringList {QStringLiteral("Ownership")});
    // In outline order, whatever order they were picked in.
    QCOMPARE(itemTitles(QStringLiteral("Traits")),
             QStringList({QStringLiteral("Generics"), QStringLiteral("Intro"),
                          QStringLiteral("Borrowing quiz")}));

    data.reset(m_model->mimeData(
        {indexOf(QStringLiteral("Intro")), indexOf(QStringLiteral("Borrowing quiz"))}));
    QVERIFY(
        m_model->dropMimeData(data.get(), Qt::MoveAction, 0, 0, indexOf(QStringLiteral("Traits"))));
    QCOMPARE(itemTitles(QStringLiteral("Traits")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Borrowing quiz"),
                          QStringLiteral("Generics")}));
}

void tst_OutlineModel::refusedDrops()
{
    std::unique_ptr<QMimeData> item(m_model->mimeData({indexOf(QStringLiteral("Intro"))}));
    std::unique_ptr<QMimeData> module(m_model->mimeData({indexOf(QStringLiteral("Async"))}));
    // Items live in modules; modules do not nest.
    QVERIFY(!m_model->canDropMimeData(item.get(), Qt::MoveAction, 1, 0, {}));
    QVERIFY(!m_model->canDropMimeData(module.get(), Qt::MoveAction, 0, 0,
                                      indexOf(QStringLiteral("Basics"))));
    QVERIFY(!m_model->canDropMimeData(item.get(), Qt::CopyAction, 0, 0,
                                      indexOf(QStringLiteral("Traits"))));
    QVERIFY(!m_model->dropMimeData(item.get(), Qt::MoveAction, 1, 0, {}));
    // A drag from another course's outline.
    OutlineModel other(m_sync.get());
    other.setCourseId(id(QStringLiteral("Other course")));
    std::unique_ptr<QMimeData> foreign(other.mimeData({other.index(0, 0)}));
    QVERIFY(!m_model->canDropMimeData(foreign.get(), Qt::MoveAction, 0, 0, {}));
    QCOMPARE(store()->pendingCount(), 0);
    QCOMPARE(moduleTitles().size(), 3);
}

void tst_OutlineModel::addAndRemove()
{
    const Result<QString> module = m_model->addModule(QStringLiteral("Macros"));
    QVERIFY2(module, qPrintable(m_model->errorString()));
    QCOMPARE(moduleTitles().last(), QStringLiteral("Macros"));
    const Result<QString> lesson = m_model->addLesson(*module, QStringLiteral("macro_rules!"));
    QVERIFY2(lesson, qPrintable(m_model->errorString()));
    QVERIFY(m_model->addLesson(*module, QStringLiteral("Procedural macros")));
    const QModelIndex macros = m_model->indexOf(*module);
    QCOMPARE(titles(macros),
             QStringList({QStringLiteral("macro_rules!"), QStringLiteral("Procedural macros")}));
    QCOMPARE(m_model->indexOf(*lesson).data(OutlineModel::TypeRole).toString(),
             QStringLiteral("lesson"));
    QVERIFY(m_model->indexOf(*lesson).data(SyncMark::Role).toBool());

    QVERIFY(!m_model->addModule(QString()));
    QVERIFY(!m_model->errorString().isEmpty());
    QVERIFY(!m_model->addLesson(createUuidV7String(), QStringLiteral("Nowhere")));

    QVERIFY(m_model->removeRow(0, macros));
    QCOMPARE(titles(m_model->indexOf(*module)), QStringList {QStringLiteral("Procedural macros")});
    QVERIFY(m_model->removeRow(1));
    QCOMPARE(
        moduleTitles(),
        QStringList({QStringLiteral("Basics"), QStringLiteral("Async"), QStringLiteral("Macros")}));
    QCOMPARE(opsOf(QStringLiteral("Traits")).size(), 1);
    QVERIFY(opsOf(QStringLiteral("Traits")).first().kind == Sync::OpKind::Delete);
    QVERIFY(!m_model->removeRow(5));
}

void tst_OutlineModel::unsyncedMark()
{
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy changes(m_model.get(), &QAbstractItemModel::dataChanged);
    const QPersistentModelIndex intro = indexOf(QStringLiteral("Intro"));
    QVERIFY(!intro.data(SyncMark::Role).toBool());
    QVERIFY(m_model->setData(intro, QStringLiteral("Welcome")));
    // A rename keeps the outline's shape: the row changes in place (a view keeps its selection).
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changes.size(), 1);
    QVERIFY(intro.isValid());
    QVERIFY(intro.data(SyncMark::Role).toBool());
    QVERIFY(!indexOf(QStringLiteral("Ownership")).data(SyncMark::Role).toBool());
    QVERIFY(!indexOf(QStringLiteral("Basics")).data(SyncMark::Role).toBool());

    // The server takes the op: the mark goes.
    const QList<Sync::Op> batch = store()->takeBatch();
    QCOMPARE(batch.size(), 1);
    Sync::OpResult applied;
    applied.opId = batch.first().opId;
    applied.rev = 2;
    QVERIFY(store()->applyPushResults({applied}));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("content")});
    QVERIFY(!intro.data(SyncMark::Role).toBool());
    QCOMPARE(intro.data().toString(), QStringLiteral("Welcome"));
}

void tst_OutlineModel::followsPulledPages()
{
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    const QString late = createUuidV7String();
    Sync::PullPage page;
    page.changes = {change(100, QStringLiteral("content"), late,
                           {{QStringLiteral("moduleId"), id(QStringLiteral("Async"))},
                            {QStringLiteral("courseId"), m_course},
                            {QStringLiteral("type"), QStringLiteral("link")},
                            {QStringLiteral("title"), QStringLiteral("Tokio docs")},
                            {QStringLiteral("orderKey"), OrderKey::spread(1).constFirst()}})};
    page.cursor = 100;
    QStringList entities;
    QVERIFY(store()->applyPulled(page, &entities));
    Q_EMIT m_sync->recordsChanged(entities);
    // A row inserted where it belongs: a view keeps its expanded modules and its selection.
    QCOMPARE(resets.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(0).value<QModelIndex>(), indexOf(QStringLiteral("Async")));
    QCOMPARE(itemTitles(QStringLiteral("Async")), QStringList {QStringLiteral("Tokio docs")});
    QCOMPARE(m_model->indexOf(late).data(OutlineModel::TypeRole).toString(),
             QStringLiteral("link"));

    // Other entities leave the outline alone.
    Q_EMIT m_sync->recordsChanged({QStringLiteral("enrollment")});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(resets.size(), 0);
}

// Moves, removals and insertions change rows in place (no reset): what a view holds on to (the
// selection, the expanded modules) still points at the same records afterwards.
void tst_OutlineModel::viewsKeepTheirPlace()
{
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    const QPersistentModelIndex ownership = indexOf(QStringLiteral("Ownership"));
    const QPersistentModelIndex generics = indexOf(QStringLiteral("Generics"));
    const QPersistentModelIndex async = indexOf(QStringLiteral("Async"));

    QVERIFY(m_model->moveItem(id(QStringLiteral("Ownership")), id(QStringLiteral("Traits")), 1));
    QCOMPARE(m_model->idOf(ownership), id(QStringLiteral("Ownership")));
    QCOMPARE(ownership.parent(), indexOf(QStringLiteral("Traits")));
    QCOMPARE(m_model->idOf(generics), id(QStringLiteral("Generics")));

    QVERIFY(m_model->moveModule(id(QStringLiteral("Async")), 0));
    QCOMPARE(async.row(), 0);
    QCOMPARE(m_model->idOf(generics), id(QStringLiteral("Generics")));
    QCOMPARE(generics.parent().row(), 2);

    // A new module above shifts the others; their items still answer for themselves.
    const Result<QString> added = m_model->addModule(QStringLiteral("Setup"), 0);
    QVERIFY(added);
    QCOMPARE(moduleTitles(),
             QStringList({QStringLiteral("Setup"), QStringLiteral("Async"),
                          QStringLiteral("Basics"), QStringLiteral("Traits")}));
    QCOMPARE(m_model->idOf(generics), id(QStringLiteral("Generics")));
    QCOMPARE(generics.data().toString(), QStringLiteral("Generics"));
    QCOMPARE(ownership.parent().data().toString(), QStringLiteral("Traits"));

    QVERIFY(m_model->removeRecords({*added, id(QStringLiteral("Async"))}));
    QCOMPARE(ownership.data().toString(), QStringLiteral("Ownership"));
    QCOMPARE(ownership.parent().row(), 1);
    QCOMPARE(resets.size(), 0);
}

void tst_OutlineModel::removingAModuleRemovesItsItems()
{
    QVERIFY(m_model->removeRow(indexOf(QStringLiteral("Basics")).row()));
    QCOMPARE(moduleTitles(), QStringList({QStringLiteral("Traits"), QStringLiteral("Async")}));
    for (const char *item : {"Intro", "Ownership", "Borrowing quiz"}) {
        QVERIFY(!store()->record(QStringLiteral("content"), id(QString::fromLatin1(item))));
        QCOMPARE(opsOf(QString::fromLatin1(item)).size(), 1);
    }
    QCOMPARE(opsOf(QStringLiteral("Generics")).size(), 0);
}

QTEST_MAIN(tst_OutlineModel)
// The AutoSaver and the sync engine write through connections of their own, and a lesson's
// author types while they do: the outline follows what changed (here with rows in place, and a
// row whose place changed moves), and a write of a lesson body alone changes no row.
void tst_OutlineModel::followsWritesOfOtherConnections()
{
    LocalStore other;
    QVERIFY(other.open(store()->path()));
    QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
    QSignalSpy layouts(m_model.get(), &QAbstractItemModel::layoutChanged);
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy changes(m_model.get(), &QAbstractItemModel::dataChanged);
    const QString content = QStringLiteral("content");
    const QPersistentModelIndex intro = indexOf(QStringLiteral("Intro"));
    const auto announce = [&] {
        Q_EMIT m_sync->recordsChanged({content});
    };

    // The first save of a lesson marks its row as not yet on the server.
    QVERIFY(other.update(content, id(QStringLiteral("Intro")),
                         {{QStringLiteral("body"), QStringLiteral("# Intro\n\nTyped")}}));
    announce();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.first().at(0).value<QModelIndex>(), QModelIndex(intro));
    QVERIFY(intro.data(SyncMark::Role).toBool());
    // The next saves change nothing the outline shows.
    QVERIFY(other.update(content, id(QStringLiteral("Intro")),
                         {{QStringLiteral("body"), QStringLiteral("# Intro\n\nTyped more")}}));
    announce();
    QCOMPARE(changes.size(), 1);
    // The server's answer takes the mark away.
    const QList<Sync::Op> batch = other.takeBatch();
    QCOMPARE(batch.size(), 1);
    Sync::OpResult applied;
    applied.opId = batch.first().opId;
    applied.rev = 2;
    QVERIFY(other.applyPushResults({applied}));
    announce();
    QCOMPARE(changes.size(), 2);
    QVERIFY(!intro.data(SyncMark::Role).toBool());

    // A rename of a module and of an item (one announcement for both).
    QVERIFY(other.update(QStringLiteral("module"), id(QStringLiteral("Traits")),
                         {{QStringLiteral("title"), QStringLiteral("Traits and generics")}}));
    QVERIFY(other.update(content, id(QStringLiteral("Generics")),
                         {{QStringLiteral("title"), QStringLiteral("Generic types")}}));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("module"), content});
    QCOMPARE(changes.size(), 4);
    QCOMPARE(moduleTitles(),
             QStringList({QStringLiteral("Basics"), QStringLiteral("Traits and generics"),
                          QStringLiteral("Async")}));
    QCOMPARE(titles(m_model->indexOf(id(QStringLiteral("Traits")))),
             QStringList {QStringLiteral("Generic types")});
    QCOMPARE(resets.size() + layouts.size() + inserted.size() + removed.size(), 0);

    // Records of another course change nothing here.
    QVERIFY(other.update(QStringLiteral("module"), id(QStringLiteral("Elsewhere")),
                         {{QStringLiteral("title"), QStringLiteral("Far away")}}));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("module")});
    QCOMPARE(changes.size(), 4);

    // A new place: the row moves.
    const QString last
        = indexOf(QStringLiteral("Borrowing quiz")).data(OutlineModel::OrderKeyRole).toString();
    QVERIFY(other.update(content, id(QStringLiteral("Intro")),
                         {{QStringLiteral("orderKey"), OrderKey::between(last, {})}}));
    announce();
    QCOMPARE(itemTitles(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Ownership"), QStringLiteral("Borrowing quiz"),
                          QStringLiteral("Intro")}));
    QCOMPARE(m_model->idOf(intro), id(QStringLiteral("Intro")));
    QCOMPARE(layouts.size(), 1);

    // A new item comes in, a removed one goes.
    const Result<QString> added
        = other.create(content,
                       {{QStringLiteral("moduleId"), id(QStringLiteral("Async"))},
                        {QStringLiteral("courseId"), m_course},
                        {QStringLiteral("type"), QStringLiteral("lesson")},
                        {QStringLiteral("title"), QStringLiteral("Futures")}});
    QVERIFY(added);
    announce();
    QCOMPARE(itemTitles(QStringLiteral("Async")), QStringList {QStringLiteral("Futures")});
    QVERIFY(other.remove(content, id(QStringLiteral("Ownership"))));
    announce();
    QCOMPARE(itemTitles(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Borrowing quiz"), QStringLiteral("Intro")}));
    QCOMPARE(resets.size(), 0);
}

#include "tst_outlinemodel.moc"
