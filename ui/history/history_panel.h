#pragma once
// Investigate › History: every "Explain this error" run kept in the local history, newest first.
// Opened lazily: the database is read (on a worker) the first time the panel shows, and again
// after each new investigation. A double-click reopens a past verdict (no model call). "Verify
// Audit Chain" checks the tamper-evident chain and says what it found. When the history cannot
// be opened the panel says why; explaining still works without it.

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace rootline::ui {

class HistoryModel;

class HistoryPanel : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    // Empty: store::InvestigationHistory::defaultPath().
    void setHistoryPath(const QString& path) { path_ = path; }
    // Reads the list again (when the panel was shown once; otherwise at its first show).
    void refresh();
    bool isLoading() const { return loading_; }
    bool isVerifying() const { return verifying_; }

    HistoryModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    QLabel* statusLabel() const { return status_; }
    QLabel* chainLabel() const { return chain_; }
    QPushButton* verifyButton() const { return verify_; }

signals:
    // Double-click or Enter on a row.
    void investigationActivated(qint64 id);
    void loaded();
    void verified();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void load();
    void verifyChain();

    QString path_;
    bool shownOnce_ = false;
    bool loading_ = false;
    bool verifying_ = false;
    quint64 generation_ = 0;  // of the newest load: an older list is dropped
    HistoryModel* model_;
    QTableView* view_;
    QLabel* status_;
    QLabel* chain_;
    QPushButton* verify_;
};

}  // namespace rootline::ui
