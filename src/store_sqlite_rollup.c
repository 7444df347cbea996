/*
 * store_sqlite_rollup.c: implements the SQLite back end's rollup sums
 * (store_sqlite_rollup.h): what a batch changes in rollup_hour and
 * rollup_mos, summed per key in memory and written once per key.
 *
 * DESIGN. The contribution of a call is defined in SQL only
 * (STORE_SQLITE_SQL_CONTRIB: its hour, talk and ringing times, each
 * side's MOS, loss, jitter, reasons); this file does what the GROUP BY
 * of the rollup statements did before: count and sum, per key, with the
 * same rules (count(x): x not NULL; total(x): the sum of those; a band
 * by the G.107 edges of sql/sqlite/views.sql). Measured under callgrind
 * on the load generator's messages (start times over 30 days, so about
 * one key per call and side), SQLite's seven GROUP BY passes over the
 * batch's contributions cost more than the upserts they fed.
 *
 * Two hash tables (open addressing, linear probing, at most half full,
 * over a dense array of entries): one entry per (hour, node) with the
 * three sides' sums, one per (node, side and kind, hour, mos) with a
 * count. Each entry owns a copy of its hour and node. The arrays keep
 * their size between transactions: a batch of B calls needs at most B
 * hour entries (about 650 bytes each) and 4 B MOS entries.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store_sqlite_rollup.h"
#include "util.h"

#define RSUM_SIDES	3	/* 'call', 'A', 'B' */
#define RSUM_BANDS	6
#define RSUM_REASONS	6
#define RSUM_HISTS	4	/* the rollup_mos kinds below */
#define RSUM_INITIAL	1024	/* slots of a new table (a power of 2) */

static const char *const rsum_side_name[RSUM_SIDES] = { "call", "A", "B" };

/* mos_missing reasons in the order of rollup_hour's no_mos_* columns. */
static const char *const rsum_reason[RSUM_REASONS] = {
	"no_media", "no_rtcp", "too_short", "no_reply", "unknown",
	"peer_no_rtcp"
};

/* rollup_mos: which MOS of a contribution, as (side, kind). */
static const struct {
	int side;
	int col;
	const char *kind;
} rsum_hist[RSUM_HISTS] = {
	{ 0, RSUM_AVG, "average" }, { 0, RSUM_MIN, "min" },
	{ 1, RSUM_AVG, "average" }, { 2, RSUM_AVG, "average" },
};

/* One side's sums of a rollup_hour key, in the table's column order. */
struct rsum_side {
	int64_t calls, with_mos, mos_calls;
	double mos_sum;
	int64_t band[RSUM_BANDS];
	int64_t loss_calls;
	double loss_sum;
	int64_t jitter_calls;
	double jitter_sum;
	int64_t no_mos[RSUM_REASONS];
	int64_t talk_calls;
	double talk_s;
	int64_t ringing_calls;
	double ringing_s;
	int64_t a_worse, b_worse;
};

/* Invariant: key is "hour\0node\0", owned; node points into it. */
struct rsum_hour {
	char *key;
	const char *node;
	uint64_t hash;
	struct rsum_side side[RSUM_SIDES];
};

struct rsum_mos {
	char *key;		/* as in rsum_hour */
	const char *node;
	uint64_t hash;
	int hist;		/* index of rsum_hist */
	double mos;
	int64_t calls;
};

/*
 * A table: n entries, dense, in ent (cap of them allocated); slot[] has
 * nslot (a power of 2, at least twice n) entries, 0 for free or an
 * entry's index plus 1.
 */
struct rsum_table {
	void *ent;
	size_t n, cap, size;	/* size: of one entry */
	uint32_t *slot;
	size_t nslot;
};

/*
 * One call's stored figures (migration 013) as the pass after the
 * upserts read them: the six averages and minima mos_worst is the lowest
 * of, and the three sides' average losses; known[i] says whether v[i] is.
 */
enum { RFIG_C_AVG, RFIG_C_MIN, RFIG_A_AVG, RFIG_A_MIN, RFIG_B_AVG,
	RFIG_B_MIN, RFIG_C_LOSS, RFIG_A_LOSS, RFIG_B_LOSS, RFIG_N };
struct rsum_fig {
	sqlite3_int64 call_pk;
	double v[RFIG_N];
	bool known[RFIG_N];
	int any;		/* has_mos */
};

struct sqlite_rollup_sums {
	struct rsum_table hour;	/* of struct rsum_hour */
	struct rsum_table mos;	/* of struct rsum_mos */
	/* The calls of the passes with sign 1, nfig of capfig used. */
	struct rsum_fig *fig;
	size_t nfig, capfig;
};

