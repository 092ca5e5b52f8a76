#include "translationloader.h"

#include "logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QPointer>
#include <QTranslator>

namespace Lectern::Client {

namespace {

const QString resourceDir = QStringLiteral(":/i18n");
const QString prefix = QStringLiteral("lectern");

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

} // namespace

QString TranslationLoader::install(const QLocale &locale)
{
    // Numbers and dates follow the same locale as the words ("4,001 changes", "4 001
    // modifications"): tr()'s %Ln and QLocale() read the default.
    QLocale::setDefault(locale);
    for (const QPointer<QTranslator> &translator : std::exchange(installed(), {})) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }

    auto *app = new QTranslator(QCoreApplication::instance());
    if (!app->load(locale, prefix, QStringLiteral("_"), resourceDir)
        && !app->load(prefix + QStringLiteral("_en"), resourceDir)) {
        qCWarning(lcUi) << "no translations found under" << resourceDir;
        delete app;
        return {};
    }
    QCoreApplication::installTranslator(app);
    installed().append(app);

    // Qt's own strings (standard buttons, ...) when the system has them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        installed().append(qt);
    } else {
        delete qt;
    }

    const QString language = app->language().section(u'_', 0, 0).section(u'-', 0, 0);
    qCInfo(lcUi) << "translations:" << app->language() << "for" << locale.name();
    return language;
}

QStringList TranslationLoader::availableLanguages()
{
    QStringList languages;
    const QStringList files = QDir(resourceDir).entryList({prefix + QStringLiteral("_*.qm")});
    for (const QString &file : files)
        languages.append(file.mid(prefix.size() + 1).chopped(3));
    return languages;
}

} // namespace Lectern::Client
