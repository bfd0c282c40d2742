/*
 * corpus-private.h -- what corpus.c (building a corpus) and corpus-ref.c
 * (finding and naming its nodes) share.  Not for use outside src/model.
 */
#ifndef CHARTA_MODEL_CORPUS_PRIVATE_H
#define CHARTA_MODEL_CORPUS_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * c->refs[i] is node i's label hash (high 32 bits) and its node number (low
 * 32 bits), each document's run sorted by hash once it is finished.
 */
#define REF_NODE(r)	((uint32_t)(r))
#define REF_HASH(r)	((uint32_t)((r) >> 32))
#define REF_SMALL	32	/* sorted by insertion up to this many */

/* The hash of label[0..len), ASCII case folded (refs keep 32 bits of it). */
uint32_t corpus_hash(const char *label, size_t len);

#endif
