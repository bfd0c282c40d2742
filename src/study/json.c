/*
 * json.c -- a strict JSON reader with positions, and the string writer
 * (see json.h).
 *
 * The reader is a recursive descent over a text already known to be
 * UTF-8, moving one byte at a time so that the line and the column (in
 * characters) are always known: an error anywhere names its place, in a
 * file of one long line too, at no extra cost.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "study/json.h"
#include "text/text.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

struct json_reader {
	const char	*s;
	size_t		 n;
	size_t		 pos;
	uint32_t	 line;
	uint32_t	 col;
	int		 depth;
	char		*err;
};

static int	json_value_read(struct json_reader *, struct json_value *);

/* Record the first error, at the reader's place. */
static int __attribute__((format(printf, 2, 3)))
json_fail(struct json_reader *r, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	if (r->err != NULL)
		return -1;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	r->err = xasprintf("%u:%u: %s", r->line, r->col, msg ? msg : "");
	free(msg);
	return -1;
}

/* Step over one byte, keeping the line and the column. */
static void
json_advance(struct json_reader *r)
{
	unsigned char	c = (unsigned char)r->s[r->pos++];

	if (c == '\n') {
		r->line++;
		r->col = 1;
	} else if ((c & 0xc0) != 0x80)
		r->col++;	/* a character's other bytes are no column */
}

static void
json_skip_space(struct json_reader *r)
{
	while (r->pos < r->n && strchr(" \t\n\r", r->s[r->pos]) != NULL &&
	    r->s[r->pos] != '\0')
		json_advance(r);
}

/* "unexpected ..." for the character at the reader's place. */
static int
json_unexpected(struct json_reader *r, const char *wanted)
{
	int	len;

	if (r->pos >= r->n)
		return json_fail(r, _("the file ends where %s should be"),
		    wanted);
	len = u8_mblen((const uint8_t *)r->s + r->pos, r->n - r->pos);
	return json_fail(r, _("'%.*s' where %s should be"), len > 0 ? len : 1,
	    r->s + r->pos, wanted);
}

