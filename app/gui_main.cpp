// rootline [FILE] [--screenshot OUT.png]: the GUI. Everything but wiring lives in rootline_ui.

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>
#include <chrono>

#include "command_line.h"
#include "main_window.h"
#include "screenshot_runner.h"
#include "translations.h"

namespace {

Q_LOGGING_CATEGORY(lcApp, "rootline.app", QtInfoMsg)

// A load that has not settled by then is stuck; CI should fail rather than hang.
constexpr std::chrono::seconds kScreenshotTimeout{60};

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rootline"));
    QApplication::setApplicationDisplayName(QStringLiteral("Rootline"));
    QApplication::setApplicationVersion(QStringLiteral(ROOTLINE_VERSION));
    QApplication::setOrganizationName(QStringLiteral("Rootline"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rootline.svg")));

    // Before parsing, so --help comes out in the user's language.
    rootline::ui::installTranslations(app);
    const rootline::ui::GuiOptions options = rootline::ui::parseGuiCommandLine(app);

    rootline::ui::MainWindow window;
    if (!options.screenshot.isEmpty()) {
        qCDebug(lcApp) << "screenshot mode" << options.file << "->" << options.screenshot;
        auto* runner = new rootline::ui::ScreenshotRunner(&window, options.screenshot,
                                                          kScreenshotTimeout, &app);
        QObject::connect(runner, &rootline::ui::ScreenshotRunner::finished, &app,
                         &QCoreApplication::exit, Qt::QueuedConnection);
        runner->start(options.file);
        return app.exec();
    }
    window.restoreSettings();  // not for screenshots, which want a known size
    window.show();
    window.openFile(options.file);
    return app.exec();
}
