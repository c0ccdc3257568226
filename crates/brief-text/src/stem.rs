//! The Porter2 ("Snowball English") stemmer for lowercase ASCII words, without allocation.
//!
//! Stemming the new words of each article was the largest single cost of summarizing a batch of
//! news articles with rust-stemmers, which builds a `String` environment per call and matches
//! suffix tables generically. This follows the published algorithm step by step over a byte
//! buffer on the stack. [`crate::Stemmer`] uses it for ASCII words and falls back to
//! rust-stemmers for any other word, and the tests check that both give the same stem for every
//! word of the test vocabulary (and, with `BRIEF_SHARED` set, of the shared corpora).

/// Longest word stemmed here; longer ones go to the fallback.
pub const MAX_WORD: usize = 48;

/// A stem held on the stack.
#[derive(Debug, Clone, Copy)]
pub struct Stem {
    bytes: [u8; MAX_WORD],
    len: usize,
}

impl Stem {
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    pub fn as_str(&self) -> &str {
        // only ASCII bytes are ever stored
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

/// The Porter2 stem of `word`, or `None` when it is not lowercase ASCII letters, digits,
/// apostrophes and hyphens, at most [`MAX_WORD`] bytes (the caller then uses the general
/// stemmer). Digits and hyphens count as consonants, as in the Snowball implementation.
pub fn porter2(word: &str) -> Option<Stem> {
    porter2_bytes(word.as_bytes())
}

/// [`porter2`] of a word given as bytes (it only ever stems ASCII).
pub fn porter2_bytes(bytes: &[u8]) -> Option<Stem> {
    let stemmable =
        |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'\'' | b'-');
    if bytes.len() > MAX_WORD || !bytes.iter().all(stemmable) {
        return None;
    }
    let mut w = Word {
        b: [0; MAX_WORD],
        len: bytes.len(),
        p1: 0,
        p2: 0,
    };
    w.b[..bytes.len()].copy_from_slice(bytes);
    w.stem();
    Some(Stem {
        bytes: w.b,
        len: w.len,
    })
}

/// The word being stemmed. `Y` marks a consonant "y" (as the algorithm's prelude does).
struct Word {
    b: [u8; MAX_WORD],
    len: usize,
    /// Start of the regions R1 and R2.
    p1: usize,
    p2: usize,
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Words with a stem of their own (some of them their own stem).
fn exception(word: &[u8]) -> Option<&'static [u8]> {
    // a match on byte strings compiles to length and byte tests, not a call per entry
    Some(match word {
        b"skis" => b"ski",
        b"skies" => b"sky",
        b"dying" => b"die",
        b"lying" => b"lie",
        b"tying" => b"tie",
        b"idly" => b"idl",
        b"gently" => b"gentl",
        b"ugly" => b"ugli",
        b"early" => b"earli",
        b"only" => b"onli",
        b"singly" => b"singl",
        b"sky" => b"sky",
        b"news" => b"news",
        b"howe" => b"howe",
        b"atlas" => b"atlas",
        b"cosmos" => b"cosmos",
        b"bias" => b"bias",
        b"andes" => b"andes",
        _ => return None,
    })
}

/// Words left as they are once step 1a is done.
fn kept_after_1a(word: &[u8]) -> bool {
    matches!(
        word,
        b"inning"
            | b"outing"
            | b"canning"
            | b"herring"
            | b"earring"
            | b"proceed"
            | b"exceed"
            | b"succeed"
    )
}

/// The first of the suffixes (listed longest first, so the longest the word ends with, as the
/// algorithm asks) that `word` ends with: `(index, suffix)`, or `(suffix, replacement)` for a
/// list of `(suffix, replacement)` rules. A macro rather than a loop over a list, so every test is
/// against a suffix of known length, which compiles to a load and a compare. Loops over the
/// lists compiled, in some builds and not others, to a call to memcmp per suffix, and a third
/// more instructions for stemming.
macro_rules! longest {
    ($word:expr, [$($suffix:literal),+ $(,)?]) => {{
        let word: &Word = $word;
        let mut index = 0usize;
        let mut found: Option<(usize, &'static [u8])> = None;
        $(
            if found.is_none() && word.ends_with_array($suffix) {
                found = Some((index, $suffix));
            }
            index += 1;
        )+
        let _ = index;
        found
    }};
    ($word:expr, [$(($suffix:literal, $with:literal)),+ $(,)?]) => {{
        let word: &Word = $word;
        let mut found: Option<(&'static [u8], &'static [u8])> = None;
        $(
            if found.is_none() && word.ends_with_array($suffix) {
                found = Some(($suffix, $with));
            }
        )+
        found
    }};
}

impl Word {
    fn s(&self) -> &[u8] {
        &self.b[..self.len]
    }

    /// Replaces the last `cut` bytes with `with`.
    fn replace_end(&mut self, cut: usize, with: &[u8]) {
        let at = self.len - cut;
        self.b[at..at + with.len()].copy_from_slice(with);
        self.len = at + with.len();
    }

    /// Whether the word ends with `suffix`, of known length: a load and a compare.
    #[inline(always)]
    fn ends_with_array<const N: usize>(&self, suffix: &[u8; N]) -> bool {
        self.len >= N
            && <&[u8; N]>::try_from(&self.b[self.len - N..self.len]).is_ok_and(|end| end == suffix)
    }

    fn stem(&mut self) {
        if let Some(stem) = exception(self.s()) {
            self.replace_end(self.len, stem);
            return;
        }
        if self.len < 3 {
            return;
        }
        self.prelude();
        self.mark_regions();
        self.step_0();
        self.step_1a();
        if !kept_after_1a(self.s()) {
            self.step_1b();
            self.step_1c();
            self.step_2();
            self.step_3();
            self.step_4();
            self.step_5();
        }
        for c in &mut self.b[..self.len] {
            if *c == b'Y' {
                *c = b'y';
            }
        }
    }

    fn prelude(&mut self) {
        if self.b[0] == b'\'' {
            self.b.copy_within(1..self.len, 0);
            self.len -= 1;
        }
        if self.len > 0 && self.b[0] == b'y' {
            self.b[0] = b'Y';
        }
        for i in 1..self.len {
            if self.b[i] == b'y' && is_vowel(self.b[i - 1]) {
                self.b[i] = b'Y';
            }
        }
    }

    fn mark_regions(&mut self) {
        let s = self.s();
        let after_vowel_consonant = |from: usize| -> usize {
            let mut i = from;
            while i < s.len() && !is_vowel(s[i]) {
                i += 1;
            }
            while i < s.len() && is_vowel(s[i]) {
                i += 1;
            }
            (i + 1).min(s.len())
        };
        let p1 = ["gener", "commun", "arsen"]
            .iter()
            .find(|p| s.starts_with(p.as_bytes()))
            .map_or_else(|| after_vowel_consonant(0), |p| p.len());
        let p2 = after_vowel_consonant(p1);
        (self.p1, self.p2) = (p1, p2);
    }

    /// A short syllable ends the first `end` bytes: consonant, vowel, consonant other than
    /// w, x or Y; or, at the start of the word, vowel then consonant.
    fn short_syllable_at(&self, end: usize) -> bool {
        let s = &self.b[..end];
        match end {
            0 | 1 => false,
            2 => is_vowel(s[0]) && !is_vowel(s[1]),
            _ => {
                let (a, b, c) = (s[end - 3], s[end - 2], s[end - 1]);
                !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !matches!(c, b'w' | b'x' | b'Y')
            }
        }
    }

    fn step_0(&mut self) {
        if let Some((_, suffix)) = longest!(self, [b"'s'", b"'s", b"'"]) {
            self.replace_end(suffix.len(), b"");
        }
    }

    fn step_1a(&mut self) {
        match longest!(self, [b"sses", b"ied", b"ies", b"us", b"ss", b"s"]).map(|(k, _)| k) {
            Some(0) => self.replace_end(4, b"ss"),
            Some(1 | 2) => {
                if self.len > 4 {
                    self.replace_end(3, b"i");
                } else {
                    self.replace_end(3, b"ie");
                }
            }
            // a vowel somewhere before the letter that precedes the "s"
            Some(5) if self.len >= 3 && self.b[..self.len - 2].iter().any(|&c| is_vowel(c)) => {
                self.replace_end(1, b"");
            }
            _ => {}
        }
    }

    fn step_1b(&mut self) {
        let Some((_, suffix)) =
            longest!(self, [b"eedly", b"ingly", b"edly", b"eed", b"ing", b"ed"])
        else {
            return;
        };
        let suffix_len = suffix.len();
        let at = self.len - suffix_len;
        if suffix.starts_with(b"eed") {
            if at >= self.p1 {
                self.replace_end(suffix_len, b"ee");
            }
            return;
        }
        if !self.b[..at].iter().any(|&c| is_vowel(c)) {
            return;
        }
        self.replace_end(suffix_len, b"");
        if self.ends_with_array(b"at") || self.ends_with_array(b"bl") || self.ends_with_array(b"iz")
        {
            self.replace_end(0, b"e");
        } else if self.len >= 2
            && self.b[self.len - 1] == self.b[self.len - 2]
            && matches!(
                self.b[self.len - 1],
                b'b' | b'd' | b'f' | b'g' | b'm' | b'n' | b'p' | b'r' | b't'
            )
        {
            self.len -= 1;
        } else if self.len == self.p1 && self.short_syllable_at(self.len) {
            self.replace_end(0, b"e");
        }
    }

    fn step_1c(&mut self) {
        let n = self.len;
        if n >= 3 && matches!(self.b[n - 1], b'y' | b'Y') && !is_vowel(self.b[n - 2]) {
            self.b[n - 1] = b'i';
        }
    }

    fn step_2(&mut self) {
        let rule = longest!(
            self,
            [
                (b"ization", b"ize"),
                (b"ational", b"ate"),
                (b"fulness", b"ful"),
                (b"ousness", b"ous"),
                (b"iveness", b"ive"),
                (b"tional", b"tion"),
                (b"biliti", b"ble"),
                (b"lessli", b"less"),
                (b"entli", b"ent"),
                (b"ation", b"ate"),
                (b"alism", b"al"),
                (b"aliti", b"al"),
                (b"ousli", b"ous"),
                (b"iviti", b"ive"),
                (b"fulli", b"ful"),
                (b"enci", b"ence"),
                (b"anci", b"ance"),
                (b"abli", b"able"),
                (b"izer", b"ize"),
                (b"ator", b"ate"),
                (b"alli", b"al"),
                (b"bli", b"ble"),
                (b"ogi", b"og"),
                (b"li", b""),
            ]
        );
        let Some((suffix, with)) = rule else {
            return;
        };
        let at = self.len - suffix.len();
        if at < self.p1 {
            return;
        }
        match suffix {
            b"ogi" if at == 0 || self.b[at - 1] != b'l' => {}
            b"li"
                if at == 0
                    || !matches!(
                        self.b[at - 1],
                        b'c' | b'd' | b'e' | b'g' | b'h' | b'k' | b'm' | b'n' | b'r' | b't'
                    ) => {}
            _ => self.replace_end(suffix.len(), with),
        }
    }

    fn step_3(&mut self) {
        let rule = longest!(
            self,
            [
                (b"ational", b"ate"),
                (b"tional", b"tion"),
                (b"alize", b"al"),
                (b"icate", b"ic"),
                (b"iciti", b"ic"),
                (b"ative", b""),
                (b"ical", b"ic"),
                (b"ness", b""),
                (b"ful", b""),
            ]
        );
        let Some((suffix, with)) = rule else {
            return;
        };
        let at = self.len - suffix.len();
        if at < self.p1 || (suffix == b"ative" && at < self.p2) {
            return;
        }
        self.replace_end(suffix.len(), with);
    }

    fn step_4(&mut self) {
        let found = longest!(
            self,
            [
                b"ement", b"ance", b"ence", b"able", b"ible", b"ment", b"ant", b"ent", b"ism",
                b"ate", b"iti", b"ous", b"ive", b"ize", b"ion", b"al", b"er", b"ic",
            ]
        );
        let Some((_, suffix)) = found else {
            return;
        };
        let at = self.len - suffix.len();
        if at < self.p2 {
            return;
        }
        if suffix == b"ion" && (at == 0 || !matches!(self.b[at - 1], b's' | b't')) {
            return;
        }
        self.replace_end(suffix.len(), b"");
    }

    fn step_5(&mut self) {
        let n = self.len;
        match self.b[n - 1] {
            b'e' => {
                let at = n - 1;
                if at >= self.p2 || (at >= self.p1 && !self.short_syllable_at(at)) {
                    self.len -= 1;
                }
            }
            b'l' => {
                let at = n - 1;
                if at >= self.p2 && at > 0 && self.b[at - 1] == b'l' {
                    self.len -= 1;
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str) -> String {
        porter2(word).unwrap().as_str().to_string()
    }

    #[test]
    fn follows_the_published_examples() {
        for (word, expected) in [
            ("consign", "consign"),
            ("consigned", "consign"),
            ("consigning", "consign"),
            ("consignment", "consign"),
            ("consist", "consist"),
            ("consisted", "consist"),
            ("consistency", "consist"),
            ("consistent", "consist"),
            ("consistently", "consist"),
            ("consisting", "consist"),
            ("consists", "consist"),
            ("consolation", "consol"),
            ("consolations", "consol"),
            ("consolatory", "consolatori"),
            ("console", "consol"),
            ("consoled", "consol"),
            ("generously", "generous"),
            ("skies", "sky"),
            ("hoping", "hope"),
            ("cries", "cri"),
            ("ties", "tie"),
        ] {
            assert_eq!(stem(word), expected, "{word}");
        }
    }

    #[test]
    fn declines_what_it_does_not_handle() {
        assert!(porter2("Capital").is_none());
        assert!(porter2("u.s").is_none());
        assert!(porter2("naïve").is_none());
        assert!(porter2(&"a".repeat(MAX_WORD + 1)).is_none());
    }
}

/// Word-for-word agreement with rust-stemmers, the stemmer this one stands in for.
#[cfg(test)]
mod agreement {
    use super::*;
    use crate::Stemmer;
    use std::collections::BTreeSet;

    /// Every lowercase ASCII word of `text`, apostrophes kept.
    fn vocabulary(text: &str, into: &mut BTreeSet<String>) {
        for word in text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '\'' || c == '-')) {
            let lower = word.to_ascii_lowercase();
            if !lower.is_empty() && lower.len() <= MAX_WORD {
                into.insert(lower);
            }
        }
    }

    #[track_caller]
    fn assert_agrees(words: &BTreeSet<String>) {
        let wrong = disagreements(words);
        assert!(
            wrong.is_empty(),
            "{} of {} differ:\n{}",
            wrong.len(),
            words.len(),
            wrong.join("\n")
        );
    }

    fn disagreements(words: &BTreeSet<String>) -> Vec<String> {
        let reference = Stemmer::new();
        words
            .iter()
            .filter_map(|w| {
                let ours = porter2(w)?.as_str().to_string();
                let theirs = reference.fallback_stem(w);
                (ours != theirs).then(|| format!("{w}: ours {ours}, rust-stemmers {theirs}"))
            })
            .collect()
    }

    /// Roots and suffixes combined, so every step's rules meet words they apply to and words
    /// they narrowly do not.
    fn generated() -> BTreeSet<String> {
        const ROOTS: &[&str] = &[
            "hop",
            "hope",
            "cry",
            "tie",
            "gas",
            "gap",
            "kiwi",
            "agree",
            "feed",
            "bleed",
            "luxur",
            "nation",
            "relate",
            "condition",
            "valen",
            "hesit",
            "digit",
            "conform",
            "radic",
            "differ",
            "vile",
            "analog",
            "geolog",
            "fruit",
            "happ",
            "plan",
            "fil",
            "fail",
            "sky",
            "say",
            "boy",
            "gener",
            "commun",
            "arsen",
            "past",
            "univers",
            "organ",
            "emerg",
            "later",
            "abat",
            "trubl",
            "siz",
            "controll",
            "roll",
            "fall",
            "bat",
            "sing",
            "writ",
            "sens",
            "effect",
            "adopt",
            "adjust",
            "depend",
            "homolog",
            "activ",
            "formal",
            "electr",
            "hop'",
            "y",
            "ya",
            "yes",
            "oy",
            "a",
            "e",
            "i",
            "o",
            "u",
            "be",
            "bye",
        ];
        const SUFFIXES: &[&str] = &[
            "", "s", "es", "ies", "ied", "sses", "ss", "us", "ed", "edly", "ing", "ingly", "eed",
            "eedly", "y", "ly", "li", "ali", "alli", "ational", "tional", "ation", "ator",
            "ization", "izer", "enci", "anci", "abli", "entli", "alism", "aliti", "fulness",
            "ousli", "ousness", "iveness", "iviti", "biliti", "bli", "ogi", "fulli", "lessli",
            "alize", "icate", "iciti", "ical", "ful", "ness", "ative", "al", "ance", "ence", "er",
            "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
            "ize", "ion", "sion", "tion", "e", "l", "ll", "'s", "'", "'s'",
        ];
        let mut words = BTreeSet::new();
        for root in ROOTS {
            for suffix in SUFFIXES {
                words.insert(format!("{root}{suffix}"));
                words.insert(format!("{root}{suffix}s"));
                words.insert(format!("{root}{suffix}ed"));
            }
        }
        for w in [
            "skis", "skies", "dying", "lying", "tying", "idly", "gently", "ugly", "early", "only",
            "singly", "sky", "news", "howe", "atlas", "cosmos", "bias", "andes", "inning",
            "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed",
        ] {
            words.insert(w.to_string());
            words.insert(format!("{w}s"));
        }
        words
    }

    #[test]
    fn agrees_with_rust_stemmers_on_generated_words() {
        assert_agrees(&generated());
    }

    #[test]
    fn agrees_with_rust_stemmers_on_the_repository_texts() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let mut words = BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(root).join("tests/briefs")];
        stack.push(std::path::PathBuf::from(root).join("briefs"));
        stack.push(std::path::PathBuf::from(root).join("docs"));
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    vocabulary(&text, &mut words);
                }
            }
        }
        assert!(words.len() > 1000, "only {} words found", words.len());
        assert_agrees(&words);
    }

    /// Over the shared corpora when `BRIEF_SHARED` points at them (about 36,000 words).
    #[test]
    fn agrees_with_rust_stemmers_on_the_shared_corpora() {
        let Some(shared) = std::env::var_os("BRIEF_SHARED") else {
            return;
        };
        let shared = std::path::PathBuf::from(shared);
        let mut words = BTreeSet::new();
        for file in [
            "data/summaries/cnndm-dev.jsonl",
            "data/summaries/bbc.jsonl",
            "corpus/sino-russian-alliance.txt",
        ] {
            let text = std::fs::read_to_string(shared.join(file)).expect("shared corpus");
            vocabulary(&text, &mut words);
        }
        assert_agrees(&words);
    }
}