static void
json_clear(struct json_value *v)
{
	size_t	i;

	free(v->str);
	for (i = 0; i < v->n; i++) {
		json_clear(&v->items[i]);
		if (v->keys != NULL)
			json_clear(&v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	memset(v, 0, sizeof *v);
}

void
json_free(struct json_value *v)
{
	if (v == NULL)
		return;
	json_clear(v);
	free(v);
}

static int
json_hex4(struct json_reader *r, uint32_t *u)
{
	int	k;
	char	c;

	*u = 0;
	for (k = 0; k < 4; k++) {
		if (r->pos >= r->n || strchr("0123456789abcdefABCDEF",
		    r->s[r->pos]) == NULL || r->s[r->pos] == '\0')
			return json_unexpected(r, _("a hexadecimal digit"));
		c = r->s[r->pos];
		*u = *u << 4 | (uint32_t)(c <= '9' ? c - '0' :
		    (c | 0x20) - 'a' + 10);
		json_advance(r);
	}
	return 0;
}

/* After "\u": one code point, or a byte kept as a lone low surrogate. */
static int
json_unicode_escape(struct json_reader *r, struct text_buf *b)
{
	uint32_t	u, lo;
	uint8_t		out[6];
	int		len;

	if (json_hex4(r, &u) == -1)
		return -1;
	if (u >= 0xdc80 && u <= 0xdcff) {
		/* A byte that was not UTF-8 (json.h). */
		text_buf_addc(b, (char)(u - 0xdc00));
		return 0;
	}
	if (u >= 0xd800 && u <= 0xdbff && r->pos + 1 < r->n &&
	    r->s[r->pos] == '\\' && r->s[r->pos + 1] == 'u') {
		json_advance(r);
		json_advance(r);
		if (json_hex4(r, &lo) == -1)
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			return json_fail(r, _("\\u%04X does not follow \\u%04X "
			    "in a surrogate pair"), lo, u);
		u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
	} else if (u >= 0xd800 && u <= 0xdfff)
		return json_fail(r, _("a lone surrogate \\u%04X is no "
		    "character and cannot be kept"), u);
	len = u8_uctomb(out, u, sizeof out);
	text_buf_add(b, (const char *)out, (size_t)(len > 0 ? len : 0));
	return 0;
}

/* After a backslash: each escape letter, then what it stands for. */
static const char	json_escapes[] = "\"\"\\\\//b\bf\fn\nr\rt\t";

static int
json_string_read(struct json_reader *r, struct json_value *v)
{
	struct text_buf	 b;
	unsigned char	 c;
	const char	*esc;

	v->type = JSON_STRING;
	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	json_advance(r);			/* the opening quote */
	for (;;) {
		if (r->pos >= r->n) {
			json_fail(r, "%s", _("the file ends inside a string"));
			break;
		}
		c = (unsigned char)r->s[r->pos];
		if (c == '"') {
			json_advance(r);
			v->len = b.len;
			v->str = text_buf_steal(&b);
			return 0;
		}
		if (c < 0x20) {
			json_fail(r, _("a control character (U+%04X) in a "
			    "string: it must be written \\u%04X"), c, c);
			break;
		}
		if (c != '\\') {
			text_buf_addc(&b, (char)c);
			json_advance(r);
			continue;
		}
		json_advance(r);
		if (r->pos < r->n && r->s[r->pos] == 'u') {
			json_advance(r);
			if (json_unicode_escape(r, &b) == -1)
				break;
			continue;
		}
		esc = r->pos < r->n && r->s[r->pos] != '\0' ?
		    strchr(json_escapes, r->s[r->pos]) : NULL;
		if (esc == NULL || (esc - json_escapes) % 2 != 0) {
			json_unexpected(r, _("an escape (\\\" \\\\ \\/ \\b \\f "
			    "\\n \\r \\t \\uXXXX)"));
			break;
		}
		text_buf_addc(&b, esc[1]);
		json_advance(r);
	}
	text_buf_free(&b);
	return -1;
}

/* Digits, at least one; -1 if there is none. */
static int
json_digits(struct json_reader *r)
{
	size_t	start = r->pos;

	while (r->pos < r->n && r->s[r->pos] >= '0' && r->s[r->pos] <= '9')
		json_advance(r);
	return r->pos > start ? 0 : json_unexpected(r, _("a digit"));
}

static int
json_number_read(struct json_reader *r, struct json_value *v)
{
	size_t	start = r->pos;

	v->type = JSON_NUMBER;
	if (r->s[r->pos] == '-')
		json_advance(r);
	if (r->pos < r->n && r->s[r->pos] == '0') {
		json_advance(r);
		if (r->pos < r->n && r->s[r->pos] >= '0' &&
		    r->s[r->pos] <= '9')
			return json_fail(r, "%s", _("a number does not start "
			    "with 0"));
	} else if (json_digits(r) == -1)
		return -1;
	if (r->pos < r->n && r->s[r->pos] == '.') {
		json_advance(r);
		if (json_digits(r) == -1)
			return -1;
	}
	if (r->pos < r->n && (r->s[r->pos] == 'e' || r->s[r->pos] == 'E')) {
		json_advance(r);
		if (r->pos < r->n && (r->s[r->pos] == '+' ||
		    r->s[r->pos] == '-'))
			json_advance(r);
		if (json_digits(r) == -1)
			return -1;
	}
	v->str = xstrndup(r->s + start, r->pos - start);
	v->len = r->pos - start;
	return 0;
}

static int
json_literal_read(struct json_reader *r, struct json_value *v)
{
	static const struct {
		const char	*word;
		enum json_type	 type;
	} lits[] = {
		{ "true", JSON_TRUE }, { "false", JSON_FALSE },
		{ "null", JSON_NULL },
	};
	size_t	k, len;

	for (k = 0; k < sizeof lits / sizeof lits[0]; k++) {
		len = strlen(lits[k].word);
		if (r->n - r->pos >= len &&
		    memcmp(r->s + r->pos, lits[k].word, len) == 0) {
			v->type = lits[k].type;
			while (len-- > 0)
				json_advance(r);
			return 0;
		}
	}
	return json_unexpected(r, _("a value"));
}

/* For finding a key given twice: keys by their bytes, then their order. */
static const struct json_value	*json_sorting;

static int
json_key_cmp(const void *a, const void *b)
{
	const struct json_value	*x = &json_sorting[*(const size_t *)a];
	const struct json_value	*y = &json_sorting[*(const size_t *)b];
	size_t			 n = x->len < y->len ? x->len : y->len;
	int			 c = memcmp(x->str, y->str, n);

	if (c != 0)
		return c;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* A key given twice is an error at its second place. */
static int
json_keys_check(struct json_reader *r, const struct json_value *v)
{
	size_t	*order, k;
	int	 rc = 0;

	if (v->n < 2)
		return 0;
	order = xreallocarray(NULL, v->n, sizeof *order);
	for (k = 0; k < v->n; k++)
		order[k] = k;
	json_sorting = v->keys;
	qsort(order, v->n, sizeof *order, json_key_cmp);
	for (k = 1; k < v->n; k++) {
		const struct json_value	*a = &v->keys[order[k - 1]];
		const struct json_value	*b = &v->keys[order[k]];

		if (a->len == b->len && memcmp(a->str, b->str, a->len) == 0) {
			r->line = b->line;
			r->col = b->col;
			rc = json_fail(r, _("the key \"%s\" is given twice "
			    "(the first at %u:%u)"), b->str, a->line, a->col);
			break;
		}
	}
	free(order);
	return rc;
}

/* An array or an object: its items (and keys) after the bracket. */
static int
json_container_read(struct json_reader *r, struct json_value *v)
{
	struct json_value	 item, key;
	size_t			 cap = 0, kcap = 0;
	bool			 object = r->s[r->pos] == '{';
	char			 close = object ? '}' : ']';

	v->type = object ? JSON_OBJECT : JSON_ARRAY;
	if (++r->depth > JSON_MAX_DEPTH)
		return json_fail(r, _("nested deeper than %d"), JSON_MAX_DEPTH);
	json_advance(r);
	json_skip_space(r);
	if (r->pos < r->n && r->s[r->pos] == close) {
		json_advance(r);
		r->depth--;
		return 0;
	}
	for (;;) {
		memset(&key, 0, sizeof key);
		memset(&item, 0, sizeof item);
		json_skip_space(r);
		if (object) {
			if (r->pos >= r->n || r->s[r->pos] != '"')
				return json_unexpected(r, _("a key in quotes"));
			key.line = r->line;
			key.col = r->col;
			if (json_string_read(r, &key) == -1)
				return -1;
			json_skip_space(r);
			if (r->pos >= r->n || r->s[r->pos] != ':') {
				json_clear(&key);
				return json_unexpected(r, "':'");
			}
			json_advance(r);
		}
		if (json_value_read(r, &item) == -1) {
			json_clear(&key);
			json_clear(&item);
			return -1;
		}
		v->items = xgrowarray(v->items, &cap, v->n + 1,
		    sizeof *v->items);
		if (object)
			v->keys = xgrowarray(v->keys, &kcap, v->n + 1,
			    sizeof *v->keys);
		v->items[v->n] = item;
		if (object)
			v->keys[v->n] = key;
		v->n++;
		json_skip_space(r);
		if (r->pos < r->n && r->s[r->pos] == ',') {
			json_advance(r);
			continue;
		}
		if (r->pos < r->n && r->s[r->pos] == close) {
			json_advance(r);
			break;
		}
		return json_unexpected(r, object ? _("',' or '}'") :
		    _("',' or ']'"));
	}
	r->depth--;
	return object ? json_keys_check(r, v) : 0;
}

static int
json_value_read(struct json_reader *r, struct json_value *v)
{
	char	c;

	json_skip_space(r);
	v->line = r->line;
	v->col = r->col;
	if (r->pos >= r->n)
		return json_unexpected(r, _("a value"));
	c = r->s[r->pos];
	if (c == '{' || c == '[')
		return json_container_read(r, v);
	if (c == '"')
		return json_string_read(r, v);
	if (c == '-' || (c >= '0' && c <= '9'))
		return json_number_read(r, v);
	return json_literal_read(r, v);
}

struct json_value *
json_parse(const char *s, size_t n, char **err)
{
	struct json_reader	 r;
	struct json_value	*v;
	size_t			 line, col;
	unsigned char		 byte;

	*err = NULL;
	if (!text_utf8_valid(s, n, &line, &col, &byte)) {
		*err = xasprintf(_("%zu:%zu: byte 0x%02X is not UTF-8 (a JSON "
		    "file is UTF-8)"), line, col, byte);
		return NULL;
	}
	memset(&r, 0, sizeof r);
	r.s = s;
	r.n = n;
	r.line = r.col = 1;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		r.pos = 3;
	v = xcalloc(1, sizeof *v);
	if (json_value_read(&r, v) == 0) {
		json_skip_space(&r);
		if (r.pos < r.n)
			json_fail(&r, "%s", _("more after the end of the JSON "
			    "value"));
	}
	if (r.err != NULL) {
		json_free(v);
		*err = r.err;
		return NULL;
	}
	return v;
}

const struct json_value *
json_get(const struct json_value *v, const char *key)
{
	size_t	k, len = strlen(key);

	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (k = 0; k < v->n; k++)
		if (v->keys[k].len == len && memcmp(v->keys[k].str, key,
		    len) == 0)
			return &v->items[k];
	return NULL;
}

bool
json_is(const struct json_value *v, const char *s)
{
	return v != NULL && v->type == JSON_STRING && v->len == strlen(s) &&
	    memcmp(v->str, s, v->len) == 0;
}

/* \uXXXX, or a surrogate pair beyond the BMP. */
static void
json_put_escape(struct text_buf *b, uint32_t u)
{
	if (u >= 0x10000) {
		u -= 0x10000;
		text_buf_printf(b, "\\u%04x\\u%04x", 0xd800 + (u >> 10),
		    0xdc00 + (u & 0x3ff));
	} else
		text_buf_printf(b, "\\u%04x", u);
}

void
json_put_string(struct text_buf *b, const char *s, size_t n,
    bool ascii_only)
{
	static const char	 short_esc[] = "\"\"\\\\\bb\ff\nn\rr\tt";
	const char		*e;
	char			*clean;
	size_t			*map, i = 0;
	ucs4_t			 uc;
	int			 len;
	unsigned char		 c;

	/* What the display policy keeps as it is may go raw. */
	clean = text_sanitize_map(s, n, TEXT_MODE_PIPE, false, NULL, &map);
	text_buf_addc(b, '"');
	while (i < n) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			e = c != 0 ? strchr(short_esc, c) : NULL;
			if (e != NULL && (e - short_esc) % 2 == 0) {
				text_buf_addc(b, '\\');
				text_buf_addc(b, e[1]);
			} else if (c < 0x20 || c == 0x7f)
				json_put_escape(b, c);
			else
				text_buf_addc(b, (char)c);
			i++;
			continue;
		}
		len = u8_mbtoucr(&uc, (const uint8_t *)s + i, n - i);
		if (len < 0) {
			/* Not UTF-8: the byte as a lone low surrogate. */
			json_put_escape(b, 0xdc00 + c);
			i++;
			continue;
		}
		if (ascii_only || uc == 0x2028 || uc == 0x2029 ||
		    map[i + (size_t)len] - map[i] != (size_t)len ||
		    memcmp(clean + map[i], s + i, (size_t)len) != 0)
			json_put_escape(b, uc);
		else
			text_buf_add(b, s + i, (size_t)len);
		i += (size_t)len;
	}
	text_buf_addc(b, '"');
	free(clean);
	free(map);
}
