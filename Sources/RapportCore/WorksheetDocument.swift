/// A root-cause worksheet as a Markdown document to share with the customer or team.
public enum WorksheetDocument {
    public static func markdown(_ w: Worksheet, in account: Account) -> String {
        var out = "# \(Markdown.heading(w.title))\n\n"
        out += "_\(account.name) · started \(w.createdOn.iso) · \(w.status.label)_\n\n"
        if let concern = w.concernID.flatMap({ id in account.concerns.first { $0.id == id } }) {
            out += "Raised by the customer on \(concern.raisedOn.iso): \(concern.summary)\n\n"
        }
        out += "## The frame\n\n"
        out += "- **What matters most:** \(Markdown.text(w.focus))\n"
        out +=
            "- **Accountable:** "
            + (w.accountable.isEmpty
                ? "_not set_"
                : w.accountable.map { $0.why.isEmpty ? $0.name : "\($0.name) (\($0.why))" }.joined(
                    separator: "; ")) + "\n"
        out +=
            "- **We talk:** "
            + [w.communication.cadence?.label, w.communication.how.isEmpty ? nil : w.communication.how]
            .compactMap { $0 }.joined(separator: ", ").nonEmpty(or: "_not set_") + "\n\n"

        out += "## Root cause\n\n### 1. Define\n\n"
        out +=
            "**The problem:** \(Markdown.text(w.define.problem))\n\n**What we know:** \(Markdown.text(w.define.dataWeHave))\n\n**What we still need to find out:** \(Markdown.text(w.define.dataMissing))\n\n"
        out += "### 2. Explore: possible causes\n\n"
        out +=
            w.causes.isEmpty
            ? "_None listed._\n\n"
            : w.causes.map { "- \($0.text)\($0.isLikelyRoot ? " **(likely root cause)**" : "")\n" }.joined()
                + "\n"
        out += "### 3. Solution: options\n\n"
        out +=
            w.options.isEmpty
            ? "_None listed._\n\n"
            : w.options.enumerated().map { "\($0.offset + 1). \($0.element.text)\n" }.joined() + "\n"
        out += "### 4. Implications\n\n"
        if w.options.isEmpty { out += "_No options to weigh._\n\n" }
        for option in w.options {
            out +=
                "**\(option.text)**\n\n- Better: \(Markdown.text(option.ups))\n- Costs and risks: \(Markdown.text(option.downs))\n\n"
        }
        out += "## Execution\n\n### 5. Decision\n\n"
        if let chosen = w.chosenOption {
            out +=
                "We chose **\(chosen.text)**" + (w.decision?.decidedOn.map { " on \($0.iso)" } ?? "")
                + ". \(Markdown.text(w.decision?.why ?? ""))\n\n"
        } else {
            out += "_Not decided yet._\n\n"
        }
        out += "### 6. Action\n\n"
        out += Markdown.table(
            ["Action", "Owner", "Due", "How we measure it", "Status"],
            w.actions.map { [$0.text, $0.owner, $0.due?.iso ?? "", $0.measure, $0.status.label] },
            empty: "No actions yet.")
        out += "### 7. Evaluation\n\n"
        out += "- **Review on:** \(w.evaluation.reviewOn?.iso ?? "_not set_")\n"
        out += "- **Outcome:** \(w.evaluation.outcome?.label ?? "_not yet_")\n"
        out += "- **What we learned:** \(Markdown.text(w.evaluation.learned))\n"
        return out
    }
}
