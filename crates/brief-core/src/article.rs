//! The article model: one source file, split into paragraphs and sentences whose spans point
//! back into the file's original bytes.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into a source file's original bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Self { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// Where an article came from and what the brief's author said about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Stable id used in provenance, unique within a brief (e.g. `rand-report`).
    pub id: String,
    /// Path as written in brief.toml, relative to the brief folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// blake3 of the original bytes, hex.
    pub hash: String,
    /// Length of the original file in bytes.
    pub bytes: usize,
}

/// What a paragraph is, as far as structure goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Body,
    /// A heading; `level` 1 is the largest.
    Heading {
        level: u8,
    },
    /// An item of a bulleted or numbered list.
    ListItem,
    /// A block quotation.
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Stable id: `p1`, `p2`, … in document order.
    pub id: String,
    pub kind: ParagraphKind,
    pub span: Span,
    /// Indices into [`Article::sentences`]: `first..first + count`.
    pub first_sentence: usize,
    pub sentence_count: usize,
    /// Index of the heading paragraph this paragraph sits under, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<usize>,
    /// Why this paragraph is kept out of analysis (e.g. "author bio"), if it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boilerplate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Stable id: `p3.s2` is the second sentence of the third paragraph.
    pub id: String,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// The sentence's bytes in the original file.
    pub span: Span,
    /// The sentence as a reader should see it: markup removed, scraping glosses dropped,
    /// whitespace collapsed. Never contains a newline.
    pub text: String,
    /// True when the sentence belongs to boilerplate (bio, share links…) and must not be analysed.
    #[serde(default)]
    pub boilerplate: bool,
}

/// One source, ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub source: SourceInfo,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

impl Article {
    /// The sentences analysis may use, in document order.
    pub fn body_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| !s.boilerplate)
    }

    /// The sentences of one paragraph.
    pub fn sentences_of(&self, paragraph: &Paragraph) -> &[Sentence] {
        &self.sentences
            [paragraph.first_sentence..paragraph.first_sentence + paragraph.sentence_count]
    }

    /// The text of the heading a sentence sits under, if any.
    pub fn heading_of(&self, sentence: &Sentence) -> Option<String> {
        let heading = self.paragraphs.get(sentence.paragraph)?.heading?;
        let heading = self.paragraphs.get(heading)?;
        let text: Vec<&str> = self
            .sentences_of(heading)
            .iter()
            .map(|s| s.text.as_str())
            .collect();
        Some(text.join(" "))
    }

    /// The title to show for this source: configured or found title, else its id.
    pub fn display_title(&self) -> &str {
        self.source.title.as_deref().unwrap_or(&self.source.id)
    }
}
