/*
 * test-study.c -- unit tests of the notes' export and import
 * (src/study/json.c, annotation*.c, markdown.c) and of the store's
 * state_note_import:
 *  - any bytes written as a JSON string read back the same, and what is
 *    written is safe for a terminal (the display policy changes nothing);
 *  - a malformed JSON file is refused at the line and column of its first
 *    mistake (in characters);
 *  - notes written as Web Annotations read back field for field, hostile
 *    bytes included; what charta cannot keep is refused with its place;
 *    the other shapes of a Web Annotation file are read;
 *  - text escaped for Markdown reads back, through libcmark, as itself;
 *  - an imported note keeps its id and times in the state file.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <cmark.h>

#include "test-state-lib.h"

#include "import/import.h"
#include "model/corpus.h"
#include "study/annotation.h"
#include "study/json.h"
#include "study/markdown.h"
#include "study/study.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* Bytes a note may hold: escape sequences, a bidi override, C1, every
 * kind of ill-formed UTF-8, CJK, an emoji, quotes and backslashes. */
static const char *const hostile[] = {
	"\033]0;pwned\007\033[2J\033[31mred",
	"\342\200\256evil\342\200\254 \342\201\246x\342\201\251",
	"\302\233c1 \302\200 \302\237",
	"\377\376 \300\200 \355\240\200 \364\220\200\200 \342\202 \200\277",
	"\340\200A \360\200\200 \341",
	"\344\270\255\346\226\207 \360\237\230\200 e\314\201\314\202",
	"\"quoted\" back\\slash /slash \t tab\r\n\b\f\x7f del",
	"\342\200\250line sep\342\200\251 \357\273\277bom \302\255shy",
	"\357\277\276 nonchar \364\217\277\277",
	"",
};

static char *
put(const char *s, size_t n, bool ascii)
{
	struct text_buf	b;

	text_buf_init(&b);
	json_put_string(&b, s, n, ascii);
	return text_buf_steal(&b);
}

static void
test_json_strings_round_trip(void **unused)
{
	struct json_value	*v;
	char			*out, *clean, *err;
	size_t			 k, i;
	int			 ascii;

	(void)unused;
	for (ascii = 0; ascii < 2; ascii++)
		for (k = 0; k < sizeof hostile / sizeof hostile[0]; k++) {
			out = put(hostile[k], strlen(hostile[k]), ascii);
			/* Nothing the display policy would change. */
			clean = text_sanitize(out, strlen(out),
			    TEXT_MODE_PIPE, false, NULL);
			assert_string_equal(clean, out);
			free(clean);
			for (i = 0; ascii && out[i] != '\0'; i++)
				assert_true((unsigned char)out[i] < 0x80);
			v = json_parse(out, strlen(out), &err);
			if (v == NULL)
				fail_msg("%s: %s", out, err);
			assert_int_equal(v->type, JSON_STRING);
			assert_int_equal(v->len, strlen(hostile[k]));
			assert_memory_equal(v->str, hostile[k], v->len);
			json_free(v);
			free(out);
		}
}

static void
test_json_escapes(void **unused)
{
	static const struct {
		const char	*in;
		bool		 ascii;
		const char	*out;
	} cases[] = {
		{ "\033[2J", false, "\"\\u001b[2J\"" },
		{ "\377x", false, "\"\\udcffx\"" },
		{ "\355\240\200", false, "\"\\udced\\udca0\\udc80\"" },
		{ "\342\200\256", false, "\"\\u202e\"" },
		{ "\302\233", false, "\"\\u009b\"" },
		{ "\303\251", false, "\"\303\251\"" },
		{ "\303\251", true, "\"\\u00e9\"" },
		{ "\360\237\230\200", true, "\"\\ud83d\\ude00\"" },
		{ "a\"b\\c\nd\te", false, "\"a\\\"b\\\\c\\nd\\te\"" },
	};
	char	*out;
	size_t	 k;

	(void)unused;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		out = put(cases[k].in, strlen(cases[k].in), cases[k].ascii);
		assert_string_equal(out, cases[k].out);
		free(out);
	}
}

