#include "filesfixture.h"

#include <QApplication>
#include <QDesktopServices>
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeView>
#include <lectern/client/author/lessoneditor.h>
#include <lectern/client/files/coursefilesmodel.h>
#include <lectern/client/files/filespane.h>

using namespace FilesFixture;
using namespace Qt::StringLiterals;

// The Files tab against a real lectern-server, driven as a person would: drop files on it or
// pick them in the file dialog, watch them upload (or wait while the server is away), read why
// one was refused, download the course for offline use and free the space again, open and
// delete a file.
class tst_FilesPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void emptyStateThenDroppedFilesUploadWithProgress();
    void attachButtonUsesTheFileDialog();
    void offlineAttachWaitsForConnection();
    void refusedUploadIsExplainedAndDismissed();
    void courseDownloadAndRemoval();
    void openAndDelete();
    void fileDroppedOnTheLessonEditorIsLinked();
    void screenshots();

public Q_SLOTS:
    void openFileUrl(const QUrl &url) { m_opened.append(url); }

private:
    void drop(const QStringList &paths);
    // The row's text in a column, found by the file's name.
    QString cell(const QString &name, int column) const;
    int rowNamed(const QString &name) const;
    void selectRow(const QString &name);
    template<typename T> T *find(const QString &name) const { return m_pane->findChild<T *>(name); }

    std::unique_ptr<RestartableServer> m_server;
    std::unique_ptr<Desktop> m_desktop;
    std::unique_ptr<FilesPane> m_pane;
    QString m_courseId;
    QList<QUrl> m_opened;
};

void tst_FilesPane::init()
{
    m_server = std::make_unique<RestartableServer>();
    LECTERN_START_RESTARTABLE(*m_server);
    m_courseId = createCourse(m_server->url());
    QVERIFY(!m_courseId.isEmpty());
    m_desktop = std::make_unique<Desktop>();
    QVERIFY(m_desktop->logIn(m_server->url()));
    m_pane = std::make_unique<FilesPane>(m_desktop->files.get(), m_desktop->sync.get());
    m_pane->setCourseId(m_courseId);
    m_pane->resize(1000, 600);
    m_pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_pane.get()));
}

void tst_FilesPane::cleanup()
{
    m_pane.reset();
    m_desktop.reset();
    m_server.reset();
    m_opened.clear();
}

void tst_FilesPane::drop(const QStringList &paths)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls.append(QUrl::fromLocalFile(path));
    data.setUrls(urls);
    const QPoint at = m_pane->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_pane.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_pane.get(), &dropEvent);
    QVERIFY(dropEvent.isAccepted());
}

