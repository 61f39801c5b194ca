#!/usr/bin/env bash
# PHP's CLI: k8s-export's tests read the rendered php.ini overrides with real PHP.
set -euo pipefail
if ! command -v php >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq php-cli
fi
