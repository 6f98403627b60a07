#include "logging.h"

namespace rootline::ui {

// Debug output is off by default: a user's terminal should stay quiet unless asked.
Q_LOGGING_CATEGORY(lcLoad, "rootline.ui.load", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "rootline.ui.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWindow, "rootline.ui.window", QtInfoMsg)
Q_LOGGING_CATEGORY(lcI18n, "rootline.ui.i18n", QtInfoMsg)

}  // namespace rootline::ui