/* s must be refused with a message starting with want. */
static void
refused(const char *s, size_t n, const char *want)
{
	struct json_value	*v;
	char			*err = NULL;

	v = json_parse(s, n, &err);
	if (v != NULL)
		fail_msg("accepted: %s", s);
	if (err == NULL || strncmp(err, want, strlen(want)) != 0)
		fail_msg("%s: got '%s', want '%s...'", s, err, want);
	free(err);
}

static void
test_json_errors(void **unused)
{
	char	deep[JSON_MAX_DEPTH + 2];

	(void)unused;
	refused("[1,]", 4, "1:4: ']' where a value");
	refused("[\"\303\251\", x]", 9, "1:7: 'x' where a value");
	refused("{\"a\": 1,\n \"a\": 2}", 17, "2:2: the key \"a\" is given "
	    "twice (the first at 1:2)");
	refused("\"\\ud800\"", 8, "1:8: a lone surrogate \\uD800");
	refused("\"\\udc7f\"", 8, "1:8: a lone surrogate \\uDC7F");
	refused("\"\\ud800\\u0041\"", 14, "1:14: \\u0041 does not follow");
	refused("\"a\tb\"", 5, "1:3: a control character (U+0009)");
	refused("\"\377\"", 3, "1:2: byte 0xFF is not UTF-8");
	refused("\n\n  01", 6, "3:4: a number does not start with 0");
	refused("[] x", 4, "1:4: more after the end");
	refused("{\"a\" 1}", 7, "1:6: '1' where ':'");
	refused("[\"abc", 5, "1:6: the file ends inside a string");
	refused("\"\\x\"", 4, "1:3: 'x' where an escape");
	refused("", 0, "1:1: the file ends where a value");
	refused("[tru]", 5, "1:2: 't' where a value");
	memset(deep, '[', sizeof deep);
	refused(deep, sizeof deep, "1:65: nested deeper than 64");
}

static void
test_json_accepts(void **unused)
{
	static const char	 doc[] = "\357\273\277 {\"a\": [1, -0.5e+3, "
				    "true, false, null, \"x\\u0041\\/\"],"
				    " \"\\u00e9\": {}}";
	struct json_value	*v;
	const struct json_value	*a;
	char			*err;

	(void)unused;
	v = json_parse(doc, sizeof doc - 1, &err);
	assert_non_null(v);
	a = json_get(v, "a");
	assert_non_null(a);
	assert_int_equal(a->type, JSON_ARRAY);
	assert_int_equal(a->n, 6);
	assert_string_equal(a->items[1].str, "-0.5e+3");
	assert_int_equal(a->items[2].type, JSON_TRUE);
	assert_int_equal(a->items[4].type, JSON_NULL);
	assert_true(json_is(&a->items[5], "xA/"));
	assert_non_null(json_get(v, "\303\251"));
	json_free(v);
}

/* Two notes' fields are equal, byte for byte. */
static void
assert_str_same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void
assert_note_same(const struct state_note *a, const struct state_note *b)
{
	assert_string_equal(a->id, b->id);
	assert_str_same(a->at.work, b->at.work);
	assert_str_same(a->at.anchor, b->at.anchor);
	assert_str_same(a->at.slug, b->at.slug);
	assert_str_same(a->at.label, b->at.label);
	assert_str_same(a->quote.exact, b->quote.exact);
	assert_str_same(a->quote.prefix, b->quote.prefix);
	assert_str_same(a->quote.suffix, b->quote.suffix);
	assert_str_same(a->body, b->body);
	assert_int_equal(a->created, b->created);
	assert_int_equal(a->modified, b->modified);
}

