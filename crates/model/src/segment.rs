//! Segmentation results: paragraphs, sentences and tokens, as byte offsets.

use crate::Span;
use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters (possibly with inner hyphens or apostrophes: "al-Asad", "aujourd'hui").
    Word,
    /// A French elided article or pronoun with its apostrophe: "l'", "qu’".
    Elision,
    /// Digits, possibly with thousands separators or a decimal part ("1 000", "2.5").
    Number,
    /// Punctuation, quotes and brackets.
    Punct,
    /// Anything else (symbols, emoji).
    Symbol,
}

/// One token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

/// One sentence: its byte range and the range of its tokens in [`Segmented::tokens`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range (trimmed of surrounding white space).
    pub span: Span,
    /// Indexes into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    /// Index of the paragraph it belongs to.
    pub paragraph: usize,
}

/// One paragraph (a line of the text, or a block separated by newlines).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte range (trimmed of surrounding white space).
    pub span: Span,
    /// Indexes into [`Segmented::sentences`].
    pub sentences: Range<usize>,
    /// True when the paragraph is boilerplate rather than content (a "Lire aussi :"
    /// or "Read more" link line); extraction stages skip it.
    pub boilerplate: bool,
}

/// A segmented text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segmented {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
}

impl Segmented {
    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }
    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }
    /// True when byte `offset` lies in a boilerplate paragraph.
    pub fn in_boilerplate(&self, offset: usize) -> bool {
        self.sentence_at(offset)
            .map(|s| self.paragraphs[self.sentences[s].paragraph].boilerplate)
            .unwrap_or(false)
    }
}
