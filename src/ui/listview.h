/*
 * listview.h -- a view that is a list: a title line, one row per item, a
 * selection moved with the usual keys, Enter to choose.  The chooser of
 * counterparts and the messages are lists; so are views that want more
 * keys (they handle those first and pass the rest to listview_request).
 */
#ifndef CHARTA_LISTVIEW_H
#define CHARTA_LISTVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ui/view.h"

struct listview_item {
	char		*text;		/* data: sanitized when drawn; NULL:
					   text_of(arg, ref) says */
	uint32_t	 node;		/* the corpus node, or CORPUS_NONE */
	bool		 error;		/* drawn as an error */
	size_t		 ref;		/* the owner's, for text_of */
};

struct listview {
	char			*title;
	struct listview_item	*items;
	size_t			 n;
	size_t			 cap;
	size_t			 sel;
	size_t			 top;
	bool			 wrap;		/* items wrap over rows */
	bool			 borrowed;	/* texts are the owner's */
	bool			 end;		/* open at the last item */
	void			(*choose)(struct app *, void *arg, size_t k);
	void			*arg;
	void			(*free_arg)(void *);
	/* The text of an item added by listview_add_ref (its ref). */
	const char		*(*text_of)(void *arg, size_t ref);
	const struct view_hint	*hints;
	size_t			 nhints;
};

extern const struct view_ops	listview_ops;

/* A new, empty list titled title (copied). */
struct listview	*listview_new(const char *title);
/* Add an item (printf format; the text is data, sanitized when drawn). */
void		 listview_addf(struct listview *, uint32_t node,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/*
 * Add an item whose text is the caller's, not copied (a list of 10,000
 * items made again at every key of a filter): for a list with borrowed
 * set, whose texts the caller keeps alive and unchanged until the items
 * are cleared or the list closes, and frees itself.
 */
void		 listview_add(struct listview *, uint32_t node,
		    const char *text);
/*
 * Add an item whose text is made only when it is shown: text_of(arg, ref)
 * gives it then (arg: listview_on_choose's), and keeps it alive and
 * unchanged as listview_add's texts are; for a list with borrowed set.
 */
void		 listview_add_ref(struct listview *, uint32_t node,
		    size_t ref);
/*
 * Enter calls choose(app, arg, item); free_arg(arg), if not NULL, when the
 * list closes.
 */
void		 listview_on_choose(struct listview *,
		    void (*choose)(struct app *, void *, size_t), void *arg,
		    void (*free_arg)(void *));
/* Push the list as a view (it owns lv from now on). */
struct view	*listview_open(struct app *, struct listview *lv);

/* Drop every item (to fill the list again). */
void		 listview_clear(struct listview *);

/*
 * The list's ops, for views built on it that have keys of their own:
 * their ops use these and handle their requests before passing the rest
 * to listview_request.
 */
bool		 listview_request(struct view *, enum request);
void		 listview_close(struct view *);
void		 listview_draw(struct view *);
void		 listview_status(struct view *, struct view_status *);
uint32_t	 listview_node(struct view *);

#endif /* CHARTA_LISTVIEW_H */
