#include "history/history_jobs.h"

#include <QCoreApplication>
#include <memory>

namespace rootline::ui {

namespace {

std::unique_ptr<store::InvestigationHistory> openHistory(const QString& path, QString& error,
                                                         QString* usedPath = nullptr) {
    const std::string file =
        path.isEmpty() ? store::InvestigationHistory::defaultPath() : path.toStdString();
    if (usedPath) *usedPath = QString::fromStdString(file);
    if (file.empty()) {
        error = QCoreApplication::translate(
            "rootline::ui::HistoryJobs",
            "No place for the history: neither $XDG_DATA_HOME nor $HOME is set");
        return nullptr;
    }
    std::string why;
    auto history = store::InvestigationHistory::open(file, why);
    if (!history) error = QString::fromStdString(why);
    return history;
}

}  // namespace

HistoryList listHistory(const QString& path) {
    HistoryList out;
    if (auto history = openHistory(path, out.error, &out.path)) out.rows = history->list();
    return out;
}

HistoryRecord readInvestigation(const QString& path, qint64 id) {
    HistoryRecord out;
    if (auto history = openHistory(path, out.error)) {
        out.record = history->get(id);
        if (!out.record)
            out.error = QCoreApplication::translate("rootline::ui::HistoryJobs",
                                                    "Investigation %1 is not in the history")
                            .arg(id);
        else
            out.resolutions = history->resolutionsOf(id);
    }
    return out;
}

HistoryWrite addResolutionNote(const QString& path, qint64 investigationId, const QString& note) {
    HistoryWrite out;
    if (auto history = openHistory(path, out.error)) {
        std::string error;
        out.recordId = history->addResolution(investigationId, note.toStdString(), error);
        if (!out.recordId) out.error = QString::fromStdString(error);
    }
    return out;
}

HistoryCheck verifyHistory(const QString& path) {
    HistoryCheck out;
    if (auto history = openHistory(path, out.error)) out.check = history->verify();
    return out;
}

}  // namespace rootline::ui
