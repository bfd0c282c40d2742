/*
 * fuzz-import.c -- a source file through the importer: import_check_text()
 * then import_markdown() into a fresh corpus, then corpus_finish().
 *
 * Input: the first byte is a set of flags, the rest is the file.
 *	0x01	write the corpus with store_write_corpus() to a temporary
 *		file, load it back with store_load_corpus() and compare
 *	0x02	call the file "dir/a b:7.md" rather than "in.md"
 *	0x04	import the text a second time as another file: both must
 *		succeed alike, and corpus_finish() must refuse the slug clash
 *	0x08	read the same text as a links file (import_links())
 *	0x10	import it again a chunk at a time (import_options.chunk = 1):
 *		the same nodes must come out
 *
 * Invariants:
 *  - an error message starts with the file name and a colon; if a line
 *    and column follow, the line is within 1..(lines + 1) and the column
 *    within 1..(characters on that line + 1);
 *  - on success every node is NUL-free valid UTF-8 (the loader relies on
 *    it), the tree is well formed (parents before children, depths, the
 *    sibling links), every node's reference resolves back to it;
 *  - a written corpus loads back equal, node by node;
 *  - nothing leaks (ASan's leak check), on success or on error.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "fuzz.h"
#include "import/import.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"

#define FLAG_STORE	0x01
#define FLAG_NAME	0x02
#define FLAG_TWICE	0x04
#define FLAG_LINKS	0x08
#define FLAG_CHUNKS	0x10

static char	*fuzz_dir;

static void
fuzz_cleanup(void)
{
	if (fuzz_dir != NULL)
		rmdir(fuzz_dir);
}

/* A private directory for the round trip, made once. */
static const char *
fuzz_tmpdir(void)
{
	const char	*base;
	char		*t;

	if (fuzz_dir != NULL)
		return fuzz_dir;
	base = getenv("TMPDIR");
	if (base == NULL || *base == '\0')
		base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	t = malloc(strlen(base) + 32);
	FUZZ_CHECK(t != NULL);
	strcpy(t, base);
	strcat(t, "/charta-fuzz-XXXXXX");
	FUZZ_CHECK(mkdtemp(t) != NULL);
	fuzz_dir = t;
	atexit(fuzz_cleanup);
	return fuzz_dir;
}

/*
 * The text as import_check_text() normalises it (BOM stripped, CR LF and
 * CR made LF), so that lines and columns can be counted the same way.
 */
static char *
fuzz_normalise(const char *s, size_t n, size_t *outlen)
{
	char	*t = malloc(n + 1);
	size_t	 i = 0, j = 0;

	FUZZ_CHECK(t != NULL);
	if (n >= 3 && memcmp(s, "\357\273\277", 3) == 0)
		i = 3;
	for (; i < n; i++) {
		if (s[i] == '\r') {
			t[j++] = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
		} else
			t[j++] = s[i];
	}
	*outlen = j;
	return t;
}

