/*
 * spec-text.c -- no text of CommonMark's own spec examples is lost without
 * a word.  Each example of tests/commonmark/spec.json (the CommonMark
 * spec's examples; see README there) is imported as the body of a charta
 * source file, and what libcmark itself makes of it is compared with what
 * charta stores:
 *
 *  - every text node (text, inline code, code block) of cmark's tree, and
 *    every piece of raw HTML outside comments, must be found in charta's
 *    text, in order (blanks at their ends aside);
 *  - text of two different blocks must not run together (it did: a list
 *    item's two paragraphs became one word);
 *  - what is not found must be named by a warning on its line.
 *
 * An example charta refuses is fine if the message names the file and a
 * line.  Each example is also imported cut into the smallest chunks the
 * importer can cut it into (struct import_options, chunk = 1): what it
 * stores must be the same, node for node.  The counts are printed; any silent loss fails the test.
 *
 * Usage: spec-text [SPEC.json]  (default: $srcdir/tests/commonmark/spec.json)
 * Exit status 0 (no silent loss), 1 (loss), 99 (cannot run).
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "import/import.h"
#include "model/corpus.h"
#include "text/text.h"

/*
 * The example follows two headings, so that headings of levels 1 to 3 in
 * it have the parents charta asks for.
 */
#define PREFIX	"---\nslug: spec\ntitle: Spec\n---\n\n# spec-h1\n\n## spec-h2\n\n"
#define PREFIX_LINES	10

struct example {
	char	*markdown;
	long	 number;
};

/* ------------------------------------------------ a small JSON reader */

static const char	*json_p;

static void
json_space(void)
{
	while (*json_p == ' ' || *json_p == '\n' || *json_p == '\t' ||
	    *json_p == '\r')
		json_p++;
}

static void
json_utf8(struct text_buf *b, unsigned long c)
{
	if (c < 0x80)
		text_buf_addc(b, (char)c);
	else if (c < 0x800) {
		text_buf_addc(b, (char)(0xc0 | c >> 6));
		text_buf_addc(b, (char)(0x80 | (c & 0x3f)));
	} else if (c < 0x10000) {
		text_buf_addc(b, (char)(0xe0 | c >> 12));
		text_buf_addc(b, (char)(0x80 | (c >> 6 & 0x3f)));
		text_buf_addc(b, (char)(0x80 | (c & 0x3f)));
	} else {
		text_buf_addc(b, (char)(0xf0 | c >> 18));
		text_buf_addc(b, (char)(0x80 | (c >> 12 & 0x3f)));
		text_buf_addc(b, (char)(0x80 | (c >> 6 & 0x3f)));
		text_buf_addc(b, (char)(0x80 | (c & 0x3f)));
	}
}

/* A JSON string at json_p, as a new string; NULL if malformed. */
static char *
json_string(void)
{
	struct text_buf	 b;
	unsigned long	 c, lo;
	char		*end, hex[5];

	if (*json_p != '"')
		return NULL;
	json_p++;
	text_buf_init(&b);
	text_buf_add(&b, "", 0);
	while (*json_p != '"') {
		if (*json_p == '\0')
			goto bad;
		if (*json_p != '\\') {
			text_buf_addc(&b, *json_p++);
			continue;
		}
		json_p++;
		switch (*json_p++) {
		case 'n': text_buf_addc(&b, '\n'); break;
		case 't': text_buf_addc(&b, '\t'); break;
		case 'r': text_buf_addc(&b, '\r'); break;
		case 'b': text_buf_addc(&b, '\b'); break;
		case 'f': text_buf_addc(&b, '\f'); break;
		case '/': text_buf_addc(&b, '/'); break;
		case '\\': text_buf_addc(&b, '\\'); break;
		case '"': text_buf_addc(&b, '"'); break;
		case 'u':
			memcpy(hex, json_p, 4);
			hex[4] = '\0';
			c = strtoul(hex, &end, 16);
			if (end != hex + 4)
				goto bad;
			json_p += 4;
			if (c >= 0xd800 && c < 0xdc00 && json_p[0] == '\\' &&
			    json_p[1] == 'u') {
				memcpy(hex, json_p + 2, 4);
				lo = strtoul(hex, &end, 16);
				if (end == hex + 4 && lo >= 0xdc00 &&
				    lo < 0xe000) {
					c = 0x10000 + ((c - 0xd800) << 10) +
					    (lo - 0xdc00);
					json_p += 6;
				}
			}
			json_utf8(&b, c);
			break;
		default:
			goto bad;
		}
	}
	json_p++;
	return text_buf_steal(&b);
bad:
	text_buf_free(&b);
	return NULL;
}

