#!/bin/bash
# Ghost swap benchmark, in ONE boot of the ghost kernel (qemu TCG):
#  - swap-out and swap-in throughput of the same workload on a ghost
#    device + zswap and on a disk swap device (virtio-blk) + zswap, with
#    the ghost/disk ratio;
#  - kernel memory a ghost device costs per GiB of virtual size (MemFree,
#    Slab, Percpu and VmallocUsed deltas around swapon of a 64 GiB and a
#    1 TiB /dev/ghostswap).
#
# Usage: bench/vm/run.sh [--kernel BZIMAGE] [--mem MIB]
# Prints the figures; the console log goes to bench/out/vm/console.log.
# TCG figures are only comparable with each other, not with real hardware.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
KERNEL='' MEM=256
while [ $# -gt 0 ]; do
	case $1 in
	--kernel) KERNEL=${2:?}; shift 2 ;;
	--mem) MEM=${2:?}; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench: unknown argument $1" >&2; exit 2 ;;
	esac
done
OUT=$TOP/bench/out/vm
mkdir -p "$OUT"
[ -n "$KERNEL" ] || KERNEL=$("$TOP/kernel/build.sh" --variant ghost | tail -n1)
GHOSTSWAP_VM_OUT=$OUT "$TOP/tests/vm/mkinitramfs.sh" -o "$OUT/initramfs.cpio.gz"
rm -f "$OUT/disk.img"
truncate -s 2G "$OUT/disk.img"

echo "bench: booting $KERNEL with $MEM MiB (TCG), this takes a few minutes" >&2
timeout -s KILL 3600 qemu-system-x86_64 -machine pc -accel tcg -cpu max \
	-m "$MEM" -smp 2 -kernel "$KERNEL" -initrd "$OUT/initramfs.cpio.gz" \
	-append "console=ttyS0,115200 panic=-1 loglevel=4 gs.variant=ghost gs.interactive=bench.sh" \
	-drive "file=$OUT/disk.img,if=virtio,format=raw,cache=unsafe" \
	-nographic -monitor none -no-reboot -serial "file:$OUT/console.log" -serial null \
	< /dev/null > "$OUT/qemu.log" 2>&1 || true
tr -d '\r' < "$OUT/console.log" | grep '^BENCH ' > "$OUT/bench.txt" || true
grep -q '^BENCH done' "$OUT/bench.txt" || { echo "bench: the VM did not finish; see $OUT/console.log" >&2; exit 1; }

python3 - "$OUT/bench.txt" "$MEM" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) < 2 or f[1] not in ("memcost", "throughput"):
        continue
    kv = dict(x.split("=", 1) for x in f[2:] if "=" in x)
    kv["kind"] = f[1]
    rows.append(kv)
print(f"Ghost swap benchmark (qemu TCG, {sys.argv[2]} MiB guest RAM)")
print()
print("Kernel memory per ghost device (swapon of /dev/ghostswap, nothing swapped):")
for r in rows:
    if r["kind"] != "memcost":
        continue
    g = int(r["gib"])
    mf = int(r["memfree_kb"])
    print(f"  {g:5d} GiB virtual: MemFree -{mf} kB, Slab +{r['slab_kb']} kB, "
          f"Percpu +{r['percpu_kb']} kB, Vmalloc +{r['vmalloc_kb']} kB"
          f"  => {mf / g:.1f} kB per GiB of MemFree, "
          f"{(int(r['slab_kb']) + int(r['vmalloc_kb']) + int(r['percpu_kb'])) / g:.1f} kB per GiB of Slab+Vmalloc+Percpu")
print()
print("Throughput (memhog fill = swap-out, verify = swap-in), MiB/s:")
t = {}
for r in rows:
    if r["kind"] != "throughput":
        continue
    key = (r["workload"], r["mib"], r["pool"])
    t.setdefault(key, {})[r["dev"]] = r
    print(f"  {r['workload']:12s} {r['mib']:>5s} MiB pool {r['pool']:>2s}% {r['dev']:5s}: "
          f"out {r['out_mibs']:>7s}  in {r['in_mibs']:>7s}  (rc {r['rc']}, pswpout {r['pswpout']}, "
          f"pswpin {r['pswpin']}, zswpout {r['zswpout']}, zswpin {r['zswpin']}, "
          f"kept resident {r.get('resident', '?')})")
for key, d in t.items():
    if "ghost" in d and "disk" in d:
        try:
            ro = float(d["ghost"]["out_mibs"]) / float(d["disk"]["out_mibs"])
            ri = float(d["ghost"]["in_mibs"]) / float(d["disk"]["in_mibs"])
            print(f"  ratio ghost/disk {key[0]:12s} pool {key[2]:>2s}%: swap-out {ro:.2f}x, swap-in {ri:.2f}x")
        except (ValueError, ZeroDivisionError):
            print(f"  ratio ghost/disk {key[0]} pool {key[2]}%: n/a (a run did not finish)")
PY
