#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <algorithm>
#include <lectern/client/author/outlinemodel.h>
#include <lectern/client/sync/synccontroller.h>
#include <lectern/client/syncui/conflictinbox.h>
#include <lectern/client/syncui/conflictlistmodel.h>
#include <lectern/client/syncui/conflictpane.h>
#include <lectern/client/syncui/refusedchangesmodel.h>
#include <lectern/client/syncui/refusedchangesview.h>
#include <lectern/client/syncui/syncmark.h>
#include <lectern/client/syncui/syncwords.h>
#include <lectern/client/translationloader.h>
#include <lectern/hlc.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Client;

namespace {

const QString me = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000a");

QString newId()
{
    return createUuidV7String();
}

QString hlcMinutesAgo(int minutes, const QString &node)
{
    // Minutes before now, but never before today began: the inbox says "today at …", which a run
    // in the first minutes after midnight would otherwise read as "yesterday".
    const qint64 today = QDateTime(QDate::currentDate(), QTime(0, 20)).toMSecsSinceEpoch();
    Hlc hlc;
    hlc.wallMs = std::max(QDateTime::currentMSecsSinceEpoch(), today) - qint64(minutes) * 60 * 1000;
    hlc.node = node;
    return hlc.toString();
}

Sync::Change change(qint64 seq, const QString &entity, const QString &id, QJsonObject fields)
{
    Sync::Change c;
    c.seq = seq;
    c.entity = entity;
    c.entityId = id;
    c.rev = 1;
    c.hlc = hlcMinutesAgo(10, QStringLiteral("server"));
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("rev"), 1);
    c.fields = fields;
    return c;
}

Sync::PullPage page(const QList<Sync::Change> &changes)
{
    Sync::PullPage p;
    p.changes = changes;
    p.cursor = changes.isEmpty() ? 0 : changes.last().seq;
    return p;
}

// The ops of the outbox about one record.
QList<Sync::Op> opsOf(LocalStore *store, const QString &entity, const QString &id)
{
    QList<Sync::Op> result;
    for (const Sync::Op &op : store->outbox()) {
        if (op.entity == entity && op.entityId == id)
            result.append(op);
    }
    return result;
}

} // namespace

// The conflict inbox and the refused changes on a real offline store: what the lists show, and
// that each choice writes the record and the conflict's resolution to the outbox.
class tst_ConflictInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void listShowsConflicts();
    void panesShowBaseMineTheirs();
    void keepMineWritesRecordAndResolution();
    void keepTheirsOnlyResolves();
    void keepBothForText();
    void viewerWhoWroteTheServersSide();
    void thirdPersonSeesBothNames();
    void outlineMarksConflictedRows();
    void editMerged();
    void deleteConflicts();
    void emptyState();
    void refreshesOnRecordsChanged();
    void unsyncedMark();
    void refusedChangesCopyAndDismiss();
    void refusedReasonsInWords_data();
    void refusedReasonsInWords();
    void screenshots();

private:
    void fill();
    void resolveConflict(const QString &id, const QString &resolution);
    LocalStore *store() const { return m_sync->store(); }
    static QPushButton *button(QWidget *parent, const char *name)
    {
        return parent->findChild<QPushButton *>(QLatin1StringView(name));
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<SyncController> m_sync;
    QString m_course, m_module, m_lesson, m_quiz;
    QString m_titleConflict, m_bodyConflict, m_deletedByMe, m_deletedByThem;
};

void tst_ConflictInbox::initTestCase()
{
    TranslationLoader::install(QLocale(QLocale::English, QLocale::UnitedStates));
}

void tst_ConflictInbox::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_sync = std::make_unique<SyncController>();
    // No access token: the engine waits for one and never talks to the (absent) server.
    QVERIFY(
        m_sync->start(QUrl(QStringLiteral("http://127.0.0.1:9")), me, QString(), m_dir->path()));
    QVERIFY(store());
}

void tst_ConflictInbox::cleanup()
{
    m_sync.reset();
    m_dir.reset();
}

