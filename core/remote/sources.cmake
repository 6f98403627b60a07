# core/remote: connections to trace, log and metric servers and the clients that ask them.
target_sources(rootline_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/connection.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_error.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_call.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_json.cpp
  ${CMAKE_CURRENT_LIST_DIR}/search_params.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trace_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jaeger_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/jaeger_search.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tempo_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tempo_search.cpp
  ${CMAKE_CURRENT_LIST_DIR}/tempo_tags.cpp
  ${CMAKE_CURRENT_LIST_DIR}/trace_url.cpp
  ${CMAKE_CURRENT_LIST_DIR}/remote_open.cpp
  ${CMAKE_CURRENT_LIST_DIR}/query_template.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loki_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/loki_streams.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prometheus_source.cpp
  ${CMAKE_CURRENT_LIST_DIR}/prometheus_parse.cpp
)
