#pragma once
// The warnings of one trace, as the summary lists them (trace-level first, then span warnings),
// and when the trace has more than are listed, a last row "… and N more" that is not a warning.

#include <QAbstractListModel>
#include <QIcon>
#include <vector>

#include "analysis/trace_summary.h"

namespace rootline::ui {

class WarningListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        CodeRole = Qt::UserRole + 1,  // QString: "duplicate_id", …, "trace"; empty on "more"
        SpanRole,                     // int: span index, -1 for trace-level warnings and "more"
        IsMoreRole,                   // bool: the "… and N more" row
    };

    explicit WarningListModel(QObject* parent = nullptr);

    // Resets the model onto `listed` out of `total` warnings (total >= listed.size()).
    void setWarnings(std::vector<WarningInfo> listed, size_t total);
    void clear() { setWarnings({}, 0); }
    // Drawn beside each warning; the view supplies it from its style, so the model needs no
    // widget.
    void setWarningIcon(const QIcon& icon);

    size_t listedCount() const { return listed_.size(); }
    size_t totalCount() const { return total_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    bool hasMoreRow() const { return total_ > listed_.size(); }
    QString text(const WarningInfo& w) const;

    std::vector<WarningInfo> listed_;
    size_t total_ = 0;
    QIcon icon_;
};

}  // namespace rootline::ui
