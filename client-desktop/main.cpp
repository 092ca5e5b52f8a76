#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QIcon>
#include <QTimer>
#include <cstdio>
#include <lectern/client/apiclient.h>
#include <lectern/client/appcontroller.h>
#include <lectern/client/mainwindow.h>
#include <lectern/client/translationloader.h>

using namespace Lectern::Client;

namespace {

// For bench/client_start.sh: prints "ready <ms>" once the main window has been painted for the
// first time (its workspaces filled from the offline store), and quits when asked to.
class ReadyProbe : public QObject
{
public:
    ReadyProbe(const QElapsedTimer &clock, bool quit)
        : m_clock(clock)
        , m_quit(quit)
    { }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            watched->removeEventFilter(this);
            // After the rest of this paint pass (the children) is done.
            QTimer::singleShot(0, this, [this] {
                std::printf("ready %lld\n", static_cast<long long>(m_clock.elapsed()));
                std::fflush(stdout);
                if (m_quit)
                    QCoreApplication::quit();
            });
        }
        return false;
    }

private:
    const QElapsedTimer &m_clock;
    bool m_quit;
    bool m_done = false;
};

// The program's command line (the same whether or not a window can open).
struct CommandLine
{
    QCommandLineParser parser;
    QCommandLineOption server {
        QStringLiteral("server"),
        QCoreApplication::translate("main",
                                    "Lectern server to connect to (default: the last one used)."),
        QStringLiteral("url")};
    QCommandLineOption dataDir {
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main",
                                    "Folder for settings, tokens and offline data (portable use)."),
        QStringLiteral("dir")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "main", "Lectern desktop: author courses and learn, online or offline."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(server);
        parser.addOption(dataDir);
    }
};

void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Lectern"));
    QCoreApplication::setOrganizationName(QStringLiteral("Lectern"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("lectern.org"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LECTERN_VERSION));
}

// --help and --version answer without a window, so they work over SSH too (a QApplication
// without a display aborts).
bool onlyAsks(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "-?" || arg == "--help" || arg == "--help-all" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyAsks(argc, argv)) {
        QCoreApplication core(argc, argv);
        describeApplication();
        TranslationLoader::install(QLocale::system());
        CommandLine commandLine;
        commandLine.parser.process(core); // prints and exits
        return 0;
    }
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    describeApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Lectern"));
    // The name of resources/lectern-desktop.desktop: Wayland and the task bars match windows to it.
    QApplication::setDesktopFileName(QStringLiteral("lectern-desktop"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lectern.svg")));
    TranslationLoader::install(QLocale::system());

    CommandLine commandLine;
    QCommandLineParser &parser = commandLine.parser;
    const QCommandLineOption &serverOption = commandLine.server;
    const QCommandLineOption &dataDirOption = commandLine.dataDir;
    parser.process(app);

    AppOptions options;
    if (parser.isSet(serverOption)) {
        options.serverUrl = ApiClient::serverUrlFromUserInput(parser.value(serverOption));
        if (!options.serverUrl.isValid()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("main", "Not a server address: %1")
                                        .arg(parser.value(serverOption))));
            return 2;
        }
    }
    options.dataDir = parser.value(dataDirOption);
    if (qEnvironmentVariable("LECTERN_TOKEN_STORE") == u"file")
        options.tokenStoreMode = TokenStore::Mode::FileOnly;

    AppController controller(options);
    QObject::connect(&controller, &AppController::quitRequested, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    std::unique_ptr<ReadyProbe> probe;
    if (qEnvironmentVariableIsSet("LECTERN_REPORT_READY")) {
        probe = std::make_unique<ReadyProbe>(
            clock, qEnvironmentVariableIntValue("LECTERN_REPORT_READY") == 2);
        controller.mainWindow()->installEventFilter(probe.get());
    }
    controller.start();
    return app.exec();
}
