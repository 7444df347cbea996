/*
 * record_arena.c: implements the record parser's scratch arena
 * (record_int.h): the memory cJSON's tree of one message lives in.
 *
 * DESIGN. cJSON allocates every value and every string of its tree with
 * its own malloc() and frees each with its own free(); for a message of
 * 2 KB to 6 KB that is a few hundred calls each way, and with the walk of
 * cJSON_Delete() it cost about half of record_from_json() (callgrind,
 * docs/benchmark.md "CPU per message"). Inside record_arena_begin() ..
 * record_arena_end() cJSON's hooks instead take memory from a bump arena
 * owned by the calling thread, free() is a no-op, and the end of the
 * parse releases the whole tree at once, so record.c does not delete the
 * tree at all. No tree, string or buffer made by cJSON outlives the
 * parse: rec_pack() copies what the record keeps.
 *
 * Outside the window the hooks are plain malloc() and free(), so cJSON
 * used elsewhere in the process (tests, benchmarks) is unaffected. The
 * arena is per thread (thread-local) because cJSON's hooks take no
 * context; it holds no data from one call to the next (each parse starts
 * from an empty arena), so the parser stays pure: the same bytes give the
 * same record. A thread keeps at most REC_ARENA_KEEP bytes between
 * parses; a larger message borrows extra chunks that its end frees.
 *
 * Under AddressSanitizer the free part of the arena is poisoned, so a
 * read of a value after the parse (or beyond an allocation) is reported
 * as it would be with malloc.
 */
#include <pthread.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>

#include <cJSON.h>

#include "record_int.h"
#include "util.h"

/* The first arena of a thread, and the most it keeps between parses. */
#define REC_ARENA_FIRST	(64u << 10)
#define REC_ARENA_KEEP	(512u << 10)

#if defined(__SANITIZE_ADDRESS__)
#define REC_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REC_ARENA_ASAN 1
#endif
#endif
#ifdef REC_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define REC_POISON(p, n)	ASAN_POISON_MEMORY_REGION((p), (n))
#define REC_UNPOISON(p, n)	ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define REC_POISON(p, n)	((void)(p), (void)(n))
#define REC_UNPOISON(p, n)	((void)(p), (void)(n))
#endif

/* A chunk borrowed for one parse when the arena is full. */
struct rec_chunk {
	struct rec_chunk *next;
	alignas(max_align_t) unsigned char data[];
};

/*
 * Invariants: used <= cap; base holds cap bytes (NULL before the first
 * parse); extra lists the chunks borrowed since begin; need counts every
 * byte asked for since begin (what the arena should hold next time).
 */
struct rec_arena {
	unsigned char *base;
	size_t cap, used, need;
	struct rec_chunk *extra;
	bool active;
};

static _Thread_local struct rec_arena rec_arena;
static pthread_once_t rec_hooks_once = PTHREAD_ONCE_INIT;
/* Frees a thread's arena when the thread ends. */
static pthread_key_t rec_arena_key;

static void *
rec_arena_malloc(size_t n)
{
	struct rec_arena *a = &rec_arena;
	struct rec_chunk *c;
	size_t sz;
	void *p;

	if (!a->active)
		return malloc(n);
	/* Rounded up so that every block stays aligned for any type. */
	sz = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
	if (sz < n)
		return NULL;
	a->need += sz;
	if (sz <= a->cap - a->used) {
		p = a->base + a->used;
		a->used += sz;
		REC_UNPOISON(p, n);
		return p;
	}
	if (sz > SIZE_MAX - sizeof(*c) ||
	    (c = malloc(sizeof(*c) + sz)) == NULL)
		return NULL;
	c->next = a->extra;
	a->extra = c;
	return c->data;
}

static void
rec_arena_free(void *p)
{
	/* Inside a parse everything goes at its end. */
	if (!rec_arena.active)
		free(p);
}

static void
rec_arena_exit(void *arg)
{
	struct rec_arena *a = arg;

	free(a->base);
	a->base = NULL;
}

static void
rec_arena_hooks(void)
{
	cJSON_Hooks h = { rec_arena_malloc, rec_arena_free };

	if (pthread_key_create(&rec_arena_key, rec_arena_exit) != 0)
		abort();	/* no key left: as fatal as no memory */
	cJSON_InitHooks(&h);
}

void
record_arena_begin(void)
{
	struct rec_arena *a = &rec_arena;

	pthread_once(&rec_hooks_once, rec_arena_hooks);
	if (a->base == NULL) {
		a->cap = REC_ARENA_FIRST;
		a->base = xmalloc(a->cap);
		REC_POISON(a->base, a->cap);
		pthread_setspecific(rec_arena_key, a);
	}
	a->used = 0;
	a->need = 0;
	a->active = true;
}

void
record_arena_end(void)
{
	struct rec_arena *a = &rec_arena;
	struct rec_chunk *c, *next;
	size_t cap;

	for (c = a->extra; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->extra = NULL;
	a->active = false;
	/* Grow to what this parse needed, within REC_ARENA_KEEP, so that
	 * the next message of that size is one block again. */
	if (a->need > a->cap && a->cap < REC_ARENA_KEEP) {
		for (cap = a->cap; cap < a->need && cap < REC_ARENA_KEEP;)
			cap *= 2;
		free(a->base);
		a->cap = cap;
		a->base = xmalloc(a->cap);
	}
	REC_POISON(a->base, a->cap);
	a->used = 0;
}