/* Skip a JSON value that is a string or a number. */
static bool
json_skip_value(void)
{
	char	*s;

	if (*json_p == '"') {
		if ((s = json_string()) == NULL)
			return false;
		free(s);
		return true;
	}
	while (*json_p == '-' || (*json_p >= '0' && *json_p <= '9'))
		json_p++;
	return true;
}

/* The examples: an array of flat objects; NULL if malformed. */
static struct example *
json_examples(const char *text, size_t *n)
{
	struct example	*ex = NULL;
	size_t		 cap = 0;
	char		*key;

	*n = 0;
	json_p = text;
	json_space();
	if (*json_p++ != '[')
		return NULL;
	for (;;) {
		json_space();
		if (*json_p == ']')
			return ex;
		if (*json_p++ != '{')
			return NULL;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			ex = realloc(ex, cap * sizeof *ex);
			if (ex == NULL)
				return NULL;
		}
		memset(&ex[*n], 0, sizeof ex[*n]);
		for (;;) {
			json_space();
			if ((key = json_string()) == NULL)
				return NULL;
			json_space();
			if (*json_p++ != ':')
				return NULL;
			json_space();
			if (strcmp(key, "markdown") == 0)
				ex[*n].markdown = json_string();
			else if (strcmp(key, "example") == 0)
				ex[*n].number = strtol(json_p, NULL, 10);
			if (strcmp(key, "markdown") != 0 && !json_skip_value())
				return NULL;
			free(key);
			json_space();
			if (*json_p == ',') {
				json_p++;
				continue;
			}
			if (*json_p++ != '}')
				return NULL;
			break;
		}
		if (ex[*n].markdown == NULL)
			return NULL;
		(*n)++;
		json_space();
		if (*json_p == ',')
			json_p++;
	}
}

/* --------------------------------------------------- the comparison */

/* One piece of text cmark has, and the block it belongs to. */
struct piece {
	char		*text;		/* blanks at the ends trimmed */
	size_t		 line;		/* in the example */
	cmark_node	*block;
};

struct pieces {
	struct piece	*v;
	size_t		 n, cap;
};

static void
pieces_add(struct pieces *p, const char *s, size_t len, size_t line,
    cmark_node *block)
{
	char	*fixed;

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n')) {
		line += *s == '\n';
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->v = realloc(p->v, p->cap * sizeof *p->v);
	}
	/* charta stores UTF-8 only: what cmark decoded ill-formed is U+FFFD. */
	fixed = text_sanitize(s, len, TEXT_MODE_RAW, false, NULL);
	p->v[p->n].text = fixed;
	p->v[p->n].line = line;
	p->v[p->n].block = block;
	p->n++;
}

/* Raw HTML outside comments, a line at a time. */
static void
pieces_html(struct pieces *p, const char *lit, size_t line, cmark_node *blk)
{
	const char	*s = lit, *open, *close, *e = lit + strlen(lit), *nl;

	while (s < e) {
		open = strstr(s, "<!--");
		if (open == NULL)
			open = e;
		while (s < open) {
			nl = memchr(s, '\n', (size_t)(open - s));
			if (nl == NULL)
				nl = open;
			pieces_add(p, s, (size_t)(nl - s), line, blk);
			if (nl < open)
				line++;
			s = nl < open ? nl + 1 : nl;
		}
		if (open == e)
			break;
		close = strstr(open + 4, "-->");
		if (strncmp(open + 4, ">", 1) == 0)
			close = open + 2;
		else if (strncmp(open + 4, "->", 2) == 0)
			close = open + 3;
		if (close == NULL)
			break;
		for (; s < close + 3; s++)
			line += *s == '\n';
	}
}

