# Sources of ui/span_details, added to rootline_ui by ui/CMakeLists.txt.
target_sources(rootline_ui PRIVATE
  span_details/attribute_rows.cpp
  span_details/detail_tree_view.cpp
  span_details/exception_box.cpp
  span_details/selectable_elided_line.cpp
  span_details/span_attributes_model.cpp
  span_details/span_details_panel.cpp
  span_details/span_events_model.cpp
  span_details/span_exceptions.cpp
  span_details/span_header.cpp
  span_details/span_links_model.cpp
  span_details/span_warnings_model.cpp
  span_details/suspect_summary.cpp
  span_details/wrapping_delegate.cpp
)