static void
test_annotation_round_trip(void **unused)
{
	struct state_note	 notes[12], *back;
	struct text_buf		 b;
	char			*err, *clean;
	size_t			 k, n, nh = sizeof hostile / sizeof hostile[0];

	(void)unused;
	memset(notes, 0, sizeof notes);
	for (k = 0; k < nh; k++) {
		snprintf(notes[k].id, STATE_ID_SIZE, "%08zx-0000-4000-8000-"
		    "000000000000", k);
		notes[k].at.work = (char *)hostile[(k + 1) % nh];
		notes[k].at.anchor = (char *)hostile[(k + 2) % nh];
		notes[k].at.slug = (char *)(k % 2 ? "iscc-2017-mfa" :
		    hostile[(k + 3) % nh]);
		notes[k].at.label = (char *)(k % 3 ? "II.2.p3" :
		    hostile[(k + 4) % nh]);
		notes[k].quote.exact = (char *)hostile[(k + 5) % nh];
		notes[k].quote.prefix = (char *)hostile[(k + 6) % nh];
		notes[k].quote.suffix = k == 3 ? NULL :
		    (char *)hostile[(k + 7) % nh];
		notes[k].body = (char *)hostile[k];
		notes[k].created = 1488326400 + (int64_t)k;
		notes[k].modified = 1488326400 + 86400 * (int64_t)k;
	}
	/* No slug or label is empty; a place without a work; no quote. */
	for (k = 0; k < nh; k++) {
		if (*notes[k].at.slug == '\0')
			notes[k].at.slug = "s";
		if (*notes[k].at.label == '\0')
			notes[k].at.label = "p1";
	}
	notes[nh - 2].at.work = notes[nh - 2].at.anchor = NULL;
	notes[nh - 3].quote.exact = notes[nh - 3].quote.prefix = NULL;
	notes[nh - 3].quote.suffix = NULL;
	text_buf_init(&b);
	annotation_write(&b, notes, nh, false);
	clean = text_sanitize(b.data, b.len, TEXT_MODE_PIPE, false, NULL);
	assert_string_equal(clean, b.data);
	free(clean);
	if (annotation_read(b.data, b.len, &back, &n, &err) == -1)
		fail_msg("%s", err);
	assert_int_equal(n, nh);
	for (k = 0; k < n; k++)
		assert_note_same(&notes[k], &back[k]);
	state_notes_free(back, n);
	/* No notes: an empty array, read back as none. */
	text_buf_free(&b);
	annotation_write(&b, NULL, 0, false);
	assert_string_equal(b.data, "[]\n");
	assert_int_equal(annotation_read(b.data, b.len, &back, &n, &err), 0);
	assert_int_equal(n, 0);
	text_buf_free(&b);
}

/* One annotation from parts: body, target, and more members. */
#define ANN(more, body, sel)						\
	"{\"type\": \"Annotation\"" more ", \"body\": " body		\
	", \"target\": {\"source\": \"urn:charta:x\", \"selector\": "	\
	sel "}}"
#define PLACE	"{\"type\": \"charta:PlaceSelector\", \"slug\": \"mfa\", " \
	"\"label\": \"II.2\"}"
#define BODY	"{\"type\": \"TextualBody\", \"value\": \"v\"}"

static void
ann_refused(const char *s, const char *want)
{
	struct state_note	*notes = NULL;
	size_t			 n = 99;
	char			*err = NULL;

	if (annotation_read(s, strlen(s), &notes, &n, &err) == 0)
		fail_msg("accepted: %s", s);
	assert_null(notes);
	assert_int_equal(n, 0);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("%s: got '%s', want '%s...'", s, err, want);
	free(err);
}

