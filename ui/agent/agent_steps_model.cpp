#include "agent/agent_steps_model.h"

#include <QColor>
#include <QLocale>

#include "util/format.h"

namespace rootline::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString tokens(int64_t n) {
    return n < 0 ? QStringLiteral("–") : QLocale().toString(qlonglong(n));
}

QString kindName(GenAiKind kind) {
    switch (kind) {
        case GenAiKind::AgentInvocation:
            return AgentStepsModel::tr("agent");
        case GenAiKind::ModelCall:
            return AgentStepsModel::tr("model");
        case GenAiKind::ToolCall:
            return AgentStepsModel::tr("tool");
        case GenAiKind::Embeddings:
            return AgentStepsModel::tr("embeddings");
        case GenAiKind::Retrieval:
            return AgentStepsModel::tr("retrieval");
        default:
            return AgentStepsModel::tr("other");
    }
}

// Destructive without approval: the strongest tint; any other flag: orange.
QColor tintOf(const AgentStep& s) {
    if (s.flags.empty()) return {};
    if (s.hasFlag(AgentFlagCode::Destructive) && s.hasFlag(AgentFlagCode::WithoutApproval))
        return QColor(0xe0, 0x1b, 0x24, 90);
    if (s.hasFlag(AgentFlagCode::Destructive)) return QColor(0xe0, 0x1b, 0x24, 50);
    return QColor(0xff, 0x8c, 0x00, 70);
}

}  // namespace

AgentStepsModel::AgentStepsModel(QObject* parent) : QAbstractItemModel(parent) {}

void AgentStepsModel::setRun(std::shared_ptr<const AgentRun> run) {
    beginResetModel();
    run_ = std::move(run);
    children_.assign(1, {});
    rowOf_.clear();
    if (run_) {
        const size_t n = run_->steps.size();
        children_.resize(n + 1);
        rowOf_.resize(n, 0);
        for (size_t i = 0; i < n; ++i) {
            const int32_t p = run_->steps[i].parentStep;
            // A parent after its child (never expected) would make a cycle possible: top level.
            const size_t slot = (p >= 0 && size_t(p) < i) ? size_t(p) + 1 : 0;
            rowOf_[i] = int(children_[slot].size());
            children_[slot].push_back(i);
        }
    }
    endResetModel();
}

QModelIndex AgentStepsModel::indexOfStep(size_t step) const {
    if (!run_ || step >= run_->steps.size()) return {};
    return createIndex(rowOf_[step], 0, quintptr(step + 1));
}

int AgentStepsModel::stepAt(const QModelIndex& index) const {
    if (!index.isValid() || index.internalId() == 0) return -1;
    return int(index.internalId() - 1);
}

QModelIndex AgentStepsModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0) return {};
    const size_t slot = parent.isValid() ? size_t(stepAt(parent)) + 1 : 0;
    if (slot >= children_.size() || size_t(row) >= children_[slot].size()) return {};
    return createIndex(row, column, quintptr(children_[slot][size_t(row)] + 1));
}

QModelIndex AgentStepsModel::parent(const QModelIndex& child) const {
    const int step = stepAt(child);
    if (step < 0 || !run_) return {};
    const int32_t p = run_->steps[size_t(step)].parentStep;
    if (p < 0 || p >= step) return {};
    return indexOfStep(size_t(p));
}

int AgentStepsModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0) return 0;
    const size_t slot = parent.isValid() ? size_t(stepAt(parent)) + 1 : 0;
    return slot < children_.size() ? int(children_[slot].size()) : 0;
}

int AgentStepsModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString AgentStepsModel::money(double usd) {
    return QStringLiteral("$") + QLocale().toString(usd, 'f', usd < 0.01 ? 5 : 4);
}

QString AgentStepsModel::subjectOf(const AgentStep& s) {
    switch (s.kind) {
        case GenAiKind::ToolCall:
            return s.toolName.empty() ? qs(s.name) : qs(s.toolName);
        case GenAiKind::ModelCall:
        case GenAiKind::Embeddings:
            return s.model.empty() ? qs(s.name) : qs(s.model);
        case GenAiKind::AgentInvocation:
            return s.event < 0 ? (s.agent.empty() ? qs(s.name) : qs(s.agent)) : qs(s.name);
        default:
            return qs(s.name);
    }
}

