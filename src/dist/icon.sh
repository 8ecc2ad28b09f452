#!/usr/bin/env bash
# Draws the app icon (a stack of three service rows) at 512 px with ImageMagick and writes assets/icon.png
# (256 px, Linux), assets/icon.ico (Windows) and assets/icon.icns (macOS; png2icns from icnsutils).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
convert -size 512x512 xc:none \
  -fill '#232f3e' -draw 'roundrectangle 16,16 495,495 88,88' \
  -fill '#ff9900' -draw 'roundrectangle 104,120 408,200 20,20' \
  -fill '#ffb84d' -draw 'roundrectangle 104,224 408,304 20,20' \
  -fill '#ffd699' -draw 'roundrectangle 104,328 408,408 20,20' \
  -fill '#232f3e' -draw 'circle 144,160 156,160' -draw 'circle 144,264 156,264' -draw 'circle 144,368 156,368' \
  -draw 'rectangle 184,152 340,168' -draw 'rectangle 184,256 300,272' -draw 'rectangle 184,360 360,376' \
  -strip PNG32:"$tmp/icon_512.png"
for s in 256 128 32 16; do convert "$tmp/icon_512.png" -resize ${s}x${s} -strip PNG32:"$tmp/icon_$s.png"; done
cp "$tmp/icon_256.png" assets/icon.png
convert "$tmp/icon_256.png" -define icon:auto-resize=256,128,64,48,32,16 assets/icon.ico
png2icns assets/icon.icns "$tmp"/icon_{16,32,128,256,512}.png >/dev/null
