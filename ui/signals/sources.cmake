# Sources of ui/signals (the logs and metrics linked to a trace: logs panel, metric charts with
# exemplars), added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  signals/log_lines_model.cpp
  signals/log_filter_model.cpp
  signals/source_bar.cpp
  signals/logs_panel.cpp
  signals/metric_chart_view.cpp
  signals/metrics_panel.cpp
)
