/*
 * state-op.c -- changes (struct state_op) and the queues they wait in
 * (state-private.h), and the small things every part of the store uses:
 * ids, the time, arrays that grow.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "store/state-private.h"
#include "util/xmalloc.h"

char *
state_xstrdup_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

int64_t
state_now(void)
{
	return (int64_t)time(NULL);
}

/*
 * A random (version 4) UUID.  getrandom can fail only before the kernel's
 * pool is ready at boot, or on an old kernel: then /dev/urandom, then the
 * time and the process id, which still keeps ids apart in one file.
 */
void
state_new_id(char id[STATE_ID_SIZE])
{
	static unsigned int	 counter;
	unsigned char		 b[16];
	ssize_t			 got = -1;
	struct timespec		 ts;
	unsigned int		 u;
	int			 fd;

	do {
		got = getrandom(b, sizeof b, 0);
	} while (got == -1 && errno == EINTR);
	if (got != (ssize_t)sizeof b &&
	    (fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) != -1) {
		got = read(fd, b, sizeof b);
		close(fd);
	}
	if (got != (ssize_t)sizeof b) {
		clock_gettime(CLOCK_REALTIME, &ts);
		memcpy(b, &ts, sizeof ts < 8 ? sizeof ts : 8);
		u = (unsigned int)getpid() ^ ++counter << 16;
		memcpy(b + 8, &u, sizeof u);
		memcpy(b + 12, &ts.tv_nsec, 4);
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	snprintf(id, STATE_ID_SIZE, "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1], b[2], b[3],
	    b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
	    b[14], b[15]);
}

/*
 * Room for one more element at index n of arr, an array grown only by
 * this function: it doubles when n is a power of two, so it always has
 * room for the next one, even after elements were taken off its end.
 */
void *
state_grow(void *arr, size_t n, size_t size)
{
	if (n != 0 && (n & (n - 1)) != 0)
		return arr;
	return xreallocarray(arr, n == 0 ? 1 : n * 2, size);
}

/* ---------------------------------------------------- changes, queues */

struct state_op *
state_op_new(enum state_op_kind kind)
{
	struct state_op	*op = xcalloc(1, sizeof *op);

	op->kind = kind;
	op->at = state_now();
	return op;
}

struct state_op *
state_op_dup(const struct state_op *src)
{
	struct state_op	*op = xcalloc(1, sizeof *op);

	op->kind = src->kind;
	op->at = src->at;
	op->fresh = src->fresh;
	op->hkind = state_xstrdup_null(src->hkind);
	op->text = state_xstrdup_null(src->text);
	state_position_copy(&op->pos, &src->pos);
	state_mark_copy(&op->mark, &src->mark);
	state_note_copy(&op->note, &src->note);
	state_draft_copy(&op->draft, &src->draft);
	op->failure = state_xstrdup_null(src->failure);
	return op;
}

void
state_op_free(struct state_op *op)
{
	if (op == NULL)
		return;
	free(op->hkind);
	free(op->text);
	state_position_clear(&op->pos);
	state_mark_clear(&op->mark);
	state_note_clear(&op->note);
	state_draft_clear(&op->draft);
	free(op->failure);
	free(op);
}

void
state_queue_init(struct state_queue *q)
{
	q->head = NULL;
	q->tail = &q->head;
	q->n = 0;
}

void
state_queue_push(struct state_queue *q, struct state_op *op)
{
	op->next = NULL;
	*q->tail = op;
	q->tail = &op->next;
	q->n++;
}

/* Put the changes of front (emptied) before those of q. */
void
state_queue_prepend(struct state_queue *q, struct state_queue *front)
{
	if (front->head == NULL)
		return;
	*front->tail = q->head;
	if (q->head == NULL)
		q->tail = front->tail;
	q->head = front->head;
	q->n += front->n;
	state_queue_init(front);
}

void
state_queue_free(struct state_queue *q)
{
	struct state_op	*op, *next;

	for (op = q->head; op != NULL; op = next) {
		next = op->next;
		state_op_free(op);
	}
	state_queue_init(q);
}