// A course with a module, a lesson and a quiz, and four open conflicts about them, as a pull
// brings them.
void tst_ConflictInbox::fill()
{
    m_course = newId();
    m_module = newId();
    m_lesson = newId();
    m_quiz = newId();
    m_titleConflict = newId();
    m_bodyConflict = newId();
    m_deletedByMe = newId();
    m_deletedByThem = newId();
    const QString other = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000b");

    auto conflict = [&](qint64 seq, const QString &id, QJsonObject fields) {
        fields.insert(QStringLiteral("courseId"), m_course);
        fields.insert(QStringLiteral("status"), QStringLiteral("open"));
        fields.insert(QStringLiteral("mineAuthorId"), me);
        fields.insert(QStringLiteral("mineAuthorName"), QStringLiteral("Mia Me"));
        fields.insert(QStringLiteral("theirsAuthorId"), other);
        fields.insert(QStringLiteral("theirsAuthorName"), QStringLiteral("Theo Them"));
        fields.insert(QStringLiteral("mineHlc"), hlcMinutesAgo(5, QStringLiteral("laptop")));
        fields.insert(QStringLiteral("theirsHlc"), hlcMinutesAgo(3, QStringLiteral("server")));
        fields.insert(QStringLiteral("opId"), newId());
        return change(seq, QStringLiteral("conflict"), id, fields);
    };

    const QList<Sync::Change> changes = {
        change(1, QStringLiteral("course"), m_course,
               {{QStringLiteral("code"), QStringLiteral("RUST101")},
                {QStringLiteral("title"), QStringLiteral("Rust for beginners")},
                {QStringLiteral("status"), QStringLiteral("draft")}}),
        change(2, QStringLiteral("module"), m_module,
               {{QStringLiteral("courseId"), m_course},
                {QStringLiteral("title"), QStringLiteral("Ownership, edited")},
                {QStringLiteral("orderKey"), QStringLiteral("V")}}),
        change(
            3, QStringLiteral("content"), m_lesson,
            {{QStringLiteral("moduleId"), m_module},
             {QStringLiteral("courseId"), m_course},
             {QStringLiteral("type"), QStringLiteral("lesson")},
             {QStringLiteral("title"), QStringLiteral("Borrowing")},
             {QStringLiteral("orderKey"), QStringLiteral("V")},
             {QStringLiteral("body"),
              QStringLiteral("# Borrowing\nA reference borrows a value.\nTheirs adds this.\n")}}),
        change(4, QStringLiteral("content"), m_quiz,
               {{QStringLiteral("moduleId"), m_module},
                {QStringLiteral("courseId"), m_course},
                {QStringLiteral("type"), QStringLiteral("quiz")},
                {QStringLiteral("title"), QStringLiteral("Check your borrowing")},
                {QStringLiteral("orderKey"), QStringLiteral("W")}}),
        conflict(5, m_titleConflict,
                 {{QStringLiteral("entity"), QStringLiteral("course")},
                  {QStringLiteral("entityId"), m_course},
                  {QStringLiteral("field"), QStringLiteral("title")},
                  {QStringLiteral("kind"), QStringLiteral("field")},
                  {QStringLiteral("base"), QStringLiteral("Rust")},
                  {QStringLiteral("mine"), QStringLiteral("Rust from scratch")},
                  {QStringLiteral("theirs"), QStringLiteral("Rust for beginners")}}),
        conflict(6, m_bodyConflict,
                 {{QStringLiteral("entity"), QStringLiteral("content")},
                  {QStringLiteral("entityId"), m_lesson},
                  {QStringLiteral("field"), QStringLiteral("body")},
                  {QStringLiteral("kind"), QStringLiteral("text")},
                  {QStringLiteral("base"), QStringLiteral("# Borrowing\nA reference borrows.\n")},
                  {QStringLiteral("mine"),
                   QStringLiteral("# Borrowing\nA reference borrows a value for a while.\n")},
                  {QStringLiteral("theirs"),
                   QStringLiteral("# Borrowing\nA reference borrows a value.\nTheirs adds "
                                  "this.\n")},
                  {QStringLiteral("merged"),
                   QStringLiteral("# Borrowing\n<<<<<<< mine\nA reference borrows a value for a "
                                  "while.\n=======\nA reference borrows a value.\nTheirs adds "
                                  "this.\n>>>>>>> theirs\n")}}),
        // This device deleted the module; someone else edited it meanwhile.
        conflict(7, m_deletedByMe,
                 {{QStringLiteral("entity"), QStringLiteral("module")},
                  {QStringLiteral("entityId"), m_module},
                  {QStringLiteral("kind"), QStringLiteral("delete")},
                  {QStringLiteral("mine"), true},
                  {QStringLiteral("theirs"),
                   QJsonObject {{QStringLiteral("title"), QStringLiteral("Ownership, edited")}}}}),
        // This device edited the quiz; someone else deleted it (the edit keeps it for now).
        conflict(8, m_deletedByThem,
                 {{QStringLiteral("entity"), QStringLiteral("content")},
                  {QStringLiteral("entityId"), m_quiz},
                  {QStringLiteral("kind"), QStringLiteral("delete")},
                  {QStringLiteral("mine"),
                   QJsonObject {{QStringLiteral("title"), QStringLiteral("Check your borrowing")}}},
                  {QStringLiteral("theirs"), true}}),
    };
    QVERIFY(store()->applyPulled(page(changes)));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("conflict")});
}

void tst_ConflictInbox::resolveConflict(const QString &id, const QString &resolution)
{
    const QList<Sync::Op> ops = opsOf(store(), QStringLiteral("conflict"), id);
    QCOMPARE(ops.size(), 1);
    const QJsonObject values = ops.first().newValues();
    QCOMPARE(values.value(u"status").toString(), QStringLiteral("resolved"));
    QCOMPARE(values.value(u"resolution").toString(), resolution);
}

