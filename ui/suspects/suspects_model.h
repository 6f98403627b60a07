#pragma once
// The ranked suspects of one trace as a table: Rank | Span | Service | Score | Reasons.
//
// Rows are Ranking::suspects in rank order (row r is rank r + 1); a view sorts them through a
// proxy by SortRole, which gives each column a value that sorts right (ranks and scores as
// numbers, names without case). The reasons column joins the reasons' sentences; its tooltip
// lists each with the points it added. Suspects that stand for similar spans say "+N similar".
// At most a few dozen rows (RankOptions::maxSuspects), so a reset is all the change there is.

#include <QAbstractTableModel>
#include <cstdint>
#include <memory>

#include "analysis/suspect_ranking.h"
#include "model/trace.h"

namespace rootline::ui {

class SuspectsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, SpanColumn, ServiceColumn, ScoreColumn, ReasonsColumn, ColumnCount };
    enum Role {
        SortRole = Qt::UserRole + 1,
        SpanRole,  // quint32: the suspect's span index in the trace
        RankRole,  // quint32: 1-based
    };

    explicit SuspectsModel(QObject* parent = nullptr);

    // Shows `ranking` of `trace` (both kept alive); null ranking = no rows.
    void setRanking(std::shared_ptr<const Trace> trace, std::shared_ptr<const Ranking> ranking);
    void clear();
    const Ranking* ranking() const { return ranking_.get(); }

    // The row of the suspect that `span` is (or is folded into); -1 when it is none.
    int rowOfSpan(int32_t span) const;
    // The suspect's span of `row`.
    uint32_t spanAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString spanText(const Suspect& suspect) const;
    QString reasonsText(const Suspect& suspect) const;
    QString reasonsToolTip(const Suspect& suspect) const;

    std::shared_ptr<const Trace> trace_;
    std::shared_ptr<const Ranking> ranking_;
};

}  // namespace rootline::ui
