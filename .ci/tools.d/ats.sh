#!/usr/bin/env bash
# LuaJIT (unit tests of the routing script) and Traffic Server 9.2 with tslua.so (end-to-end).
set -euo pipefail
missing=()
command -v luajit >/dev/null || missing+=(luajit)
command -v traffic_server >/dev/null || missing+=(trafficserver)
command -v curl >/dev/null || missing+=(curl)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
