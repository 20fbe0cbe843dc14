#ifndef RAPPORT_CMALLOC_SHIM_H
#define RAPPORT_CMALLOC_SHIM_H

// glibc's malloc_trim, which Swift's Glibc module leaves out (it does not build <malloc.h>).
#if defined(__GLIBC__) || defined(__linux__)
#include <malloc.h>
#endif

#endif
