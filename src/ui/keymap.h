/*
 * keymap.h -- what the reader's keys do.  One table (REQUEST_TABLE) names
 * every request, its default keys and its help text; the key bindings, the
 * `?` help screen and the config file's vocabulary are all made from it.
 */
#ifndef CHARTA_KEYMAP_H
#define CHARTA_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

/*
 * X(ENUM, name, help group, help text, default keys...)
 * Keys are named as in the config file: a character, or C-x, Enter, Tab,
 * Space, Esc, Up, Down, Left, Right, PgUp, PgDn, Home, End, Backspace, F1.
 * Two-key sequences ("zM") start with z.
 */
#define REQUEST_TABLE(X)						\
	X(DOWN,		"down",		KEYMAP_MOVE,			\
	    N_("move down a line"),		"j", "Down", "C-n")	\
	X(UP,		"up",		KEYMAP_MOVE,			\
	    N_("move up a line"),		"k", "Up", "C-p")	\
	X(OPEN,		"open",		KEYMAP_MOVE,			\
	    N_("expand, or read the selected part"),			\
	    "Enter", "l", "Right")					\
	X(CLOSE,	"close",	KEYMAP_MOVE,			\
	    N_("collapse, or go to the parent"), "h", "Left")		\
	X(PAGE_DOWN,	"page-down",	KEYMAP_MOVE,			\
	    N_("page the text down"),		"Space", "PgDn", "f", "C-f") \
	X(PAGE_UP,	"page-up",	KEYMAP_MOVE,			\
	    N_("page the text up"),		"b", "PgUp", "C-b")	\
	X(HALF_DOWN,	"half-down",	KEYMAP_MOVE,			\
	    N_("half a page down"),		"d", "C-d")		\
	X(HALF_UP,	"half-up",	KEYMAP_MOVE,			\
	    N_("half a page up"),		"u", "C-u")		\
	X(TOP,		"top",		KEYMAP_MOVE,			\
	    N_("go to the top"),		"g", "Home", "<")	\
	X(BOTTOM,	"bottom",	KEYMAP_MOVE,			\
	    N_("go to the bottom"),		"G", "End", ">")	\
	X(NEXT_SIBLING,	"next-sibling",	KEYMAP_MOVE,			\
	    N_("next part at the same level"),	"]")			\
	X(PREV_SIBLING,	"prev-sibling",	KEYMAP_MOVE,			\
	    N_("previous part at the same level"), "[")			\
	X(NEXT_DOC,	"next-document", KEYMAP_MOVE,			\
	    N_("next document"),		"}")			\
	X(PREV_DOC,	"prev-document", KEYMAP_MOVE,			\
	    N_("previous document"),		"{")			\
	X(JUMP_BACK,	"jump-back",	KEYMAP_MOVE,			\
	    N_("back along the jump list"),	"C-o")			\
	X(JUMP_FORWARD,	"jump-forward",	KEYMAP_MOVE,			\
	    N_("forward along the jump list"),	"C-t")			\
	X(MARK_JUMP,	"mark-jump",	KEYMAP_MOVE,			\
	    N_("go to mark X; '' to the place before the last jump"),	\
	    "'")							\
	X(COLLAPSE_ALL,	"collapse-all",	KEYMAP_VIEW,			\
	    N_("collapse the whole outline"),	"-", "zM")		\
	X(EXPAND_ALL,	"expand-all",	KEYMAP_VIEW,			\
	    N_("expand the whole outline"),	"+", "zR")		\
	X(SWITCH_PANE,	"switch-pane",	KEYMAP_VIEW,			\
	    N_("switch between outline and text"), "Tab")		\
	X(FILTER,	"filter",	KEYMAP_SEARCH,			\
	    N_("filter as you type (Enter keeps, Esc clears)"), "/")	\
	X(NEXT_HIT,	"next-hit",	KEYMAP_SEARCH,			\
	    N_("next match"),			"n")			\
	X(PREV_HIT,	"prev-hit",	KEYMAP_SEARCH,			\
	    N_("previous match"),		"N")			\
	X(CONCORDANCE,	"concordance",	KEYMAP_VIEW,			\
	    N_("concordance of the kept filter's words"), "K")		\
	X(COMPARE,	"compare",	KEYMAP_VIEW,			\
	    N_("compare with the other translation or a linked passage"), \
	    "c")							\
	X(COMPARE_WITH,	"compare-with",	KEYMAP_VIEW,			\
	    N_("compare with a passage you name"), "C")		\
	X(YANK,		"yank",		KEYMAP_VIEW,			\
	    N_("copy the citation of the part at the top"), "y")	\
	X(YANK_TEXT,	"yank-text",	KEYMAP_VIEW,			\
	    N_("copy that part's text with its citation"), "Y")	\
	X(FOLLOW_LINK,	"follow-link",	KEYMAP_VIEW,			\
	    N_("go to a passage it links to (see also)"), "s", "C-]")	\
	X(COMPARE_LINK,	"compare-link",	KEYMAP_VIEW,			\
	    N_("compare it with a passage it links to"), "S")		\
	X(SYNC_SCROLL,	"sync-scroll",	KEYMAP_COMPARE,			\
	    N_("comparison: scroll both sides together, or not"), "s")	\
	X(WORD_DIFF,	"word-diff",	KEYMAP_COMPARE,			\
	    N_("comparison: highlight the words that differ"), "d")	\
	X(SWAP_SIDES,	"swap-sides",	KEYMAP_COMPARE,			\
	    N_("comparison: swap the sides"),	"=")			\
	X(KWIC_SORT,	"kwic-sort",	KEYMAP_KWIC,			\
	    N_("concordance: sort by reference, left or right words"),	\
	    "s")							\
	X(PARALLEL,	"parallel",	KEYMAP_KWIC,			\
	    N_("concordance: the other translation under each line"),	\
	    "p")							\
	X(STATS_BY,	"per-chapter",	KEYMAP_STATS,			\
	    N_("statistics: per document or per chapter"), "v")	\
	X(COMMAND,	"command",	KEYMAP_VIEW,			\
	    N_("command line (:goto REF, :help, ...)"), ":")		\
	X(GOTO,		"goto",		KEYMAP_VIEW,			\
	    N_("go to a reference"),		"o")			\
	X(MARK_SET,	"mark",		KEYMAP_READER,			\
	    N_("set mark X on this paragraph"),	"m")			\
	X(NOTE,		"note",		KEYMAP_READER,			\
	    N_("add a one-line note to this paragraph"), "a")		\
	X(NOTE_EDIT,	"note-edit",	KEYMAP_READER,			\
	    N_("write this paragraph's note in $EDITOR"), "A")	\
	X(LABELS,	"labels",	KEYMAP_READER,			\
	    N_("paragraph labels in the margin, or not"), "#")		\
	X(REDRAW,	"redraw",	KEYMAP_VIEW,			\
	    N_("redraw the screen"),		"C-l")			\
	X(HELP,		"help",		KEYMAP_VIEW,			\
	    N_("show this help"),		"?", "F1")		\
	X(CANCEL,	"cancel",	KEYMAP_VIEW,			\
	    N_("leave this view, or clear a kept filter"), "Esc")	\
	X(RENAME,	"rename",	KEYMAP_STUDY,			\
	    N_("rename the mark"),		"r")			\
	X(EDIT,		"edit",		KEYMAP_STUDY,			\
	    N_("edit the note in $EDITOR"),	"e")			\
	X(DELETE,	"delete",	KEYMAP_STUDY,			\
	    N_("delete it (u brings it back)"), "d")			\
	X(UNDO,		"undo",		KEYMAP_STUDY,			\
	    N_("bring back what was deleted last"), "u")		\
	X(SORT,		"sort",		KEYMAP_STUDY,			\
	    N_("notes by place in the texts, or by date"), "s")	\
	X(QUIT,		"quit",		KEYMAP_VIEW,			\
	    N_("quit, or leave this view"),	"q", "Q")

