/*
 * test-cite.c -- citations and links (src/cite):
 *  - each format of a shipped passage, as a reader would check it by hand;
 *  - hostile metadata (quotes, braces, backslashes, escape sequences, bidi,
 *    C1, invalid UTF-8, line breaks) keeps BibTeX balanced and CSL-JSON
 *    valid JSON, and no format carries a control byte or a bidi control;
 *  - Markdown's syntax escaped and a URL made safe for a link;
 *  - the writers with every field the front matter may give;
 *  - the links of a node and of a subtree, and the index of linked nodes.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cite/cite.h"
#include "cite/cite-private.h"
#include "cli/cli.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "util/xmalloc.h"
#include "shipped.h"


/* The citation of ref in format f (with text if asked), a new string. */
static char *
cite_ref(const struct corpus *c, const char *ref, enum cite_format f,
    bool with_text)
{
	uint32_t	n = corpus_resolve(c, ref, strlen(ref));
	char		*s, *warning;

	assert_int_not_equal(n, CORPUS_NONE);
	s = cite_nodes(c, &n, 1, f, with_text, &warning);
	free(warning);
	return s;
}

static void
expect_cite(const char *ref, enum cite_format f, const char *want)
{
	char	*got = cite_ref(shipped, ref, f, false);

	assert_string_equal(got, want);
	free(got);
}

/* The names the config file and --format take, one table. */
static void
test_format_names(void **unused)
{
	const struct command_option_info	*oi;
	enum cite_format			 f;
	char					*names = NULL, *t;
	int					 k;

	(void)unused;
	for (k = 0; k < CITE__COUNT; k++) {
		assert_int_equal(cite_format_from_name(cite_format_name(k), &f),
		    0);
		assert_int_equal(f, k);
		t = names == NULL ? xstrdup(cite_format_name(k)) :
		    xasprintf("%s %s", names, cite_format_name(k));
		free(names);
		names = t;
	}
	assert_string_equal(names, CITE_FORMAT_NAMES);
	oi = cli_option_info(COMMAND_OPT_FORMAT);
	assert_string_equal(oi->choices, CITE_FORMAT_NAMES);
	assert_int_equal(cite_format_from_name("chicago-author-date", &f), -1);
	assert_int_equal(cite_format_from_name("", &f), -1);
	free(names);
}

/* A paragraph of the strategy, checked against the document by hand. */
static void
test_shipped_paragraph(void **unused)
{
	(void)unused;
	expect_cite("mfa:II.2.p1", CITE_PLAIN, "International Strategy of "
	    "Cooperation on Cyberspace, Ministry of Foreign Affairs of the "
	    "People's Republic of China and Cyberspace Administration of "
	    "China, 2017-03-01, iscc-2017-mfa:II.2.p1 (2. The Principle of "
	    "Sovereignty, paragraph 1)\n");
	expect_cite("mfa:II.2.p1", CITE_CHICAGO, "Ministry of Foreign Affairs "
	    "of the People's Republic of China and Cyberspace Administration "
	    "of China, International Strategy of Cooperation on Cyberspace "
	    "(Ministry of Foreign Affairs of the People's Republic of China, "
	    "March 1, 2017), sec. II.2, para. 1.\n");
	/* A section of the UN text: the page where it starts. */
	expect_cite("un:II.2", CITE_CHICAGO, "Permanent Mission of the "
	    "People's Republic of China to the Conference on Disarmament, "
	    "International Cyberspace Cooperation Strategy (Conference on "
	    "Disarmament, March 7, 2017), sec. II.2, p. 4.\n");
	/*
	 * A news report: no issuer, its title in quotation marks; its p3 is
	 * its second paragraph (p1 is its title line).
	 */
	expect_cite("news:p3", CITE_CHICAGO, "\xe2\x80\x9c" "China releases "
	    "first strategy on cyberspace cooperation,\xe2\x80\x9d March 1, "
	    "2017, para. 2.\n");
	expect_cite("mfa:IV", CITE_MARKDOWN, "Ministry of Foreign Affairs of "
	    "the People's Republic of China and Cyberspace Administration of "
	    "China, *International Strategy of Cooperation on Cyberspace* "
	    "(Ministry of Foreign Affairs of the People's Republic of China, "
	    "March 1, 2017), chap. IV.\n");
	/* After a caption, a title and a by-line: the first paragraph. */
	expect_cite("chinadaily:p4", CITE_BIBTEX,
	    "@article{chinadaily-2019-wic:p4,\n"
	    "  author = {{Zhang Linwan}},\n"
	    "  title = {{World vision for internet cooperation key to WIC}},\n"
	    "  journal = {{China Daily}},\n"
	    "  year = {2019},\n"
	    "  month = oct,\n"
	    "  date = {2019-10},\n"
	    "  language = {en},\n"
	    "  note = {para. 1},\n"
	    "}\n");
	expect_cite("wic", CITE_CSL_JSON, "[\n"
	    "  {\n"
	    "    \"id\": \"wic-2019-community\",\n"
	    "    \"type\": \"report\",\n"
	    "    \"genre\": \"Paper\",\n"
	    "    \"title\": \"Jointly Build a Community with a Shared Future in "
	    "Cyberspace\",\n"
	    "    \"author\": [{\"literal\": \"Organizing Committee of the World "
	    "Internet Conference\"}],\n"
	    "    \"publisher\": \"Organizing Committee of the World Internet "
	    "Conference\",\n"
	    "    \"issued\": {\"date-parts\": [[2019, 10, 16]]},\n"
	    "    \"language\": \"en\"\n"
	    "  }\n"
	    "]\n");
}

