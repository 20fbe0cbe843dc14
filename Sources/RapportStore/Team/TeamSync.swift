import FoundationEssentials
import RapportCore

/// `rapport sync`: the store shared with a team through git (D47). Commits what changed
/// here with a message that says what was done, merges what others pushed with the
/// record-level driver (`rapport merge-file`), pushes, and says what came in. Every git
/// step is the real `git`; a step that fails leaves the local commit and a clear message,
/// and the next sync finishes the job.
public struct TeamSync {
    /// The oldest git this has been tried with; older ones lack nothing it uses but are untested.
    public static let minimumGitVersion = "2.25"

    /// What a sync did, line by line, and whether it finished.
    public struct Report: Equatable, Sendable {
        public var lines: [String] = []
        /// Set when a step failed: what happened and what to do.
        public var failure: String?
        /// The subject of the commit made of the local changes, when there were any.
        public var committed: String?
        /// Set when there is no remote to share with yet (the commit stays local).
        public var noRemote = false
        /// What came in from others, a line per change.
        public var incoming: [String] = []
        /// Merge conflicts the merge recorded, to settle.
        public var conflicts: [String] = []

        public init(
            lines: [String] = [], failure: String? = nil, committed: String? = nil, noRemote: Bool = false,
            incoming: [String] = [], conflicts: [String] = []
        ) {
            self.lines = lines
            self.failure = failure
            self.committed = committed
            self.noRemote = noRemote
            self.incoming = incoming
            self.conflicts = conflicts
        }
    }

    let store: FileStore
    let git: Git
    /// The command git runs as the merge driver: this binary's `merge-file`.
    let driverCommand: String
    let today: Day
    let remoteName = "origin"

    public init(store: FileStore, rapportBinary: String, today: Day) {
        self.store = store
        self.git = Git(in: store.root)
        self.driverCommand = "\(Self.shellQuoted(rapportBinary)) merge-file %O %A %B %P"
        self.today = today
    }

    // MARK: Setting up

    /// Makes the store a repository (or uses the one it is in), writes `.gitattributes`,
    /// registers the driver and, given one, sets the remote. Safe to run again.
    public func setUp(remote: String?) throws(SyncFailure) -> [String] {
        var lines: [String] = []
        try checkGit()
        if git.value(["rev-parse", "--show-toplevel"]) == nil {
            try must(git.run(["init", "-q"]), "make the store a git repository")
            _ = git.run(["symbolic-ref", "HEAD", "refs/heads/main"])
            lines.append("Made \(store.root) a git repository.")
        }
        let attributes = store.root + "/.gitattributes"
        let wanted = Self.attributesText
        let existing = (try? POSIXFile.read(attributes)).flatMap { $0 }.map {
            String(decoding: $0, as: UTF8.self)
        }
        // Written once; the team's own lines, if the file has any, are kept above ours.
        if existing?.contains("merge=rapport") != true {
            let text = existing.map { $0 + "\n" + wanted } ?? wanted
            do {
                try POSIXFile.writeAtomically(Data(text.utf8), to: attributes, mode: 0o644)
            } catch {
                throw SyncFailure("could not write \(attributes): \(error)")
            }
        }
        try must(
            git.run(["config", "merge.rapport.name", "Rapport: account files merged record by record"]),
            "register the merge driver")
        try must(git.run(["config", "merge.rapport.driver", driverCommand]), "register the merge driver")
        if let remote {
            let exists = git.value(["remote", "get-url", remoteName]) != nil
            try must(
                git.run(["remote", exists ? "set-url" : "add", remoteName, remote]),
                "set the remote \(remote)")
            lines.append("The team's remote is \(remote).")
        }
        return lines
    }

    /// `.gitattributes` in the store: account files and `store.json` go through the driver.
    static let attributesText = """
        # Rapport merges these record by record (rapport sync wrote this; see rapport merge-file)
        accounts/*.json merge=rapport
        store.json merge=rapport

        """

    // MARK: Syncing

    /// Commits, merges what others pushed, pushes. `remote` on the first sync names where.
    public func sync(initialRemote remote: String? = nil) -> Report {
        var report = Report()
        do {
            report.lines += try setUp(remote: remote)
            try finishUnfinishedMerge(&report)
            try commitLocalChanges(&report)
            guard git.value(["remote", "get-url", remoteName]) != nil else {
                report.noRemote = true
                report.lines.append(
                    "No remote to share with yet: run 'rapport sync --init URL' with the team's repository "
                        + "(a bare repository any teammate can reach).")
                return report
            }
            try pullAndPush(&report, attempts: 3)
        } catch {
            report.failure = error.description
        }
        return report
    }

    private func checkGit() throws(SyncFailure) {
        guard git.value(["--version"]) != nil else {
            throw SyncFailure(
                "git is not installed or not on PATH; Rapport shares a store through git \(Self.minimumGitVersion) or later"
            )
        }
    }

