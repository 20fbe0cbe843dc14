import RapportCore

extension FileStore {
    /// Every problem in the store: files that cannot be read, stray or leftover files,
    /// and inconsistencies inside each account. Empty when the store is sound.
    public func check(today: Day) -> [StoreProblem] {
        var problems: [StoreProblem] = []
        do {
            _ = try readStoreFile()
        } catch {
            problems.append(StoreProblem(path: storeFilePath, reason: "\(error)"))
        }
        do {
            for name in try listAccountFiles().strays where !Self.isTemporaryFileName(name) {
                let reason = "not an account file (account files are named <id>.json)"
                problems.append(StoreProblem(path: "\(accountsDirectory)/\(name)", reason: reason))
            }
        } catch {
            problems.append(StoreProblem(path: accountsDirectory, reason: "\(error)"))
        }
        problems += leftoverProblems()
        let snapshot = loadAll()
        problems += snapshot.problems
        problems += checkIndex(snapshot.accounts)
        problems += duplicateKeys(snapshot.accounts)
        for loaded in snapshot.accounts {
            for issue in loaded.account.validate(today: today) {
                problems.append(StoreProblem(path: path(of: loaded.account.id), reason: issue.description))
            }
        }
        return problems
    }
}
