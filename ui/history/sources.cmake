# Sources of ui/history (the investigation history: jobs on workers, its table model and
# panel), added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  history/history_jobs.cpp
  history/history_model.cpp
  history/history_panel.cpp
)
