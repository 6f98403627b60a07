#pragma once
// Under the trace list: what a user checks first about the selected trace — its id, root,
// timing, size and errors on one line, then its services, its warnings (listed, not just
// counted) and, when it has several, its roots with the orphans marked.
//
// Everything but the warnings comes from the summary the load job already computed, so a
// selection shows at once. The summary keeps only a few warnings; a trace with more gets its
// first kListedWarnings from a worker thread, because re-summarizing a trace walks all of its
// spans (and a broken trace can have a root per span).

#include <QWidget>
#include <memory>

#include "load_outcome.h"

class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace rootline::ui {

class ElidedLabel;
class RootListModel;
class ServiceTableModel;
class WarningListModel;

class TraceDetailsPane : public QWidget {
    Q_OBJECT
public:
    // Warnings listed per trace; the rest are counted in a last row. A trace with 100k clock-skew
    // warnings needs the count and the first few, not a list nobody scrolls.
    static constexpr size_t kListedWarnings = 200;

    explicit TraceDetailsPane(QWidget* parent = nullptr);
    ~TraceDetailsPane() override;

    // Shows trace `index` of `file` (its position in file->file->traces). Keeps `file` alive
    // until another trace is shown or clear() is called.
    void showTrace(std::shared_ptr<const LoadedFile> file, int index);
    void clear();

    int traceIndex() const { return index_; }  // -1 when nothing is shown
    QString traceId() const;
    ServiceTableModel* servicesModel() const { return services_; }
    QSortFilterProxyModel* servicesProxy() const { return servicesProxy_; }
    WarningListModel* warningsModel() const { return warnings_; }
    RootListModel* rootsModel() const { return roots_; }

private:
    QWidget* createHeader();
    QWidget* createServices();
    QWidget* createWarnings();
    QWidget* createRoots();
    void showHeader(const TraceSummary& s);
    void showWarnings(const TraceSummary& s);
    void requestListedWarnings(std::shared_ptr<const Trace> trace);
    void updateWarningsPage();

    std::shared_ptr<const LoadedFile> file_;
    int index_ = -1;
    quint64 request_ = 0;  // the newest warnings request; older results are dropped

    ServiceTableModel* services_;
    QSortFilterProxyModel* servicesProxy_;
    WarningListModel* warnings_;
    RootListModel* roots_;

    QLabel* traceId_ = nullptr;
    ElidedLabel* root_ = nullptr;
    QLabel* start_ = nullptr;
    QLabel* duration_ = nullptr;
    QLabel* spans_ = nullptr;
    QLabel* depth_ = nullptr;
    QLabel* errors_ = nullptr;
    QLabel* servicesTitle_ = nullptr;
    QLabel* warningsTitle_ = nullptr;
    QLabel* rootsTitle_ = nullptr;
    QStackedWidget* warningsPages_ = nullptr;
    QTreeView* warningsView_ = nullptr;
    QLabel* noWarnings_ = nullptr;
    QWidget* rootsSection_ = nullptr;
};

}  // namespace rootline::ui
