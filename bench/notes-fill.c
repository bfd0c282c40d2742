/*
 * notes-fill.c -- a user state with many notes and marks on the real
 * corpus, for bench/notes-bench.sh: NOTES notes spread over the corpus's
 * paragraphs (several on each, in both translations of the strategy),
 * each with its logical place and its words as the reader keeps them
 * (study_anchor_of, study_quote_of), and MARKS marks, "m0001" and on.
 *
 * Usage: notes-fill STATE CORPUS NOTES MARKS
 * STATE (a state.db) is made afresh.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model/corpus.h"
#include "model/kind.h"
#include "store/state.h"
#include "store/store.h"
#include "study/study.h"
#include "util/xmalloc.h"

static void
die(const char *what, const char *why)
{
	fprintf(stderr, "notes-fill: %s: %s\n", what, why != NULL ? why :
	    "(no message)");
	exit(1);
}

int
main(int argc, char **argv)
{
	struct state_options	 o = { NULL, -1, STATE_JOURNAL_AUTO,
				    STATE_SYNC_NORMAL, false };
	struct corpus		*c;
	struct state		*st;
	struct state_anchor	 at;
	struct state_quote	 q;
	uint32_t		*blocks, i;
	size_t			 nblocks = 0, k, n;
	long			 nnotes, nmarks;
	char			*err = NULL, id[STATE_ID_SIZE], name[16];
	char			 body[160];

	if (argc != 5)
		die("usage", "notes-fill STATE CORPUS NOTES MARKS");
	nnotes = strtol(argv[3], NULL, 10);
	nmarks = strtol(argv[4], NULL, 10);
	if ((c = store_load_corpus(argv[2], &err)) == NULL)
		die(argv[2], err);
	blocks = xreallocarray(NULL, c->nnodes, sizeof *blocks);
	for (i = 0; i < c->nnodes; i++)
		if (kind_is_block(c->nodes[i].kind))
			blocks[nblocks++] = i;
	if (nblocks == 0)
		die(argv[2], "no paragraphs");
	(void)unlink(argv[1]);
	o.path = argv[1];
	if ((st = state_open_with(&o, &err)) == NULL || err != NULL)
		die(argv[1], err);
	state_group_begin(st);
	for (k = 0; k < (size_t)nnotes; k++) {
		i = blocks[(k * 7919) % nblocks];
		study_anchor_of(c, i, &at);
		study_quote_of(c, i, &q);
		snprintf(body, sizeof body, "Note %zu: what this paragraph "
		    "says about sovereignty, governance and cooperation.", k);
		if (state_note_add(st, &at, &q, body, id, &err) != 0)
			die("a note", err);
		study_anchor_free(&at);
		study_quote_free(&q);
	}
	for (k = 0; k < (size_t)nmarks; k++) {
		i = blocks[(k * 104729 + 13) % nblocks];
		study_anchor_of(c, i, &at);
		snprintf(name, sizeof name, "m%04zu", k + 1);
		if (state_mark_set(st, name, &at, &err) != 0)
			die("a mark", err);
		study_anchor_free(&at);
	}
	state_group_end(st);
	if ((n = state_flush(st, -1, &err)) != 0)
		die("saving", err);
	state_close(st);
	printf("%ld notes on %zu paragraphs, %ld marks\n", nnotes, nblocks,
	    nmarks);
	free(blocks);
	corpus_free(c);
	return 0;
}