static void
test_annotation_refused(void **unused)
{
	char	*big;
	size_t	 len;

	(void)unused;
	ann_refused("[" ANN("", BODY, PLACE) ",\n" ANN("", BODY,
	    "{\"type\": \"TextQuoteSelector\", \"exact\": \"e\"}") "]",
	    "2:81: the target has no charta:PlaceSelector");
	ann_refused(ANN("", "{\"value\": \"a\\u0000b\"}", PLACE),
	    "1:42: \"value\" holds a NUL character");
	ann_refused(ANN("", "{\"value\": \"<b>\", \"format\": \"text/html\"}",
	    PLACE), "1:59: the body's format is not text/plain");
	ann_refused(ANN("", "\"http://example.org/body\"", PLACE),
	    "1:32: \"body\" is not an object");
	ann_refused(ANN("", "[" BODY ", " BODY "]", PLACE),
	    "1:32: \"body\" holds 2 items");
	ann_refused(ANN("", BODY, "[" PLACE ", " PLACE "]"),
	    "1:187: a second charta:PlaceSelector");
	ann_refused(ANN("", BODY, "{\"type\": \"charta:PlaceSelector\", "
	    "\"slug\": \"mfa\", \"label\": \"\"}"),
	    "1:177: \"label\" is empty");
	ann_refused(ANN("", BODY, "{\"type\": \"charta:PlaceSelector\", "
	    "\"slug\": \"mfa\", \"label\": \"p1\", \"work\": \"w\"}"),
	    "1:120: \"work\" and \"path\" go together");
	ann_refused(ANN(", \"created\": \"2026-03-01\"", BODY, PLACE),
	    "1:35: \"created\" is not a date");
	ann_refused(ANN(", \"modified\": \"2026-02-30T10:00:00Zx\"", BODY,
	    PLACE), "1:36: \"modified\" is not a date");
	ann_refused("[{\"type\": \"Note\"}]", "1:2: not an annotation");
	ann_refused("{\"type\": \"AnnotationCollection\", \"first\": "
	    "\"http://example.org/page1\"}", "1:43: the collection's first");
	/* A body one byte over the store's limit. */
	len = STATE_NOTE_MAX + 1;
	big = xmalloc(len + 200);
	memcpy(big, "{\"type\": \"Annotation\", \"bodyValue\": \"", 37);
	memset(big + 37, 'x', len);
	snprintf(big + 37 + len, 163, "\", \"target\": {\"selector\": "
	    PLACE "}}");
	ann_refused(big, "1:37: \"bodyValue\" is too long: 1048577 bytes");
	free(big);
}

static void
test_annotation_shapes(void **unused)
{
	static const char *const files[] = {
		ANN(", \"id\": "
		    "\"urn:uuid:0A1B2C3D-0000-4000-8000-00000000000F\""
		    ", \"created\": \"2017-03-01T08:00:00.25+08:00\"",
		    BODY, PLACE),
		"{\"type\": \"AnnotationPage\", \"items\": [" ANN(", \"id\": "
		    "\"http://example.org/anno/1\", \"modified\": "
		    "\"2017-03-01T00:00:00Z\"", BODY, PLACE) "]}",
		"{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", "
		    "\"type\": \"AnnotationCollection\", \"first\": {\"type\": "
		    "\"AnnotationPage\", \"items\": [" ANN("", BODY, "["
		    "{\"type\": \"FragmentSelector\", \"value\": \"x\"}, "
		    PLACE "]") "]}}",
		"[{\"type\": [\"Annotation\"], \"bodyValue\": \"v\", "
		    "\"target\": [{\"selector\": " PLACE "}]}]",
	};
	struct state_note	*notes;
	size_t			 k, n;
	char			*err;

	(void)unused;
	for (k = 0; k < sizeof files / sizeof files[0]; k++) {
		if (annotation_read(files[k], strlen(files[k]), &notes, &n,
		    &err) == -1)
			fail_msg("%s: %s", files[k], err);
		assert_int_equal(n, 1);
		assert_string_equal(notes[0].body, "v");
		assert_string_equal(notes[0].at.slug, "mfa");
		assert_string_equal(notes[0].at.label, "II.2");
		assert_null(notes[0].at.work);
		assert_null(notes[0].quote.exact);
		switch (k) {
		case 0:
			/* Lower case; 08:00 at +08:00 is midnight UTC. */
			assert_string_equal(notes[0].id, "0a1b2c3d-0000-4000-"
			    "8000-00000000000f");
			assert_int_equal(notes[0].created, 1488326400);
			assert_int_equal(notes[0].modified, 1488326400);
			break;
		case 1:
			assert_string_equal(notes[0].id, "");
			assert_int_equal(notes[0].created, -1);
			assert_int_equal(notes[0].modified, 1488326400);
			break;
		default:
			assert_int_equal(notes[0].created, -1);
			assert_int_equal(notes[0].modified, -1);
			break;
		}
		state_notes_free(notes, n);
	}
}

