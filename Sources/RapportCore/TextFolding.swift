/// Folding text for search: lower case, and Latin letters without their accents (`É`,
/// `é`, `e\u{301}` all read `e`; `ß` reads `ss`), so `elan` finds "Élan" and `muller`
/// finds "Müller". Other scripts are lower-cased only.
///
/// Foundation's `folding(options:)` is not in FoundationEssentials, and the standard
/// library does not expose Unicode decomposition, so the Latin letters (U+00C0–U+024F,
/// U+1E00–U+1EFF) carry their folded form in a table, generated from Unicode's
/// decompositions.
public enum TextFolding {
    /// `text` folded.
    public static func fold(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            if scalar.value < 0x80 {
                out.unicodeScalars.append(scalar)
            } else if let plain = table[scalar.value] {
                out.unicodeScalars.append(contentsOf: plain.unicodeScalars)
            } else if scalar.properties.generalCategory != .nonspacingMark {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `bytes` (UTF-8, as an account file holds it) may contain `query`, which must
    /// be folded and ASCII: every byte folded on the fly (ASCII lower-cased, a Latin letter
    /// read as its plain form, anything else as itself), so a file this says no to has
    /// no match and need not be decoded.
    public static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>, asciiQuery query: [UInt8]) -> Bool {
        guard let first = query.first else { return true }
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                folded.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
                i += 1
                continue
            }
            let length = byte >= 0xE0 ? (byte >= 0xF0 ? 4 : 3) : 2
            var value = UInt32(byte) & (length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07))
            for k in 1..<length where i + k < bytes.count {
                value = value << 6 | (UInt32(bytes[i + k]) & 0x3F)
            }
            if let plain = table[value] {
                folded.append(contentsOf: plain.utf8)
            } else {
                folded.append(0x80)  // not ASCII: never part of an ASCII match
            }
            i += length
        }
        guard folded.count >= query.count else { return false }
        for start in 0...(folded.count - query.count) where folded[start] == first {
            var k = 1
            while k < query.count && folded[start + k] == query[k] { k += 1 }
            if k == query.count { return true }
        }
        return false
    }

    /// Each accented Latin letter and its plain, lower-case form.
    static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for entry in pairs.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            guard let scalar = entry.unicodeScalars.first else { continue }
            table[scalar.value] = String(String.UnicodeScalarView(entry.unicodeScalars.dropFirst()))
        }
        return table
    }()

    private static let pairs = """
        Àa Áa Âa Ãa Äa Åa Æae Çc Èe Ée Êe Ëe Ìi Íi Îi Ïi Ðd Ñn Òo Óo Ôo Õo Öo Øo Ùu Úu Ûu Üu Ýy Þth ßss
        àa áa âa ãa äa åa æae çc èe ée êe ëe ìi íi îi ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy þth ÿy
        Āa āa Ăa ăa Ąa ąa Ćc ćc Ĉc ĉc Ċc ċc Čc čc Ďd ďd Đd đd Ēe ēe Ĕe ĕe Ėe ėe Ęe ęe Ěe ěe Ĝg ĝg Ğg ğg
        Ġg ġg Ģg ģg Ĥh ĥh Ħh ħh Ĩi ĩi Īi īi Ĭi ĭi Įi įi İi ıi Ĵj ĵj Ķk ķk Ĺl ĺl Ļl ļl Ľl ľl Ŀl ŀl Łl łl
        Ńn ńn Ņn ņn Ňn ňn Ōo ōo Ŏo ŏo Őo őo Œoe œoe Ŕr ŕr Ŗr ŗr Řr řr Śs śs Ŝs ŝs Şs şs Šs šs Ţt ţt Ťt
        ťt Ŧt ŧt Ũu ũu Ūu ūu Ŭu ŭu Ůu ůu Űu űu Ųu ųu Ŵw ŵw Ŷy ŷy Ÿy Źz źz Żz żz Žz žz ƀb Ƒf ƒf Ơo ơo Ưu
        ưu Ǎa ǎa Ǐi ǐi Ǒo ǒo Ǔu ǔu Ǖu ǖu Ǘu ǘu Ǚu ǚu Ǜu ǜu Ǟa ǟa Ǡa ǡa Ǧg ǧg Ǩk ǩk Ǫo ǫo Ǭo ǭo ǰj Ǵg ǵg
        Ǹn ǹn Ǻa ǻa Ȁa ȁa Ȃa ȃa Ȅe ȅe Ȇe ȇe Ȉi ȉi Ȋi ȋi Ȍo ȍo Ȏo ȏo Ȑr ȑr Ȓr ȓr Ȕu ȕu Ȗu ȗu Șs șs Țt țt
        Ȟh ȟh Ȧa ȧa Ȩe ȩe Ȫo ȫo Ȭo ȭo Ȯo ȯo Ȱo ȱo Ȳy ȳy Ƀb Ḁa ḁa Ḃb ḃb Ḅb ḅb Ḇb ḇb Ḉc ḉc Ḋd ḋd Ḍd ḍd Ḏd
        ḏd Ḑd ḑd Ḓd ḓd Ḕe ḕe Ḗe ḗe Ḙe ḙe Ḛe ḛe Ḝe ḝe Ḟf ḟf Ḡg ḡg Ḣh ḣh Ḥh ḥh Ḧh ḧh Ḩh ḩh Ḫh ḫh Ḭi ḭi Ḯi
        ḯi Ḱk ḱk Ḳk ḳk Ḵk ḵk Ḷl ḷl Ḹl ḹl Ḻl ḻl Ḽl ḽl Ḿm ḿm Ṁm ṁm Ṃm ṃm Ṅn ṅn Ṇn ṇn Ṉn ṉn Ṋn ṋn Ṍo ṍo Ṏo
        ṏo Ṑo ṑo Ṓo ṓo Ṕp ṕp Ṗp ṗp Ṙr ṙr Ṛr ṛr Ṝr ṝr Ṟr ṟr Ṡs ṡs Ṣs ṣs Ṥs ṥs Ṧs ṧs Ṩs ṩs Ṫt ṫt Ṭt ṭt Ṯt
        ṯt Ṱt ṱt Ṳu ṳu Ṵu ṵu Ṷu ṷu Ṹu ṹu Ṻu ṻu Ṽv ṽv Ṿv ṿv Ẁw ẁw Ẃw ẃw Ẅw ẅw Ẇw ẇw Ẉw ẉw Ẋx ẋx Ẍx ẍx Ẏy
        ẏy Ẑz ẑz Ẓz ẓz Ẕz ẕz ẖh ẗt ẘw ẙy ẞss Ạa ạa Ảa ảa Ấa ấa Ầa ầa Ẩa ẩa Ẫa ẫa Ậa ậa Ắa ắa Ằa ằa Ẳa ẳa
        Ẵa ẵa Ặa ặa Ẹe ẹe Ẻe ẻe Ẽe ẽe Ếe ếe Ềe ềe Ểe ểe Ễe ễe Ệe ệe Ỉi ỉi Ịi ịi Ọo ọo Ỏo ỏo Ốo ốo Ồo ồo
        Ổo ổo Ỗo ỗo Ộo ộo Ớo ớo Ờo ờo Ởo ởo Ỡo ỡo Ợo ợo Ụu ụu Ủu ủu Ứu ứu Ừu ừu Ửu ửu Ữu ữu Ựu ựu Ỳy ỳy
        Ỵy ỵy Ỷy ỷy Ỹy ỹy
        """
}
