/*
 * encoding.c -- sources that are not UTF-8: recognising UTF-16 and UTF-32
 * without a byte-order mark, guessing what ill-formed UTF-8 really is, and
 * converting a source from a named encoding with iconv(3) as it is read.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "import/enc-private.h"
#include "util/xmalloc.h"

const char *
enc_guess_wide(const char *data, size_t n)
{
	const unsigned char	*s = (const unsigned char *)data;
	size_t			 i, groups, pairs, le32 = 0, be32 = 0;
	size_t			 le16 = 0, be16 = 0, zeros16 = 0;

	if (n > 4096)
		n = 4096;
	groups = n / 4;
	for (i = 0; i + 4 <= n; i += 4) {
		/* Characters below U+10000: two zero bytes at one end. */
		if (s[i + 2] == 0 && s[i + 3] == 0 && (s[i] | s[i + 1]) != 0)
			le32++;
		if (s[i] == 0 && s[i + 1] == 0 && (s[i + 2] | s[i + 3]) != 0)
			be32++;
	}
	/* Too short to tell from a text with a NUL in it. */
	if (n < 16)
		return NULL;
	if (le32 * 10 >= groups * 9)
		return "UTF-32LE";
	if (be32 * 10 >= groups * 9)
		return "UTF-32BE";
	pairs = n / 2;
	for (i = 0; i + 2 <= n; i += 2) {
		if (s[i + 1] == 0 && s[i] != 0)
			le16++;
		if (s[i] == 0 && s[i + 1] != 0)
			be16++;
		if (s[i] == 0 && s[i + 1] == 0)
			zeros16++;
	}
	/* Text in a Latin script: most characters have a zero byte. */
	if (zeros16 * 10 < pairs) {
		if (le16 * 10 >= pairs * 7 && be16 * 10 < pairs)
			return "UTF-16LE";
		if (be16 * 10 >= pairs * 7 && le16 * 10 < pairs)
			return "UTF-16BE";
	}
	return NULL;
}

/* Do all of data[0..n) convert from encoding without an error? */
static bool
enc_decodes(const char *encoding, const char *data, size_t n)
{
	iconv_t	 cd = iconv_open("UTF-8", encoding);
	char	 out[4096], *in = (char *)data, *o;
	size_t	 left = n, room;
	bool	 ok = true;

	if (cd == (iconv_t)-1)
		return false;
	while (left > 0) {
		o = out;
		room = sizeof out;
		if (iconv(cd, &in, &left, &o, &room) == (size_t)-1 &&
		    errno != E2BIG) {
			ok = false;
			break;
		}
	}
	iconv_close(cd);
	return ok;
}

const char *
enc_guess(const char *data, size_t n)
{
	const unsigned char	*s = (const unsigned char *)data;
	size_t			 i, high = 0, paired = 0, c1 = 0, utf8 = 0, k;

	for (i = 0; i < n; i++) {
		if (s[i] < 0x80)
			continue;
		/* A well-formed UTF-8 character: counted, then skipped. */
		k = s[i] >= 0xc2 && s[i] <= 0xdf ? 1 : s[i] >= 0xe0 &&
		    s[i] <= 0xef ? 2 : s[i] >= 0xf0 && s[i] <= 0xf4 ? 3 : 0;
		if (k > 0 && i + k < n && text_utf8_valid(data + i, k + 1,
		    NULL, NULL, NULL)) {
			utf8++;
			i += k;
			continue;
		}
		high++;
		if (s[i] <= 0x9f)
			c1++;
		/* A GB18030/GBK character: a lead byte and a trail byte. */
		if (s[i] >= 0x81 && s[i] <= 0xfe && i + 1 < n &&
		    s[i + 1] >= 0x40 && s[i + 1] != 0x7f && s[i + 1] != 0xff) {
			paired += 2;
			i++;
			high++;
		}
	}
	/*
	 * Mostly UTF-8 with a bad byte or two: damage, or encodings mixed;
	 * no other single encoding would read it right.
	 */
	if (high == 0 || utf8 >= high)
		return NULL;
	/*
	 * Chinese text is nearly all two-byte characters; Latin text has a
	 * high byte here and there between ASCII letters.
	 */
	if (paired * 10 >= high * 9 && high >= 8 &&
	    enc_decodes("GB18030", data, n))
		return "GB18030";
	if (c1 > 0 && enc_decodes("CP1252", data, n))
		return "CP1252";
	if (c1 == 0)
		return "ISO-8859-1";
	return NULL;
}

struct enc_conv *
enc_conv_new(const char *encoding)
{
	struct enc_conv	*ec;
	iconv_t		 cd = iconv_open("UTF-8", encoding);

	if (cd == (iconv_t)-1)
		return NULL;
	ec = xcalloc(1, sizeof *ec);
	ec->cd = cd;
	return ec;
}

void
enc_conv_free(struct enc_conv *ec)
{
	if (ec == NULL)
		return;
	iconv_close(ec->cd);
	free(ec);
}

int
enc_conv_feed(struct enc_conv *ec, const char *in, size_t n, bool last,
    struct text_buf *out, size_t *bad)
{
	char	 tmp[8192], *o, *ip;
	size_t	 room, left, take;

	*bad = 0;
	while (n > 0 || (last && ec->nheld > 0)) {
		/* Bytes held from the last call come first. */
		take = sizeof ec->held - ec->nheld;
		if (take > n)
			take = n;
		memcpy(ec->held + ec->nheld, in, take);
		in += take;
		n -= take;
		ec->nheld += take;
		ip = ec->held;
		left = ec->nheld;
		o = tmp;
		room = sizeof tmp;
		if (iconv(ec->cd, &ip, &left, &o, &room) == (size_t)-1) {
			if (errno == EILSEQ || (errno == EINVAL &&
			    (last && n == 0))) {
				*bad = ec->in + (size_t)(ip - ec->held);
				text_buf_add(out, tmp, (size_t)(o - tmp));
				return -1;
			}
			/* E2BIG, or EINVAL: an incomplete character. */
		}
		text_buf_add(out, tmp, (size_t)(o - tmp));
		ec->in += (size_t)(ip - ec->held);
		memmove(ec->held, ip, left);
		ec->nheld = left;
		if (ip == ec->held && o == tmp && n == 0)
			break;
	}
	if (last && ec->nheld > 0) {
		*bad = ec->in;
		return -1;
	}
	return 0;
}
