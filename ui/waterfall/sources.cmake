# Sources of ui/waterfall, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  waterfall/waterfall_painter.cpp
  waterfall/waterfall_view.cpp
  waterfall/waterfall_view_input.cpp
  waterfall/minimap_image.cpp
  waterfall/trace_minimap.cpp
)
