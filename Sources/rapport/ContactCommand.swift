import ArgumentParser
import RapportCore
import RapportStore

/// `rapport contact ...`: the people at a customer.
struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: "Add or edit a contact at a customer.",
        subcommands: [AddContactCommand.self, EditContactCommand.self])
}

/// The contact fields `contact add` and `contact edit` both take.
struct ContactOptions: ParsableArguments {
    @Option(help: .choice(ContactLevel.self, "Their level"), completion: .choice(ContactLevel.self))
    var level: String?

    @Option(help: "Their job title.")
    var title: String?

    @Option(help: "Their email address.")
    var email: String?

    @Option(help: "Their phone number.")
    var phone: String?

    @Option(help: .choice(Channel.self, "How they prefer to be reached"), completion: .choice(Channel.self))
    var channel: String?

    @Option(
        help: .choice(ReportFrequency.self, "How often they want progress reports ('none' clears it)"),
        completion: .choice(ReportFrequency.self))
    var reports: String?

    @Option(
        name: .customLong("keep-in-touch"),
        help: ArgumentHelp(
            "In touch every IDEAL days, overdue after MAX (e.g. 30:60; 'none' stops tracking).",
            valueName: "IDEAL:MAX"))
    var keepInTouch: String?

    @Option(help: ArgumentHelp("Notes about them ('-' reads standard input).", valueName: "TEXT"))
    var notes: String?

    /// The named fields, checked (a bad value throws before the store is opened).
    func change(_ input: inout StandardInput) throws -> ContactChange {
        var change = ContactChange()
        change.level = try level.map { try parseChoice($0, "--level") }
        change.title = title?.trimmingWhitespace()
        change.email = email?.trimmingWhitespace()
        change.phone = phone?.trimmingWhitespace()
        change.channel = try channel.map { try parseChoice($0, "--channel") }
        change.reportFrequency = try reports.map { text -> ReportFrequency? in
            Self.isNone(text) ? nil : try parseChoice(text, "--reports")
        }
        change.keepInTouch = try keepInTouch.map { text -> KeepInTouch? in
            if Self.isNone(text) { return nil }
            do throws(InputError) { return try KeepInTouch.parse(text) } catch {
                throw InputError("--keep-in-touch \(error.message)")
            }
        }
        change.notes = try input.text(notes, "--notes")?.trimmingWhitespace()
        return change
    }

    static func isNone(_ text: String) -> Bool { text.trimmingSpaces().lowercased() == "none" }
}

/// `rapport contact add ACCOUNT NAME`: adds a contact.
struct AddContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a contact at a customer (default level: other).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Argument(help: "The contact's name.")
    var name: String

    @OptionGroup var fields: ContactOptions

    func run() throws {
        let context = try CommandContext(global)
        let trimmed = name.trimmingWhitespace()
        try Contact.validateName(trimmed)
        var input = StandardInput()
        let contact = try fields.change(&input).applied(to: Contact(name: trimmed))
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        let (_, saved) = try store.update(target.account.id) { account in
            try Mutation.addContact(contact).apply(to: &account, today: context.today)
        }
        print("Added \(contact.name) (\(contact.level.label)) at \(saved.account.name) (\(contact.id))")
    }
}

/// `rapport contact edit ACCOUNT CONTACT`: changes the fields named, and no other.
struct EditContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a contact's fields: only those named, in the newest copy of the account.",
        discussion: "Text options given as '' clear the field; --left-on none says they are back.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: .account, completion: .account)
    var account: String

    @Argument(help: "The contact (id, name, or unambiguous start of the name).")
    var contact: String

    @Option(help: "Their new name.")
    var name: String?

    @OptionGroup var fields: ContactOptions

    @Option(
        name: .customLong("left-on"), parsing: .unconditional,
        help: ArgumentHelp("When they left the customer ('none': they have not).", valueName: "DATE"))
    var leftOn: String?

    func run() throws {
        let context = try CommandContext(global)
        var input = StandardInput()
        var change = try fields.change(&input)
        if let name {
            change.name = name.trimmingWhitespace()
            try Contact.validateName(change.name!)
        }
        change.leftOn = try leftOn.map { text -> Day? in
            if ContactOptions.isNone(text) { return nil }
            let day = try context.dayParser.parse(text, direction: .past)
            guard day <= context.today else {
                throw InputError("--left-on \(day.iso) is in the future; say when they left")
            }
            return day
        }
        guard !change.isEmpty else {
            throw InputError(
                "nothing to change: name a field, e.g. --title, --level, --email, --keep-in-touch or --left-on"
            )
        }
        let store = try context.openStore()
        let target = try context.findAccount(account, in: store)
        let ((base, mine), saved) = try store.update(target.account.id) { account -> (Contact, Contact) in
            let found = try Lookup.find(
                contact, in: account.contacts, kind: "contact at \(account.name)", id: \.id, name: \.name)
            let mine = change.applied(to: found)
            try Mutation.editContact(base: found, mine: mine).apply(to: &account, today: context.today)
            return (found, mine)
        }
        guard base != mine else {
            print("\(base.name) at \(saved.account.name) already has those values; nothing changed")
            return
        }
        print("Saved \(mine.name) at \(saved.account.name) (\(mine.id))")
    }
}
