/*
 * stats-stream.h -- `charta stats` reading the corpus once as it streams
 * by (stats-stream.c).  Private to cmd-stats.c.
 */
#ifndef CHARTA_CLI_STATS_STREAM_H
#define CHARTA_CLI_STATS_STREAM_H

#include <stddef.h>

struct cli_ctx;
struct corpus;
struct stats_counts;
struct stats_term;

/*
 * Count terms t[0..nt) in ctx's corpus as stats_count counts them in the
 * corpus loaded whole, reading it once as it streams by, without loading
 * it: for --db, or the shipped corpus when the user has none of their
 * own.  Returns 0 with *k filled in (free it with stats_counts_free) and
 * *named, a corpus of the documents and of the nodes *k names (its
 * parts' and hits' nodes are indexes into it; corpus_free it), or -1,
 * having printed nothing, when the corpus is not one to read so or
 * anything is wrong with it: then the caller loads it whole, which says
 * what.
 */
int	stats_stream(const struct cli_ctx *ctx, const struct stats_term *t,
	    size_t nt, struct stats_counts *k, struct corpus **named);

#endif /* CHARTA_CLI_STATS_STREAM_H */
