#!/usr/bin/env bash
# Sets up ZoneDeck on a Debian 12 machine with Node 20: the system packages it needs (when run
# as root and they are missing), pnpm, the dependencies, and a production build.
# Then `pnpm start` runs the console on the embedded simulated SmartOS host.
set -euo pipefail
cd "$(dirname "$0")"

# Packages: compilers for the native modules (better-sqlite3, node-pty, ssh2), Debian's chromium
# for the browser tests, OpenSSH's server for the SSH transport tests.
# QEMU and busybox for the simulated host's KVM guests (without them it uses a built-in guest).
apt_packages=(build-essential python3 chromium openssh-server qemu-system-x86 busybox-static)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

want_pnpm=$(node -p "require('./package.json').packageManager.split('@')[1]")
if [ "$(pnpm --version 2>/dev/null || true)" != "$want_pnpm" ]; then
  echo "setup: installing pnpm $want_pnpm"
  npm install -g "pnpm@$want_pnpm" >/dev/null
fi

# node-gyp finds Node's headers here (Debian's nodejs ships them); pnpm reads this only from the environment.
if [ -d /usr/include/node ] && [ -z "${npm_config_nodedir:-}" ]; then
  export npm_config_nodedir=/usr
fi

pnpm install --frozen-lockfile
packages/smartos-sim/scripts/build-guest-image.sh
pnpm build
echo "setup: done. Start the console with: pnpm start"
