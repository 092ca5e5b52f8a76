#include "authorfixture.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <lectern/client/author/courseundostack.h>
#include <lectern/client/author/editbatch.h>
#include <lectern/client/author/outlinemodel.h>
#include <lectern/client/author/recordtree.h>
#include <lectern/client/author/recordtreecommand.h>
#include <lectern/client/author/updaterecordscommand.h>
#include <lectern/client/translationloader.h>
#include <lectern/jsonutil.h>

using namespace Lectern;
using namespace Lectern::Client;

// Undo and redo of every authoring edit, without a window: each command writes through the
// SyncController (so an undo is an ordinary edit in the outbox), and what undo brings back is
// what the user had, order keys and all, even when the server already knows the record is gone.
class tst_AuthorUndo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void rename();
    void publishAndUnlock();
    void moveAcrossModules();
    void dropIsOneStep();
    void keyboardMoves_data();
    void keyboardMoves();
    void addThenUndo();
    void removeModuleAndBringItBack();
    void laterEditsFollowARecreatedRecord();
    void courseSettings();
    void duplicateCourse();
    void deleteCourseAndUndo();
    void undoOfWhatIsGoneFails();
    void batchAnnouncesOnce();

private:
    QString id(const QString &title) const { return m_store->id(title); }
    QStringList items(const QString &module) const
    {
        return m_store->itemTitles(m_store->moduleNamed(m_course, module));
    }
    QStringList modules() const { return m_store->moduleTitles(m_course); }
    QJsonObject fieldsOf(const QString &entity, const QString &id) const
    {
        const auto record = m_store->store()->record(entity, id);
        return record ? record->fields : QJsonObject();
    }

    std::unique_ptr<AuthorFixture::Store> m_store;
    std::unique_ptr<CourseUndoStack> m_stack;
    std::unique_ptr<OutlineModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_course;
};

void tst_AuthorUndo::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_AuthorUndo::init()
{
    m_store = std::make_unique<AuthorFixture::Store>();
    QVERIFY(m_store->start());
    QVERIFY(m_store->seedRust());
    m_course = id(QStringLiteral("Rust"));
    m_stack = std::make_unique<CourseUndoStack>(m_store->sync.get(), m_course);
    m_model = std::make_unique<OutlineModel>(m_store->sync.get());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setCourseId(m_course);
    m_model->setUndoStack(m_stack.get());
    QCOMPARE(m_store->store()->pendingCount(), 0);
}

void tst_AuthorUndo::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_stack.reset();
    m_store.reset();
}

void tst_AuthorUndo::rename()
{
    QVERIFY(
        m_model->setData(m_model->indexOf(id(QStringLiteral("Intro"))), QStringLiteral("Welcome")));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Rename “Intro”"));
    QCOMPARE(items(QStringLiteral("Basics")).first(), QStringLiteral("Welcome"));

    QSignalSpy applied(m_stack.get(), &CourseUndoStack::applied);
    m_stack->undo();
    QCOMPARE(items(QStringLiteral("Basics")).first(), QStringLiteral("Intro"));
    QCOMPARE(m_model->indexOf(id(QStringLiteral("Intro"))).data().toString(),
             QStringLiteral("Intro"));
    QCOMPARE(applied.size(), 1);
    QCOMPARE(applied.first().first().toString(), id(QStringLiteral("Intro")));
    // Back where it started: the op folded away, nothing to sync.
    QCOMPARE(m_store->store()->pendingCount(), 0);

    m_stack->redo();
    QCOMPARE(items(QStringLiteral("Basics")).first(), QStringLiteral("Welcome"));
    QCOMPARE(m_store->store()->pendingCount(), 1);

    // A refused rename is not an undo step.
    QVERIFY(!m_model->setData(m_model->indexOf(id(QStringLiteral("Intro"))), QString()));
    QCOMPARE(m_stack->count(), 1);
}

