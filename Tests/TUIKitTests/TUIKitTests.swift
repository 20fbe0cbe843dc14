import Testing

@testable import TUIKit

@Suite struct DisplayWidthTests {
    @Test func wideAndCombiningCharacters() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)  // e + combining acute
        #expect(DisplayWidth.of("Zoë") == 3)
    }

    @Test func longTextKeepsItsBothEndsAroundAnEllipsis() {
        #expect(
            DisplayWidth.elidingMiddle("Wrote /home/ana/clients/2026/northwind-logistics-plan.md", to: 44)
                == "Wrote /home/an…6/northwind-logistics-plan.md")
        #expect(DisplayWidth.elidingMiddle("Wrote plan.md", to: 40) == "Wrote plan.md")
        #expect(DisplayWidth.elidingMiddle("日本語テキストです", to: 7) == "日…です")
        #expect(
            DisplayWidth.elidingMiddle("abcdef", to: 1) == "…"
                && DisplayWidth.elidingMiddle("abcdef", to: 0) == "")
    }

    @Test func truncatesWithAnEllipsisNeverMidCharacter() {
        #expect(DisplayWidth.truncate("Northwind Logistics", to: 10) == "Northwind…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc" && DisplayWidth.truncate("abcd", to: 3) == "ab…")
        #expect(DisplayWidth.truncate("abc", to: 1) == "…" && DisplayWidth.truncate("abc", to: 0) == "")
        // A control character is drawn as one visible cell (D40), so it counts as one.
        #expect(DisplayWidth.of("a\tbc") == 4 && DisplayWidth.truncate("a\tbc", to: 3) == "a\t…")
        #expect(DisplayWidth.fit("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.fit("ab", to: 4, alignRight: true) == "  ab")
    }
}

@Suite struct CanvasTests {
    @Test func writesClipsWithAnEllipsisAndKeepsWideCharactersWhole() {
        var canvas = Canvas(width: 10, height: 3)
        canvas.put("Hello world", x: 0, y: 0)
        canvas.put("ab日本語", x: 5, y: 1)
        canvas.put("日本語", x: 0, y: 2, limit: 4)
        // 本 would straddle the right edge, so it is dropped whole; every cut ends in "…".
        #expect(canvas.text == "Hello wor…\n     ab日…\n日…")
        #expect(canvas[7, 1].text == "日" && canvas[8, 1].text == "" && canvas[9, 1].text == "…")
        #expect(canvas[2, 2].text == "…" && canvas[3, 2].text == " ")
    }

    @Test func boxesAndStyles() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.box(canvas.bounds, title: "Hi")
        #expect(canvas.text == "┌─ Hi ─────┐\n│          │\n└──────────┘")
        #expect(canvas[3, 0].style == .title)
    }

    @Test func fillingOutsideTheCanvasPaintsNothing() {
        var canvas = Canvas(width: 4, height: 2)
        canvas.put("abcd", x: 0, y: 0)
        canvas.fill(Rect(x: 0, y: 5, width: 4, height: 1))
        canvas.fill(Rect(x: 9, y: 0, width: 2, height: 2))
        canvas.fill(Rect(x: -6, y: -3, width: 2, height: 2))
        #expect(canvas.text == "abcd\n")
        canvas.fill(Rect(x: 2, y: -1, width: 9, height: 2), style: .selected)
        #expect(canvas.text == "ab\n" && canvas[3, 0].style == .selected)
    }
}

@Suite struct TextFieldTests {
    func typed(_ text: String, then keys: [Key] = []) -> TextField {
        var field = TextField()
        for key in Key.typing(text) + keys { field.handle(key) }
        return field
    }

    @Test func cursorEditing() {
        #expect(typed("hello", then: [.left, .left, .char("X")]).text == "helXlo")
        #expect(typed("hello", then: [.home, .delete]).text == "ello")
        #expect(typed("hello", then: [.ctrl("a"), .char(">")]).text == ">hello")
        #expect(typed("hello", then: [.home, .ctrl("e"), .char("!")]).text == "hello!")
        #expect(typed("hello world", then: [.ctrl("w")]).text == "hello ")
        #expect(typed("hello world", then: [.left, .left, .ctrl("u")]).text == "ld")
        #expect(typed("hello world", then: [.home, .right, .ctrl("k")]).text == "h")
        #expect(typed("abc", then: [.backspace, .backspace]).text == "a")
        #expect(typed("日本", then: [.left, .char("x")]).text == "日x本")
    }

