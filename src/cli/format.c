/*
 * format.c -- tab-separated values and JSON for scripts (see format.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "cli/output.h"
#include "text/text.h"
#include "util/i18n.h"

int
format_from_options(const struct cli_ctx *ctx, enum format *f)
{
	const char	*v = ctx->opt[COMMAND_OPT_TABLE_FORMAT], *color;

	*f = v == NULL || strcmp(v, "text") == 0 ? FORMAT_TEXT :
	    strcmp(v, "tsv") == 0 ? FORMAT_TSV : FORMAT_JSON;
	if (*f == FORMAT_TEXT)
		return 0;
	/* A script's table is never wrapped or coloured: say so. */
	color = ctx->opt[COMMAND_OPT_COLOR];
	if (ctx->opt[COMMAND_OPT_WIDTH] != NULL) {
		output_error(_("%s: %s does not go with --format=%s"),
		    ctx->cmd->name, "--width", v);
		return -1;
	}
	if (color != NULL && strcmp(color, "always") == 0) {
		output_error(_("%s: %s does not go with --format=%s"),
		    ctx->cmd->name, "--color=always", v);
		return -1;
	}
	return 0;
}

void
format_begin(struct format_table *t, enum format f,
    const char *const *columns, size_t ncolumns)
{
	size_t	k;

	memset(t, 0, sizeof *t);
	t->format = f;
	t->columns = columns;
	t->ncolumns = ncolumns;
	text_buf_init(&t->row);
	if (f == FORMAT_JSON) {
		output_raw("[", 1);
		return;
	}
	for (k = 0; k < ncolumns; k++) {
		if (k > 0)
			output_raw("\t", 1);
		output_raw(columns[k], strlen(columns[k]));
	}
	output_raw("\n", 1);
}

/* Write out the row being made, if there is one. */
static void
format_flush(struct format_table *t)
{
	if (t->nrows == 0)
		return;
	/* Every field of the row, no more: a table scripts can count on. */
	if (t->col != t->ncolumns)
		abort();
	text_buf_addc(&t->row, t->format == FORMAT_JSON ? '}' : '\n');
	output_raw(t->row.data, t->row.len);
	t->row.len = 0;
}

void
format_row(struct format_table *t)
{
	format_flush(t);
	if (t->format == FORMAT_JSON)
		text_buf_puts(&t->row, t->nrows > 0 ? ",\n" : "\n");
	t->nrows++;
	t->col = 0;
}

/* Start the next field: its separator, and its name in JSON. */
static void
format_field(struct format_table *t)
{
	const char	*name;

	if (t->nrows == 0 || t->col >= t->ncolumns)
		abort();		/* a field outside a row: a bug */
	name = t->columns[t->col];
	if (t->format == FORMAT_JSON) {
		text_buf_puts(&t->row, t->col == 0 ? "{" : ", ");
		text_json_quote(&t->row, name, strlen(name), false);
		text_buf_puts(&t->row, ": ");
	} else if (t->col > 0)
		text_buf_addc(&t->row, '\t');
	t->col++;
}

/* s[0..n) as the text of a TSV field: sanitized, then escaped. */
static void
format_tsv_text(struct text_buf *out, const char *s, size_t n)
{
	char		*clean = output_clean(s, n);
	const char	*p;

	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '\\':
			text_buf_puts(out, "\\\\");
			break;
		case '\t':
			text_buf_puts(out, "\\t");
			break;
		case '\n':
			text_buf_puts(out, "\\n");
			break;
		case '\r':
			text_buf_puts(out, "\\r");
			break;
		default:
			text_buf_addc(out, *p);
			break;
		}
	}
	free(clean);
}

void
format_str(struct format_table *t, const char *s, size_t n)
{
	format_field(t);
	if (t->format == FORMAT_JSON)
		text_json_quote(&t->row, s, n, output_ascii_only());
	else
		format_tsv_text(&t->row, s, n);
}

void
format_cstr(struct format_table *t, const char *s)
{
	format_str(t, s, strlen(s));
}

void
format_int(struct format_table *t, long long v)
{
	format_field(t);
	text_buf_printf(&t->row, "%lld", v);
}

void
format_null(struct format_table *t)
{
	format_field(t);
	if (t->format == FORMAT_JSON)
		text_buf_puts(&t->row, "null");
}

void
format_list(struct format_table *t, char *const *v, size_t n)
{
	size_t	k;

	format_field(t);
	if (t->format == FORMAT_JSON)
		text_buf_addc(&t->row, '[');
	for (k = 0; k < n; k++) {
		if (t->format == FORMAT_JSON) {
			if (k > 0)
				text_buf_puts(&t->row, ", ");
			text_json_quote(&t->row, v[k], strlen(v[k]),
			    output_ascii_only());
		} else {
			if (k > 0)
				text_buf_addc(&t->row, ' ');
			format_tsv_text(&t->row, v[k], strlen(v[k]));
		}
	}
	if (t->format == FORMAT_JSON)
		text_buf_addc(&t->row, ']');
}

void
format_end(struct format_table *t)
{
	format_flush(t);
	if (t->format == FORMAT_JSON)
		output_raw(t->nrows > 0 ? "\n]\n" : "]\n",
		    t->nrows > 0 ? 3 : 2);
	text_buf_free(&t->row);
}
