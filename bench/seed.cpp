// Seeds a lectern-server data folder with the issue 3 benchmark data set through the server's own
// write path (RecordStore, so revisions and the change sequence are real), in large transactions.
//
//   lectern-bench-seed --data-dir DIR [--database URL] [--courses 1000] [--users 20000]
//                      [--modules 50] [--items 10]
// Prints the id of the big course and of a student enrolled in it.
#include "app/server.h"
#include "storage/organizationrepository.h"
#include "storage/recordstore.h"
#include "storage/userrepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <lectern/orderkey.h>
#include <lectern/uuidv7.h>

using namespace Lectern;
using namespace Lectern::Server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("Data folder."),
                                     QStringLiteral("dir"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("Database URL."),
                                      QStringLiteral("url"));
    const QCommandLineOption courses(QStringLiteral("courses"), QStringLiteral("Courses."),
                                     QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Users."),
                                   QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption modules(QStringLiteral("modules"),
                                     QStringLiteral("Modules in the big course."),
                                     QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption items(QStringLiteral("items"), QStringLiteral("Items per module."),
                                   QStringLiteral("n"), QStringLiteral("10"));
    parser.addOptions({dataDir, database, courses, users, modules, items});
    parser.process(app);
    QTextStream out(stdout);

    ServerConfig config;
    config.dataDir = parser.value(dataDir);
    config.database = parser.value(database);
    config.demo = true;
    auto server = Server::Server::create(config);
    if (!server) {
        out << "error: " << server.error().message << Qt::endl;
        return 1;
    }
    ServerContext &context = (*server)->context();
    QElapsedTimer timer;
    timer.start();

    Transaction tx(context.db());
    auto org = OrganizationRepository::findBySlug(tx, QStringLiteral("demo"));
    if (!org || !*org)
        return 1;
    const QString orgId = (*org)->id;

    // Users: one shared password hash (hashing 20,000 passwords would only time argon2id).
    const QString hash = context.hasher().hash(QStringLiteral("lectern-demo"));
    QStringList studentIds;
    for (int i = 0; i < parser.value(users).toInt(); ++i) {
        User user;
        user.orgId = orgId;
        user.email = QStringLiteral("bench%1@demo.lectern").arg(i);
        user.name = QStringLiteral("Bench Student %1").arg(i);
        user.roles = {Role::Student};
        if (auto r = UserRepository::insert(tx, context.clock(), user, hash); !r) {
            out << "error: " << r.error().message << Qt::endl;
            return 1;
        }
        if (i < 100)
            studentIds.append(user.id);
    }
    const EntitySpec &courseSpec = Entities::course();
    const EntitySpec &moduleSpec = Entities::module();
    const EntitySpec &contentSpec = Entities::content();
    const EntitySpec &enrollmentSpec = Entities::enrollment();
    QString bigCourse;
    for (int i = 0; i < parser.value(courses).toInt(); ++i) {
        const QJsonObject fields = courseSpec.normalize(
            {{QStringLiteral("code"), QStringLiteral("C%1").arg(i, 4, 10, QLatin1Char('0'))},
             {QStringLiteral("title"),
              QStringLiteral("Course number %1 on topic %2").arg(i).arg(i % 37)},
             {QStringLiteral("description"),
              QStringLiteral("A benchmark course about subject %1.").arg(i)},
             {QStringLiteral("term"), QStringLiteral("2026-fall")},
             {QStringLiteral("status"), QStringLiteral("published")}},
            EntitySpec::Mode::Create);
        auto course = RecordStore::insert(tx, context.clock(), courseSpec, orgId,
                                          createUuidV7String(), fields);
        if (!course)
            return 1;
        if (i == 0)
            bigCourse = course->value(u"id").toString();
    }
    const QStringList moduleKeys = OrderKey::spread(parser.value(modules).toInt());
    const QStringList itemKeys = OrderKey::spread(parser.value(items).toInt());
    for (int m = 0; m < moduleKeys.size(); ++m) {
        auto module = RecordStore::insert(
            tx, context.clock(), moduleSpec, orgId, createUuidV7String(),
            moduleSpec.normalize({{QStringLiteral("courseId"), bigCourse},
                                  {QStringLiteral("orderKey"), moduleKeys[m]},
                                  {QStringLiteral("title"), QStringLiteral("Module %1").arg(m + 1)},
                                  {QStringLiteral("published"), true}},
                                 EntitySpec::Mode::Create));
        if (!module)
            return 1;
        for (int k = 0; k < itemKeys.size(); ++k) {
            auto item = RecordStore::insert(
                tx, context.clock(), contentSpec, orgId, createUuidV7String(),
                contentSpec.normalize({{QStringLiteral("moduleId"), module->value(u"id")},
                                       {QStringLiteral("courseId"), bigCourse},
                                       {QStringLiteral("orderKey"), itemKeys[k]},
                                       {QStringLiteral("type"), QStringLiteral("lesson")},
                                       {QStringLiteral("title"),
                                        QStringLiteral("Lesson %1.%2").arg(m + 1).arg(k + 1)},
                                       {QStringLiteral("body"),
                                        QStringLiteral("# Lesson\n\nSome text.\n").repeated(20)},
                                       {QStringLiteral("published"), true}},
                                      EntitySpec::Mode::Create));
            if (!item)
                return 1;
        }
    }
    // Enroll the first 100 bench students in the first 20 courses (a realistic "my courses" list).
    auto firstCourses
        = RecordStore::select(tx, courseSpec, RecordFilter(), QStringLiteral("code"), 20);
    if (!firstCourses)
        return 1;
    for (const QString &student : studentIds) {
        for (const Record &course : *firstCourses) {
            if (!RecordStore::insert(
                    tx, context.clock(), enrollmentSpec, orgId, createUuidV7String(),
                    enrollmentSpec.normalize({{QStringLiteral("courseId"), course.value(u"id")},
                                              {QStringLiteral("userId"), student}},
                                             EntitySpec::Mode::Create)))
                return 1;
        }
    }
    if (auto r = tx.commit(); !r) {
        out << "error: " << r.error().message << Qt::endl;
        return 1;
    }
    out << "seeded in " << timer.elapsed() << " ms" << Qt::endl;
    out << "bigCourse=" << bigCourse << Qt::endl;
    out << "student=bench0@demo.lectern" << Qt::endl;
    return 0;
}
