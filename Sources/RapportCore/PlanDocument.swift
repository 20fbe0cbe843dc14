/// The relationship plan as a Markdown document to share with the customer or team.
public enum PlanDocument {
    public static func markdown(_ account: Account, today: Day) -> String {
        guard let plan = account.plan else {
            return "# \(Markdown.heading(account.name)): relationship plan\n\nNo plan yet.\n"
        }
        var out = "# \(Markdown.heading(account.name)): relationship plan\n\n"
        out += "_As of \(today.iso) · owner \(account.owner.isEmpty ? "not set" : account.owner)_\n\n"
        out += "## Where we are\n\n\(Markdown.text(plan.currentState))\n\n"
        out += "## Where we want to be\n\n\(Markdown.text(plan.targetState))\n\n"
        out += "## How we get there\n\n"
        out += Markdown.table(
            ["What", "With", "Owner", "How often", "Last done", "Next"],
            plan.items.map { item in
                [
                    item.title,
                    item.contactIDs.compactMap { account.contact($0)?.name }.joined(separator: ", "),
                    item.owner,
                    item.cadence.label, item.lastDone?.iso ?? "",
                    item.paused ? "paused" : (item.nextDue?.iso ?? "done")
                ]
            }, empty: "No items yet.")
        let done = plan.items.flatMap { item in item.completions.map { (item, $0) } }.sorted {
            $0.1.day > $1.1.day
        }
        if !done.isEmpty {
            out += "## Recently done\n\n"
            for (item, completion) in done.prefix(10) {
                out +=
                    "- \(completion.day.iso): \(item.title)"
                    + (completion.note.isEmpty ? "" : ": \(completion.note)") + "\n"
            }
            out += "\n"
        }
        let gaps = account.planGaps
        if !gaps.isEmpty {
            out += "## Still missing\n\n" + gaps.map { "- \($0.message)\n" }.joined() + "\n"
        }
        return out
    }
}

extension Account {
    /// Counts an already-logged touchpoint as a plan item's completion.
    public mutating func count(touch touchID: RecordID, asDoneFor itemID: RecordID) throws {
        guard let t = touchpoints.firstIndex(where: { $0.id == touchID }),
            let i = plan?.items.firstIndex(where: { $0.id == itemID })
        else {
            throw InputError("that touchpoint or plan item no longer exists at \(name)")
        }
        touchpoints[t].planItemID = itemID
        plan!.items[i].completions.append(
            PlanCompletion(day: touchpoints[t].day, note: touchpoints[t].summary, touchpointID: touchID))
    }
}
