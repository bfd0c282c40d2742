/*
 * annotation.h -- notes as W3C Web Annotations (JSON), written and read
 * back: `charta notes --format=json` and `charta notes --import FILE`.
 *
 * One annotation per note, in a JSON array:
 *
 *   {
 *     "@context": "http://www.w3.org/ns/anno.jsonld",
 *     "id": "urn:uuid:ID",  "type": "Annotation",
 *     "motivation": "commenting",
 *     "created": "2026-03-01T09:30:00Z", "modified": "...",
 *     "body": { "type": "TextualBody", "value": BODY,
 *               "format": "text/plain" },
 *     "target": {
 *       "source": "urn:charta:SLUG",
 *       "selector": [
 *         { "type": "charta:PlaceSelector", "work": WORK, "path": PATH,
 *           "slug": SLUG, "label": LABEL },
 *         { "type": "TextQuoteSelector", "exact": ..., "prefix": ...,
 *           "suffix": ... } ] } }
 *
 * The place selector is the note's logical place (study.h: work and
 * path, absent for a document that belongs to no work) and where it was
 * set (slug and label); the text-quote selector is the words it was on,
 * to find it again after a re-import.  "source" names the document the
 * note was set in: "urn:charta:" and its slug, percent-encoded.  Strings
 * are written as json.h says, so every byte of a note comes back.
 */
#ifndef CHARTA_ANNOTATION_H
#define CHARTA_ANNOTATION_H

#include <stdbool.h>
#include <stddef.h>

#include "store/state.h"

struct text_buf;

/* The type of charta's own selector: the logical place. */
#define ANNOTATION_PLACE_SELECTOR	"charta:PlaceSelector"

/*
 * Append notes[0..n) to b as a JSON array of annotations, one a line
 * group, ending with a line feed.  ascii_only as for json_put_string.
 */
void	annotation_write(struct text_buf *b, const struct state_note *notes,
	    size_t n, bool ascii_only);

/*
 * Read the annotations in the JSON text s[0..n): an array of them, one
 * annotation, an AnnotationPage ("items") or an AnnotationCollection with
 * its first page in it.  Each must have a textual body (text/plain), and
 * a target with charta's place selector (the text-quote selector may be
 * missing).  On success returns 0, the notes in *notes and their count in
 * *count (free with state_notes_free): a note whose id is not "urn:uuid:"
 * and a UUID gets id "" (a new one is for the caller to make); a missing
 * created time is -1, a missing modified time the created one; times are
 * kept to the second.  Otherwise returns -1 and a message in *err
 * (malloc'ed) starting "LINE:COL: ", at the first thing that cannot be
 * kept exactly (a NUL character, a string too long for the store, a body
 * that is not plain text, a place without its slug or label ...); no
 * notes are returned then.
 */
int	annotation_read(const char *s, size_t n, struct state_note **notes,
	    size_t *count, char **err);

/* "2026-03-01T09:30:00Z" for t (UTC) into buf (at least 32 bytes). */
void	annotation_time(int64_t t, char *buf, size_t size);

#endif /* CHARTA_ANNOTATION_H */
