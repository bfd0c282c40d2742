/*
 * corpus.c -- the in-memory corpus and its reference index (see corpus.h).
 *
 * Strings are copied into an arena of large chunks: a corpus of a million
 * paragraphs then costs a few hundred allocations instead of millions, and
 * freeing it is a walk over the chunk list.
 *
 * The reference index finds a node by (document, label), ASCII case
 * ignored, with a binary search, never a scan.  Each node has an entry
 * (hash of its label << 32 | node) in refs[], written as the node is added,
 * while its label is still in the cache; when a document is complete, its
 * entries (the range of its nodes) are sorted by a radix sort, which
 * hostile labels cannot slow down.  Every step runs over memory in order:
 * a hash table filled afterwards read each label again at random, a fifth
 * of a second for a million nodes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/corpus-private.h"
#include "model/corpus.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/*
 * Chunks start small (the shipped corpus fits in one) and double up to
 * ARENA_CHUNK_MAX, so that a large corpus is copied into a few big blocks
 * that huge pages can back.
 */
#define ARENA_CHUNK	(256 * 1024)
#define ARENA_CHUNK_MAX	(8 * 1024 * 1024)

struct corpus_arena {
	struct corpus_arena	*next;
	size_t			 used;
	size_t			 size;
	char			 data[];
};

/* Copy s[0..n) into the arena, NUL-terminated. */
static const char *
corpus_strndup(struct corpus *c, const char *s, size_t n)
{
	struct corpus_arena	*a = c->arena;
	char			*p;

	if (n == 0 || s == NULL)
		return "";
	if (a == NULL || a->size - a->used < n + 1) {
		size_t	size = a == NULL ? ARENA_CHUNK : a->size * 2;
		bool	one_off;

		if (size > ARENA_CHUNK_MAX)
			size = ARENA_CHUNK_MAX;
		one_off = n + 1 > size;
		if (one_off)
			size = n + 1;
		a = xmalloc_huge(sizeof *a + size);
		a->size = size;
		a->used = 0;
		/* Keep a big one-off string from wasting the current chunk. */
		if (c->arena != NULL && one_off) {
			a->next = c->arena->next;
			c->arena->next = a;
		} else {
			a->next = c->arena;
			c->arena = a;
		}
	}
	p = a->data + a->used;
	memcpy(p, s, n);
	p[n] = '\0';
	a->used += n + 1;
	return p;
}

static const char *
corpus_strdup(struct corpus *c, const char *s)
{
	return s == NULL ? "" : corpus_strndup(c, s, strlen(s));
}

/* Sort a[0..n) by hash, stably (nodes stay in order within a hash). */
static void
corpus_sort_refs(uint64_t *a, uint64_t *tmp, size_t n)
{
	size_t		 count[4][256], i, k, sum, t;
	uint64_t	*from = a, *to = tmp, *swap, r;
	int		 d;

	if (n <= REF_SMALL) {
		for (i = 1; i < n; i++) {
			r = a[i];
			for (k = i; k > 0 && REF_HASH(a[k - 1]) > REF_HASH(r);
			    k--)
				a[k] = a[k - 1];
			a[k] = r;
		}
		return;
	}
	memset(count, 0, sizeof count);
	for (i = 0; i < n; i++)
		for (d = 0; d < 4; d++)
			count[d][(a[i] >> (32 + 8 * d)) & 0xff]++;
	for (d = 0; d < 4; d++) {
		for (sum = 0, k = 0; k < 256; k++) {
			t = count[d][k];
			count[d][k] = sum;
			sum += t;
		}
		for (i = 0; i < n; i++)
			to[count[d][(from[i] >> (32 + 8 * d)) & 0xff]++] =
			    from[i];
		swap = from;
		from = to;
		to = swap;
	}
	/* An even number of passes: the result is back in a. */
}

/*
 * The first label clash among a document's sorted entries a[0..n), root
 * being its document node: the node that repeats an earlier node's label
 * (ASCII case ignored) and comes first, and that earlier node.  Returns
 * false if no two labels are alike.
 */
