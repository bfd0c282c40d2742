#!/usr/bin/env python3
# query-oracle.py -- an independent implementation of charta's query
# language (doc/charta.1, "QUERIES"; src/index/index.h), to check charta
# against.  It shares no code with charta: it reads the corpus as
# tests/query-dump prints it, folds text with Python's unicodedata (not
# libunistring), parses queries with its own tokenizer and parser, and
# decides for itself which nodes match.
#
#   query-oracle.py --dump DUMP --queries FILE --charta CHARTA --db DB
#                   [--no-count] [--jobs N]
#       runs every query of FILE (one a line; # starts a comment line)
#       through `charta search` and (unless --no-count) `charta search
#       --count`, N processes at a time (2), and reports each
#       disagreement: nodes, counts, exit status, or an error's column and
#       kind.  Exit status 1 if there is any.
#   query-oracle.py --dump DUMP --queries FILE --expect N
#       prints N of the queries, spread over FILE, and six queries that
#       are refused, each with what
#       the reader's filter must show for it, for
#       tests/tui/filter-oracle.sh:
#       QUERY <TAB> "count" P S D | "none" | "error" COLUMN TEXT
#       (leaving out a query refused with the same message as a query
#       typed on the way to it: the screen could not tell them apart)

import argparse
import concurrent.futures
import subprocess
import sys
import unicodedata

# ---------------------------------------------------------------- folding

APOSTROPHES = {0x60, 0x2BC, 0x2018, 0x2019, 0x201A, 0x201B, 0x2032}
QUOTES = {0x201C, 0x201D, 0x201E, 0x201F, 0x2033}
DASHES = {0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212}
BLANKS = ' \t\n\r\f\v'


def punct(ch):
    """The ASCII a typographic character stands for, or None."""
    o = ord(ch)
    if o in APOSTROPHES:
        return "'"
    if o in QUOTES:
        return '"'
    if o in DASHES:
        return '-'
    if o >= 0x80 and unicodedata.category(ch).startswith('Z'):
        return ' '
    return None


def fold_char(ch):
    p = punct(ch)
    if p is not None:
        return p
    nfkd = unicodedata.normalize
    d = nfkd('NFKD', nfkd('NFKD', ch.casefold()).casefold())
    out = []
    for x in d:
        p = punct(x)
        if p is not None:
            out.append(p)
        elif ord(x) < 0x80:
            out.append(x)
        elif not (unicodedata.category(x).startswith('M') or
                  unicodedata.category(x) == 'Cf'):
            out.append(x)
    return ''.join(out)


_fold_cache = {}


def fold(s):
    """Fold s as search does, every run of blanks one space."""
    out = []
    blank = False
    for ch in s:
        f = _fold_cache.get(ch)
        if f is None:
            f = _fold_cache[ch] = fold_char(ch)
        for x in f:
            if x in BLANKS:
                if not blank:
                    out.append(' ')
                blank = True
            else:
                out.append(x)
                blank = False
    return ''.join(out)


# Unicode 14 PropList.txt, Ideographic=Yes.
IDEOGRAPHIC = [(0x3006, 0x3007), (0x3021, 0x3029), (0x3038, 0x303A),
               (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFA6D),
               (0xFA70, 0xFAD9), (0x16FE4, 0x16FE4), (0x17000, 0x187F7),
               (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1B170, 0x1B2FB),
               (0x20000, 0x2A6DF), (0x2A700, 0x2B738), (0x2B740, 0x2B81D),
               (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x2F800, 0x2FA1D),
               (0x30000, 0x3134A)]


def joins(ch):
    """Is ch a letter or digit that runs on into a word?"""
    o = ord(ch)
    if o < 0x80:
        return ch.isalnum()
    if any(lo <= o <= hi for lo, hi in IDEOGRAPHIC):
        return False
    return unicodedata.category(ch)[0] in 'LN'


def word_start(s, i):
    return i == 0 or not (joins(s[i - 1]) and joins(s[i]))


def occurs(term, prefix, text):
    i = text.find(term)
    while i >= 0:
        if not prefix or word_start(text, i):
            return True
        i = text.find(term, i + 1)
    return False


# ---------------------------------------------------------------- parsing

