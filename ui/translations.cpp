#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include "logging.h"

namespace rootline::ui {

bool installTranslations(QCoreApplication& app, const QLocale& locale) {
    qCDebug(lcI18n) << "UI languages" << locale.uiLanguages();
    // Parented to the app: a translator must outlive every tr() call.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt);
    } else {
        delete qt;  // Debian ships Qt's catalogues separately (qt6-translations-l10n)
    }

    auto* own = new QTranslator(&app);
    if (!own->load(locale, QStringLiteral("rootline"), QStringLiteral("_"),
                   QStringLiteral(":/i18n"))) {
        qCDebug(lcI18n) << "no translation for" << locale.uiLanguages() << "- using English";
        delete own;
        return false;
    }
    app.installTranslator(own);
    qCDebug(lcI18n) << "installed" << own->filePath();
    return true;
}

}  // namespace rootline::ui
