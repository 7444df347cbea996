/*
 * replay.c: a plain main() that feeds every file of the directories (or
 * the files) named on the command line to LLVMFuzzerTestOneInput(), so a
 * fuzz target's corpus runs in the normal test suite without clang or
 * libFuzzer. A target that finds a bug aborts, which fails the run.
 *
 * Files are replayed in name order, so a failing run is reproducible.
 * Prints "replayed N inputs" last; exits 1 when a path cannot be read.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Larger than any input a target is meant to see (MESSAGE_MAX + slack). */
#define REPLAY_FILE_MAX	(1024 * 1024)

static int
replay_file(const char *path, size_t *count)
{
	FILE *f;
	uint8_t *buf;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL) {
		perror(path);
		return -1;
	}
	/* Exactly the file's bytes in a buffer of that size: ASan sees
	 * any read past the end of the input. */
	buf = malloc(REPLAY_FILE_MAX);
	if (buf == NULL) {
		fclose(f);
		return -1;
	}
	n = fread(buf, 1, REPLAY_FILE_MAX, f);
	if (ferror(f)) {
		perror(path);
		free(buf);
		fclose(f);
		return -1;
	}
	fclose(f);
	buf = realloc(buf, n > 0 ? n : 1);
	if (buf == NULL)
		return -1;
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	(*count)++;
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
replay_dir(const char *dir, size_t *count)
{
	struct dirent *de;
	struct stat st;
	char **names = NULL, path[4096];
	size_t n = 0, cap = 0, i;
	DIR *d;
	int rc = 0;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			names = realloc(names, cap * sizeof(*names));
			if (names == NULL)
				abort();
		}
		if ((names[n++] = strdup(de->d_name)) == NULL)
			abort();
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), name_cmp);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    replay_file(path, count) == -1)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

int
main(int argc, char **argv)
{
	struct stat st;
	size_t count = 0;
	int i, rc = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			perror(argv[i]);
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i], &count) == -1)
				rc = 1;
		} else if (replay_file(argv[i], &count) == -1)
			rc = 1;
	}
	printf("replayed %zu inputs\n", count);
	return rc;
}
