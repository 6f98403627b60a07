#pragma once
// The Logs panel's filters over a LogLinesModel: a lowest level, one service, a text (in the
// message, service or span, case-insensitive) and "the selected span only". Rows keep the
// source's (time) order.

#include <QSortFilterProxyModel>
#include <cstdint>

#include "logs/log_line.h"

namespace rootline::ui {

class LogLinesModel;

class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject* parent = nullptr);

    void setLinesModel(LogLinesModel* model);
    // Lines at this level or worse; Unknown shows every line (those of no level too).
    void setMinimumLevel(logs::LogLevel level);
    void setService(const QString& service);  // empty: every service
    void setText(const QString& text);        // empty: no text filter
    // -1: every span; else only lines of this span (the "selected span only" box).
    void setSpan(int64_t span);
    logs::LogLevel minimumLevel() const { return level_; }
    int64_t span() const { return span_; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void refilter();

    LogLinesModel* lines_ = nullptr;
    logs::LogLevel level_ = logs::LogLevel::Unknown;
    QString service_;
    QString text_;
    int64_t span_ = -1;
};

}  // namespace rootline::ui
