#pragma once
// Item-data roles shared by the span details models, so one view class (DetailTreeView) can copy
// attributes and follow links whichever model it shows.

#include <Qt>

namespace rootline::ui {

struct DetailRoles {
    enum : int {
        // QString: the attribute's key; invalid on rows that are not attributes (groups, events).
        Key = Qt::UserRole + 100,
        // QString: the attribute's whole value; the display may be cut, this never is.
        Value,
        // int: the span a row leads to (a link's target), -1 when it leads nowhere in the trace.
        TargetSpan,
        // QString: on a row that holds attributes as children (an event, a link), the line that
        // introduces them when copied; invalid on rows whose children are copied alone (groups).
        CopyHeader,
        // bool: the cell is a link (click to follow): drawn in the palette's link colour.
        IsLink,
    };
};

}  // namespace rootline::ui
