# Fails when a file under lib/src includes a header of a layer above its own
# (docs/architecture.md). Run as: cmake -DSRC=<lib/src> -P check_layers.cmake
#
# Layers, bottom to top; folders on one line are peers and may include each
# other.
#   0 base
#   1 load text fonts style
#   2 present resources
#   3 layout
#   4 backends (backends/<format>/...)
#   5 jobs
# Public headers count as the layer that implements them where that is a job:
# <cvpress/job.hpp>, <cvpress/batch.hpp>, <cvpress/doctor.hpp>, <cvpress/watch.hpp>,
# <cvpress/preview.hpp> and
# <cvpress/exit_code.hpp> are `jobs`; the other public headers declare types
# and entry points every layer may use.
cmake_minimum_required(VERSION 3.25)
if(NOT SRC)
  message(FATAL_ERROR "usage: cmake -DSRC=<lib/src> -P check_layers.cmake")
endif()
get_filename_component(SRC "${SRC}" ABSOLUTE)

set(rank_base 0)
foreach(f load text fonts style)
  set(rank_${f} 1)
endforeach()
set(rank_present 2)
set(rank_resources 2)
set(rank_layout 3)
set(rank_backends 4)
set(rank_jobs 5)
set(public_jobs job batch doctor exit_code watch preview)

file(GLOB_RECURSE files RELATIVE ${SRC} ${SRC}/*.cpp ${SRC}/*.hpp ${SRC}/*.in ${SRC}/*.h)
list(SORT files)
if(NOT files)
  message(FATAL_ERROR "no sources found under ${SRC}")
endif()
set(violations 0)
set(checked 0)
foreach(file ${files})
  string(REGEX MATCH "^[^/]+" folder "${file}")
  if(NOT DEFINED rank_${folder})
    message(SEND_ERROR "${file}: folder '${folder}' has no layer; add it to ${CMAKE_CURRENT_LIST_FILE}")
    math(EXPR violations "${violations} + 1")
    continue()
  endif()
  set(own ${rank_${folder}})
  file(STRINGS ${SRC}/${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]")
  set(line_no 0)
  foreach(line IN LISTS lines)
    set(target "")
    if(line MATCHES "#[ \t]*include[ \t]*\"([^/\"]+)/[^\"]*\"")
      set(target ${CMAKE_MATCH_1})
    elseif(line MATCHES "#[ \t]*include[ \t]*<cvpress/([a-z_]+)\\.hpp>")
      if(CMAKE_MATCH_1 IN_LIST public_jobs)
        set(target jobs)
      endif()
    endif()
    if(target STREQUAL "")
      continue()
    endif()
    math(EXPR checked "${checked} + 1")
    if(NOT DEFINED rank_${target})
      message(SEND_ERROR "${file}: ${line}: folder '${target}' has no layer")
      math(EXPR violations "${violations} + 1")
    elseif(rank_${target} GREATER own)
      message(SEND_ERROR "${file}: ${line}: '${folder}' (layer ${own}) includes '${target}' (layer ${rank_${target}}), a layer above it")
      math(EXPR violations "${violations} + 1")
    endif()
  endforeach()
endforeach()
list(LENGTH files file_count)
if(violations GREATER 0)
  message(FATAL_ERROR "${violations} upward include(s) in ${SRC}")
endif()
message(STATUS "layers ok: ${file_count} files, ${checked} project includes, none upward")
