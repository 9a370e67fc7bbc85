#!/usr/bin/env bash
# Installs what the editor tests need on a fresh Debian/Ubuntu machine: Vim (Debian packages)
# and the npm packages of editor-support/vscode (from its lock file). Safe to run again: each
# step is skipped when its result is already there.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v vim >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  echo "install-test-tools: installing vim"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq vim-nox >/dev/null \
    || DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq vim >/dev/null
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "install-test-tools: npm is missing (install Node.js 20 or later)" >&2
  exit 1
fi

cd "$here/vscode"
# npm ci wipes node_modules; skip it when node_modules was installed from this very lock file.
stamp=node_modules/.installed-from-lock.sha256
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "$want" ]; then
  echo "install-test-tools: npm ci in editor-support/vscode"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi
echo "install-test-tools: vim $(vim --version | sed -n 1p | sed 's/.*IMproved \([0-9.]*\).*/\1/'), node $(node --version), npm packages ready"
