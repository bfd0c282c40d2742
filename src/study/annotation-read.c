/*
 * annotation-read.c -- W3C Web Annotations read back into notes
 * (annotation.h).  Strict: whatever cannot be kept exactly is refused,
 * naming its line and column, and then nothing is returned, so that an
 * import is all or nothing.  Properties charta has no use for (a
 * "motivation", a "creator", other selectors) are passed over.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "study/annotation.h"
#include "study/json.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* An error at value v: "LINE:COL: message". */
static int __attribute__((format(printf, 3, 4)))
ann_fail(char **err, const struct json_value *v, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	*err = xasprintf("%u:%u: %s", v->line, v->col, msg ? msg : "");
	free(msg);
	return -1;
}

/*
 * The string member key of object v into *out (a copy; NULL when it is
 * missing or null and not required).  It must be a string of at most max
 * bytes, without NUL (the store keeps C strings), and not empty if
 * required.
 */
static int
ann_string(const struct json_value *v, const char *key, bool required,
    size_t max, char **out, char **err)
{
	const struct json_value	*s = json_get(v, key);

	*out = NULL;
	if (s == NULL || s->type == JSON_NULL) {
		if (!required)
			return 0;
		return ann_fail(err, v, _("\"%s\" is missing"), key);
	}
	if (s->type != JSON_STRING)
		return ann_fail(err, s, _("\"%s\" is not a string"), key);
	if (memchr(s->str, '\0', s->len) != NULL)
		return ann_fail(err, s, _("\"%s\" holds a NUL character "
		    "(\\u0000), which charta cannot keep"), key);
	if (s->len > max)
		return ann_fail(err, s, _("\"%s\" is too long: %zu bytes, at "
		    "most %zu"), key, s->len, max);
	if (required && s->len == 0)
		return ann_fail(err, s, _("\"%s\" is empty"), key);
	*out = xstrdup(s->str);
	return 0;
}

/* Does v's "type" (a string, or an array of them) name type? */
static bool
ann_has_type(const struct json_value *v, const char *type)
{
	const struct json_value	*t = json_get(v, "type");
	size_t			 k;

	if (json_is(t, type))
		return true;
	if (t == NULL || t->type != JSON_ARRAY)
		return false;
	for (k = 0; k < t->n; k++)
		if (json_is(&t->items[k], type))
			return true;
	return false;
}

/* Two digits at p, within lo..hi; -1 if not. */
static int
ann_2digits(const char *p, int lo, int hi)
{
	int	v;

	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]))
		return -1;
	v = (p[0] - '0') * 10 + (p[1] - '0');
	return v >= lo && v <= hi ? v : -1;
}

/*
 * An xsd:dateTime with its zone, "2026-03-01T09:30:00Z" or with
 * "+08:00", perhaps with fractions of a second (dropped: charta keeps
 * seconds), as seconds since 1970; -1 for missing.
 */
static int
ann_time(const struct json_value *v, const char *key, int64_t *t,
    char **err)
{
	const struct json_value	*s = json_get(v, key);
	const char		*p;
	struct tm		 tm;
	int			 zh = 0, zm = 0, sign = 0;
	time_t			 tt;

	*t = -1;
	if (s == NULL || s->type == JSON_NULL)
		return 0;
	if (s->type != JSON_STRING)
		return ann_fail(err, s, _("\"%s\" is not a string"), key);
	memset(&tm, 0, sizeof tm);
	p = s->str;
	if (s->len < 20 || !isdigit((unsigned char)p[0]) ||
	    !isdigit((unsigned char)p[1]) || p[4] != '-' || p[7] != '-' ||
	    (p[10] != 'T' && p[10] != 't') || p[13] != ':' || p[16] != ':' ||
	    (tm.tm_mon = ann_2digits(p + 5, 1, 12)) == -1 ||
	    (tm.tm_mday = ann_2digits(p + 8, 1, 31)) == -1 ||
	    (tm.tm_hour = ann_2digits(p + 11, 0, 23)) == -1 ||
	    (tm.tm_min = ann_2digits(p + 14, 0, 59)) == -1 ||
	    (tm.tm_sec = ann_2digits(p + 17, 0, 60)) == -1 ||
	    ann_2digits(p + 2, 0, 99) == -1)
		goto bad;
	tm.tm_year = ann_2digits(p, 0, 99) * 100 + ann_2digits(p + 2, 0, 99) -
	    1900;
	tm.tm_mon--;
	p += 19;
	if (*p == '.') {
		for (p++; isdigit((unsigned char)*p); p++)
			;
		if (p[-1] == '.')
			goto bad;
	}
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		if ((zh = ann_2digits(p + 1, 0, 23)) == -1 || p[3] != ':' ||
		    (zm = ann_2digits(p + 4, 0, 59)) == -1)
			goto bad;
		p += 6;
	} else
		goto bad;
	if (*p != '\0' || (tt = timegm(&tm)) == (time_t)-1)
		goto bad;
	*t = (int64_t)tt - sign * (zh * 3600 + zm * 60);
	if (*t < 0)
		goto bad;
	return 0;
