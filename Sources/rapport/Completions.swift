import ArgumentParser
import FoundationEssentials
import RapportCore
import RapportStore

extension CompletionKind {
    /// A choice option's values, as the shells offer them after the option.
    static func choice<T: CaseIterable & RawRepresentable>(_ type: T.Type) -> CompletionKind
    where T.RawValue == String {
        .list(T.allCases.map(\.rawValue))
    }

    /// The store's account names, from the summary index (`AccountCompletion`).
    static var account: CompletionKind {
        .custom { words, _, prefix in AccountCompletion.names(words: words, prefix: prefix) }
    }
}

/// The account names a shell offers for an ACCOUNT argument: those starting with what is
/// typed (ignoring case), read from the summary index of the store the command line names
/// (`--store`, else `$RAPPORT_STORE`, else the default). A store that cannot be opened
/// offers nothing, and nothing is printed about it: completion must never get in the way.
enum AccountCompletion {
    /// The bytes bash would read as syntax in a word.
    static let bashSpecial = Set(" \t'\"\\&;|<>()$`!*?[]{}#~".utf8)

    static func names(words: [String], prefix: String) -> [String] {
        let environment = ProcessInfo.processInfo.environment
        let path = StoreLocation.resolve(explicit: store(in: words), environment: environment)
        guard let store = try? FileStore.open(at: path) else { return [] }
        let typed = prefix.lowercased()
        let shell = environment["SAP_SHELL"] ?? ""
        return store.accountNamesForCompletion()
            .filter { typed.isEmpty || $0.lowercased().hasPrefix(typed) }
            .map { escaped($0, for: shell) }
    }

    /// A name as the shell's completion script needs it: bash's `compgen -W` takes one
    /// level of backslashes away and the word goes onto the command line as it comes out,
    /// so a space or quote is given two (`Northwind\\ Logistics` becomes `Northwind\ Logistics`);
    /// zsh's `_describe` reads a colon as the start of a description; fish quotes by itself.
    static func escaped(_ name: String, for shell: String) -> String {
        switch shell {
        case "bash":
            guard name.utf8.contains(where: bashSpecial.contains) else { return name }
            var out: [UInt8] = []
            for byte in name.utf8 {
                if bashSpecial.contains(byte) { out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")] }
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        case "zsh": return name.replacingText(":", with: "\\:")
        default: return name
        }
    }

    /// The value of `--store PATH` or `--store=PATH` among the words typed so far.
    static func store(in words: [String]) -> String? {
        var found: String?
        for (i, word) in words.enumerated() {
            if word == "--store", i + 1 < words.count { found = words[i + 1] }
            if word.hasPrefix("--store=") { found = String(word.dropFirst("--store=".count)) }
        }
        return found
    }
}
