/* SPDX-License-Identifier: GPL-2.0-or-later */
/* systemd's path escaping for unit names, and udev's for tag symlinks. */
#include "c.h"
#include "unitname.h"

static const char hexdigits[] = "0123456789abcdef";

static char *put_hex(char *t, unsigned char c)
{
	*t++ = '\\';
	*t++ = 'x';
	*t++ = hexdigits[c >> 4];
	*t++ = hexdigits[c & 15];
	return t;
}

static bool is_ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Length of the valid UTF-8 sequence of two or more bytes at @s, or 0:
 * udev keeps such characters in a symlink name and escapes any other
 * byte outside its list.
 */
static size_t utf8_multibyte_len(const unsigned char *s)
{
	uint32_t cp;
	size_t len, i;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* overlong forms, surrogates and beyond U+10FFFF are not characters */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* udev's encoding of a tag value in a /dev/disk/by-* name */
static char *encode_devnode(const char *value)
{
	const unsigned char *s = (const unsigned char *)value;
	char *out = xmalloc(strlen(value) * 4 + 1), *t = out;

	while (*s) {
		size_t n = utf8_multibyte_len(s);

		if (n) {
			memcpy(t, s, n);
			t += n;
			s += n;
			continue;
		}
		if (is_ascii_alnum(*s) || (*s && strchr("#+-.:=@_", *s)))
			*t++ = (char)*s;
		else
			t = put_hex(t, *s);
		s++;
	}
	*t = '\0';
	return out;
}

char *unitname_fstab_node(const char *source)
{
	static const struct {
		const char *tag, *dir;
	} tags[] = {
		{ "LABEL=", "label" },
		{ "UUID=", "uuid" },
		{ "PARTUUID=", "partuuid" },
		{ "PARTLABEL=", "partlabel" },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(tags); i++) {
		size_t n = strlen(tags[i].tag), len;
		char *value, *enc, *node;

		if (strncmp(source, tags[i].tag, n))
			continue;
		/* a value in matching quotes loses them, as in systemd */
		value = xstrdup(source + n);
		len = strlen(value);
		if (len >= 2 && (value[0] == '"' || value[0] == '\'') &&
		    value[len - 1] == value[0]) {
			memmove(value, value + 1, len - 2);
			value[len - 2] = '\0';
		}
		enc = encode_devnode(value);
		xasprintf(&node, "/dev/disk/by-%s/%s", tags[i].dir, enc);
		free(enc);
		free(value);
		return node;
	}
	return xstrdup(source);
}

/* systemd's path_simplify(): no "//", no "." component, no trailing '/' */
static char *simplify(const char *path)
{
	char *out = xmalloc(strlen(path) + 2), *t = out;
	const char *p = path;

	if (*p == '/')
		*t++ = '/';
	while (*p) {
		const char *e;
		size_t n;

		while (*p == '/')
			p++;
		e = strchrnul(p, '/');
		n = e - p;
		if (n == 0 || (n == 1 && p[0] == '.')) {
			p = e;
			continue;
		}
		if (t > out && t[-1] != '/')
			*t++ = '/';
		memcpy(t, p, n);
		t += n;
		p = e;
	}
	*t = '\0';
	return out;
}

static bool has_dotdot(const char *path)
{
	const char *p = path;

	while ((p = strstr(p, ".."))) {
		if ((p == path || p[-1] == '/') && (p[2] == '/' || p[2] == '\0'))
			return true;
		p += 2;
	}
	return false;
}

char *unitname_from_path(const char *prefix, const char *path, const char *suffix)
{
	char *simple = simplify(path), *name, *t;
	const char *p = simple;

	if (has_dotdot(simple)) {
		free(simple);
		return NULL;
	}
	while (*p == '/')
		p++;
	name = xmalloc(strlen(prefix) + strlen(p) * 4 + strlen(suffix) + 2);
	t = stpcpy(name, prefix);
	if (!*p) {
		*t++ = '-'; /* the root directory */
	} else {
		/* no unit name starts with '.' */
		if (*p == '.')
			t = put_hex(t, *p++);
		for (; *p; p++) {
			unsigned char c = *p;

			if (c == '/')
				*t++ = '-';
			else if (is_ascii_alnum(c) || c == ':' || c == '_' || c == '.')
				*t++ = (char)c;
			else
				t = put_hex(t, c);
		}
	}
	strcpy(t, suffix);
	free(simple);
	if (strlen(name) > UNIT_NAME_MAX) {
		free(name);
		return NULL;
	}
	return name;
}
