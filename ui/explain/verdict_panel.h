#pragma once
// The Verdict panel of a trace tab: what "Explain this error" found. While the model is asked it
// shows who is asked, the seconds spent and a Cancel button; then the root spans (links: a click
// selects the span in the waterfall, like a click in the Suspects panel), the hypothesis, the
// evidence (each with its span as a link), fixes, the test that would prove a fix, the
// confidence and what the run cost. Span ids the model invented were removed by the engine; the
// panel says so in a warning. A resolution note is saved to the history for this
// investigation, off the GUI thread; past fixes of the same error are listed as "Seen before".
// Errors are one line in a banner; the panel (and the window) keep working.

#include <QElapsedTimer>
#include <QList>
#include <QWidget>

#include "explain/verdict_display.h"

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTimer;
class QVBoxLayout;
class QGridLayout;

namespace rootline::ui {

class MessageBanner;
struct ExplainRun;

class VerdictPanel : public QWidget {
    Q_OBJECT
public:
    explicit VerdictPanel(QWidget* parent = nullptr);

    // "About the failure around <span>"; empty: the whole trace.
    void setSubject(const QString& spanLabel);
    // A run started: "Preparing…", the clock starts, Cancel is offered.
    void showStarted();
    // The settings are read: "Asking <provider> (<model>)… N s".
    void showAsking(const QString& provider, const QString& model);
    void showCancelled();
    void showRun(const ExplainRun& run);
    // A verdict from the history (no model call), or a fresh one.
    void showVerdict(const VerdictDisplay& display, const QStringList& warnings = {});
    // Where notes are saved; empty: the user's history.
    void setHistoryPath(const QString& path) { historyPath_ = path; }

    bool isRunning() const { return running_; }
    const VerdictDisplay& display() const { return display_; }
    // For tests and the screenshot.
    QString subjectText() const;
    QString progressText() const;
    QString messageText() const;  // the banner: an error, the cancellation, a warning
    QString hallucinationText() const;
    QList<QPushButton*> rootSpanLinks() const { return rootLinks_; }
    QList<QPushButton*> evidenceLinks() const { return evidenceLinks_; }
    QLabel* hypothesisLabel() const { return hypothesis_; }
    QLabel* footerLabel() const { return footer_; }
    QLabel* seenBeforeLabel() const { return seenBefore_; }
    QProgressBar* confidenceBar() const { return confidence_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLineEdit* noteEdit() const { return note_; }
    QPushButton* saveNoteButton() const { return saveNote_; }
    QLabel* noteStatusLabel() const { return noteStatus_; }

signals:
    void cancelRequested();
    // A span link was clicked: the tab selects the span and scrolls to it.
    void spanActivated(quint32 span);
    void noteSaved(qint64 recordId);
    void closeRequested();

private:
    void buildVerdictArea();
    void clearVerdict();
    void fillVerdict();
    QPushButton* spanLink(const std::string& spanId, QWidget* parent);
    void tick();
    void setRunning(bool on);
    void saveNote();
    void showMessage(int kind, const QString& text);

    VerdictDisplay display_;
    QString historyPath_;
    QString asking_;  // "Asking offline (rootline-offline)"
    bool running_ = false;
    QElapsedTimer clock_;
    QTimer* ticker_;

    QLabel* title_;
    QLabel* subject_;
    QWidget* progressRow_;
    QLabel* progress_;
    QPushButton* cancel_;
    MessageBanner* banner_;
    MessageBanner* hallucinations_;
    QScrollArea* scroll_;
    QWidget* verdictArea_;
    QVBoxLayout* rootsBox_;
    QLabel* hypothesis_;
    QGridLayout* evidenceGrid_;
    QLabel* fixes_;
    QLabel* test_;
    QProgressBar* confidence_;
    QLabel* confidenceValue_;
    QLabel* seenBefore_;
    QLabel* footer_;
    QLineEdit* note_;
    QPushButton* saveNote_;
    QLabel* noteStatus_;
    QList<QPushButton*> rootLinks_;
    QList<QPushButton*> evidenceLinks_;
    QList<QWidget*> evidenceWidgets_;
};

}  // namespace rootline::ui
