/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Every path of the kernel interface the tools read or write, spelled once.
 *
 * These are system paths: the sysroot layer (sysroot.h) places them under
 * --sysroot DIR, so no tool opens one of them by any other route. What each
 * file holds is described in doc/kernel-interface.md.
 */
#ifndef GHOSTSWAP_PATHNAMES_H
#define GHOSTSWAP_PATHNAMES_H

/* The trees a sysroot may hold; paths outside them are the user's files. */
#define PATH_DEV_DIR  "/dev"
#define PATH_PROC_DIR "/proc"
#define PATH_SYS_DIR  "/sys"

/* /proc */
#define PATH_PROC_SWAPS		"/proc/swaps"
#define PATH_PROC_MEMINFO	"/proc/meminfo"
#define PATH_PROC_VMSTAT	"/proc/vmstat"
#define PATH_PROC_UPTIME	"/proc/uptime"
#define PATH_PROC_OSRELEASE	"/proc/sys/kernel/osrelease"
#define PATH_PROC_MOUNTINFO	"/proc/self/mountinfo"
#define PATH_PROC_OOM_SCORE_ADJ "/proc/self/oom_score_adj"
/* the live one, never under a sysroot: mkswap links its O_TMPFILE through it */
#define PATH_PROC_SELF_FD "/proc/self/fd"

/* debugfs: readable by root only on most systems */
#define PATH_DEBUGFS	 "/sys/kernel/debug"
#define PATH_ZSWAP_DEBUG PATH_DEBUGFS "/zswap"
#define PATH_VSWAP_DEBUG PATH_DEBUGFS "/vswap"

/* module parameters */
#define PATH_ZSWAP_PARAMS     "/sys/module/zswap/parameters"
#define PATH_GHOSTSWAP_PARAMS "/sys/module/ghostswap/parameters"
/* /dev/ghostswap's size knob: its presence marks a kernel with ghost swap */
#define PATH_GHOSTSWAP_SIZE PATH_GHOSTSWAP_PARAMS "/size"
/* Y or N: a ghost swap area is refused (EOPNOTSUPP) while zswap is off */
#define PATH_ZSWAP_ENABLED PATH_ZSWAP_PARAMS "/enabled"

/* swap tiers */
#define PATH_SWAP_TIERS "/sys/kernel/mm/swap/tiers"

/* zram: /sys/block/zramN/<attribute> */
#define PATH_SYS_BLOCK	    "/sys/block"
#define ZRAM_NAME_PREFIX    "zram"
#define ZRAM_DISKSIZE	    "disksize"
#define ZRAM_MM_STAT	    "mm_stat"
#define ZRAM_BD_STAT	    "bd_stat"
#define ZRAM_COMP_ALGORITHM "comp_algorithm"

/* cgroup v2: the unified hierarchy, or beside v1 on hybrid systems */
#define PATH_CGROUP2	    "/sys/fs/cgroup"
#define PATH_CGROUP2_HYBRID "/sys/fs/cgroup/unified"
#define CG_CONTROLLERS	    "cgroup.controllers"
#define CG_SWAP_CURRENT	    "memory.swap.current"
#define CG_SWAP_MAX	    "memory.swap.max"
#define CG_SWAP_PEAK	    "memory.swap.peak"
#define CG_SWAP_EVENTS	    "memory.swap.events"
#define CG_SWAP_TIERS_MAX   "memory.swap.tiers.max"
#define CG_ZSWAP_CURRENT    "memory.zswap.current"
#define CG_ZSWAP_MAX	    "memory.zswap.max"
#define CG_ZSWAP_WRITEBACK  "memory.zswap.writeback"
#define CG_MEMORY_STAT	    "memory.stat"

/* /dev */
#define PATH_DEV_GHOSTSWAP "/dev/ghostswap"

/* what fstab is called inside a --sysroot tree (libmount knows the live one) */
#define PATH_FSTAB "/etc/fstab"

#endif
