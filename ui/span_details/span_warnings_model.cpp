#include "span_details/span_warnings_model.h"

#include "analysis/trace_summary.h"
#include "logging.h"
#include "span_details/detail_roles.h"

namespace rootline::ui {

SpanWarningsModel::SpanWarningsModel(QObject* parent) : QAbstractListModel(parent) {}

void SpanWarningsModel::setSpan(const Trace& trace, uint32_t span) {
    beginResetModel();
    rows_.clear();
    for (const SpanWarning& w : trace.warningsOf(span))
        rows_.push_back({QString::fromStdString(warningText(trace, w)),
                         QString::fromLatin1(warningCodeName(w.code))});
    endResetModel();
    qCDebug(lcModel) << "span warnings:" << rows_.size();
}

void SpanWarningsModel::clear() {
    beginResetModel();
    rows_.clear();
    endResetModel();
}

void SpanWarningsModel::setWarningIcon(const QIcon& icon) {
    icon_ = icon;
    if (!rows_.empty()) emit dataChanged(index(0), index(rowCount() - 1), {Qt::DecorationRole});
}

int SpanWarningsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(rows_.size());
}

QVariant SpanWarningsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = rows_[size_t(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case DetailRoles::Value:  // copied as is: a warning has no key
            return row.text;
        case Qt::DecorationRole:
            return icon_.isNull() ? QVariant() : QVariant(icon_);
        case CodeRole:
            return row.code;
        default:
            return {};
    }
}

}  // namespace rootline::ui