    /// A merge a killed sync (or a person) left open: committed when nothing is unmerged.
    private func finishUnfinishedMerge(_ report: inout Report) throws(SyncFailure) {
        guard git.value(["rev-parse", "-q", "--verify", "MERGE_HEAD"]) != nil else { return }
        let unmerged = git.value(["diff", "--relative", "--name-only", "--diff-filter=U", "--", "."]) ?? ""
        guard unmerged.isEmpty else {
            throw SyncFailure(
                "a merge is unfinished and these files are unmerged: "
                    + unmerged.split(separator: "\n").joined(separator: ", ")
                    + "; fix them (rapport check names what is wrong) and run rapport sync again, "
                    + "or run 'git merge --abort' to go back")
        }
        try must(git.run(["commit", "-q", "--no-edit"], identity: identity), "finish the merge left open")
        report.lines.append("Finished a merge a previous sync left open.")
    }

    /// Commits every change in the store with a message that says what was done.
    private func commitLocalChanges(_ report: inout Report) throws(SyncFailure) {
        try must(git.run(["add", "-A", "--", "."]), "stage the store's changes")
        let changed =
            git.value(["diff", "--cached", "--relative", "--name-only", "--no-renames", "--", "."]) ?? ""
        guard !changed.isEmpty else { return }
        let hasHead = git.value(["rev-parse", "-q", "--verify", "HEAD"]) != nil
        let lines = describe(
            changed.split(separator: "\n").map(String.init), from: hasHead ? "HEAD" : nil, to: nil)
        let message =
            AccountChangeDescription.subject(lines)
            + (lines.count > 1 ? "\n\n" + lines.map { "- \($0)" }.joined(separator: "\n") + "\n" : "\n")
        try must(
            git.run(["commit", "-q", "-F", "-"], input: message, identity: identity),
            "commit the store's changes")
        report.committed = AccountChangeDescription.subject(lines)
        report.lines.append("Committed: \(AccountChangeDescription.subject(lines))")
    }

    private func pullAndPush(_ report: inout Report, attempts: Int) throws(SyncFailure) {
        let branch = git.value(["symbolic-ref", "--short", "HEAD"]) ?? "main"
        let fetch = git.run(["fetch", "-q", remoteName])
        guard fetch.succeeded else {
            throw SyncFailure(
                "could not reach \(remoteName) (\(fetch.reason)); your changes are committed here and "
                    + "nothing was lost: run rapport sync again when the remote can be reached")
        }
        let upstream = "\(remoteName)/\(branch)"
        let hasUpstream = git.value(["rev-parse", "-q", "--verify", "refs/remotes/\(upstream)"]) != nil
        let hasHead = git.value(["rev-parse", "-q", "--verify", "HEAD"]) != nil
        // Nothing committed here yet only in a directory with no store file at all.
        guard hasHead else { return }
        if hasUpstream { try merge(upstream, &report) }
        let ahead = hasUpstream ? git.value(["rev-list", "--count", "\(upstream)..HEAD"]) ?? "0" : "1"
        guard ahead != "0" else {
            report.lines.append("Up to date with \(upstream).")
            return
        }
        let push = git.run(["push", "-q", "-u", remoteName, "HEAD:refs/heads/\(branch)"])
        if push.succeeded {
            report.lines.append("Pushed to \(upstream).")
            return
        }
        if attempts > 1, push.error.contains("rejected") || push.error.contains("fetch first") {
            // Someone pushed in between: merge theirs too and try again.
            try pullAndPush(&report, attempts: attempts - 1)
            return
        }
        throw SyncFailure(
            "could not push to \(remoteName) (\(push.reason)); your changes are committed here and "
                + "merged with the team's: run rapport sync again to share them")
    }

    /// Merges `upstream` into HEAD; says what came in.
    private func merge(_ upstream: String, _ report: inout Report) throws(SyncFailure) {
        guard let before = git.value(["rev-parse", "HEAD"]) else { return }
        var merging = git
        merging.environment["RAPPORT_MERGE_THEIRS"] = upstream
        let result = merging.run(["merge", "-q", "--no-edit", "--no-ff", upstream], identity: identity)
        if !result.succeeded {
            let unmerged =
                (git.value(["diff", "--relative", "--name-only", "--diff-filter=U", "--", "."]) ?? "")
                .split(separator: "\n").map(String.init)
            guard !unmerged.isEmpty else {
                throw SyncFailure(
                    "git could not merge \(upstream): \(result.reason); nothing was changed here")
            }
            try settleUnmerged(unmerged, upstream: upstream, result: result, &report)
        }
        guard let after = git.value(["rev-parse", "HEAD"]), after != before else { return }
        let changed =
            git.value(["diff", "--relative", "--name-only", "--no-renames", before, after, "--", "."]) ?? ""
        let files = changed.split(separator: "\n").map(String.init)
        report.incoming = describe(files, from: before, to: after)
        report.conflicts = newConflicts(files, before: before, after: after)
        if report.incoming.isEmpty {
            report.lines.append("Merged \(upstream): nothing new for the store.")
        } else {
            report.lines.append("From others (\(upstream)):")
            report.lines += report.incoming.map { "  \($0)" }
        }
    }