/* The passage with its citation: before it, quoted, or in annote. */
static void
test_shipped_passage(void **unused)
{
	char	*s;

	(void)unused;
	s = cite_ref(shipped, "news:p4", CITE_PLAIN, true);
	assert_string_equal(s, "The aim of the strategy \xe2\x80\x93 jointly "
	    "building a community of shared future in cyberspace \xe2\x80\x93 "
	    "illustrates China's approach to cyberspace cooperation. Notably "
	    "one that is based on peace, sovereignty, shared governance and "
	    "shared benefits.\n\nChina releases first strategy on cyberspace "
	    "cooperation, 2017-03-01, news-2017-release:p4 (paragraph 3)\n");
	free(s);
	s = cite_ref(shipped, "wic:II.1", CITE_MARKDOWN, true);
	assert_non_null(strstr(s, "> II.1  Respecting sovereignty in "
	    "cyberspace.\n>\n> The principle of sovereign equality"));
	assert_non_null(strstr(s, "\n\nOrganizing Committee of the World "
	    "Internet Conference, *Jointly Build"));
	free(s);
	s = cite_ref(shipped, "mfa:II.2.p2", CITE_BIBTEX, true);
	assert_non_null(strstr(s, "  annote = {Upholding sovereignty in "
	    "cyberspace not only reflects"));
	free(s);
}

/* Metadata no format can trust. */
#define EVIL_TITLE	"Q\"uo{te}s \\back\\slash \x1b[31mred\x1b]52;c;aGk=\x07 " \
			"\xe2\x80\xae" "bidi \xff\xe0\x80" "A \xc2\x9b" "c1 $&%#_^~ " \
			"tab\there\nline *md* [x](y) \xe2\x80\xa8"
#define EVIL_TEXT	"text } with \x1b[2J, @inproceedings{x, and \"q\"\\"

static struct corpus *
evil_corpus(void)
{
	struct corpus		*c = corpus_new();
	struct corpus_doc	 m;
	uint32_t		 root, sec, a, b;

	memset(&m, 0, sizeof m);
	m.slug = "evil";
	m.title = EVIL_TITLE;
	m.issuer = "Inst \"A\" {B} \\C \x1b[0m";
	m.date = "2017-13-40";
	m.language = "en\x1b";
	m.source = "https://example.org/a b(c)\"{}\\<>\xe2\x80\xae";
	m.kind = "strategy";
	root = corpus_add_doc(c, &m);
	sec = corpus_add_node(c, root, KIND_CHAPTER, "I", "", "Head\x1b", NULL,
	    0, 0, 1);
	corpus_add_node(c, sec, KIND_PARAGRAPH, "I.p1", "", "", EVIL_TEXT,
	    strlen(EVIL_TEXT), 0, 2);
	assert_int_equal(corpus_finish(c, &a, &b), 0);
	return c;
}

/*
 * What every format must keep: valid UTF-8, no control byte but LF, no
 * C1 code point, no bidi control.
 */
