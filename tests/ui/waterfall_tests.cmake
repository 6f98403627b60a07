# Tests of ui/waterfall: rootline_ui_test(name) per suite.
rootline_ui_test(waterfall_view_test)
rootline_ui_test(waterfall_marks_test)