KINDS = ['document', 'chapter', 'preface', 'conclusion', 'letter',
         'section', 'principle', 'goal', 'action', 'part', 'paragraph',
         'epigraph', 'caption', 'byline', 'pullquote', 'source', 'title',
         'signature']
MAX_DEPTH = 32


class QueryError(Exception):
    def __init__(self, kind, column):
        Exception.__init__(self, kind)
        self.kind = kind
        self.column = column


# What charta's message says for each kind of error.
ERROR_TEXT = {
    'minus': "'-' needs a word",
    'no-doc': 'no document',
    'no-kind': 'no kind',
    'doc-empty': 'doc: needs a document name',
    'kind-empty': 'kind: needs a kind',
    'field': 'unknown field',
    'quote': "unbalanced '\"'",
    'open': "unbalanced '('",
    'close': "unbalanced ')'",
    'empty-group': "nothing between '(' and ')'",
    'or-before': 'OR needs something to search for before it',
    'or-after': 'OR needs something to search for after it',
    'star-alone': "'*' needs a word before it",
    'star-mid': "'*' can only end a word",
    'empty-phrase': 'empty phrase',
    'nothing': 'nothing to search for',
    'deep': 'parentheses nested too deep',
    'empty': 'empty query',
}


def tokenize(q):
    """Tokens (type, position, ...) up to the first bad one, kept as an
    'error' token so that an earlier problem is still found first."""
    toks = []
    i, n = 0, len(q)
    while i < n:
        ch = q[i]
        if ch in BLANKS:
            i += 1
        elif ch in '()|':
            toks.append((ch, i))
            i += 1
        elif ch == '"':
            j = q.find('"', i + 1)
            if j < 0:
                toks.append(('error', i, 'quote'))
                break
            star = j + 1 < n and q[j + 1] == '*'
            toks.append(('phrase', i, q[i + 1:j], star))
            i = j + 1 + (1 if star else 0)
        elif ch == '-':
            nxt = q[i + 1] if i + 1 < n else ' '
            if nxt in BLANKS or nxt in ')|-':
                toks.append(('error', i, 'minus'))
                break
            toks.append(('not', i))
            i += 1
        else:
            j = i
            while j < n and q[j] not in BLANKS and q[j] not in '()|"':
                j += 1
            w = q[i:j]
            if w == 'OR' and not (toks and toks[-1][0] == 'not'):
                toks.append(('or', i))
            else:
                toks.append(('word', i, w))
            i = j
    toks.append(('end', len(q)))
    return toks


def ascii_lower(s):
    return ''.join(chr(ord(c) + 32) if 'A' <= c <= 'Z' else c for c in s)