    @Test func aPrefilledDefaultIsReplacedByTheFirstTypedCharacter() {
        func edited(_ text: String, replacing: Bool, _ keys: [Key]) -> String {
            var field = TextField(text, replacesOnType: replacing)
            for key in keys { field.handle(key) }
            return field.text
        }
        #expect(edited("+1w", replacing: true, Key.typing("mon")) == "mon")
        #expect(edited("+1w", replacing: true, [.left] + Key.typing("2")) == "+12w")
        #expect(edited("+1w", replacing: true, [.home] + Key.typing("x")) == "x+1w")
        #expect(edited("+1w", replacing: true, [.end] + Key.typing("x")) == "+1wx")
        #expect(edited("+1w", replacing: true, [.ctrl("u")] + Key.typing("fri")) == "fri")
        #expect(edited("Kickoff", replacing: false, Key.typing("!")) == "Kickoff!")
        var form = Form(
            title: "T",
            fields: [
                FormField("on", "On", .day, value: "today", replacesOnType: true),
                FormField("summary", "Summary", .text, value: "Kickoff")
            ])
        for key in Key.typing("fri") + [.tab] + Key.typing("!") { _ = form.handle(key) }
        #expect(form["on"]?.value == "fri" && form["summary"]?.value == "Kickoff!")
    }

    @Test func scrollsToKeepTheCursorVisible() {
        let field = typed("abcdefghij")
        var canvas = Canvas(width: 6, height: 1)
        field.render(into: &canvas, x: 0, y: 0, width: 6, focused: true)
        #expect(canvas.line(0) == "fghij")
        #expect(canvas[5, 0].style == .selected)
    }

    @Test func anUnfocusedFieldShowsItsBeginningAndMarksTheCut() {
        let field = typed("Order certified CAA connectors")
        var canvas = Canvas(width: 12, height: 1)
        field.render(into: &canvas, x: 0, y: 0, width: 12, focused: false)
        #expect(canvas.line(0) == "Order certi…")
        var short = Canvas(width: 12, height: 1)
        typed("Order").render(into: &short, x: 0, y: 0, width: 12, focused: false)
        #expect(short.line(0) == "Order")
        // The cursor in the middle: still the beginning.
        var middle = typed("abcdefghijklmnop")
        for _ in 0..<4 { middle.handle(.left) }
        var canvas2 = Canvas(width: 6, height: 1)
        middle.render(into: &canvas2, x: 0, y: 0, width: 6, focused: false)
        #expect(canvas2.line(0) == "abcde…")
    }
}

@Suite struct TableViewTests {
    @Test func selectionScrollsIntoView() {
        var table = TableView()
        let rows = (1...10).map { TableRow(["row \($0)", "\($0)"]) }
        var canvas = Canvas(width: 20, height: 4)
        for _ in 0..<5 { _ = table.handle(.char("j"), count: rows.count, pageSize: 3) }
        table.render(
            columns: [Column("Name", .flexible(min: 5)), Column("N", .fixed(3), alignRight: true)],
            rows: rows, into: &canvas, rect: canvas.bounds)
        #expect(
            canvas.text
                == "Name               N\nrow 4              4\nrow 5              5\nrow 6              6")
        #expect(canvas[0, 3].style == .selected)
        _ = table.handle(.char("G"), count: rows.count, pageSize: 3)
        #expect(table.selection == 9)
        _ = table.handle(.char("g"), count: rows.count, pageSize: 3)
        #expect(table.selection == 0)
    }
}

@Suite struct FormTests {
    @Test func ctrlJIsALineBreakInAMultiLineFieldAndEnterElsewhere() {
        var form = Form(
            title: "T",
            fields: [
                FormField("barriers", "Barriers", .multiline, value: ""),
                FormField("summary", "Summary", .text, value: "")
            ])
        for key in Key.typing("Budget") + [.ctrl("j")] + Key.typing("Procurement") {
            #expect(form.handle(key) == .editing)
        }
        #expect(form["barriers"]?.value == "Budget\nProcurement")
        _ = form.handle(.tab)
        #expect(form.handle(.ctrl("j")) == .submit)
    }

