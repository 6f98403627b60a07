# Sources of ui/explain (Investigate › Explain This Error, the Verdict panel), added to
# rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  explain/verdict_display.cpp
  explain/explain_runner.cpp
  explain/verdict_panel.cpp
)
