#include "command_line.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <cstdio>

namespace rootline::ui {

namespace {

[[noreturn]] void usageError(const QCommandLineParser& parser, const QString& message) {
    std::fprintf(stderr, "%s: %s\n\n%s", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message), qPrintable(parser.helpText()));
    std::exit(2);
}

}  // namespace

GuiOptions parseGuiCommandLine(const QCoreApplication& app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Rootline: investigate distributed traces."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QCoreApplication::translate(
            "CommandLine", "Trace file to open (Jaeger JSON, OTLP JSON, Tempo or Zipkin JSON)."),
        QStringLiteral("[FILE]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate(
            "CommandLine", "Load FILE, save a picture of the window as a PNG file, and exit."),
        QStringLiteral("OUT.png"));
    parser.addOption(screenshot);
    parser.process(app);

    GuiOptions options;
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1)
        usageError(parser, QCoreApplication::translate("CommandLine",
                                                       "only one FILE can be opened at a time"));
    if (!files.isEmpty()) options.file = files.front();
    options.screenshot = parser.value(screenshot);
    return options;
}

}  // namespace rootline::ui
