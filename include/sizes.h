/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Sizes as people write them ("64G", "1.5GiB", "512KB") and as we print them. */
#ifndef GHOSTSWAP_SIZES_H
#define GHOSTSWAP_SIZES_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse @str into bytes, exactly. Suffixes K M G T P E (any case),
 * optionally followed by "iB" (powers of 1024, same as the bare letter) or
 * "B" (powers of 1000); one optional decimal fraction ("." or ","), any
 * number of digits. Returns 0; -EINVAL for anything malformed (including a
 * sign or a space); -ERANGE when the size does not fit in 64 bits; -EDOM
 * when the fraction does not come to a whole number of bytes ("0.1K" is
 * 102.4 bytes). Nothing is rounded or truncated.
 */
int size_parse(const char *str, uint64_t *bytes);

/* Why size_parse() refused a size, as a (translated) phrase for messages. */
const char *size_strerror(int rc);

/*
 * "40 MiB", "1.5 GiB", "512 B": the largest binary unit that keeps the
 * integer part non-zero, one rounded decimal digit when not whole, the
 * locale's decimal point. Writes into @buf (at least 32 bytes).
 */
char *size_to_human(uint64_t bytes, char *buf, size_t bufsz);

/* Parse a whole decimal number into @out within [min, max]. */
int parse_u64(const char *str, uint64_t min, uint64_t max, uint64_t *out);
int parse_s64(const char *str, int64_t min, int64_t max, int64_t *out);

#endif
