import Foundation
import RapportCore
import RapportResources
import RapportStore
import StoreJSONCodec
import TUIKit
import Testing

@testable import RapportUI

/// A small portfolio with fixed ids and a fixed day, and helpers to drive the app.
enum Fixture {
    static let today = Day(iso: "2026-11-22")!
    static func id(_ s: String) -> RecordID { RecordID(rawValue: s)! }

    static var accounts: [Account] {
        let helena = Contact(
            id: id("con-helena"), name: "Helena Voss", title: "Head of Procurement", level: .main,
            channel: .video, keepInTouch: KeepInTouch(idealDays: 14, maximumDays: 30))
        let dieter = Contact(
            id: id("con-dieter"), name: "Dieter Brandt", title: "COO", level: .senior, channel: .inPerson)
        var northwind = Account(
            id: id("acc-north"), name: "Northwind Logistics", owner: "Maya Lindqvist", tier: .key,
            annualValue: 1_240_000, lifetimeValue: 9_800_000, customerSince: Day(iso: "2017-03-01"),
            market: "Logistics", tags: ["eu"], season: .growth, createdOn: Day(iso: "2017-03-01")!,
            contacts: [helena, dieter],
            team: [
                TeamMember(id: id("tm-luis"), name: "Luis Ortega", role: .delivery, responsibility: "Rollout")
            ])
        northwind.touchpoints = [
            Touchpoint(
                id: id("tp-1"), day: today.adding(days: -2), kind: .meeting, contactIDs: [helena.id],
                summary: "Planned phase three", sentiment: .positive),
            Touchpoint(
                id: id("tp-2"), day: today.adding(days: -12), kind: .call, contactIDs: [helena.id, dieter.id],
                summary: "Rotterdam hub")
        ]
        northwind.litmusChecks = [
            LitmusCheck(
                id: id("lt-1"), day: today.adding(days: -100), version: 1,
                answers: [LitmusAnswer(questionID: "a", value: 3)]),
            LitmusCheck(
                id: id("lt-2"), day: today.adding(days: -10), version: 1,
                answers: [LitmusAnswer(questionID: "a", value: 4)])
        ]
        var brightline = Account(
            id: id("acc-bright"), name: "Brightline Energy", owner: "Tom Okafor", tier: .core,
            status: .atRisk,
            annualValue: 380_000, season: .tension, createdOn: Day(iso: "2020-01-01")!,
            contacts: [Contact(id: id("con-oliver"), name: "Oliver Grant", level: .main, channel: .phone)])
        brightline.concerns = [
            Concern(
                id: id("cn-1"), raisedOn: today.adding(days: -9), summary: "Late incident reports",
                severity: .critical, respondBy: today.adding(days: -7))
        ]
        brightline.touchpoints = [
            Touchpoint(id: id("tp-3"), day: today.adding(days: -30), kind: .email, summary: "Sent report")
        ]
        let quillon = Account(
            id: id("acc-quill"), name: "Quillon Publishing", owner: "Tom Okafor", tier: .standard,
            annualValue: 18_000, tags: ["uk"], season: .stagnancy, createdOn: Day(iso: "2019-01-01")!)
        return [northwind, brightline, quillon]
    }

    static func state(width: Int = 80, height: Int = 24, me: String = "") -> AppState {
        AppState(
            today: today, currency: "EUR", storePath: "/tmp/store", width: width, height: height,
            accounts: accounts, me: me,
            playbook: playbook)
    }

    /// The state's own store: opened when it has one already, else created in a new
    /// temporary directory with the accounts it has loaded (and the state pointed at it).
    static func store(for state: inout AppState) throws -> FileStore {
        if state.storePath.contains(storePrefix), FileStore.exists(at: state.storePath) {
            return try FileStore.open(at: state.storePath)
        }
        let root = storesFolder + "/\(storePrefix)\(UUID().uuidString)"
        let store = try FileStore.create(at: root, today: state.today)
        for account in state.loaded.values { _ = try store.create(account) }
        state.storePath = root
        return store
    }

    private static let storePrefix = "rapport-ui-tests-"

    /// One folder for this test process's stores, removed when the process exits.
    private static let storesFolder: String = {
        let folder = FileManager.default.temporaryDirectory.path + "/rapport-ui-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit {
            try? FileManager.default.removeItem(atPath: Fixture.storesFolder)
        }
        return folder
    }()

    /// The bundled playbook, as the app loads it.
    static var playbook: Playbook {
        try! RapportJSON.decode(Playbook.self, from: Data(BundledData.playbook))
    }
}

extension AppState {
    /// The due screen's items as shown (after its filters), built from their slots.
    var shownDueItems: [FollowUp] {
        DueScreen.items(self).map { DueList.followUp($0, in: digests, on: today) }
    }

    /// Every follow-up within the due list's horizon, most urgent first, built from the slots.
    var dueItems: [FollowUp] { dueSlots.map { DueList.followUp($0, in: digests, on: today) } }

    /// Presses keys in order, returning every effect asked for.
    @discardableResult
    mutating func press(_ keys: [Key]) -> [Effect] {
        keys.flatMap { update(&self, .key($0)) }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] { press(Key.typing(text)) }

    /// Performs the effects as the app does, through `AppRunner` on a real store of the
    /// state's own in a temporary directory (made on first use, holding the accounts the
    /// state has loaded), and takes in every action that follows.
    mutating func perform(_ effects: [Effect]) throws {
        let store = try Fixture.store(for: &self)
        let runner = AppRunner(state: self, appStore: store, host: ScriptedHost())
        for effect in effects {
            if let action = runner.perform(effect) { runner.dispatch(action) }
        }
        self = runner.state
    }

    /// The rendered screen's text.
    mutating func screen() -> String {
        var canvas = Canvas(width: width, height: height)
        render(&self, into: &canvas)
        return canvas.text
    }
}

/// The accounts the table shows, in its order.
func visibleAccounts(_ state: AppState) -> [AccountSummary] {
    AccountsScreen.visiblePositions(state).map { state.summaries[$0] }
}

/// The host in tests: exports go to a temporary directory, the editor hands back the
/// text unchanged, no store is created (tests make their own), and a sync answers what
/// the test scripted.
final class ScriptedHost: AppHost {
    var syncAnswer = TeamSync.Report(lines: ["Up to date with origin/main."])
    private(set) var syncs = 0

    func createStore(demo: Bool) throws -> (store: FileStore, accounts: [Account]) {
        throw InputError("tests create their stores through Fixture.store(for:)")
    }

    func edit(field: String, text: String) -> (text: String?, error: String?) { (text, nil) }

    func export(fileName: String, text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.path + "/\(UUID().uuidString)-\(fileName)"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func redraw() {}

    func sync() -> TeamSync.Report {
        syncs += 1
        return syncAnswer
    }
}
