#!/usr/bin/env bash
# End-to-end tests in CI: real n8n (cached install) + the Twilio simulator + redis + headless Chromium.
# Called from .ci/run after `npm ci`. Everything listens on 127.0.0.1 only.
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

# Keep the ~3 GB n8n install outside the fresh clone so that later runs on this machine reuse it.
export N8N_HOST_DIR="${N8N_HOST_DIR:-$HOME/.cache/n8n-nodes-twilio-conference/n8n-host}"
node scripts/n8n-host.js install
echo "[ci-e2e] n8n host ready: $(( $(date +%s) - t0 ))s"

export E2E_REQUIRE_BROWSER=1
npm run test:e2e
echo "[ci-e2e] total: $(( $(date +%s) - t0 ))s"
