/*
 * search-stream.c -- `charta search` without loading the corpus (see
 * search.h): the store reads the nodes once, in reading order
 * (store_scan), and each is matched as it goes by (index_stream), so that
 * the corpus's text is never copied and its folded index never made:
 * the memory stays small and the time near that of reading the file.
 * The answer is the index's (index_stream_match is index_node_matches'
 * matcher), and nothing is printed before the whole file has been read
 * and found sound: anything wrong, and the caller loads the corpus whole,
 * whose loader says what.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/search.h"
#include "index/index.h"
#include "model/corpus.h"
#include "store/store.h"
#include "text/text.h"
#include "util/xmalloc.h"

/* A hit while the scan runs: its strings are offsets into its part's. */
struct stream_hit {
	uint32_t	 doc;
	uint8_t		 kind;
	size_t		 label;
	size_t		 text;
	size_t		 len;
};

/* One part of the scan (store_scan_run): its matcher and hits. */
struct stream_part {
	struct index_stream	*ix;
	bool			 keep_text;
	struct stream_hit	*v;
	size_t			 n, cap;
	struct text_buf		 strings;
};

/* What search_found's own points to. */
struct stream_own {
	struct store_scan	*scan;
	struct stream_part	 part[2];
};

static void
stream_row(void *arg, const struct store_row *row)
{
	struct stream_part	*p = arg;
	struct stream_hit	*h;

	if (!index_stream_match(p->ix, row->text, row->len, row->doc,
	    row->kinds))
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 256;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	h = &p->v[p->n++];
	h->doc = row->doc;
	h->kind = row->kind;
	h->label = h->text = h->len = 0;
	if (!p->keep_text)
		return;
	h->label = p->strings.len;
	text_buf_add(&p->strings, row->label, strlen(row->label) + 1);
	h->text = p->strings.len;
	h->len = row->len;
	text_buf_add(&p->strings, row->text, row->len);
	text_buf_addc(&p->strings, '\0');
}

int
search_stream(const struct cli_ctx *ctx, bool keep_text,
    struct search_found *found)
{
	struct stream_own	*own;
	struct text_buf		 qs;
	struct search_hit	*hit;
	void			*arg[2];
	char			*path, *err = NULL;
	size_t			 k, i;

	memset(found, 0, sizeof *found);
	if ((path = cli_stream_path(ctx)) == NULL)
		return -1;
	own = xcalloc(1, sizeof *own);
	found->own = own;
	own->scan = store_scan_open(path);
	free(path);
	if (own->scan == NULL)
		goto fail;
	found->docs = store_scan_docs(own->scan);
	text_buf_init(&qs);
	text_buf_join(&qs, ctx->argv, ctx->argc);
	found->q = query_parse(found->docs, qs.data, qs.len, &err);
	text_buf_free(&qs);
	/* The whole load says whether the corpus or the query is wrong. */
	if (found->q == NULL || query_is_empty(found->q))
		goto fail;
	for (k = 0; k < 2; k++) {
		own->part[k].ix = index_stream_new(found->q);
		own->part[k].keep_text = keep_text;
		text_buf_init(&own->part[k].strings);
		arg[k] = &own->part[k];
	}
	if (store_scan_run(own->scan, stream_row, arg) == -1)
		goto fail;
	found->n = own->part[0].n + own->part[1].n;
	found->hits = xcalloc(found->n + 1, sizeof *found->hits);
	hit = found->hits;
	for (k = 0; k < 2; k++) {
		struct stream_part	*p = &own->part[k];

		for (i = 0; i < p->n; i++, hit++) {
			hit->doc = p->v[i].doc;
			hit->kind = p->v[i].kind;
			hit->label = keep_text ? p->strings.data +
			    p->v[i].label : "";
			hit->text = keep_text ? p->strings.data +
			    p->v[i].text : "";
			hit->len = p->v[i].len;
		}
	}
	return 0;
fail:
	free(err);
	search_found_free(found);
	return -1;
}

void
search_found_free(struct search_found *found)
{
	struct stream_own	*own = found->own;
	size_t			 k;

	if (own != NULL) {
		for (k = 0; k < 2; k++) {
			index_stream_free(own->part[k].ix);
			free(own->part[k].v);
			text_buf_free(&own->part[k].strings);
		}
		store_scan_free(own->scan);
		free(own);
	}
	query_free(found->q);
	free(found->hits);
	memset(found, 0, sizeof *found);
}
