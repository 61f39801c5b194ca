#!/usr/bin/env bash
# Real Puppet (hiera lookups of the generated tree) and yamllint for hiera-export's tests.
set -euo pipefail
missing=()
command -v puppet >/dev/null || missing+=(puppet)
command -v yamllint >/dev/null || missing+=(yamllint)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
