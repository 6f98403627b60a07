#pragma once
// The first window: open a trace file (menu, drag and drop, command line), load it in the
// background with progress and Cancel, and list its traces — or say clearly why not. Under the
// list, a details pane follows the current trace: its services, warnings and roots.
//
// Nothing the user had is lost: a failed or cancelled load leaves the shown traces in place and
// says what happened in a banner above them.

#include <QMainWindow>
#include <memory>

#include "load_outcome.h"

class QAction;
class QLabel;
class QModelIndex;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTreeView;

namespace rootline::ui {

class EmptyStateWidget;
class LoadJob;
class LoadProgressWidget;
class MessageBanner;
class TraceDetailsPane;
class TraceListModel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Starts loading `path` off the GUI thread and returns at once. A load already running is
    // cancelled and its result dropped: the newest request wins.
    void openFile(const QString& path);
    void cancelLoad();
    bool isLoading() const;

    QString shownFile() const { return shownPath_; }  // whose traces are listed; empty if none
    TraceListModel* traceModel() const { return model_; }
    TraceDetailsPane* detailsPane() const { return details_; }

signals:
    // Emitted once the window shows the outcome of a load: traces, an error or a cancellation.
    void loadSettled(const rootline::ui::LoadOutcome& outcome);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    QWidget* createCentralArea();
    void chooseFile();
    void showAbout();
    void onLoadStarted(const QString& path);
    void onProgress(double fraction);
    void onLoadFinished(const LoadOutcome& outcome);
    void showSnapshot(const LoadOutcome& outcome);
    void showFileWarnings(const TraceFile& file);
    void updateTitle();
    void updateSummary();
    void showCurrentTrace(const QModelIndex& proxyIndex);

    LoadJob* job_;
    TraceListModel* model_;
    QSortFilterProxyModel* proxy_;
    QTreeView* view_ = nullptr;
    TraceDetailsPane* details_ = nullptr;
    QSplitter* split_ = nullptr;  // the trace list above the details pane
    EmptyStateWidget* empty_ = nullptr;
    QStackedWidget* pages_ = nullptr;
    MessageBanner* outcomeBanner_ = nullptr;   // the last load's error or cancellation
    MessageBanner* warningsBanner_ = nullptr;  // file-level warnings of the shown file
    LoadProgressWidget* progress_ = nullptr;
    QLabel* summary_ = nullptr;
    QAction* cancelAction_ = nullptr;
    QString shownPath_;
};

}  // namespace rootline::ui