int tst_FilesPane::rowNamed(const QString &name) const
{
    const QAbstractItemModel *model = m_pane->view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, CourseFilesModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString tst_FilesPane::cell(const QString &name, int column) const
{
    const int row = rowNamed(name);
    return row < 0 ? QString() : m_pane->view()->model()->index(row, column).data().toString();
}

void tst_FilesPane::selectRow(const QString &name)
{
    const int row = rowNamed(name);
    QVERIFY(row >= 0);
    const QModelIndex index = m_pane->view()->model()->index(row, CourseFilesModel::NameColumn);
    m_pane->view()->scrollTo(index);
    QTest::mouseClick(m_pane->view()->viewport(), Qt::LeftButton, {},
                      m_pane->view()->visualRect(index).center());
    QVERIFY(m_pane->view()->selectionModel()->isRowSelected(row, {}));
}

void tst_FilesPane::emptyStateThenDroppedFilesUploadWithProgress()
{
    QVERIFY(find<QLabel>(u"filesEmpty"_s)->isVisible());
    QVERIFY(!m_pane->view()->isVisible());

    // The bar moves while it uploads.
    int largestProgress = -1;
    connect(
        m_pane->model(), &QAbstractItemModel::dataChanged, this, [&](const QModelIndex &topLeft) {
            largestProgress
                = std::max(largestProgress, topLeft.data(CourseFilesModel::ProgressRole).toInt());
        });
    const QString big = m_desktop->writeLocalFile(u"lab manual.txt"_s, lessonText(4 * 1024 * 1024));
    const QString small = m_desktop->writeLocalFile(u"safety.txt"_s, lessonText(2048, 's'));
    drop({big, small});
    QVERIFY(m_pane->view()->isVisible());
    QVERIFY(!find<QLabel>(u"filesEmpty"_s)->isVisible());
    QVERIFY(rowNamed(u"lab manual.txt"_s) >= 0);

    // Each ends as a file of the course, on the server and here.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pane->model()->fileCount() == 2 && m_pane->model()->uploadCount() == 0, 20000);
    QVERIFY(largestProgress > 0);
    QCOMPARE(cell(u"lab manual.txt"_s, CourseFilesModel::SizeColumn),
             FileTransfers::formatSize(4 * 1024 * 1024));
    // Who and when ("You, today at 14:05"; yesterday's just after midnight).
    const QString added = cell(u"safety.txt"_s, CourseFilesModel::AddedColumn);
    QVERIFY2(added.startsWith(u"You, today at "_s) || added.startsWith(u"You, yesterday at "_s),
             qPrintable(added));
    QCOMPARE(cell(u"safety.txt"_s, CourseFilesModel::StatusColumn), u"On this computer"_s);
    const QModelIndex first = m_pane->model()->index(0, CourseFilesModel::NameColumn);
    QCOMPARE(first.data().toString(), u"lab manual.txt"_s); // by name
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(m_pane->message().isEmpty());
}

void tst_FilesPane::attachButtonUsesTheFileDialog()
{
    const QString path = m_desktop->writeLocalFile(u"syllabus.txt"_s, lessonText(5000, 'y'));
    bool answered = false;
    QTimer::singleShot(0, this, [&] {
        QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        dialog->setDirectory(QFileInfo(path).absolutePath());
        dialog->selectFile(QFileInfo(path).fileName());
        QMetaObject::invokeMethod(dialog, "accept");
        answered = true;
    });
    QTest::mouseClick(find<QPushButton>(u"attachFilesButton"_s), Qt::LeftButton);
    QTRY_VERIFY(answered);
    QTRY_VERIFY_WITH_TIMEOUT(m_pane->model()->fileCount() == 1, 20000);
    QVERIFY(rowNamed(u"syllabus.txt"_s) >= 0);
}

void tst_FilesPane::offlineAttachWaitsForConnection()
{
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_desktop->sync->status().online, 20000);
    drop({m_desktop->writeLocalFile(u"offline notes.txt"_s, lessonText(30 * 1024, 'o'))});
    QCOMPARE(cell(u"offline notes.txt"_s, CourseFilesModel::StatusColumn),
             u"Waiting for connection"_s);
    QCOMPARE(m_pane->model()->uploadCount(), 1);
    QCOMPARE(m_pane->model()->fileCount(), 0);

    QVERIFY(m_server->start());
    QTRY_VERIFY_WITH_TIMEOUT(
        m_pane->model()->fileCount() == 1 && m_pane->model()->uploadCount() == 0, 30000);
    QCOMPARE(cell(u"offline notes.txt"_s, CourseFilesModel::StatusColumn), u"On this computer"_s);
}

void tst_FilesPane::refusedUploadIsExplainedAndDismissed()
{
    QFile program(u"/bin/true"_s);
    QVERIFY(program.open(QIODevice::ReadOnly));
    drop({m_desktop->writeLocalFile(u"tool"_s, program.readAll())});
    QTRY_VERIFY_WITH_TIMEOUT(!m_pane->message().isEmpty(), 20000);
    QVERIFY2(m_pane->message().contains(u"tool was refused"_s), qPrintable(m_pane->message()));
    QCOMPARE(cell(u"tool"_s, CourseFilesModel::StatusColumn), m_pane->message());

    selectRow(u"tool"_s);
    auto *dismiss = find<QPushButton>(u"cancelUploadButton"_s);
    QVERIFY(dismiss->isVisible());
    QCOMPARE(dismiss->text(), u"Dismiss"_s);
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QCOMPARE(rowNamed(u"tool"_s), -1);
    QVERIFY(find<QLabel>(u"filesEmpty"_s)->isVisible());
}