    /// Files git left unmerged: an account deleted on one side and edited on the other is
    /// kept (the edit wins; the deletion can be done again); anything else stops the merge.
    private func settleUnmerged(
        _ paths: [String], upstream: String, result: Git.Result, _ report: inout Report
    )
        throws(SyncFailure)
    {
        var stopping: [String] = []
        for local in paths {
            let stages = git.value(["ls-files", "-u", "--", local]) ?? ""
            let hasOurs = stages.contains(" 2\t")
            let hasTheirs = stages.contains(" 3\t")
            if hasOurs != hasTheirs, StoreFileMerge.Kind(path: local) == .account {
                _ = git.run(["checkout", hasOurs ? "--ours" : "--theirs", "--", local])
                _ = git.run(["add", "--", local])
                report.lines.append(
                    "\(local) was deleted on one side and edited on the other: the edited account is kept; "
                        + "delete it again if it should go.")
            } else {
                stopping.append(local)
            }
        }
        if !stopping.isEmpty {
            _ = git.run(["merge", "--abort"])
            // The driver's reasons reach git's standard error, each after its own name.
            let why = (result.error + "\n" + result.output).split(separator: "\n")
                .filter { $0.contains("rapport merge-file:") }.prefix(3).joined(separator: "; ")
            throw SyncFailure(
                "could not merge \(upstream): \(stopping.joined(separator: ", ")) "
                    + (why.isEmpty ? "could not be merged" : "(\(why))")
                    + "; the merge was undone, your changes stay committed here, nothing was lost. "
                    + "Fix the file named (rapport check), then run rapport sync again")
        }
        try must(git.run(["commit", "-q", "--no-edit"], identity: identity), "commit the merge")
    }

    /// The merge conflicts on accounts that the merge added.
    private func newConflicts(_ files: [String], before: String, after: String) -> [String] {
        var lines: [String] = []
        for file in files {
            guard let id = accountID(file),
                let now = account(id, file, at: after)
            else { continue }
            let old = Set((account(id, file, at: before)?.mergeConflicts ?? []).map(\.id))
            for conflict in now.mergeConflicts ?? [] where !old.contains(conflict.id) {
                lines.append("\(now.name): \(conflict.summary)")
            }
        }
        return lines
    }

    /// What changed in each store file between two commits (`to` nil: the staged files).
    private func describe(_ files: [String], from: String?, to: String?) -> [String] {
        var lines: [String] = []
        for file in files {
            guard let id = accountID(file) else {
                if file == "store.json" { lines.append("Changed the store's settings") }
                continue
            }
            let before = from.flatMap { account(id, file, at: $0) }
            let after: Account?
            if let to {
                after = account(id, file, at: to)
            } else {
                after = try? store.load(id).account
            }
            lines += AccountChangeDescription.describe(before: before, after: after)
        }
        return lines
    }

    private func accountID(_ file: String) -> RecordID? {
        guard file.hasPrefix("accounts/"), file.hasSuffix(".json") else { return nil }
        return RecordID(rawValue: String(file.dropFirst("accounts/".count).dropLast(".json".count)))
    }

    /// The account in `file` as it was at `commit`.
    private func account(_ id: RecordID, _ file: String, at commit: String) -> Account? {
        let result = git.run(["show", "\(commit):./\(file)"])
        guard result.succeeded else { return nil }
        return try? store.load(id, from: Data(result.output.utf8)).account
    }

    /// Who commits: git's own setting, else the Rapport user (`RAPPORT_OWNER`, `USER`).
    private var identity: [String: String] {
        if let name = git.value(["config", "user.name"]), !name.isEmpty,
            git.value(["config", "user.email"]) != nil
        {
            return [:]
        }
        let environment = ProcessInfo.processInfo.environment
        let name =
            environment["RAPPORT_OWNER"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["USER"] ?? "rapport"
        let email = "\(name.lowercased().split(separator: " ").joined(separator: "."))@rapport.invalid"
        return [
            "GIT_AUTHOR_NAME": name, "GIT_COMMITTER_NAME": name, "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_EMAIL": email
        ]
    }

    private func must(_ result: Git.Result, _ what: String) throws(SyncFailure) {
        guard result.succeeded else { throw SyncFailure("could not \(what): \(result.reason)") }
    }

    static func shellQuoted(_ text: String) -> String {
        "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

/// Why a sync stopped, in words for the user.
public struct SyncFailure: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

extension Git {
    /// Runs git with `identity` added to its environment.
    func run(_ arguments: [String], input: String? = nil, identity: [String: String]) -> Result {
        var git = self
        for (key, value) in identity { git.environment[key] = value }
        return git.run(arguments, input: input)
    }
}