/* "NAME: ..." or "NAME:LINE:COL: ..." (or "NAME:LINE: ..." for links). */
static void
fuzz_check_error(const char *err, const char *name, const char *text,
    size_t n, bool want_line, bool want_col)
{
	size_t		 len = strlen(name), lines, line, col, k, chars;
	const char	*p, *s;
	char		*end;

	FUZZ_CHECK(err != NULL);
	FUZZ_CHECK(strncmp(err, name, len) == 0 && err[len] == ':');
	p = err + len + 1;
	if (*p < '0' || *p > '9') {
		FUZZ_CHECK(!want_line && *p == ' ');
		return;
	}
	/* Lines: a final LF ends the last line and starts no new one. */
	lines = 0;
	for (k = 0; k < n; k++)
		if (text[k] == '\n')
			lines++;
	if (n > 0 && text[n - 1] != '\n')
		lines++;
	line = strtoul(p, &end, 10);
	FUZZ_CHECK(line >= 1 && line <= lines + 1);
	FUZZ_CHECK(*end == ':');
	p = end + 1;
	if (*p == ' ') {
		FUZZ_CHECK(!want_col);
		return;
	}
	col = strtoul(p, &end, 10);
	FUZZ_CHECK(*end == ':' && end[1] == ' ');
	/* The characters on that line. */
	s = text;
	for (k = 1; k < line; k++) {
		s = memchr(s, '\n', (size_t)(text + n - s));
		FUZZ_CHECK(s != NULL);
		s++;
	}
	for (chars = 0; s < text + n && *s != '\n'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			chars++;
	FUZZ_CHECK(col >= 1 && col <= chars + 1);
}

static void
fuzz_check_string(const char *s, size_t n)
{
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(memchr(s, '\0', n) == NULL && s[n] == '\0');
	FUZZ_CHECK(text_utf8_valid(s, n, NULL, NULL, NULL));
}

/* The corpus as the importer made it: sound, and every reference works. */
static void
fuzz_check_corpus(const struct corpus *c)
{
	const struct corpus_node	*n, *p;
	size_t				 i, d;
	char				*ref;

	for (d = 0; d < c->ndocs; d++) {
		FUZZ_CHECK(c->docs[d].root < c->docs[d].end);
		FUZZ_CHECK(c->docs[d].end <= c->nnodes);
		FUZZ_CHECK(d == 0 || c->docs[d].root == c->docs[d - 1].end);
		FUZZ_CHECK(*c->docs[d].slug != '\0');
	}
	for (i = 0; i < c->nnodes; i++) {
		n = &c->nodes[i];
		FUZZ_CHECK(n->doc < c->ndocs);
		FUZZ_CHECK(i >= c->docs[n->doc].root &&
		    i < c->docs[n->doc].end);
		fuzz_check_string(n->label, strlen(n->label));
		fuzz_check_string(n->anchor, strlen(n->anchor));
		fuzz_check_string(n->title, strlen(n->title));
		fuzz_check_string(n->text, n->text_len);
		FUZZ_CHECK(n->text_len <= CORPUS_MAX_TEXT);
		FUZZ_CHECK(strlen(n->label) <= CORPUS_MAX_LABEL);
		FUZZ_CHECK(n->page >= 0 && n->page <= 99999);
		if (n->kind == KIND_DOCUMENT) {
			FUZZ_CHECK(n->parent == CORPUS_NONE && n->depth == 0);
			FUZZ_CHECK(i == c->docs[n->doc].root);
		} else {
			FUZZ_CHECK(n->parent < i);
			p = &c->nodes[n->parent];
			FUZZ_CHECK(p->doc == n->doc);
			FUZZ_CHECK(!kind_is_block(p->kind));
			FUZZ_CHECK(n->depth == p->depth + 1);
			FUZZ_CHECK(n->depth <= CORPUS_MAX_DEPTH);
			FUZZ_CHECK(*n->label != '\0');
			FUZZ_CHECK(n->line >= 1);
			if (kind_is_block(n->kind))
				FUZZ_CHECK(n->text_len > 0);
			else
				FUZZ_CHECK(*n->title != '\0');
		}
		if (n->first_child != CORPUS_NONE) {
			FUZZ_CHECK(n->first_child == i + 1);
			FUZZ_CHECK(corpus_prev_sibling(c, n->first_child) ==
			    CORPUS_NONE);
			FUZZ_CHECK(c->nodes[corpus_last_child(c, i)].next_sibling
			    == CORPUS_NONE);
		}
		if (n->next_sibling != CORPUS_NONE) {
			FUZZ_CHECK(n->next_sibling > i);
			FUZZ_CHECK(corpus_prev_sibling(c, n->next_sibling) == i);
			FUZZ_CHECK(c->nodes[n->next_sibling].parent ==
			    n->parent);
			FUZZ_CHECK(n->next_sibling == corpus_subtree_end(c, i));
		}
		FUZZ_CHECK(corpus_subtree_end(c, i) > i);
		FUZZ_CHECK(corpus_subtree_end(c, i) <= c->docs[n->doc].end);
		ref = corpus_node_ref(c, (uint32_t)i);
		FUZZ_CHECK(corpus_resolve(c, ref, strlen(ref)) == i);
		free(ref);
	}
}

/* What was written must come back as it was. */
static void
fuzz_check_same(const struct corpus *a, const struct corpus *b)
{
	const struct corpus_node	*x, *y;
	size_t				 i;

	FUZZ_CHECK(a->ndocs == b->ndocs);
	FUZZ_CHECK(a->nnodes == b->nnodes);
	FUZZ_CHECK(a->nlinks == b->nlinks);
	for (i = 0; i < a->ndocs; i++) {
		FUZZ_CHECK(strcmp(a->docs[i].slug, b->docs[i].slug) == 0);
		FUZZ_CHECK(strcmp(a->docs[i].alias, b->docs[i].alias) == 0);
		FUZZ_CHECK(strcmp(a->docs[i].title, b->docs[i].title) == 0);
		FUZZ_CHECK(strcmp(a->docs[i].short_title,
		    b->docs[i].short_title) == 0);
		FUZZ_CHECK(strcmp(a->docs[i].file, b->docs[i].file) == 0);
		FUZZ_CHECK(a->docs[i].root == b->docs[i].root);
		FUZZ_CHECK(a->docs[i].end == b->docs[i].end);
	}
	for (i = 0; i < a->nnodes; i++) {
		x = &a->nodes[i];
		y = &b->nodes[i];
		FUZZ_CHECK(x->parent == y->parent && x->kind == y->kind);
		FUZZ_CHECK(x->depth == y->depth && x->doc == y->doc);
		FUZZ_CHECK(x->page == y->page && x->line == y->line);
		FUZZ_CHECK(strcmp(x->label, y->label) == 0);
		FUZZ_CHECK(strcmp(x->anchor, y->anchor) == 0);
		FUZZ_CHECK(strcmp(x->title, y->title) == 0);
		FUZZ_CHECK(x->text_len == y->text_len &&
		    memcmp(x->text, y->text, x->text_len) == 0);
	}
	for (i = 0; i < a->nlinks; i++) {
		FUZZ_CHECK(a->links[i].from == b->links[i].from);
		FUZZ_CHECK(a->links[i].to == b->links[i].to);
		FUZZ_CHECK(strcmp(a->links[i].relation,
		    b->links[i].relation) == 0);
		FUZZ_CHECK(strcmp(a->links[i].note, b->links[i].note) == 0);
	}
}

/* What corpus_finish() names as clashing must clash. */
static void
fuzz_check_clash(const struct corpus *c, uint32_t a, uint32_t b)
{
	const struct corpus_node	*x, *y;

	FUZZ_CHECK(a < c->nnodes && b < c->nnodes && a != b);
	x = &c->nodes[a];
	y = &c->nodes[b];
	if (x->doc == y->doc)
		FUZZ_CHECK(strcasecmp(x->label, y->label) == 0);
	else
		FUZZ_CHECK(x->kind == KIND_DOCUMENT &&
		    y->kind == KIND_DOCUMENT);
}

static void
fuzz_roundtrip(const struct corpus *c)
{
	struct corpus	*l;
	char		*path, *err = NULL;
	const char	*dir = fuzz_tmpdir();

	path = malloc(strlen(dir) + 16);
	FUZZ_CHECK(path != NULL);
	strcpy(path, dir);
	strcat(path, "/corpus.db");
	if (store_write_corpus(path, c, &err) == -1) {
		fprintf(stderr, "%s\n", err);
		FUZZ_CHECK(!"store_write_corpus failed");
	}
	l = store_load_corpus(path, &err);
	if (l == NULL) {
		fprintf(stderr, "%s\n", err);
		FUZZ_CHECK(!"a corpus the importer made does not load");
	}
	fuzz_check_same(c, l);
	corpus_free(l);
	unlink(path);
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus	*c;
	const char	*name, *text;
	char		*buf, *norm, *err = NULL, *err2 = NULL;
	size_t		 n, len, nlen, nnodes;
	uint32_t	 a, b;
	unsigned	 flags;
	int		 rc;

	if (size == 0)
		return 0;
	flags = data[0];
	text = (const char *)data + 1;
	n = size - 1;
	name = (flags & FLAG_NAME) ? "dir/a b:7.md" : "in.md";
	norm = fuzz_normalise(text, n, &nlen);

	/* The reader's contract: room for a NUL after the text. */
	buf = malloc(n + 1);
	FUZZ_CHECK(buf != NULL);
	memcpy(buf, text, n);
	buf[n] = '\0';
	len = n;
	if (import_check_text(name, buf, &len, &err) == -1) {
		fuzz_check_error(err, name, norm, nlen, false, true);
		goto out;
	}
	FUZZ_CHECK(len == nlen && memcmp(buf, norm, nlen) == 0);
	FUZZ_CHECK(buf[len] == '\0');

	c = corpus_new();
	rc = import_markdown(c, name, buf, len, &err);
	if (rc == -1) {
		fuzz_check_error(err, name, norm, nlen, true, true);
		corpus_free(c);
		goto out;
	}
	FUZZ_CHECK(err == NULL);
	FUZZ_CHECK(c->ndocs == 1 && c->nnodes >= 1);
	nnodes = c->nnodes;

	if (flags & FLAG_CHUNKS) {
		struct corpus		*c1 = corpus_new();
		struct import_options	 opt = { .chunk = 1 };

		FUZZ_CHECK(import_markdown_opt(c1, name, buf, len, &opt,
		    &err2) == 0);
		FUZZ_CHECK(c1->nnodes == c->nnodes);
		for (a = 0; a < c->nnodes; a++) {
			FUZZ_CHECK(c1->nodes[a].kind == c->nodes[a].kind);
			FUZZ_CHECK(c1->nodes[a].parent == c->nodes[a].parent);
			FUZZ_CHECK(c1->nodes[a].line == c->nodes[a].line);
			FUZZ_CHECK(c1->nodes[a].text_len ==
			    c->nodes[a].text_len);
			FUZZ_CHECK(memcmp(c1->nodes[a].text, c->nodes[a].text,
			    c->nodes[a].text_len) == 0);
			FUZZ_CHECK(strcmp(c1->nodes[a].title,
			    c->nodes[a].title) == 0);
		}
		corpus_free(c1);
	}
	if (flags & FLAG_TWICE) {
		/* The same text again is the same document again. */
		FUZZ_CHECK(import_markdown(c, "again.md", buf, len, &err2) ==
		    0);
		FUZZ_CHECK(c->ndocs == 2 && c->nnodes == 2 * nnodes);
		FUZZ_CHECK(corpus_finish(c, &a, &b) == -1);
		fuzz_check_clash(c, a, b);
		corpus_free(c);
		goto out;
	}
	if (corpus_finish(c, &a, &b) == -1) {
		/* Two sections given one label: charta import reports it. */
		fuzz_check_clash(c, a, b);
		corpus_free(c);
		goto out;
	}
	fuzz_check_corpus(c);

	if (flags & FLAG_LINKS) {
		if (import_links(c, "links.tsv", buf, len, &err) == -1) {
			fuzz_check_error(err, "links.tsv", buf, len, true,
			    false);
			corpus_free(c);
			goto out;
		}
		for (a = 0; a < c->nlinks; a++) {
			FUZZ_CHECK(c->links[a].from < c->nnodes);
			FUZZ_CHECK(c->links[a].to < c->nnodes);
			FUZZ_CHECK(c->links[a].from != c->links[a].to);
			FUZZ_CHECK(*c->links[a].relation != '\0');
		}
	}
	if (flags & FLAG_STORE)
		fuzz_roundtrip(c);
	corpus_free(c);
out:
	free(err);
	free(err2);
	free(norm);
	free(buf);
	return 0;
}
