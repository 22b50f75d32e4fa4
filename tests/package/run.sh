#!/usr/bin/env bash
# Package test: installs the build tree into a scratch prefix, then builds and
# runs a small consumer against it twice, once through find_package(cvpress)
# and once through pkg-config, and checks the installed layout.
#
#   run.sh BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR CMAKE CXX
set -euo pipefail

build=$1 consumer=$2 work=$3 cmake=$4 cxx=$5
prefix=$work/prefix
expected="cvpress 0.1.0
name: Ada Lovelace
section: Education (1)
warnings: 0"

fail() { echo "FAIL: $*" >&2; exit 1; }
check_output() { # name actual
  if [ "$2" != "$expected" ]; then
    echo "FAIL: $1 printed:" >&2
    printf '%s\n' "$2" >&2
    echo "expected:" >&2
    printf '%s\n' "$expected" >&2
    exit 1
  fi
  echo "ok: $1"
}

rm -rf -- "$work"
mkdir -p -- "$work"

echo "== (a) cmake --install into $prefix"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log" ||
  { cat "$work/install.log" >&2; fail "cmake --install failed"; }

echo "== (b) find_package(cvpress) consumer"
"$cmake" -S "$consumer" -B "$work/cmake-consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1 ||
  { cat "$work/configure.log" >&2; fail "configuring the consumer failed"; }
# The package must come from the scratch prefix, not from a system install.
found=$(sed -n 's/^cvpress_DIR:PATH=//p' "$work/cmake-consumer/CMakeCache.txt")
[ "$found" = "$prefix/lib/cmake/cvpress" ] || fail "find_package used '$found'"
"$cmake" --build "$work/cmake-consumer" >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; fail "building the consumer failed"; }
check_output "find_package consumer" "$("$work/cmake-consumer/consumer")"

echo "== (c) pkg-config consumer"
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
pc_prefix=$(pkg-config --variable=prefix cvpress) || fail "pkg-config does not find cvpress"
[ "$(realpath -m "$pc_prefix")" = "$(realpath -m "$prefix")" ] ||
  fail "cvpress.pc says prefix=$pc_prefix, but it is installed in $prefix (not relocatable)"
[ "$(pkg-config --modversion cvpress)" = 0.1.0 ] || fail "pkg-config --modversion is not 0.1.0"
# Public headers include no third-party header and the consumer picks its own
# -std (C++20 or later): --cflags is the include folder only, and the
# dependencies are private (only --static lists them).
cflags=$(pkg-config --cflags cvpress)
[ "$cflags" = "-I$pc_prefix/include" ] || [ "$cflags" = "-I$pc_prefix/include " ] ||
  fail "pkg-config --cflags adds more than the include folder: $cflags"
[ "$(pkg-config --libs cvpress | xargs)" = "-L$pc_prefix/lib -lcvpress" ] ||
  fail "pkg-config --libs: $(pkg-config --libs cvpress)"
pkg-config --static --libs cvpress | grep -q -- -lharfbuzz || fail "pkg-config --static lacks the private libraries"
read -r -a flags <<<"-std=c++20 $(pkg-config --cflags --libs cvpress)"
libdir=$(pkg-config --variable=libdir cvpress)
read -r -a extra <<<"${CXXFLAGS:-} ${LDFLAGS:-}"
"$cxx" "${extra[@]}" -o "$work/pc-consumer" "$consumer/main.cpp" "${flags[@]}" -Wl,-rpath,"$libdir" ||
  fail "building with pkg-config flags failed: ${flags[*]}"
check_output "pkg-config consumer" "$("$work/pc-consumer")"

echo "== (d) installed layout"
[ -x "$prefix/bin/cvpress" ] || fail "bin/cvpress is not installed"
version=$("$prefix/bin/cvpress" --version) || fail "installed bin/cvpress does not run"
[ "$version" = "cvpress 0.1.0" ] || fail "installed cvpress --version says '$version'"
echo "ok: bin/cvpress runs ($version)"
# The plug-ins are installed next to the library and found there.
[ -f "$prefix/lib/cvpress/libcvpress-preview.so" ] || fail "lib/cvpress/libcvpress-preview.so is not installed"
[ -f "$prefix/lib/cvpress/libcvpress-phone.so" ] || fail "lib/cvpress/libcvpress-phone.so is not installed"
# libphonenumber is the phone plug-in's: neither the CMake package nor the .pc names it.
! grep -qi phonenumber "$prefix/lib/cmake/cvpress/"*.cmake "$prefix/lib/pkgconfig/cvpress.pc" ||
  fail "the installed CMake/pkg-config files name libphonenumber (a plug-in's dependency)"
printf 'cv:\n  name: Ada Lovelace\n  phone: "+1 609 999 9995"\ndesign:\n  theme: classic\n' >"$work/phone.yaml"
LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld.phone" "$prefix/bin/cvpress" validate "$work/phone.yaml" ||
  fail "installed cvpress cannot validate a CV with a phone number"
cat "$work"/ld.phone.* | grep -q "file=$prefix/lib/cvpress/libcvpress-phone.so" ||
  fail "installed cvpress did not load its phone plug-in"
echo "ok: the installed phone plug-in loads (RenderCV phone check)"
if "$prefix/bin/cvpress" formats | grep -qw png; then
  [ -f "$prefix/lib/cvpress/libcvpress-png.so" ] || fail "lib/cvpress/libcvpress-png.so is not installed"
  printf 'cv:\n  name: Ada Lovelace\n' >"$work/ada.yaml"
  "$prefix/bin/cvpress" render "$work/ada.yaml" -o "$work/ada.png" -q ||
    fail "installed cvpress cannot render png"
  [ "$(head -c 4 "$work/ada.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "installed png render wrote no PNG"
  echo "ok: installed plug-ins load (png render)"
fi
if [ -d "$prefix/share/cvpress/styles" ]; then
  echo "ok: share/cvpress/styles exists"
else
  echo "note: share/cvpress/styles is not installed (no styles yet); not checked"
fi
for h in cvpress.hpp model.hpp load.hpp version.hpp; do
  [ -f "$prefix/include/cvpress/$h" ] || fail "include/cvpress/$h is not installed"
done
echo "PASS"
