#pragma once
// What one background load hands to the GUI thread: an immutable snapshot, or why there is none.

#include <QMetaType>
#include <QString>
#include <memory>
#include <vector>

#include "analysis/trace_summary.h"
#include "model/trace.h"

namespace rootline::ui {

// The traces of one file with their summaries. The summaries are computed on the worker so the
// GUI thread never walks a million spans; nothing is mutated once the snapshot is published.
struct LoadedFile {
    std::shared_ptr<const TraceFile> file;
    std::vector<TraceSummary> summaries;  // one per file->traces entry, same order
};

struct LoadOutcome {
    QString path;                              // as requested
    std::shared_ptr<const LoadedFile> loaded;  // set on success
    QString error;           // one line naming the file and the place; empty on success
    bool cancelled = false;  // the user (or a newer request) stopped it
    qint64 elapsedNs = 0;    // wall time of the whole job, for the status bar and logs

    bool ok() const { return loaded != nullptr; }
};

}  // namespace rootline::ui

Q_DECLARE_METATYPE(rootline::ui::LoadOutcome)