    @Test func aLetterPicksTheFirstOptionWithItInDisplayOrderThenTheNext() {
        var form = Form(
            title: "T",
            fields: [FormField("kind", "Kind", .choice(["meeting", "call", "email", "meal"]), choice: 1)])
        _ = form.handle(.char("m"))
        #expect(form["kind"]?.value == "meeting")
        _ = form.handle(.char("m"))
        #expect(form["kind"]?.value == "meal")
        _ = form.handle(.char("m"))
        #expect(form["kind"]?.value == "meeting")
    }

    func form() -> Form {
        Form(
            title: "T",
            fields: [
                FormField("kind", "Kind", .choice(["call", "meeting", "email"])),
                FormField("summary", "Summary", .text),
                FormField("notes", "Notes", .multiline)
            ], focus: 1)
    }

    @Test func movesBetweenFieldsAndEditsChoices() {
        var f = form()
        for key in Key.typing("Hi") { _ = f.handle(key) }
        #expect(f["summary"]?.value == "Hi")
        _ = f.handle(.backTab)
        _ = f.handle(.right)
        #expect(f["kind"]?.value == "meeting")
        _ = f.handle(.char("e"))
        #expect(f["kind"]?.value == "email")
        _ = f.handle(.left)
        #expect(f["kind"]?.value == "meeting")
        #expect(f.handle(.enter) == .submit)
        #expect(f.handle(.escape) == .cancel)
    }

    @Test func longFieldsOpenTheEditorAndErrorsClearOnEdit() {
        var f = form()
        f.setError("summary", "A summary is required")
        #expect(f.hasErrors)
        _ = f.handle(.char("x"))
        #expect(!f.hasErrors)
        _ = f.handle(.tab)
        #expect(f.handle(.ctrl("o")) == .openEditor(field: "notes"))
    }

    @Test func rendersLabelsValuesAndErrors() {
        var f = form()
        f.setError("summary", "A summary is required")
        var canvas = Canvas(width: 40, height: 10)
        f.render(into: &canvas)
        #expect(
            canvas.text == """

                 ┌─ T ────────────────────────────────┐
                 │ Kind     ‹ call ›                  │
                 │ Summary                            │
                 │          ↳ A summary is required   │
                 │ Notes                              │
                 │                                    │
                 │ Enter save · Tab next · Esc cancel │
                 └────────────────────────────────────┘

                """)
    }
}

@Suite struct KeymapTests {
    enum Command: Equatable, Sendable { case open, quit }
    let keymap = Keymap<Command>(
        "Test",
        [
            Binding([.enter, .char("o")], .open, label: "open", help: "Open it"),
            Binding([.char("Q")], .quit, help: "Quit")
        ])

    @Test func oneTableDrivesDispatchFooterAndHelp() {
        #expect(keymap.command(for: .char("o")) == .open)
        #expect(keymap.command(for: .char("x")) == nil)
        #expect(keymap.hints.map { "\($0.keys) \($0.label)" } == ["Enter open"])
        #expect(keymap.helpLines.map { "\($0.keys): \($0.help)" } == ["Enter o: Open it", "Q: Quit"])
    }
}

@Suite struct TextSearchTests {
    @Test func findsTextWithAndWithoutFoldingCase() {
        #expect(TextSearch.contains("northwind logistics", "logis"))
        #expect(!TextSearch.contains("Northwind", "north"))
        #expect(TextSearch.containsFoldingCase("Northwind Logistics", "wind lo"))
        #expect(!TextSearch.containsFoldingCase("Northwind", "northwinds"))
        #expect(TextSearch.containsFoldingCase("Café Müller", "café m"))
        #expect(TextSearch.containsFoldingCase("anything", ""))
    }

    @Test func findsTextAtEitherEndAfterFalseStarts() {
        #expect(
            TextSearch.contains("aaab", "aab") && TextSearch.contains("abc", "abc")
                && TextSearch.contains("xabc", "bc"))
        #expect(TextSearch.contains("müller", "ül") && TextSearch.contains("x", ""))
        #expect(
            !TextSearch.contains("aaa", "aaaa") && !TextSearch.contains("abab", "abb")
                && !TextSearch.contains("", "a"))
    }
}
