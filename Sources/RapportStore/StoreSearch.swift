import FoundationEssentials
import IndexKit
import RapportCore

extension FileStore {
    /// Every hit for `search` in the store, in name order of the accounts, reading one
    /// account file at a time on every core (never the whole store in memory). A file
    /// whose bytes cannot hold the query's longest word is not decoded at all.
    public func search(_ search: AccountSearch) -> (hits: [SearchHit], problems: [StoreProblem]) {
        let listing: AccountFileListing
        do {
            listing = try listAccountFiles()
        } catch {
            return ([], [StoreProblem(path: accountsDirectory, reason: "\(error)")])
        }
        let key = search.asciiKey
        let found = Parallel.map(listing.files.map(\.id)) { id -> ([SearchHit], StoreProblem?) in
            let path = path(of: id)
            do {
                guard let data = try POSIXFile.read(path) else { return ([], nil) }
                if let key {
                    let possible = data.withUnsafeBytes { raw in
                        TextFolding.mayContain(raw.bindMemory(to: UInt8.self), asciiQuery: key)
                    }
                    guard possible else { return ([], nil) }
                }
                // Decoded from the bytes already read: each file is read once.
                return (search.hits(in: try load(id, from: data).account), nil)
            } catch StoreError.noSuchAccount {
                return ([], nil)
            } catch let StoreError.unreadable(path, reason) {
                return ([], StoreProblem(path: path, reason: reason))
            } catch {
                return ([], StoreProblem(path: path, reason: "\(error)"))
            }
        }
        // Accounts in name order, each one's hits in its records' order.
        let groups = found.map(\.0).filter { !$0.isEmpty }.sorted { a, b in
            (a[0].accountName.lowercased(), a[0].accountID.rawValue)
                < (b[0].accountName.lowercased(), b[0].accountID.rawValue)
        }
        let hits = groups.flatMap { $0 }
        let problems = listing.unreadable + found.compactMap(\.1)
        return (hits, problems)
    }
}
