#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <cstdio>
#include <lectern/client/apiclient.h>
#include <lectern/client/appcontroller.h>
#include <lectern/client/translationloader.h>

using namespace Lectern::Client;

int main(int argc, char *argv[])
{
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
        "main", "Lectern desktop: learn, author and grade, online or offline."));
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
    controller.start();
    return app.exec();
}
