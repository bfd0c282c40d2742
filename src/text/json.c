/*
 * json.c -- text as a JSON string (RFC 8259): the one way text from the
 * corpus is written into JSON output (see text.h).
 *
 * JSON carries every character exactly through its escapes, so nothing
 * needs a placeholder here, as on a terminal: a control character is
 * written as \u001b, which a JSON reader turns back into ESC and a
 * terminal shows as six harmless characters.  Only ill-formed UTF-8 cannot
 * be carried (JSON is Unicode text) and becomes U+FFFD, one per maximal
 * subpart, as everywhere else.
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unictype.h>

#include "text/text.h"
#include "text/text-private.h"

/*
 * Characters written as \u escapes even though JSON allows them raw:
 * controls (C1 included), format characters (bidi controls, zero-width and
 * invisible characters, tags), unassigned code points and noncharacters,
 * and the line and paragraph separators (line ends to JavaScript).  Raw,
 * they would reach a terminal that shows the JSON as they are.
 */
static bool
json_must_escape(uint32_t uc)
{
	return uc_is_general_category_withtable(uc, UC_CATEGORY_MASK_Cc |
	    UC_CATEGORY_MASK_Cf | UC_CATEGORY_MASK_Cn | UC_CATEGORY_MASK_Zl |
	    UC_CATEGORY_MASK_Zp);
}

/* uc as \uXXXX, or as a surrogate pair of them beyond U+FFFF. */
static void
json_put_escape(struct text_buf *out, uint32_t uc)
{
	if (uc > 0xFFFF) {
		uc -= 0x10000;
		text_buf_printf(out, "\\u%04x\\u%04x",
		    (unsigned)(0xD800 + (uc >> 10)),
		    (unsigned)(0xDC00 + (uc & 0x3FF)));
	} else
		text_buf_printf(out, "\\u%04x", (unsigned)uc);
}

void
text_json_quote(struct text_buf *out, const char *s, size_t n,
    bool ascii_only)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i, len;
	uint32_t		 uc;

	text_buf_addc(out, '"');
	for (i = 0; i < n; i += len) {
		len = text_utf8_decode(p + i, n - i, &uc);
		if (uc == TEXT_BAD) {
			/* An ill-formed subpart: one U+FFFD for it. */
			if (ascii_only)
				json_put_escape(out, 0xFFFD);
			else
				text_buf_add(out, "\xef\xbf\xbd", 3);
			continue;
		}
		switch (uc) {
		case '"':
			text_buf_puts(out, "\\\"");
			continue;
		case '\\':
			text_buf_puts(out, "\\\\");
			continue;
		case '\n':
			text_buf_puts(out, "\\n");
			continue;
		case '\t':
			text_buf_puts(out, "\\t");
			continue;
		case '\r':
			text_buf_puts(out, "\\r");
			continue;
		}
		if (uc < 0x20 || uc == 0x7F || (uc >= 0x80 && (ascii_only ||
		    json_must_escape(uc))))
			json_put_escape(out, uc);
		else
			text_buf_add(out, s + i, len);
	}
	text_buf_addc(out, '"');
}