void tst_AuthorUndo::publishAndUnlock()
{
    const QModelIndex ownership = m_model->indexOf(id(QStringLiteral("Ownership")));
    QVERIFY(m_model->setData(ownership, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Publish “Ownership”"));
    const QDateTime when(QDate(2026, 11, 2), QTime(8, 30), Qt::UTC);
    QVERIFY(m_model->setData(m_model->indexOf(id(QStringLiteral("Ownership"))), when,
                             OutlineModel::UnlockAtRole));
    const QJsonObject fields = fieldsOf(QStringLiteral("content"), id(QStringLiteral("Ownership")));
    QCOMPARE(fields.value(u"published").toBool(), true);
    QCOMPARE(Json::toDateTime(fields.value(u"unlockAt")), when);

    m_stack->undo();
    QVERIFY(fieldsOf(QStringLiteral("content"), id(QStringLiteral("Ownership")))
                .value(u"unlockAt")
                .isNull());
    QCOMPARE(m_model->indexOf(id(QStringLiteral("Ownership"))).data(Qt::CheckStateRole).toInt(),
             int(Qt::Checked));
    m_stack->undo();
    QCOMPARE(m_model->indexOf(id(QStringLiteral("Ownership"))).data(Qt::CheckStateRole).toInt(),
             int(Qt::Unchecked));
    QCOMPARE(m_store->store()->pendingCount(), 0);
    m_stack->redo();
    m_stack->redo();
    QCOMPARE(m_model->indexOf(id(QStringLiteral("Ownership")))
                 .data(OutlineModel::UnlockAtRole)
                 .toDateTime(),
             when);
}

void tst_AuthorUndo::moveAcrossModules()
{
    const QString key = fieldsOf(QStringLiteral("content"), id(QStringLiteral("Ownership")))
                            .value(u"orderKey")
                            .toString();
    QVERIFY(m_model->moveItem(id(QStringLiteral("Ownership")), id(QStringLiteral("Traits")), 1));
    QCOMPARE(items(QStringLiteral("Traits")),
             QStringList({QStringLiteral("Generics"), QStringLiteral("Ownership")}));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Move “Ownership”"));

    m_stack->undo();
    QCOMPARE(items(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                          QStringLiteral("Borrowing quiz")}));
    QCOMPARE(items(QStringLiteral("Traits")), QStringList {QStringLiteral("Generics")});
    // The old key, so it sits between its old neighbours whatever else moved meanwhile.
    QCOMPARE(fieldsOf(QStringLiteral("content"), id(QStringLiteral("Ownership")))
                 .value(u"orderKey")
                 .toString(),
             key);

    m_stack->redo();
    QCOMPARE(items(QStringLiteral("Traits")),
             QStringList({QStringLiteral("Generics"), QStringLiteral("Ownership")}));

    QVERIFY(m_model->moveModule(id(QStringLiteral("Async")), 0));
    QCOMPARE(
        modules(),
        QStringList({QStringLiteral("Async"), QStringLiteral("Basics"), QStringLiteral("Traits")}));
    m_stack->undo();
    QCOMPARE(
        modules(),
        QStringList({QStringLiteral("Basics"), QStringLiteral("Traits"), QStringLiteral("Async")}));
}

void tst_AuthorUndo::dropIsOneStep()
{
    std::unique_ptr<QMimeData> data(
        m_model->mimeData({m_model->indexOf(id(QStringLiteral("Intro"))),
                           m_model->indexOf(id(QStringLiteral("Borrowing quiz")))}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, -1, 0,
                                  m_model->indexOf(id(QStringLiteral("Async")))));
    QCOMPARE(items(QStringLiteral("Async")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Borrowing quiz")}));
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Move 2 records"));
    // What a QAbstractItemView does after a move drop: remove the rows it has selected. The
    // model refuses, so the records stay.
    const QModelIndex moved = m_model->indexOf(id(QStringLiteral("Intro")));
    QVERIFY(!m_model->removeRows(moved.row(), 1, moved.parent()));
    QCOMPARE(items(QStringLiteral("Async")).size(), 2);

    m_stack->undo();
    QCOMPARE(items(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                          QStringLiteral("Borrowing quiz")}));
    QCOMPARE(items(QStringLiteral("Async")), QStringList());
    QCOMPARE(m_store->store()->pendingCount(), 0);
}

void tst_AuthorUndo::keyboardMoves_data()
{
    QTest::addColumn<QString>("record");
    QTest::addColumn<int>("delta");
    QTest::addColumn<QStringList>("modules");
    QTest::addColumn<QStringList>("basics");
    QTest::addColumn<QStringList>("traits");

    const QString intro = QStringLiteral("Intro"), ownership = QStringLiteral("Ownership"),
                  quiz = QStringLiteral("Borrowing quiz"), generics = QStringLiteral("Generics");
    const QString basics = QStringLiteral("Basics"), traits = QStringLiteral("Traits"),
                  async = QStringLiteral("Async");
    const QStringList allModules {basics, traits, async};
    QTest::newRow("item down") << intro << 1 << allModules << QStringList {ownership, intro, quiz}
                               << QStringList {generics};
    QTest::newRow("item up") << quiz << -1 << allModules << QStringList {intro, quiz, ownership}
                             << QStringList {generics};
    QTest::newRow("last item down, into the next module")
        << quiz << 1 << allModules << QStringList {intro, ownership}
        << QStringList {quiz, generics};
    QTest::newRow("first item up, into the module above")
        << generics << -1 << allModules << QStringList {intro, ownership, quiz, generics}
        << QStringList();
    QTest::newRow("first item of the outline stays")
        << intro << -1 << allModules << QStringList {intro, ownership, quiz}
        << QStringList {generics};
    QTest::newRow("module down") << basics << 1 << QStringList {traits, basics, async}
                                 << QStringList {intro, ownership, quiz} << QStringList {generics};
    QTest::newRow("module up") << async << -1 << QStringList {basics, async, traits}
                               << QStringList {intro, ownership, quiz} << QStringList {generics};
    QTest::newRow("last module stays")
        << async << 1 << allModules << QStringList {intro, ownership, quiz}
        << QStringList {generics};
}

void tst_AuthorUndo::keyboardMoves()
{
    QFETCH(QString, record);
    QFETCH(int, delta);
    QFETCH(QStringList, modules);
    QFETCH(QStringList, basics);
    QFETCH(QStringList, traits);

    QVERIFY2(m_model->moveBy(id(record), delta), qPrintable(m_model->errorString()));
    QCOMPARE(this->modules(), modules);
    QCOMPARE(items(QStringLiteral("Basics")), basics);
    QCOMPARE(items(QStringLiteral("Traits")), traits);
    const bool moved = modules
            != QStringList({QStringLiteral("Basics"), QStringLiteral("Traits"),
                            QStringLiteral("Async")})
        || basics
            != QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                            QStringLiteral("Borrowing quiz")});
    QCOMPARE(m_stack->count(), moved ? 1 : 0);
    if (moved) {
        m_stack->undo();
        QCOMPARE(items(QStringLiteral("Basics")),
                 QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                              QStringLiteral("Borrowing quiz")}));
        QCOMPARE(items(QStringLiteral("Traits")), QStringList {QStringLiteral("Generics")});
    }
}

