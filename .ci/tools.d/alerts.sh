#!/usr/bin/env bash
# The real client of the operations/alerts tests: promtool (check rules, test rules), shipped by
# Debian's prometheus package. The package would start the Prometheus server; a policy-rc.d keeps
# it from starting during the install, and it is stopped in case something started it anyway.
set -euo pipefail
command -v promtool >/dev/null && exit 0
policy=/usr/sbin/policy-rc.d
own_policy=false
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod 755 "$policy"
  own_policy=true
fi
apt-get update -qq
apt-get install -y -qq --no-install-recommends prometheus
if $own_policy; then
  rm -f "$policy"
fi
service prometheus stop >/dev/null 2>&1 || true
command -v promtool >/dev/null
