#!/usr/bin/env bash
# Plug-ins (issue 17): a plain render, --version and the text formats never
# map poppler, cpp-httplib, libphonenumber or their own dependencies (checked
# with the dynamic loader's own log, LD_DEBUG=files); --format png loads
# libcvpress-png.so and poppler and writes a PNG; a CV whose phone number is
# checked (a RenderCV design) loads libcvpress-phone.so and libphonenumber; a
# missing or broken plug-in is a one-line error with exit code 6 and no
# output, for render, batch, preview and phone checks.
#   plugins.sh CVPRESS EXAMPLE.yaml WITH_PNG(ON|OFF) NO_PHONE.yaml RENDERCV_NO_PHONE.yaml
set -u
bin=$1 cv=$2 with_png=$3 nophone=$4 rendercv_nophone=$5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# (brotli is not here: freetype needs its decoder for WOFF2.)
heavy='libpoppler|libcvpress-png|libcvpress-preview|httplib|libssl|libcrypto|libbrotlienc|libnss3|liblcms2|libopenjp2'
heavy+='|libcvpress-phone|libphonenumber|libprotobuf|libabsl|libgeocoding'

# The objects the dynamic loader opened while running "$@" (one per line).
loaded() { # name args...
  local name=$1
  shift
  rm -f "$tmp/ld.$name".*
  LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld.$name" "$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" ||
    fail "$name: cvpress $* failed: $(cat "$tmp/$name.err")"
  cat "$tmp/ld.$name".* | sed -n 's/.*file=\([^ ]*\).*/\1/p' | sort -u >"$tmp/$name.libs"
  # The log must be real: it names libcvpress, else LD_DEBUG was ignored.
  grep -q 'libcvpress\.so' "$tmp/$name.libs" || fail "$name: no loader log (LD_DEBUG ignored?)"
}
light() { # name args...: loaded, and none of the heavy objects
  loaded "$@"
  if grep -E "$heavy" "$tmp/$1.libs"; then
    fail "$1 (cvpress ${*:2}) maps the objects above; they belong in plug-ins"
  fi
  echo "ok: $1 maps $(wc -l <"$tmp/$1.libs") objects, no poppler/httplib/phonenumber"
}

light version --version
light render render "$cv" -o "$tmp/cv.pdf" -q
head -c 5 "$tmp/cv.pdf" | grep -q '%PDF-' || fail "render wrote no PDF"
light validate validate "$cv"
for f in html latex markdown; do
  light "render_$f" render "$cv" --format "$f" -o "$tmp/cv.$f" -q
done
light formats formats
# CVs without a phone number, one of them under a RenderCV design (where a
# number would be checked), never load the phone plug-in.
light nophone_validate validate "$nophone"
light nophone_render render "$nophone" -o "$tmp/nophone.pdf" -q
light rendercv_nophone_validate validate "$rendercv_nophone"
light rendercv_nophone_render render "$rendercv_nophone" -o "$tmp/rendercv_nophone.pdf" -q

# A phone number under a RenderCV design is checked and formatted with
# libphonenumber: the phone plug-in is loaded, and nothing else heavy.
printf 'cv:\n  name: Ada Lovelace\n  phone: "+1 609 999 9995"\ndesign:\n  theme: classic\n' \
  >"$tmp/phone.yaml"
for step in validate render; do
  if [ $step = validate ]; then
    loaded phone_$step validate "$tmp/phone.yaml"
  else
    loaded phone_$step render "$tmp/phone.yaml" -o "$tmp/phone.pdf" -q
  fi
  grep -q 'libcvpress-phone\.so' "$tmp/phone_$step.libs" || fail "$step of a phone number did not load libcvpress-phone.so"
  grep -q 'libphonenumber' "$tmp/phone_$step.libs" || fail "$step of a phone number did not load libphonenumber"
  if grep -E 'libpoppler|libcvpress-png|libcvpress-preview|httplib' "$tmp/phone_$step.libs"; then
    fail "$step of a phone number maps the png or preview plug-in"
  fi
  echo "ok: $step of a phone number loads libcvpress-phone.so and libphonenumber"
done
# Formatted by the plug-in as RenderCV does (national form, tel: URI in E.164).
strings "$tmp/phone.pdf" | grep -q 'tel:+16099999995' || fail "phone.pdf lacks the tel:+16099999995 link"