enum request {
	REQ_NONE = 0,
#define REQUEST_ENUM(e, n, g, h, ...)	REQ_##e,
	REQUEST_TABLE(REQUEST_ENUM)
#undef REQUEST_ENUM
	REQ__COUNT
};

/*
 * The groups of requests: the first three are bound in every view; each
 * other is a view's own, bound only while that view is on top (and
 * before the global ones there, so a view may give a key its own meaning).
 */
enum keymap_group {
	KEYMAP_MOVE,
	KEYMAP_SEARCH,
	KEYMAP_VIEW,
	KEYMAP_READER,		/* the outline and text */
	KEYMAP_COMPARE,		/* the comparison */
	KEYMAP_LIST,		/* lists */
	KEYMAP_KWIC,		/* the concordance */
	KEYMAP_STATS,		/* the statistics */
	KEYMAP_HELP,		/* the help screen */
	KEYMAP_STUDY,		/* the lists of notes and marks */
};

/* True for the groups bound in every view. */
#define KEYMAP_GLOBAL(g)	((g) <= KEYMAP_VIEW)

/* A key as curses reports it: a wide character or a KEY_ code. */
struct keymap_key {
	int		code;		/* character or KEY_ value */
	int		is_func;	/* 1: code is a KEY_ value */
};

/* Reset the bindings to the defaults from REQUEST_TABLE. */
void		 keymap_init(void);

/*
 * Read the config file at path ("bind KEY REQUEST", "unbind KEY",
 * comments with '#'; its "set NAME VALUE" lines go to settings.h).  A
 * missing file is not an error.  Returns 0, or -1 with "PATH:LINE:
 * message" (malloc'ed) in *err.
 */
int		 keymap_load(const char *path, char **err);

/*
 * Reset the key bindings and the settings (settings.h) and read the
 * config file, settings_config_path() (a missing one is no error): its
 * bindings and its `set` lines.  Returns 0, or -1 with "PATH:LINE:
 * message" (malloc'ed) in *err.
 */
int		 keymap_config_load(char **err);

/*
 * The request bound to key (prefix is the pending 'z' of a two-key
 * sequence, or 0) in a view whose own group is group: that group's
 * bindings first, then the global ones; other views' own bindings do not
 * count.  Returns REQ_NONE if unbound; returns -1 if key starts a sequence
 * (the caller keeps it as the prefix for the next key).
 */
int		 keymap_lookup(enum keymap_group group, int prefix,
		    const struct keymap_key *key);

/* Name, help text (untranslated) and group of a request. */
const char	*keymap_request_name(enum request);
const char	*keymap_request_help(enum request);
enum keymap_group keymap_request_group(enum request);

/*
 * The keys bound to req, as a new string ("j, Down, C-n"), in the order
 * they were bound.  The caller frees it.
 */
char		*keymap_keys_for(enum request req);

/* Parse a key name ("C-x", "PgDn", "zM"); 0 on success, -1 if unknown. */
int		 keymap_parse_key(const char *name, int *prefix,
		    struct keymap_key *key);

#endif /* CHARTA_KEYMAP_H */
