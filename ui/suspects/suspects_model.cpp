#include "suspects/suspects_model.h"

#include <QGuiApplication>
#include <QIcon>
#include <QLocale>
#include <QPixmap>
#include <QStringList>

#include "colors.h"
#include "logging.h"
#include "service_colors.h"
#include "suspects/suspect_text.h"

namespace rootline::ui {

namespace {

constexpr int kSwatchSize = 16;  // scaled to the view's decoration size

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// The service's colour as the waterfall and the legend paint it (the application palette). An
// icon with its own selected pixmap: from a plain colour Qt would make one tinted with the
// selection's blue, and a selected row would show a service in a colour that is not its own.
QIcon swatch(uint32_t service) {
    QPixmap pixmap(kSwatchSize, kSwatchSize);
    pixmap.fill(serviceColor(service, QGuiApplication::palette()));
    QIcon icon;
    icon.addPixmap(pixmap, QIcon::Normal);
    icon.addPixmap(pixmap, QIcon::Selected);
    return icon;
}

}  // namespace

SuspectsModel::SuspectsModel(QObject* parent) : QAbstractTableModel(parent) {}

void SuspectsModel::setRanking(std::shared_ptr<const Trace> trace,
                               std::shared_ptr<const Ranking> ranking) {
    beginResetModel();
    trace_ = std::move(trace);
    ranking_ = trace_ ? std::move(ranking) : nullptr;
    // A ranking of another trace (or a damaged one) would index past this trace's columns.
    if (ranking_)
        for (const Suspect& s : ranking_->suspects)
            if (s.span >= trace_->spanCount()) {
                qCWarning(lcModel) << "suspects: span" << s.span << "is not in the trace";
                ranking_.reset();
                break;
            }
    endResetModel();
}

void SuspectsModel::clear() {
    setRanking(nullptr, nullptr);
}

int SuspectsModel::rowOfSpan(int32_t span) const {
    if (!ranking_ || span < 0 || size_t(span) >= ranking_->rankOfSpan.size()) return -1;
    const uint32_t rank = ranking_->rankOfSpan[size_t(span)];
    return rank > 0 && rank <= ranking_->suspects.size() ? int(rank) - 1 : -1;
}

uint32_t SuspectsModel::spanAt(int row) const {
    return ranking_->suspects[size_t(row)].span;
}

int SuspectsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !ranking_ ? 0 : int(ranking_->suspects.size());
}

int SuspectsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString SuspectsModel::spanText(const Suspect& s) const {
    const QString name = qs(trace_->nameOf(s.span));
    if (s.similar.empty()) return name;
    return tr("%1 (+%2 similar)").arg(name, QLocale().toString(qulonglong(s.similar.size())));
}

QString SuspectsModel::reasonsText(const Suspect& s) const {
    QStringList texts;
    for (const SuspectReason& r : s.reasons)
        texts << QString::fromStdString(r.text);
    return texts.join(QStringLiteral("; "));
}

QString SuspectsModel::reasonsToolTip(const Suspect& s) const {
    // One reason a line, its points in front, so the sum reads down to the score.
    QStringList lines;
    lines << tr("Score %1:").arg(suspectScoreText(s.score));
    for (const SuspectReason& r : s.reasons)
        lines << QStringLiteral("%1  %2").arg(suspectPointsText(r.points),
                                              QString::fromStdString(r.text));
    if (s.similar.size() == 1)
        lines << tr("Stands for 1 more similar span as well");
    else if (!s.similar.empty())
        lines << tr("Stands for %1 more similar spans as well")
                     .arg(QLocale().toString(qulonglong(s.similar.size())));
    return lines.join(QLatin1Char('\n'));
}

QVariant SuspectsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Suspect& s = ranking_->suspects[size_t(index.row())];
    const quint32 rank = quint32(index.row() + 1);
    if (role == SpanRole) return quint32(s.span);
    if (role == RankRole) return rank;
    switch (index.column()) {
        case RankColumn:
            if (role == Qt::DisplayRole) return QString::number(rank);
            if (role == SortRole) return rank;
            if (role == Qt::TextAlignmentRole) return Qt::AlignCenter;
            if (role == Qt::ToolTipRole) return tr("Suspect #%1").arg(rank);
            break;
        case SpanColumn:
            if (role == Qt::DisplayRole) return spanText(s);
            if (role == SortRole) return qs(trace_->nameOf(s.span)).toCaseFolded();
            // A failed span in red, as in every other list of the window.
            if (role == Qt::ForegroundRole && trace_->isError(s.span)) return errorTextColor();
            if (role == Qt::ToolTipRole)
                return tr("%1\nSpan %2")
                    .arg(qs(trace_->nameOf(s.span)),
                         QString::fromStdString(trace_->spanIdText(s.span)));
            break;
        case ServiceColumn:
            if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
                return qs(trace_->serviceOf(s.span));
            if (role == SortRole) return qs(trace_->serviceOf(s.span)).toCaseFolded();
            if (role == Qt::DecorationRole) return swatch(trace_->service[s.span]);
            break;
        case ScoreColumn:
            if (role == Qt::DisplayRole) return suspectScoreText(s.score);
            if (role == SortRole) return s.score;
            // Centred: one decimal lines the numbers up anyway, and a right-aligned column
            // would run into the reasons beside it.
            if (role == Qt::TextAlignmentRole) return Qt::AlignCenter;
            if (role == Qt::ToolTipRole) return reasonsToolTip(s);
            break;
        case ReasonsColumn:
            if (role == Qt::DisplayRole) return reasonsText(s);
            if (role == SortRole) return reasonsText(s).toCaseFolded();
            if (role == Qt::ToolTipRole) return reasonsToolTip(s);
            break;
        default:
            break;
    }
    return {};
}

Qt::ItemFlags SuspectsModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant SuspectsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case RankColumn:
                return tr("#");
            case SpanColumn:
                return tr("Span");
            case ServiceColumn:
                return tr("Service");
            case ScoreColumn:
                return tr("Score");
            case ReasonsColumn:
                return tr("Reasons");
            default:
                return {};
        }
    }
    if (role == Qt::ToolTipRole && section == RankColumn) return tr("Rank");
    if (role == Qt::TextAlignmentRole && section == ScoreColumn) return Qt::AlignCenter;
    return {};
}

}  // namespace rootline::ui
