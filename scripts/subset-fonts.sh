#!/bin/sh
# Regenerates app/fonts/geist-latin.woff2: Geist's variable font (from the `geist` package)
# cut to Latin-1 and common punctuation, kerning only, so every page loads 24 KiB of font
# instead of two full files. Needs fontTools with brotli (Debian: python3-fonttools python3-brotli).
set -eu
cd "$(dirname "$0")/.."
python3 -m fontTools.subset node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2 \
  --unicodes="U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD" \
  --layout-features=kern --flavor=woff2 --output-file=app/fonts/geist-latin.woff2
