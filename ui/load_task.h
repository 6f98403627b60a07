#pragma once
// The body of a background load, free of threads and signals so tests can call it directly.

#include <QString>
#include <memory>

#include "load_outcome.h"
#include "util/job_control.h"

namespace rootline::ui {

// Warnings kept per trace summary: enough for a tooltip; the count is always exact.
inline constexpr size_t kSummaryWarnings = 8;

// Reads `path` with the core loader and summarizes its traces. Runs on a worker thread; polls
// `control` so a cancel takes effect within milliseconds once the file is in memory.
LoadOutcome runLoadTask(const QString& path, const JobControl& control);

// Summaries for an already loaded file (throws Cancelled when `control` says so).
std::shared_ptr<const LoadedFile> summarizeFile(std::shared_ptr<const TraceFile> file,
                                                const JobControl& control = {});

}  // namespace rootline::ui
