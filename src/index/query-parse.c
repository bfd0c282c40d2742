/*
 * query-parse.c -- reading the query language (index.h) into a struct
 * query, or refusing it with a message that names the problem and the
 * column where it is.
 *
 * Recursive descent over the bytes of the query:
 *
 *	query	= or
 *	or	= and { ("OR" | "|") and }
 *	and	= unary { unary }
 *	unary	= ["-"] atom		(no blank after the "-")
 *	atom	= "(" or ")" | '"' phrase '"' ["*"] | field | word ["*"]
 *	field	= ("doc" | "kind") ":" value
 *
 * Blanks (ASCII space, tab, line breaks) separate; "(", ")", "|" and '"'
 * stand alone wherever they are outside a phrase.  An AND is flattened
 * (parentheses inside it mean nothing), and its doc: fields are merged
 * into one "any of these documents" (a passage is in one document, so
 * "doc:mfa doc:un" can only mean either), its kind: fields likewise.
 * Nothing is guessed: whatever cannot be read is an error, because a
 * query read otherwise than meant gives a wrong answer that looks right.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "index/index.h"
#include "index/query-private.h"
#include "model/corpus.h"
#include "util/i18n.h"
#include "util/xmalloc.h"

/* Parentheses nest at most this deep (the parser recurses). */
#define PARSE_MAX_DEPTH		32
/* A name quoted in a message is cut to about this many bytes. */
#define PARSE_QUOTE_MAX		64

struct parser {
	const struct corpus	*c;
	const char		*s;
	size_t			 n;
	size_t			 at;		/* the next byte to read */
	char			*err;		/* the first error, or NULL */
};

static struct query_expr	*parse_or(struct parser *, int depth);

static bool
parse_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	    ch == '\f' || ch == '\v';
}

/* Does ch end a word? */
static bool
parse_delim(char ch)
{
	return parse_blank(ch) || ch == '(' || ch == ')' || ch == '|' ||
	    ch == '"';
}

static void
parse_skip_blanks(struct parser *p)
{
	while (p->at < p->n && parse_blank(p->s[p->at]))
		p->at++;
}

/* The column (1 for the first character) of byte at. */
static size_t
parse_column(const struct parser *p, size_t at)
{
	size_t	k, col = 1;

	for (k = 0; k < at; k++)
		if (((unsigned char)p->s[k] & 0xc0) != 0x80)
			col++;
	return col;
}

/* How much of s[0..len) to quote: at most about 64 bytes, whole characters. */
static int
parse_quote_len(const char *s, size_t len)
{
	if (len <= PARSE_QUOTE_MAX)
		return (int)len;
	len = PARSE_QUOTE_MAX;
	while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
		len--;
	return (int)len;
}

/* Record msg (taken over) as the problem at byte at, unless there is one. */
static void
parse_fail(struct parser *p, size_t at, char *msg)
{
	if (p->err == NULL)
		/* TRANSLATORS: where in a search query a problem is */
		p->err = xasprintf(_("column %zu: %s"), parse_column(p, at),
		    msg);
	free(msg);
}

static struct query_expr *
parse_new(enum query_op op)
{
	struct query_expr	*e = xcalloc(1, sizeof *e);

	e->op = op;
	return e;
}

static void
parse_add_kid(struct query_expr *e, struct query_expr *kid)
{
	e->kids = xreallocarray(e->kids, e->nkids + 1, sizeof *e->kids);
	e->kids[e->nkids++] = kid;
}

