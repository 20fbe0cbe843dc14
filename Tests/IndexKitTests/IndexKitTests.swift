import IndexKit
import Testing

/// The index's helpers on their own: the radix sort behind the lists' fast sorts, and
/// the field text the due list's owner filter compares.
@Suite struct IndexKitTests {
    @Test func radixSortOrdersByTheChosenBitsAndKeepsTiesInOrder() {
        var random = SystemRandomNumberGenerator()
        // Few distinct high parts, so many keys tie on the sorted bits.
        let keys = (0..<5000).map { i in UInt64.random(in: 0..<40, using: &random) << 40 | UInt64(i) }
        var sorted = keys
        RadixSort.sort(&sorted, bits: 24..<64)
        #expect(
            sorted
                == keys.enumerated().sorted { ($0.element >> 24, $0.offset) < ($1.element >> 24, $1.offset) }
                .map(\.element))
        var whole = keys.shuffled()
        RadixSort.sort(&whole, bits: 0..<64)
        #expect(whole == keys.sorted())
    }

    @Test func listsReadBackAsTheyWereWrittenEmptyAndEscapedElementsIncluded() {
        let lists = [
            ["DACH", "a\tb\\c", "", "x\u{1F}Y", "Ärger", ""], [], ["", "one"], ["Lena\nKarlsson"]
        ]
        let bytes = FieldText.lists(lists)
        for (field, list) in lists.enumerated() {
            #expect(FieldText.list(bytes, at: field) == list)
            var elements: [String] = []
            bytes.withUnsafeBufferPointer { all in
                FieldText.forEachElement(ofField: field, in: all) { elements.append(FieldText.unescape($0)) }
            }
            #expect(elements == list)
        }
        // A field past the last has no elements.
        #expect(FieldText.list(bytes, at: lists.count).isEmpty)
    }

    @Test func ownersCompareIgnoringCase() {
        #expect(FieldText.equalFoldingCase(Array("Maya Lindqvist".utf8)[...], Array("maya lindqvist".utf8)))
        #expect(!FieldText.equalFoldingCase(Array("Maya Lindqvist".utf8)[...], Array("maya".utf8)))
    }
}
