# Tests of ui/history (the investigation history's model and panel).
rootline_ui_test(history_model_test)
