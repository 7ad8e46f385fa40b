#!/bin/bash
# Ghost swap benchmark in qemu (TCG), one command:
#
#   bench/vm/run.sh [--runs N] [--mib MIB] [--disk-boots N] [--mem MIB]
#                   [--only peer|disk|profile] [--ghost BZIMAGE] [--stock BZIMAGE]
#
# 1. peer (one boot of the ghost kernel, bench/vm/guest/bench-peer.sh):
#    - what a ghost device costs: kernel memory at swapon per GiB of virtual
#      size, and per slot in use beyond zswap's own entry (next to the same
#      for disk + zswap; vswap metadata_bytes gives the ghost clusters' part);
#    - zram vs ghost + zswap vs disk + zswap, the same compressor (lz4),
#      the same MIB MiB workloads (compressible, mixed, random), each run
#      on a fresh device, the three devices interleaved run by run, N runs
#      (default 5): swap-out MiB/s (MADV_PAGEOUT), swap-in MiB/s (a read
#      fault on every page), RAM held per MiB swapped out (the backend's
#      memory plus what stayed resident), medians and ratios to zram; also
#      the whole workload's MiB per second of MADV_PAGEOUT (refused pages
#      included), since a device that refuses pages moves fewer of them.
# 2. disk (bench/vm/guest/bench-disk.sh): ordinary swap on the virtio-blk
#    disk without zswap on the stock kernel and on the patched one, booted
#    alternately (--disk-boots pairs, default 3, two rounds each): the
#    patched/stock ratio of the medians.
# 3. profile (only with --only profile; needs perf, Debian's linux-perf):
#    where the CPU time of swapping goes, zram vs ghost + zswap: N runs
#    (default 2) of 20 s of MADV_PAGEOUT + read-back loops over MIB MiB of
#    compressible pages, sampled with perf in the guest; prints the loop
#    rounds each device managed and the symbols with the most samples.
#
# The kernels come from kernel/build.sh (GHOSTSWAP_CACHE selects the cache)
# unless --ghost / --stock name them.
# Logs: bench/out/vm/.  TCG figures compare with each other, not with real
# hardware.  Takes about 20 minutes on 2 cores.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
RUNS='' MIB=64 BOOTS=3 MEM=256 ONLY='' ghost='' stock=''
while [ $# -gt 0 ]; do
	case $1 in
	--runs) RUNS=${2:?}; shift 2 ;;
	--mib) MIB=${2:?}; shift 2 ;;
	--disk-boots) BOOTS=${2:?}; shift 2 ;;
	--mem) MEM=${2:?}; shift 2 ;;
	--only) ONLY=${2:?}; shift 2 ;;
	--ghost) ghost=${2:?}; shift 2 ;;
	--stock) stock=${2:?}; shift 2 ;;
	-h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "bench: unknown argument $1" >&2; exit 2 ;;
	esac
done
case $ONLY in
''|peer|disk|profile) ;;
*) echo "bench: --only $ONLY: not peer, disk or profile" >&2; exit 2 ;;
esac
OUT=$TOP/bench/out/vm
mkdir -p "$OUT"
extra=()
if [ "$ONLY" = profile ]; then
	perf=$(command -v perf) || { echo "bench: --only profile needs perf (apt-get install linux-perf)" >&2; exit 1; }
	extra=(--extra "$(readlink -f "$perf")")
fi
[ -n "$ghost" ] || ghost=$("$TOP/kernel/build.sh" --variant ghost | tail -n1)
case $ONLY in peer|profile) ;; *) [ -n "$stock" ] || stock=$("$TOP/kernel/build.sh" --variant stock | tail -n1) ;; esac
GHOSTSWAP_VM_OUT=$OUT "$TOP/tests/vm/mkinitramfs.sh" "${extra[@]}" -o "$OUT/initramfs.cpio.gz"

# boot KERNEL NAME SCRIPT: one VM running SCRIPT; its BENCH lines go to
# $OUT/NAME.txt
boot() {
	echo "bench: $2 ($1)" >&2
	rm -f "$OUT/disk.img"
	truncate -s 2G "$OUT/disk.img"
	timeout -s KILL 3600 qemu-system-x86_64 -machine pc -accel tcg -cpu max \
		-m "$MEM" -smp 2 -kernel "$1" -initrd "$OUT/initramfs.cpio.gz" \
		-append "console=ttyS0,115200 panic=-1 loglevel=4 gs.interactive=$3 gs.bench_runs=$4 gs.bench_mib=$MIB" \
		-drive "file=$OUT/disk.img,if=virtio,format=raw,cache=unsafe" \
		-nographic -monitor none -no-reboot -serial "file:$OUT/$2.log" -serial null \
		< /dev/null > "$OUT/qemu.log" 2>&1 || true
	tr -d '\r' < "$OUT/$2.log" | grep '^BENCH ' > "$OUT/$2.txt" || true
	grep -q '^BENCH done' "$OUT/$2.txt" || { echo "bench: $2 did not finish; see $OUT/$2.log" >&2; exit 1; }
}

