#pragma once
// `rootline [FILE] [--screenshot OUT.png]`

#include <QString>

class QCoreApplication;

namespace rootline::ui {

struct GuiOptions {
    QString file;        // to open at start, empty for none
    QString screenshot;  // when set: load, save a picture of the window there, exit
};

// Handles --help and --version (prints and exits) and usage errors (prints, exits with 2).
// Call after installTranslations() so the help text is translated.
GuiOptions parseGuiCommandLine(const QCoreApplication& app);

}  // namespace rootline::ui