void tst_AuthorUndo::addThenUndo()
{
    const Result<QString> lesson
        = m_model->addLesson(id(QStringLiteral("Async")), QStringLiteral("Futures"));
    QVERIFY(lesson);
    QCOMPARE(m_stack->undoText(), QStringLiteral("Add lesson “Futures”"));
    const Result<QString> link = m_model->addItem(
        id(QStringLiteral("Async")), QStringLiteral("link"), QStringLiteral("Tokio docs"),
        {{QStringLiteral("url"), QStringLiteral("https://tokio.rs")}});
    QVERIFY(link);
    QCOMPARE(items(QStringLiteral("Async")),
             QStringList({QStringLiteral("Futures"), QStringLiteral("Tokio docs")}));
    QCOMPARE(m_model->indexOf(*link).data(OutlineModel::UrlRole).toString(),
             QStringLiteral("https://tokio.rs"));

    m_stack->undo();
    m_stack->undo();
    QCOMPARE(items(QStringLiteral("Async")), QStringList());
    // Never sent, so forgotten: nothing for the server to hear about.
    QCOMPARE(m_store->store()->pendingCount(), 0);

    m_stack->redo();
    QCOMPARE(items(QStringLiteral("Async")), QStringList {QStringLiteral("Futures")});
    // The same record as before, so that later commands still find it.
    QVERIFY(m_model->indexOf(*lesson).isValid());
}