/* The nearest leaf block (paragraph, heading, code, HTML block) of n. */
static cmark_node *
leaf_block(cmark_node *n)
{
	cmark_node_type	t;

	for (; n != NULL; n = cmark_node_parent(n)) {
		t = cmark_node_get_type(n);
		if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
		    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK)
			return n;
	}
	return NULL;
}

static void
collect(cmark_node *doc, struct pieces *p)
{
	cmark_iter		*it = cmark_iter_new(doc);
	cmark_event_type	 ev;
	cmark_node		*n;
	const char		*lit;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		lit = cmark_node_get_literal(n);
		if (lit == NULL)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			pieces_add(p, lit, strlen(lit),
			    (size_t)cmark_node_get_start_line(n),
			    leaf_block(n));
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
			pieces_html(p, lit,
			    (size_t)cmark_node_get_start_line(n),
			    leaf_block(n));
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static void
warn_collect(void *arg, const char *msg)
{
	text_buf_puts(arg, msg);
	text_buf_addc(arg, '\n');
}

/* Is there a warning on line (of the file)? */
static bool
warned_at(const struct text_buf *w, size_t line)
{
	char	needle[64];

	if (w->data == NULL)
		return false;
	snprintf(needle, sizeof needle, "spec.md:%zu:", line);
	return strstr(w->data, needle) != NULL;
}

/* Did the refusal name the file and a line? */
static bool
names_line(const char *err)
{
	return strncmp(err, "spec.md:", 8) == 0 && err[8] >= '1' &&
	    err[8] <= '9';
}

enum verdict { V_KEPT, V_REFUSED, V_WARNED, V_LOST, V_BADERR, V_CHUNKS };

/* The same import, a chunk at a time: the same nodes? */
static bool
same_in_chunks(const struct corpus *whole, const char *src, size_t len)
{
	struct corpus		*c = corpus_new();
	struct import_options	 opt = { .chunk = 1 };
	char			*err = NULL;
	size_t			 i;
	bool			 same;

	same = import_markdown_opt(c, "spec.md", src, len, &opt, &err) == 0 &&
	    c->nnodes == whole->nnodes;
	for (i = 0; same && i < c->nnodes; i++) {
		const struct corpus_node *a = &c->nodes[i], *b = &whole->nodes[i];

		same = a->kind == b->kind && a->parent == b->parent &&
		    a->line == b->line && a->text_len == b->text_len &&
		    memcmp(a->text, b->text, a->text_len) == 0 &&
		    strcmp(a->title, b->title) == 0 &&
		    strcmp(a->label, b->label) == 0;
	}
	free(err);
	corpus_free(c);
	return same;
}

static enum verdict
check(const struct example *ex, bool verbose)
{
	struct corpus		*c = corpus_new();
	struct text_buf		 src, out, w;
	struct import_options	 opt = { .warn = warn_collect, .arg = &w };
	struct pieces		 p = { NULL, 0, 0 };
	cmark_node		*doc;
	char			*err = NULL, *found;
	size_t			 i, len, pos = 0, k;
	enum verdict		 v = V_KEPT;

	text_buf_init(&src);
	text_buf_init(&out);
	text_buf_init(&w);
	text_buf_puts(&src, PREFIX);
	text_buf_puts(&src, ex->markdown);
	len = src.len;
	if (import_check_text("spec.md", src.data, &len, &err) == -1 ||
	    import_markdown_opt(c, "spec.md", src.data, len, &opt,
	    &err) == -1) {
		v = names_line(err) ? V_REFUSED : V_BADERR;
		if (verbose || v == V_BADERR)
			printf("example %ld: refused: %s\n", ex->number, err);
		goto out;
	}
	if (!same_in_chunks(c, src.data, len)) {
		printf("example %ld: imported a chunk at a time, it differs\n",
		    ex->number);
		v = V_CHUNKS;
		goto out;
	}
	/* Everything charta stores, in reading order, but the prefix. */
	for (i = 3; i < c->nnodes; i++) {
		text_buf_puts(&out, c->nodes[i].title);
		text_buf_add(&out, c->nodes[i].text, c->nodes[i].text_len);
		text_buf_addc(&out, '\n');
	}
	text_buf_add(&out, "", 0);
	doc = cmark_parse_document(ex->markdown, strlen(ex->markdown),
	    CMARK_OPT_DEFAULT);
	collect(doc, &p);
	for (i = 0; i < p.n; i++) {
		found = strstr(out.data + pos, p.v[i].text);
		/* Another block's text must not run into this one. */
		if (found != NULL && i > 0 && p.v[i].block != p.v[i - 1].block) {
			for (k = pos; out.data + k < found; k++)
				if (strchr(" \t\n", out.data[k]) != NULL)
					break;
			if (out.data + k == found)
				found = NULL;
		}
		if (found != NULL) {
			pos = (size_t)(found - out.data) + strlen(p.v[i].text);
			continue;
		}
		if (warned_at(&w, PREFIX_LINES + p.v[i].line)) {
			if (v == V_KEPT)
				v = V_WARNED;
			continue;
		}
		v = V_LOST;
		printf("example %ld: line %zu: '%s' lost without a warning\n"
		    "  source: %s  stored: %s\n", ex->number, p.v[i].line,
		    p.v[i].text, ex->markdown, out.data);
		break;
	}
	for (i = 0; i < p.n; i++)
		free(p.v[i].text);
	free(p.v);
	cmark_node_free(doc);
out:
	if (verbose && w.data != NULL)
		printf("example %ld: warnings:\n%s", ex->number, w.data);
	free(err);
	text_buf_free(&src);
	text_buf_free(&out);
	text_buf_free(&w);
	corpus_free(c);
	return v;
}

int
main(int argc, char **argv)
{
	const char	*srcdir = getenv("srcdir");
	char		*path, *text;
	struct example	*ex;
	FILE		*f;
	long		 size;
	size_t		 n, i, count[V_CHUNKS + 1] = { 0 };
	bool		 verbose = getenv("SPEC_VERBOSE") != NULL;

	if (argc > 1)
		path = strdup(argv[1]);
	else {
		path = malloc(strlen(srcdir ? srcdir : ".") + 40);
		sprintf(path, "%s/tests/commonmark/spec.json",
		    srcdir ? srcdir : ".");
	}
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		return 99;
	}
	text = malloc((size_t)size + 1);
	if (fread(text, 1, (size_t)size, f) != (size_t)size) {
		perror(path);
		return 99;
	}
	text[size] = '\0';
	fclose(f);
	if ((ex = json_examples(text, &n)) == NULL || n < 600) {
		fprintf(stderr, "%s: not the spec's examples\n", path);
		return 99;
	}
	for (i = 0; i < n; i++)
		count[check(&ex[i], verbose)]++;
	printf("%zu CommonMark spec examples: %zu kept whole, %zu kept with "
	    "every loss warned about, %zu refused naming a line, "
	    "%zu refused without a line, %zu with text lost silently, "
	    "%zu changed when read a chunk at a time\n", n,
	    count[V_KEPT], count[V_WARNED], count[V_REFUSED],
	    count[V_BADERR], count[V_LOST], count[V_CHUNKS]);
	for (i = 0; i < n; i++)
		free(ex[i].markdown);
	free(ex);
	free(text);
	free(path);
	return count[V_LOST] + count[V_BADERR] + count[V_CHUNKS] > 0;
}
