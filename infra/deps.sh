#!/usr/bin/env bash
# Installs the Debian packages Arena's tests or platform need, only when missing:
#   infra/deps.sh platform   PostgreSQL
#   infra/deps.sh test       PostgreSQL, RabbitMQ for the transport tests, Chromium (+ chromedriver) for the browser tests
set -euo pipefail
want=(postgresql)
[[ "${1:-platform}" == test ]] && want+=(rabbitmq-server chromium chromium-driver)
missing=()
for p in "${want[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ $(id -u) -ne 0 ]]; then
  echo "missing Debian packages: ${missing[*]} (run: sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "installing ${missing[*]}" >&2
apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${missing[@]}" >&2