void tst_AuthorUndo::removeModuleAndBringItBack()
{
    const QStringList keysBefore = [&] {
        QStringList keys;
        for (const LocalRecord &c :
             m_store->store()->children(QStringLiteral("content"), id(QStringLiteral("Basics"))))
            keys.append(c.fields.value(u"orderKey").toString());
        return keys;
    }();
    QVERIFY(m_model->removeRecords({id(QStringLiteral("Basics"))}));
    QCOMPARE(modules(), QStringList({QStringLiteral("Traits"), QStringLiteral("Async")}));
    // The items go with their module (no orphans in the store).
    QVERIFY(!m_store->store()->record(QStringLiteral("content"), id(QStringLiteral("Intro"))));
    QCOMPARE(m_stack->undoText(), QStringLiteral("Remove “Basics”"));

    m_stack->undo();
    QCOMPARE(
        modules(),
        QStringList({QStringLiteral("Basics"), QStringLiteral("Traits"), QStringLiteral("Async")}));
    QCOMPARE(items(QStringLiteral("Basics")),
             QStringList({QStringLiteral("Intro"), QStringLiteral("Ownership"),
                          QStringLiteral("Borrowing quiz")}));
    const QString basics = m_store->moduleNamed(m_course, QStringLiteral("Basics"));
    // The server knew them, so they come back as new records with the same fields and keys.
    QVERIFY(basics != id(QStringLiteral("Basics")));
    QCOMPARE(m_stack->resolve(id(QStringLiteral("Basics"))), basics);
    QStringList keysAfter;
    QJsonObject intro;
    for (const LocalRecord &c : m_store->store()->children(QStringLiteral("content"), basics)) {
        keysAfter.append(c.fields.value(u"orderKey").toString());
        if (c.fields.value(u"title") == QStringLiteral("Intro"))
            intro = c.fields;
    }
    QCOMPARE(keysAfter, keysBefore);
    QCOMPARE(intro.value(u"body").toString(), QStringLiteral("# Intro\n\nHello."));
    QCOMPARE(intro.value(u"published").toBool(), true);
    QCOMPARE(intro.value(u"courseId").toString(), m_course);

    m_stack->redo();
    QCOMPARE(modules(), QStringList({QStringLiteral("Traits"), QStringLiteral("Async")}));
    m_stack->undo();
    QCOMPARE(items(QStringLiteral("Basics")).size(), 3);
}

void tst_AuthorUndo::laterEditsFollowARecreatedRecord()
{
    // Rename, remove, then undo both: the rename's undo finds the record under its new id.
    QVERIFY(m_model->setData(m_model->indexOf(id(QStringLiteral("Generics"))),
                             QStringLiteral("Generic types")));
    QVERIFY(m_model->moveItem(id(QStringLiteral("Generics")), id(QStringLiteral("Async")), 0));
    QVERIFY(m_model->removeRecords({id(QStringLiteral("Traits"))}));
    QVERIFY(m_model->removeRecords({id(QStringLiteral("Async"))}));
    QCOMPARE(modules(), QStringList {QStringLiteral("Basics")});

    m_stack->undo(); // Async and Generic types come back
    m_stack->undo(); // Traits comes back
    QCOMPARE(items(QStringLiteral("Async")), QStringList {QStringLiteral("Generic types")});
    m_stack->undo(); // the move: back into the new Traits
    QCOMPARE(items(QStringLiteral("Traits")), QStringList {QStringLiteral("Generic types")});
    m_stack->undo(); // the rename
    QCOMPARE(items(QStringLiteral("Traits")), QStringList {QStringLiteral("Generics")});
    QCOMPARE(m_stack->index(), 0);
    QCOMPARE(m_stack->count(), 4);
    for (int i = 0; i < 4; ++i)
        m_stack->redo();
    QCOMPARE(modules(), QStringList {QStringLiteral("Basics")});
}