static bool
corpus_doc_clash(const struct corpus *c, const uint64_t *a, size_t n,
    uint32_t root, uint32_t clash[2])
{
	size_t		i, k, run = 0, len;
	uint32_t	x, y;
	const char	*label;

	clash[0] = clash[1] = CORPUS_NONE;
	for (i = 1; i < n; i++) {
		if (REF_HASH(a[i]) != REF_HASH(a[run])) {
			run = i;
			continue;
		}
		/* a[run..i] share a hash; their nodes are in order. */
		y = REF_NODE(a[i]);
		if (y == root || y > clash[1])
			continue;
		label = c->nodes[y].label;
		len = strlen(label);
		for (k = run; k < i; k++) {
			x = REF_NODE(a[k]);
			if (x != root && corpus_label_eq(c->nodes[x].label,
			    label, len)) {
				clash[0] = x;
				clash[1] = y;
				break;
			}
		}
	}
	return clash[0] != CORPUS_NONE;
}

/*
 * Sort the entries of the documents completed since the last call, and
 * keep the first label clash found (documents are checked in order).
 */
static void
corpus_sort_docs(struct corpus *c)
{
	uint64_t	*tmp = NULL;
	size_t		 tmp_cap = 0, n;
	uint32_t	 d, root, clash[2];

	for (d = (uint32_t)c->nsorted; d < c->ndocs; d++) {
		root = c->docs[d].root;
		n = c->docs[d].end - root;
		if (n > REF_SMALL && n > tmp_cap) {
			free(tmp);
			tmp_cap = n;
			tmp = xreallocarray(NULL, tmp_cap, sizeof *tmp);
		}
		corpus_sort_refs(c->refs + root, tmp, n);
		if (c->clash[0] == CORPUS_NONE &&
		    corpus_doc_clash(c, c->refs + root, n, root, clash)) {
			c->clash[0] = clash[0];
			c->clash[1] = clash[1];
		}
	}
	c->nsorted = c->ndocs;
	free(tmp);
}

struct corpus *
corpus_new(void)
{
	struct corpus	*c = xcalloc(1, sizeof *c);
	size_t		 k;

	for (k = 0; k <= CORPUS_MAX_DEPTH; k++)
		c->last_at[k] = CORPUS_NONE;
	c->clash[0] = c->clash[1] = CORPUS_NONE;
	return c;
}

void
corpus_free(struct corpus *c)
{
	struct corpus_arena	*a, *next;

	if (c == NULL)
		return;
	for (a = c->arena; a != NULL; a = next) {
		next = a->next;
		free(a);
	}
	free(c->docs);
	free(c->nodes);
	free(c->links);
	free(c->refs);
	free(c);
}

/* Room for cap nodes: the arrays move to blocks huge pages can back. */
static void
corpus_set_cap(struct corpus *c, size_t cap)
{
	struct corpus_node	*nodes;
	uint64_t		*refs;

	nodes = xmallocarray_huge(cap, sizeof *nodes);
	refs = xmallocarray_huge(cap, sizeof *refs);
	if (c->nnodes > 0) {
		memcpy(nodes, c->nodes, c->nnodes * sizeof *nodes);
		memcpy(refs, c->refs, c->nnodes * sizeof *refs);
	}
	free(c->nodes);
	free(c->refs);
	c->nodes = nodes;
	c->refs = refs;
	c->nodes_cap = cap;
}

void
corpus_reserve(struct corpus *c, size_t nnodes)
{
	if (nnodes > c->nodes_cap)
		corpus_set_cap(c, nnodes);
}

static uint32_t
corpus_push_node(struct corpus *c)
{
	struct corpus_node	*n;

	if (c->nnodes == c->nodes_cap)
		corpus_set_cap(c, c->nodes_cap ? c->nodes_cap * 2 : 256);
	/* A document node has no label: its entry sorts last. */
	c->refs[c->nnodes] = (uint64_t)UINT32_MAX << 32 | c->nnodes;
	n = &c->nodes[c->nnodes];
	memset(n, 0, sizeof *n);
	n->parent = n->first_child = n->next_sibling = CORPUS_NONE;
	n->label = n->anchor = n->title = n->text = "";
	return (uint32_t)c->nnodes++;
}