void tst_ConflictInbox::listShowsConflicts()
{
    fill();
    ConflictListModel model(m_sync.get());
    QCOMPARE(model.rowCount(), 4);

    const int title = model.rowOf(m_titleConflict);
    QVERIFY(title >= 0);
    const QModelIndex index = model.index(title);
    QCOMPARE(index.data(ConflictListModel::TitleRole).toString(),
             QStringLiteral("Rust for beginners"));
    QCOMPARE(index.data(ConflictListModel::FieldRole).toString(), QStringLiteral("Title"));
    QCOMPARE(index.data(Qt::DisplayRole).toString(), QStringLiteral("Rust for beginners — Title"));
    const QString whoWhen = index.data(ConflictListModel::WhoWhenRole).toString();
    QVERIFY2(whoWhen.startsWith(QStringLiteral("You changed it today at ")), qPrintable(whoWhen));
    QVERIFY2(whoWhen.contains(QStringLiteral("; Theo Them changed it today at")),
             qPrintable(whoWhen));

    const QModelIndex body = model.index(model.rowOf(m_bodyConflict));
    QCOMPARE(body.data(ConflictListModel::TitleRole).toString(), QStringLiteral("Borrowing"));
    QCOMPARE(body.data(ConflictListModel::FieldRole).toString(), QStringLiteral("Text"));
    QCOMPARE(body.data(ConflictListModel::KindRole).toString(), QStringLiteral("text"));

    const QModelIndex deleted = model.index(model.rowOf(m_deletedByMe));
    QVERIFY2(deleted.data(ConflictListModel::WhoWhenRole)
                 .toString()
                 .startsWith(QStringLiteral("You deleted it")),
             qPrintable(deleted.data(ConflictListModel::WhoWhenRole).toString()));
    QVERIFY(model.index(model.rowOf(m_deletedByThem))
                .data(ConflictListModel::WhoWhenRole)
                .toString()
                .contains(QStringLiteral("Theo Them deleted it")));

    // The inbox shows the same rows, the first one selected.
    ConflictInbox inbox(m_sync.get());
    auto *list = inbox.findChild<QListView *>(QStringLiteral("conflictList"));
    QCOMPARE(list->model()->rowCount(), 4);
    QCOMPARE(inbox.currentRow(), 0);
    QVERIFY(!inbox.isEmptyStateShown());
    QCOMPARE(inbox.findChild<QLabel *>(QStringLiteral("conflictCountLabel"))->text(),
             QStringLiteral("4 conflicts to resolve"));
}

void tst_ConflictInbox::panesShowBaseMineTheirs()
{
    fill();
    ConflictInbox inbox(m_sync.get());
    inbox.show();
    auto *base = inbox.findChild<ConflictPane *>(QStringLiteral("basePane"));
    auto *mine = inbox.findChild<ConflictPane *>(QStringLiteral("minePane"));
    auto *theirs = inbox.findChild<ConflictPane *>(QStringLiteral("theirsPane"));

    inbox.setCurrentRow(inbox.model()->rowOf(m_titleConflict));
    QCOMPARE(base->plainText(), QStringLiteral("Rust"));
    QCOMPARE(mine->plainText(), QStringLiteral("Rust from scratch"));
    QCOMPARE(theirs->plainText(), QStringLiteral("Rust for beginners"));
    QVERIFY(!button(&inbox, "keepBothButton")->isVisible());  // not text
    QVERIFY(button(&inbox, "editMergedButton")->isVisible()); // a text field
    QCOMPARE(inbox.findChild<QLabel *>(QStringLiteral("conflictTitleLabel"))->text(),
             QStringLiteral("Rust for beginners"));

    // Long text: a line diff against the base on each side.
    inbox.setCurrentRow(inbox.model()->rowOf(m_bodyConflict));
    QVERIFY(button(&inbox, "keepBothButton")->isVisible());
    QCOMPARE(mine->removedLines(), 1);
    QCOMPARE(mine->addedLines(), 1);
    QCOMPARE(theirs->removedLines(), 1);
    QCOMPARE(theirs->addedLines(), 2);
    QVERIFY(mine->plainText().contains(QStringLiteral("for a while")));

    // A delete: no base; the deleting side says so.
    inbox.setCurrentRow(inbox.model()->rowOf(m_deletedByMe));
    QVERIFY(!base->isVisible());
    QCOMPARE(mine->plainText(), QStringLiteral("Deleted"));
    QCOMPARE(theirs->plainText(), QStringLiteral("Title: Ownership, edited"));
    QVERIFY(!button(&inbox, "keepBothButton")->isVisible());
    QVERIFY(!button(&inbox, "editMergedButton")->isVisible());
}

