#!/usr/bin/env bash
# Times @pactflow/swagger-mock-validator (npm) on pairs of spec and pact; the baseline of 'bench/run compat'.
#   bench/compat-vs-smv.sh LIMIT-SECONDS SPEC PACT [SPEC PACT]...
# Installs the tool into a temporary folder (removed on exit, never the repository), then runs its CLI
# once per pair under the time limit and prints one line per pair:
#   ok MS ERRORS      it finished in MS ms (node start-up included) and reported ERRORS errors
#   timeout           it did not finish within the limit
#   failed: REASON    it stopped without a verdict
# Prints 'version V' first, or 'install-failed: REASON' and exits 3 when npm cannot install it.
set -uo pipefail
limit="$1"; shift
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
if ! npm install --prefix "$tmp" --no-audit --no-fund --loglevel=error @pactflow/swagger-mock-validator >"$tmp/install.log" 2>&1; then
  echo "install-failed: $(grep -m1 -i 'err' "$tmp/install.log" || tail -n1 "$tmp/install.log")"; exit 3
fi
echo "version $(node -p "require('$tmp/node_modules/@pactflow/swagger-mock-validator/package.json').version")"
while [ $# -ge 2 ]; do
  t0=$(date +%s%N)
  timeout -k 5 "$limit" "$tmp/node_modules/.bin/swagger-mock-validator" "$1" "$2" >"$tmp/out" 2>"$tmp/err"
  rc=$?; ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  # Exit 1 is both "incompatible" and "crashed": only a summary line on stdout means a verdict.
  errors=$(grep -m1 -oE '^[0-9]+ error\(s\)' "$tmp/out" | grep -oE '^[0-9]+')
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "timeout"
  elif [ -n "$errors" ]; then echo "ok $ms $errors"
  else echo "failed: exit $rc, $(cat "$tmp/err" "$tmp/out" | grep -m1 -v '^\s*$' | cut -c1-100)"
  fi
  shift 2
done
