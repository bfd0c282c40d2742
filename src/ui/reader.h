/*
 * reader.h -- the bottom view: the outline of the documents and the text
 * of the selected part, side by side from APP_SPLIT_COLS columns, one at
 * a time below.  Shared by the reader's files (reader.c: keys and layout;
 * reader-draw.c: drawing; reader-filter.c: the filter's matches in the
 * outline).
 */
#ifndef CHARTA_READER_H
#define CHARTA_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index/index.h"
#include "store/state.h"
#include "ui/outline.h"
#include "ui/textview.h"
#include "ui/view.h"

struct cite_links;

/* From this width on, outline and text are side by side. */
#define READER_SPLIT_COLS	90

enum reader_focus {
	READER_OUTLINE,
	READER_TEXT,
};

/* A place: the selection, and the byte of text at the top of the pane. */
struct reader_place {
	uint32_t		sel;
	uint32_t		top_node;
	uint32_t		top_off;
	enum reader_focus	focus;
};

/* Places kept in the jump list. */
#define READER_MAX_JUMPS	100

/* A note at a node (reader-study.c): the node, the note's index. */
struct reader_pair {
	uint32_t	node;
	size_t		k;
};

/* What reader.flags says of a node. */
#define READER_NOTED	0x1	/* the user has a note on it */
#define READER_MARKED	0x2	/* a mark is set on it */

/* What the next key is for, after a key that takes one (m, '). */
enum reader_pending {
	READER_PENDING_NONE,
	READER_PENDING_MARK_JUMP,
	READER_PENDING_MARK_SET,
};

struct reader {
	struct app		*app;
	const struct corpus	*c;
	struct outline		 ol;
	struct textview		 tv;
	uint32_t		 anchor_node;	/* the text kept at the top: */
	uint32_t		 anchor_off;	/* a node, a byte in its text */
	enum reader_focus	 focus;
	bool			 split;		/* both panes shown */
	struct view_rect	 outline_rect;
	struct view_rect	 text_rect;

	enum reader_pending	 pending;
	bool			 moved;		/* a key since the start */

	/* The user's notes and marks (reader-study.c). */
	struct state_note	*notes;
	size_t			 nnotes;
	size_t			 notes_cap;
	struct state_mark	*marks;
	size_t			 nmarks;
	size_t			 marks_cap;
	uint32_t		*mark_count;	/* per node: marks on it */
	struct reader_pair	*note_at;	/* sorted by node */
	size_t			 nnote_at;
	size_t			 note_at_cap;
	uint8_t			*flags;		/* per node: READER_* */
	bool			 study_fresh;	/* the next change is known */

	/* The jump list (reader-jump.c). */
	struct reader_place	 jumps[READER_MAX_JUMPS];
	size_t			 njumps;
	size_t			 jump_pos;	/* njumps: at the newest end */
	struct reader_place	 last_jump;	/* where '' goes */
	bool			 has_last_jump;

	/* The filter's matches (reader-filter.c). */
	const struct query	*query;		/* the one searched for */
	unsigned long		 query_gen;
	struct index_result	 res;
	bool			 kept;		/* Enter kept the filter */
	bool			 searching;	/* waiting for the index */
	uint32_t		 saved_sel;	/* restored by Esc */
	size_t			 saved_text_top;
	size_t			 saved_outline_top;

	struct cite_links	*links;		/* see also (reader-links.c) */
};

extern const struct view_ops	reader_ops;

/* A new reader of the app's corpus, at node start (CORPUS_NONE: top). */
struct reader	*reader_new(struct app *, uint32_t start);

/* Select node n and show it in the text pane. */
void	reader_select(struct reader *, uint32_t n);
/* Make the text pane show the selection (keeping the place on rewrap). */
void	reader_sync_text(struct reader *);
/* Lay out the panes for the screen's size and the focus. */
void	reader_layout(struct reader *);

/* Draw the reader (reader-draw.c). */
void	reader_draw(struct view *);
/* The reader's status line (reader-draw.c). */
void	reader_status(struct view *, struct view_status *);

/* The yank keys: copy the top node's citation, or passage (reader-yank.c). */
void	reader_yank(struct reader *, bool with_text);

