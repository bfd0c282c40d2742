/*
 * gen-corpus.c -- a deterministic generator of synthetic charta sources for
 * the benchmarks (see bench/README).
 *
 * Usage: gen-corpus [-s SEED] [-m MODE] NDOCS PARAS_PER_DOC OUTDIR
 *
 * Writes OUTDIR/d00001.md ... one file per document in the charta source
 * format (doc/source-format.md): front matter, "# Chapter ... {#cN .chapter
 * label=ROMAN}" headings, "## ... {#cN-aM .action label=ROMAN.M}" headings,
 * and paragraphs of English-like text drawn from a fixed word list with a
 * Zipf-like distribution and a fixed-seed PRNG (splitmix64).  A few words
 * are not ASCII ("coöperation", "Straße", "ICÁNN", CJK phrases) so that
 * case and accent folding is exercised, and a few blocks are epigraphs or
 * carry inline emphasis.  Document k depends only on SEED, MODE and k, so
 * the output is the same on every machine and for every NDOCS.
 *
 * MODE is "normal" (the default: paragraphs of one to five sentences,
 * about 300 bytes, three to nine sections of two to eight paragraphs in a
 * chapter), "short" (the same structure, but every paragraph is one
 * sentence of three to eight words, about 50 bytes) or "headings" (every
 * paragraph, a short one, has a section heading of its own, ten sections
 * to a chapter: a corpus of as many headings as paragraphs).
 *
 * Vocabulary for the benchmark queries: "governance" is a common word
 * (in about 1 paragraph in 7), "infrastructure" a less common one (1 in
 * 15), "cyber" and "rules" are common, and "palimpsest" is rare (about 1
 * paragraph in 1600).
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static uint64_t	rng_state;

static uint64_t
rng_next(void)
{
	uint64_t	z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [lo, hi]. */
static unsigned
rng_range(unsigned lo, unsigned hi)
{
	return lo + (unsigned)(rng_next() % (uint64_t)(hi - lo + 1));
}

/* True with probability 1/n. */
static int
rng_one_in(unsigned n)
{
	return rng_next() % n == 0;
}

/*
 * The word list in order of frequency (Zipf: the word of rank r has weight
 * 1/(r + 2)).  Function words first, then the domain's vocabulary.
 */
static const char *const words[] = {
	/* 0 */
	"the", "of", "and", "to", "in", "a", "for", "on", "that", "with",
	"as", "by", "is", "be", "should", "all", "international", "countries",
	"cyberspace", "their", "its", "will", "are", "which", "from", "this",
	"security", "development", "cooperation", "an",
	/* 30 */
	"cyber", "information", "community", "shared", "other", "at",
	"countries'", "through", "more", "digital", "technology", "global",
	"it", "state", "also", "Internet", "rules", "promote", "support",
	"they", "order", "peace", "we", "new", "such", "between", "network",
	"public", "economic", "national",
	/* 60 */
	"governance", "future", "policy", "systems", "common", "open",
	"rights", "data", "not", "have", "principles", "each", "efforts",
	"mutual", "respect", "build", "can", "platform", "trust", "dialogue",
	"sovereignty", "law", "services", "protection", "has", "into", "stable",
	"parties", "own", "exchange",
	/* 90 */
	"interests", "level", "social", "innovation", "measures", "jointly",
	"responsibility", "growth", "secure", "critical", "work", "capacity",
	"world", "resources", "under", "access", "standards", "among",
	"benefits", "industry", "regional", "strategy", "framework", "basis",
	"joint", "market", "participation", "research", "response", "use",
	/* 120 */
	"these", "while", "equal", "based", "terrorism", "crime", "privacy",
	"trade", "partners", "technical", "enterprises", "citizens", "roles",
	"agreement", "bilateral", "multilateral", "transparent", "democratic",
	"organizations", "legal", "emergency", "communication", "culture",
	"education", "talent", "training", "products", "supply", "chain",
	"openness",
	/* 150 */
	"infrastructure", "stability", "consensus", "mechanisms", "platforms",
	"governments", "businesses", "individuals", "technologies", "networks",
	"activities", "channels", "initiatives", "programs", "institutions",
	"coöperation", "Straße", "ICÁNN", "naïve", "façade", "rôle", "Zürich",
	"encourage", "foster", "ensure", "uphold", "oppose", "advance",
	"enhance", "deepen",
	/* 180 */
	"broaden", "safeguard", "address", "facilitate", "strengthen",
	"improve", "establish", "maintain", "explore", "implement", "accelerate",
	"coordinate", "harmonize", "reinforce", "expand", "integrate",
	"prosperity", "inclusive", "sustainable", "resilient", "equitable",
	"orderly", "peaceful", "cooperative", "balanced", "comprehensive",
	"pragmatic", "effective", "responsible", "legitimate",
	/* 210 */
	"economy", "commerce", "finance", "energy", "transport", "health",
	"agriculture", "manufacturing", "logistics", "telecommunications",
	"satellites", "cables", "routers", "servers", "domains", "addresses",
	"protocols", "encryption", "authentication", "identity", "certificates",
	"vulnerabilities", "incidents", "attacks", "threats", "risks",
	"hegemony", "interference", "surveillance", "espionage",
	/* 240 */
	"norms", "treaty", "convention", "charter", "resolution", "assembly",
	"council", "committee", "secretariat", "forum", "summit", "conference",
	"workshop", "seminar", "delegation", "ministry", "administration",
	"agency", "authority", "commission", "bureau", "office", "department",
	"division", "center", "institute", "academy", "university", "laboratory",
	"foundation",
	/* 270 */
	"village", "frontier", "engine", "carrier", "bridge", "domain",
	"channel", "space", "horizon", "vision", "mission", "journey", "path",
	"road", "belt", "silk", "ocean", "mountain", "river", "harvest",
	"seed", "garden", "lantern", "compass", "anchor", "harbor", "beacon",
	"tapestry", "mosaic", "symphony",
	/* 300 */
	"quickly", "steadily", "jointly", "widely", "deeply", "firmly",
	"actively", "fully", "broadly", "closely", "gradually", "continuously",
	"effectively", "responsibly", "openly", "fairly", "equally", "mutually",
	"globally", "regionally", "nationally", "locally", "digitally",
	"technically", "legally", "politically", "economically", "socially",
	"culturally", "historically",
	/* 330 */
	"accountability", "interoperability", "connectivity", "accessibility",
	"affordability", "availability", "reliability", "integrity",
	"confidentiality", "sustainability", "transparency", "inclusiveness",
	"diversity", "solidarity", "friendship", "harmony", "justice",
	"fairness", "equity", "dignity", "freedom", "autonomy", "independence",
	"interdependence", "globalization", "multipolarity", "modernization",
	"urbanization", "digitalization", "informatization",
};
#define NWORDS	(sizeof words / sizeof words[0])

