#pragma once
// View › Search Traces (Ctrl+Shift+F): find traces on a Jaeger or Tempo connection, as in
// Jaeger UI's search page and Grafana's Tempo search. A connection picker; for Jaeger the form
// (service, operation, tags in logfmt, lookback, min/max duration, limit), for Tempo a TraceQL
// editor that completes tag names and values; then a scatter of duration over time (errors in
// red) above a results table (root, start, duration, spans, errors). Clicking a point or
// double-clicking a row opens the trace.
//
// Every server call runs on a worker with a cancel flag: the window never waits, and Cancel (or
// a new search) stops the one running. Errors are one line above the results, which stay.

#include <QPointer>
#include <QWidget>
#include <atomic>
#include <memory>

#include "remote/connection.h"
#include "remote/trace_source.h"

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QStackedWidget;
class QStringListModel;
class QTableView;

namespace rootline::ui {

class MessageBanner;
class ResultsPlot;
class SearchResultsModel;

class SearchPanel : public QWidget {
    Q_OBJECT
public:
    explicit SearchPanel(QWidget* parent = nullptr);
    ~SearchPanel() override;

    // The connections to offer (trace sources only); keeps the current one when it is still there.
    void setConnections(const remote::ConnectionList& list);
    const remote::Connection* currentConnection() const;
    void selectConnection(const QString& name);

    void search();
    void cancel();
    bool isBusy() const { return static_cast<bool>(searchCancel_); }

    // For tests and the screenshot: the parts of the panel.
    QComboBox* connectionBox() const { return connectionBox_; }
    QComboBox* serviceBox() const { return service_; }
    QComboBox* operationBox() const { return operation_; }
    QLineEdit* tagsEdit() const { return tags_; }
    QLineEdit* minDurationEdit() const { return minDuration_; }
    QLineEdit* maxDurationEdit() const { return maxDuration_; }
    QLineEdit* traceQlEdit() const { return traceQl_; }
    QComboBox* lookbackBox() const { return lookback_; }
    QSpinBox* limitBox() const { return limit_; }
    QStackedWidget* forms() const { return forms_; }
    QPushButton* searchButton() const { return searchButton_; }
    QTableView* resultsView() const { return table_; }
    SearchResultsModel* resultsModel() const { return model_; }
    ResultsPlot* plot() const { return plot_; }
    MessageBanner* banner() const { return banner_; }
    QCompleter* traceQlCompleter() const { return completer_; }
    QLabel* statusLabel() const { return status_; }

    // The query the form says (time range from the lookback, ending now).
    remote::SearchQuery query() const;

signals:
    void openTraceRequested(const QString& connectionName, const QString& traceId);
    void manageConnectionsRequested();
    void searchFinished(bool ok);
    void completionsLoaded();  // services (Jaeger) or tag names (Tempo) arrived

private:
    QWidget* createJaegerForm();
    QWidget* createTempoForm();
    void onConnectionChanged();
    void loadOperations();
    void loadTagValues(const QString& tag);
    void updateCompletions();
    void insertCompletion(const QString& completion);
    void showError(const QString& text);
    void setBusy(bool busy);
    void openRow(const QModelIndex& index);
    // Runs `call` on a worker against the current connection's source and hands the result to
    // `done` on the GUI thread, unless the connection changed meanwhile.
    template <class Call, class Done>
    void ask(Call call, Done done, std::shared_ptr<std::atomic<bool>> cancel = nullptr);

    remote::ConnectionList connections_;
    QComboBox* connectionBox_;
    QStackedWidget* forms_;
    // Jaeger
    QComboBox* service_ = nullptr;
    QComboBox* operation_ = nullptr;
    QLineEdit* tags_ = nullptr;
    QLineEdit* minDuration_ = nullptr;
    QLineEdit* maxDuration_ = nullptr;
    // Tempo
    QLineEdit* traceQl_ = nullptr;
    QCompleter* completer_ = nullptr;
    QStringListModel* completions_ = nullptr;
    QStringList tagNames_;
    QMap<QString, QStringList> tagValues_;
    QSpinBox* spss_ = nullptr;
    // both
    QComboBox* lookback_;
    QSpinBox* limit_;
    QPushButton* searchButton_;
    QPushButton* cancelButton_;
    QLabel* status_;
    MessageBanner* banner_;
    ResultsPlot* plot_;
    SearchResultsModel* model_;
    QSortFilterProxyModel* proxy_;
    QTableView* table_;
    std::shared_ptr<std::atomic<bool>> searchCancel_;
    std::shared_ptr<std::atomic<bool>> listCancel_;  // services, operations, tags
    int generation_ = 0;                             // moves on when the connection changes
};

}  // namespace rootline::ui