if [ "$with_png" = ON ]; then
  loaded png render "$cv" -o "$tmp/cv.png" -q
  grep -q 'libcvpress-png\.so' "$tmp/png.libs" || fail "--format png did not load libcvpress-png.so"
  grep -q 'libpoppler' "$tmp/png.libs" || fail "--format png did not load poppler"
  if grep -E 'httplib|libcvpress-preview' "$tmp/png.libs"; then
    fail "--format png maps the preview server"
  fi
  [ "$(head -c 8 "$tmp/cv.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "cv.png is not a PNG"
  echo "ok: --format png loads libcvpress-png.so and poppler, writes a PNG"
fi

# A missing plug-in: CVPRESS_PLUGIN_DIR names the only folder searched.
mkdir -p "$tmp/none" "$tmp/out"
missing() { # name expected-stderr args...
  local name=$1 want=$2
  shift 2
  CVPRESS_PLUGIN_DIR=$tmp/none "$bin" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" </dev/null
  local rc=$?
  [ $rc = 6 ] || fail "$name: exit $rc, not 6: $(cat "$tmp/$name.err")"
  [ "$(cat "$tmp/$name.err")" = "$want" ] ||
    fail "$name: stderr '$(cat "$tmp/$name.err")', expected '$want'"
  echo "ok: $name: exit 6, $want"
}
if [ "$with_png" = ON ]; then
  want="cvpress: the png format needs the plug-in libcvpress-png.so, which is not installed (looked in $tmp/none)"
  missing render_png_missing "$want" render "$cv" -o "$tmp/out/cv.png" -q
  missing batch_png_missing "$want" batch --format png -o "$tmp/out" "$cv" -q
  [ -z "$(ls -A "$tmp/out")" ] || fail "a missing plug-in left files: $(ls -A "$tmp/out")"
  # A file that is no shared object: the loader's reason, same exit code.
  mkdir -p "$tmp/broken"
  yes "not an ELF file" | head -c 4096 >"$tmp/broken/libcvpress-png.so"
  CVPRESS_PLUGIN_DIR=$tmp/broken "$bin" render "$cv" -o "$tmp/out/cv.png" -q 2>"$tmp/broken.err"
  rc=$?
  [ $rc = 6 ] || fail "broken plug-in: exit $rc, not 6"
  [ "$(wc -l <"$tmp/broken.err")" = 1 ] || fail "broken plug-in: not one line: $(cat "$tmp/broken.err")"
  grep -q "^cvpress: the png format needs the plug-in $tmp/broken/libcvpress-png.so, which cannot be loaded: .*invalid ELF header" \
    "$tmp/broken.err" || fail "broken plug-in: $(cat "$tmp/broken.err")"
  [ -z "$(ls -A "$tmp/out")" ] || fail "a broken plug-in left files: $(ls -A "$tmp/out")"
  echo "ok: a broken plug-in: exit 6, $(cat "$tmp/broken.err")"
fi
want="cvpress: checking phone numbers needs the plug-in libcvpress-phone.so, which is not installed (looked in $tmp/none)"
missing phone_validate_missing "$want" validate "$tmp/phone.yaml"
missing phone_render_missing "$want" render "$tmp/phone.yaml" -o "$tmp/out/phone.pdf" -q
[ -z "$(ls -A "$tmp/out")" ] || fail "a missing phone plug-in left files: $(ls -A "$tmp/out")"
# Only a checked phone number needs it: the rest renders without any plug-in.
CVPRESS_PLUGIN_DIR=$tmp/none "$bin" render "$nophone" -o "$tmp/out/nophone.pdf" -q ||
  fail "a CV without a phone number needs a plug-in"
rm -f "$tmp/out/nophone.pdf"
missing preview_missing \
  "cvpress: cvpress preview needs the plug-in libcvpress-preview.so, which is not installed (looked in $tmp/none)" \
  preview "$cv" --port 0
# Without the override the plug-ins are found (next to libcvpress).
CVPRESS_PLUGIN_DIR= "$bin" render "$cv" --format pdf -o "$tmp/again.pdf" -q || fail "empty CVPRESS_PLUGIN_DIR"
cmp -s "$tmp/cv.pdf" "$tmp/again.pdf" || fail "PDF bytes differ between runs"
echo "PASS"