static void
assert_clean(const char *s, const char *what)
{
	const unsigned char	*p;

	if (!text_utf8_valid(s, strlen(s), NULL, NULL, NULL))
		fail_msg("%s: invalid UTF-8", what);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			fail_msg("%s: control byte 0x%02x", what, *p);
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fail_msg("%s: a C1 control", what);
		if (*p == 0xe2 && ((p[1] == 0x80 && ((p[2] >= 0xaa &&
		    p[2] <= 0xae) || p[2] == 0x8e || p[2] == 0x8f)) ||
		    (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
			fail_msg("%s: a bidi control", what);
	}
}

/* A JSON value at *s (RFC 8259), skipping it; false if it is not one. */
static bool	json_value(const char **s);

static void
json_ws(const char **s)
{
	*s += strspn(*s, " \t\n\r");
}

static bool
json_string_ok(const char **s)
{
	const unsigned char	*p = (const unsigned char *)*s;

	if (*p++ != '"')
		return false;
	for (; *p != '"'; p++) {
		if (*p < 0x20)
			return false;		/* raw control: not JSON */
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				if (strspn((const char *)p + 1,
				    "0123456789abcdefABCDEF") < 4)
					return false;
				p += 4;
			} else if (strchr("\"\\/bfnrt", *p) == NULL ||
			    *p == '\0')
				return false;
		}
	}
	*s = (const char *)p + 1;
	return true;
}

static bool
json_value(const char **s)
{
	char	open;

	json_ws(s);
	if (**s == '"')
		return json_string_ok(s);
	if (**s == '[' || **s == '{') {
		open = **s;
		(*s)++;
		json_ws(s);
		if (**s == (open == '[' ? ']' : '}')) {
			(*s)++;
			return true;
		}
		for (;;) {
			if (open == '{') {
				json_ws(s);
				if (!json_string_ok(s))
					return false;
				json_ws(s);
				if (*(*s)++ != ':')
					return false;
			}
			if (!json_value(s))
				return false;
			json_ws(s);
			if (**s == ',') {
				(*s)++;
				continue;
			}
			if (**s != (open == '[' ? ']' : '}'))
				return false;
			(*s)++;
			return true;
		}
	}
	if (**s == '-' || (**s >= '0' && **s <= '9')) {
		*s += strspn(*s, "-+0123456789.eE");
		return true;
	}
	if (strncmp(*s, "true", 4) == 0 || strncmp(*s, "null", 4) == 0) {
		*s += 4;
		return true;
	}
	if (strncmp(*s, "false", 5) == 0) {
		*s += 5;
		return true;
	}
	return false;
}

static void
assert_json(const char *s)
{
	const char	*p = s;

	if (!json_value(&p))
		fail_msg("not JSON at byte %zu: %s", (size_t)(p - s), s);
	json_ws(&p);
	if (*p != '\0')
		fail_msg("more after the JSON value: %s", p);
}

/* Braces balance in every entry; '@' starts a line at depth 0 only. */
static void
assert_bibtex(const char *s)
{
	const char	*p;
	int		 depth = 0;

	for (p = s; *p != '\0'; p++) {
		if (*p == '{')
			depth++;
		else if (*p == '}' && --depth < 0)
			fail_msg("unbalanced '}' at byte %zu: %s",
			    (size_t)(p - s), s);
		else if (*p == '@' && depth == 0 && p != s && p[-1] != '\n')
			fail_msg("'@' outside an entry at byte %zu",
			    (size_t)(p - s));
	}
	if (depth != 0)
		fail_msg("braces left open: %s", s);
}

