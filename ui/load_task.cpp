#include "load_task.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include "formats/load.h"
#include "logging.h"

namespace rootline::ui {

namespace {

// The error banner shows one line; a stray newline in a producer's text must not break it.
QString oneLine(QString text) {
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

LoadResult loadPath(const QString& path, const JobControl& control) {
    // The core refuses devices and pipes by name (they would be read forever).
    return loadTraceFile(QFile::encodeName(path).toStdString(), control);
}

}  // namespace

std::shared_ptr<const LoadedFile> summarizeFile(std::shared_ptr<const TraceFile> file,
                                                const JobControl& control) {
    auto loaded = std::make_shared<LoadedFile>();
    loaded->summaries.reserve(file->traces.size());
    for (const std::shared_ptr<const Trace>& trace : file->traces) {
        control.checkpoint();
        loaded->summaries.push_back(summarizeTrace(*trace, kSummaryWarnings));
    }
    loaded->file = std::move(file);
    return loaded;
}

LoadOutcome runLoadTask(const QString& path, const JobControl& control) {
    QElapsedTimer timer;
    timer.start();
    LoadOutcome out;
    out.path = path;
    const std::string name = QFileInfo(path).fileName().toStdString();

    LoadResult result;
    if (control.cancelled()) {
        // Cancelled (or superseded) before a worker thread picked the request up.
        result.error = {"cancelled", std::nullopt, true};
    } else {
        result = loadPath(path, control);
    }
    if (result.ok()) {
        try {
            out.loaded = summarizeFile(std::move(result.file), control);
        } catch (const Cancelled&) {
            result.error = {"cancelled", std::nullopt, true};
        }
    }
    if (!out.ok()) {
        out.cancelled = result.error.cancelled;
        out.error = out.cancelled
                        ? QCoreApplication::translate("LoadTask", "Loading %1 was cancelled.")
                              .arg(QFileInfo(path).fileName())
                        : oneLine(QString::fromStdString(describeLoadError(name, result.error)));
    }
    out.elapsedNs = timer.nsecsElapsed();
    control.report(1.0);
    return out;
}

}  // namespace rootline::ui
