/* SPDX-License-Identifier: GPL-2.0-or-later */
/* swapspec: sysroot path mapping, header reading, ghost detection, tags. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "swapheader.h"
#include "swapspec.h"
#include "sysroot.h"
#include "unit.h"

/* write a header page (plus @extra zero bytes) to @path */
static void make_area(const char *path, size_t pagesize, uint32_t pages, const char *label,
		      const uint8_t *uuid, size_t extra)
{
	struct swap_header h = {
		.version = SWAP_VERSION,
		.last_page = pages - 1,
		.endian = SWAP_ENDIAN_NATIVE,
		.pagesize = pagesize,
	};
	unsigned char *page = calloc(1, pagesize + extra);
	int fd;

	if (label)
		strcpy(h.label, label);
	if (uuid)
		memcpy(h.uuid, uuid, SWAP_UUID_LEN);
	CHECK(swap_header_encode(&h, page) == 0);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK(write(fd, page, pagesize + extra) == (ssize_t)(pagesize + extra));
	close(fd);
	free(page);
}

int main(void)
{
	static const uint8_t uuid[SWAP_UUID_LEN] = {
		0x0a, 0x0b, 0x0c, 0x0d, 0x11, 0x11, 0x42, 0x22,
		0x83, 0x33, 0x44, 0x44, 0x55, 0x55, 0x66, 0x66
	};
	char dir[] = "/tmp/test_swapspec.XXXXXX", ghost[64], plain[64], big[64], junk[64];
	char ustr[SWAPSPEC_UUID_STR_LEN];
	struct swap_header h;
	struct stat st;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(ghost, sizeof(ghost), "%s/ghost", dir);
	snprintf(plain, sizeof(plain), "%s/plain", dir);
	snprintf(big, sizeof(big), "%s/big", dir);
	snprintf(junk, sizeof(junk), "%s/junk", dir);

	/* /dev, /proc and /sys go through the sysroot, other paths do not */
	CHECK(sysroot_is_system_path("/dev/ghostswap"));
	CHECK(sysroot_is_system_path("/sys"));
	CHECK(!sysroot_is_system_path("/device/x"));
	CHECK(!sysroot_is_system_path("/var/swap"));
	/* judged normalised and absolute, as check_new_ghost_file() judges */
	CHECK(sysroot_is_system_path("//dev/sda"));
	CHECK(sysroot_is_system_path("/tmp/../dev/sda"));
	CHECK(sysroot_is_system_path("/./proc//swaps"));
	CHECK(!sysroot_is_system_path("/dev/../var/swap"));
	CHECK(chdir("/") == 0);
	CHECK(sysroot_is_system_path("dev/sda"));
	CHECK(sysroot_is_system_path("x/../sys/block"));
	CHECK(!sysroot_is_system_path("var/swap"));
	CHECK(chdir("/var") == 0);
	CHECK(!sysroot_is_system_path("dev/sda"));
	CHECK(sysroot_is_system_path("../dev/sda"));
	CHECK(chdir("/tmp") == 0);
	CHECK(swapspec_is_ghostswap_name("//dev/./ghostswap"));
	CHECK(swapspec_is_ghostswap_name("/tmp/../dev/ghostswap"));
	snprintf(junk, sizeof(junk), "%s/dev", dir);
	CHECK(mkdir(junk, 0755) == 0);
	snprintf(junk, sizeof(junk), "%s/dev/area", dir);
	make_area(junk, 4096, 16, "inroot", NULL, 15 * 4096);
	sysroot_set(dir);
	CHECK(swapspec_read_header("/dev/area", &h, &st) == 0);
	CHECK_STR(h.label, "inroot");
	/* un-normalised spellings of /dev/area are the tree's too, never the host's */
	memset(&h, 0, sizeof(h));
	CHECK(swapspec_read_header("//dev/area", &h, &st) == 0);
	CHECK_STR(h.label, "inroot");
	memset(&h, 0, sizeof(h));
	CHECK(swapspec_read_header("/nowhere/../dev/./area", &h, &st) == 0);
	CHECK_STR(h.label, "inroot");
	CHECK(sysroot_stat_area("/nowhere/../dev/area", &st) == 0 && S_ISREG(st.st_mode));
	CHECK(sysroot_stat_area("//dev/null", &st) == -ENOENT);
	sysroot_set(NULL);
	CHECK(sysroot_stat_area("//dev/null", &st) == 0 && S_ISCHR(st.st_mode));
	CHECK(swapspec_read_header("/dev/area", &h, &st) == -ENOENT);

	/* a FIFO is refused at once, never read (a read would block forever) */
	snprintf(junk, sizeof(junk), "%s/fifo", dir);
	CHECK(mkfifo(junk, 0600) == 0);
	CHECK(swapspec_read_header(junk, &h, &st) == -SYSROOT_ENOTREG);
	CHECK(!swapspec_header_matches(junk, "LABEL", "x"));
	CHECK(swapspec_read_header(dir, &h, &st) == -EISDIR);
	snprintf(junk, sizeof(junk), "%s/junk", dir);

	CHECK(swapspec_is_ghostswap_name("/dev/ghostswap"));
	CHECK(!swapspec_is_ghostswap_name("/dev/ghostswap0"));

	/* a one-page file is a ghost; the same header with data after it is not */
	make_area(ghost, 4096, 262144, "ghostone", uuid, 0);
	make_area(plain, 4096, 256, NULL, NULL, 255 * 4096);
	make_area(big, 65536, 16384, "g64", uuid, 0);
	CHECK(swapspec_read_header(ghost, &h, &st) == 0);
	CHECK(swapspec_is_ghost_file(&st, &h));
	CHECK_EQ_U64(h.last_page, 262143);
	CHECK(swapspec_read_header(plain, &h, &st) == 0);
	CHECK(!swapspec_is_ghost_file(&st, &h));
	CHECK(swapspec_read_header(big, &h, &st) == 0);
	CHECK_EQ_U64(h.pagesize, 65536);
	CHECK(swapspec_is_ghost_file(&st, &h));

	/* no header, no file */
	make_area(junk, 4096, 256, NULL, NULL, 0);
	CHECK(truncate(junk, 100) == 0);
	CHECK(swapspec_read_header(junk, &h, NULL) == -EINVAL);
	CHECK(swapspec_read_header("/nonexistent/x", &h, NULL) == -ENOENT);

	/* UUID text, and tags */
	CHECK(swapspec_read_header(ghost, &h, NULL) == 0);
	swapspec_uuid_str(&h, ustr);
	CHECK_STR(ustr, "0a0b0c0d-1111-4222-8333-444455556666");
	CHECK(swapspec_read_header(plain, &h, NULL) == 0);
	swapspec_uuid_str(&h, ustr);
	CHECK_STR(ustr, "");
	CHECK(swapspec_header_matches(ghost, "LABEL", "ghostone"));
	CHECK(!swapspec_header_matches(ghost, "LABEL", "ghost"));
	CHECK(swapspec_header_matches(ghost, "UUID", "0A0B0C0D-1111-4222-8333-444455556666"));
	CHECK(!swapspec_header_matches(ghost, "UUID", "0a0b0c0d-1111-4222-8333-444455556667"));
	CHECK(!swapspec_header_matches(ghost, "PARTLABEL", "ghostone"));
	/* no label and no UUID never match an empty value */
	CHECK(!swapspec_header_matches(plain, "LABEL", ""));
	CHECK(!swapspec_header_matches(plain, "UUID", ""));
	CHECK(!swapspec_header_matches(junk, "LABEL", "ghostone"));

	unlink(ghost);
	unlink(plain);
	unlink(big);
	unlink(junk);
	snprintf(junk, sizeof(junk), "%s/fifo", dir);
	unlink(junk);
	snprintf(junk, sizeof(junk), "%s/dev/area", dir);
	unlink(junk);
	snprintf(junk, sizeof(junk), "%s/dev", dir);
	rmdir(junk);
	CHECK(rmdir(dir) == 0);
	return unit_done("test_swapspec");
}