/* Whole phrases dropped in now and then: CJK and a rare word. */
static const char *const cjk[] = {
	"网络空间命运共同体", "互联网治理", "数字经济", "和平、安全、开放、合作",
	"サイバー空間", "인터넷 거버넌스",
};
#define NCJK	(sizeof cjk / sizeof cjk[0])

static const char *const titles[] = {
	"Opportunities and Challenges", "Basic Principles", "Strategic Goals",
	"Plan of Action", "Shared Governance", "Digital Economy",
	"Critical Infrastructure", "Capacity Building", "Rules and Norms",
	"Cultural Exchange", "Emergency Response", "Data Protection",
	"Technical Standards", "Regional Cooperation", "Closing Remarks",
	"Coöperation in Zürich", "Straße und Netz", "ICÁNN and the Root",
};
#define NTITLES	(sizeof titles / sizeof titles[0])

enum gen_mode {
	GEN_NORMAL,
	GEN_SHORT,		/* one short sentence a paragraph */
	GEN_HEADINGS,		/* a heading for every paragraph */
};

static double	cdf[NWORDS];

static void
cdf_init(void)
{
	double	sum = 0;
	size_t	i;

	for (i = 0; i < NWORDS; i++)
		sum += 1.0 / (double)(i + 2);
	for (i = 0; i < NWORDS; i++)
		cdf[i] = (i ? cdf[i - 1] : 0) + 1.0 / (double)(i + 2) / sum;
	cdf[NWORDS - 1] = 1.0;
}

