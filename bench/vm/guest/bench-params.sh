# shellcheck shell=sh
# Sourced by the bench guest scripts: bench_params DEFAULT_RUNS sets RUNS
# and MIB from the kernel command line (gs.bench_runs=N, gs.bench_mib=MIB;
# MIB defaults to 64).
bench_params() {
	RUNS=$1 MIB=64
	for arg in $(cat /proc/cmdline); do
		case $arg in
		gs.bench_runs=*) RUNS=${arg#*=} ;;
		gs.bench_mib=*) MIB=${arg#*=} ;;
		esac
	done
}
