/*
 * annotation.c -- notes written as W3C Web Annotations (annotation.h);
 * reading them back is annotation-read.c.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "study/annotation.h"
#include "study/json.h"
#include "text/text.h"

void
annotation_time(int64_t t, char *buf, size_t size)
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

/* One "key": "string" member, at indent, after a comma if not first. */
static void
annotation_member(struct text_buf *b, int indent, const char *key,
    const char *value, bool first, bool ascii_only)
{
	text_buf_printf(b, "%s\n%*s\"%s\": ", first ? "" : ",", indent, "",
	    key);
	json_put_string(b, value, strlen(value), ascii_only);
}

/* "urn:charta:" and slug, every byte but the unreserved ones as %XX. */
static void
annotation_source(struct text_buf *b, const char *slug, bool ascii_only)
{
	struct text_buf	 u;
	const char	*p;

	text_buf_init(&u);
	text_buf_puts(&u, "urn:charta:");
	for (p = slug; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
			text_buf_addc(&u, *p);
		else
			text_buf_printf(&u, "%%%02X", (unsigned char)*p);
	}
	annotation_member(b, 6, "source", u.data, true, ascii_only);
	text_buf_free(&u);
}

static void
annotation_selectors(struct text_buf *b, const struct state_note *n,
    bool ascii_only)
{
	const struct state_anchor	*at = &n->at;
	const struct state_quote	*q = &n->quote;

	text_buf_puts(b, ",\n      \"selector\": [\n        {");
	annotation_member(b, 10, "type", ANNOTATION_PLACE_SELECTOR, true,
	    ascii_only);
	if (at->work != NULL && at->anchor != NULL) {
		annotation_member(b, 10, "work", at->work, false, ascii_only);
		annotation_member(b, 10, "path", at->anchor, false,
		    ascii_only);
	}
	annotation_member(b, 10, "slug", at->slug, false, ascii_only);
	annotation_member(b, 10, "label", at->label, false, ascii_only);
	text_buf_puts(b, "\n        }");
	/* The W3C's selector needs its exact words. */
	if (q->exact != NULL) {
		text_buf_puts(b, ",\n        {");
		annotation_member(b, 10, "type", "TextQuoteSelector", true,
		    ascii_only);
		annotation_member(b, 10, "exact", q->exact, false, ascii_only);
		if (q->prefix != NULL)
			annotation_member(b, 10, "prefix", q->prefix, false,
			    ascii_only);
		if (q->suffix != NULL)
			annotation_member(b, 10, "suffix", q->suffix, false,
			    ascii_only);
		text_buf_puts(b, "\n        }");
	}
	text_buf_puts(b, "\n      ]");
}

static void
annotation_one(struct text_buf *b, const struct state_note *n,
    bool ascii_only)
{
	char	date[32], id[16 + STATE_ID_SIZE];

	snprintf(id, sizeof id, "urn:uuid:%s", n->id);
	text_buf_puts(b, "  {");
	annotation_member(b, 4, "@context", "http://www.w3.org/ns/anno.jsonld",
	    true, ascii_only);
	annotation_member(b, 4, "id", id, false, ascii_only);
	annotation_member(b, 4, "type", "Annotation", false, ascii_only);
	annotation_member(b, 4, "motivation", "commenting", false, ascii_only);
	annotation_time(n->created, date, sizeof date);
	annotation_member(b, 4, "created", date, false, ascii_only);
	annotation_time(n->modified, date, sizeof date);
	annotation_member(b, 4, "modified", date, false, ascii_only);
	text_buf_puts(b, ",\n    \"body\": {");
	annotation_member(b, 6, "type", "TextualBody", true, ascii_only);
	annotation_member(b, 6, "value", n->body, false, ascii_only);
	annotation_member(b, 6, "format", "text/plain", false, ascii_only);
	text_buf_puts(b, "\n    },\n    \"target\": {");
	annotation_source(b, n->at.slug, ascii_only);
	annotation_selectors(b, n, ascii_only);
	text_buf_puts(b, "\n    }\n  }");
}

void
annotation_write(struct text_buf *b, const struct state_note *notes,
    size_t n, bool ascii_only)
{
	size_t	k;

	text_buf_addc(b, '[');
	for (k = 0; k < n; k++) {
		text_buf_puts(b, k == 0 ? "\n" : ",\n");
		annotation_one(b, &notes[k], ascii_only);
	}
	text_buf_puts(b, n > 0 ? "\n]\n" : "]\n");
}
