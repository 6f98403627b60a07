#include "trace_view/service_legend_model.h"

#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLocale>
#include <algorithm>

#include "logging.h"
#include "service_colors.h"

namespace rootline::ui {

namespace {

QString spansText(quint32 n) {
    return n == 1 ? ServiceLegendModel::tr("1 span")
                  : ServiceLegendModel::tr("%1 spans").arg(QLocale().toString(n));
}

QString errorsText(quint32 n) {
    return n == 1 ? ServiceLegendModel::tr("1 error")
                  : ServiceLegendModel::tr("%1 errors").arg(QLocale().toString(n));
}

}  // namespace

ServiceLegendModel::ServiceLegendModel(QObject* parent) : QAbstractListModel(parent) {}

void ServiceLegendModel::setTrace(std::shared_ptr<const Trace> trace) {
    if (trace == trace_) return;
    const bool wasFiltered = !allVisible();
    beginResetModel();
    trace_ = std::move(trace);
    const size_t services = trace_ ? trace_->services.size() : 0;
    spans_.assign(services, 0);
    errors_.assign(services, 0);
    visible_.assign(services, 1);
    if (trace_) {
        QElapsedTimer timer;
        timer.start();
        const Trace& t = *trace_;
        for (size_t i = 0, n = t.spanCount(); i < n; ++i) {
            const uint32_t s = t.service[i];
            if (s >= services) continue;  // never in a built trace; a bad index must not crash
            ++spans_[s];
            errors_[s] += t.isError(i) ? 1 : 0;
        }
        qCDebug(lcModel) << "service legend:" << services << "services," << t.spanCount()
                         << "spans counted in" << timer.nsecsElapsed() / 1000 << "µs";
    }
    endResetModel();
    // Whoever filtered by the old trace's services must learn that the filter is gone.
    if (wasFiltered) emit visibleServicesChanged();
}

int ServiceLegendModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(visible_.size());
}

QVariant ServiceLegendModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const size_t row = size_t(index.row());
    switch (role) {
        case Qt::DisplayRole:
            return QString::fromUtf8(trace_->str(trace_->services[row]));
        case Qt::DecorationRole:
            // The application palette, as the waterfall paints with it; a theme change repaints
            // the legend and this is asked again.
            return serviceColor(uint32_t(row), QGuiApplication::palette());
        case Qt::CheckStateRole:
            return visible_[row] ? Qt::Checked : Qt::Unchecked;
        case Qt::ToolTipRole:
            return tr("%1, %2").arg(spansText(spans_[row]), errorsText(errors_[row]));
        case SpanCountRole:
            return spans_[row];
        case ErrorCountRole:
            return errors_[row];
        default:
            return {};
    }
}

bool ServiceLegendModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    std::vector<uint8_t> visible = visible_;
    visible[size_t(index.row())] = value.value<Qt::CheckState>() == Qt::Checked ? 1 : 0;
    applyVisible(std::move(visible));
    return true;
}

Qt::ItemFlags ServiceLegendModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable |
           Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ServiceLegendModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(SpanCountRole, "spanCount");
    names.insert(ErrorCountRole, "errorCount");
    return names;
}

bool ServiceLegendModel::allVisible() const {
    return std::all_of(visible_.begin(), visible_.end(), [](uint8_t v) { return v != 0; });
}

void ServiceLegendModel::setAllVisible() {
    applyVisible(std::vector<uint8_t>(visible_.size(), 1));
}

void ServiceLegendModel::showOnly(int serviceIndex) {
    if (serviceIndex < 0 || size_t(serviceIndex) >= visible_.size()) {
        qCWarning(lcModel) << "service legend: no service" << serviceIndex;
        return;
    }
    std::vector<uint8_t> visible(visible_.size(), 0);
    visible[size_t(serviceIndex)] = 1;
    applyVisible(std::move(visible));
}

void ServiceLegendModel::applyVisible(std::vector<uint8_t> visible) {
    if (visible == visible_) return;
    // One dataChanged per run of changed rows: "Show all" on 30 services is one signal, not 30.
    const std::vector<uint8_t> old = std::exchange(visible_, std::move(visible));
    for (size_t row = 0; row < old.size();) {
        if (old[row] == visible_[row]) {
            ++row;
            continue;
        }
        size_t last = row;
        while (last + 1 < old.size() && old[last + 1] != visible_[last + 1])
            ++last;
        emit dataChanged(index(int(row)), index(int(last)), {Qt::CheckStateRole});
        row = last + 1;
    }
    emit visibleServicesChanged();
}

}  // namespace rootline::ui
