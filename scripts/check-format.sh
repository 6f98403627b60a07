#!/usr/bin/env bash
# Fails when any C++ source differs from clang-format's output (.clang-format at the root).
set -euo pipefail
clang_format="${1:-clang-format}"
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files -co --exclude-standard -- '*.cpp' '*.h' | grep -v '^build')
[ "${#files[@]}" -gt 0 ] || exit 0
"$clang_format" --dry-run --Werror "${files[@]}"
echo "format check: ${#files[@]} files clean"
