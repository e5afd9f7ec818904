#!/usr/bin/env bash
# Enforces the crate boundaries written in ARCHITECTURE.md:
#  - src-tauri (laoke-app) is the only crate that knows Tauri;
#  - laoke-core is pure: no rusqlite, no tokio, no tauri;
#  - a plain `cargo test` (the default members) needs no webkit.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
tree=$(cargo tree -p laoke-core -p laoke-store -e normal --prefix none 2>/dev/null)
if grep -qiE '^tauri' <<<"$tree"; then
  echo "architecture: laoke-core or laoke-store depends on tauri:"; grep -iE '^tauri' <<<"$tree" | sort -u; fail=1
fi
core=$(cargo tree -p laoke-core -e normal --prefix none 2>/dev/null)
if grep -qE '^(rusqlite|tokio|libsqlite3-sys) ' <<<"$core"; then
  echo "architecture: laoke-core must not depend on rusqlite or tokio:"; grep -E '^(rusqlite|tokio|libsqlite3-sys) ' <<<"$core" | sort -u; fail=1
fi
# A plain `cargo test` builds the default members only; none of them may need webkit or gtk.
defaults=$(cargo tree -p laoke-core -p laoke-store -p laoke-cli -e normal,build,dev --prefix none 2>/dev/null)
if grep -qE '^(webkit2gtk|gtk|tauri|wry)[-a-z0-9]* ' <<<"$defaults"; then
  echo "architecture: the default members need webkit/gtk/tauri:"; grep -E '^(webkit2gtk|gtk|tauri|wry)' <<<"$defaults" | sort -u; fail=1
fi
[ "$fail" = 0 ] && echo "architecture: ok (laoke-core pure, no tauri below the shell)"
exit "$fail"
