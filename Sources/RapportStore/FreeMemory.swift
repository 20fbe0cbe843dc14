#if canImport(Glibc)
    import CMalloc
#endif

/// Memory the process freed but still holds, given back to the system.
enum FreeMemory {
    /// A list's work on every core is made and freed in the worker threads' own malloc
    /// arenas, which what the main thread allocates next does not reuse: glibc keeps
    /// those free pages, 40 MB of them after the app's open at 100,000 accounts, until
    /// asked. Asking costs a few milliseconds there (D57).
    static func giveBack() {
        #if canImport(Glibc)
            _ = malloc_trim(0)
        #endif
    }
}