static void
rsum_table_init(struct rsum_table *t, size_t size)
{
	t->size = size;
	t->nslot = RSUM_INITIAL;
	t->slot = xcalloc(t->nslot, sizeof(*t->slot));
}

struct sqlite_rollup_sums *
sqlite_rollup_sums_new(void)
{
	struct sqlite_rollup_sums *s = xcalloc(1, sizeof(*s));

	rsum_table_init(&s->hour, sizeof(struct rsum_hour));
	rsum_table_init(&s->mos, sizeof(struct rsum_mos));
	return s;
}

void
sqlite_rollup_sums_clear(struct sqlite_rollup_sums *s)
{
	struct rsum_hour *h = s->hour.ent;
	struct rsum_mos *m = s->mos.ent;
	size_t i;

	for (i = 0; i < s->hour.n; i++)
		free(h[i].key);
	for (i = 0; i < s->mos.n; i++)
		free(m[i].key);
	if (s->hour.n > 0)
		memset(s->hour.slot, 0, s->hour.nslot * sizeof(uint32_t));
	if (s->mos.n > 0)
		memset(s->mos.slot, 0, s->mos.nslot * sizeof(uint32_t));
	s->hour.n = s->mos.n = 0;
	s->nfig = 0;
}

void
sqlite_rollup_sums_free(struct sqlite_rollup_sums *s)
{
	if (s == NULL)
		return;
	sqlite_rollup_sums_clear(s);
	free(s->hour.ent);
	free(s->hour.slot);
	free(s->mos.ent);
	free(s->mos.slot);
	free(s->fig);
	free(s);
}