uint32_t
corpus_add_doc(struct corpus *c, const struct corpus_doc *meta)
{
	struct corpus_doc	*d;
	struct corpus_node	*n;
	uint32_t		 i;

	corpus_sort_docs(c);	/* the previous document is complete */
	if (c->ndocs == c->docs_cap) {
		c->docs_cap = c->docs_cap ? c->docs_cap * 2 : 16;
		c->docs = xreallocarray(c->docs, c->docs_cap, sizeof *c->docs);
	}
	d = &c->docs[c->ndocs];
	d->slug = corpus_strdup(c, meta->slug);
	d->alias = corpus_strdup(c, meta->alias);
	d->title = corpus_strdup(c, meta->title);
	d->short_title = corpus_strdup(c, meta->short_title);
	d->issuer = corpus_strdup(c, meta->issuer);
	d->date = corpus_strdup(c, meta->date);
	d->language = corpus_strdup(c, meta->language);
	d->source = corpus_strdup(c, meta->source);
	d->work = corpus_strdup(c, meta->work);
	d->kind = corpus_strdup(c, meta->kind);
	d->author = corpus_strdup(c, meta->author);
	d->translator = corpus_strdup(c, meta->translator);
	d->publisher = corpus_strdup(c, meta->publisher);
	d->container = corpus_strdup(c, meta->container);
	d->url = corpus_strdup(c, meta->url);
	d->file = corpus_strdup(c, meta->file);
	d->origin = meta->origin;

	i = corpus_push_node(c);
	n = &c->nodes[i];
	n->doc = (uint32_t)c->ndocs;
	n->kind = KIND_DOCUMENT;
	n->title = d->title;
	d->root = i;
	d->end = i + 1;
	c->ndocs++;
	return i;
}

uint32_t
corpus_add_node(struct corpus *c, uint32_t parent, enum node_kind kind,
    const char *label, const char *anchor, const char *title,
    const char *text, size_t text_len, int32_t page, uint32_t line)
{
	struct corpus_node	*n, *p;
	uint32_t		 i, prev;
	size_t			 label_len;

	i = corpus_push_node(c);
	n = &c->nodes[i];
	p = &c->nodes[parent];
	n->parent = parent;
	n->doc = p->doc;
	n->depth = p->depth + 1;
	n->kind = (uint8_t)kind;
	label_len = label == NULL ? 0 : strlen(label);
	n->label = corpus_strndup(c, label, label_len);
	n->anchor = corpus_strdup(c, anchor);
	n->title = corpus_strdup(c, title);
	n->text = corpus_strndup(c, text, text_len);
	n->text_len = text == NULL ? 0 : (uint32_t)text_len;
	n->page = page;
	n->line = line;
	/*
	 * Nodes come in preorder, so the last node added one level below
	 * the parent is its last child, if it is the parent's at all.
	 */
	prev = c->last_at[n->depth];
	if (prev != CORPUS_NONE && c->nodes[prev].parent == parent)
		c->nodes[prev].next_sibling = i;
	else
		p->first_child = i;
	c->last_at[n->depth] = i;
	c->docs[n->doc].end = i + 1;
	c->refs[i] = (uint64_t)corpus_hash(n->label, label_len) << 32 |
	    i;
	return i;
}

/* i shifted by base, CORPUS_NONE staying itself. */
static uint32_t
corpus_shift(uint32_t i, uint32_t base)
{
	return i == CORPUS_NONE ? CORPUS_NONE : i + base;
}

void
corpus_append(struct corpus *c, struct corpus *part)
{
	const uint32_t		 base = (uint32_t)c->nnodes;
	const uint32_t		 docbase = (uint32_t)c->ndocs;
	struct corpus_arena	**tail;
	struct corpus_node	*n;
	struct corpus_doc	*d;
	size_t			 i, k;

	/* Each half's documents are complete: sort them where they are. */
	corpus_sort_docs(c);
	corpus_sort_docs(part);
	if (c->clash[0] == CORPUS_NONE && part->clash[0] != CORPUS_NONE) {
		c->clash[0] = part->clash[0] + base;
		c->clash[1] = part->clash[1] + base;
	}

	corpus_reserve(c, c->nnodes + part->nnodes);
	for (i = 0; i < part->nnodes; i++) {
		n = &c->nodes[c->nnodes + i];
		*n = part->nodes[i];
		n->parent = corpus_shift(n->parent, base);
		n->first_child = corpus_shift(n->first_child, base);
		n->next_sibling = corpus_shift(n->next_sibling, base);
		n->doc += docbase;
		/* The hash stays; the node moves. */
		c->refs[c->nnodes + i] = part->refs[i] + base;
	}
	c->nnodes += part->nnodes;

	if (c->ndocs + part->ndocs > c->docs_cap) {
		c->docs_cap = c->ndocs + part->ndocs;
		c->docs = xreallocarray(c->docs, c->docs_cap, sizeof *c->docs);
	}
	for (i = 0; i < part->ndocs; i++) {
		d = &c->docs[c->ndocs + i];
		*d = part->docs[i];
		d->root += base;
		d->end += base;
	}
	c->ndocs += part->ndocs;
	c->nsorted = c->ndocs;
	for (k = 0; k <= CORPUS_MAX_DEPTH; k++)
		c->last_at[k] = corpus_shift(part->last_at[k], base);

	/* c's current chunk stays first, to be filled on. */
	for (tail = &c->arena; *tail != NULL; tail = &(*tail)->next)
		;
	*tail = part->arena;
	part->arena = NULL;
	corpus_free(part);
}

