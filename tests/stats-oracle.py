#!/usr/bin/env python3
# stats-oracle.py -- recount terms per document and per chapter from the
# text `charta show --format=tsv` prints, by an implementation of its own
# of the counting rules (doc/charta.1, COUNTING), and compare with what
# `charta stats --format=tsv` says, exactly.
#
# Usage: stats-oracle.py CHARTA TERM...
#
# Words: UAX #29 word segmentation, the rules that the characters of the
# texts meet (letters, digits, marks, the apostrophes, full stop, colon,
# comma, semicolon and underscore between them, ideographs alone), written
# here from the standard; a character of another class stops the oracle
# with a message rather than letting it guess.  Folding: Unicode case
# folding and accents removed (NFD, marks dropped).
import subprocess
import sys
import unicodedata

BLOCKS = {"paragraph", "epigraph", "caption", "byline", "pullquote",
          "source", "title", "signature"}
MIDLETTER = {":", "\u00b7", "\u0387", "\u05f4", "\u2027", "\ufe13",
             "\ufe55", "\uff1a"}
MIDNUMLET = {".", "\u2018", "\u2019", "\u2024", "\ufe52", "\uff07",
             "\uff0e", "'"}
MIDNUM = {",", ";", "\u037e", "\u0589", "\u060c", "\u060d", "\u066c",
          "\u07f8", "\u2044", "\ufe10", "\ufe14", "\ufe50", "\ufe54",
          "\uff0c", "\uff1b"}
# Punctuation, symbols and spaces that are never inside a word.
OTHER_CATEGORIES = {"Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk",
                    "So", "Zs", "Cc"}


def wb_class(ch):
    """The Word_Break class of ch, for the classes the texts have."""
    cat = unicodedata.category(ch)
    if ch in MIDLETTER:
        return "MidLetter"
    if ch in MIDNUMLET:
        return "MidNumLet"
    if ch in MIDNUM:
        return "MidNum"
    if ch == "_":
        return "ExtendNumLet"
    if cat == "Nd":
        return "Numeric"
    if cat in ("Mn", "Me", "Mc"):
        return "Extend"
    if cat.startswith("L") or cat == "Nl":
        name = unicodedata.name(ch, "")
        if "CJK" in name or "HIRAGANA" in name:
            return "Ideo"
        if "KATAKANA" in name:
            sys.exit("stats-oracle: no rule here for Katakana (%r)" % ch)
        return "ALetter"
    if cat in OTHER_CATEGORIES or ch in "\n\t\r":
        return "Other"
    sys.exit("stats-oracle: no rule here for U+%04X (%s)" % (ord(ch), cat))


def words(text):
    """The words of text: [(start, end)] by the rules WB4-WB13b."""
    cls = [wb_class(ch) for ch in text]
    # WB4: marks belong to the character before them.
    units = []
    for i, c in enumerate(cls):
        if c == "Extend" and units:
            units[-1][1] = i + 1
        else:
            units.append([i, i + 1, c])
    out = []
    i = 0
    n = len(units)
    letterish = ("ALetter", "Numeric", "ExtendNumLet")
    while i < n:
        if units[i][2] not in letterish:
            if units[i][2] == "Ideo":
                out.append((units[i][0], units[i][1]))
            i += 1
            continue
        start = i
        alnum = units[i][2] != "ExtendNumLet"
        prev = units[i][2]
        i += 1
        while i < n:
            cur = units[i][2]
            nxt = units[i + 1][2] if i + 1 < n else None
            if cur in letterish:                       # WB5, 8-10, 13a/b
                alnum = alnum or cur != "ExtendNumLet"
                prev = cur
                i += 1
            elif (prev == "ALetter" and cur in ("MidLetter", "MidNumLet")
                  and nxt == "ALetter"):                # WB6, WB7
                prev = "ALetter"
                i += 2
            elif (prev == "Numeric" and cur in ("MidNum", "MidNumLet")
                  and nxt == "Numeric"):                # WB11, WB12
                prev = "Numeric"
                i += 2
            else:
                break
        if alnum:
            out.append((units[start][0], units[i - 1][1]))
    return out


def fold(word):
    d = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in d if unicodedata.category(ch) != "Mn")


def unescape(field):
    out = []
    i = 0
    while i < len(field):
        if field[i] == "\\" and i + 1 < len(field):
            out.append({"\\": "\\", "t": "\t", "n": "\n",
                        "r": "\r"}[field[i + 1]])
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def escape(field):
    return (field.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def run(charta, *args):
    return subprocess.run([charta] + list(args), check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")


def parse_term(term):
    ws = words(term)
    if not ws:
        sys.exit("stats-oracle: no word in %r" % term)
    out = []
    for s, e in ws:
        out.append((fold(term[s:e]), e < len(term) and term[e] == "*"))
    return out


def matches(term, toks, k):
    if k + len(term) > len(toks):
        return False
    for j, (w, prefix) in enumerate(term):
        t = toks[k + j]
        if prefix and not t.startswith(w):
            return False
        if not prefix and t != w:
            return False
    return True


def main():
    charta, terms = sys.argv[1], sys.argv[2:]
    parsed = [parse_term(t) for t in terms]
    slugs = [line.split()[0] for line in run(charta, "list").splitlines()]
    expect = {"doc": [], "chapter": []}
    for slug in slugs:
        rows = run(charta, "show", "--format=tsv", slug).splitlines()[1:]
        parts = []            # [ref, title, words, counts]
        own = None
        for row in rows:
            ref, kind, depth, label, title, text = row.split("\t")
            text = unescape(text) if kind in BLOCKS else unescape(title)
            if kind == "document":
                own = [ref, unescape(title), 0, [0] * len(terms)]
                parts.append(own)
                cur = own
            elif depth == "1" and kind not in BLOCKS:
                cur = [ref, unescape(title), 0, [0] * len(terms)]
                parts.append(cur)
            part = own if depth == "1" and kind in BLOCKS else cur
            toks = [fold(text[s:e]) for s, e in words(text)]
            part[2] += len(toks)
            for ti, term in enumerate(parsed):
                for k in range(len(toks)):
                    if matches(term, toks, k):
                        part[3][ti] += 1
        doc_words = sum(p[2] for p in parts)
        doc_title = parts[0][1]
        for ti in range(len(terms)):
            count = sum(p[3][ti] for p in parts)
            expect["doc"].append((ti, slug, doc_title, doc_words, count))
            for p in parts:
                expect["chapter"].append((ti, p[0], p[1], p[2], p[3][ti]))
    bad = 0
    for by in ("doc", "chapter"):
        want = []
        for ti in range(len(terms)):
            for row in expect[by]:
                if row[0] != ti:
                    continue
                words_ = row[3]
                rate = "%.2f" % (row[4] * 10000 / words_ if words_ else 0)
                want.append("\t".join([escape(terms[ti]), escape(row[1]),
                                       escape(row[2]), str(words_),
                                       str(row[4]), rate]))
        out = run(charta, "stats", "--format=tsv", "--by=" + by, *terms)
        got = out.splitlines()[1:]
        if got != want:
            bad += 1
            for g, w in zip(got + [""] * len(want), want + [""] * len(got)):
                if g != w:
                    print("stats-oracle: --by=%s: charta says %r, the "
                          "oracle %r" % (by, g, w), file=sys.stderr)
                    break
        else:
            print("stats-oracle: --by=%s: %d rows agree" % (by, len(want)))
    sys.exit(1 if bad else 0)


main()
