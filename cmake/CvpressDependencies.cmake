# Third-party dependencies, all from Debian packages (scripts/install-deps.sh).
find_package(PkgConfig REQUIRED)
find_package(yaml-cpp REQUIRED CONFIG)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options CONFIG)
find_package(Fontconfig REQUIRED)
find_package(ZLIB REQUIRED) # checking PNG image data before libharu sees it
find_package(PNG REQUIRED)  # decoding and re-encoding oversized photos (downsampling)
find_package(JPEG REQUIRED) # the same for JPEG photos (libjpeg-turbo)
find_package(nlohmann_json 3 REQUIRED) # header-only: the JSON the project writes (batch manifest)
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET md4c)
pkg_check_modules(HARFBUZZ REQUIRED IMPORTED_TARGET harfbuzz harfbuzz-subset)
# cpp-httplib (libcpp-httplib-dev): the `cvpress preview` server. Debian builds
# it as a library with OpenSSL/zlib/brotli support; its .pc gives the same
# defines, which the header's class layout depends on.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# Libraries Debian ships with neither a CMake config nor a pkg-config file:
# an imported target cvpress_deps::NAME from a header and a library name.
function(cvpress_import_library name header library)
  string(TOUPPER ${name} upper)
  find_path(${upper}_INCLUDE_DIR ${header} REQUIRED)
  find_library(${upper}_LIBRARY NAMES ${library} REQUIRED)
  if(NOT TARGET cvpress_deps::${name})
    add_library(cvpress_deps::${name} UNKNOWN IMPORTED)
    set_target_properties(cvpress_deps::${name} PROPERTIES
      IMPORTED_LOCATION "${${upper}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${${upper}_INCLUDE_DIR}")
  endif()
endfunction()
cvpress_import_library(hpdf hpdf.h hpdf)          # libharu: writing PDF
cvpress_import_library(btparse btparse.h btparse) # libbtparse-dev: BibTeX bibliographies
cvpress_import_library(hyphen hyphen.h hyphen)    # libhyphen-dev: hyphenation patterns
# libphonenumber-dev: RenderCV's phone number checks and formats (the phone
# plug-in, lib/plugins; libcvpress does not link it)
cvpress_import_library(phonenumber phonenumbers/phonenumberutil.h phonenumber)

# yaml-cpp 0.7 exports a target without a namespace; 0.8 adds yaml-cpp::yaml-cpp.
if(TARGET yaml-cpp::yaml-cpp)
  set(CVPRESS_YAML_TARGET yaml-cpp::yaml-cpp)
else()
  set(CVPRESS_YAML_TARGET yaml-cpp)
endif()

function(cvpress_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wshadow=local)
  endif()
  if(CVPRESS_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# The png output format (optional): poppler's C++ API rasterises our own PDF
# (libpoppler-cpp-dev). On by default when poppler-cpp is found.
pkg_check_modules(POPPLER_CPP QUIET IMPORTED_TARGET poppler-cpp)
option(CVPRESS_WITH_PNG "Build the png output format (needs libpoppler-cpp-dev)" ${POPPLER_CPP_FOUND})
if(CVPRESS_WITH_PNG AND NOT POPPLER_CPP_FOUND)
  message(FATAL_ERROR "CVPRESS_WITH_PNG=ON needs poppler-cpp (apt-get install libpoppler-cpp-dev)")
endif()