QString AgentStepsModel::flagsOf(const AgentStep& s) {
    QStringList names;
    for (const AgentFlag& f : s.flags) {
        switch (f.code) {
            case AgentFlagCode::StateChanging:
                names << tr("state-changing");
                break;
            case AgentFlagCode::Destructive:
                names << tr("destructive");
                break;
            case AgentFlagCode::WithoutApproval:
                names << tr("without approval");
                break;
            case AgentFlagCode::PossibleInjection:
                names << tr("possible injection");
                break;
        }
    }
    return names.join(QStringLiteral(", "));
}

QString AgentStepsModel::decisionOf(const AgentStep& s) {
    const AgentDecision& d = s.decision;
    QStringList parts;
    if (!d.choice.empty()) parts << qs(redactForDisplay("", d.choice));
    if (!d.reasoning.empty()) parts << qs(redactForDisplay("", d.reasoning));
    if (!d.contextSource.empty()) parts << tr("context: %1").arg(qs(d.contextSource));
    if (!d.risk.empty()) parts << tr("risk: %1").arg(qs(d.risk));
    return parts.join(QStringLiteral(" · ")).simplified();
}

QVariant AgentStepsModel::data(const QModelIndex& index, int role) const {
    const int step = stepAt(index);
    if (step < 0 || !run_ || size_t(step) >= run_->steps.size()) return {};
    const AgentStep& s = run_->steps[size_t(step)];
    switch (role) {
        case StepIndexRole:
            return step;
        case SpanRole:
            return s.span;
        case Qt::BackgroundRole: {
            const QColor tint = tintOf(s);
            return tint.isValid() ? QVariant(tint) : QVariant();
        }
        case Qt::TextAlignmentRole:
            switch (index.column()) {
                case TokensIn:
                case TokensOut:
                case Cost:
                case Duration:
                    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
                default:
                    return {};
            }
        case Qt::ToolTipRole: {
            QStringList lines;
            lines << tr("Step %1: %2").arg(step + 1).arg(qs(s.name).toHtmlEscaped());
            if (!s.arguments.empty())
                lines << tr("Arguments: %1")
                             .arg(qs(redactForDisplay("gen_ai.tool.call.arguments", s.arguments))
                                      .toHtmlEscaped());
            if (s.failed && !s.errorMessage.empty())
                lines << tr("Error: %1")
                             .arg(qs(redactForDisplay("", s.errorMessage)).toHtmlEscaped());
            for (const AgentFlag& f : s.flags)
                lines << tr("Flag %1: %2")
                             .arg(QString::fromLatin1(agentFlagCodeName(f.code)),
                                  qs(redactForDisplay("", f.reason)).toHtmlEscaped());
            const QString decision = decisionOf(s);
            if (!decision.isEmpty()) lines << tr("Decision: %1").arg(decision.toHtmlEscaped());
            return QStringLiteral("<p style='white-space:pre-wrap'>") +
                   lines.join(QStringLiteral("<br>")) + QStringLiteral("</p>");
        }
        case Qt::ForegroundRole:
            if (index.column() == Status && s.failed) return QColor(0xc0, 0x1c, 0x28);
            return {};
        case Qt::DisplayRole:
            break;
        default:
            return {};
    }
    switch (index.column()) {
        case Step:
            return step + 1;
        case Agent:
            return s.agent.empty() ? tr("(no agent)") : qs(s.agent);
        case Kind:
            return kindName(s.kind);
        case Name:
            return subjectOf(s);
        case TokensIn:
            return tokens(s.inputTokens);
        case TokensOut:
            return tokens(s.outputTokens);
        case Cost:
            return s.costUsd ? money(*s.costUsd) : QStringLiteral("–");
        case Duration:
            return qs(formatDuration(s.durationNs));
        case Status:
            return s.failed ? tr("error") : tr("ok");
        case Flags:
            return flagsOf(s);
        case Decision:
            return decisionOf(s);
        default:
            return {};
    }
}

QVariant AgentStepsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Step:
            return tr("#");
        case Agent:
            return tr("Agent");
        case Kind:
            return tr("Kind");
        case Name:
            return tr("Model / tool");
        case TokensIn:
            return tr("In");
        case TokensOut:
            return tr("Out");
        case Cost:
            return tr("Cost");
        case Duration:
            return tr("Duration");
        case Status:
            return tr("Status");
        case Flags:
            return tr("Flags");
        case Decision:
            return tr("Decision");
        default:
            return {};
    }
}

}  // namespace rootline::ui
