#include "agent/agent_panel.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "agent/agent_steps_model.h"
#include "explain/background_call.h"
#include "util/format.h"

namespace rootline::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString esc(const std::string& s) {
    return QString::fromStdString(s).toHtmlEscaped();
}

QString totalsLine(const AgentTotals& t, const QString& label) {
    QString line = AgentPanel::tr(
                       "<b>%1</b>: %2 model call(s), %3 tool call(s), %4 failed; "
                       "tokens %5 in / %6 out; cost ~%7")
                       .arg(label.toHtmlEscaped())
                       .arg(t.modelCalls)
                       .arg(t.toolCalls)
                       .arg(t.failedSteps)
                       .arg(t.inputTokens)
                       .arg(t.outputTokens)
                       .arg(AgentStepsModel::money(t.costUsd));
    if (t.unpricedCalls) line += AgentPanel::tr(" + %1 unpriced call(s)").arg(t.unpricedCalls);
    if (t.durationNs > 0) line += QStringLiteral("; ") + qs(formatDuration(t.durationNs));
    return line;
}

}  // namespace

AgentPanel::AgentPanel(QWidget* parent)
    : QWidget(parent),
      model_(new AgentStepsModel(this)),
      whatHappened_(new QLabel(this)),
      steps_(new QTreeView(this)),
      totals_(new QLabel(this)),
      details_(new QTextBrowser(this)),
      showMessages_(new QCheckBox(tr("Show messages"), this)),
      messages_(new QTextBrowser(this)),
      editPrices_(new QPushButton(tr("Edit Prices…"), this)) {
    setObjectName(QStringLiteral("agentPanel"));
    whatHappened_->setObjectName(QStringLiteral("agentWhatHappened"));
    steps_->setObjectName(QStringLiteral("agentSteps"));
    totals_->setObjectName(QStringLiteral("agentTotals"));
    details_->setObjectName(QStringLiteral("agentStepDetails"));
    showMessages_->setObjectName(QStringLiteral("agentShowMessages"));
    messages_->setObjectName(QStringLiteral("agentMessages"));
    editPrices_->setObjectName(QStringLiteral("agentEditPrices"));

    whatHappened_->setTextFormat(Qt::RichText);
    whatHappened_->setWordWrap(true);
    whatHappened_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    whatHappened_->setFrameShape(QFrame::StyledPanel);
    whatHappened_->setMargin(4);
    whatHappened_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    steps_->setModel(model_);
    steps_->setUniformRowHeights(true);
    steps_->setAlternatingRowColors(false);
    steps_->setSelectionBehavior(QAbstractItemView::SelectRows);
    steps_->header()->setStretchLastSection(true);
    steps_->setIndentation(12);

    totals_->setTextFormat(Qt::RichText);
    totals_->setWordWrap(true);
    totals_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    details_->setOpenLinks(false);
    messages_->setOpenLinks(false);
    messages_->hide();  // off until asked for
    showMessages_->setToolTip(tr("Load the selected step's prompts and completions (redacted)"));
    editPrices_->setToolTip(tr("Model prices in USD per million tokens, kept in %1")
                                .arg(QDir::toNativeSeparators(qs(PriceTable::userFilePath()))));

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(2);
    rightLayout->addWidget(details_, 2);
    auto* messagesRow = new QHBoxLayout;
    messagesRow->addWidget(showMessages_);
    messagesRow->addStretch(1);
    messagesRow->addWidget(editPrices_);
    rightLayout->addLayout(messagesRow);
    rightLayout->addWidget(messages_, 2);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(2);
    leftLayout->addWidget(steps_, 1);
    leftLayout->addWidget(totals_);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(4);
    layout->addWidget(whatHappened_);
    layout->addWidget(split, 1);

    connect(steps_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                const int step = model_->stepAt(current);
                showStep(step);
                if (step >= 0 && !syncing_ && run_)
                    emit spanSelected(run_->steps[size_t(step)].span);
            });
    connect(showMessages_, &QCheckBox::toggled, this, [this](bool on) {
        messages_->setVisible(on);
        updateMessages();
    });
    connect(editPrices_, &QPushButton::clicked, this, &AgentPanel::editPrices);
}

