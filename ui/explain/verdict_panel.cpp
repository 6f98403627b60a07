#include "explain/verdict_panel.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include "explain/background_call.h"
#include "explain/explain_runner.h"
#include "history/history_jobs.h"
#include "message_banner.h"

namespace rootline::ui {

namespace {

// The elapsed seconds tick once a second: a finer clock would only repaint more.
constexpr int kTickMs = 1000;
// Observations are indented under their span's link.
constexpr int kEvidenceIndent = 14;

QLabel* sectionTitle(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QLabel* wrapping(QWidget* parent, const QString& name) {
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString joinIds(const std::vector<std::string>& ids) {
    QStringList out;
    for (const std::string& id : ids)
        out << QString::fromStdString(id);
    return out.join(QStringLiteral(", "));
}

}  // namespace

VerdictPanel::VerdictPanel(QWidget* parent) : QWidget(parent), ticker_(new QTimer(this)) {
    setObjectName(QStringLiteral("verdictPanel"));
    ticker_->setInterval(kTickMs);
    // A coarse timer may fire a little early, and the label would say "0 s" for two seconds.
    ticker_->setTimerType(Qt::PreciseTimer);
    connect(ticker_, &QTimer::timeout, this, &VerdictPanel::tick);

    title_ = sectionTitle(tr("Explanation"), this);
    auto* close = new QToolButton(this);
    close->setObjectName(QStringLiteral("verdictClose"));
    close->setAutoRaise(true);
    close->setText(QStringLiteral("×"));
    close->setToolTip(tr("Hide the explanation"));
    connect(close, &QToolButton::clicked, this, &VerdictPanel::closeRequested);
    subject_ = new QLabel(this);
    subject_->setObjectName(QStringLiteral("verdictSubject"));
    subject_->setTextFormat(Qt::PlainText);
    subject_->setWordWrap(true);
    subject_->setForegroundRole(QPalette::PlaceholderText);

    progressRow_ = new QWidget(this);
    progress_ = new QLabel(progressRow_);
    progress_->setObjectName(QStringLiteral("verdictProgress"));
    progress_->setTextFormat(Qt::PlainText);
    auto* busy = new QProgressBar(progressRow_);
    busy->setRange(0, 0);  // no fraction to show: a model answers when it answers
    busy->setMaximumWidth(80);
    busy->setTextVisible(false);
    cancel_ = new QPushButton(tr("Cancel"), progressRow_);
    cancel_->setObjectName(QStringLiteral("verdictCancel"));
    connect(cancel_, &QPushButton::clicked, this, &VerdictPanel::cancelRequested);
    auto* progressLayout = new QHBoxLayout(progressRow_);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->addWidget(progress_, 1);
    progressLayout->addWidget(busy);
    progressLayout->addWidget(cancel_);
    progressRow_->hide();

    banner_ = new MessageBanner(this);
    banner_->setObjectName(QStringLiteral("verdictBanner"));
    hallucinations_ = new MessageBanner(this);
    hallucinations_->setObjectName(QStringLiteral("verdictHallucinations"));

    buildVerdictArea();

    auto* head = new QHBoxLayout;
    head->addWidget(title_, 1);
    head->addWidget(close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(head);
    layout->addWidget(subject_);
    layout->addWidget(progressRow_);
    layout->addWidget(banner_);
    layout->addWidget(hallucinations_);
    layout->addWidget(scroll_, 1);
    setSubject(QString());
}

void VerdictPanel::buildVerdictArea() {
    verdictArea_ = new QWidget;
    auto* v = new QVBoxLayout(verdictArea_);
    v->setContentsMargins(2, 2, 2, 2);

    v->addWidget(sectionTitle(tr("Root cause"), verdictArea_));
    rootsBox_ = new QVBoxLayout;
    rootsBox_->setSpacing(0);
    v->addLayout(rootsBox_);

    v->addWidget(sectionTitle(tr("Hypothesis"), verdictArea_));
    hypothesis_ = wrapping(verdictArea_, QStringLiteral("verdictHypothesis"));
    v->addWidget(hypothesis_);

    v->addWidget(sectionTitle(tr("Evidence"), verdictArea_));
    evidenceGrid_ = new QGridLayout;
    evidenceGrid_->setColumnStretch(1, 1);
    evidenceGrid_->setColumnMinimumWidth(0, kEvidenceIndent);
    evidenceGrid_->setVerticalSpacing(1);
    v->addLayout(evidenceGrid_);

    v->addWidget(sectionTitle(tr("Fixes"), verdictArea_));
    fixes_ = wrapping(verdictArea_, QStringLiteral("verdictFixes"));
    fixes_->setTextFormat(Qt::RichText);
    v->addWidget(fixes_);

    v->addWidget(sectionTitle(tr("Test that would prove the fix"), verdictArea_));
    test_ = wrapping(verdictArea_, QStringLiteral("verdictTest"));
    v->addWidget(test_);

    auto* confidenceRow = new QHBoxLayout;
    confidenceRow->addWidget(sectionTitle(tr("Confidence"), verdictArea_));
    confidence_ = new QProgressBar(verdictArea_);
    confidence_->setObjectName(QStringLiteral("verdictConfidence"));
    confidence_->setRange(0, 100);
    confidence_->setTextVisible(false);
    confidence_->setMaximumHeight(12);
    confidenceValue_ = new QLabel(verdictArea_);
    confidenceValue_->setObjectName(QStringLiteral("verdictConfidenceValue"));
    confidenceRow->addWidget(confidence_, 1);
    confidenceRow->addWidget(confidenceValue_);
    v->addLayout(confidenceRow);

    seenBefore_ = wrapping(verdictArea_, QStringLiteral("verdictSeenBefore"));
    v->addWidget(seenBefore_);

    auto* noteRow = new QHBoxLayout;
    note_ = new QLineEdit(verdictArea_);
    note_->setObjectName(QStringLiteral("verdictNote"));
    note_->setPlaceholderText(tr("Resolution note: what fixed it"));
    note_->setToolTip(
        tr("Saved in the investigation history; shown when the same error comes back"));
    saveNote_ = new QPushButton(tr("Save Note"), verdictArea_);
    saveNote_->setObjectName(QStringLiteral("verdictSaveNote"));
    connect(saveNote_, &QPushButton::clicked, this, &VerdictPanel::saveNote);
    connect(note_, &QLineEdit::returnPressed, this, &VerdictPanel::saveNote);
    connect(note_, &QLineEdit::textChanged, this, [this](const QString& text) {
        saveNote_->setEnabled(display_.recordId > 0 && !text.trimmed().isEmpty());
    });
    noteRow->addWidget(note_, 1);
    noteRow->addWidget(saveNote_);
    v->addLayout(noteRow);
    noteStatus_ = wrapping(verdictArea_, QStringLiteral("verdictNoteStatus"));
    v->addWidget(noteStatus_);

    footer_ = wrapping(verdictArea_, QStringLiteral("verdictFooter"));
    footer_->setForegroundRole(QPalette::PlaceholderText);
    v->addWidget(footer_);
    v->addStretch(1);

    scroll_ = new QScrollArea(this);
    scroll_->setObjectName(QStringLiteral("verdictScroll"));
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    scroll_->setWidget(verdictArea_);
    scroll_->hide();
}

void VerdictPanel::setSubject(const QString& spanLabel) {
    subject_->setText(spanLabel.isEmpty()
                          ? tr("About the failure of the whole trace")
                          : tr("About the failure around the selected span %1").arg(spanLabel));
}

QString VerdictPanel::subjectText() const {
    return subject_->text();
}

QString VerdictPanel::progressText() const {
    return progressRow_->isVisible() || running_ ? progress_->text() : QString();
}

QString VerdictPanel::messageText() const {
    return banner_->isHidden() ? QString() : banner_->text();
}

QString VerdictPanel::hallucinationText() const {
    return hallucinations_->isHidden() ? QString() : hallucinations_->text();
}

void VerdictPanel::setRunning(bool on) {
    running_ = on;
    progressRow_->setVisible(on);
    cancel_->setEnabled(on);
    if (on) {
        clock_.start();
        ticker_->start();
    } else {
        ticker_->stop();
    }
}

void VerdictPanel::showStarted() {
    banner_->hide();
    hallucinations_->hide();
    scroll_->hide();
    clearVerdict();
    asking_ = tr("Preparing the tracepack");
    setRunning(true);
    tick();
}

void VerdictPanel::showAsking(const QString& provider, const QString& model) {
    asking_ = tr("Asking %1 (%2)").arg(provider, model);
    tick();
}

void VerdictPanel::tick() {
    const qint64 seconds = clock_.isValid() ? clock_.elapsed() / 1000 : 0;
    progress_->setText(tr("%1… %2 s").arg(asking_).arg(seconds));
}

void VerdictPanel::showCancelled() {
    setRunning(false);
    showMessage(int(MessageBanner::Kind::Information),
                tr("Cancelled: the model was not asked to finish, and nothing was recorded."));
}

void VerdictPanel::showMessage(int kind, const QString& text) {
    banner_->showMessage(MessageBanner::Kind(kind), text);
}

void VerdictPanel::showRun(const ExplainRun& run) {
    if (run.cancelled) {
        showCancelled();
        return;
    }
    QStringList warnings;
    if (!run.settingsWarning.isEmpty())
        warnings << tr("Model settings: %1").arg(run.settingsWarning);
    if (!run.vaultWarning.isEmpty()) warnings << tr("Token vault: %1").arg(run.vaultWarning);
    showVerdict(run.display, warnings);
}

void VerdictPanel::showVerdict(const VerdictDisplay& display, const QStringList& warnings) {
    setRunning(false);
    display_ = display;
    clearVerdict();
    QStringList lines = warnings;
    if (!display_.historyWarning.isEmpty())
        lines << tr("Not recorded in the history: %1").arg(display_.historyWarning);
    if (!display_.ok) {
        // One line from the engine ("openai: the API key was refused (401)…"), then warnings.
        lines.prepend(display_.error);
        showMessage(int(MessageBanner::Kind::Error), lines.join(QLatin1Char('\n')));
        scroll_->hide();
        return;
    }
    if (!lines.isEmpty())
        showMessage(int(MessageBanner::Kind::Warning), lines.join(QLatin1Char('\n')));
    else
        banner_->hide();
    if (display_.hallucinations > 0)
        hallucinations_->showMessage(
            MessageBanner::Kind::Warning,
            tr("The model named %1 span ids not in this trace; they were removed: %2")
                .arg(display_.hallucinations)
                .arg(joinIds(display_.rejectedIds)));
    else
        hallucinations_->hide();
    fillVerdict();
    scroll_->show();
}

QPushButton* VerdictPanel::spanLink(const std::string& spanId, QWidget* parent) {
    const auto label = display_.labels.find(spanId);
    const QString id = QString::fromStdString(spanId);
    auto* link = new QPushButton(parent);
    link->setFlat(true);
    link->setCursor(Qt::PointingHandCursor);
    link->setStyleSheet(QStringLiteral(
        "QPushButton { text-align: left; border: none; padding: 1px; color: palette(link); "
        "text-decoration: underline; }"));
    link->setText(label == display_.labels.end() ? id : label->second);
    link->setToolTip(tr("Span %1: click to select it in the waterfall").arg(id));
    const auto span = display_.spans.find(spanId);
    if (span == display_.spans.end()) {
        // In the pack but not in the shown trace (a record whose trace is not open).
        link->setEnabled(false);
        link->setToolTip(tr("Span %1 is not in the shown trace").arg(id));
    } else {
        const quint32 index = span->second;
        connect(link, &QPushButton::clicked, this, [this, index] { emit spanActivated(index); });
    }
    return link;
}

void VerdictPanel::clearVerdict() {
    for (QPushButton* b : rootLinks_)
        delete b;
    rootLinks_.clear();
    for (QWidget* w : evidenceWidgets_)
        delete w;
    evidenceWidgets_.clear();
    evidenceLinks_.clear();
    noteStatus_->clear();
}

void VerdictPanel::fillVerdict() {
    const llm::Verdict& v = display_.verdict;
    for (const std::string& id : v.rootSpans) {
        QPushButton* link = spanLink(id, verdictArea_);
        link->setObjectName(QStringLiteral("verdictRootSpan"));
        rootsBox_->addWidget(link);
        rootLinks_ << link;
    }
    if (v.rootSpans.empty()) {
        auto* none = new QPushButton(tr("None confirmed"), verdictArea_);
        none->setFlat(true);
        none->setEnabled(false);
        rootsBox_->addWidget(none);
        evidenceWidgets_ << none;  // cleared with the evidence
    }
    hypothesis_->setText(QString::fromStdString(v.hypothesis));
    int row = 0;
    for (const llm::Evidence& e : v.evidence) {
        QPushButton* link = spanLink(e.spanId, verdictArea_);
        link->setObjectName(QStringLiteral("verdictEvidenceSpan"));
        QLabel* text = wrapping(verdictArea_, QStringLiteral("verdictObservation"));
        text->setText(QString::fromStdString(e.observation));
        // The span above its observation: the column is narrow beside the waterfall.
        evidenceGrid_->addWidget(link, row++, 0, 1, 2, Qt::AlignLeft);
        evidenceGrid_->addWidget(text, row, 1);
        evidenceLinks_ << link;
        evidenceWidgets_ << link << text;
        ++row;
    }
    QString fixes;
    for (const std::string& f : v.fixSuggestions)
        fixes += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(f).toHtmlEscaped());
    fixes_->setText(fixes.isEmpty()
                        ? tr("None suggested")
                        : QStringLiteral("<ol style=\"margin-left:-20px\">%1</ol>").arg(fixes));
    test_->setText(v.testSuggestion.empty() ? tr("None suggested")
                                            : QString::fromStdString(v.testSuggestion));
    confidence_->setValue(int(v.confidence * 100 + 0.5));
    confidenceValue_->setText(QLocale().toString(v.confidence, 'f', 2));

    QStringList seen;
    for (const store::PastFix& f : display_.pastFixes)
        seen << tr("%1 (trace %2): %3")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(f.resolvedUnixMs),
                                            QLocale::ShortFormat),
                         QString::fromStdString(f.traceId).left(16),
                         QString::fromStdString(f.note));
    seenBefore_->setVisible(!seen.isEmpty());
    seenBefore_->setText(tr("Seen before: %1").arg(seen.join(QStringLiteral("; "))));

