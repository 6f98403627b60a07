#pragma once
// Logging categories of the ui module. Enable with QT_LOGGING_RULES="rootline.ui.*=true".

#include <QLoggingCategory>

namespace rootline::ui {

Q_DECLARE_LOGGING_CATEGORY(lcLoad)    // background loading: start, progress, outcome, drops
Q_DECLARE_LOGGING_CATEGORY(lcModel)   // item model resets
Q_DECLARE_LOGGING_CATEGORY(lcWindow)  // main window: user actions, drag and drop, screenshots
Q_DECLARE_LOGGING_CATEGORY(lcI18n)    // which translation was chosen and why
Q_DECLARE_LOGGING_CATEGORY(lcPaint)   // waterfall paints slower than a frame (16 ms)
Q_DECLARE_LOGGING_CATEGORY(lcView)    // the trace window: navigation, filters, tabs

}  // namespace rootline::ui
