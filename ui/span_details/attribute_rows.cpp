#include "span_details/attribute_rows.h"

namespace rootline::ui {

namespace {
constexpr qsizetype kTooltipChars = 2000;
constexpr qsizetype kShortValueChars = 80;
}  // namespace

std::vector<AttributeRow> attributeRows(const Dictionary& dict, AttrSetId set) {
    std::vector<AttributeRow> rows;
    const std::span<const PairId> pairs = dict.attrs.set(set);
    rows.reserve(pairs.size());
    for (PairId id : pairs) {
        const Attribute& a = dict.attrs.pair(id);
        const std::string_view key = dict.str(a.key);
        const std::string value = valueToString(a.value, dict.strings, dict.attrs);
        rows.push_back({QString::fromUtf8(key.data(), qsizetype(key.size())),
                        QString::fromUtf8(value.data(), qsizetype(value.size()))});
    }
    return rows;
}

bool attributeMatches(const AttributeRow& row, const QString& filter) {
    return filter.isEmpty() || row.key.contains(filter, Qt::CaseInsensitive) ||
           row.value.contains(filter, Qt::CaseInsensitive);
}

QString valueTooltip(const QString& value) {
    if (value.size() <= kShortValueChars && !value.contains(QLatin1Char('\n'))) return {};
    if (value.size() <= kTooltipChars) return value;
    return value.left(kTooltipChars) + QChar(0x2026);
}

}  // namespace rootline::ui
