#ifndef RAPPORT_CPREFETCH_SHIM_H
#define RAPPORT_CPREFETCH_SHIM_H

// A hint that memory will be read soon: the processor starts fetching its cache line and
// goes on. Swift has no way to say this; the due list's JSON reads its items scattered
// through memory and asks for each a few items ahead (D59).
static inline void rapport_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