void tst_AuthorUndo::courseSettings()
{
    const RecordChange change
        = RecordChange::capture(m_store->store(), QStringLiteral("course"), m_course,
                                {{QStringLiteral("title"), QStringLiteral("Rust in depth")},
                                 {QStringLiteral("maxEnrollment"), 40}});
    QCOMPARE(change.before.value(u"title").toString(), QStringLiteral("Rust"));
    QVERIFY(change.before.value(u"maxEnrollment").isNull());
    QVERIFY(m_stack->perform(
        new UpdateRecordsCommand(m_stack.get(), {change}, QStringLiteral("Edit course settings"))));
    QCOMPARE(fieldsOf(QStringLiteral("course"), m_course).value(u"maxEnrollment").toInt(), 40);
    m_stack->undo();
    const QJsonObject back = fieldsOf(QStringLiteral("course"), m_course);
    QCOMPARE(back.value(u"title").toString(), QStringLiteral("Rust"));
    QVERIFY(back.value(u"maxEnrollment").isNull() || back.value(u"maxEnrollment").isUndefined());

    // Refused values are no undo step.
    const RecordChange bad = RecordChange::capture(m_store->store(), QStringLiteral("course"),
                                                   m_course, {{QStringLiteral("code"), QString()}});
    QVERIFY(!m_stack->perform(new UpdateRecordsCommand(m_stack.get(), {bad}, QStringLiteral("x"))));
    QCOMPARE(m_stack->index(), 0);
}

void tst_AuthorUndo::duplicateCourse()
{
    const QList<RecordState> source
        = RecordTree::snapshot(m_store->store(), QStringLiteral("course"), m_course);
    QCOMPARE(source.size(), 1 + 3 + 4);
    const QList<RecordState> copy
        = RecordTree::duplicateCourse(source, m_store->store()->list(QStringLiteral("course")));
    CourseUndoStack stack(m_store->sync.get(), copy.first().id);
    QSignalSpy changed(m_store->sync.get(), &SyncController::recordsChanged);
    QVERIFY(stack.perform(new RecordTreeCommand(&stack, RecordTreeCommand::Create, copy,
                                                QStringLiteral("Duplicate “Rust”"))));
    // One announcement for the whole copy.
    QCOMPARE(changed.size(), 1);

    const QString copied = m_store->courseCoded(QStringLiteral("RUST-copy"));
    QCOMPARE(copied, copy.first().id);
    const QJsonObject course = fieldsOf(QStringLiteral("course"), copied);
    QCOMPARE(course.value(u"title").toString(), QStringLiteral("Copy of Rust"));
    QCOMPARE(course.value(u"status").toString(), QStringLiteral("draft"));
    QCOMPARE(course.value(u"term").toString(), QStringLiteral("Autumn 2026"));
    QCOMPARE(m_store->moduleTitles(copied), modules());
    for (const QString &module :
         {QStringLiteral("Basics"), QStringLiteral("Traits"), QStringLiteral("Async")}) {
        const QString copiedModule = m_store->moduleNamed(copied, module);
        QVERIFY(!copiedModule.isEmpty());
        QVERIFY(copiedModule != m_store->moduleNamed(m_course, module));
        QCOMPARE(m_store->itemTitles(copiedModule), items(module));
    }
    // The same order keys, the same published flags; the original is untouched.
    const QList<RecordState> again
        = RecordTree::snapshot(m_store->store(), QStringLiteral("course"), copied);
    for (qsizetype i = 1; i < source.size(); ++i) {
        QCOMPARE(again.at(i).fields.value(u"orderKey"), source.at(i).fields.value(u"orderKey"));
        QCOMPARE(again.at(i).fields.value(u"published").toBool(),
                 source.at(i).fields.value(u"published").toBool());
    }
    QCOMPARE(RecordTree::snapshot(m_store->store(), QStringLiteral("course"), m_course), source);

    stack.undo();
    QVERIFY(m_store->courseCoded(QStringLiteral("RUST-copy")).isEmpty());
    QCOMPARE(m_store->store()->pendingCount(), 0);
    stack.redo();
    QCOMPARE(m_store->courseCoded(QStringLiteral("RUST-copy")), copied);
    QCOMPARE(m_store->store()->list(QStringLiteral("content")).size(), 8);
}

