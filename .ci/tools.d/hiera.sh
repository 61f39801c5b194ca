#!/usr/bin/env bash
# Real Puppet (lookups, parser validate, rspec-puppet on the profile class), puppet-lint, yamllint,
# shellcheck and a real run of the refresh script (rsync, flock, ruby for YAML), systemd-analyze
# for the timer interval's grammar.
set -euo pipefail
missing=()
command -v puppet >/dev/null || missing+=(puppet)
command -v yamllint >/dev/null || missing+=(yamllint)
command -v rspec >/dev/null || missing+=(ruby-rspec-puppet)
[[ -d /usr/share/ruby-vendor/rspec-puppet || -n "$(gem list -i rspec-puppet 2>/dev/null | grep true)" ]] \
  || dpkg -s ruby-rspec-puppet >/dev/null 2>&1 || missing+=(ruby-rspec-puppet)
command -v puppet-lint >/dev/null || missing+=(puppet-lint)
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v rsync >/dev/null || missing+=(rsync)
command -v flock >/dev/null || missing+=(util-linux)
command -v ruby >/dev/null || missing+=(ruby)
command -v systemd-analyze >/dev/null || missing+=(systemd)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