void tst_ConflictInbox::keepMineWritesRecordAndResolution()
{
    fill();
    ConflictInbox inbox(m_sync.get());
    inbox.show();
    const int row = inbox.model()->rowOf(m_titleConflict);
    inbox.setCurrentRow(row);
    const QString next = inbox.model()->conflict(row + 1).id;
    QSignalSpy changed(m_sync.get(), &SyncController::recordsChanged);
    QTest::mouseClick(button(&inbox, "keepMineButton"), Qt::LeftButton);

    // The record's new value and the resolution, each an ordinary op in the outbox.
    const QList<Sync::Op> courseOps = opsOf(store(), QStringLiteral("course"), m_course);
    QCOMPARE(courseOps.size(), 1);
    QCOMPARE(courseOps.first().patch.keys(), QStringList {QStringLiteral("title")});
    QCOMPARE(courseOps.first().patch.value(QStringLiteral("title")).newValue.toString(),
             QStringLiteral("Rust from scratch"));
    resolveConflict(m_titleConflict, QStringLiteral("mine"));
    QCOMPARE(store()->record(QStringLiteral("course"), m_course)->fields.value(u"title"),
             QJsonValue(QStringLiteral("Rust from scratch")));
    QVERIFY(changed.size() >= 2);

    // The list lost it and the next conflict is selected.
    QCOMPARE(inbox.model()->rowCount(), 3);
    QCOMPARE(inbox.model()->rowOf(m_titleConflict), -1);
    QVERIFY(inbox.currentRow() >= 0);
    QCOMPARE(inbox.model()->conflict(inbox.currentRow()).id, next);
    QCOMPARE(m_sync->status().queued, 2);
}

void tst_ConflictInbox::keepTheirsOnlyResolves()
{
    fill();
    ConflictInbox inbox(m_sync.get());
    inbox.setCurrentRow(inbox.model()->rowOf(m_titleConflict));
    inbox.keepTheirs();
    QVERIFY(opsOf(store(), QStringLiteral("course"), m_course).isEmpty());
    resolveConflict(m_titleConflict, QStringLiteral("theirs"));
    QCOMPARE(store()->record(QStringLiteral("course"), m_course)->fields.value(u"title"),
             QJsonValue(QStringLiteral("Rust for beginners")));
}

void tst_ConflictInbox::keepBothForText()
{
    fill();
    ConflictInbox inbox(m_sync.get());
    inbox.show();
    inbox.setCurrentRow(inbox.model()->rowOf(m_bodyConflict));
    QTest::mouseClick(button(&inbox, "keepBothButton"), Qt::LeftButton);

    // First a preview of what will be saved; nothing is written yet.
    QVERIFY(inbox.isBothPreviewShown());
    QVERIFY(opsOf(store(), QStringLiteral("content"), m_lesson).isEmpty());
    const QString preview = inbox.editor()->toPlainText();
    // The line both changed is there in both versions, each under its author's label, mine
    // first; the heading both kept is there once.
    QCOMPARE(preview.count(QStringLiteral("# Borrowing")), 1);
    const qsizetype mineLabel = preview.indexOf(QStringLiteral("[[ Version by Mia Me, "));
    const qsizetype mine
        = preview.indexOf(QStringLiteral("A reference borrows a value for a while."));
    const qsizetype theirsLabel = preview.indexOf(QStringLiteral("[[ Version by Theo Them, "));
    const qsizetype theirs = preview.indexOf(QStringLiteral("A reference borrows a value.\n"));
    QVERIFY2(0 < mineLabel && mineLabel < mine && mine < theirsLabel && theirsLabel < theirs,
             qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("Theirs adds this.")));
    QVERIFY(preview.contains(QStringLiteral("[[ End of both versions")));
    QVERIFY(inbox.findChild<QLabel *>(QStringLiteral("editorHint"))
                ->text()
                .contains(QStringLiteral("1 passage you both changed")));

    QTest::mouseClick(button(&inbox, "saveEditButton"), Qt::LeftButton);
    QVERIFY(!inbox.isEditorShown());
    QCOMPARE(store()->record(QStringLiteral("content"), m_lesson)->fields.value(u"body").toString(),
             preview);
    const QList<Sync::Op> ops = opsOf(store(), QStringLiteral("content"), m_lesson);
    QCOMPARE(ops.size(), 1);
    QCOMPARE(ops.first().newValues().value(u"body").toString(), preview);
    resolveConflict(m_bodyConflict, QStringLiteral("both"));

    // Not for a field that is not text.
    ConflictListModel model(m_sync.get());
    QVERIFY(!model.resolve(model.rowOf(m_titleConflict), ConflictListModel::Choice::Both));
    QVERIFY(opsOf(store(), QStringLiteral("conflict"), m_titleConflict).isEmpty());
}

