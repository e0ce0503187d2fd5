#!/usr/bin/env bash
# Builds the guest that the simulator's kvm and bhyve VMs boot under QEMU, from Debian packages
# only: the kernel of linux-image-amd64 and an initramfs of busybox-static with an /init that
# mounts proc/sys/dev, sets the hostname from the kernel command line, shows a banner on tty0
# and runs busybox init (getty/login on ttyS0, ttyS1 and tty1; poweroff/reboot work).
#
#   packages/smartos-sim/scripts/build-guest-image.sh    # into $ZONEDECK_GUEST_DIR or <pkg>/guest
#
# Writes vmlinuz, initrd.gz, accel (kvm when a probe boot under KVM printed the kernel banner,
# else tcg) and stamp. Idempotent: does nothing when the stamp (kernel package
# + this script's checksum) matches. Needs apt's package lists (apt-get update); root is not
# required (apt-get download writes to the working directory).
set -euo pipefail

pkg_dir=$(cd "$(dirname "$0")/.." && pwd)
out=${ZONEDECK_GUEST_DIR:-$pkg_dir/guest}

kernel_pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
if [ -z "$kernel_pkg" ]; then
  echo "build-guest-image: no linux-image-<version>-amd64 in apt's lists (run apt-get update)" >&2
  exit 1
fi
stamp="$kernel_pkg $(sha256sum "$0" | cut -c1-16)"
if [ -s "$out/vmlinuz" ] && [ -s "$out/initrd.gz" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "build-guest-image: $out is up to date ($kernel_pkg)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download -q "$kernel_pkg" busybox-static >/dev/null 2>&1 || apt-get download "$kernel_pkg" busybox-static
dpkg-deb -x linux-image-*.deb kernel
dpkg-deb -x busybox-static_*.deb bb
busybox=$work/bb/bin/busybox

mkdir -p rootfs/bin rootfs/sbin rootfs/usr/bin rootfs/usr/sbin rootfs/etc rootfs/proc rootfs/sys \
  rootfs/dev rootfs/root rootfs/tmp rootfs/run
cp "$busybox" rootfs/bin/busybox

cat >rootfs/init <<'INIT'
#!/bin/busybox sh
# PID 1 of the ZoneDeck test guest: set the machine up, then hand over to busybox init.
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts
mount -t devpts devpts /dev/pts

name=guest
rootpw=root
for arg in $(cat /proc/cmdline); do
  case "$arg" in
    hostname=*) name=${arg#hostname=} ;;
    rootpw=*) rootpw=${arg#rootpw=} ;;
  esac
done
hostname "$name"
echo "$name" >/etc/hostname
echo "root:x:0:0:root:/root:/bin/sh" >/etc/passwd
echo "root:x:0:" >/etc/group
echo "root:$(mkpasswd -m sha512 "$rootpw"):19000:0:99999:7:::" >/etc/shadow
chmod 600 /etc/shadow
printf '\nZoneDeck test guest %s (Linux \\r) \\l\n\n' "$name" >/etc/issue
echo "Welcome to $name, a ZoneDeck test guest (busybox $(busybox | head -1 | cut -d' ' -f2))." >/etc/motd
echo 'export PS1="\h:\w# "' >/root/.profile
cat >/etc/inittab <<TAB
ttyS0::respawn:/sbin/getty -L 115200 ttyS0 vt100
ttyS1::respawn:/sbin/getty -L 115200 ttyS1 vt100
tty1::respawn:/sbin/getty 38400 tty1 linux
::ctrlaltdel:/sbin/reboot
::shutdown:/bin/umount -a -r
TAB
printf '\033[2J\033[H*** ZoneDeck test guest %s ***\n\n' "$name" >/dev/tty0
exec /sbin/init
INIT
chmod 755 rootfs/init

mkdir -p "$out"
cp kernel/boot/vmlinuz-* "$out/vmlinuz.tmp"
(cd rootfs && find . | "$busybox" cpio -o -H newc 2>/dev/null | gzip -9) >"$out/initrd.gz.tmp"
mv "$out/vmlinuz.tmp" "$out/vmlinuz"
mv "$out/initrd.gz.tmp" "$out/initrd.gz"
# KVM only if it really runs a guest (nested virtualisation often opens /dev/kvm and then hangs)
accel=tcg
if [ -w /dev/kvm ] && command -v qemu-system-x86_64 >/dev/null; then
  if timeout 10 qemu-system-x86_64 -accel kvm -m 128 -kernel "$out/vmlinuz" -initrd "$out/initrd.gz" \
    -append "console=ttyS0 panic=-1" -no-reboot -display none -monitor none -nodefaults -serial stdio \
    2>/dev/null </dev/null | grep -q -m1 'Linux version'; then
    accel=kvm
  fi
fi
echo "$accel" >"$out/accel"
echo "$stamp" >"$out/stamp"
echo "build-guest-image: built $out ($kernel_pkg, $(du -sh "$out" | cut -f1), accel $accel)"