/* A doc: or kind: field, name[0..nlen) ":" v[0..vlen) at byte at. */
static struct query_expr *
parse_field(struct parser *p, size_t at, const char *name, size_t nlen,
    const char *v, size_t vlen)
{
	struct query_expr	*e;
	char			 lower[32];
	uint32_t		 d;
	size_t			 k;
	int			 kind;

	if (nlen == 3 && strncasecmp(name, "doc", 3) == 0) {
		if (vlen == 0) {
			parse_fail(p, at, xstrdup(_("doc: needs a document "
			    "name (try 'charta list')")));
			return NULL;
		}
		d = corpus_find_doc(p->c, v, vlen);
		if (d == CORPUS_NONE) {
			parse_fail(p, at, xasprintf(_("no document '%.*s'"),
			    parse_quote_len(v, vlen), v));
			return NULL;
		}
		e = parse_new(QUERY_DOCS);
		e->docs = xmalloc(sizeof *e->docs);
		e->docs[0] = d;
		e->ndocs = 1;
		return e;
	}
	if (vlen == 0) {
		parse_fail(p, at, xstrdup(_("kind: needs a kind (try "
		    "principle, goal, action, chapter, paragraph)")));
		return NULL;
	}
	kind = -1;
	if (vlen < sizeof lower) {
		/* Kind names are lower case; "kind:Action" means the same. */
		for (k = 0; k < vlen; k++)
			lower[k] = (char)(v[k] >= 'A' && v[k] <= 'Z' ?
			    v[k] + 32 : v[k]);
		kind = kind_from_name(lower, vlen);
	}
	if (kind < 0) {
		parse_fail(p, at, xasprintf(_("no kind '%.*s' (try principle, "
		    "goal, action, chapter, paragraph)"),
		    parse_quote_len(v, vlen), v));
		return NULL;
	}
	e = parse_new(QUERY_KINDS);
	e->kinds = 1u << kind;
	return e;
}

/* A term s[0..len) (a word or a phrase's inside) that starts at byte at. */
static struct query_expr *
parse_term(struct parser *p, size_t at, const char *s, size_t len,
    bool prefix, bool phrase)
{
	struct query_expr	*e = parse_new(QUERY_TERM);

	if (query_term_make(&e->term, s, len, prefix))
		return e;
	free(e);
	if (phrase)
		parse_fail(p, at, xstrdup(_("empty phrase")));
	else
		/* a word of format characters or combining marks only */
		parse_fail(p, at, xasprintf(_("nothing to search for in "
		    "'%.*s'"), parse_quote_len(s, len), s));
	return NULL;
}

/* A phrase: p->at is at its opening quote. */
static struct query_expr *
parse_phrase(struct parser *p)
{
	size_t		 open = p->at, start = p->at + 1;
	const char	*close;
	bool		 prefix = false;

	close = memchr(p->s + start, '"', p->n - start);
	if (close == NULL) {
		parse_fail(p, open, xstrdup(_("unbalanced '\"': the phrase "
		    "has no closing quote")));
		return NULL;
	}
	p->at = (size_t)(close - p->s) + 1;
	if (p->at < p->n && p->s[p->at] == '*') {
		prefix = true;
		p->at++;
	}
	return parse_term(p, open, p->s + start, (size_t)(close - p->s) -
	    start, prefix, true);
}

/* A word or a field: p->at is at its first byte. */
static struct query_expr *
parse_word(struct parser *p)
{
	const char	*w = p->s + p->at, *star, *colon;
	size_t		 start = p->at, len, k;

	while (p->at < p->n && !parse_delim(p->s[p->at]))
		p->at++;
	len = p->at - start;
	/* A field is NAME:VALUE with a name of letters. */
	colon = memchr(w, ':', len);
	if (colon != NULL && colon > w) {
		for (k = 0; w + k < colon; k++)
			if (((w[k] | 0x20) < 'a' || (w[k] | 0x20) > 'z'))
				break;
		if (w + k == colon) {
			if ((k == 3 && strncasecmp(w, "doc", 3) == 0) ||
			    (k == 4 && strncasecmp(w, "kind", 4) == 0))
				return parse_field(p, start, w, k, colon + 1,
				    len - k - 1);
			parse_fail(p, start, xasprintf(_("unknown field "
			    "'%.*s:' (the fields are doc: and kind:; to search "
			    "for the word, put it in quotes)"),
			    parse_quote_len(w, k), w));
			return NULL;
		}
	}
	star = memchr(w, '*', len);
	if (star == w) {
		parse_fail(p, start, xstrdup(_("'*' needs a word before it")));
		return NULL;
	}
	if (star != NULL && star != w + len - 1) {
		parse_fail(p, start + (size_t)(star - w), xstrdup(_("'*' can "
		    "only end a word (to search for it, put it in quotes)")));
		return NULL;
	}
	return parse_term(p, start, w, star != NULL ? len - 1 : len,
	    star != NULL, false);
}

