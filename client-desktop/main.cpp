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

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Lectern"));
    QApplication::setOrganizationName(QStringLiteral("Lectern"));
    QApplication::setOrganizationDomain(QStringLiteral("lectern.org"));
    QApplication::setApplicationVersion(QStringLiteral(LECTERN_VERSION));
    QApplication::setApplicationDisplayName(QStringLiteral("Lectern"));
    // The name of resources/lectern-desktop.desktop: Wayland and the task bars match windows to it.
    QApplication::setDesktopFileName(QStringLiteral("lectern-desktop"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/lectern.svg")));
    TranslationLoader::install(QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lectern desktop: author courses and learn, online or offline."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QCoreApplication::translate("main",
                                    "Lectern server to connect to (default: the last one used)."),
        QStringLiteral("url"));
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("main",
                                    "Folder for settings, tokens and offline data (portable use)."),
        QStringLiteral("dir"));
    parser.addOption(serverOption);
    parser.addOption(dataDirOption);
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