/* The text of a Markdown document as a reader sees it. */
static char *
markdown_text(const char *md)
{
	cmark_node	*doc = cmark_parse_document(md, strlen(md),
			    CMARK_OPT_DEFAULT);
	cmark_iter	*it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node	*node;
	struct text_buf	 b;

	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_DOCUMENT:
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_PARAGRAPH:
			break;
		case CMARK_NODE_TEXT:
			text_buf_puts(&b, cmark_node_get_literal(node));
			break;
		case CMARK_NODE_SOFTBREAK:
			text_buf_addc(&b, '\n');
			break;
		default:
			/* Markup where there was none. */
			text_buf_printf(&b, "<%s>",
			    cmark_node_get_type_string(node));
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return text_buf_steal(&b);
}

static void
test_markdown_escape(void **unused)
{
	static const char *const texts[] = {
		"2. The *Principle* of `code` [a link](http://x) <b>&amp; #",
		"- item\n+ item\n* item\n1) item\n10. item",
		"> not a quote\n# not a heading\n=====\n---",
		"    indented\n\tand a tab   \ntrailing  ",
		"***\n___\n~~~\n```",
		"_under_ and __strong__ ~~strike~~ a|b \\n \\\\",
		"China\342\200\231s \"cyber sovereignty\" (2017): 50% & more!",
		"a\r\nb <!-- comment --> <http://autolink>",
		"heading #",
	};
	const char	*prefixes[] = { "> ", "" };
	struct text_buf	 b;
	char		*back;
	size_t		 k, p;

	(void)unused;
	for (p = 0; p < 2; p++)
		for (k = 0; k < sizeof texts / sizeof texts[0]; k++) {
			text_buf_init(&b);
			markdown_escape(&b, texts[k], strlen(texts[k]),
			    prefixes[p]);
			back = markdown_text(b.data);
			if (strcmp(back, texts[k]) != 0)
				fail_msg("'%s' escaped as '%s' reads '%s'",
				    texts[k], b.data, back);
			free(back);
			text_buf_free(&b);
		}
}

static void
test_note_import(void **unused)
{
	const char		*path = tpath("state.db");
	struct state		*st;
	struct state_note	 n, *list;
	struct state_anchor	 at = { "iscc-2017", "sovereignty/3",
				    "iscc-2017-mfa", "II.2.p3" };
	char			 id[STATE_ID_SIZE], *err;
	size_t			 count;

	(void)unused;
	memset(&n, 0, sizeof n);
	strcpy(n.id, "0a1b2c3d-0000-4000-8000-00000000000f");
	n.at = at;
	n.body = (char *)hostile[0];
	n.created = 1488326400;
	n.modified = 1488412800;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_note_import(st, &n, id, &err), 0);
	assert_string_equal(id, n.id);
	/* Its id is taken now; a bad id is refused; "" makes a new one. */
	assert_int_equal(state_note_import(st, &n, id, &err), -1);
	assert_non_null(strstr(err, n.id));
	free(err);
	strcpy(n.id, "0A1B2C3D-0000-4000-8000-00000000000F");
	assert_int_equal(state_note_import(st, &n, id, &err), -1);
	free(err);
	n.id[0] = '\0';
	assert_int_equal(state_note_import(st, &n, id, &err), 0);
	assert_true(state_id_valid(id));
	n.created = -1;
	assert_int_equal(state_note_import(st, &n, id, &err), -1);
	free(err);
	st = reopen(st, path);
	count = state_note_list(st, NULL, STATE_LIST_ALL, &list);
	assert_int_equal(count, 2);
	assert_string_equal(list[0].id, "0a1b2c3d-0000-4000-8000-00000000000f");
	assert_int_equal(list[0].created, 1488326400);
	assert_int_equal(list[0].modified, 1488412800);
	assert_string_equal(list[0].body, hostile[0]);
	assert_string_equal(list[0].at.anchor, "sovereignty/3");
	assert_int_equal(list[1].created, 1488326400);
	state_notes_free(list, count);
	close_saved(st);
}