// The TA wrote the text the server has; the instructor's change arrived second. In the TA's inbox
// "Mine" is her own text, and Keep mine keeps it.
void tst_ConflictInbox::viewerWhoWroteTheServersSide()
{
    fill();
    const QString other = QStringLiteral("0192d4c5-e6f7-7000-8000-00000000000b");
    const QString id = newId();
    const QString serverText
        = QStringLiteral("# Borrowing\nA reference borrows a value.\nTheirs adds this.\n");
    const QString opText
        = QStringLiteral("# Borrowing\nA reference borrows, says the instructor.\n");
    Sync::Change turned
        = change(30, QStringLiteral("conflict"), id,
                 {{QStringLiteral("courseId"), m_course},
                  {QStringLiteral("status"), QStringLiteral("open")},
                  {QStringLiteral("entity"), QStringLiteral("content")},
                  {QStringLiteral("entityId"), m_lesson},
                  {QStringLiteral("field"), QStringLiteral("body")},
                  {QStringLiteral("kind"), QStringLiteral("text")},
                  {QStringLiteral("base"), QStringLiteral("# Borrowing\nA reference borrows.\n")},
                  {QStringLiteral("mine"), opText},
                  {QStringLiteral("theirs"), serverText},
                  {QStringLiteral("mineAuthorId"), other},
                  {QStringLiteral("mineAuthorName"), QStringLiteral("Ian Instructor")},
                  {QStringLiteral("theirsAuthorId"), me},
                  {QStringLiteral("theirsAuthorName"), QStringLiteral("Tess Assistant")},
                  {QStringLiteral("mineHlc"), hlcMinutesAgo(2, QStringLiteral("desk"))},
                  {QStringLiteral("theirsHlc"), hlcMinutesAgo(4, QStringLiteral("server"))}});
    QVERIFY(store()->applyPulled(page({turned})));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("conflict")});

    ConflictInbox inbox(m_sync.get());
    inbox.show();
    QVERIFY(inbox.showConflict(id));
    const ConflictListModel::Conflict &c = inbox.model()->conflict(inbox.currentRow());
    QVERIFY(c.turned);
    QCOMPARE(c.mine.toString(), serverText);
    QCOMPARE(c.theirs.toString(), opText);
    QCOMPARE(c.mineName, QStringLiteral("Tess Assistant"));
    QCOMPARE(c.theirsName, QStringLiteral("Ian Instructor"));
    QVERIFY2(c.whoWhen.startsWith(QStringLiteral("You changed it today at")),
             qPrintable(c.whoWhen));
    QVERIFY2(c.whoWhen.contains(QStringLiteral("Ian Instructor changed it today at")),
             qPrintable(c.whoWhen));

    auto *mine = inbox.findChild<ConflictPane *>(QStringLiteral("minePane"));
    auto *theirs = inbox.findChild<ConflictPane *>(QStringLiteral("theirsPane"));
    QCOMPARE(mine->heading(), QStringLiteral("Mine"));
    QVERIFY(mine->plainText().contains(QStringLiteral("Theirs adds this.")));
    QVERIFY2(mine->detail().startsWith(QStringLiteral("Yours, today at")),
             qPrintable(mine->detail()));
    QVERIFY(theirs->plainText().contains(QStringLiteral("says the instructor")));
    QVERIFY2(theirs->detail().startsWith(QStringLiteral("By Ian Instructor, today at")),
             qPrintable(theirs->detail()));

    // Keep mine: the record already holds her text; only the resolution is written, in the
    // conflict's own terms (its "theirs").
    inbox.keepMine();
    QVERIFY(opsOf(store(), QStringLiteral("content"), m_lesson).isEmpty());
    resolveConflict(id, QStringLiteral("theirs"));
}

// Someone who wrote neither side (an administrator) sees both authors by name.
void tst_ConflictInbox::thirdPersonSeesBothNames()
{
    fill();
    const QString id = newId();
    Sync::Change c
        = change(31, QStringLiteral("conflict"), id,
                 {{QStringLiteral("courseId"), m_course},
                  {QStringLiteral("status"), QStringLiteral("open")},
                  {QStringLiteral("entity"), QStringLiteral("module")},
                  {QStringLiteral("entityId"), m_module},
                  {QStringLiteral("field"), QStringLiteral("title")},
                  {QStringLiteral("kind"), QStringLiteral("field")},
                  {QStringLiteral("base"), QStringLiteral("Ownership")},
                  {QStringLiteral("mine"), QStringLiteral("Ownership, by Ian")},
                  {QStringLiteral("theirs"), QStringLiteral("Ownership, edited")},
                  {QStringLiteral("mineAuthorId"), newId()},
                  {QStringLiteral("mineAuthorName"), QStringLiteral("Ian Instructor")},
                  {QStringLiteral("theirsAuthorId"), newId()},
                  {QStringLiteral("theirsAuthorName"), QStringLiteral("Tess Assistant")}});
    QVERIFY(store()->applyPulled(page({c})));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("conflict")});
    ConflictInbox inbox(m_sync.get());
    inbox.show();
    QVERIFY(inbox.showConflict(id));
    QCOMPARE(inbox.findChild<ConflictPane *>(QStringLiteral("minePane"))->heading(),
             QStringLiteral("Ian Instructor"));
    QCOMPARE(inbox.findChild<ConflictPane *>(QStringLiteral("theirsPane"))->heading(),
             QStringLiteral("Tess Assistant"));
    QCOMPARE(button(&inbox, "keepMineButton")->text(),
             QStringLiteral("Keep Ian Instructor's version"));
    QCOMPARE(button(&inbox, "keepTheirsButton")->text(),
             QStringLiteral("Keep Tess Assistant's version"));
    QVERIFY(inbox.model()
                ->conflict(inbox.currentRow())
                .whoWhen.startsWith(QStringLiteral("Ian Instructor changed it")));
}

