/*
 * place.c -- placing many notes at once (see study.h): notes on the same
 * words at the same place are placed once.  With 10,000 notes on a few
 * hundred paragraphs, that is a few hundred study_note_place calls, each
 * of which may search whole documents for a note's words.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "study/study.h"
#include "util/hash.h"
#include "util/xmalloc.h"

/* One place and words already placed: the caller's strings, and where. */
struct study_placed {
	const struct state_anchor	*at;
	const struct state_quote	*q;
	uint32_t			 node;
	bool				 moved;
};

static bool
place_str_same(const char *a, const char *b)
{
	return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/*
 * The hash of what study_note_place looks at: the place, and of the words
 * their lengths and first bytes (a paragraph's words are long; equal ones
 * are told apart by place_same, whose full comparison is needed anyway).
 */
static uint64_t
place_hash(const struct state_anchor *at, const struct state_quote *q)
{
	const char	*f[] = { at->work, at->anchor, at->slug, at->label,
			    q != NULL ? q->exact : NULL,
			    q != NULL ? q->prefix : NULL,
			    q != NULL ? q->suffix : NULL };
	uint64_t	 h = 0;
	size_t		 i, len;

	for (i = 0; i < sizeof f / sizeof f[0]; i++) {
		len = f[i] != NULL ? strlen(f[i]) : 0;
		if (i >= 4 && len > 8)
			len = 8;
		h = h * 31 + (f[i] != NULL ? hash_bytes(f[i], len) + len : 1);
	}
	return h;
}

static bool
place_same(const struct study_placed *p, const struct state_anchor *at,
    const struct state_quote *q)
{
	const struct state_quote	 none = { NULL, NULL, NULL };
	const struct state_quote	*a = p->q != NULL ? p->q : &none;
	const struct state_quote	*b = q != NULL ? q : &none;

	return place_str_same(p->at->work, at->work) &&
	    place_str_same(p->at->anchor, at->anchor) &&
	    place_str_same(p->at->slug, at->slug) &&
	    place_str_same(p->at->label, at->label) &&
	    place_str_same(a->exact, b->exact) &&
	    place_str_same(a->prefix, b->prefix) &&
	    place_str_same(a->suffix, b->suffix);
}

void
study_placer_init(struct study_placer *pl, const struct corpus *c,
    size_t expected)
{
	memset(pl, 0, sizeof *pl);
	pl->c = c;
	hashtab_init(&pl->seen, expected);
}

uint32_t
study_placer_place(struct study_placer *pl, const struct state_anchor *at,
    const struct state_quote *q, bool *moved, size_t *group)
{
	struct hashtab_iter	 it;
	struct study_placed	*p;
	uint64_t		 h = place_hash(at, q);
	uint32_t		 v;

	for (v = hashtab_first(&pl->seen, h, &it); v != HASHTAB_NONE;
	    v = hashtab_next(&pl->seen, &it))
		if (place_same(&pl->placed[v], at, q)) {
			*moved = pl->placed[v].moved;
			if (group != NULL)
				*group = v;
			return pl->placed[v].node;
		}
	pl->placed = xgrowarray(pl->placed, &pl->cap, pl->n + 1,
	    sizeof *pl->placed);
	p = &pl->placed[pl->n];
	p->at = at;
	p->q = q;
	p->node = study_note_place(pl->c, at, q, &p->moved);
	hashtab_add(&pl->seen, h, (uint32_t)pl->n);
	if (group != NULL)
		*group = pl->n;
	pl->n++;
	*moved = p->moved;
	return p->node;
}

void
study_placer_free(struct study_placer *pl)
{
	hashtab_free(&pl->seen);
	free(pl->placed);
	memset(pl, 0, sizeof *pl);
}
