/*
 * hash.h -- the one hash function and the one hash table of charta.
 *
 * hash_bytes is 64-bit FNV-1a: the keys charta hashes (labels, anchors,
 * document names, folded words) are short, and the hash only has to spread
 * them, so a simple byte-at-a-time hash is as fast as any here.
 *
 * struct hashtab maps 64-bit hashes to 32-bit values (indices into the
 * caller's own array of entries): it stores the hash beside each value and
 * never sees the keys, so several values may share a hash and the caller
 * decides which one is equal to its key.  Open addressing with linear
 * probing, grown by doubling at half full, so that adding n values costs
 * O(n) in all.
 *
 *	struct hashtab		t;
 *	struct hashtab_iter	it;
 *	uint32_t		v;
 *
 *	hashtab_init(&t, expected);
 *	for (v = hashtab_first(&t, h, &it); v != HASHTAB_NONE;
 *	    v = hashtab_next(&t, &it))
 *		if (equal(entries[v], key))
 *			break;
 *	if (v == HASHTAB_NONE)
 *		hashtab_add(&t, h, new_index);
 *	hashtab_free(&t);
 */
#ifndef CHARTA_HASH_H
#define CHARTA_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASHTAB_NONE	UINT32_MAX

/* 64-bit FNV-1a of p[0..n). */
uint64_t	hash_bytes(const void *p, size_t n);
/* The same with ASCII A-Z taken as a-z (for names compared that way). */
uint64_t	hash_bytes_lower(const void *p, size_t n);

struct hashtab {
	uint64_t	*hashes;
	uint32_t	*values;	/* HASHTAB_NONE: the slot is free */
	size_t		 mask;		/* slots - 1 */
	size_t		 count;
};

/* Where a walk over the values of one hash has got to. */
struct hashtab_iter {
	uint64_t	hash;
	size_t		slot;
};

/* An empty table sized for about expected values (0: a small one). */
void		hashtab_init(struct hashtab *, size_t expected);
/* Free the table's arrays; the struct may be initialised again. */
void		hashtab_free(struct hashtab *);
/*
 * Store value (anything but HASHTAB_NONE) under hash.  Equal hashes are
 * kept side by side; nothing is replaced.
 */
void		hashtab_add(struct hashtab *, uint64_t hash, uint32_t value);

/*
 * The next value stored under the walk's hash, or HASHTAB_NONE at the end
 * of the walk (do not call it again after that).
 */
static inline uint32_t
hashtab_next(const struct hashtab *t, struct hashtab_iter *it)
{
	uint32_t	v;
	size_t		s;

	for (;;) {
		s = it->slot;
		v = t->values[s];
		it->slot = (s + 1) & t->mask;
		if (v == HASHTAB_NONE || t->hashes[s] == it->hash)
			return v;
	}
}

/*
 * The first value stored under hash, or HASHTAB_NONE; *it remembers the
 * place for hashtab_next.  The table must not change during a walk.
 */
static inline uint32_t
hashtab_first(const struct hashtab *t, uint64_t hash,
    struct hashtab_iter *it)
{
	it->hash = hash;
	it->slot = (size_t)(hash ^ (hash >> 32)) & t->mask;
	return hashtab_next(t, it);
}

#endif /* CHARTA_HASH_H */
