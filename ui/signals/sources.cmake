# Sources of ui/signals (the logs and metrics linked to a trace: logs panel, metric charts with
# exemplars), added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
)