rm -f "$OUT"/*.txt
t0=$(date +%s)
if [ "$ONLY" = profile ]; then
	boot "$ghost" profile bench-profile.sh "${RUNS:-2}"
else
	[ "$ONLY" = disk ] || boot "$ghost" peer bench-peer.sh "${RUNS:-5}"
fi
if [ -z "$ONLY" ] || [ "$ONLY" = disk ]; then
	for b in $(seq 1 "$BOOTS"); do
		boot "$stock" "disk-stock-$b" bench-disk.sh 2
		boot "$ghost" "disk-ghost-$b" bench-disk.sh 2
	done
fi
echo "bench: done in $(( $(date +%s) - t0 ))s" >&2

python3 - "$OUT" "$MEM" <<'PY'
import glob, statistics, sys

out, mem = sys.argv[1], sys.argv[2]
rows = []
for path in sorted(glob.glob(out + "/*.txt")):
    for line in open(path):
        f = line.split()
        if len(f) < 2:
            continue
        kv = dict(x.split("=", 1) for x in f[2:] if "=" in x)
        kv["kind"] = f[1]
        rows.append(kv)

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None

def fmt(x, p=1):
    return "n/a" if x is None else f"{x:.{p}f}"

def rate(pages, secs):
    try:
        p, s = int(pages), float(secs)
    except (TypeError, ValueError):
        return None
    return p * 4 / 1024 / s if p > 0 and s > 0 else None

print(f"Ghost swap benchmark (qemu TCG, {mem} MiB guest RAM)")
for r in rows:
    if r["kind"] == "config" and "devsize" in r:
        print(f"  workload {r['mib']} MiB per run, {r['runs']} runs, devices {r['devsize']}, "
              f"zswap {r['zswap_compressor']}, zram lz4")
    elif r["kind"] == "config":
        print(f"  workload {r['mib']} MiB, {r['runs']} runs")
if any(r["kind"] in ("memcost", "slotcost") for r in rows):
    print()
    print("Kernel memory a ghost device costs:")
for r in rows:
    if r["kind"] == "memcost":
        g = int(r["gib"])
        if r.get("first") == "1":
            print(f"  first swapon of the boot ({g} GiB, one-time costs): "
                  f"Slab+Vmalloc+Percpu +{r['kmem_kb']} kB, MemFree {-int(r['memfree_kb']):+d} kB")
        else:
            print(f"  swapon of {g:5d} GiB: Slab+Vmalloc+Percpu +{r['kmem_kb']} kB "
                  f"({int(r['kmem_kb']) / g:.2f} kB per GiB), MemFree {-int(r['memfree_kb']):+d} kB")
    if r["kind"] == "slotcost":
        slots, kb = max(int(r["slots"]), 1), int(r["kmem_kb"])
        e = r["zswap_entry_bytes"]
        per = int(r.get("slab_bytes", kb * 1024)) / slots
        line = (f"  {r.get('dev', 'ghost'):5s} + zswap, {slots} slots: slab objects +{per:.1f} bytes per slot"
                f" (Slab+Vmalloc+Percpu +{kb} kB)")
        if e.isdigit():
            line += f", {per - int(e):.1f} beyond zswap's {e}-byte entry"
        meta = r.get("ghost_meta_bytes", "0")
        if r.get("dev", "ghost") == "ghost" and meta.isdigit() and int(meta) > 0:
            line += f"; ghost clusters {int(meta) / slots:.1f} (vswap metadata_bytes, swap table page included)"
        print(line)
if any(r["kind"] == "slotcost" for r in rows):
    print("  (every device's swap table is a 4 KiB page per cluster in use, 8 bytes per slot, not in slabinfo)")

peer = {}
for r in rows:
    if r["kind"] != "peer" or r.get("rc") != "0":
        continue
    mib = int(r["mib"])
    d = peer.setdefault((r["workload"], r["dev"]),
                        {"out": [], "in": [], "ram": [], "dyn": [], "moved": [], "wl": []})
    # a rate of next to nothing moved (random pages on a ghost device) means nothing
    few = {k: int(r[k]) < mib * 256 // 100 for k in ("out_pages", "in_pages")}
    d["out"].append(None if few["out_pages"] else rate(r["out_pages"], r["out_s"]))
    d["wl"].append(rate(mib * 256, r["out_s"]))
    d["in"].append(None if few["in_pages"] else rate(r["in_pages"], r["in_s"]))
    backend, static, left = int(r["backend_kb"]), int(r["static_kb"]), max(int(r["resident_kb"]), 0)
    d["ram"].append((backend + static + left) / (mib * 1024))
    stored = int(r["out_pages"]) * 4
    d["dyn"].append(backend / stored if stored else None)
    d["moved"].append(int(r["out_pages"]) * 4 / 1024 / mib)
if peer:
    print()
    print("Peer: same VM, same compressor, fresh device per run; medians.")
    print("  out/in: MiB/s of pages really moved (MADV_PAGEOUT; a read fault on every page)")
    print("  wl/zram: MiB/s of the whole workload paged out (moved or refused), ratio to zram")
    print("  RAM/MiB: RAM held per MiB of workload after swap-out: the backend's memory (static")
    print("           tables included) + what stayed in RAM (refused, in the swap cache)")
    print("  dyn/MiB: the backend's growth per MiB really stored (no static tables, nothing resident)")
    print(f"  {'workload':12s} {'device':6s} {'out':>7s} {'in':>7s} {'RAM/MiB':>8s} {'dyn/MiB':>8s} {'moved':>6s}"
          f"   {'out/zram':>8s} {'in/zram':>8s} {'RAM/zram':>8s} {'dyn/zram':>8s} {'wl/zram':>8s}")
    for w in ("compressible", "mixed", "random"):
        z = peer.get((w, "zram"))
        for dev in ("zram", "ghost", "disk"):
            d = peer.get((w, dev))
            if not d:
                print(f"  {w:12s} {dev:6s} no successful run")
                continue
            o, i, m, dy, mv = med(d["out"]), med(d["in"]), med(d["ram"]), med(d["dyn"]), med(d["moved"])
            ratios = []
            for key, v in (("out", o), ("in", i), ("ram", m), ("dyn", dy), ("wl", med(d["wl"]))):
                zv = med(z[key]) if z and dev != "zram" else None
                ratios.append(v / zv if v is not None and zv else None)
            print(f"  {w:12s} {dev:6s} {fmt(o):>7s} {fmt(i):>7s} {fmt(m, 3):>8s} {fmt(dy, 3):>8s} {mv * 100:5.0f}%"
                  f"   {fmt(ratios[0], 2):>8s} {fmt(ratios[1], 2):>8s} {fmt(ratios[2], 2):>8s} {fmt(ratios[3], 2):>8s}"
                  f" {fmt(ratios[4], 2):>8s}"
                  f"   (n={len(d['out'])})")

prof = {}
syms = {}
for r in rows:
    if r["kind"] == "profile" and r.get("rc") == "0":
        prof.setdefault(r["dev"], []).append(int(r["rounds"]) / float(r["secs"]))
    elif r["kind"] == "perfsym":
        syms.setdefault(r["sym"], {}).setdefault(r["dev"], []).append(float(r["self"]))
if prof:
    print()
    print("Profile: 20 s of MADV_PAGEOUT + read-back loops, perf cpu-clock samples in the guest")
    z, g = med(prof.get("zram", [])), med(prof.get("ghost", []))
    print(f"  loop rounds per second (median): zram {fmt(z, 3)}, ghost {fmt(g, 3)}"
          f"  => ghost/zram {fmt(g / z if g and z else None, 3)}x  (n={len(prof.get('zram', []))})")
    nruns = max(len(v) for v in prof.values())
    mean = lambda xs: sum(xs) / nruns
    xa = {d: sum(mean(syms.get(s, {}).get(d, [])) for s in ("xa_load", "xas_load", "xas_start"))
          for d in ("zram", "ghost")}
    print(f"  xarray lookups (xa_load + xas_load + xas_start), % of samples: "
          f"zram {xa['zram']:.2f}, ghost {xa['ghost']:.2f}")
    print("  symbols with the most samples of their own (% of samples, mean over runs;")
    print("  a symbol outside a run's 60 largest counts as 0 there):")
    top = sorted(syms, key=lambda s: -max(mean(syms[s].get(d, [])) for d in ("zram", "ghost")))
    print(f"    {'symbol':40s} {'zram':>6s} {'ghost':>6s}")
    for s in top[:25]:
        print(f"    {s:40s} {mean(syms[s].get('zram', [])):6.2f} {mean(syms[s].get('ghost', [])):6.2f}")

disk = {}
for r in rows:
    if r["kind"] != "disk" or r.get("rc") != "0":
        continue
    d = disk.setdefault((r["workload"], r["kernel"]), {"out": [], "in": []})
    if r["workload"] == "pageout":
        d["out"].append(rate(r["out_pages"], r["out_s"]))
        d["in"].append(rate(r["in_pages"], r["in_s"]))
    else:
        d["out"].append(float(r["fill_mibs"]) if r.get("fill_mibs") else None)
        d["in"].append(float(r["verify_mibs"]) if r.get("verify_mibs") else None)
if disk:
    print()
    print("Ordinary disk swap (virtio-blk, no zswap), patched vs stock kernel, medians (MiB/s):")
    for w in ("pageout", "pressure"):
        s, g = disk.get((w, "stock")), disk.get((w, "ghost"))
        if not s or not g:
            print(f"  {w}: missing runs")
            continue
        so, si, go, gi = med(s["out"]), med(s["in"]), med(g["out"]), med(g["in"])
        what = "pageout + read faults" if w == "pageout" else "memhog 1.5 x RAM fill / verify"
        print(f"  {w:9s} ({what}): stock out {fmt(so)} in {fmt(si)}; patched out {fmt(go)} in {fmt(gi)}"
              f"  => patched/stock out {fmt(go / so if go and so else None, 3)}x, "
              f"in {fmt(gi / si if gi and si else None, 3)}x  (n={len(s['out'])}+{len(g['out'])})")
PY
