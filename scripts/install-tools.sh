#!/usr/bin/env bash
# Installs what the tests and the local run need, never globally: the Node tools from package-lock.json (when missing
# or stale), Debian's Chromium for the browser test and LibreOffice Writer with poppler-utils for the Word report's PDF
# test (each when missing and we may use apt).
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.installed-from-lock
if ! cmp -s package-lock.json "$stamp" 2>/dev/null; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi

# The "Tiến độ" tab page: bundled from src/Bot/Tab/web into src/Bot/Tab/web/dist (not committed), which the bot's
# build copies beside the executable (tab/).
echo "== tab page (esbuild)"
node src/Bot/Tab/web/build.mjs

if [ ! -x /usr/bin/chromium ] && [ "${SKIP_CHROMIUM:-0}" != "1" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== apt-get install chromium (for the browser test)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: /usr/bin/chromium is missing and apt is not usable here; the browser test will fail until it is installed (apt-get install chromium)." >&2
  fi
fi

if { ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null || ! command -v pdftoppm >/dev/null; } && [ "${SKIP_LIBREOFFICE:-0}" != "1" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== apt-get install libreoffice-writer-nogui poppler-utils (for the Word report's PDF test)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui poppler-utils >/dev/null
  else
    echo "warning: soffice, pdfinfo or pdftoppm is missing and apt is not usable here; the Word report's PDF test will fail until they are installed (apt-get install libreoffice-writer-nogui poppler-utils)." >&2
  fi
fi