/* Is the word at p->at the operator OR? */
static bool
parse_at_or(const struct parser *p)
{
	if (p->at < p->n && p->s[p->at] == '|')
		return true;
	return p->n - p->at >= 2 && memcmp(p->s + p->at, "OR", 2) == 0 &&
	    (p->n - p->at == 2 || parse_delim(p->s[p->at + 2]));
}

static struct query_expr *
parse_atom(struct parser *p, int depth)
{
	struct query_expr	*e;
	size_t			 open = p->at;

	if (p->s[p->at] == '"')
		return parse_phrase(p);
	if (p->s[p->at] != '(')
		return parse_word(p);
	if (depth >= PARSE_MAX_DEPTH) {
		parse_fail(p, open, xstrdup(_("parentheses nested too deep")));
		return NULL;
	}
	p->at++;
	e = parse_or(p, depth + 1);
	if (p->err != NULL) {
		query_expr_free(e);
		return NULL;
	}
	if (p->at >= p->n || p->s[p->at] != ')') {
		query_expr_free(e);
		parse_fail(p, open, xstrdup(_("unbalanced '(': no ')' closes "
		    "it")));
		return NULL;
	}
	p->at++;
	if (e == NULL)
		parse_fail(p, open, xstrdup(_("nothing between '(' and ')'")));
	return e;
}

static struct query_expr *
parse_unary(struct parser *p, int depth)
{
	struct query_expr	*e, *not;
	size_t			 minus = p->at;
	char			 next;

	if (p->s[p->at] != '-')
		return parse_atom(p, depth);
	p->at++;
	next = p->at < p->n ? p->s[p->at] : ' ';
	if (parse_blank(next) || next == ')' || next == '|' || next == '-') {
		parse_fail(p, minus, xstrdup(_("'-' needs a word, phrase, "
		    "field or group right after it")));
		return NULL;
	}
	e = parse_atom(p, depth);
	if (e == NULL)
		return NULL;
	/* -(-x) is x */
	if (e->op == QUERY_NOT) {
		not = e;
		e = not->kids[0];
		not->nkids = 0;
		query_expr_free(not);
		return e;
	}
	not = parse_new(QUERY_NOT);
	parse_add_kid(not, e);
	return not;
}

/*
 * Add e to the AND and: an AND's conditions are added one by one, a doc:
 * or kind: field to the one of its kind already there.
 */
static void
parse_and_add(struct query_expr *and, struct query_expr *e)
{
	size_t	k;

	if (e->op == QUERY_AND) {
		for (k = 0; k < e->nkids; k++)
			parse_and_add(and, e->kids[k]);
		e->nkids = 0;
		query_expr_free(e);
		return;
	}
	for (k = 0; k < and->nkids; k++) {
		struct query_expr	*o = and->kids[k];

		if (o->op == QUERY_DOCS && e->op == QUERY_DOCS) {
			o->docs = xreallocarray(o->docs, o->ndocs + e->ndocs,
			    sizeof *o->docs);
			memcpy(o->docs + o->ndocs, e->docs, e->ndocs *
			    sizeof *e->docs);
			o->ndocs += e->ndocs;
			query_expr_free(e);
			return;
		}
		if (o->op == QUERY_KINDS && e->op == QUERY_KINDS) {
			o->kinds |= e->kinds;
			query_expr_free(e);
			return;
		}
	}
	parse_add_kid(and, e);
}