void AgentPanel::setRun(std::shared_ptr<const Trace> trace, std::shared_ptr<const AgentRun> run,
                        std::shared_ptr<const PriceTable> prices) {
    trace_ = std::move(trace);
    run_ = std::move(run);
    prices_ = std::move(prices);
    model_->setRun(run_);
    steps_->expandAll();
    for (int c : {AgentStepsModel::Step, AgentStepsModel::Kind, AgentStepsModel::TokensIn,
                  AgentStepsModel::TokensOut, AgentStepsModel::Cost, AgentStepsModel::Duration,
                  AgentStepsModel::Status})
        steps_->resizeColumnToContents(c);
    // A run of one agent names it in every row: the column goes, the status and flags show.
    steps_->setColumnHidden(AgentStepsModel::Agent, !run_ || run_->perAgent.size() <= 1);
    steps_->resizeColumnToContents(AgentStepsModel::Agent);
    steps_->setColumnWidth(AgentStepsModel::Agent,
                           std::min(steps_->columnWidth(AgentStepsModel::Agent), 120));
    steps_->setColumnWidth(AgentStepsModel::Name, 150);
    steps_->setColumnWidth(AgentStepsModel::Flags, 150);
    current_ = -1;
    showStep(-1);
    if (!run_) {
        whatHappened_->clear();
        totals_->clear();
        return;
    }

    // What happened: the summary's head line, then each state change tinted like its step.
    QString html = QStringLiteral("<b>") + tr("What happened") + QStringLiteral("</b>");
    const WhatHappened& wh = run_->whatHappened;
    for (size_t i = 0; i < wh.lines.size(); ++i) {
        const size_t change = i - 1;  // lines[1 + c] is changes[c] (the first ten)
        QString line = esc(wh.lines[i]);
        if (i > 0 && change < wh.changes.size() && change < 10) {
            const StateChange& c = wh.changes[change];
            const char* color = c.destructive && c.withoutApproval ? "#c01c28"
                                : (c.destructive || c.withoutApproval || c.possibleInjection)
                                    ? "#c15f00"
                                    : "";
            if (*color)
                line =
                    QStringLiteral("<span style='color:%1'>■</span> ").arg(QLatin1String(color)) +
                    line;
        }
        html += (i == 0 ? QStringLiteral("<br>") : QStringLiteral("<br>&nbsp;&nbsp;")) + line;
    }
    whatHappened_->setText(html);

    QStringList totals;
    // One agent's totals are the run's: one line then.
    for (const AgentTotals& a : run_->perAgent)
        if (run_->perAgent.size() > 1)
            totals << totalsLine(a, a.agent.empty() ? tr("(no agent)") : qs(a.agent));
    totals << totalsLine(run_->total, tr("run"));
    QString note = tr("Costs are estimates from list prices (%1).")
                       .arg(QString::fromLatin1(PriceTable::kPricesAsOf));
    if (!run_->unpricedModels.empty()) {
        QStringList models;
        for (const std::string& m : run_->unpricedModels)
            models << esc(m);
        note += QLatin1Char(' ') + tr("No price for: %1.").arg(models.join(QStringLiteral(", ")));
    }
    totals << QStringLiteral("<i>") + note + QStringLiteral("</i>");
    totals_->setText(totals.join(QStringLiteral("<br>")));

    // The first state-changing step is what the user came for; without one, the run's start.
    if (!run_->steps.empty()) {
        syncing_ = true;
        steps_->setCurrentIndex(
            model_->indexOfStep(wh.changes.empty() ? 0 : wh.changes.front().step));
        syncing_ = false;
    }
}

void AgentPanel::setCurrentSpan(int32_t span) {
    if (!run_ || span < 0) return;
    if (current_ >= 0 && run_->steps[size_t(current_)].span == uint32_t(span)) return;
    for (size_t i = 0; i < run_->steps.size(); ++i)
        if (run_->steps[i].span == uint32_t(span)) {
            syncing_ = true;
            steps_->setCurrentIndex(model_->indexOfStep(i));
            steps_->scrollTo(steps_->currentIndex());
            syncing_ = false;
            return;
        }
}

void AgentPanel::showStep(int step) {
    current_ = step;
    if (!run_ || step < 0 || size_t(step) >= run_->steps.size()) {
        details_->setHtml(QStringLiteral("<i>") +
                          tr("Select a step to see its decision, "
                             "arguments and result.") +
                          QStringLiteral("</i>"));
        updateMessages();
        return;
    }
    const AgentStep& s = run_->steps[size_t(step)];
    QString html =
        QStringLiteral("<b>") +
        tr("Step %1: %2").arg(step + 1).arg(AgentStepsModel::subjectOf(s).toHtmlEscaped()) +
        QStringLiteral("</b>");
    auto row = [&html](const QString& label, const QString& value) {
        if (value.isEmpty()) return;
        html += QStringLiteral("<br><b>%1</b> %2").arg(label.toHtmlEscaped(), value);
    };
    row(tr("Agent:"), s.agent.empty() ? tr("(no agent)") : esc(s.agent));
    row(tr("Status:"),
        s.failed ? QStringLiteral("<span style='color:#c01c28'>%1</span>").arg(tr("error"))
                 : tr("ok"));
    if (s.failed) row(tr("Error:"), esc(redactForDisplay("", s.errorMessage)));
    for (const AgentFlag& f : s.flags)
        row(tr("Flag:"), QStringLiteral("<span style='color:%1'>%2</span> — %3")
                             .arg(f.code == AgentFlagCode::Destructive ? "#c01c28" : "#c15f00",
                                  QString::fromLatin1(agentFlagCodeName(f.code)),
                                  esc(redactForDisplay("", f.reason))));
    const AgentDecision& d = s.decision;
    row(tr("Decision:"), esc(redactForDisplay("", d.choice)));
    row(tr("Reasoning:"), esc(redactForDisplay("", d.reasoning)));
    row(tr("Context source:"), esc(d.contextSource));
    row(tr("Risk:"), esc(d.risk));
    for (const StateChange& c : run_->whatHappened.changes)
        if (c.step == size_t(step)) {
            // Why it happened: the decision that led to it, wherever it was recorded.
            row(tr("Why:"), c.decision.empty()
                                ? esc(c.decisionSource)
                                : tr("%1 (%2)").arg(esc(redactForDisplay("", c.decision)),
                                                    esc(c.decisionSource)));
            QStringList touched;
            for (const TouchedResource& r : c.touched)
                touched << tr("%1 %2").arg(esc(r.kind), esc(redactForDisplay("", r.name)));
            row(tr("Touched:"), touched.join(QStringLiteral(", ")));
        }
    if (!s.model.empty()) row(tr("Model:"), esc(s.model));
    if (!s.toolCallId.empty()) row(tr("Tool call:"), esc(s.toolCallId));
    if (!s.arguments.empty())
        row(tr("Arguments:"),
            QStringLiteral("<tt>%1</tt>")
                .arg(esc(redactForDisplay("gen_ai.tool.call.arguments", s.arguments))));
    if (!s.result.empty())
        row(tr("Result:"), QStringLiteral("<tt>%1</tt>")
                               .arg(esc(redactForDisplay("gen_ai.tool.call.result", s.result))));
    if (!s.hasMessages) row(tr("Messages:"), tr("none recorded"));
    details_->setHtml(html);
    updateMessages();
}