static void
test_hostile_metadata(void **unused)
{
	struct corpus	*c = evil_corpus();
	char		*s;
	int		 f, t;

	(void)unused;
	for (f = 0; f < CITE__COUNT; f++)
		for (t = 0; t < 2; t++) {
			s = cite_ref(c, "evil:I.p1", f, t);
			assert_clean(s, cite_format_name(f));
			/* U+2028 is JSON, but ends a line in JavaScript. */
			if (f == CITE_CSL_JSON) {
				assert_json(s);
				assert_null(strstr(s, "\xe2\x80\xa8"));
			}
			if (f == CITE_BIBTEX)
				assert_bibtex(s);
			free(s);
		}
	/* The escapes, one by one, as a reader checks them. */
	s = cite_ref(c, "evil:I.p1", CITE_BIBTEX, true);
	assert_string_equal(s, "@techreport{evil:I.p1,\n"
	    "  author = {{Inst \"A\" {\\textbraceleft}B{\\textbraceright} "
	    "{\\textbackslash}C {\\textasciicircum}[[0m}},\n"
	    "  title = {{Q\"uo{\\textbraceleft}te{\\textbraceright}s "
	    "{\\textbackslash}back{\\textbackslash}slash "
	    "{\\textasciicircum}[[31mred{\\textasciicircum}[]52;c;aGk="
	    "{\\textasciicircum}G <U+202E>bidi \xef\xbf\xbd\xef\xbf\xbd"
	    "\xef\xbf\xbd" "A <U+009B>c1 \\$\\&\\%\\#\\_{\\textasciicircum}"
	    "{\\textasciitilde} tab{\\textasciicircum}Ihere{\\textasciicircum}"
	    "Jline *md* [x](y) \xe2\x80\xa8}},\n"
	    "  institution = {{Inst \"A\" {\\textbraceleft}B{\\textbraceright} "
	    "{\\textbackslash}C {\\textasciicircum}[[0m}},\n"
	    "  type = {Strategy},\n"
	    "  year = {2017-13-40},\n"
	    "  language = {en{\\textasciicircum}[},\n"
	    "  url = {https://example.org/a%20b(c)%22%7B%7D%5C%3C%3E%3CU+202E%3E},\n"
	    "  note = {chap. I, para. 1},\n"
	    "  annote = {text {\\textbraceright} with {\\textasciicircum}[[2J, "
	    "@inproceedings{\\textbraceleft}x, and \"q\"{\\textbackslash}},\n"
	    "}\n");
	free(s);
	s = cite_ref(c, "evil:I.p1", CITE_CSL_JSON, false);
	assert_non_null(strstr(s, "\"title\": \"Q\\\"uo{te}s \\\\back\\\\slash "
	    "^[[31mred^[]52;c;aGk=^G <U+202E>bidi"));
	assert_non_null(strstr(s, "tab^Ihere^Jline *md* [x](y) \\u2028\""));
	assert_non_null(strstr(s, "\"issued\": {\"raw\": \"2017-13-40\"}"));
	assert_non_null(strstr(s, "\"URL\": \"https://example.org/a b(c)\\\""
	    "{}\\\\<><U+202E>\""));
	free(s);
	s = cite_ref(c, "evil:I.p1", CITE_MARKDOWN, false);
	/* Markdown's syntax is text; the link's destination is whole. */
	assert_non_null(strstr(s, "\\*md\\* \\[x\\](y)"));
	assert_non_null(strstr(s, "](https://example.org/a%20b%28c%29%22%7B"
	    "%7D%5C%3C%3E%3CU+202E%3E)"));
	free(s);
	corpus_free(c);
}

/*
 * The fields no shipped document has yet (a translator, a person's
 * by-line, a URL, a container), as the writers take them from cite_meta:
 * what the front matter's new keys will give.
 */