void tst_AuthorUndo::deleteCourseAndUndo()
{
    QVERIFY(m_store->sync->update(QStringLiteral("course"), m_course,
                                  {{QStringLiteral("status"), QStringLiteral("published")}}));
    QVERIFY(m_stack->perform(new RecordTreeCommand(m_stack.get(), RecordTreeCommand::Remove,
                                                   {{QStringLiteral("course"), m_course, {}}},
                                                   QStringLiteral("Delete “Rust”"))));
    QVERIFY(m_store->courseCoded(QStringLiteral("RUST")).isEmpty());
    QCOMPARE(m_store->store()->list(QStringLiteral("content")).size(), 0);

    QSignalSpy applied(m_stack.get(), &CourseUndoStack::applied);
    m_stack->undo();
    const QString back = m_store->courseCoded(QStringLiteral("RUST"));
    QVERIFY(!back.isEmpty());
    QCOMPARE(m_stack->courseId(), back);
    QVERIFY(m_stack->isCourse(m_course));
    QVERIFY(m_stack->isCourse(back));
    QCOMPARE(applied.first().first().toString(), back);
    // A course comes back as a draft (the server takes no other new course).
    QCOMPARE(fieldsOf(QStringLiteral("course"), back).value(u"status").toString(),
             QStringLiteral("draft"));
    QCOMPARE(
        m_store->moduleTitles(back),
        QStringList({QStringLiteral("Basics"), QStringLiteral("Traits"), QStringLiteral("Async")}));
    QCOMPARE(m_store->store()->list(QStringLiteral("content")).size(), 4);
}

void tst_AuthorUndo::undoOfWhatIsGoneFails()
{
    QVERIFY(m_model->setData(m_model->indexOf(id(QStringLiteral("Generics"))),
                             QStringLiteral("Generic types")));
    QVERIFY(
        m_model->setData(m_model->indexOf(id(QStringLiteral("Intro"))), QStringLiteral("Welcome")));
    // The server takes both renames; then another author deletes Generics, and this device
    // pulls the tombstone.
    QList<Sync::OpResult> results;
    for (const Sync::Op &op : m_store->store()->takeBatch()) {
        Sync::OpResult applied;
        applied.opId = op.opId;
        applied.rev = 2;
        results.append(applied);
    }
    QVERIFY(m_store->store()->applyPushResults(results));
    Sync::Change gone = m_store->change(QStringLiteral("content"), QStringLiteral("Generics"), {});
    gone.deleted = true;
    gone.fields = {};
    gone.rev = 3;
    QVERIFY(m_store->pull({gone}));

    QSignalSpy failed(m_stack.get(), &CourseUndoStack::failed);
    m_stack->undo(); // Welcome -> Intro
    m_stack->undo(); // Generics is gone
    QCOMPARE(failed.size(), 1);
    QVERIFY(!failed.first().first().toString().isEmpty());
    // The command that cannot be done left the history; the other stays.
    QCOMPARE(m_stack->count(), 1);
    QCOMPARE(items(QStringLiteral("Basics")).first(), QStringLiteral("Intro"));
}

void tst_AuthorUndo::batchAnnouncesOnce()
{
    QSignalSpy changed(m_store->sync.get(), &SyncController::recordsChanged);
    QSignalSpy status(m_store->sync.get(), &SyncController::statusChanged);
    {
        EditBatch outer(m_store->sync.get(), {QStringLiteral("module")});
        {
            EditBatch inner(m_store->sync.get(), {QStringLiteral("content")});
            QVERIFY(m_model->addModule(QStringLiteral("Macros")));
        }
        QVERIFY(m_model->addModule(QStringLiteral("Unsafe")));
        QCOMPARE(changed.size(), 0);
    }
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().first().toStringList(), QStringList {QStringLiteral("module")});
    QCOMPARE(status.size(), 1);
    QCOMPARE(m_store->sync->status().queued, 2);
    QCOMPARE(modules().size(), 5);
}

QTEST_MAIN(tst_AuthorUndo)
#include "tst_authorundo.moc"