class Parser:
    def __init__(self, docs, q):
        self.docs = docs        # lower-case slug or alias -> slug
        self.toks = tokenize(q)
        self.k = 0

    def peek(self):
        t = self.toks[self.k]
        if t[0] == 'error':
            raise QueryError(t[2], t[1] + 1)
        return t

    def take(self):
        t = self.peek()
        self.k += 1
        return t

    def parse(self):
        e = self.alternatives(0)
        t = self.peek()
        if t[0] != 'end':
            raise QueryError('close', t[1] + 1)
        if e is None:
            raise QueryError('empty', 0)
        return e

    def alternatives(self, depth):
        kids = []
        after = None
        while True:
            e = self.conjunction(depth)
            t = self.peek()
            if e is None:
                if t[0] in ('or', '|'):
                    raise QueryError('or-before', t[1] + 1)
                if after is not None:
                    raise QueryError('or-after', after + 1)
                return None
            kids.append(e)
            if t[0] not in ('or', '|'):
                return kids[0] if len(kids) == 1 else ('or', kids)
            after = t[1]
            self.take()

    def conjunction(self, depth):
        items = []
        while self.peek()[0] not in ('end', ')', 'or', '|'):
            add_and(items, self.unary(depth))
        if not items:
            return None
        return items[0] if len(items) == 1 else ('and', items)

    def unary(self, depth):
        if self.peek()[0] != 'not':
            return self.atom(depth)
        self.take()
        e = self.atom(depth)
        if e[0] == 'not':
            return e[1]
        return ('not', e)

    def atom(self, depth):
        t = self.take()
        if t[0] == '(':
            if depth >= MAX_DEPTH:
                raise QueryError('deep', t[1] + 1)
            e = self.alternatives(depth + 1)
            if self.peek()[0] != ')':
                raise QueryError('open', t[1] + 1)
            self.take()
            if e is None:
                raise QueryError('empty-group', t[1] + 1)
            return e
        if t[0] == 'phrase':
            f = fold(t[2]).strip(' ')
            if not f:
                raise QueryError('empty-phrase', t[1] + 1)
            return ('term', f, t[3])
        return self.word(t[1], t[2])

    def word(self, at, w):
        colon = w.find(':')
        name = w[:colon] if colon > 0 else ''
        if name and all(c.isascii() and c.isalpha() for c in name):
            value = w[colon + 1:]
            if ascii_lower(name) == 'doc':
                if not value:
                    raise QueryError('doc-empty', at + 1)
                slug = self.docs.get(ascii_lower(value))
                if slug is None:
                    raise QueryError('no-doc', at + 1)
                return ('docs', {slug})
            if ascii_lower(name) == 'kind':
                if not value:
                    raise QueryError('kind-empty', at + 1)
                if ascii_lower(value) not in KINDS:
                    raise QueryError('no-kind', at + 1)
                return ('kinds', {ascii_lower(value)})
            raise QueryError('field', at + 1)
        star = w.find('*')
        if star == 0:
            raise QueryError('star-alone', at + 1)
        if star > 0 and star != len(w) - 1:
            raise QueryError('star-mid', at + star + 1)
        f = fold(w[:-1] if star > 0 else w).strip(' ')
        if not f:
            raise QueryError('nothing', at + 1)
        return ('term', f, star > 0)


def add_and(items, e):
    """Conditions that must hold together: nested ones flattened, doc:
    fields merged into one set of alternatives, kind: fields likewise."""
    if e[0] == 'and':
        for x in e[1]:
            add_and(items, x)
        return
    for i, o in enumerate(items):
        if o[0] == e[0] and o[0] in ('docs', 'kinds'):
            items[i] = (o[0], o[1] | e[1])
            return
    items.append(e)


# ---------------------------------------------------------------- matching

class Node:
    def __init__(self, line):
        f = line.rstrip('\n').split('\t')
        self.ref, self.kind = f[0], f[1]
        self.kinds = set() if f[2] == '-' else set(f[2].split(','))
        self.kinds.add(self.kind)
        self.slug, self.alias = f[3], f[4]
        self.block = f[5] == 'block'
        self.folded = fold(unescape(f[6]))


def unescape(s):
    out = []
    i = 0
    while i < len(s):
        if s[i] == '\\' and i + 1 < len(s):
            out.append({'t': '\t', 'n': '\n', 'r': '\r'}.get(s[i + 1],
                                                           s[i + 1]))
            i += 2
        else:
            out.append(s[i])
            i += 1
    return ''.join(out)


def holds(e, node):
    op = e[0]
    if op == 'term':
        return occurs(e[1], e[2], node.folded)
    if op == 'docs':
        return node.slug in e[1]
    if op == 'kinds':
        return bool(node.kinds & e[1])
    if op == 'not':
        return not holds(e[1], node)
    if op == 'and':
        return all(holds(x, node) for x in e[1])
    return any(holds(x, node) for x in e[1])


def oracle(nodes, docs, q):
    """('found', [nodes]) or ('error', QueryError)."""
    try:
        e = Parser(docs, q).parse()
    except QueryError as err:
        return ('error', err)
    return ('found', [n for n in nodes if holds(e, n)])


def counts(found):
    """Per document slug (in order of first match): [blocks, sections]."""
    per = {}
    for n in found:
        c = per.setdefault(n.slug, [0, 0])
        c[0 if n.block else 1] += 1
    return per


# ---------------------------------------------------------------- checking

