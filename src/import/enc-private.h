/*
 * enc-private.h -- sources in other encodings (encoding.c).  Private to
 * src/import.
 */
#ifndef CHARTA_ENC_PRIVATE_H
#define CHARTA_ENC_PRIVATE_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>

#include "text/text.h"

/*
 * The encoding the first bytes of data[0..n) look like if it is UTF-16 or
 * UTF-32 without a byte-order mark ("UTF-16LE", "UTF-32BE", ...), else
 * NULL.  (A static string.)
 */
const char	*enc_guess_wide(const char *data, size_t n);

/*
 * What ill-formed UTF-8 data[0..n) probably is: "GB18030", "CP1252" or
 * "ISO-8859-1" (a static string), or NULL if nothing fits.
 */
const char	*enc_guess(const char *data, size_t n);

/* A conversion to UTF-8 in progress (enc_conv_new ... enc_conv_free). */
struct enc_conv {
	iconv_t	 cd;
	char	 held[4096];	/* input not converted yet */
	size_t	 nheld;
	size_t	 in;		/* input bytes converted so far */
};

/* A conversion from encoding (an iconv name), or NULL if iconv has none. */
struct enc_conv	*enc_conv_new(const char *encoding);
void		 enc_conv_free(struct enc_conv *);

/*
 * Convert in[0..n), the next bytes of the source, appending UTF-8 to out;
 * a character cut at the end of in is held for the next call.  last: no
 * more input follows.  Returns 0, or -1 if the input is not valid in the
 * encoding, with the offset of the first bad byte (from the start of all
 * input) in *bad; what came before it is in out.
 */
int		 enc_conv_feed(struct enc_conv *, const char *in, size_t n,
		    bool last, struct text_buf *out, size_t *bad);

#endif /* CHARTA_ENC_PRIVATE_H */
