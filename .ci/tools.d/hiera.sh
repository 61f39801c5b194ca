#!/usr/bin/env bash
# Real Puppet (lookups, parser validate, rspec-puppet on the profile class), puppet-lint, yamllint,
# Python 3 with flake8 (operations/puppet's lint for .py files) and real runs of the refresh script,
# setpriv for the deployers' write test, systemd-analyze for the timer interval's grammar.
set -euo pipefail
missing=()
command -v puppet >/dev/null || missing+=(puppet)
command -v yamllint >/dev/null || missing+=(yamllint)
command -v rspec >/dev/null || missing+=(ruby-rspec-puppet)
[[ -d /usr/share/ruby-vendor/rspec-puppet || -n "$(gem list -i rspec-puppet 2>/dev/null | grep true)" ]] \
  || dpkg -s ruby-rspec-puppet >/dev/null 2>&1 || missing+=(ruby-rspec-puppet)
command -v puppet-lint >/dev/null || missing+=(puppet-lint)
command -v shellcheck >/dev/null || missing+=(shellcheck)
command -v python3 >/dev/null || missing+=(python3)
/usr/bin/python3 -m flake8 --version >/dev/null 2>&1 || missing+=(python3-flake8)
command -v setpriv >/dev/null || missing+=(util-linux)
command -v ruby >/dev/null || missing+=(ruby)
command -v systemd-analyze >/dev/null || missing+=(systemd)
if ((${#missing[@]})); then
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}"
fi
