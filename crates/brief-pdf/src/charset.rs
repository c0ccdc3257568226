//! The character repertoire of the PDF fonts and the replacement of everything outside it.
//!
//! Text is typeset with single-byte WinAnsi (Windows-1252) codes: genpdf's built-in font path is
//! the only one fast enough for our budget (its embedded-font path scans all 1.1M code points per
//! font), and post-processing swaps the placeholder fonts for embedded DejaVu subsets. So the
//! printable repertoire is Windows-1252: ASCII, Latin-1 letters, curly quotes, dashes, bullet,
//! euro sign. Anything else is replaced by a visible stand-in and reported as a warning.

use std::collections::BTreeMap;

/// Unicode values of WinAnsi codes 0x80..=0x9F (`None` = unassigned code).
const HIGH_CONTROLS: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character printed for a WinAnsi code, if the code is printable.
pub fn decode(code: u8) -> Option<char> {
    match code {
        // 0xAD is the soft hyphen: invisible, so it is dropped rather than printed.
        0xAD => None,
        0x20..=0x7E | 0xA0..=0xFF => Some(char::from(code)),
        0x80..=0x9F => HIGH_CONTROLS[usize::from(code - 0x80)],
        _ => None,
    }
}

/// The WinAnsi code of a character, if it has one.
pub fn encode(c: char) -> Option<u8> {
    match u32::from(c) {
        0xAD => None,
        0x20..=0x7E | 0xA0..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => HIGH_CONTROLS
            .iter()
            .position(|&slot| slot == Some(c))
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Characters that become plain spacing or vanish, without a warning: they carry no glyph.
fn silent_replacement(c: char) -> Option<&'static str> {
    match c {
        '\t' | '\n' | '\r' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some(" ")
        }
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{FE0F}' => Some(""),
        c if c.is_control() => Some(""),
        _ => None,
    }
}

/// Typographic characters with an obvious WinAnsi look-alike.
fn punctuation_replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => "-",
        '\u{2015}' => "—",
        '\u{2032}' => "'",
        '\u{2033}' => "\"",
        '\u{2039}' => "‹",
        '\u{2192}' => "->",
        '\u{2190}' => "<-",
        '\u{2264}' => "<=",
        '\u{2265}' => ">=",
        '\u{2260}' => "!=",
        '\u{2248}' => "~",
        '\u{25CF}' | '\u{25AA}' => "•",
        _ => return None,
    })
}

const LATIN_FOLDS: &str = "ĀAāaĂAăaĄAąaĆCćcĈCĉcĊCċcČCčcĎDďdĒEēeĔEĕeĖEėeĘEęeĚEěeĜGĝgĞGğg\
    ĠGġgĢGģgĤHĥhĨIĩiĪIīiĬIĭiĮIįiİIĴJĵjĶKķkĹLĺlĻLļlĽLľlŃNńnŅNņnŇN\
    ňnŌOōoŎOŏoŐOőoŔRŕrŖRŗrŘRřrŚSśsŜSŝsŞSşsŠSšsŢTţtŤTťtŨUũuŪUūuŬU\
    ŭuŮUůuŰUűuŲUųuŴWŵwŶYŷyŸYŹZźzŻZżzŽZžzſsƠOơoƯUưuǍAǎaǏIǐiǑOǒoǓU\
    ǔuǕUǖuǗUǘuǙUǚuǛUǜuǞAǟaǠAǡaǦGǧgǨKǩkǪOǫoǬOǭoǰjǴGǵgǸNǹnǺAǻaȀAȁa\
    ȂAȃaȄEȅeȆEȇeȈIȉiȊIȋiȌOȍoȎOȏoȐRȑrȒRȓrȔUȕuȖUȗuȘSșsȚTțtȞHȟhȦAȧa\
    ȨEȩeȪOȫoȬOȭoȮOȯoȰOȱoȲYȳyḀAḁaḂBḃbḄBḅbḆBḇbḈCḉcḊDḋdḌDḍdḎDḏdḐDḑd\
    ḒDḓdḔEḕeḖEḗeḘEḙeḚEḛeḜEḝeḞFḟfḠGḡgḢHḣhḤHḥhḦHḧhḨHḩhḪHḫhḬIḭiḮIḯi\
    ḰKḱkḲKḳkḴKḵkḶLḷlḸLḹlḺLḻlḼLḽlḾMḿmṀMṁmṂMṃmṄNṅnṆNṇnṈNṉnṊNṋnṌOṍo\
    ṎOṏoṐOṑoṒOṓoṔPṕpṖPṗpṘRṙrṚRṛrṜRṝrṞRṟrṠSṡsṢSṣsṤSṥsṦSṧsṨSṩsṪTṫt\
    ṬTṭtṮTṯtṰTṱtṲUṳuṴUṵuṶUṷuṸUṹuṺUṻuṼVṽvṾVṿvẀWẁwẂWẃwẄWẅwẆWẇwẈWẉw\
    ẊXẋxẌXẍxẎYẏyẐZẑzẒZẓzẔZẕzẖhẗtẘwẙyẛsẠAạaẢAảaẤAấaẦAầaẨAẩaẪAẫaẬA\
    ậaẮAắaẰAằaẲAẳaẴAẵaẶAặaẸEẹeẺEẻeẼEẽeẾEếeỀEềeỂEểeỄEễeỆEệeỈIỉiỊI\
    ịiỌOọoỎOỏoỐOốoỒOồoỔOổoỖOỗoỘOộoỚOớoỜOờoỞOởoỠOỡoỢOợoỤUụuỦUủuỨU\
    ứuỪUừuỬUửuỮUữuỰUựuỲYỳyỴYỵyỶYỷyỸYỹyĐDđdĦHħhıiŁLłlĿLŀlŦTŧtĸkŊN\
    ŋnƒf";

