#pragma once
// An attribute set turned into display text once, when a span is shown: the models keep these
// strings, so they neither hold the trace nor re-render values on every paint.

#include <QString>
#include <vector>

#include "model/trace.h"

namespace rootline::ui {

struct AttributeRow {
    QString key;
    QString value;  // valueToString: strings as is, arrays and maps as compact JSON
};

std::vector<AttributeRow> attributeRows(const Dictionary& dict, AttrSetId set);

// Case-insensitive substring match on key or value; an empty filter matches everything.
bool attributeMatches(const AttributeRow& row, const QString& filter);

// A value as a tooltip: whole when short, else its first kTooltipChars characters and "…", so
// hovering a 40 KB stack does not try to lay out a screen-filling tooltip. Empty when the value
// is short and on one line (the cell shows it whole).
QString valueTooltip(const QString& value);

// "key=value", the line Ctrl+C and "Copy as key=value" produce.
inline QString keyValueLine(const QString& key, const QString& value) {
    return key + QLatin1Char('=') + value;
}

}  // namespace rootline::ui