    const QString calls =
        display_.modelCalls < 0 ? tr("not recorded") : QString::number(display_.modelCalls);
    QString footer = tr("%1 · %2 · tokens: %3 in, %4 out · %5 ms · model calls: %6")
                         .arg(display_.provider, display_.model)
                         .arg(display_.inputTokens)
                         .arg(display_.outputTokens)
                         .arg(display_.latencyMs)
                         .arg(calls);
    if (display_.fromHistory)
        footer +=
            QLatin1Char('\n') +
            tr("From the history (investigation %1, %2): no model was asked again")
                .arg(display_.recordId)
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(display_.createdUnixMs),
                                        QLocale::ShortFormat));
    footer_->setText(footer);

    note_->clear();
    note_->setEnabled(display_.recordId > 0);
    saveNote_->setEnabled(false);
    if (display_.recordId <= 0) note_->setPlaceholderText(tr("Not recorded: no note can be kept"));
}

void VerdictPanel::saveNote() {
    const QString note = note_->text().trimmed();
    if (display_.recordId <= 0 || note.isEmpty()) return;
    saveNote_->setEnabled(false);
    noteStatus_->setText(tr("Saving…"));
    const qint64 id = display_.recordId;
    const QString path = historyPath_;
    runInBackground(
        this, [path, id, note] { return addResolutionNote(path, id, note); },
        [this, id](const HistoryWrite& written) {
            if (id != display_.recordId) return;  // another verdict is shown by now
            if (written.recordId == 0) {
                noteStatus_->setText(tr("The note was not saved: %1").arg(written.error));
                saveNote_->setEnabled(true);
                return;
            }
            noteStatus_->setText(tr("Note saved in the history."));
            emit noteSaved(written.recordId);
        });
}

}  // namespace rootline::ui
