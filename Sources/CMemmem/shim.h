#ifndef RAPPORT_CMEMMEM_SHIM_H
#define RAPPORT_CMEMMEM_SHIM_H

// The C library's memmem (glibc, macOS), which Swift's Glibc module leaves out: glibc
// declares it only under _GNU_SOURCE, and that module's <string.h> is built without it.
#include <stddef.h>

void *memmem(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
