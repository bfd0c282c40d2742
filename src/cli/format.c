/*
 * format.c -- TSV fields and JSON strings for --format (see format.h).
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/format.h"
#include "cli/output.h"
#include "text/text.h"
#include "util/xmalloc.h"

enum format
format_from_option(const char *value)
{
	if (value == NULL || strcmp(value, "text") == 0)
		return FORMAT_TEXT;
	return strcmp(value, "tsv") == 0 ? FORMAT_TSV : FORMAT_JSON;
}

void
format_raw(const char *s)
{
	output_raw(s, strlen(s));
}

void
format_tsv(const char *s, size_t n)
{
	struct text_buf	b;
	size_t		i;

	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\':
			text_buf_puts(&b, "\\\\");
			break;
		case '\t':
			text_buf_puts(&b, "\\t");
			break;
		case '\n':
			text_buf_puts(&b, "\\n");
			break;
		case '\r':
			text_buf_puts(&b, "\\r");
			break;
		default:
			text_buf_addc(&b, s[i]);
		}
	}
	output_text(b.data, b.len);
	text_buf_free(&b);
}

void
format_tsv_str(const char *s)
{
	format_tsv(s, strlen(s));
}

/* The code point of the UTF-8 sequence at s[0..n), its length in *len. */
static long
format_decode(const unsigned char *s, size_t n, size_t *len)
{
	long	cp;
	size_t	k, want;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	want = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
	*len = 1;
	if (want == 0 || want > n || !text_utf8_valid((const char *)s, want,
	    NULL, NULL, NULL))
		return -1;
	cp = s[0] & (0x7F >> want);
	for (k = 1; k < want; k++)
		cp = (cp << 6) | (s[k] & 0x3F);
	*len = want;
	return cp;
}

static void
format_json_escape(struct text_buf *b, long cp)
{
	if (cp > 0xFFFF) {
		cp -= 0x10000;
		text_buf_printf(b, "\\u%04lx\\u%04lx", 0xD800 + (cp >> 10),
		    0xDC00 + (cp & 0x3FF));
	} else
		text_buf_printf(b, "\\u%04lx", cp);
}

void
format_json(const char *s, size_t n)
{
	const unsigned char	*p = (const unsigned char *)s;
	struct text_buf		 b;
	size_t			 i, len;
	long			 cp;
	char			*clean;

	text_buf_init(&b);
	text_buf_addc(&b, '"');
	for (i = 0; i < n; i += len) {
		cp = format_decode(p + i, n - i, &len);
		if (cp < 0) {
			text_buf_puts(&b, "\\ufffd");
			continue;
		}
		if (cp == '"' || cp == '\\') {
			text_buf_addc(&b, '\\');
			text_buf_addc(&b, (char)cp);
		} else if (cp == '\n')
			text_buf_puts(&b, "\\n");
		else if (cp == '\t')
			text_buf_puts(&b, "\\t");
		else if (cp < 0x20 || cp == 0x7F)
			format_json_escape(&b, cp);
		else if (cp < 0x80)
			text_buf_addc(&b, (char)cp);
		else if (output_ascii_only())
			format_json_escape(&b, cp);
		else {
			/*
			 * Whatever the display policy would not show as it
			 * is (C1, bidi and format characters) is escaped.
			 */
			clean = text_sanitize(s + i, len, TEXT_MODE_PIPE, false,
			    NULL);
			if (strlen(clean) == len && memcmp(clean, s + i, len) == 0)
				text_buf_add(&b, s + i, len);
			else
				format_json_escape(&b, cp);
			free(clean);
		}
	}
	text_buf_addc(&b, '"');
	output_raw(b.data, b.len);
	text_buf_free(&b);
}

void
format_json_str(const char *s)
{
	format_json(s, strlen(s));
}
