/*
 * hash.c -- FNV-1a and the open-addressing table (see hash.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/hash.h"
#include "util/xmalloc.h"

#define FNV_OFFSET	UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME	UINT64_C(0x100000001b3)

uint64_t
hash_bytes(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = FNV_OFFSET;
	size_t			 i;

	for (i = 0; i < n; i++) {
		h ^= s[i];
		h *= FNV_PRIME;
	}
	return h;
}

uint64_t
hash_bytes_lower(const void *p, size_t n)
{
	const unsigned char	*s = p;
	uint64_t		 h = FNV_OFFSET;
	size_t			 i;
	unsigned char		 ch;

	for (i = 0; i < n; i++) {
		ch = s[i];
		if (ch >= 'A' && ch <= 'Z')
			ch += 'a' - 'A';
		h ^= ch;
		h *= FNV_PRIME;
	}
	return h;
}

/* Allocate size (a power of two) free slots. */
static void
hashtab_alloc(struct hashtab *t, size_t size)
{
	t->hashes = xreallocarray(NULL, size, sizeof *t->hashes);
	t->values = xreallocarray(NULL, size, sizeof *t->values);
	memset(t->values, 0xff, size * sizeof *t->values);
	t->mask = size - 1;
}

void
hashtab_init(struct hashtab *t, size_t expected)
{
	size_t	size = 16;

	while (size < 2 * expected)
		size *= 2;
	t->count = 0;
	hashtab_alloc(t, size);
}

void
hashtab_free(struct hashtab *t)
{
	free(t->hashes);
	free(t->values);
	t->hashes = NULL;
	t->values = NULL;
	t->mask = 0;
	t->count = 0;
}

/* Put (hash, value) in the first free slot of its probe sequence. */
static void
hashtab_place(struct hashtab *t, uint64_t hash, uint32_t value)
{
	size_t	slot = (size_t)(hash ^ (hash >> 32)) & t->mask;

	while (t->values[slot] != HASHTAB_NONE)
		slot = (slot + 1) & t->mask;
	t->hashes[slot] = hash;
	t->values[slot] = value;
}

void
hashtab_add(struct hashtab *t, uint64_t hash, uint32_t value)
{
	uint64_t	*oh;
	uint32_t	*ov;
	size_t		 i, osize;

	/* At most half full, so that probes stay short. */
	if (2 * (t->count + 1) > t->mask + 1) {
		oh = t->hashes;
		ov = t->values;
		osize = t->mask + 1;
		hashtab_alloc(t, 2 * osize);
		for (i = 0; i < osize; i++)
			if (ov[i] != HASHTAB_NONE)
				hashtab_place(t, oh[i], ov[i]);
		free(oh);
		free(ov);
	}
	hashtab_place(t, hash, value);
	t->count++;
}
