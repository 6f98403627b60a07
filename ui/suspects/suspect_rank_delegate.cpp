#include "suspects/suspect_rank_delegate.h"

#include <QApplication>
#include <QPainter>
#include <algorithm>

#include "suspects/suspect_badge.h"
#include "suspects/suspects_model.h"

namespace rootline::ui {

namespace {

constexpr int kVerticalMargin = 3;  // as the waterfall's badges sit in their rows
constexpr int kSidePadding = 6;

int badgeHeight(const QStyleOptionViewItem& option) {
    return std::max(8, option.fontMetrics.height() + 2);
}

}  // namespace

void SuspectRankDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    opt.text.clear();  // the badge says it
    const QWidget* widget = opt.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const uint32_t rank = index.data(SuspectsModel::RankRole).toUInt();
    if (rank == 0) return;
    const int h = std::min(badgeHeight(opt), opt.rect.height() - 2 * kVerticalMargin);
    const int w = suspectBadgeWidth(opt.font, rank, h);
    const QRectF badge(opt.rect.center().x() - w / 2.0 + 0.5, opt.rect.center().y() - h / 2.0 + 0.5,
                       w, h);
    painter->save();
    painter->setFont(opt.font);
    drawSuspectBadge(*painter, badge, rank, opt.palette);
    painter->restore();
}

QSize SuspectRankDelegate::sizeHint(const QStyleOptionViewItem& option,
                                    const QModelIndex& index) const {
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const int h = badgeHeight(opt);
    const int w = suspectBadgeWidth(opt.font, index.data(SuspectsModel::RankRole).toUInt(), h);
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {std::max(base.width(), w + 2 * kSidePadding),
            std::max(base.height(), h + 2 * kVerticalMargin)};
}

}  // namespace rootline::ui
