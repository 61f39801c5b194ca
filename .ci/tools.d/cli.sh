#!/usr/bin/env bash
# The SARIF 2.1.0 JSON schema, for the test that validates mwexp's --output sarif: the official
# schema file ships in the npm package @microsoft/jest-sarif; it is fetched here, never committed.
set -euo pipefail
target=/usr/local/share/mwexp-test/sarif-2.1.0-rtm.5.json
if [[ ! -s $target ]]; then
  command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm; }
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null \
    && tar xzf ./*.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json)
  mkdir -p "$(dirname "$target")"
  cp "$work/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$target"
  rm -rf "$work"
fi
