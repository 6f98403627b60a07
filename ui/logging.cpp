#include "logging.h"

namespace rootline::ui {

// Debug output is off by default: a user's terminal should stay quiet unless asked.
Q_LOGGING_CATEGORY(lcLoad, "rootline.ui.load", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "rootline.ui.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWindow, "rootline.ui.window", QtInfoMsg)
Q_LOGGING_CATEGORY(lcI18n, "rootline.ui.i18n", QtInfoMsg)
// Slow frames are warnings, so they show without configuration.
Q_LOGGING_CATEGORY(lcPaint, "rootline.ui.paint", QtWarningMsg)
Q_LOGGING_CATEGORY(lcView, "rootline.ui.view", QtInfoMsg)

}  // namespace rootline::ui