void AgentPanel::updateMessages() {
    if (!showMessages_->isChecked()) {
        messages_->clear();
        return;
    }
    if (!run_ || !trace_ || current_ < 0) {
        messages_->setPlainText(tr("Select a step."));
        return;
    }
    const AgentStep& s = run_->steps[size_t(current_)];
    // One step's messages: a few attributes and events of one span, read on demand.
    const std::vector<AgentMessage> list = messagesOf(*trace_, s);
    if (list.empty()) {
        messages_->setPlainText(tr("No messages recorded for this step."));
        return;
    }
    QString html;
    for (const AgentMessage& m : list)
        html += QStringLiteral("<p><b>%1</b>: %2</p>")
                    .arg(esc(m.role), esc(redactForDisplay("", m.content))
                                          .replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    messages_->setHtml(html);
}

void AgentPanel::editPrices() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("agentPricesDialog"));
    dialog.setWindowTitle(tr("Model Prices"));
    auto* table = new QTableWidget(0, 3, &dialog);
    table->setObjectName(QStringLiteral("agentPricesTable"));
    table->setHorizontalHeaderLabels(
        {tr("Model (pattern)"), tr("Input $/M tokens"), tr("Output $/M tokens")});
    table->horizontalHeader()->setStretchLastSection(true);
    auto addRow = [table](const QString& model, double in, double out) {
        const int r = table->rowCount();
        table->insertRow(r);
        table->setItem(r, 0, new QTableWidgetItem(model));
        // Numbers as numbers: the table then edits them with a spin box, so text that is not a
        // price cannot be typed.
        for (const auto& [column, value] : {std::pair{1, in}, std::pair{2, out}}) {
            auto* item = new QTableWidgetItem;
            item->setData(Qt::EditRole, value);
            table->setItem(r, column, item);
        }
    };
    if (prices_)
        for (const ModelPrice& p : prices_->entries())
            if (p.userDefined) addRow(qs(p.pattern), p.inputPerMillion, p.outputPerMillion);
    if (run_)
        for (const std::string& m : run_->unpricedModels)
            addRow(qs(m), 0, 0);
    auto* add = new QPushButton(tr("Add Row"), &dialog);
    connect(add, &QPushButton::clicked, table, [addRow] { addRow(QString(), 0, 0); });
    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Your prices override the built-in estimates (%1). "
                                    "A model matches by prefix or '*' glob.")
                                     .arg(QString::fromLatin1(PriceTable::kPricesAsOf)),
                                 &dialog));
    layout->addWidget(table);
    auto* row = new QHBoxLayout;
    row->addWidget(add);
    row->addStretch(1);
    row->addWidget(buttons);
    layout->addLayout(row);
    dialog.resize(520, 320);
    if (dialog.exec() != QDialog::Accepted) return;
    PriceTable edited;
    for (int r = 0; r < table->rowCount(); ++r) {
        const QString model = table->item(r, 0) ? table->item(r, 0)->text().trimmed() : QString();
        if (model.isEmpty()) continue;
        auto price = [&](int column) {
            const QTableWidgetItem* item = table->item(r, column);
            return item ? std::max(0.0, item->data(Qt::EditRole).toDouble()) : 0.0;
        };
        const double in = price(1), out = price(2);
        edited.setPrice(model.toStdString(), in, out);
    }
    const QByteArray json = QByteArray::fromStdString(edited.userOverridesJson());
    const QString path = qs(PriceTable::userFilePath());
    runInBackground(
        this,
        [json, path] {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QSaveFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(json) == json.size() && f.commit();
        },
        [this](bool ok) {
            if (ok) emit pricesChanged();
        });
}

}  // namespace rootline::ui