/* A note moved (re-attached after a re-import) stays moved: in memory
 * and in the file. */
static void
test_note_move(void **unused)
{
	const char		*path = tpath("state.db");
	struct state		*st;
	struct state_note	*list;
	struct state_anchor	 at = { NULL, NULL, "my-notes", "I.p2" };
	struct state_anchor	 to = { "w", "one/3", "my-notes", "I.p3" };
	struct state_quote	 q = { "Beta.", NULL, NULL };
	char			 id[STATE_ID_SIZE], *err;
	size_t			 n;

	(void)unused;
	st = open_quiet(path, STATE_JOURNAL_AUTO);
	assert_int_equal(state_note_add(st, &at, &q, "on beta", id, &err), 0);
	assert_int_equal(state_note_set_status(st, id, STATE_NOTE_ORPHANED,
	    &err), 0);
	assert_int_equal(state_note_move(st, id, &to, &err), 0);
	n = state_note_list(st, NULL, STATE_LIST_LIVE, &list);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].at.label, "I.p3");
	assert_string_equal(list[0].at.anchor, "one/3");
	assert_int_equal(list[0].status, STATE_NOTE_ATTACHED);
	state_notes_free(list, n);
	st = reopen(st, path);
	n = state_note_list(st, NULL, STATE_LIST_LIVE, &list);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].at.work, "w");
	assert_string_equal(list[0].at.anchor, "one/3");
	assert_string_equal(list[0].at.label, "I.p3");
	assert_int_equal(list[0].status, STATE_NOTE_ATTACHED);
	assert_string_equal(list[0].body, "on beta");
	state_notes_free(list, n);
	close_saved(st);
}

/* A corpus of two translations (work w) and one text of no work. */
static struct corpus *
corpus_of(const char *mine, const char *theirs)
{
	struct corpus	*c = corpus_new();
	char		*err = NULL, *doc;
	uint32_t	 a, b;

	doc = xasprintf("---\nslug: mine\ntitle: Mine\nwork: w\n---\n"
	    "# One {#one label=I}\n\n%s", mine);
	if (import_markdown(c, "mine.md", doc, strlen(doc), &err) == -1)
		fail_msg("%s", err);
	free(doc);
	doc = xasprintf("---\nslug: theirs\ntitle: Theirs\nwork: w\n---\n"
	    "# Un {#one label=I}\n\n%s", theirs);
	if (import_markdown(c, "theirs.md", doc, strlen(doc), &err) == -1)
		fail_msg("%s", err);
	free(doc);
	doc = xstrdup("---\nslug: plain\ntitle: Plain\n---\n"
	    "Alpha.\n\nBeta is here.\n");
	if (import_markdown(c, "plain.md", doc, strlen(doc), &err) == -1)
		fail_msg("%s", err);
	free(doc);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	return c;
}

/* Where the note set on ref of `before` is in `after`: a reference. */
static char *
note_after(const char *before_mine, const char *after_mine, const char *ref,
    bool *moved)
{
	struct corpus		*c = corpus_of(before_mine, "Un.\n\nDeux.\n");
	struct state_anchor	 at;
	struct state_quote	 q;
	uint32_t		 n = corpus_resolve(c, ref, strlen(ref));
	char			*where;

	assert_int_not_equal(n, CORPUS_NONE);
	study_anchor_of(c, n, &at);
	study_quote_of(c, n, &q);
	corpus_free(c);
	c = corpus_of(after_mine, "Un.\n\nDeux.\n");
	n = study_note_place(c, &at, &q, moved);
	where = n == CORPUS_NONE ? xstrdup("orphaned") :
	    corpus_node_ref(c, n);
	study_anchor_free(&at);
	study_quote_free(&q);
	corpus_free(c);
	return where;
}

