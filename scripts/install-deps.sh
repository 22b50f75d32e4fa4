#!/usr/bin/env bash
# Installs everything cvpress needs from Debian 12 packages. Idempotent; run as
# root (uses sudo when not root). Set CVPRESS_SKIP_LATEX=1 to leave out TeX Live,
# CVPRESS_SKIP_FUZZ=1 to leave out clang, CVPRESS_SKIP_BROWSER=1 to leave out
# Chromium.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libhpdf-dev libyaml-cpp-dev libicu-dev libboost-program-options-dev doctest-dev
  libharfbuzz-dev libfontconfig-dev libmd4c-dev zlib1g-dev libpng-dev libjpeg62-turbo-dev nlohmann-json3-dev libbtparse-dev
  libphonenumber-dev
  libhyphen-dev hyphen-en-us hyphen-de hyphen-fr
  # The sRGB ICC profile compiled in as the PDF/A output intent (--pdfa).
  icc-profiles-free
  fonts-noto-core fonts-noto-cjk fonts-dejavu-core fonts-dejavu-extra fonts-wqy-microhei fonts-symbola
  fonts-font-awesome
  fonts-open-sans fonts-lato fonts-sil-gentiumplus
  poppler-utils qpdf python3 python3-yaml python3-jsonschema zsh groff-base
  libpoppler-cpp-dev libcpp-httplib-dev pybind11-dev python3-dev python3-pytest
  # OCR test (tests/pdf/ocr_names.py): tesseract reads names back in 20 scripts.
  tesseract-ocr tesseract-ocr-hin tesseract-ocr-ben tesseract-ocr-tam tesseract-ocr-tel
  tesseract-ocr-guj tesseract-ocr-pan tesseract-ocr-kan tesseract-ocr-mal tesseract-ocr-sin
  tesseract-ocr-tha tesseract-ocr-lao tesseract-ocr-khm tesseract-ocr-mya tesseract-ocr-ara
  tesseract-ocr-fas tesseract-ocr-heb tesseract-ocr-vie tesseract-ocr-chi-sim tesseract-ocr-jpn
  tesseract-ocr-kor
)
# The preview's browser test (tests/cli/preview_browser.py): headless Chromium
# driven by Selenium. Set CVPRESS_SKIP_BROWSER=1 to leave them out (that test
# then fails).
if [ "${CVPRESS_SKIP_BROWSER:-0}" != 1 ]; then
  packages+=(chromium chromium-driver python3-selenium)
fi
# Fuzzing (cmake --preset fuzz): clang with libFuzzer and the sanitizer runtimes.
if [ "${CVPRESS_SKIP_FUZZ:-0}" != 1 ]; then
  packages+=(clang-14 libclang-rt-14-dev)
fi
if [ "${CVPRESS_SKIP_LATEX:-0}" != 1 ]; then
  packages+=(texlive-xetex texlive-latex-recommended texlive-latex-extra texlive-lang-chinese
             texlive-lang-arabic texlive-lang-other texlive-fonts-recommended texlive-luatex lmodern)
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
