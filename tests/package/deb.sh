#!/usr/bin/env bash
# cpack -G DEB builds a package whose control data names its library and font
# dependencies and whose files (binary, library, headers, CMake and pkg-config
# files, completions, man page, examples) work when unpacked: the unpacked
# binary renders an unpacked example (it finds its library through its rpath).
#   deb.sh BUILD_DIR WORK_DIR
set -euo pipefail
build=$1 work=$2
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf -- "$work" && mkdir -p -- "$work"
(cd "$build" && cpack -G DEB -B "$work" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack"; }
deb=$(ls "$work"/cvpress_*_amd64.deb 2>/dev/null || ls "$work"/cvpress_*.deb)
[ -f "$deb" ] || fail "no .deb in $work"
control=$(dpkg-deb -I "$deb")
for dep in libhpdf-2.3.0 libharfbuzz-subset0 libicu72 libyaml-cpp fonts-noto-core fonts-dejavu-core; do
  grep -q "Depends:.*$dep" <<<"$control" || fail "Depends lacks $dep"
done
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/cvpress ./usr/lib/libcvpress.so.0 ./usr/include/cvpress/cvpress.hpp \
         ./usr/lib/pkgconfig/cvpress.pc ./usr/lib/cmake/cvpress/cvpressConfig.cmake \
         ./usr/share/bash-completion/completions/cvpress ./usr/share/zsh/vendor-completions/_cvpress \
         ./usr/share/man/man1/cvpress.1 ./usr/share/doc/cvpress/examples/showcase.yaml; do
  grep -qx -- "$f" <<<"$files" || fail "the package lacks $f"
done
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/cvpress" render "$work/root/usr/share/doc/cvpress/examples/showcase.yaml" \
  -o "$work/showcase.pdf" -q || fail "the unpacked cvpress does not render an unpacked example"
head -c 5 "$work/showcase.pdf" | grep -q '%PDF-' || fail "no PDF written"
echo "PASS: $(basename "$deb")"
