#pragma once
// The Agent tab under the waterfall, for traces of AI agents: "What happened" at the top (the
// actions that changed state, the decision behind each and what it touched), the run's steps as
// a tree with tokens, cost, status and flags, the run's and each agent's totals, and the
// selected step's details (decision, redacted arguments and result) with its messages behind a
// "Show messages" toggle, off by default. A click on a step selects its span in the waterfall.

#include <QWidget>
#include <memory>

#include "agent/agent_run.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeView;

namespace rootline::ui {

class AgentStepsModel;

class AgentPanel : public QWidget {
    Q_OBJECT
public:
    explicit AgentPanel(QWidget* parent = nullptr);

    // The run of `trace`, computed on a worker (analyzeAgentRun); null clears the panel.
    // `prices`: the table the run was priced with (built-in and the user's file).
    void setRun(std::shared_ptr<const Trace> trace, std::shared_ptr<const AgentRun> run,
                std::shared_ptr<const PriceTable> prices = nullptr);
    const AgentRun* run() const { return run_.get(); }

    AgentStepsModel* model() const { return model_; }
    QTreeView* stepsView() const { return steps_; }
    QLabel* whatHappened() const { return whatHappened_; }
    QLabel* totals() const { return totals_; }
    QTextBrowser* details() const { return details_; }
    QCheckBox* showMessages() const { return showMessages_; }
    QTextBrowser* messages() const { return messages_; }
    QPushButton* editPricesButton() const { return editPrices_; }

    // Selects the first step of `span` without emitting spanSelected (the waterfall moved).
    void setCurrentSpan(int32_t span);

signals:
    void spanSelected(quint32 span);
    // The user saved new prices: the tab computes the run again.
    void pricesChanged();

private:
    void showStep(int step);
    void updateMessages();
    void editPrices();

    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const AgentRun> run_;
    std::shared_ptr<const PriceTable> prices_;
    AgentStepsModel* model_;
    QLabel* whatHappened_;
    QTreeView* steps_;
    QLabel* totals_;
    QTextBrowser* details_;
    QCheckBox* showMessages_;
    QTextBrowser* messages_;
    QPushButton* editPrices_;
    int current_ = -1;
    bool syncing_ = false;
};

}  // namespace rootline::ui