void tst_FilesPane::courseDownloadAndRemoval()
{
    const QByteArray one = lessonText(400 * 1024, '1');
    const QByteArray two = lessonText(600 * 1024, '2');
    QVERIFY(!m_desktop->uploadAndSync(m_courseId, u"week 1.txt"_s, one).isEmpty());
    QVERIFY(!m_desktop->uploadAndSync(m_courseId, u"week 2.txt"_s, two).isEmpty());
    auto *downloadAll = find<QPushButton>(u"downloadCourseButton"_s);
    auto *removeAll = find<QPushButton>(u"removeCourseDownloadButton"_s);
    // Both listed (the second one's record may still be on its way from the server).
    QTRY_VERIFY(rowNamed(u"week 1.txt"_s) >= 0 && rowNamed(u"week 2.txt"_s) >= 0);
    QTRY_VERIFY(removeAll->isEnabled());
    QVERIFY(!downloadAll->isEnabled()); // all here already

    // Free the space: the files stay listed, on the server.
    QTest::mouseClick(removeAll, Qt::LeftButton);
    QCOMPARE(cell(u"week 1.txt"_s, CourseFilesModel::StatusColumn), u"On the server"_s);
    QVERIFY(downloadAll->isEnabled());
    QCOMPARE(downloadAll->text(),
             u"Download all (%1)"_s.arg(FileTransfers::formatSize(one.size() + two.size())));

    QSignalSpy finished(m_desktop->files.get(), &FileTransfers::courseDownloadFinished);
    QTest::mouseClick(downloadAll, Qt::LeftButton);
    QVERIFY(find<QProgressBar>(u"courseDownloadProgress"_s)->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QVERIFY(!find<QProgressBar>(u"courseDownloadProgress"_s)->isVisible());
    QCOMPARE(cell(u"week 1.txt"_s, CourseFilesModel::StatusColumn), u"On this computer"_s);
    QCOMPARE(cell(u"week 2.txt"_s, CourseFilesModel::StatusColumn), u"On this computer"_s);
    QVERIFY(
        find<QLabel>(u"courseDownloadLabel"_s)->text().startsWith(u"All files on this computer"_s));
    QVERIFY(!downloadAll->isEnabled());
}

void tst_FilesPane::openAndDelete()
{
    const QString fileId
        = m_desktop->uploadAndSync(m_courseId, u"reading.txt"_s, lessonText(8000, 'r'));
    QVERIFY(!fileId.isEmpty());
    QTRY_VERIFY(rowNamed(u"reading.txt"_s) >= 0);
    selectRow(u"reading.txt"_s);

    QDesktopServices::setUrlHandler(u"file"_s, this, "openFileUrl");
    QTest::mouseClick(find<QPushButton>(u"openFileButton"_s), Qt::LeftButton);
    QTRY_COMPARE(m_opened.size(), 1);
    QDesktopServices::unsetUrlHandler(u"file"_s);
    QCOMPARE(QFileInfo(m_opened.first().toLocalFile()).fileName(), u"reading.txt"_s);

    // Delete asks first; "Cancel" keeps it.
    auto answer = [this](const QString &button) {
        QTimer::singleShot(0, this, [button] {
            QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            for (QAbstractButton *b : box->buttons()) {
                if (b->text() == button)
                    b->click();
            }
        });
    };
    answer(u"Cancel"_s);
    QTest::mouseClick(find<QPushButton>(u"deleteFileButton"_s), Qt::LeftButton);
    QVERIFY(rowNamed(u"reading.txt"_s) >= 0);

    answer(u"Delete"_s);
    QTest::mouseClick(find<QPushButton>(u"deleteFileButton"_s), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(rowNamed(u"reading.txt"_s), -1, 20000);
    Test::HttpClient client(m_server->url());
    client.login(instructor, demoPassword);
    QCOMPARE(client.get(u"/api/v1/files/"_s + fileId).status, 404);
    QVERIFY(!m_desktop->files->isCached(fileId));
    QVERIFY(find<QLabel>(u"filesEmpty"_s)->isVisible());
}

void tst_FilesPane::fileDroppedOnTheLessonEditorIsLinked()
{
    // A lesson of the course, as sync brings it.
    Test::HttpClient client(m_server->url());
    client.login(instructor, demoPassword);
    const Test::HttpResult module = client.post(u"/api/v1/courses/%1/modules"_s.arg(m_courseId),
                                                QJsonObject {{u"title"_s, u"Safety"_s}});
    QCOMPARE(module.status, 201);
    const Test::HttpResult lesson = client.post(
        u"/api/v1/modules/%1/contents"_s.arg(module.data()[u"id"].toString()),
        QJsonObject {
            {u"type"_s, u"lesson"_s}, {u"title"_s, u"Goggles"_s}, {u"body"_s, u"Wear them.\n"_s}});
    QCOMPARE(lesson.status, 201);
    const QString lessonId = lesson.data()[u"id"].toString();
    m_desktop->sync->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_desktop->sync->store()->record(u"content"_s, lessonId), 20000);

    LessonEditor editor(m_desktop->sync.get());
    editor.setFileTransfers(m_desktop->files.get());
    editor.resize(900, 500);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setContentId(lessonId);
    editor.sourceEdit()->moveCursor(QTextCursor::End);

    // Dropped at the end of the text: uploaded to the course, then linked there.
    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(
        m_desktop->writeLocalFile(u"goggle rules.txt"_s, lessonText(4000, 'g')))});
    QWidget *viewport = editor.sourceEdit()->viewport();
    const QPoint end = editor.sourceEdit()->cursorRect().center();
    QDragEnterEvent enter(end, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(end, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &dropped);
    QVERIFY(dropped.isAccepted());
    QTRY_VERIFY_WITH_TIMEOUT(editor.markdown().contains(u"[goggle rules.txt](lectern-file:"_s),
                             20000);
    QVERIFY(editor.markdown().startsWith(u"Wear them.\n"_s));
    // The file's record reaches the pane with the next pull, which may land after the link.
    QTRY_COMPARE_WITH_TIMEOUT(m_pane->model()->fileCount(), 1, 10000);
    // And saved with the lesson.
    QVERIFY(editor.flush());
    QVERIFY(m_desktop->sync->store()
                ->record(u"content"_s, lessonId)
                ->fields[u"body"]
                .toString()
                .contains(u"[goggle rules.txt](lectern-file:"_s));
    // Online, the indicator ends at "Saved" once the server has it.
    QTRY_COMPARE_WITH_TIMEOUT(editor.saveState(), LessonEditor::SaveState::Saved, 20000);
    QCOMPARE(editor.saveStateText(), u"Saved"_s);
    QVERIFY(client.get(u"/api/v1/contents/%1"_s.arg(lessonId))
                .data()[u"body"]
                .toString()
                .contains(u"[goggle rules.txt](lectern-file:"_s));
}

