#!/usr/bin/env bash
# The real clients of the four-repository tests: busted (under LuaJIT) on the routing script,
# named-checkzone on the zone (rendered by Debian's python3-jinja2), Puppet for lookups through the production-shaped hierarchy,
# setpriv for the unprivileged-user tests. Helm is embedded (helm-java from Maven Central).
set -euo pipefail
missing=()
command -v busted >/dev/null || missing+=(lua-busted)
command -v luajit >/dev/null || missing+=(luajit)
command -v named-checkzone >/dev/null || missing+=(bind9-utils)
command -v puppet >/dev/null || missing+=(puppet)
command -v setpriv >/dev/null || missing+=(util-linux)
# Jinja, to render the zone template as operations/dns does before named-checkzone reads it.
/usr/bin/python3 -c 'import jinja2' 2>/dev/null || missing+=(python3-jinja2)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