/*
 * See also (reader-links.c): set up and free the links' index and the
 * lines under linked text; the outline's marker of a linked row (drawn at
 * the right end of the row, *avail shrunk to keep the text clear of it);
 * following a link of the top node, or comparing it with one.
 */
void	reader_links_init(struct reader *);
void	reader_links_free(struct reader *);
void	reader_links_mark(struct reader *, int y, size_t x, size_t *avail,
	    uint32_t n);
void	reader_links_follow(struct reader *, bool compare);

/* The filter (reader-filter.c): the view op, n/N, and dropping it. */
void	reader_filter(struct view *, enum view_filter);
void	reader_filter_idle(struct view *);
void	reader_filter_resume(struct view *);
void	reader_next_hit(struct reader *, bool forward);
void	reader_filter_drop(struct reader *);

/*
 * The node the reader is at, to cite, mark or annotate: the selection
 * while its text shows from the start, else the paragraph at the top of
 * the text pane.
 */
uint32_t reader_current_node(const struct reader *);

/* Notes and marks (reader-study.c). */
void	reader_study_load(struct reader *);
/*
 * The same from a look before the load (reader-peek.c): the live notes
 * (taken over and freed) and the live marks (taken over) that may show
 * on the first screen.  Nothing is written to the state.
 */
void	reader_study_peek(struct reader *, struct state_note *notes,
	    size_t nnotes, struct state_mark *marks, size_t nmarks);
/* The marks only, read again (one was set): the notes are kept. */
void	reader_marks_load(struct reader *);
/*
 * Mark name was set from this reader: that mark alone is read again, the
 * one it replaced unflagged, in time independent of the number of marks
 * and notes.
 */
void	reader_mark_changed(struct reader *, const char *name);
/*
 * Note id was added (fresh) or its text changed from this reader: that
 * note alone is read again and only its paragraphs' notes laid out again,
 * and the study change told next is not read again (with 10,000 notes,
 * reading them all is most of a keystroke's time).
 */
void	reader_note_saved(struct reader *, const char *id, bool fresh);
void	reader_study_free(struct reader *);
/* The notes at node: how many, from r->note_at[*first]. */
size_t	reader_notes_at(const struct reader *, uint32_t node, size_t *first);
/* The text view's callback: the notes under node n (a new string). */
char	*reader_notes_text(void *arg, uint32_t n);
/* The view op for the state's events. */
void	reader_state(struct view *, unsigned events);

/* Reading positions (reader-position.c). */
void	reader_position_save(struct reader *);
/* Restore document slug's position (NULL: the last document open). */
void	reader_position_restore(struct reader *, const char *slug);
/* Go to pos, the position kept for document slug (taken over; NULL: none). */
void	reader_position_apply(struct reader *, const char *slug,
	    struct state_position *pos);
/*
 * The first screen's notes, marks and place from a look into the state
 * before it is loaded (reader-peek.c): true if the reader has them (or
 * there is no state file: nothing to wait for), false if the look could
 * not be had and the first screen must wait for the load.  With last,
 * *last is set to the slug of the document last read (malloc'ed), or
 * NULL if none is kept.
 */
bool	reader_peek(struct reader *, char **last);
/* The view op at quit: the position is saved. */
void	reader_quit(struct view *);

/* Marks (reader-marks.c): the key after m or '. */
void	reader_mark_key(struct reader *, enum reader_pending, int ch);

/* Notes (reader-notes.c): a (one line) and A (in the editor). */
void	reader_note_inline(struct reader *);
void	reader_note_edit(struct reader *);

/* Places and the jump list (reader-jump.c). */
void	reader_place_here(const struct reader *, struct reader_place *);
void	reader_place_go(struct reader *, const struct reader_place *);
/* The user is about to jump: remember the place (or place p). */
void	reader_jump_record(struct reader *);
void	reader_jump_push(struct reader *, const struct reader_place *p);
/* C-o (back) or C-t (forward). */
void	reader_jump_move(struct reader *, bool back);
/* '': the place before the last jump. */
void	reader_jump_swap(struct reader *);
/* The view op: another view is about to take the user elsewhere. */
void	reader_jump(struct view *);

#endif /* CHARTA_READER_H */