/// The ASCII base letter of a Latin letter with diacritics outside WinAnsi (ğ → g, ł → l).
fn latin_fold(c: char) -> Option<char> {
    let mut chars = LATIN_FOLDS.chars();
    while let (Some(accented), Some(base)) = (chars.next(), chars.next()) {
        if accented == c {
            return Some(base);
        }
    }
    None
}

/// Stand-in for characters with no look-alike (CJK, emoji, other scripts).
pub const REPLACEMENT: &str = "?";

/// Collects replaced characters over a whole document, so each is reported once with a count.
#[derive(Debug, Default)]
pub struct Sanitizer {
    replaced: BTreeMap<char, (String, usize)>,
}

impl Sanitizer {
    /// Returns `text` with every character outside the font repertoire replaced.
    pub fn clean(&mut self, text: &str) -> String {
        if text.chars().all(|c| encode(c).is_some()) {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            if encode(c).is_some() {
                out.push(c);
            } else if let Some(spacing) = silent_replacement(c) {
                out.push_str(spacing);
            } else if let Some(spelling) = punctuation_replacement(c) {
                // "<=" for "≤" says the same thing: nothing is lost, so no warning
                out.push_str(spelling);
            } else {
                let stand_in = latin_fold(c)
                    .map(String::from)
                    .unwrap_or_else(|| REPLACEMENT.to_string());
                out.push_str(&stand_in);
                self.replaced.entry(c).or_insert((stand_in, 0)).1 += 1;
            }
        }
        out
    }

    /// One warning per replaced character, in code point order.
    pub fn warnings(&self) -> Vec<String> {
        self.replaced
            .iter()
            .map(|(c, (stand_in, count))| {
                let times = if *count == 1 {
                    "once".to_string()
                } else {
                    format!("{count} times")
                };
                format!(
                    "U+{:04X} '{c}' is not in the PDF font; printed as \"{stand_in}\" ({times})",
                    u32::from(*c)
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn winansi_round_trips_every_printable_code() {
        for code in 0u8..=255 {
            if let Some(c) = decode(code) {
                assert_eq!(encode(c), Some(code), "code {code:#x}");
            }
        }
        assert_eq!(encode('“'), Some(0x93));
        assert_eq!(encode('—'), Some(0x97));
        assert_eq!(encode('é'), Some(0xE9));
        assert_eq!(encode('ğ'), None);
    }

    #[test]
    fn typographic_text_passes_unchanged() {
        let mut s = Sanitizer::default();
        let text = "“Quoted” — café, naïve, 5–7 €, ‘single’…";
        assert_eq!(s.clean(text), text);
        assert!(s.warnings().is_empty());
    }

    #[test]
    fn faithful_ascii_spellings_are_silent() {
        let mut s = Sanitizer::default();
        assert_eq!(
            s.clean("likelihood ≈35 %, impact ≥ 4, ≤ 5"),
            "likelihood ~35 %, impact >= 4, <= 5"
        );
        assert!(s.warnings().is_empty());
    }

    #[test]
    fn missing_characters_are_replaced_and_named() {
        let mut s = Sanitizer::default();
        let out = s.clean("Erdoğan met 习近平 😀 twice: 习");
        assert_eq!(out, "Erdogan met ??? ? twice: ?");
        let warnings = s.warnings();
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("U+011F 'ğ'") && w.contains("\"g\""))
        );
        assert!(
            warnings
                .iter()
                .any(|w| w.starts_with("U+4E60") && w.contains("2 times"))
        );
        assert!(warnings.iter().any(|w| w.starts_with("U+1F600")));
    }

    #[test]
    fn invisible_characters_vanish_silently() {
        let mut s = Sanitizer::default();
        assert_eq!(s.clean("a\u{00AD}b\u{200B}c\td"), "abc d");
        assert!(s.warnings().is_empty());
    }
}