static void
test_all_fields(void **unused)
{
	struct cite_place	p;
	struct text_buf		b;

	(void)unused;
	memset(&p, 0, sizeof p);
	p.m.slug = xstrdup("t");
	p.m.title = xstrdup("A Title");
	p.m.issuer = xstrdup("A Ministry");
	p.m.author = xstrdup("");
	p.m.translator = xstrdup("Jane Roe");
	p.m.publisher = xstrdup("A Press");
	p.m.container = xstrdup("");
	p.m.date = xstrdup("2017-03");
	p.m.language = xstrdup("zh");
	p.m.url = xstrdup("https://example.org/t");
	p.m.kind = xstrdup("strategy");
	p.ref = xstrdup("t:I.p2");
	p.locator = xstrdup("chap. I, para. 2");
	p.where = xstrdup("Head, paragraph 2");
	text_buf_init(&b);
	cite_write_csl_item(&b, &p, true);
	assert_string_equal(b.data, "  {\n"
	    "    \"id\": \"t:I.p2\",\n"
	    "    \"type\": \"report\",\n"
	    "    \"genre\": \"Strategy\",\n"
	    "    \"title\": \"A Title\",\n"
	    "    \"author\": [{\"literal\": \"A Ministry\"}],\n"
	    "    \"translator\": [{\"literal\": \"Jane Roe\"}],\n"
	    "    \"publisher\": \"A Press\",\n"
	    "    \"issued\": {\"date-parts\": [[2017, 3]]},\n"
	    "    \"language\": \"zh\",\n"
	    "    \"URL\": \"https://example.org/t\",\n"
	    "    \"note\": \"chap. I, para. 2\"\n"
	    "  }");
	text_buf_free(&b);
	text_buf_init(&b);
	cite_write_chicago(&b, &p);
	assert_string_equal(b.data, "A Ministry, A Title, trans. Jane Roe "
	    "(A Press, March 2017), chap. I, para. 2, https://example.org/t.\n");
	text_buf_free(&b);
	text_buf_init(&b);
	cite_write_markdown(&b, &p);
	assert_string_equal(b.data, "A Ministry, [*A Title*]"
	    "(https://example.org/t), trans. Jane Roe (A Press, March 2017), "
	    "chap. I, para. 2.\n");
	text_buf_free(&b);
	text_buf_init(&b);
	cite_write_plain(&b, &p);
	assert_string_equal(b.data, "A Title, A Ministry, translated by Jane "
	    "Roe, 2017-03, t:I.p2 (Head, paragraph 2), https://example.org/t\n");
	text_buf_free(&b);
	/* A person's article in a periodical. */
	free(p.m.author);
	p.m.author = xstrdup("Zhang Linwan");
	free(p.m.kind);
	p.m.kind = xstrdup("article");
	free(p.m.container);
	p.m.container = xstrdup("China Daily");
	text_buf_init(&b);
	cite_write_chicago(&b, &p);
	assert_string_equal(b.data, "Zhang Linwan, \xe2\x80\x9c" "A Title,"
	    "\xe2\x80\x9d trans. Jane Roe, China Daily, March 2017, chap. I, "
	    "para. 2, https://example.org/t.\n");
	text_buf_free(&b);
	text_buf_init(&b);
	cite_write_bibtex(&b, &p);
	assert_string_equal(b.data, "@article{t:I.p2,\n"
	    "  author = {{Zhang Linwan}},\n"
	    "  title = {{A Title}},\n"
	    "  translator = {{Jane Roe}},\n"
	    "  journal = {{China Daily}},\n"
	    "  year = {2017},\n"
	    "  month = mar,\n"
	    "  date = {2017-03},\n"
	    "  language = {zh},\n"
	    "  url = {https://example.org/t},\n"
	    "  note = {chap. I, para. 2},\n"
	    "}\n");
	text_buf_free(&b);
	cite_place_free(&p);
}

/* Links: both directions, one node or a subtree, the index of nodes. */
static void
test_links(void **unused)
{
	struct cite_links	*ix = cite_links_new(shipped);
	struct cite_link	*v;
	uint32_t		 mfa22 = corpus_resolve(shipped, "mfa:II.2", 8);
	uint32_t		 wic21 = corpus_resolve(shipped, "wic:II.1", 8);
	uint32_t		 wic = corpus_resolve(shipped, "wic", 3);
	uint32_t		 un22 = corpus_resolve(shipped, "un:II.2", 7);
	size_t			 n, k;

	(void)unused;
	assert_true(cite_links_has(ix, mfa22));
	assert_true(cite_links_has(ix, wic21));
	assert_false(cite_links_has(ix, un22));	/* a translation, no link */
	/* mfa:II.2: carried forward by wic:II.1, summarized by embassy:III */
	n = cite_links_of(shipped, mfa22, false, &v);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].other, wic21);
	assert_false(v[0].outgoing);
	assert_int_equal(v[0].here, mfa22);
	assert_int_equal(v[1].other, corpus_resolve(shipped, "embassy:III",
	    11));
	free(v);
	/*
	 * wic and under it: the 18 links from its principles, paths and
	 * preface (carrying the strategy forward), and the China Daily
	 * article's four, which point at it (summarizing it).
	 */
	n = cite_links_of(shipped, wic, true, &v);
	assert_int_equal(n, 22);
	for (k = 0; k < n; k++) {
		assert_int_equal(shipped->nodes[v[k].here].doc,
		    shipped->nodes[wic].doc);
		assert_true(v[k].outgoing == (strcmp(shipped->links[
		    v[k].link].relation, "carries forward") == 0));
	}
	free(v);
	assert_int_equal(cite_links_of(shipped, un22, true, &v), 0);
	assert_null(v);
	cite_links_free(ix);
	cite_links_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_names),
		cmocka_unit_test(test_shipped_paragraph),
		cmocka_unit_test(test_shipped_passage),
		cmocka_unit_test(test_hostile_metadata),
		cmocka_unit_test(test_all_fields),
		cmocka_unit_test(test_links),
	};

	return cmocka_run_group_tests(tests, shipped_setup, shipped_teardown);
}
