/*
 * commands.c -- the command table: every subcommand of the command line
 * and every `:` command of the reader, one entry each (util/command.h says
 * what an entry holds).  Dispatch, `charta --help`, `charta COMMAND
 * --help`, the reader's help screen and its Tab completion are all made
 * from this table, and tests/doc-check.sh checks the manual page against
 * it.
 *
 * To add a command: write its handler (a cmd-NAME.c for the command line,
 * a function in its view's file for the reader), then add one entry here.
 */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "cli/cli.h"
#include "ui/ui.h"
#include "util/i18n.h"

const struct command command_table[] = {
	{
		.name = "list",
		.synopsis = "",
		.max_args = 0,
		.flags = COMMAND_CORPUS,
		.summary = N_("list the documents: slug, alias, title"),
		.help = N_("Print one line per document: its slug, its short "
		    "alias and its title."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_OUTPUT,
		    COMMAND_OPT_COLOR },
		.cli = cmd_list_exec,
	},
	{
		.name = "toc",
		.synopsis = "[REF]",
		.args = { COMMAND_ARG_REF },
		.max_args = 1,
		.flags = COMMAND_CORPUS,
		.summary = N_("show the table of contents"),
		.help = N_("Print the sections of every document, of one "
		    "document, or under one part, as an indented tree of "
		    "labels and titles; for a paragraph, its label and its "
		    "text."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_OUTPUT,
		    COMMAND_OPT_COLOR },
		.cli = cmd_toc_exec,
	},
	{
		.name = "show",
		.synopsis = "REF",
		.args = { COMMAND_ARG_REF },
		.min_args = 1,
		.max_args = 1,
		.flags = COMMAND_CORPUS,
		.summary = N_("print a document or a part of it as text"),
		.help = N_("Print the text of a document or of a part of it, "
		    "headings and paragraphs, wrapped to the terminal or to "
		    "--width."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_WIDTH,
		    COMMAND_OPT_RAW, COMMAND_OPT_COLOR, COMMAND_OPT_OUTPUT },
		.cli = cmd_show_exec,
	},
	{
		.name = "search",
		.synopsis = "QUERY...",
		.args = { COMMAND_ARG_QUERY, COMMAND_ARG_QUERY,
		    COMMAND_ARG_QUERY },
		.min_args = 1,
		.max_args = -1,
		/* It loads the corpus only if it cannot stream it. */
		.flags = COMMAND_DASH_ARGS,
		.summary = N_("print the paragraphs and sections that match"),
		.help = N_("Print every paragraph and section that matches "
		    "the query, one a line after its reference.  Words are "
		    "ANDed, \"a phrase\" matches as a phrase, -word excludes, "
		    "doc:mfa and kind:action narrow.  Exit status 1 if nothing "
		    "matches."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_COUNT,
		    COMMAND_OPT_WIDTH, COMMAND_OPT_RAW, COMMAND_OPT_COLOR,
		    COMMAND_OPT_OUTPUT },
		.cli = cmd_search_exec,
	},
	{
		.name = "compare",
		.synopsis = "REF [REF]",
		.args = { COMMAND_ARG_REF, COMMAND_ARG_REF },
		.min_args = 1,
		.max_args = 2,
		.flags = COMMAND_CORPUS,
		.summary = N_("two passages side by side, paragraph by "
		    "paragraph"),
		.help = N_("Show two passages side by side, aligned paragraph "
		    "by paragraph.  With one REF, compare it with its "
		    "counterpart (the other translation, or a linked "
		    "passage).  In the reader, compare the selection with "
		    "REF, or the two REFs."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_WIDTH,
		    COMMAND_OPT_WORDS, COMMAND_OPT_STATS, COMMAND_OPT_RAW,
		    COMMAND_OPT_COLOR, COMMAND_OPT_OUTPUT },
		.cli = cmd_compare_exec,
		.tui = ui_cmd_compare,
	},
	{
		.name = "kwic",
		.aliases = { "concordance" },
		.synopsis = "QUERY...",
		.args = { COMMAND_ARG_QUERY, COMMAND_ARG_QUERY,
		    COMMAND_ARG_QUERY },
		.min_args = 1,
		.max_args = -1,
		.flags = COMMAND_CORPUS | COMMAND_DASH_ARGS,
		.summary = N_("every occurrence in its context (concordance)"),
		.help = N_("Print every occurrence of the query's words, one a "
		    "line: the reference, the words before, the keyword, the "
		    "words after, aligned on the keyword.  --sort=left or "
		    "right orders by the words before or after it.  With "
		    "--parallel, under each line the same passage of the "
		    "other translation, aligned on its match, or \"no match "
		    "in the counterpart\".  Exit status 1 if nothing "
		    "matches."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_CONTEXT,
		    COMMAND_OPT_SORT, COMMAND_OPT_PARALLEL, COMMAND_OPT_OUTPUT,
		    COMMAND_OPT_WIDTH, COMMAND_OPT_RAW, COMMAND_OPT_COLOR },
		.cli = cmd_kwic_exec,
		.tui = ui_cmd_kwic,
	},
	{
		.name = "stats",
		.synopsis = "TERM...",
		.args = { COMMAND_ARG_WORD, COMMAND_ARG_WORD,
		    COMMAND_ARG_WORD },
		.min_args = 1,
		.max_args = -1,
		.flags = 0,
		.summary = N_("how often terms occur, per document or "
		    "chapter"),
		.help = N_("For each term (a word, \"a phrase\", or prefix* "
		    "for every word starting so), its count, the words and "
		    "its rate per 10,000 words in each document, or with "
		    "--by=chapter in each chapter.  --svg FILE also draws bar "
		    "charts and dispersion plots into FILE.  Exit status 1 if "
		    "no term occurs."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_BY, COMMAND_OPT_SVG,
		    COMMAND_OPT_OUTPUT, COMMAND_OPT_RAW },
		.cli = cmd_stats_exec,
		.tui = ui_cmd_stats,
	},
	{
		.name = "collocates",
		.synopsis = "TERM [REF]",
		.args = { COMMAND_ARG_WORD, COMMAND_ARG_REF },
		.min_args = 1,
		.max_args = 2,
		.flags = COMMAND_CORPUS,
		.summary = N_("the words found near a term"),
		.help = N_("The words within --window words (5) of the term, "
		    "in the whole corpus or under REF, seen near it at least "
		    "--min times (2), stop words left out, by log-Dice, with "
		    "mutual information."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_WINDOW,
		    COMMAND_OPT_MIN, COMMAND_OPT_OUTPUT, COMMAND_OPT_RAW },
		.cli = cmd_collocates_exec,
	},
	{
		.name = "keyness",
		.synopsis = "REF REF",
		.args = { COMMAND_ARG_REF, COMMAND_ARG_REF },
		.min_args = 2,
		.max_args = 2,
		.flags = COMMAND_CORPUS,
		.summary = N_("the words one text uses more than another"),
		.help = N_("The words whose frequency differs between the "
		    "first text and the second (log-likelihood, p < 0.05), "
		    "with the log ratio as the size of the difference; stop "
		    "words left out.  A REF may join several with commas: "
		    "mfa,un."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_MIN,
		    COMMAND_OPT_OUTPUT, COMMAND_OPT_RAW },
		.cli = cmd_keyness_exec,
		.tui = ui_cmd_keyness,
	},
	{
		.name = "import",
		.synopsis = "FILE...",
		.args = { COMMAND_ARG_FILE, COMMAND_ARG_FILE,
		    COMMAND_ARG_FILE },
		.min_args = 1,
		.max_args = -1,
		/* FILE.md: a document; FILE.tsv: links between passages */
		.summary = N_("add your own documents to your corpus"),
		.help = N_("Read Markdown source files (and .tsv files of "
		    "links between passages) into your own corpus, beside "
		    "the shipped one, or into the corpus database --db "
		    "names.  A document whose slug is there already is "
		    "replaced, and what changed is said.  All or nothing: a "
		    "file with an error is refused with FILE:LINE:COL and "
		    "the database is left as it was."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_QUIET,
		    COMMAND_OPT_ENCODING },
		.cli = cmd_import_exec,
	},
	{
		.name = "remove",
		.synopsis = "SLUG...",
		.args = { COMMAND_ARG_REF, COMMAND_ARG_REF, COMMAND_ARG_REF },
		.min_args = 1,
		.max_args = -1,
		.summary = N_("remove documents you imported"),
		.help = N_("Remove the documents SLUG names from your own "
		    "corpus (or from the corpus database --db names).  The "
		    "shipped documents cannot be removed."),
		.options = { COMMAND_OPT_DB },
		.cli = cmd_remove_exec,
	},
	{
		.name = "cite",
		.synopsis = "REF...",
		.args = { COMMAND_ARG_REF, COMMAND_ARG_REF, COMMAND_ARG_REF },
		.min_args = 1,
		.max_args = -1,
		.flags = COMMAND_CORPUS,
		.summary = N_("print the citation of a passage"),
		.help = N_("Print the citation of each REF from its document's "
		    "front matter, in the format --format names (else the "
		    "config file's cite-format, else plain); with --text, "
		    "the passage's text as well.  The same as the reader's "
		    "yank keys copy."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_FORMAT,
		    COMMAND_OPT_TEXT },
		.cli = cmd_cite_exec,
	},
	{
		.name = "links",
		.synopsis = "[REF]",
		.args = { COMMAND_ARG_REF },
		.max_args = 1,
		.flags = COMMAND_CORPUS,
		.summary = N_("list the links between passages (see also)"),
		.help = N_("Print the links between passages of different "
		    "works, or those of REF and the parts under it, one a "
		    "line: from, to, relation and note, separated by tabs.  "
		    "Exit status 1 if there are none.  In the reader, a list "
		    "to follow one from."),
		.options = { COMMAND_OPT_DB },
		.cli = cmd_links_exec,
		.tui = ui_cmd_links,
	},
	{
		.name = "goto",
		.aliases = { "g" },
		.synopsis = "REF",
		.args = { COMMAND_ARG_REF },
		.min_args = 1,
		.max_args = 1,
		.summary = N_("go to a reference: mfa:IV.5, un:II.2.p1, wic"),
		.help = N_("Select the part REF names and show its text.  A "
		    "reference alone on the command line (:mfa:IV.5) goes "
		    "there too."),
		.tui = ui_cmd_goto,
	},
	{
		.name = "help",
		.synopsis = "[COMMAND]",
		.args = { COMMAND_ARG_COMMAND },
		.max_args = 1,
		.summary = N_("show the keys and commands, or a command's help"),
		.help = N_("In the reader, show the help screen.  On the "
		    "command line, print the help of COMMAND, or of charta."),
		.cli = cmd_help_exec,
		.tui = ui_cmd_help,
	},
	{
		.name = "marks",
		.synopsis = "",
		.max_args = 0,
		.summary = N_("list the marks: go, rename, delete"),
		.help = N_("List the marks set with m: Enter goes to one, r "
		    "renames it, d deletes it and u brings it back.  On the "
		    "command line, print them: name, place, date.  Exit "
		    "status 1 if there are none."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_RAW },
		.flags = COMMAND_CORPUS,
		.cli = cmd_marks_exec,
		.tui = ui_cmd_marks,
	},
	{
		.name = "messages",
		.synopsis = "",
		.max_args = 0,
		.summary = N_("show the messages of this session, whole"),
		.help = N_("List every message the status line has shown, "
		    "newest last, each whole however long."),
		.tui = ui_cmd_messages,
	},
	{
		.name = "notes",
		.synopsis = "",
		.max_args = 0,
		.summary = N_("list the notes: go, edit, delete, filter"),
		.help = N_("List every note, in the order of the texts or by "
		    "date (s), drafts and orphaned notes included: Enter goes "
		    "to its paragraph, e edits it, d deletes it, u brings it "
		    "back, / filters with the query language.  On the command "
		    "line, print them in the order of the texts, as text or "
		    "Markdown, or as W3C Web Annotations in JSON (--format); "
		    "or add the notes of such a JSON file (--import), all or "
		    "nothing.  Exit status 1 if there are none."),
		.options = { COMMAND_OPT_DB, COMMAND_OPT_NOTES_FORMAT,
		    COMMAND_OPT_IMPORT, COMMAND_OPT_RAW },
		.flags = COMMAND_CORPUS,
		.cli = cmd_notes_exec,
		.tui = ui_cmd_notes,
	},
	{
		.name = "quit",
		.aliases = { "q" },
		.synopsis = "",
		.max_args = 0,
		.summary = N_("quit charta"),
		.help = N_("Leave the reader."),
		.tui = ui_cmd_quit,
	},
};

const size_t	command_count = sizeof command_table / sizeof command_table[0];

const struct command *
command_find(const char *name)
{
	size_t	i, k;

	for (i = 0; i < command_count; i++) {
		if (strcmp(command_table[i].name, name) == 0)
			return &command_table[i];
		for (k = 0; k < COMMAND_MAX_ALIASES &&
		    command_table[i].aliases[k] != NULL; k++)
			if (strcmp(command_table[i].aliases[k], name) == 0)
				return &command_table[i];
	}
	return NULL;
}
