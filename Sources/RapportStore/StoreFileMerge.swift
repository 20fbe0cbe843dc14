import FoundationEssentials
import RapportCore
import StoreJSONCodec

/// Git's merge of a store file, record by record: what `rapport merge-file` does with the
/// three versions git hands a merge driver (D47). The result is exactly the bytes a save
/// of the merged account would write; a field both sides changed to different values is
/// recorded on the account as a `MergeConflict`, never left as conflict markers.
public enum StoreFileMerge {
    /// Which store file is merged, from its path.
    public enum Kind: Sendable {
        case account
        case storeFile

        /// The kind of the file at `path` (relative to the repository), or nil for a file
        /// that is not the store's.
        public init?(path: String) {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            if name == "store.json" {
                self = .storeFile
            } else if name.hasSuffix(".json"), path.split(separator: "/").dropLast().last == "accounts" {
                self = .account
            } else {
                return nil
            }
        }
    }

    /// Why the three versions cannot be merged by record; git's own result stands.
    public struct Refusal: Error, CustomStringConvertible {
        public let description: String
    }

    /// The merged file and the conflicts it records (for a store file: only reported).
    public struct Outcome {
        public var data: Data
        public var conflicts: [MergeConflict]
    }

    /// Who each side is, for the conflicts (the last author of the file on it, as the
    /// whole team reads the conflict, not only the one who merged).
    public struct Sides: Sendable {
        public var ours: String
        public var theirs: String

        public init(ours: String = "the local side", theirs: String = "the incoming side") {
            self.ours = ours
            self.theirs = theirs
        }
    }

    /// Merges `ours` and `theirs`, both grown from `base` (empty when git has none: both
    /// sides added the file).
    public static func merge(
        base: Data, ours: Data, theirs: Data, kind: Kind, sides: Sides = Sides(), today: Day,
        migrator: Migrator = .standard
    ) throws(Refusal) -> Outcome {
        let b = base.isEmpty ? nil : try document(base, "the common ancestor", kind, migrator)
        let o = try document(ours, "our side", kind, migrator)
        let t = try document(theirs, "their side", kind, migrator)
        let (merged, clashes) = JSONThreeWayMerge.merge(base: b, ours: o, theirs: t)
        guard let merged else { throw Refusal(description: "both sides removed everything") }
        do {
            let text = try RapportJSON.encode(merged)
            switch kind {
            case .storeFile:
                let (file, unknown) = try RapportJSON.decodeKeepingUnknown(StoreFile.self, from: text)
                let conflicts = clashes.map { conflict($0, in: merged, sides, today) }
                return Outcome(
                    data: try unknown.graft(into: try RapportJSON.encode(file)), conflicts: conflicts)
            case .account:
                var (document, unknown) = try RapportJSON.decodeKeepingUnknown(
                    AccountDocument.self, from: text)
                let recorded = clashes.filter { $0.path.first == .member("account") }
                    .filter { $0.path.dropFirst().first != .member("mergeConflicts") }
                    .map { clash in
                        var inAccount = clash
                        inAccount.path.removeFirst()
                        return conflict(inAccount, in: merged["account"] ?? merged, sides, today)
                    }
                if !recorded.isEmpty {
                    document.account.mergeConflicts = (document.account.mergeConflicts ?? []) + recorded
                }
                let encoded = try RapportJSON.encode(document)
                return Outcome(data: try unknown.graft(into: encoded), conflicts: recorded)
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal(description: "the merged file would not be valid: \(RapportJSON.describe(error))")
        }
    }

    /// One side as JSON in the current schema, or why it cannot be merged.
    private static func document(_ data: Data, _ side: String, _ kind: Kind, _ migrator: Migrator)
        throws(Refusal) -> JSONValue
    {
        var json: JSONValue
        do {
            json = try RapportJSON.decode(JSONValue.self, from: data)
        } catch {
            throw Refusal(description: "\(side) cannot be read: \(FileStore.whyNotJSON(data, error))")
        }
        do {
            try migrator.migrate(&json)
            switch kind {
            case .account:
                _ = try RapportJSON.decode(AccountDocument.self, from: try RapportJSON.encode(json))
            case .storeFile: _ = try RapportJSON.decode(StoreFile.self, from: try RapportJSON.encode(json))
            }
        } catch Migrator.Failure.tooNew(let version) {
            throw Refusal(
                description:
                    "\(side) was written by a newer Rapport (schema \(version); this one reads up to "
                    + "\(migrator.current)): merge with that version")
        } catch {
            throw Refusal(description: "\(side) is not a valid store file: \(RapportJSON.describe(error))")
        }
        return json
    }

    /// The conflict a clash records, named as the user knows the field.
    private static func conflict(
        _ clash: JSONThreeWayMerge.Clash, in document: JSONValue, _ sides: Sides, _ today: Day
    ) -> MergeConflict {
        MergeConflict(
            field: label(clash.path, in: document), path: clash.path.map(\.description),
            kept: clash.kept.map(compactText), keptFrom: clash.keptOurs ? sides.ours : sides.theirs,
            other: clash.other.map(compactText), otherFrom: clash.keptOurs ? sides.theirs : sides.ours,
            foundOn: today)
    }

    /// "owner", "contact Ana Ruiz: email", "plan item Meet their leaders: cadence".
    static func label(_ path: [JSONThreeWayMerge.Step], in document: JSONValue) -> String {
        var parts: [String] = []
        var here: JSONValue? = document
        var listName = ""
        for step in path {
            switch step {
            case .member(let key):
                here = here?[key]
                listName = key
                if case .array? = here { continue }
                if case .object? = here, key == "plan" || key == "evaluation" { continue }
                parts.append(words(key))
            case .record(let id):
                var record: JSONValue?
                if case .array(let elements)? = here {
                    record = elements.first { $0["id"] == .string(id) }
                }
                here = record
                let name = record.flatMap(MergeConflict.recordName).map { " \($0)" } ?? " \(id)"
                parts.append(recordKind(listName) + name)
            }
        }
        return parts.isEmpty ? "the whole account" : parts.joined(separator: ": ")
    }

    /// A list's records as one is called: "contacts" → "contact".
    private static func recordKind(_ list: String) -> String {
        switch list {
        case "team": return "team member"
        case "items": return "plan item"
        case "snoozes": return "snooze"
        default:
            let name = words(list)
            return name.hasSuffix("s") ? String(name.dropLast()) : name
        }
    }

    /// "annualValue" → "annual value".
    private static func words(_ key: String) -> String {
        var text = ""
        for character in key {
            if character.isUppercase {
                text += " " + character.lowercased()
            } else {
                text.append(character)
            }
        }
        return text
    }

    private static func compactText(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "\(value)"
    }
}