void
corpus_add_link(struct corpus *c, uint32_t from, uint32_t to,
    const char *relation, const char *note)
{
	struct corpus_link	*l;

	if (c->nlinks == c->links_cap) {
		c->links_cap = c->links_cap ? c->links_cap * 2 : 64;
		c->links = xreallocarray(c->links, c->links_cap,
		    sizeof *c->links);
	}
	l = &c->links[c->nlinks++];
	l->from = from;
	l->to = to;
	l->relation = corpus_strdup(c, relation);
	l->note = corpus_strdup(c, note);
}


/* A document's names: its slug (k = 0) and its alias (k = 1), if any. */
static const char *
corpus_doc_name(const struct corpus *c, uint32_t d, int k)
{
	return k == 0 ? c->docs[d].slug : c->docs[d].alias;
}

/*
 * Two documents may not share a name, slug or alias, in any ASCII case.
 * Every name goes into a hash table (name -> 2 * document + k), so that a
 * corpus of thousands of documents is not checked pair by pair.  On a
 * clash, *first and *second are the two documents' root nodes, the earlier
 * document first.
 */
static int
corpus_check_names(const struct corpus *c, uint32_t *first,
    uint32_t *second)
{
	struct hashtab		 t;
	struct hashtab_iter	 it;
	uint64_t		 h;
	uint32_t		 d, v;
	size_t			 len;
	const char		*name;
	int			 k, rc = 0;

	hashtab_init(&t, 2 * c->ndocs);
	for (d = 0; d < c->ndocs && rc == 0; d++) {
		for (k = 0; k < 2 && rc == 0; k++) {
			name = corpus_doc_name(c, d, k);
			if (*name == '\0')
				continue;
			len = strlen(name);
			h = hash_bytes_lower(name, len);
			for (v = hashtab_first(&t, h, &it); v != HASHTAB_NONE;
			    v = hashtab_next(&t, &it)) {
				if (v / 2 != d && corpus_label_eq(
				    corpus_doc_name(c, v / 2, (int)(v % 2)),
				    name, len)) {
					*first = c->docs[v / 2].root;
					*second = c->docs[d].root;
					rc = -1;
					break;
				}
			}
			hashtab_add(&t, h, 2 * d + (uint32_t)k);
		}
	}
	hashtab_free(&t);
	return rc;
}

int
corpus_finish(struct corpus *c, uint32_t *first, uint32_t *second)
{
	corpus_sort_docs(c);
	if (corpus_check_names(c, first, second) == -1)
		return -1;
	if (c->clash[0] != CORPUS_NONE) {
		*first = c->clash[0];
		*second = c->clash[1];
		return -1;
	}
	return 0;
}

uint32_t
corpus_prev_sibling(const struct corpus *c, uint32_t i)
{
	uint32_t	p = c->nodes[i].parent, a;

	if (p == CORPUS_NONE || i - 1 == p)
		return CORPUS_NONE;
	/* The node before i in preorder is in its previous sibling's tree. */
	for (a = i - 1; c->nodes[a].parent != p; a = c->nodes[a].parent)
		;
	return a;
}

uint32_t
corpus_last_child(const struct corpus *c, uint32_t i)
{
	uint32_t	k = c->nodes[i].first_child;

	while (k != CORPUS_NONE && c->nodes[k].next_sibling != CORPUS_NONE)
		k = c->nodes[k].next_sibling;
	return k;
}


bool
corpus_node_is_section(const struct corpus *c, uint32_t i)
{
	return !kind_is_block(c->nodes[i].kind);
}

uint32_t
corpus_subtree_end(const struct corpus *c, uint32_t i)
{
	const struct corpus_node	*n;

	for (n = &c->nodes[i]; n->kind != KIND_DOCUMENT;
	    n = &c->nodes[n->parent]) {
		if (n->next_sibling != CORPUS_NONE)
			return n->next_sibling;
	}
	return c->docs[n->doc].end;
}
