#include "signals/log_filter_model.h"

#include "signals/log_lines_model.h"

namespace rootline::ui {

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setLinesModel(LogLinesModel* model) {
    lines_ = model;
    setSourceModel(model);
}

void LogFilterModel::refilter() {
    // Qt 6.9's begin/endFilterChange would be finer; invalidateFilter works on every 6.x.
    invalidateFilter();
}

void LogFilterModel::setMinimumLevel(logs::LogLevel level) {
    if (level == level_) return;
    level_ = level;
    refilter();
}

void LogFilterModel::setService(const QString& service) {
    if (service == service_) return;
    service_ = service;
    refilter();
}

void LogFilterModel::setText(const QString& text) {
    if (text == text_) return;
    text_ = text;
    refilter();
}

void LogFilterModel::setSpan(int64_t span) {
    if (span == span_) return;
    span_ = span;
    refilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!lines_ || sourceParent.isValid()) return false;
    const logs::LogLine& line = lines_->lineAt(sourceRow);
    if (level_ != logs::LogLevel::Unknown && line.level < level_) return false;
    if (span_ >= 0 && line.span != span_) return false;
    if (!service_.isEmpty() && QString::fromStdString(line.service) != service_) return false;
    if (text_.isEmpty()) return true;
    return QString::fromStdString(line.body).contains(text_, Qt::CaseInsensitive) ||
           QString::fromStdString(line.service).contains(text_, Qt::CaseInsensitive) ||
           lines_->spanText(line).contains(text_, Qt::CaseInsensitive);
}

}  // namespace rootline::ui
