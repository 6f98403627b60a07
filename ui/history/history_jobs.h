#pragma once
// The investigation history's operations as plain blocking functions, for worker threads: each
// opens its own connection (store::InvestigationHistory is one-thread-at-a-time) and answers
// with a one-line error instead of throwing. `path` empty: InvestigationHistory::defaultPath(),
// which honours $ROOTLINE_HISTORY_DB.

#include <QString>
#include <optional>
#include <vector>

#include "store/investigation_history.h"

namespace rootline::ui {

struct HistoryList {
    std::vector<store::InvestigationSummary> rows;
    QString path;   // the file that was read
    QString error;  // why the history could not be opened
};
HistoryList listHistory(const QString& path);

struct HistoryRecord {
    std::optional<store::Investigation> record;
    std::vector<store::Resolution> resolutions;
    QString error;
};
HistoryRecord readInvestigation(const QString& path, qint64 id);

struct HistoryWrite {
    qint64 recordId = 0;  // 0 on failure
    QString error;
};
HistoryWrite addResolutionNote(const QString& path, qint64 investigationId, const QString& note);

struct HistoryCheck {
    store::ChainCheck check;
    QString error;  // the history could not be opened (check is then meaningless)
};
HistoryCheck verifyHistory(const QString& path);

}  // namespace rootline::ui
