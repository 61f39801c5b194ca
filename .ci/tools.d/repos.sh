#!/usr/bin/env bash
# The real clients of the four-repository tests: busted (under LuaJIT) on the routing script,
# named-checkzone on the zone, Puppet for lookups through the production-shaped hierarchy,
# setpriv for the unprivileged-user tests. Helm is embedded (helm-java from Maven Central).
set -euo pipefail
missing=()
command -v busted >/dev/null || missing+=(lua-busted)
command -v luajit >/dev/null || missing+=(luajit)
command -v named-checkzone >/dev/null || missing+=(bind9-utils)
command -v puppet >/dev/null || missing+=(puppet)
command -v setpriv >/dev/null || missing+=(util-linux)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