// The Author outline marks the rows of records with an open conflict, until it is resolved.
void tst_ConflictInbox::outlineMarksConflictedRows()
{
    fill();
    OutlineModel outline(m_sync.get());
    outline.setCourseId(m_course);
    const QModelIndex lesson = outline.indexOf(m_lesson);
    QVERIFY(lesson.isValid());
    QVERIFY(lesson.data(OutlineModel::ConflictRole).toBool());
    QVERIFY(lesson.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Has a conflict")));
    QVERIFY(outline.indexOf(m_module).data(OutlineModel::ConflictRole).toBool());

    ConflictListModel model(m_sync.get());
    QSignalSpy changed(&outline, &QAbstractItemModel::dataChanged);
    QVERIFY(model.resolve(model.rowOf(m_bodyConflict), ConflictListModel::Choice::Theirs));
    QVERIFY(!outline.indexOf(m_lesson).data(OutlineModel::ConflictRole).toBool());
    QVERIFY(!changed.isEmpty());
    QVERIFY(outline.indexOf(m_module).data(OutlineModel::ConflictRole).toBool());
}

void tst_ConflictInbox::editMerged()
{
    fill();
    ConflictInbox inbox(m_sync.get());
    inbox.show();
    inbox.setCurrentRow(inbox.model()->rowOf(m_bodyConflict));
    QTest::mouseClick(button(&inbox, "editMergedButton"), Qt::LeftButton);
    QVERIFY(inbox.isEditorShown());
    QCOMPARE(inbox.editor()->toPlainText(), inbox.model()->conflict(inbox.currentRow()).editText());
    QVERIFY(inbox.editor()->toPlainText().contains(
        QStringLiteral("<<<<<<< mine\nA reference borrows a value for a while.")));

    // Markers left in: not saved.
    QTest::mouseClick(button(&inbox, "saveEditButton"), Qt::LeftButton);
    QVERIFY(inbox.isEditorShown());
    auto *error = inbox.findChild<QLabel *>(QStringLiteral("conflictErrorLabel"));
    QVERIFY(error->isVisible());
    QVERIFY(opsOf(store(), QStringLiteral("conflict"), m_bodyConflict).isEmpty());

    const QString text = QStringLiteral(
        "# Borrowing\nA reference borrows a value for a while.\nTheirs adds this.\n");
    inbox.editor()->setPlainText(text);
    QTest::mouseClick(button(&inbox, "saveEditButton"), Qt::LeftButton);
    QVERIFY(!inbox.isEditorShown());
    QCOMPARE(store()->record(QStringLiteral("content"), m_lesson)->fields.value(u"body").toString(),
             text);
    resolveConflict(m_bodyConflict, QStringLiteral("edited"));

    // A text field starts from theirs; cancel leaves everything as it was.
    inbox.setCurrentRow(inbox.model()->rowOf(m_titleConflict));
    inbox.editMerged();
    QCOMPARE(inbox.editor()->toPlainText(), QStringLiteral("Rust for beginners"));
    QTest::mouseClick(button(&inbox, "cancelEditButton"), Qt::LeftButton);
    QVERIFY(!inbox.isEditorShown());
    QVERIFY(opsOf(store(), QStringLiteral("conflict"), m_titleConflict).isEmpty());
}

void tst_ConflictInbox::deleteConflicts()
{
    fill();
    ConflictInbox inbox(m_sync.get());
    // Deleted here, edited there: keeping mine deletes the module.
    inbox.setCurrentRow(inbox.model()->rowOf(m_deletedByMe));
    inbox.keepMine();
    const QList<Sync::Op> moduleOps = opsOf(store(), QStringLiteral("module"), m_module);
    QCOMPARE(moduleOps.size(), 1);
    QCOMPARE(Sync::toString(moduleOps.first().kind), Sync::toString(Sync::OpKind::Delete));
    QVERIFY(!store()->record(QStringLiteral("module"), m_module));
    resolveConflict(m_deletedByMe, QStringLiteral("mine"));

    // Edited here, deleted there: keeping mine keeps the quiz, with nothing but the resolution.
    inbox.setCurrentRow(inbox.model()->rowOf(m_deletedByThem));
    QVERIFY(inbox.currentRow() >= 0);
    inbox.keepMine();
    QVERIFY(opsOf(store(), QStringLiteral("content"), m_quiz).isEmpty());
    resolveConflict(m_deletedByThem, QStringLiteral("mine"));

    // "Both" makes no sense for a delete.
    fill();
    ConflictListModel model(m_sync.get());
    const int row = model.rowOf(m_deletedByThem);
    QVERIFY(!model.resolve(row, ConflictListModel::Choice::Both));
    // Keeping theirs deletes it.
    QVERIFY(model.resolve(row, ConflictListModel::Choice::Theirs));
    QCOMPARE(Sync::toString(opsOf(store(), QStringLiteral("content"), m_quiz).value(0).kind),
             Sync::toString(Sync::OpKind::Delete));
    resolveConflict(m_deletedByThem, QStringLiteral("theirs"));
}

void tst_ConflictInbox::emptyState()
{
    {
        ConflictInbox inbox(m_sync.get());
        QVERIFY(inbox.isEmptyStateShown());
        QCOMPARE(inbox.findChild<QLabel *>(QStringLiteral("conflictEmptyLabel"))->text(),
                 QStringLiteral("No conflicts. Everything you and others changed has merged."));
    }
    fill();
    ConflictInbox inbox(m_sync.get());
    QVERIFY(!inbox.isEmptyStateShown());
    inbox.setCurrentRow(0);
    while (inbox.model()->rowCount() > 0) {
        const int before = inbox.model()->rowCount();
        QVERIFY(inbox.currentRow() >= 0);
        inbox.keepTheirs();
        QCOMPARE(inbox.model()->rowCount(), before - 1);
    }
    QVERIFY(inbox.isEmptyStateShown());
    QCOMPARE(store()->openConflictCount(), 0);
}

void tst_ConflictInbox::refreshesOnRecordsChanged()
{
    ConflictInbox inbox(m_sync.get());
    QVERIFY(inbox.isEmptyStateShown());
    // A pull brings conflicts: the engine says so with recordsChanged().
    fill();
    QCOMPARE(inbox.model()->rowCount(), 4);
    QVERIFY(!inbox.isEmptyStateShown());
    inbox.setCurrentRow(2);
    const QString selected = inbox.model()->conflict(2).id;

    // Resolved on another device: it goes, and the selection stays on the same conflict.
    Sync::Change resolved = change(20, QStringLiteral("conflict"), m_titleConflict,
                                   {{QStringLiteral("courseId"), m_course},
                                    {QStringLiteral("entity"), QStringLiteral("course")},
                                    {QStringLiteral("entityId"), m_course},
                                    {QStringLiteral("field"), QStringLiteral("title")},
                                    {QStringLiteral("status"), QStringLiteral("resolved")},
                                    {QStringLiteral("resolution"), QStringLiteral("theirs")}});
    resolved.rev = 2;
    QVERIFY(store()->applyPulled(page({resolved})));
    Q_EMIT m_sync->recordsChanged({QStringLiteral("conflict")});
    QCOMPARE(inbox.model()->rowCount(), 3);
    QCOMPARE(inbox.model()->conflict(inbox.currentRow()).id, selected);
}

void tst_ConflictInbox::unsyncedMark()
{
    fill();
    ConflictListModel model(m_sync.get());
    const int row = model.rowOf(m_bodyConflict);
    QCOMPARE(model.index(row).data(SyncMark::Role).toBool(), false);
    // A local edit of the lesson, not pushed yet: its conflict row is marked.
    QVERIFY(m_sync->update(QStringLiteral("content"), m_lesson,
                           {{QStringLiteral("title"), QStringLiteral("Borrowing, again")}}));
    QCOMPARE(model.index(row).data(SyncMark::Role).toBool(), true);
    QCOMPARE(model.index(row).data(ConflictListModel::TitleRole).toString(),
             QStringLiteral("Borrowing, again"));
    QVERIFY(model.index(row).data(Qt::ToolTipRole).toString().contains(SyncMark::toolTip()));
    QCOMPARE(model.index(model.rowOf(m_titleConflict)).data(SyncMark::Role).toBool(), false);
}

void tst_ConflictInbox::refusedChangesCopyAndDismiss()
{
    fill();
    {
        RefusedChangesView view(m_sync.get());
        QVERIFY(view.isEmptyStateShown());
    }
    // An edit the server refuses.
    QVERIFY(m_sync->update(QStringLiteral("content"), m_lesson,
                           {{QStringLiteral("body"), QStringLiteral("My new lesson text.\n")}}));
    const QList<Sync::Op> batch = store()->takeBatch();
    QCOMPARE(batch.size(), 1);
    Sync::OpResult refused;
    refused.opId = batch.first().opId;
    refused.outcome = Sync::Outcome::Rejected;
    refused.reason = QString::fromLatin1(Sync::Reason::Forbidden);
    refused.message = QStringLiteral("Only the course's instructors can change it.");
    QVERIFY(store()->applyPushResults({refused}));
    QCOMPARE(store()->rejectedCount(), 1);

    RefusedChangesView view(m_sync.get());
    view.show();
    QVERIFY(!view.isEmptyStateShown());
    QCOMPARE(view.currentRow(), 0);
    QCOMPARE(view.model()->index(0).data(Qt::DisplayRole).toString(),
             QStringLiteral("Borrowing — your change of Text"));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("refusedReasonLabel"))->text(),
             SyncWords::reason(QStringLiteral("forbidden")));
    QVERIFY(SyncWords::reason(QStringLiteral("forbidden")).contains(QStringLiteral("not allowed")));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("refusedMessageLabel"))
                ->text()
                .contains(refused.message));
    QCOMPARE(view.findChild<QPlainTextEdit *>(QStringLiteral("refusedContent"))->toPlainText(),
             QStringLiteral("My new lesson text.\n"));

    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(button(&view, "copyButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("My new lesson text.\n"));
    // Copying keeps it.
    QCOMPARE(store()->rejectedCount(), 1);

    QTest::mouseClick(button(&view, "dismissButton"), Qt::LeftButton);
    QCOMPARE(store()->rejectedCount(), 0);
    QCOMPARE(m_sync->status().rejected, 0);
    QVERIFY(view.isEmptyStateShown());
}

void tst_ConflictInbox::refusedReasonsInWords_data()
{
    QTest::addColumn<QString>("code");
    for (const char *code :
         {Sync::Reason::Forbidden, Sync::Reason::NotFound, Sync::Reason::UnknownEntity,
          Sync::Reason::ServerDecides, Sync::Reason::ValidationFailed, Sync::Reason::AlreadyExists,
          Sync::Reason::Conflict})
        QTest::newRow(code) << QString::fromLatin1(code);
}

void tst_ConflictInbox::refusedReasonsInWords()
{
    QFETCH(QString, code);
    const QString words = SyncWords::reason(code);
    // A sentence of its own, not the generic one and not the code.
    QVERIFY(words.endsWith(u'.'));
    QVERIFY(!words.contains(code));
    QVERIFY(words != SyncWords::reason(QStringLiteral("something_new")));
}

void tst_ConflictInbox::screenshots()
{
    // For the user guide: LECTERN_SCREENSHOT_DIR=/tmp/shots ctest -R tst_conflictinbox
    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("LECTERN_SCREENSHOT_DIR is not set");
    fill();
    // An edit of the lesson not synced yet: its row carries the mark.
    QVERIFY(m_sync->update(QStringLiteral("content"), m_lesson,
                           {{QStringLiteral("estimatedMinutes"), 15}}));
    ConflictInbox inbox(m_sync.get());
    inbox.resize(1100, 600);
    inbox.show();
    QVERIFY(QTest::qWaitForWindowExposed(&inbox));
    const auto shoot = [&](QWidget *widget, const QString &name) {
        QTest::qWait(50); // layouts settle
        widget->grab().save(dir + u'/' + name + QStringLiteral(".png"));
    };
    inbox.setCurrentRow(inbox.model()->rowOf(m_bodyConflict));
    shoot(&inbox, QStringLiteral("conflict-inbox"));
    inbox.setCurrentRow(inbox.model()->rowOf(m_titleConflict));
    shoot(&inbox, QStringLiteral("conflict-inbox-field"));
    inbox.setCurrentRow(inbox.model()->rowOf(m_deletedByMe));
    shoot(&inbox, QStringLiteral("conflict-inbox-delete"));
    inbox.setCurrentRow(inbox.model()->rowOf(m_bodyConflict));
    inbox.editMerged();
    shoot(&inbox, QStringLiteral("conflict-inbox-edit"));
    inbox.cancelEdit();
    inbox.keepBoth();
    shoot(&inbox, QStringLiteral("conflict-inbox-both"));
    inbox.cancelEdit();

    QVERIFY(m_sync->update(QStringLiteral("content"), m_lesson,
                           {{QStringLiteral("body"), QStringLiteral("My new lesson text.\n")}}));
    const QList<Sync::Op> batch = store()->takeBatch();
    Sync::OpResult refused;
    refused.opId = batch.first().opId;
    refused.outcome = Sync::Outcome::Rejected;
    refused.reason = QString::fromLatin1(Sync::Reason::Forbidden);
    QVERIFY(store()->applyPushResults({refused}));
    RefusedChangesView view(m_sync.get());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    shoot(&view, QStringLiteral("refused-changes"));
    ConflictInbox empty(m_sync.get());
    for (int i = empty.model()->rowCount(); i > 0; --i)
        empty.keepTheirs();
    empty.resize(700, 300);
    empty.show();
    QVERIFY(QTest::qWaitForWindowExposed(&empty));
    shoot(&empty, QStringLiteral("conflict-inbox-empty"));
}

QTEST_MAIN(tst_ConflictInbox)
#include "tst_conflictinbox.moc"