static const char *
pick_word(void)
{
	double	u = (double)(rng_next() >> 11) / 9007199254740992.0;
	size_t	lo = 0, hi = NWORDS - 1;

	while (lo < hi) {
		size_t	mid = (lo + hi) / 2;

		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return words[lo];
}

static void
roman(char *out, unsigned n)
{
	static const struct { unsigned v; const char *s; } r[] = {
		{ 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" },
		{ 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
		{ 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
	};
	size_t	i;

	*out = '\0';
	for (i = 0; i < sizeof r / sizeof r[0]; i++)
		while (n >= r[i].v) {
			strcat(out, r[i].s);
			n -= r[i].v;
		}
}

/* One sentence of lo to hi words, capitalised, with a comma or two. */
static void
sentence(FILE *f, unsigned lo, unsigned hi)
{
	unsigned	n = rng_range(lo, hi), k;
	const char	*w;

	for (k = 0; k < n; k++) {
		if (rng_one_in(100000))
			w = "palimpsest";
		else if (rng_one_in(600))
			w = cjk[rng_range(0, NCJK - 1)];
		else
			w = pick_word();
		if (k > 0)
			fputc(' ', f);
		if (k == 0 && w[0] >= 'a' && w[0] <= 'z') {
			fputc(w[0] - 'a' + 'A', f);
			fputs(w + 1, f);
		} else if (k > 0 && rng_one_in(150))
			fprintf(f, "*%s*", w);		/* emphasis */
		else
			fputs(w, f);
		if (k > 2 && k + 3 < n && rng_one_in(9))
			fputc(',', f);
	}
	fputc('.', f);
}

static void
paragraph(FILE *f, enum gen_mode mode)
{
	unsigned	n, k;

	if (mode != GEN_NORMAL) {
		sentence(f, 3, 8);
		fputs("\n\n", f);
		return;
	}
	n = rng_range(1, 5);
	if (rng_one_in(40))
		fputs("> {.epigraph} ", f);
	for (k = 0; k < n; k++) {
		if (k > 0)
			fputc(' ', f);
		sentence(f, 6, 24);
	}
	fputs("\n\n", f);
}

static int
gen_doc(const char *dir, unsigned d, unsigned paras, uint64_t seed,
    enum gen_mode mode)
{
	char		 path[4096], rn[32];
	FILE		*f;
	unsigned	 done = 0, ch = 0, a, na, k, np;

	rng_state = seed * 0x100000001b3ULL + d + (uint64_t)mode * 0x9e3779b9ULL;
	snprintf(path, sizeof path, "%s/d%05u.md", dir, d);
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "gen-corpus: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "---\nslug: bench-%05u\nalias: b%u\n"
	    "title: Synthetic Strategy Number %u on Cyberspace Coöperation\n"
	    "short: Synthetic %u\nissuer: The Benchmark Ministry\n"
	    "date: 20%02u-%02u-%02u\nlanguage: en\nkind: strategy\n---\n\n",
	    d, d, d, d, 10 + d % 15, 1 + d % 12, 1 + d % 28);
	/* Two preface paragraphs before the first heading. */
	for (k = 0; k < 2 && done < paras; k++, done++)
		paragraph(f, mode);
	while (done < paras) {
		ch++;
		roman(rn, ch);
		fprintf(f, "# Chapter %s. %s {#c%u .chapter label=%s}\n\n", rn,
		    titles[rng_range(0, NTITLES - 1)], ch, rn);
		if (mode != GEN_HEADINGS)
			for (k = rng_range(1, 3); k > 0 && done < paras;
			    k--, done++)
				paragraph(f, mode);
		na = mode == GEN_HEADINGS ? 10 : rng_range(3, 9);
		for (a = 1; a <= na && done < paras; a++) {
			fprintf(f, "## %u. %s {#c%u-a%u .action label=%s.%u}\n\n",
			    a, titles[rng_range(0, NTITLES - 1)], ch, a, rn, a);
			np = mode == GEN_HEADINGS ? 1 : rng_range(2, 8);
			for (k = 0; k < np && done < paras; k++, done++)
				paragraph(f, mode);
		}
	}
	if (fclose(f) == EOF) {
		fprintf(stderr, "gen-corpus: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static int
usage(void)
{
	fprintf(stderr, "usage: gen-corpus [-s SEED] [-m normal|short|headings] "
	    "NDOCS PARAS_PER_DOC OUTDIR\n");
	return 2;
}

/* A whole decimal number in [0, max] into *n; -1 if s is not one. */
static int
number_arg(const char *s, unsigned long long max, unsigned long long *n)
{
	char	*end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*n = strtoull(s, &end, 10);
	return errno != 0 || *end != '\0' || *n > max ? -1 : 0;
}

int
main(int argc, char **argv)
{
	unsigned long long	seed = 20170301, ndocs, paras, d;
	enum gen_mode		mode = GEN_NORMAL;
	int			ch;

	while ((ch = getopt(argc, argv, "s:m:")) != -1) {
		switch (ch) {
		case 's':
			if (number_arg(optarg, UINT64_MAX, &seed) == -1)
				return usage();
			break;
		case 'm':
			if (strcmp(optarg, "normal") == 0)
				mode = GEN_NORMAL;
			else if (strcmp(optarg, "short") == 0)
				mode = GEN_SHORT;
			else if (strcmp(optarg, "headings") == 0)
				mode = GEN_HEADINGS;
			else
				return usage();
			break;
		default:
			return usage();
		}
	}
	if (argc - optind != 3)
		return usage();
	if (number_arg(argv[optind], 99999, &ndocs) == -1 || ndocs == 0 ||
	    number_arg(argv[optind + 1], 1000000, &paras) == -1 ||
	    paras == 0) {
		fprintf(stderr, "gen-corpus: NDOCS must be 1 to 99999 and "
		    "PARAS_PER_DOC 1 to 1000000\n");
		return 2;
	}
	if (mkdir(argv[optind + 2], 0777) == -1 && errno != EEXIST) {
		fprintf(stderr, "gen-corpus: %s: %s\n", argv[optind + 2],
		    strerror(errno));
		return 1;
	}
	cdf_init();
	for (d = 1; d <= ndocs; d++)
		if (gen_doc(argv[optind + 2], (unsigned)d, (unsigned)paras,
		    (uint64_t)seed, mode) == -1)
			return 1;
	return 0;
}