def run(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return (p.returncode, p.stdout.decode('utf-8', 'replace'),
            p.stderr.decode('utf-8', 'replace'))


def plural(n, one, many):
    return '%d %s' % (n, one if n == 1 else many)


def describe(per):
    b = sum(c[0] for c in per.values())
    s = sum(c[1] for c in per.values())
    return '%s, %s in %s' % (plural(b, 'paragraph', 'paragraphs'),
                             plural(s, 'section', 'sections'),
                             plural(len(per), 'document', 'documents'))


def check(nodes, docs, q, charta, db, count):
    """The disagreements between charta and the oracle on query q."""
    bad = []
    what, got = oracle(nodes, docs, q)
    st, out, err = run([charta, '--db', db, 'search', '--', q])
    runs = [(st, err, 'search')]
    if count:
        cst, cout, cerr = run([charta, '--db', db, 'search', '--count',
                               '--', q])
        runs.append((cst, cerr, 'search --count'))
    if what == 'error':
        want = ERROR_TEXT[got.kind]
        if got.column:
            want = 'column %d: %s' % (got.column, want)
        for s, e, how in runs:
            if s != 2 or want not in e:
                bad.append('%s: exit %d, "%s"; the oracle expects exit 2, '
                           '"%s"' % (how, s, e.strip(), want))
        return bad
    refs = [line.split(': ', 1)[0] for line in out.splitlines()]
    want = [n.ref for n in got]
    if st != (0 if got else 1) or refs != want:
        extra = [r for r in refs if r not in want]
        missing = [r for r in want if r not in refs]
        bad.append('search: exit %d, %d nodes; the oracle finds %d (charta '
                   'only: %s; oracle only: %s)%s' % (
                       st, len(refs), len(want), ' '.join(extra[:8]) or '-',
                       ' '.join(missing[:8]) or '-',
                       ' ' + err.strip() if err.strip() else ''))
    if not count:
        return bad
    per = counts(got)
    lines = ['%s: %s' % (slug, describe({slug: c})[:-len(' in 1 document')])
             for slug, c in per.items()]
    lines.append('total: %s' % describe(per))
    if cst != (0 if got else 1) or cout.splitlines() != lines:
        bad.append('search --count: exit %d, "%s"; the oracle counts "%s"'
                   % (cst, ' / '.join(cout.splitlines()), ' / '.join(lines)))
    return bad


def read_queries(path):
    qs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line and not line.startswith('#'):
                qs.append(line)
    return qs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--dump', required=True)
    ap.add_argument('--queries', required=True)
    ap.add_argument('--charta')
    ap.add_argument('--db')
    ap.add_argument('--expect', type=int)
    ap.add_argument('--no-count', action='store_true')
    ap.add_argument('--jobs', type=int, default=2)
    a = ap.parse_args()

    with open(a.dump, encoding='utf-8') as f:
        nodes = [Node(line) for line in f]
    docs = {}
    for n in nodes:
        docs[ascii_lower(n.slug)] = n.slug
        if n.alias:
            docs[ascii_lower(n.alias)] = n.slug
    queries = read_queries(a.queries)

    if a.expect is not None:
        step = max(1, len(queries) // a.expect)
        sample = queries[::step][:a.expect]
        errors = [q for q in queries if q not in sample and
                  oracle(nodes, docs, q)[0] == 'error']
        sample += errors[::max(1, len(errors) // 6)][:6]
        for q in sample:
            what, got = oracle(nodes, docs, q)
            if what == 'error':
                same = [oracle(nodes, docs, q[:k]) for k in range(len(q))]
                if got.kind == 'empty' or any(
                        w == 'error' and (e.kind, e.column) ==
                        (got.kind, got.column) for w, e in same):
                    continue
                print('%s\terror\t%d\t%s' % (q, got.column,
                                             ERROR_TEXT[got.kind]))
            elif not got:
                print('%s\tnone' % q)
            else:
                per = counts(got)
                print('%s\tcount\t%d\t%d\t%d' % (
                    q, sum(c[0] for c in per.values()),
                    sum(c[1] for c in per.values()), len(per)))
        return 0

    disagree = 0
    with concurrent.futures.ThreadPoolExecutor(a.jobs) as pool:
        results = pool.map(lambda q: check(nodes, docs, q, a.charta, a.db,
                                           not a.no_count), queries)
        for q, bad in zip(queries, results):
            for b in bad:
                print('query %s: %s' % (q, b))
            disagree += 1 if bad else 0
    print('%d queries, %d disagreements' % (len(queries), disagree))
    return 1 if disagree else 0


if __name__ == '__main__':
    sys.exit(main())