bad:
	return ann_fail(err, s, _("\"%s\" is not a date and time such as "
	    "2026-03-01T09:30:00Z"), key);
}

/* A property that is one object, or an array of exactly one. */
static const struct json_value *
ann_one(const struct json_value *v, const char *key, char **err)
{
	const struct json_value	*p = json_get(v, key);

	if (p != NULL && p->type == JSON_ARRAY) {
		if (p->n != 1) {
			ann_fail(err, p, _("\"%s\" holds %zu items: charta "
			    "keeps one"), key, p->n);
			return NULL;
		}
		p = &p->items[0];
	}
	if (p == NULL) {
		ann_fail(err, v, _("\"%s\" is missing"), key);
		return NULL;
	}
	if (p->type != JSON_OBJECT) {
		ann_fail(err, p, _("\"%s\" is not an object: charta keeps "
		    "only a text and a place given in the file"), key);
		return NULL;
	}
	return p;
}

static int
ann_body(const struct json_value *a, struct state_note *n, char **err)
{
	const struct json_value	*body, *f;

	if (json_get(a, "bodyValue") != NULL) {
		if (json_get(a, "body") != NULL)
			return ann_fail(err, a, "%s", _("both \"body\" and "
			    "\"bodyValue\": charta keeps one text"));
		return ann_string(a, "bodyValue", false, STATE_NOTE_MAX,
		    &n->body, err);
	}
	if ((body = ann_one(a, "body", err)) == NULL)
		return -1;
	if (json_get(body, "type") != NULL &&
	    !ann_has_type(body, "TextualBody"))
		return ann_fail(err, body, "%s", _("the body is not a "
		    "TextualBody"));
	f = json_get(body, "format");
	if (f != NULL && !json_is(f, "text/plain"))
		return ann_fail(err, f, "%s", _("the body's format is not "
		    "text/plain: charta keeps plain text"));
	if (ann_string(body, "value", false, STATE_NOTE_MAX, &n->body,
	    err) == -1)
		return -1;
	if (n->body == NULL)
		return ann_fail(err, body, _("\"%s\" is missing"), "value");
	return 0;
}

static int
ann_place(const struct json_value *sel, struct state_note *n, char **err)
{
	struct state_anchor	*at = &n->at;

	if (ann_string(sel, "slug", true, STATE_STRING_MAX, &at->slug,
	    err) == -1 ||
	    ann_string(sel, "label", true, STATE_STRING_MAX, &at->label,
	    err) == -1 ||
	    ann_string(sel, "work", false, STATE_STRING_MAX, &at->work,
	    err) == -1 ||
	    ann_string(sel, "path", false, STATE_STRING_MAX, &at->anchor,
	    err) == -1)
		return -1;
	if ((at->work == NULL) != (at->anchor == NULL))
		return ann_fail(err, sel, "%s", _("\"work\" and \"path\" go "
		    "together"));
	return 0;
}

static int
ann_quote(const struct json_value *sel, struct state_note *n, char **err)
{
	struct state_quote	*q = &n->quote;

	if (ann_string(sel, "exact", false, STATE_STRING_MAX, &q->exact,
	    err) == -1 ||
	    ann_string(sel, "prefix", false, STATE_STRING_MAX, &q->prefix,
	    err) == -1 ||
	    ann_string(sel, "suffix", false, STATE_STRING_MAX, &q->suffix,
	    err) == -1)
		return -1;
	if (q->exact == NULL)
		return ann_fail(err, sel, _("\"%s\" is missing"), "exact");
	return 0;
}

