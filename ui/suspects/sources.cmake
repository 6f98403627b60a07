# Sources of ui/suspects, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  suspects/ranking_weights_file.cpp
  suspects/trace_analysis_runner.cpp
  suspects/suspect_badge.cpp
  suspects/suspect_text.cpp
  suspects/suspects_model.cpp
  suspects/suspect_rank_delegate.cpp
  suspects/suspects_panel.cpp
)
