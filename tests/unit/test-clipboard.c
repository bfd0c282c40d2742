/*
 * test-clipboard.c -- how the yank keys deliver (src/ui/clipboard.c) and
 * the config file's `set` lines (src/ui/settings.c): base64 (RFC 4648's
 * test vectors), OSC 52 plain and in screen's passthrough, the settings
 * and their errors, and the clipboard command: the text on its standard
 * input as it is, its failures named.
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cite/cite.h"
#include "ui/clipboard.h"
#include "ui/settings.h"
#include "util/xmalloc.h"

static void
test_base64(void **unused)
{
	static const char *const vec[][2] = { { "", "" }, { "f", "Zg==" },
	    { "fo", "Zm8=" }, { "foo", "Zm9v" }, { "foob", "Zm9vYg==" },
	    { "fooba", "Zm9vYmE=" }, { "foobar", "Zm9vYmFy" } };
	size_t	k;
	char	*s;

	(void)unused;
	for (k = 0; k < sizeof vec / sizeof vec[0]; k++) {
		s = clipboard_base64(vec[k][0], strlen(vec[k][0]));
		assert_string_equal(s, vec[k][1]);
		free(s);
	}
	s = clipboard_base64("\x1b]52;\xff", 6);
	assert_string_equal(s, "G101Mjv/");
	free(s);
}

/* OSC 52: plain, and in screen's passthrough in pieces of 76. */
static void
test_osc52_sequence(void **unused)
{
	char	*text, *s, *want, *b64;
	size_t	 k;

	(void)unused;
	s = clipboard_osc52_sequence("hi\x1b[2J", 6, false);
	assert_string_equal(s, "\x1b]52;c;aGkbWzJK\a");
	free(s);
	s = clipboard_osc52_sequence("hi", 2, true);
	assert_string_equal(s, "\x1bP\x1b]52;c;aGk=\a\x1b\\");
	free(s);
	/* 120 bytes: 160 of base64, in DCS pieces of 76, 76 and 8. */
	text = xmalloc(120);
	for (k = 0; k < 120; k++)
		text[k] = (char)('a' + k % 26);
	b64 = clipboard_base64(text, 120);
	assert_int_equal(strlen(b64), 160);
	want = xasprintf("\x1bP\x1b]52;c;%.76s\x1b\\\x1bP%.76s\x1b\\\x1bP%s"
	    "\a\x1b\\", b64, b64 + 76, b64 + 152);
	s = clipboard_osc52_sequence(text, 120, true);
	assert_string_equal(s, want);
	free(s);
	free(want);
	free(b64);
	free(text);
}

static void
test_settings(void **unused)
{
	char	*err;

	(void)unused;
	settings_reset();
	assert_int_equal(settings_clipboard(), SETTINGS_CLIPBOARD_AUTO);
	assert_int_equal(settings_cite_format(), CITE_PLAIN);
	assert_int_equal(settings_parse_line("bind y quit\n", &err), 0);
	assert_int_equal(settings_parse_line("settle x y", &err), 0);
	assert_int_equal(settings_parse_line("  set clipboard off \n", &err),
	    1);
	assert_int_equal(settings_clipboard(), SETTINGS_CLIPBOARD_OFF);
	assert_int_equal(settings_parse_line("set clipboard xclip -selection "
	    "clipboard  \n", &err), 1);
	assert_int_equal(settings_clipboard(), SETTINGS_CLIPBOARD_COMMAND);
	assert_string_equal(settings_clipboard_command(),
	    "xclip -selection clipboard");
	assert_int_equal(settings_parse_line("set clipboard on", &err), 1);
	assert_int_equal(settings_clipboard(), SETTINGS_CLIPBOARD_ON);
	assert_string_equal(settings_clipboard_command(), "");
	assert_int_equal(settings_parse_line("set cite-format csl-json", &err),
	    1);
	assert_int_equal(settings_cite_format(), CITE_CSL_JSON);
	assert_int_equal(settings_parse_line("set cite-format apa", &err), -1);
	assert_string_equal(err, "unknown citation format 'apa' (one of: "
	    "plain chicago bibtex csl-json markdown)");
	free(err);
	assert_int_equal(settings_cite_format(), CITE_CSL_JSON);
	assert_int_equal(settings_parse_line("set colour red", &err), -1);
	assert_string_equal(err, "unknown setting 'colour' (clipboard, "
	    "cite-format)");
	free(err);
	assert_int_equal(settings_parse_line("set clipboard", &err), -1);
	assert_string_equal(err, "expected 'set NAME VALUE'");
	free(err);
	settings_reset();
}

/* The clipboard command: the text on its stdin, its failures named. */
static void
test_clipboard_command(void **unused)
{
	enum clipboard_where	 where;
	char			 path[] = "/tmp/charta-test-cite.XXXXXX";
	char			*line, *err, buf[64];
	FILE			*f;
	int			 fd;
	size_t			 n;

	(void)unused;
	fd = mkstemp(path);
	assert_true(fd != -1);
	close(fd);
	line = xasprintf("set clipboard cat > '%s'", path);
	assert_int_equal(settings_parse_line(line, &err), 1);
	free(line);
	assert_int_equal(clipboard_copy("a \"citation\" $(x) `y`\n", 22,
	    &where, &err), 0);
	assert_int_equal(where, CLIPBOARD_COMMAND);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	/* As it was: no shell saw the text. */
	assert_string_equal(buf, "a \"citation\" $(x) `y`\n");
	unlink(path);

	assert_int_equal(settings_parse_line("set clipboard cat >/dev/null; "
	    "exit 3", &err), 1);
	assert_int_equal(clipboard_copy("x", 1, &where, &err), -1);
	assert_string_equal(err, "clipboard command 'cat >/dev/null; exit 3' "
	    "failed (exit status 3)");
	free(err);
	/* It exits at once, leaving the text in the pipe. */
	assert_int_equal(settings_parse_line("set clipboard true", &err), 1);
	assert_int_equal(clipboard_copy("x", 1, &where, &err), -1);
	assert_string_equal(err, "clipboard command 'true' did not read the "
	    "text");
	free(err);
	assert_int_equal(settings_parse_line("set clipboard kill -9 $$",
	    &err), 1);
	assert_int_equal(clipboard_copy("x", 1, &where, &err), -1);
	assert_string_equal(err, "clipboard command 'kill -9 $$' was killed "
	    "by signal 9");
	free(err);
	/* Off: nothing is copied, and that is no error. */
	assert_int_equal(settings_parse_line("set clipboard off", &err), 1);
	assert_int_equal(clipboard_copy("x", 1, &where, &err), 0);
	assert_int_equal(where, CLIPBOARD_NOWHERE);
	settings_reset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base64),
		cmocka_unit_test(test_osc52_sequence),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_clipboard_command),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