void tst_FilesPane::screenshots()
{
    // For the user guide: LECTERN_SCREENSHOT_DIR=/tmp/shots ctest -R tst_filespane
    const QString dir = qEnvironmentVariable("LECTERN_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("LECTERN_SCREENSHOT_DIR is not set");
    QVERIFY(m_pane->grab().save(dir + u"/files-empty.png"_s));
    QVERIFY(!m_desktop->uploadAndSync(m_courseId, u"Lab safety rules.txt"_s, lessonText(69 * 1024))
                 .isEmpty());
    QVERIFY(
        !m_desktop->uploadAndSync(m_courseId, u"Week 1 reading.txt"_s, lessonText(350 * 1024, 'w'))
             .isEmpty());
    const QString handout = m_desktop->uploadAndSync(m_courseId, u"Titration handout.txt"_s,
                                                     lessonText(1200 * 1024, 't'));
    QVERIFY(!handout.isEmpty());
    m_desktop->files->removeCourseDownload(m_courseId);
    m_desktop->files->download(
        m_desktop->sync->store()->list(u"file"_s).first().id); // one back on this computer
    QTRY_VERIFY(m_desktop->files->cachedBytes(m_courseId) > 0);
    QFile program(u"/bin/true"_s);
    QVERIFY(program.open(QIODevice::ReadOnly));
    drop({m_desktop->writeLocalFile(u"setup tool"_s, program.readAll())});
    QTRY_VERIFY_WITH_TIMEOUT(!m_pane->message().isEmpty(), 20000);
    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!m_desktop->sync->status().online, 20000);
    drop({m_desktop->writeLocalFile(u"Molar mass table.csv"_s, "substance,g/mol\nwater,18.02\n")});
    m_pane->resize(1100, 420);
    QTest::qWait(200);
    QVERIFY(m_pane->grab().save(dir + u"/files-pane.png"_s));
}

QTEST_MAIN(tst_FilesPane)
#include "tst_filespane.moc"
