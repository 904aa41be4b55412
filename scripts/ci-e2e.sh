#!/usr/bin/env bash
# End-to-end tests in CI: real n8n (cached installs) + the Twilio simulator + redis + headless Chromium, once in
# n8n 2.41 and once in n8n 1.123, one after the other. Called from .ci/run after `npm ci`. Everything listens on
# 127.0.0.1 only. E2E_LINES picks the lines (default "2 1").
set -euo pipefail
cd "$(dirname "$0")/.."

t0=$(date +%s)
# System packages e2e needs (Debian): redis-server for queue mode, chromium for the editor check.
need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  echo "[ci-e2e] apt-get install ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
echo "[ci-e2e] system packages: $(( $(date +%s) - t0 ))s"

# Each n8n install (about 3 GB) lives outside the clone, one folder per line, so that later runs reuse it.
cache="${N8N_HOST_CACHE:-$HOME/.cache/n8n-nodes-twilio-conference}"
# Built once; every suite of both lines packs this dist/.
npm run build --silent
export E2E_SKIP_BUILD=1 E2E_REQUIRE_BROWSER=1

for line in ${E2E_LINES:-2 1}; do
  t1=$(date +%s)
  case "$line" in
    2) dir="$cache/n8n-host" ;;
    1) dir="$cache/n8n-host-1.x" ;;
    *) echo "[ci-e2e] unknown n8n line '$line' (1 or 2)"; exit 1 ;;
  esac
  echo "[ci-e2e] n8n $line.x in $dir"
  N8N_HOST_VERSION="$line" N8N_HOST_DIR="$dir" node scripts/n8n-host.js install
  echo "[ci-e2e] n8n $line.x host ready: $(( $(date +%s) - t1 ))s"
  N8N_HOST_VERSION="$line" N8N_HOST_DIR="$dir" npm run test:e2e
  echo "[ci-e2e] n8n $line.x e2e done: $(( $(date +%s) - t1 ))s"
done
echo "[ci-e2e] total: $(( $(date +%s) - t0 ))s"
