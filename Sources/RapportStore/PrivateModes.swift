#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// A store holds notes on customers: only its user may read it. Rapport creates its files
// 0600 and its directories 0700, but a store copied, unpacked or cloned with git arrives
// 0644 and 0755, and stayed so for good. Opening a store makes what Rapport writes
// private again; account files are tightened as they are listed (D41).
extension FileStore {
    /// Makes the store's directories 0700 and its own files 0600 where group or others
    /// had any permission. Quietly: what cannot be changed (not this user's) is left.
    func tightenModes() {
        for directory in [root, accountsDirectory, index.directory] { tighten(directory, to: 0o700) }
        for file in [storeFilePath, lockPath] { tighten(file, to: 0o600) }
    }

    private func tighten(_ path: String, to mode: mode_t) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & 0o077 != 0, info.st_uid == geteuid() else { return }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFDIR || kind == S_IFREG else { return }
        _ = chmod(path, mode)
    }
}