static void
test_note_place(void **unused)
{
	static const char	 before[] = "Alpha is first.\n\n"
				    "Beta paragraph about peace and order.\n\n"
				    "Gamma is last.\n";
	static const struct {
		const char	*after;
		const char	*ref;
		const char	*want;
		bool		 moved;
	} cases[] = {
		/* Unchanged: where it was. */
		{ before, "mine:I.p2", "mine:I.p2", false },
		/* A paragraph inserted before: found by its words. */
		{ "New.\n\nAlpha is first.\n\nBeta paragraph about peace and "
		  "order.\n\nGamma is last.\n", "mine:I.p2", "mine:I.p3",
		  true },
		/* A typo mended, a sentence added: the same paragraph. */
		{ "Alpha is first.\n\nBeta paragraph about paece and order."
		  "\n\nGamma is last.\n", "mine:I.p2", "mine:I.p2", false },
		{ "Alpha is first.\n\nBeta paragraph about peace and order. "
		  "And more.\n\nGamma is last.\n", "mine:I.p2", "mine:I.p2",
		  false },
		/* Its paragraph gone, another one under its label. */
		{ "Alpha is first.\n\nGamma is last.\n", "mine:I.p2",
		  "orphaned", false },
		/* The label gone with it. */
		{ "Alpha is first.\n", "mine:I.p2", "orphaned", false },
	};
	char	*where;
	bool	 moved;
	size_t	 k;

	(void)unused;
	for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		where = note_after(before, cases[k].after, cases[k].ref,
		    &moved);
		if (strcmp(where, cases[k].want) != 0 ||
		    moved != cases[k].moved)
			fail_msg("case %zu: %s, moved %d; want %s, %d", k,
			    where, moved, cases[k].want, cases[k].moved);
		free(where);
	}
}

/* A note set in one translation shows in the other; its words are not
 * checked against the other's text. */
static void
test_note_place_translation(void **unused)
{
	struct corpus		*c = corpus_of("A.\n\nB.\n", "Un.\n\nDeux.\n");
	struct state_anchor	 at = { "w", "one/2", "gone-copy", "I.p2" };
	struct state_quote	 q = { "B.", NULL, NULL };
	uint32_t		 n;
	char			*ref;
	bool			 moved;

	(void)unused;
	n = study_note_place(c, &at, &q, &moved);
	ref = corpus_node_ref(c, n);
	assert_string_equal(ref, "mine:I.p2");
	assert_false(moved);
	free(ref);
	/* Set in "theirs" with its words: theirs, checked there. */
	at.slug = "theirs";
	q.exact = "Deux.";
	n = study_note_place(c, &at, &q, &moved);
	ref = corpus_node_ref(c, n);
	assert_string_equal(ref, "theirs:I.p2");
	free(ref);
	/* A document of no work: by slug and label, words checked. */
	at.work = at.anchor = NULL;
	at.slug = "plain";
	at.label = "p2";
	q.exact = "Beta is here.";
	n = study_note_place(c, &at, &q, &moved);
	ref = corpus_node_ref(c, n);
	assert_string_equal(ref, "plain:p2");
	free(ref);
	q.exact = "Beta was here, long ago, in another text.";
	assert_int_equal(study_note_place(c, &at, &q, &moved), CORPUS_NONE);
	corpus_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_strings_round_trip),
		cmocka_unit_test(test_json_escapes),
		cmocka_unit_test(test_json_errors),
		cmocka_unit_test(test_json_accepts),
		cmocka_unit_test(test_annotation_round_trip),
		cmocka_unit_test(test_annotation_refused),
		cmocka_unit_test(test_annotation_shapes),
		cmocka_unit_test(test_markdown_escape),
		cmocka_unit_test(test_note_place),
		cmocka_unit_test(test_note_place_translation),
		cmocka_unit_test_setup_teardown(test_note_import, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_note_move, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
