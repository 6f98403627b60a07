#pragma once
// The steps of an agent's run (core/agent/agent_run.h) as a tree: agent invocations hold the
// steps they ran, so a delegation to a sub-agent shows as a nested invocation. Flagged tool
// calls are tinted (destructive without approval red, other flags orange) and name their flags'
// reasons in a tooltip; arguments are shown redacted (redactForDisplay), never raw.

#include <QAbstractItemModel>
#include <memory>
#include <vector>

#include "agent/agent_run.h"

namespace rootline::ui {

class AgentStepsModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        Step,
        Agent,
        Kind,
        Name,
        TokensIn,
        TokensOut,
        Cost,
        Duration,
        Status,
        Flags,
        Decision,
        ColumnCount
    };
    enum Role { StepIndexRole = Qt::UserRole + 1, SpanRole };

    explicit AgentStepsModel(QObject* parent = nullptr);

    void setRun(std::shared_ptr<const AgentRun> run);
    const AgentRun* run() const { return run_.get(); }

    // The index (column 0) of step `step`, invalid when out of range.
    QModelIndex indexOfStep(size_t step) const;
    // -1 for an invalid index.
    int stepAt(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Shared with the panel's details: the step's subject, its flags, its decision in one line.
    static QString subjectOf(const AgentStep& step);
    static QString flagsOf(const AgentStep& step);
    static QString decisionOf(const AgentStep& step);
    static QString money(double usd);

private:
    std::shared_ptr<const AgentRun> run_;
    std::vector<std::vector<size_t>> children_;  // [0]: top steps; [i + 1]: children of step i
    std::vector<int> rowOf_;                     // row of each step under its parent
};

}  // namespace rootline::ui
