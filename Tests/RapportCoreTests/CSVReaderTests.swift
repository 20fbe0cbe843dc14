import RapportCore
import Testing

/// The reader against RFC 4180's rules and what real exports do.
@Suite struct CSVReaderTests {
    func read(_ text: String) throws(InputError) -> CSVTable { try CSVReader.read(Array(text.utf8)) }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws {
        let table = try read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\nlast,row,here")
        #expect(table.header == ["a", "b", "c"])
        #expect(
            table.records.map(\.fields) == [["x, y", "say \"hi\"", "two\r\nlines"], ["last", "row", "here"]])
        #expect(
            table.records.map(\.line) == [2, 4], "a record's line is where it starts, counting quoted breaks")
    }

    @Test func byteOrderMarkIsDroppedAndSemicolonsDetected() throws {
        let table = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("Name;Revenue\nKraft;1.200.000,50\n".utf8))
        #expect(table.delimiter == UInt8(ascii: ";"))
        #expect(table.header == ["Name", "Revenue"])
        #expect(table.records.map(\.fields) == [["Kraft", "1.200.000,50"]])
    }

    @Test func commaWinsUnlessAnotherDelimiterIsMoreFrequentOutsideQuotes() throws {
        #expect(try read("\"a;b;c\",d\n1,2").delimiter == UInt8(ascii: ","))
        #expect(try read("a\tb\tc\n1\t2\t3").delimiter == UInt8(ascii: "\t"))
        #expect(try read("sep=;\na,b;c\n1,5;2").records.map(\.fields) == [["1,5", "2"]])
    }

    @Test func blankLinesAndBareCarriageReturnsAndAMissingLastLineEnd() throws {
        let table = try read("a,b\r\r\n1,2\r3,4")
        #expect(table.records.map(\.fields) == [["1", "2"], ["3", "4"]])
        #expect(table.records.map(\.line) == [3, 4])
    }

    @Test func emptyFieldsAndAQuoteInsideAnUnquotedField() throws {
        let table = try read("a,b,c\n,,\n5\" screen,x,")
        #expect(table.records.map(\.fields) == [["", "", ""], ["5\" screen", "x", ""]])
    }

    @Test func textAfterAClosingQuoteMarksTheRecord() throws {
        let table = try read("a,b\n\"x\"y,2\n3,4")
        #expect(table.records[0].problem == "text after the closing quote of field 1")
        #expect(table.records[1].problem == nil)
    }

    @Test func anUnclosedQuoteRefusesTheFileNamingTheLine() {
        #expect(throws: InputError.self) { try read("a,b\n1,2\n\"open,3\n4,5") }
        do {
            _ = try read("a,b\n1,2\n\"open,3\n4,5")
        } catch {
            #expect(error.message.hasPrefix("line 3: a quoted field is never closed"))
        }
    }

    @Test func textThatIsNotUTF8IsRefusedWithWhatToDo() {
        // "Müller" as Windows-1252, which Excel writes for "CSV" without "UTF-8".
        do {
            _ = try CSVReader.read(Array("Name\n".utf8) + [0x4D, 0xFC, 0x6C, 0x6C, 0x65, 0x72])
            Issue.record("expected a refusal")
        } catch {
            #expect(
                error.message
                    == "line 2 is not UTF-8 text; save the file as CSV UTF-8 (most spreadsheets offer it)")
        }
    }

    @Test func anEmptyFileHasNoHeader() {
        #expect(throws: InputError("the file has no header line; the first line must name the columns")) {
            try read("\r\n")
        }
    }

    @Test func writerQuotesOnlyWhatNeedsItAndReadsBack() throws {
        var writer = CSVWriter(delimiter: UInt8(ascii: ";"), byteOrderMark: true)
        let rows = [
            ["Name", "Value"], ["Bäckerei; Filiale 2", "1.200,50"], ["say \"hi\"", "two\nlines"], [" pad", ""]
        ]
        for row in rows { writer.write(row) }
        let text = String(decoding: writer.bytes.dropFirst(3), as: UTF8.self)
        #expect(writer.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(
            text.hasPrefix(
                "Name;Value\r\n\"Bäckerei; Filiale 2\";1.200,50\r\n\"say \"\"hi\"\"\";\"two\nlines\"\r\n"))
        let back = try CSVReader.read(writer.bytes)
        #expect([back.header] + back.records.map(\.fields) == rows)
    }
}
