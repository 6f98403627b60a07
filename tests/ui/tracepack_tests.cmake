# Tests of ui/tracepack and of tracepacks opened in the app: rootline_ui_test(name) per suite.
rootline_ui_test(tracepack_export_dialog_test)
rootline_ui_test(tracepack_window_test)