/* FNV-1a over the bytes of p, continuing from h. */
static uint64_t
rsum_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n-- > 0) {
		h ^= *b++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The hash of "hour\0node\0" (lengths hl and nl). */
static uint64_t
rsum_key_hash(const char *hour, size_t hl, const char *node, size_t nl)
{
	uint64_t h = 14695981039346656037ULL;

	h = rsum_fnv(h, hour, hl + 1);
	return rsum_fnv(h, node, nl + 1);
}

static bool
rsum_key_eq(const char *key, const char *hour, size_t hl, const char *node,
    size_t nl)
{
	return memcmp(key, hour, hl + 1) == 0 &&
	    memcmp(key + hl + 1, node, nl + 1) == 0;
}

static char *
rsum_key_new(const char *hour, size_t hl, const char *node, size_t nl,
    const char **nodep)
{
	char *k = xmalloc(hl + nl + 2);

	memcpy(k, hour, hl + 1);
	memcpy(k + hl + 1, node, nl + 1);
	*nodep = k + hl + 1;
	return k;
}

/* The hash of entry i (both entry types start with key, node, hash). */
static uint64_t
rsum_table_hash(const struct rsum_table *t, size_t i)
{
	const char *e = (const char *)t->ent + i * t->size;

	return ((const struct rsum_hour *)(const void *)e)->hash;
}

/* Room for one more entry: the entries' array and the slots doubled. */
static void
rsum_table_reserve(struct rsum_table *t)
{
	size_t i, j;

	if (t->n == t->cap) {
		t->cap = t->cap == 0 ? 256 : t->cap * 2;
		t->ent = xrealloc(t->ent, t->cap * t->size);
	}
	if ((t->n + 1) * 2 <= t->nslot)
		return;
	free(t->slot);
	t->nslot *= 2;
	t->slot = xcalloc(t->nslot, sizeof(*t->slot));
	for (i = 0; i < t->n; i++) {
		for (j = rsum_table_hash(t, i) & (t->nslot - 1); t->slot[j] != 0;
		    j = (j + 1) & (t->nslot - 1))
			;
		t->slot[j] = (uint32_t)i + 1;
	}
}

/* The entry of (hour, node), created empty when new. */
static struct rsum_hour *
rsum_hour_get(struct sqlite_rollup_sums *s, const char *hour, size_t hl,
    const char *node, size_t nl)
{
	struct rsum_table *t = &s->hour;
	uint64_t h = rsum_key_hash(hour, hl, node, nl);
	struct rsum_hour *ent, *e;
	size_t i;

	rsum_table_reserve(t);
	ent = t->ent;
	for (i = h & (t->nslot - 1); t->slot[i] != 0;
	    i = (i + 1) & (t->nslot - 1)) {
		e = &ent[t->slot[i] - 1];
		if (e->hash == h && rsum_key_eq(e->key, hour, hl, node, nl))
			return e;
	}
	e = &ent[t->n];
	memset(e, 0, sizeof(*e));
	e->key = rsum_key_new(hour, hl, node, nl, &e->node);
	e->hash = h;
	t->slot[i] = (uint32_t)++t->n;
	return e;
}

/* Adds sign to the count of (hour, node, hist, mos). */
static void
rsum_mos_add(struct sqlite_rollup_sums *s, const char *hour, size_t hl,
    const char *node, size_t nl, int hist, double mos, int sign)
{
	struct rsum_table *t = &s->mos;
	uint64_t h = rsum_key_hash(hour, hl, node, nl);
	struct rsum_mos *ent, *e;
	size_t i;

	h = rsum_fnv(h, &mos, sizeof(mos));
	h = rsum_fnv(h, &hist, sizeof(hist));
	rsum_table_reserve(t);
	ent = t->ent;
	for (i = h & (t->nslot - 1); t->slot[i] != 0;
	    i = (i + 1) & (t->nslot - 1)) {
		e = &ent[t->slot[i] - 1];
		if (e->hash == h && e->hist == hist && e->mos == mos &&
		    rsum_key_eq(e->key, hour, hl, node, nl)) {
			e->calls += sign;
			return;
		}
	}
	e = &ent[t->n];
	e->key = rsum_key_new(hour, hl, node, nl, &e->node);
	e->hash = h;
	e->hist = hist;
	e->mos = mos;
	e->calls = sign;
	t->slot[i] = (uint32_t)++t->n;
}

/* The G.107 band of an average MOS (sql/sqlite/views.sql's edges). */
static int
rsum_band(double mos)
{
	if (mos >= 4.34)
		return 0;
	if (mos >= 4.03)
		return 1;
	if (mos >= 3.60)
		return 2;
	if (mos >= 3.10)
		return 3;
	if (mos >= 2.58)
		return 4;
	return 5;
}

static bool
rsum_is_null(sqlite3_stmt *q, int col)
{
	return sqlite3_column_type(q, col) == SQLITE_NULL;
}

/* Whether the text column col is reason (SQL: col IS 'reason'). */
static bool
rsum_is(sqlite3_stmt *q, int col, const char *reason)
{
	const unsigned char *t = sqlite3_column_text(q, col);

	return t != NULL && strcmp((const char *)t, reason) == 0;
}

/*
 * One contribution row of q, times sign, into the sums. Returns -1 when
 * the row has no hour or node (not for a stored call: received_at and
 * node are NOT NULL), which the tables' NOT NULL would refuse too.
 */
static int
rsum_add_row(struct sqlite_rollup_sums *s, sqlite3_stmt *q, int sign)
{
	const char *hour = (const char *)sqlite3_column_text(q, RSUM_COL_HOUR);
	size_t hl = (size_t)sqlite3_column_bytes(q, RSUM_COL_HOUR);
	const char *node = (const char *)sqlite3_column_text(q, RSUM_COL_NODE);
	size_t nl = (size_t)sqlite3_column_bytes(q, RSUM_COL_NODE);
	double avg[RSUM_SIDES];
	bool has_avg[RSUM_SIDES];
	struct rsum_hour *e;
	int side, r, i;

	if (hour == NULL || node == NULL)
		return -1;
	e = rsum_hour_get(s, hour, hl, node, nl);
	for (side = 0; side < RSUM_SIDES; side++) {
		struct rsum_side *x = &e->side[side];
		int c = RSUM_COL_SIDE + side * RSUM_PER_SIDE;

		has_avg[side] = !rsum_is_null(q, c + RSUM_AVG);
		avg[side] = sqlite3_column_double(q, c + RSUM_AVG);
		x->calls += sign;
		x->with_mos += sign * sqlite3_column_int64(q, c + RSUM_ANY);
		if (has_avg[side]) {
			x->mos_calls += sign;
			x->mos_sum += sign * avg[side];
			x->band[rsum_band(avg[side])] += sign;
		}
		if (!rsum_is_null(q, c + RSUM_LOSS)) {
			x->loss_calls += sign;
			x->loss_sum += sign * sqlite3_column_double(q,
			    c + RSUM_LOSS);
		}
		if (!rsum_is_null(q, c + RSUM_JIT)) {
			x->jitter_calls += sign;
			x->jitter_sum += sign * sqlite3_column_double(q,
			    c + RSUM_JIT);
		}
		for (r = 0; r < RSUM_REASONS; r++) {
			bool ra = rsum_is(q, RSUM_COL_RA, rsum_reason[r]);
			bool rb = rsum_is(q, RSUM_COL_RB, rsum_reason[r]);

			/* 'call': no MOS at all and either leg's reason;
			 * a leg: its own reason. */
			if (side == 0 ? sqlite3_column_int64(q, c + RSUM_ANY) ==
			    0 && (ra || rb) : side == 1 ? ra : rb)
				x->no_mos[r] += sign;
		}
	}
	if (!rsum_is_null(q, RSUM_COL_TALK)) {
		e->side[0].talk_calls += sign;
		e->side[0].talk_s += sign * sqlite3_column_double(q,
		    RSUM_COL_TALK);
	}
	if (!rsum_is_null(q, RSUM_COL_RINGING)) {
		e->side[0].ringing_calls += sign;
		e->side[0].ringing_s += sign * sqlite3_column_double(q,
		    RSUM_COL_RINGING);
	}
	if (has_avg[1] && has_avg[2] && avg[1] < avg[2])
		e->side[0].a_worse += sign;
	if (has_avg[1] && has_avg[2] && avg[2] < avg[1])
		e->side[0].b_worse += sign;
	for (i = 0; i < RSUM_HISTS; i++) {
		int c = RSUM_COL_SIDE + rsum_hist[i].side * RSUM_PER_SIDE +
		    rsum_hist[i].col;

		if (!rsum_is_null(q, c))
			rsum_mos_add(s, hour, hl, node, nl, i,
			    sqlite3_column_double(q, c), sign);
	}
	return 0;
}

/*
 * The stored figures of the call in q's row, kept until the write: the
 * UPDATE of call waits until the query over call has ended.
 */
static void
rsum_fig_add(struct sqlite_rollup_sums *s, sqlite3_stmt *q)
{
	static const int col[RFIG_N] = {
		RSUM_COL_SIDE + RSUM_AVG, RSUM_COL_SIDE + RSUM_MIN,
		RSUM_COL_SIDE + RSUM_PER_SIDE + RSUM_AVG,
		RSUM_COL_SIDE + RSUM_PER_SIDE + RSUM_MIN,
		RSUM_COL_SIDE + 2 * RSUM_PER_SIDE + RSUM_AVG,
		RSUM_COL_SIDE + 2 * RSUM_PER_SIDE + RSUM_MIN,
		RSUM_COL_SIDE + RSUM_LOSS,
		RSUM_COL_SIDE + RSUM_PER_SIDE + RSUM_LOSS,
		RSUM_COL_SIDE + 2 * RSUM_PER_SIDE + RSUM_LOSS,
	};
	struct rsum_fig *f;
	int i;

	if (s->nfig == s->capfig) {
		s->capfig = s->capfig == 0 ? 256 : 2 * s->capfig;
		s->fig = xrealloc(s->fig, s->capfig * sizeof(*s->fig));
	}
	f = &s->fig[s->nfig++];
	f->call_pk = sqlite3_column_int64(q, RSUM_COL_CALL_PK);
	for (i = 0; i < RFIG_N; i++) {
		f->known[i] = !rsum_is_null(q, col[i]);
		f->v[i] = sqlite3_column_double(q, col[i]);
	}
	f->any = sqlite3_column_int64(q, RSUM_COL_SIDE + RSUM_ANY) != 0;
}

int
sqlite_rollup_sums_pass(struct sqlite_rollup_sums *s, sqlite3_stmt *contrib,
    int sign)
{
	int rc;

	while ((rc = sqlite3_step(contrib)) == SQLITE_ROW) {
		if (rsum_add_row(s, contrib, sign) == -1) {
			rc = SQLITE_CONSTRAINT_NOTNULL;
			break;
		}
		if (sign > 0)
			rsum_fig_add(s, contrib);
	}
	sqlite3_reset(contrib);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Whether every sum of x is 0 (-0.0 included): nothing to add. */
static bool
rsum_side_is_zero(const struct rsum_side *x)
{
	int i;

	for (i = 0; i < RSUM_BANDS; i++)
		if (x->band[i] != 0)
			return false;
	for (i = 0; i < RSUM_REASONS; i++)
		if (x->no_mos[i] != 0)
			return false;
	return x->calls == 0 && x->with_mos == 0 && x->mos_calls == 0 &&
	    x->mos_sum == 0 && x->loss_calls == 0 && x->loss_sum == 0 &&
	    x->jitter_calls == 0 && x->jitter_sum == 0 &&
	    x->talk_calls == 0 && x->talk_s == 0 && x->ringing_calls == 0 &&
	    x->ringing_s == 0 && x->a_worse == 0 && x->b_worse == 0;
}

/* Binds one side's sums to ?4 ... ?29 of ADD_HOUR. */
static void
rsum_bind_side(sqlite3_stmt *q, const struct rsum_side *x)
{
	int i, p = 4;

	sqlite3_bind_int64(q, p++, x->calls);
	sqlite3_bind_int64(q, p++, x->with_mos);
	sqlite3_bind_int64(q, p++, x->mos_calls);
	sqlite3_bind_double(q, p++, x->mos_sum);
	for (i = 0; i < RSUM_BANDS; i++)
		sqlite3_bind_int64(q, p++, x->band[i]);
	sqlite3_bind_int64(q, p++, x->loss_calls);
	sqlite3_bind_double(q, p++, x->loss_sum);
	sqlite3_bind_int64(q, p++, x->jitter_calls);
	sqlite3_bind_double(q, p++, x->jitter_sum);
	for (i = 0; i < RSUM_REASONS; i++)
		sqlite3_bind_int64(q, p++, x->no_mos[i]);
	sqlite3_bind_int64(q, p++, x->talk_calls);
	sqlite3_bind_double(q, p++, x->talk_s);
	sqlite3_bind_int64(q, p++, x->ringing_calls);
	sqlite3_bind_double(q, p++, x->ringing_s);
	sqlite3_bind_int64(q, p++, x->a_worse);
	sqlite3_bind_int64(q, p, x->b_worse);
}

static int
rsum_run(sqlite3_stmt *q)
{
	int rc = sqlite3_step(q);

	sqlite3_reset(q);
	return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
rsum_bind_or_null(sqlite3_stmt *q, int p, bool known, double v)
{
	if (known)
		sqlite3_bind_double(q, p, v);
	else
		sqlite3_bind_null(q, p);
}

/*
 * One call's figures to STORE_SQLITE_SQL_CALL_SET: mos_worst is the
 * lowest of the six known averages and minima, NULL when none is.
 */
static int
rsum_fig_write(sqlite3_stmt *q, const struct rsum_fig *f)
{
	bool worst_known = false;
	double worst = 0;
	int i;

	for (i = RFIG_C_AVG; i <= RFIG_B_MIN; i++)
		if (f->known[i] && (!worst_known || f->v[i] < worst)) {
			worst = f->v[i];
			worst_known = true;
		}
	sqlite3_bind_int64(q, 1, f->call_pk);
	rsum_bind_or_null(q, 2, f->known[RFIG_C_AVG], f->v[RFIG_C_AVG]);
	rsum_bind_or_null(q, 3, worst_known, worst);
	sqlite3_bind_int(q, 4, f->any);
	rsum_bind_or_null(q, 5, f->known[RFIG_C_LOSS], f->v[RFIG_C_LOSS]);
	rsum_bind_or_null(q, 6, f->known[RFIG_A_LOSS], f->v[RFIG_A_LOSS]);
	rsum_bind_or_null(q, 7, f->known[RFIG_B_LOSS], f->v[RFIG_B_LOSS]);
	return rsum_run(q);
}

int
sqlite_rollup_sums_write(struct sqlite_rollup_sums *s, sqlite3_stmt *hour,
    sqlite3_stmt *mos, sqlite3_stmt *figures)
{
	const struct rsum_hour *he = s->hour.ent;
	const struct rsum_mos *me = s->mos.ent;
	size_t i;
	int side, rc = SQLITE_OK;

	for (i = 0; i < s->hour.n && rc == SQLITE_OK; i++) {
		for (side = 0; side < RSUM_SIDES && rc == SQLITE_OK; side++) {
			if (rsum_side_is_zero(&he[i].side[side]))
				continue;
			sqlite3_bind_text(hour, 1, he[i].key, -1, SQLITE_STATIC);
			sqlite3_bind_text(hour, 2, he[i].node, -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(hour, 3, rsum_side_name[side], -1,
			    SQLITE_STATIC);
			rsum_bind_side(hour, &he[i].side[side]);
			rc = rsum_run(hour);
		}
	}
	for (i = 0; i < s->mos.n && rc == SQLITE_OK; i++) {
		if (me[i].calls == 0)
			continue;
		sqlite3_bind_text(mos, 1, me[i].node, -1, SQLITE_STATIC);
		sqlite3_bind_text(mos, 2,
		    rsum_side_name[rsum_hist[me[i].hist].side], -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(mos, 3, rsum_hist[me[i].hist].kind, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(mos, 4, me[i].key, -1, SQLITE_STATIC);
		sqlite3_bind_double(mos, 5, me[i].mos);
		sqlite3_bind_int64(mos, 6, me[i].calls);
		rc = rsum_run(mos);
	}
	for (i = 0; figures != NULL && i < s->nfig && rc == SQLITE_OK; i++)
		rc = rsum_fig_write(figures, &s->fig[i]);
	sqlite_rollup_sums_clear(s);
	return rc;
}
