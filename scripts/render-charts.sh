#!/usr/bin/env bash
# Renders the Mermaid score chart of every shipped profile to PNG with a real Mermaid
# (mermaid-cli and a headless Chromium), so a person can look at what a docs pipeline
# will show. Not part of `npm test`: it needs a browser.
#
#   npm run build
#   scripts/render-charts.sh [OUT_DIR]        # default: ./charts (PNG per profile)
#
# Uses `mmdc` from PATH if there is one, else `npx -y @mermaid-js/mermaid-cli`. Without a
# Chrome that Puppeteer downloaded, point it at a browser:
#   PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium scripts/render-charts.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-charts}
mkdir -p "$out"
config=$(mktemp)
trap 'rm -f "$config"' EXIT
if [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then
  printf '{"executablePath":"%s","args":["--no-sandbox"]}\n' "$PUPPETEER_EXECUTABLE_PATH" > "$config"
else
  printf '{"args":["--no-sandbox"]}\n' > "$config"
fi
if command -v mmdc >/dev/null; then mmdc=(mmdc); else mmdc=(npx -y @mermaid-js/mermaid-cli); fi
for f in "$root"/profiles/*.yaml; do
  name=$(basename "$f" .yaml)
  node "$root/dist/advise.cjs" "$f" --format markdown > "$out/$name.md"
  if grep -q '^xychart-beta' "$out/$name.md"; then
    "${mmdc[@]}" -q -p "$config" -i "$out/$name.md" -o "$out/$name.rendered.md" -e png
    echo "$out/$name.rendered-1.png"
  else
    echo "$name: no chart (no engine qualifies)"
  fi
done
