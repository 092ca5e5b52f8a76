#include <QTest>
#include <lectern/client/workspace.h>

using namespace Lectern;
using namespace Lectern::Client;

class tst_Workspaces : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forRoles_data();
    void forRoles();
    void everyWorkspaceHasWordsAndIcon();
};

void tst_Workspaces::forRoles_data()
{
    QTest::addColumn<QList<Role>>("roles");
    QTest::addColumn<QList<Workspace>>("expected");

    using W = Workspace;
    QTest::newRow("no role") << QList<Role> {} << QList<W> {W::Learn};
    QTest::newRow("student") << QList<Role> {Role::Student} << QList<W> {W::Learn};
    QTest::newRow("ta") << QList<Role> {Role::TeachingAssistant}
                        << QList<W> {W::Learn, W::Author, W::Grade};
    QTest::newRow("instructor") << QList<Role> {Role::Instructor}
                                << QList<W> {W::Learn, W::Author, W::Grade};
    QTest::newRow("admin") << QList<Role> {Role::Admin} << QList<W> {W::Learn, W::Author, W::Admin};
    QTest::newRow("admin + instructor") << QList<Role> {Role::Instructor, Role::Admin}
                                        << QList<W> {W::Learn, W::Author, W::Grade, W::Admin};
    QTest::newRow("student + ta, repeated")
        << QList<Role> {Role::Student, Role::TeachingAssistant, Role::Student}
        << QList<W> {W::Learn, W::Author, W::Grade};
    QTest::newRow("all") << allRoles() << QList<W> {W::Learn, W::Author, W::Grade, W::Admin};
}

void tst_Workspaces::forRoles()
{
    QFETCH(QList<Role>, roles);
    QFETCH(QList<Workspace>, expected);
    QCOMPARE(Workspaces::forRoles(roles), expected);
    for (Workspace workspace :
         {Workspace::Learn, Workspace::Author, Workspace::Grade, Workspace::Admin})
        QCOMPARE(Workspaces::isAllowed(workspace, roles), expected.contains(workspace));
}

void tst_Workspaces::everyWorkspaceHasWordsAndIcon()
{
    for (Workspace workspace :
         {Workspace::Learn, Workspace::Author, Workspace::Grade, Workspace::Admin}) {
        QVERIFY(!Workspaces::title(workspace).isEmpty());
        QVERIFY(Workspaces::description(workspace).endsWith(u'.'));
        QVERIFY2(QFile::exists(Workspaces::iconPath(workspace)),
                 qPrintable(Workspaces::iconPath(workspace)));
    }
    QCOMPARE(Workspaces::title(Workspace::Admin), QStringLiteral("Admin console"));
}

QTEST_GUILESS_MAIN(tst_Workspaces)
#include "tst_workspaces.moc"
