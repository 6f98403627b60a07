#pragma once
// File › Export Tracepack…: the failure of the shown trace as a small, redacted JSON file to
// share or hand to a model (core/tracepack/tracepack_builder.h).
//
// The dialog shows the exact bytes it will save, their size against the cap, what was left out
// and which values were redacted; the cap, IP detection and a rules file can be changed, and
// every change builds the pack again on a worker thread (the GUI never waits; the newest
// options win). Save… writes the bytes, then adds the pack's tokens to the local token vault;
// Copy puts the bytes on the clipboard. Errors (a bad rules file, a pack that cannot fit, a
// failed write) are said in the dialog, in one line, and the dialog keeps working.

#include <QDialog>
#include <memory>
#include <vector>

#include "analysis/suspect_ranking.h"
#include "logs/log_line.h"
#include "metrics/metric_snapshot.h"
#include "model/trace.h"
#include "tracepack/token_vault.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTimer;

namespace rootline::ui {

struct TracepackBuild;
class TracepackExportRunner;

class TracepackExportDialog : public QDialog {
    Q_OBJECT
public:
    struct Input {
        std::shared_ptr<const Trace> trace;
        // The trace window's ranking; null while it is not computed (the worker ranks then,
        // or takes a pack's own ranking).
        std::shared_ptr<const Ranking> ranking;
        QString source;  // "checkout.json (Jaeger JSON)"
        // Where the token vault is; empty for TokenVault::defaultPath(). Tests use a folder of
        // their own.
        QString vaultPath;
        // The Logs tab's Loki and log-file lines, tied to the trace, and the Metrics tab's
        // charts: the pack carries them (null: none).
        std::shared_ptr<const std::vector<logs::LogLine>> extraLogs;
        std::shared_ptr<const metrics::MetricSnapshot> metrics;
    };

    explicit TracepackExportDialog(Input input, QWidget* parent = nullptr);
    ~TracepackExportDialog() override;

    // The bytes shown, as they will be saved (empty while building, or when the pack failed).
    QByteArray packBytes() const;
    bool isBuilding() const;
    // The last build's error (too big for the cap), or empty.
    QString packError() const;
    QString rulesError() const;
    QString vaultPath() const { return vaultPath_; }
    // `<trace id prefix>.tracepack.json`
    QString defaultFileName() const;

    // Writes the shown bytes to `path`, then merges the pack's tokens into the token vault
    // (Copy keeps them too).
    // False (and the reason shown in the dialog) when either fails.
    bool saveTo(const QString& path);
    void copyToClipboard();

    // The controls, for tests.
    QSpinBox* capBox() const { return cap_; }
    QCheckBox* detectIpBox() const { return detectIp_; }
    QLineEdit* rulesEdit() const { return rulesPath_; }
    QPlainTextEdit* preview() const { return preview_; }
    QTableWidget* redactionTable() const { return redactions_; }
    QListWidget* leftOutList() const { return leftOut_; }
    QLabel* sizeLabel() const { return size_; }
    QLabel* statusLabel() const { return status_; }
    QProgressBar* sizeBar() const { return sizeBar_; }

signals:
    // A build is in and shown (or its error is).
    void packShown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void scheduleBuild();
    void startBuild();
    void onBuilt(std::shared_ptr<const TracepackBuild> build);
    void showSize();
    void showLeftOut();
    void showRedactions();
    void showStatus(const QString& text, bool error);
    void updateButtons();
    void chooseRulesFile();
    void chooseSaveFile();
    void rememberOptions();
    // Merges the shown pack's tokens into the token vault on disk; the error, or empty.
    QString keepTokens();

    Input input_;
    QString vaultPath_;
    QString requestedRules_;  // the rules file of the newest build
    std::shared_ptr<const TokenVault> vault_;
    std::shared_ptr<const TracepackBuild> build_;
    TracepackExportRunner* runner_;
    QTimer* debounce_;

    QPlainTextEdit* preview_;
    QLabel* size_;
    QProgressBar* sizeBar_;
    QListWidget* leftOut_;
    QTableWidget* redactions_;
    QLabel* tokens_;
    QSpinBox* cap_;
    QCheckBox* detectIp_;
    QLineEdit* rulesPath_;
    QPushButton* browse_;
    QLabel* rulesError_;
    QLabel* status_;
    QPushButton* save_;
    QPushButton* copy_;
};

}  // namespace rootline::ui
