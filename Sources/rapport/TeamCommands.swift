import ArgumentParser
import FoundationEssentials
import RapportCore
import RapportStore

#if canImport(Glibc)
    import Glibc
#endif

/// `rapport sync`: shares the store with the team through git (D47).
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Share the store with your team through git: commit, merge theirs record by record, push.",
        discussion: """
            The first time, --init REMOTE names the team's repository (a URL or a path to a bare \
            repository). Without a store here, it is cloned from REMOTE. Afterwards run 'rapport sync' \
            whenever you like: your changes are committed with a message that says what you did, your \
            teammates' are merged account by account (a field both changed becomes a merge conflict on \
            the account, on the due list, never conflict markers), and the result is pushed. Offline or \
            refused, your commit stays and the next sync finishes the job. Needs git \
            \(TeamSync.minimumGitVersion) or later.
            """)

    @Option(
        name: .customLong("init"),
        help: ArgumentHelp("The team's git remote, the first time.", valueName: "REMOTE"))
    var remote: String?

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        if let remote, !FileStore.exists(at: context.storePath) {
            try clone(remote, into: context.storePath)
        }
        let store = try context.openStore()
        let sync = TeamSync(store: store, rapportBinary: try System.executablePath(), today: context.today)
        let report = sync.sync(initialRemote: remote)
        for line in report.lines { print(line) }
        if !report.conflicts.isEmpty {
            print(
                "Merge conflicts to settle (both sides changed these; "
                    + "'rapport settle ACCOUNT --keep' or '--take-other', or the due list):"
            )
            for line in report.conflicts { print("  \(line)") }
        }
        if let failure = report.failure {
            System.writeError("rapport sync: \(failure)\n")
            throw ExitCode(1)
        }
    }

    private func clone(_ remote: String, into path: String) throws {
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
            separator: "/")
        let result = Git(in: parent.isEmpty ? (path.hasPrefix("/") ? "/" : ".") : parent)
            .run(["clone", "-q", remote, path])
        guard result.succeeded else {
            throw InputError("could not clone \(remote) into \(path): \(result.reason)")
        }
        if !FileStore.exists(at: path) {
            // A bare remote's HEAD names git's default branch, which may not be the store's.
            let git = Git(in: path)
            let branches = (git.value(["branch", "-r", "--format=%(refname:short)"]) ?? "")
                .split(separator: "\n").map(String.init).filter { !$0.hasSuffix("/HEAD") }
            if let branch = ["origin/main", "origin/master"].first(where: branches.contains) ?? branches.first
            {
                let local = String(branch.dropFirst("origin/".count))
                _ = git.run(["checkout", "-q", "-B", local, "--track", branch])
            }
        }
        guard FileStore.exists(at: path) else {
            throw InputError(
                "\(remote) holds no Rapport store (no store.json at its top); cloned into \(path)")
        }
        print("Cloned the team's store from \(remote) into \(path).")
    }
}

/// `rapport merge-file BASE OURS THEIRS PATH`: git's merge driver for store files.
struct MergeFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-file",
        abstract: "Git's merge driver for store files (rapport sync sets it up): merge by record into OURS.",
        discussion: """
            Git runs it as 'rapport merge-file %O %A %B %P'. A field both sides changed keeps THEIRS' \
            value and records ours as a merge conflict on the account. When a side cannot be read, \
            git's own line merge (with conflict markers) is left and the exit status is 1.
            """)

    @Argument(help: "The common ancestor's version (%O).") var base: String
    @Argument(help: "Our version (%A); the merged file is written here.") var ours: String
    @Argument(help: "Their version (%B).") var theirs: String
    @Argument(help: "The file's path in the repository (%P).") var path: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        guard let kind = StoreFileMerge.Kind(path: path) else {
            try lineMerge(why: "not a store file")
            return
        }
        do {
            let (b, o, t) = (try read(base), try read(ours), try read(theirs))
            let outcome = try StoreFileMerge.merge(
                base: b, ours: o, theirs: t, kind: kind, sides: sides(), today: context.today)
            try System.write(String(decoding: outcome.data, as: UTF8.self), to: ours)
            for conflict in outcome.conflicts {
                System.writeError("rapport: \(path): merge conflict recorded: \(conflict.summary)\n")
            }
        } catch let refusal as StoreFileMerge.Refusal {
            try lineMerge(why: refusal.description)
        }
    }

    private func read(_ file: String) throws -> Data { Data(try System.readInput(file)) }

    /// Leaves git's line merge (with markers) in OURS and fails, naming why.
    private func lineMerge(why: String) throws {
        _ = Git(in: ".").run(["merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs])
        System.writeError(
            "rapport merge-file: \(path): \(why); git's line merge is left, with conflict markers to resolve "
                + "by hand (rapport check finds them)\n")
        throw ExitCode(1)
    }

    /// Who wrote each side: the last author of the file on each, when git can say.
    private func sides() -> StoreFileMerge.Sides {
        let git = Git(in: ".")
        func author(_ ref: String) -> String? {
            git.value(["log", "-1", "--format=%an", ref, "--", path]).flatMap { $0.isEmpty ? nil : $0 }
        }
        let theirsRef = ProcessInfo.processInfo.environment["RAPPORT_MERGE_THEIRS"] ?? "MERGE_HEAD"
        return StoreFileMerge.Sides(
            ours: author("HEAD") ?? "the local side", theirs: author(theirsRef) ?? "the incoming side")
    }
}

/// `rapport settle ACCOUNT [CONFLICT] (--keep | --take-other)`: settles a merge conflict.
struct SettleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settle",
        abstract: "Settle a merge conflict: keep the value the account holds, or take the one set aside.")

    @Argument(help: "The account (an id or the start of its name).", completion: .account) var account: String
    @Argument(help: "The conflict's id (mc-…); may be left out when the account has one.") var conflict:
        String?
    @Flag(help: "Keep the value the account holds now.") var keep = false
    @Flag(name: .customLong("take-other"), help: "Put the value set aside in its place.") var takeOther =
        false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = try CommandContext(global)
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        let conflicts = target.account.mergeConflicts ?? []
        guard !conflicts.isEmpty else { throw InputError("\(target.account.name) has no merge conflicts") }
        let list = conflicts.map { "  \($0.id)  \($0.summary)" }.joined(separator: "\n")
        guard keep != takeOther else {
            throw InputError(
                "say --keep (the value the account holds) or --take-other (the one set aside); "
                    + "\(target.account.name) has:\n\(list)")
        }
        let chosen: MergeConflict
        if let conflict {
            guard let found = conflicts.first(where: { $0.id.rawValue == conflict.lowercased() }) else {
                throw InputError("no merge conflict \(conflict) on \(target.account.name); it has:\n\(list)")
            }
            chosen = found
        } else {
            guard conflicts.count == 1 else {
                throw InputError(
                    "\(target.account.name) has \(conflicts.count) merge conflicts; name one by its id:\n\(list)"
                )
            }
            chosen = conflicts[0]
        }
        _ = try store.update(target.account.id) { account in
            try Mutation.settleMergeConflict(chosen.id, takingOther: takeOther).apply(
                to: &account, today: context.today)
        }
        let value = MergeConflict.display(takeOther ? chosen.other : chosen.kept)
        print("Settled at \(target.account.name): \(chosen.field) is \(value).")
    }
}
