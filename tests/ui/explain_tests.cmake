# Tests of ui/explain (Explain This Error, the Verdict panel): rootline_ui_test(name) per suite.
rootline_ui_test(explain_window_test)
# Scripted OpenAI-compatible answers from a loopback server.
rootline_ui_test(explain_provider_test)
target_link_libraries(explain_provider_test PRIVATE rootline_test_support)
