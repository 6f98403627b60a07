#pragma once
// Installs the app's translation for a locale (German ships; others fall back to English).

#include <QLocale>

class QCoreApplication;

namespace rootline::ui {

// Looks for :/i18n/rootline_<lang>.qm for each of `locale.uiLanguages()` — for the system
// locale that list honours LANGUAGE, then LC_ALL / LC_MESSAGES / LANG, like gettext — and
// installs the first found, plus Qt's own catalogue for the standard dialogs when the system
// has it. Returns whether an app translation was installed.
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());

}  // namespace rootline::ui