static int
ann_target(const struct json_value *a, struct state_note *n, char **err)
{
	const struct json_value	*target, *sels, *sel;
	const struct json_value	*place = NULL, *quote = NULL;
	size_t			 k, count;

	if ((target = ann_one(a, "target", err)) == NULL)
		return -1;
	sels = json_get(target, "selector");
	count = sels == NULL ? 0 : sels->type == JSON_ARRAY ? sels->n : 1;
	for (k = 0; k < count; k++) {
		sel = sels->type == JSON_ARRAY ? &sels->items[k] : sels;
		if (ann_has_type(sel, ANNOTATION_PLACE_SELECTOR)) {
			if (place != NULL)
				return ann_fail(err, sel, _("a second %s"),
				    ANNOTATION_PLACE_SELECTOR);
			place = sel;
		} else if (ann_has_type(sel, "TextQuoteSelector")) {
			if (quote != NULL)
				return ann_fail(err, sel, _("a second %s"),
				    "TextQuoteSelector");
			quote = sel;
		}
	}
	if (place == NULL)
		return ann_fail(err, target, _("the target has no %s: charta "
		    "does not know where the note goes"),
		    ANNOTATION_PLACE_SELECTOR);
	if (ann_place(place, n, err) == -1)
		return -1;
	return quote != NULL ? ann_quote(quote, n, err) : 0;
}

/* "urn:uuid:" and a UUID, in lower case, else "". */
static int
ann_id(const struct json_value *a, struct state_note *n, char **err)
{
	const struct json_value	*id = json_get(a, "id");
	size_t			 k;

	n->id[0] = '\0';
	if (id == NULL)
		return 0;
	if (id->type != JSON_STRING)
		return ann_fail(err, id, _("\"%s\" is not a string"), "id");
	if (id->len != 9 + STATE_ID_SIZE - 1 ||
	    strncasecmp(id->str, "urn:uuid:", 9) != 0)
		return 0;
	for (k = 0; k < STATE_ID_SIZE - 1; k++)
		n->id[k] = (char)tolower((unsigned char)id->str[9 + k]);
	n->id[k] = '\0';
	if (!state_id_valid(n->id))
		n->id[0] = '\0';
	return 0;
}

static int
ann_note(const struct json_value *a, struct state_note *n, char **err)
{
	memset(n, 0, sizeof *n);
	if (a->type != JSON_OBJECT || !ann_has_type(a, "Annotation"))
		return ann_fail(err, a, "%s", _("not an annotation (an object "
		    "with \"type\": \"Annotation\")"));
	if (ann_id(a, n, err) == -1 ||
	    ann_time(a, "created", &n->created, err) == -1 ||
	    ann_time(a, "modified", &n->modified, err) == -1 ||
	    ann_body(a, n, err) == -1 ||
	    ann_target(a, n, err) == -1)
		return -1;
	if (n->modified == -1)
		n->modified = n->created;
	n->status = STATE_NOTE_ATTACHED;
	return 0;
}

/* The annotations of the file: an array, a page, a collection, or one. */
static const struct json_value *
ann_list(const struct json_value *top, bool *single, char **err)
{
	const struct json_value	*v = top;

	*single = false;
	if (v->type == JSON_ARRAY)
		return v;
	if (v->type == JSON_OBJECT && ann_has_type(v,
	    "AnnotationCollection")) {
		v = json_get(v, "first");
		if (v == NULL || v->type != JSON_OBJECT) {
			ann_fail(err, v != NULL ? v : top, "%s", _("the "
			    "collection's first page is not in the file"));
			return NULL;
		}
	}
	if (v->type == JSON_OBJECT && ann_has_type(v, "AnnotationPage")) {
		v = json_get(v, "items");
		if (v == NULL || v->type != JSON_ARRAY) {
			ann_fail(err, v != NULL ? v : top, "%s", _("the page "
			    "has no \"items\" array"));
			return NULL;
		}
		return v;
	}
	*single = true;
	return v;
}

int
annotation_read(const char *s, size_t n, struct state_note **notes,
    size_t *count, char **err)
{
	struct json_value	*top;
	const struct json_value	*list;
	size_t			 k, total, cap = 0;
	bool			 single;

	*notes = NULL;
	*count = 0;
	*err = NULL;
	if ((top = json_parse(s, n, err)) == NULL)
		return -1;
	if ((list = ann_list(top, &single, err)) == NULL) {
		json_free(top);
		return -1;
	}
	total = single ? 1 : list->n;
	for (k = 0; k < total; k++) {
		*notes = xgrowarray(*notes, &cap, *count + 1, sizeof **notes);
		if (ann_note(single ? list : &list->items[k],
		    &(*notes)[*count], err) == -1) {
			state_notes_free(*notes, *count + 1);
			*notes = NULL;
			*count = 0;
			json_free(top);
			return -1;
		}
		(*count)++;
	}
	json_free(top);
	return 0;
}
