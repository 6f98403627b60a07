# Sources of ui/trace_view, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  trace_view/trace_header.cpp
  trace_view/span_search_runner.cpp
  trace_view/find_bar.cpp
  trace_view/service_legend_model.cpp
  trace_view/service_legend_columns.cpp
  trace_view/service_legend.cpp
)
