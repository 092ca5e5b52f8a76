#include "commandline.h"

#include "app/server.h"
#include "core/logging.h"
#include "core/openfilelimit.h"
#include "storage/migrations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>
#include <csignal>
#include <lectern/questions/formats.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Lectern::Server {

namespace {
struct Messages
{
    Q_DECLARE_TR_FUNCTIONS(Lectern::Server::CommandLine)
};

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[0], &byte, 1);
}

// SIGINT/SIGTERM end the event loop (through a socket pair: a signal handler may do almost
// nothing).
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const auto read = ::read(signalPipe[1], &byte, 1);
        qCInfo(lcServer) << "stopping";
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

int failWith(const QString &message, int exitCode = 1)
{
    QTextStream(stderr) << "lectern-server: " << message << Qt::endl;
    return exitCode;
}
} // namespace

int runCommandLine(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Messages::tr(
        "Lectern server: the HTTP and WebSocket API of the Lectern learning platform.\n\n"
        "Commands:\n"
        "  serve                 run the server (the default)\n"
        "  migrate               bring the database schema up to date and exit\n"
        "  org add               add an organisation (--name, --slug)\n"
        "  user add              add a user (--email, --name, --role, --org, --password-stdin)\n"
        "  files sweep           remove stored bytes no file references any more, and exit\n"
        "  questions import --dry-run --format gift|aiken|moodlexml FILE\n"
        "                        read a question file and print what it holds as JSON, writing\n"
        "                        nothing (exit 0 when it has no errors, 1 otherwise)\n\n"
        "Settings come from, in increasing precedence: defaults, the --config file,\n"
        "LECTERN_* environment variables (e.g. LECTERN_DATABASE), and the command line."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        Messages::tr("serve | migrate | org add | user add | files sweep | "
                     "questions import"));

    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        Messages::tr("Folder for the database, secrets and files (default ./lectern-data)."),
        QStringLiteral("dir"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    Messages::tr("Configuration file (key = value lines)."),
                                    QStringLiteral("file"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        Messages::tr("Address and port to listen on (default 127.0.0.1:8080)."),
        QStringLiteral("host:port"));
    const QCommandLineOption database(
        QStringLiteral("database"),
        Messages::tr("sqlite:PATH (default sqlite:lectern.sqlite in the data folder) or "
                     "postgresql://user@host:port/db."),
        QStringLiteral("url"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        Messages::tr("Create the demo organisation and accounts (public passwords!)."));
    const QCommandLineOption demoCourses(
        QStringLiteral("demo-courses"),
        Messages::tr("With --demo: also create a few demo courses, with content and enrollments."));
    const QCommandLineOption name(QStringLiteral("name"),
                                  Messages::tr("Name of the organisation or user to add."),
                                  QStringLiteral("name"));
    const QCommandLineOption slug(
        QStringLiteral("slug"),
        Messages::tr("Short name of the organisation to add (lower-case, digits, hyphens)."),
        QStringLiteral("slug"));
    const QCommandLineOption email(QStringLiteral("email"),
                                   Messages::tr("Email address of the user to add."),
                                   QStringLiteral("email"));
    const QCommandLineOption role(
        QStringLiteral("role"),
        Messages::tr(
            "Role(s) of the user to add: admin, instructor, ta, student (comma-separated)."),
        QStringLiteral("role"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 Messages::tr("Slug of the user's organisation."),
                                 QStringLiteral("slug"));
    const QCommandLineOption passwordStdin(
        QStringLiteral("password-stdin"),
        Messages::tr("Read the new user's password from the first line of standard input."));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"),
        Messages::tr(
            "questions import: read and check the file, print it as JSON, write nothing."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    Messages::tr("questions import: gift, aiken or moodlexml."),
                                    QStringLiteral("format"));
    const QCommandLineOption course(
        QStringLiteral("course"),
        Messages::tr("questions import: the code of the course whose bank receives them."),
        QStringLiteral("code"));
    parser.addOptions({dataDir, config, listen, database, demo, demoCourses, name, slug, email,
                       role, org, passwordStdin, dryRun, format, course});
    parser.process(app);

    const QStringList command = parser.positionalArguments();
    const QString verb = command.value(0, QStringLiteral("serve"));
    const QString subVerb = command.value(1);

    // Needs no database: outside tools run it to check their files.
    if (verb == u"questions" && subVerb == u"import") {
        const auto chosen = Questions::formatFromName(parser.value(format));
        if (!chosen || command.size() != 3)
            return failWith(Messages::tr("questions import needs --format gift, aiken or "
                                         "moodlexml and one FILE."),
                            2);
        if (!parser.isSet(dryRun))
            return failWith(Messages::tr("Importing into a course's bank (--course) comes with the "
                                         "question bank; --dry-run checks a file now."),
                            2);
        Questions::ParseResult result;
        QFile file(command.at(2));
        if (file.open(QIODevice::ReadOnly))
            result = Questions::read(*chosen, file.readAll());
        else
            result.errors.append(
                {0,
                 Messages::tr("Cannot read %1: %2")
                     .arg(QDir::toNativeSeparators(file.fileName()), file.errorString())});
        QTextStream(stdout)
            << QJsonDocument(Questions::toJson(result)).toJson(QJsonDocument::Compact) << Qt::endl;
        return result.errors.isEmpty() ? 0 : 1;
    }

    QHash<QString, QString> cli;
    if (parser.isSet(dataDir))
        cli.insert(QStringLiteral("data-dir"), parser.value(dataDir));
    if (parser.isSet(listen))
        cli.insert(QStringLiteral("listen"), parser.value(listen));
    if (parser.isSet(database))
        cli.insert(QStringLiteral("database"), parser.value(database));
    if (parser.isSet(demo))
        cli.insert(QStringLiteral("demo"), QStringLiteral("true"));
    if (parser.isSet(demoCourses))
        cli.insert(QStringLiteral("demo-courses"), QStringLiteral("true"));

    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QHash<QString, QString> file;
    const QString configPath
        = parser.isSet(config) ? parser.value(config) : env.value(QStringLiteral("LECTERN_CONFIG"));
    if (!configPath.isEmpty()) {
        auto values = ServerConfig::readFile(configPath);
        if (!values)
            return failWith(values.error().message);
        file = *values;
    }
    auto settings = ServerConfig::fromLayers(file, ServerConfig::fromEnvironment(env), cli);
    if (!settings)
        return failWith(settings.error().message);
    Log::install(settings->logFormat == u"json" ? Log::Format::Json : Log::Format::Text);

    if (verb == u"migrate") {
        settings->demo = false;
        auto server = Server::create(*settings); // applies migrations
        if (!server)
            return failWith(server.error().message);
        QTextStream(stdout) << Messages::tr("The database is at schema version %1.")
                                   .arg(Migrations::latestVersion())
                            << Qt::endl;
        return 0;
    }
    if (verb == u"org" && subVerb == u"add") {
        if (!parser.isSet(name) || !parser.isSet(slug))
            return failWith(Messages::tr("org add needs --name and --slug."));
        settings->demo = false;
        auto server = Server::create(*settings);
        if (!server)
            return failWith(server.error().message);
        auto created = (*server)->organizations().create(parser.value(name), parser.value(slug));
        if (!created)
            return failWith(created.error().message);
        QTextStream(stdout) << Messages::tr("Added organisation %1 (%2), id %3.")
                                   .arg(created->name, created->slug, created->id)
                            << Qt::endl;
        return 0;
    }
    if (verb == u"user" && subVerb == u"add") {
        if (!parser.isSet(email) || !parser.isSet(name) || !parser.isSet(role)
            || !parser.isSet(org))
            return failWith(Messages::tr("user add needs --email, --name, --role and --org."));
        QList<Role> roles;
        for (const QString &roleName : parser.value(role).split(u',', Qt::SkipEmptyParts)) {
            auto parsed = roleFromString(roleName.trimmed());
            if (!parsed)
                return failWith(Messages::tr("'%1' is not a role (admin, instructor, ta, student).")
                                    .arg(roleName));
            roles.append(*parsed);
        }
        QString password;
        if (parser.isSet(passwordStdin)) {
            QTextStream in(stdin);
            password = in.readLine();
            if (password.isEmpty())
                return failWith(Messages::tr("No password on standard input."));
        }
        settings->demo = false;
        auto server = Server::create(*settings);
        if (!server)
            return failWith(server.error().message);
        auto created = (*server)->users().createInOrganization(
            parser.value(org), parser.value(email), parser.value(name), roles, password);
        if (!created) {
            QString message = created.error().message;
            const QJsonObject fields = created.error().details.value(u"fields").toObject();
            for (auto it = fields.begin(); it != fields.end(); ++it)
                message += u"\n  " + it.key() + u": " + it.value().toString();
            return failWith(message);
        }
        QTextStream(stdout) << Messages::tr("Added %1 <%2> (%3), id %4.")
                                   .arg(created->name, created->email,
                                        rolesToStrings(created->roles).join(u", "), created->id)
                            << Qt::endl;
        if (password.isEmpty())
            QTextStream(stdout) << Messages::tr(
                "No password was set: this account cannot log in until one is.")
                                << Qt::endl;
        return 0;
    }
    if (verb == u"files" && subVerb == u"sweep") {
        settings->demo = false;
        auto server = Server::create(*settings);
        if (!server)
            return failWith(server.error().message);
        // By hand an operator means now: only uploads of the last minute are spared.
        auto swept = (*server)->files().sweepBlobs(std::chrono::minutes(1));
        if (!swept)
            return failWith(swept.error().message);
        QTextStream(stdout) << Messages::tr("Removed %n unreferenced file(s), %1 bytes.", nullptr,
                                            swept->removed)
                                   .arg(swept->bytes)
                            << Qt::endl;
        return 0;
    }
    if (verb != u"serve")
        return failWith(Messages::tr("Unknown command '%1'. Try --help.").arg(command.join(u' ')));

    // Each connection is an open file: before the listener sizes its cap from the limit.
    OpenFileLimit::raise();
    auto server = Server::create(*settings);
    if (!server)
        return failWith(server.error().message);
    auto port = (*server)->listen();
    if (!port)
        return failWith(port.error().message);
    qCInfo(lcServer).noquote() << "listening on" << (*server)->url().toString();
    QTextStream(stdout)
        << Messages::tr("Lectern server listening on %1").arg((*server)->url().toString())
        << Qt::endl;
    quitOnSignals(app);
    return app.exec();
}

} // namespace Lectern::Server
