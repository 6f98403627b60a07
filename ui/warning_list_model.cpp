#include "warning_list_model.h"

#include <QFont>
#include <QLocale>
#include <algorithm>

namespace rootline::ui {

WarningListModel::WarningListModel(QObject* parent) : QAbstractListModel(parent) {}

void WarningListModel::setWarnings(std::vector<WarningInfo> listed, size_t total) {
    beginResetModel();
    listed_ = std::move(listed);
    total_ = std::max(total, listed_.size());
    endResetModel();
}

void WarningListModel::setWarningIcon(const QIcon& icon) {
    icon_ = icon;
    if (!listed_.empty())
        emit dataChanged(index(0), index(int(listed_.size()) - 1), {Qt::DecorationRole});
}

int WarningListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid()) return 0;
    return int(listed_.size()) + (hasMoreRow() ? 1 : 0);
}

QString WarningListModel::text(const WarningInfo& w) const {
    if (w.span < 0) return QString::fromStdString(w.text);
    return tr("span %1: %2").arg(QString::fromStdString(w.spanId), QString::fromStdString(w.text));
}

QVariant WarningListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const size_t row = size_t(index.row());
    if (row >= listed_.size()) {
        // The "… and N more" row: the count is exact even when the list is capped.
        switch (role) {
            case Qt::DisplayRole:
                return tr("… and %1 more").arg(QLocale().toString(qulonglong(total_ - row)));
            case Qt::ToolTipRole:
                return tr("Only the first %1 warnings of this trace are listed")
                    .arg(QLocale().toString(qulonglong(listed_.size())));
            case Qt::FontRole: {
                QFont font;
                font.setItalic(true);
                return font;
            }
            case SpanRole:
                return -1;
            case IsMoreRole:
                return true;
            case CodeRole:
                return QString();
            default:
                return {};
        }
    }
    const WarningInfo& w = listed_[row];
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:  // long texts are cut by the view; the tooltip has them whole
            return text(w);
        case Qt::DecorationRole:
            return icon_.isNull() ? QVariant() : QVariant(icon_);
        case CodeRole:
            return QString::fromStdString(w.code);
        case SpanRole:
            return int(w.span);
        case IsMoreRole:
            return false;
        default:
            return {};
    }
}

Qt::ItemFlags WarningListModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    // The "more" row is a note, not an item to select or copy.
    if (size_t(index.row()) >= listed_.size()) return Qt::ItemIsEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

}  // namespace rootline::ui
