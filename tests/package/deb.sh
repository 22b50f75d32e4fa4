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
         ./usr/share/man/man1/cvpress.1 ./usr/share/doc/cvpress/examples/showcase.yaml \
         ./usr/lib/cvpress/libcvpress-preview.so ./usr/lib/cvpress/libcvpress-phone.so; do
  grep -qx -- "$f" <<<"$files" || fail "the package lacks $f"
done
# The plug-ins' libraries are the plug-ins' dependencies, found by shlibdeps.
grep -q "Depends:.*libcpp-httplib" <<<"$control" || fail "Depends lacks libcpp-httplib (preview plug-in)"
grep -q "Depends:.*libphonenumber" <<<"$control" || fail "Depends lacks libphonenumber (phone plug-in)"
png_plugin=false
if grep -qx -- ./usr/lib/cvpress/libcvpress-png.so <<<"$files"; then
  png_plugin=true
  grep -q "Depends:.*libpoppler-cpp" <<<"$control" || fail "Depends lacks libpoppler-cpp (png plug-in)"
fi
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/cvpress" render "$work/root/usr/share/doc/cvpress/examples/showcase.yaml" \
  -o "$work/showcase.pdf" -q || fail "the unpacked cvpress does not render an unpacked example"
head -c 5 "$work/showcase.pdf" | grep -q '%PDF-' || fail "no PDF written"
# A RenderCV design checks phone numbers: the unpacked phone plug-in is loaded.
printf 'cv:\n  name: A B\n  phone: "+1 609 999 9995"\ndesign:\n  theme: classic\n' >"$work/phone.yaml"
LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld.phone" "$work/root/usr/bin/cvpress" validate "$work/phone.yaml" ||
  fail "the unpacked cvpress does not validate a CV with a phone number"
cat "$work"/ld.phone.* | grep -q "file=$work/root/usr/lib/cvpress/libcvpress-phone.so" ||
  fail "the unpacked cvpress did not load its unpacked phone plug-in"
if $png_plugin; then # the unpacked library finds its unpacked plug-in
  "$work/root/usr/bin/cvpress" render "$work/root/usr/share/doc/cvpress/examples/showcase.yaml" \
    -o "$work/showcase.png" -q || fail "the unpacked cvpress does not render png"
  [ "$(head -c 4 "$work/showcase.png" | od -An -c | tr -d ' ')" = "211PNG" ] || fail "no PNG written"
fi
echo "PASS: $(basename "$deb")"