/* Conditions up to ")", OR or the end; NULL if there are none. */
static struct query_expr *
parse_and(struct parser *p, int depth)
{
	struct query_expr	*and = parse_new(QUERY_AND), *e;

	for (;;) {
		parse_skip_blanks(p);
		if (p->at >= p->n || p->s[p->at] == ')' || parse_at_or(p))
			break;
		e = parse_unary(p, depth);
		if (e == NULL) {
			query_expr_free(and);
			return NULL;
		}
		parse_and_add(and, e);
	}
	if (and->nkids <= 1) {
		e = and->nkids == 1 ? and->kids[0] : NULL;
		and->nkids = 0;
		query_expr_free(and);
		return e;
	}
	return and;
}

/* Alternatives up to ")" or the end; NULL if there is nothing. */
static struct query_expr *
parse_or(struct parser *p, int depth)
{
	struct query_expr	*or = NULL, *e;
	size_t			 op = 0;
	bool			 after_or = false;

	for (;;) {
		e = parse_and(p, depth);
		if (p->err != NULL)
			break;
		if (e == NULL) {
			if (parse_at_or(p))
				parse_fail(p, p->at, xstrdup(_("OR needs "
				    "something to search for before it")));
			else if (after_or)
				parse_fail(p, op, xstrdup(_("OR needs "
				    "something to search for after it")));
			break;
		}
		if (or == NULL && !parse_at_or(p))
			return e;
		if (or == NULL)
			or = parse_new(QUERY_OR);
		parse_add_kid(or, e);
		if (!parse_at_or(p))
			return or;
		op = p->at;
		p->at += p->s[p->at] == '|' ? 1 : 2;
		after_or = true;
	}
	query_expr_free(or);
	return NULL;
}

/* Put condition e of the top-level AND where struct query keeps it. */
static void
parse_top(struct query *q, struct query_expr *e)
{
	struct query_expr	*k = e->op == QUERY_NOT ? e->kids[0] : NULL;

	if (e->op == QUERY_TERM) {
		q->pos = xreallocarray(q->pos, q->npos + 1, sizeof *q->pos);
		q->pos[q->npos++] = e->term;
		/* the term's string now belongs to q */
		e->term.s = NULL;
	} else if (k != NULL && k->op == QUERY_TERM) {
		q->neg = xreallocarray(q->neg, q->nneg + 1, sizeof *q->neg);
		q->neg[q->nneg++] = k->term;
		k->term.s = NULL;
	} else if (e->op == QUERY_DOCS) {
		q->docs = e->docs;
		q->ndocs = e->ndocs;
		e->docs = NULL;
	} else if (k != NULL && k->op == QUERY_DOCS) {
		q->nodocs = xreallocarray(q->nodocs, q->nnodocs + k->ndocs,
		    sizeof *q->nodocs);
		memcpy(q->nodocs + q->nnodocs, k->docs, k->ndocs *
		    sizeof *k->docs);
		q->nnodocs += k->ndocs;
	} else if (e->op == QUERY_KINDS)
		q->kinds = e->kinds;
	else if (k != NULL && k->op == QUERY_KINDS)
		q->nokinds |= k->kinds;
	else {
		q->groups = xreallocarray(q->groups, q->ngroups + 1,
		    sizeof *q->groups);
		q->groups[q->ngroups++] = e;
		return;
	}
	query_expr_free(e);
}

struct query *
query_parse(const struct corpus *c, const char *s, size_t n, char **err)
{
	struct parser		 p;
	struct query		*q;
	struct query_expr	*e;
	size_t			 k;

	memset(&p, 0, sizeof p);
	p.c = c;
	p.s = s;
	p.n = n;
	*err = NULL;
	e = parse_or(&p, 0);
	if (p.err == NULL && p.at < p.n)
		/* parse_or() stops only at the end or at a ")" */
		parse_fail(&p, p.at, xstrdup(_("unbalanced ')': no '(' "
		    "opens it")));
	if (p.err != NULL) {
		query_expr_free(e);
		*err = p.err;
		return NULL;
	}
	q = xcalloc(1, sizeof *q);
	if (e == NULL)
		return q;
	if (e->op == QUERY_AND) {
		for (k = 0; k < e->nkids; k++)
			parse_top(q, e->kids[k]);
		e->nkids = 0;
		query_expr_free(e);
	} else
		parse_top(q, e);
	return q;
}
