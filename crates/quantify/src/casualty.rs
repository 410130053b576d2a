//! Killed and injured counts in a sentence.
//!
//! A casualty **trigger** (`data/quantify/casualty_triggers.tsv`: "tuant",
//! "were killed", "3 morts", "le martyre de", "fatalities", "wounding"…) is
//! tied to the noun phrase it counts:
//!
//! * *right* triggers count the phrase after them ("tuant quatre membres",
//!   "killing him", "the bodies of 3 men", "the death toll rose to 35");
//! * *left* triggers the phrase before them ("3 morts", "left 3 dead",
//!   "20 fatalities"); a total with nothing before it looks right
//!   ("fatalities coded as 3");
//! * participles ("killed", "tués", "blessés") look left after a passive
//!   auxiliary ("were killed", "ont été tués") or a bare number ("1 killed"),
//!   right after an active one ("has killed", "a tué", "avoir tué"),
//!   otherwise right first, then left.
//!
//! A noun phrase is a number (see [`crate::find_numbers`]), a singular
//! determiner with its noun ("a civilian", "the man", "un soldat" → 1; "a
//! family of three" → 3), "no" with a noun ("no American personnel were
//! injured" → 0), a person's name of two capitalised words or more ("killed
//! Ahmed Manasra" → 1), or a pronoun ("him", "l'a tué", "another" → 1; "them"
//! → unknown). Coordinated phrases add up ("two soldiers and a civilian were
//! killed" → 3, also with serial commas); numbers in brackets, in an
//! apposition, or after "including"/"dont" up to the verb are parts of the
//! total and are not added ("were killed, including 2 women" → the 2 is
//! ignored). Dates, ages ("a 25-year-old man"), measures ("5 km") and things
//! ("15 livestock") are never counts; "among the dead", "peine de mort",
//! "death threats" and "sentenced to death" are no casualty statements.
//!
//! The same number is never counted twice for the same kind within a
//! sentence ("un bilan de 3 morts" gives one mention), and a total ("six
//! fatalities") equal to a count already described in the sentence is
//! dropped. Vague quantities ("injuring dozens") give a mention with count
//! `None`, and so does a verb with nothing countable ("killing them"); a
//! total noun with nothing to count ("fatalities were reported") gives no
//! mention. "Killed or injured 3" gives `None` for both kinds. "No
//! casualties", "aucune victime", "no one was hurt" give count 0 for killed
//! and injured; "no fatalities" only for killed, "aucun blessé" only for
//! injured.

use sitrep_model::{Lang, Span};

use std::cell::RefCell;

use crate::date::dates_in;
use crate::lexicon::{langs, Reading, Trigger, WordSet, L, LEXICON, WORDS as W};
use crate::memo::{cached, Memo};
use crate::number::{numbers_in, NumAt};
use crate::token::{clamp, tokenize_shared, Kind, Tok};

/// Killed or injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CasualtyKind {
    /// Dead (killed, died, bodies found, "martyre").
    Killed,
    /// Injured or wounded.
    Injured,
}

/// A statement of how many were killed or injured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Casualty {
    /// Killed or injured.
    pub kind: CasualtyKind,
    /// The count; `None` when the text gives no definite number.
    pub count: Option<u32>,
    /// Bytes of the evidence: the trigger and the counted phrase.
    pub span: Span,
    /// The count is a lower bound ("at least 20", "more than 20").
    pub lower_bound: bool,
    /// The count is approximate ("une dizaine", "about 20").
    pub approx: bool,
    /// The phrase states a total ("20 fatalities", "death toll") rather than
    /// describing who was hit.
    pub toll: bool,
    /// The counted noun phrase ("quatre membres des Unités de mobilisation
    /// populaire irakiennes", "two soldiers and a civilian"), when there is one.
    pub who: Option<Span>,
}

/// Where a counted noun phrase lies and what it counts.
#[derive(Debug, Clone, Default)]
struct Np {
    /// Sum of the known counts.
    count: u32,
    /// Some part of the phrase had no definite count.
    unknown: bool,
    lower_bound: bool,
    approx: bool,
    /// Token range of the whole phrase.
    first: usize,
    end: usize,
    /// Numbers used.
    nums: Vec<usize>,
}

impl Np {
    fn add(&mut self, other: Np) {
        self.count = self.count.saturating_add(other.count);
        self.unknown |= other.unknown;
        self.lower_bound |= other.lower_bound;
        self.approx |= other.approx;
        self.first = self.first.min(other.first);
        self.end = self.end.max(other.end);
        self.nums.extend(other.nums);
    }
    fn count(&self) -> Option<u32> {
        if self.unknown && self.count == 0 {
            None
        } else {
            Some(self.count)
        }
    }
}

/// The analysis state of one sentence.
struct Sentence<'a> {
    toks: &'a [Tok<'a>],
    ls: &'a [L],
    nums: Vec<NumAt>,
    /// Token index → index into `nums`.
    num_of: Vec<Option<usize>>,
    /// Numbers used per kind (killed, injured).
    used: [Vec<bool>; 2],
    /// Tokens of a noun phrase already counted, per kind.
    used_tok: [Vec<bool>; 2],
    /// Tokens that belong to a trigger or zero phrase.
    trigger_tok: Vec<bool>,
    /// Tokens of a date expression ("overnight", "mardi soir").
    date_tok: Vec<bool>,
}

/// A list of words: a set from the data file or an inline array.
trait WordList {
    fn has(&self, w: &str) -> bool;
}

impl WordList for WordSet {
    fn has(&self, w: &str) -> bool {
        self.contains(w)
    }
}

impl<const N: usize> WordList for [&str; N] {
    fn has(&self, w: &str) -> bool {
        self.contains(&w)
    }
}

fn is<T: WordList + ?Sized>(t: Option<&Tok>, words: &T) -> bool {
    t.is_some_and(|t| words.has(t.norm))
}

/// True when determiner `det` with head noun `head` denotes one.
fn one_det(det: &str, head: &str, ls: &[L]) -> bool {
    // After "the", "-is" is a plural too ("the Houthis") but for a few nouns.
    let is_plural = head.ends_with("is")
        && !["analysis", "crisis", "basis", "axis", "oasis", "thesis", "this"].contains(&head);
    ["a", "an", "one", "un", "une", "another"].contains(&det)
        || (W.singular_det.contains(det) && !plural(head, ls) && !is_plural)
}

fn plural(word: &str, ls: &[L]) -> bool {
    if W.irregular_plural.contains(word) {
        return true;
    }
    if ls.contains(&L::Fr) && (word.ends_with('x') || word.ends_with('s')) {
        return true;
    }
    word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") && !word.ends_with("is")
}

impl<'a> Sentence<'a> {
    fn new(text: &str, toks: &'a [Tok], ls: &'a [L]) -> Sentence<'a> {
        // Tokens inside a date expression (dates come in text order, so one
        // pass marks them all).
        let mut date_tok = vec![false; toks.len()];
        let mut t = 0;
        for d in dates_in(text, toks, ls, None) {
            while t < toks.len() && toks[t].end <= d.span.start {
                t += 1;
            }
            while t < toks.len() && toks[t].start < d.span.end {
                date_tok[t] = true;
                t += 1;
            }
        }
        let nums: Vec<NumAt> = numbers_in(text, toks, ls)
            .into_iter()
            .filter(|n| !date_tok[n.first..n.end].iter().any(|&d| d) && !measure_after(toks, n.end))
            .collect();
        let mut num_of = vec![None; toks.len()];
        for (k, n) in nums.iter().enumerate() {
            for slot in &mut num_of[n.first..n.end] {
                *slot = Some(k);
            }
        }
        let used = [vec![false; nums.len()], vec![false; nums.len()]];
        let used_tok = [vec![false; toks.len()], vec![false; toks.len()]];
        Sentence {
            toks,
            ls,
            nums,
            num_of,
            used,
            used_tok,
            trigger_tok: vec![false; toks.len()],
            date_tok,
        }
    }

    fn tok(&self, i: usize) -> Option<&'a Tok<'a>> {
        self.toks.get(i)
    }

    /// A countable phrase starting at token `k` (for right triggers).
    fn np_at(&self, k: usize, kind: usize) -> Option<Np> {
        let t = self.tok(k)?;
        if self.used_tok[kind][k] {
            return None;
        }
        if let Some(n) = self.num_of[k].filter(|&n| self.nums[n].first == k) {
            if self.used[kind][n] {
                return None;
            }
            let num = &self.nums[n];
            let (h, end) = self.head_end(num.end);
            // "une famille de cinq personnes", "one family of four": "une" is the article of a
            // group whose own number counts.
            if num.value == Some(1) && h > num.end && is(self.tok(h), &W.of) {
                if let Some(mut np) = self.np_at(h + 1, kind).filter(|np| !np.nums.is_empty()) {
                    np.first = k;
                    return Some(np);
                }
            }
            return Some(Np {
                count: num.value.unwrap_or(0),
                unknown: num.value.is_none(),
                lower_bound: num.lower_bound,
                approx: num.approx,
                first: k,
                end,
                nums: vec![n],
            });
        }
        // "the three men", "all four crew members", "les 4 passagers", "another five".
        if W.before_number.contains(t.norm) {
            if let Some(mut np) = self.np_at(k + 1, kind).filter(|np| !np.nums.is_empty()) {
                np.first = k;
                return Some(np);
            }
        }
        if W.one_pronoun.contains(t.norm) && !self.starts_np(k + 1) {
            return Some(Np { count: 1, first: k, end: k + 1, ..Np::default() });
        }
        if W.many_pronoun.contains(t.norm) && t.norm != "les" {
            return Some(Np { unknown: true, first: k, end: k + 1, ..Np::default() });
        }
        if let Some(end) = self.name_at(k) {
            return Some(Np { count: 1, first: k, end, ..Np::default() });
        }
        // "a tué des civils": some, count unknown.
        if t.norm == "des" {
            let (h, end) = self.head_end(k + 1);
            if h > k + 1 {
                return Some(Np { unknown: true, first: k, end, ..Np::default() });
            }
        }
        // French "à" folds to "a": a preposition ("blessés à Gao"), not an article.
        let french_a = t.norm == "a" && !self.ls.contains(&L::En);
        if !french_a && (W.singular_det.contains(t.norm) || W.plural_det.contains(t.norm)) {
            let (h, end) = self.head_end(k + 1);
            if h > k + 1 {
                // "a family of three", "a group of 20 civilians": the number counts.
                if is(self.tok(h), &W.of) {
                    if let Some(mut np) = self.np_at(h + 1, kind).filter(|np| !np.nums.is_empty()) {
                        np.first = k;
                        return Some(np);
                    }
                }
                let one = one_det(t.norm, self.toks[h - 1].norm, self.ls);
                return Some(Np {
                    count: u32::from(one),
                    unknown: !one,
                    first: k,
                    end,
                    ..Np::default()
                });
            }
        }
        None
    }

    /// The end of a person's name starting at `k` ("Ahmed Manasra",
    /// "Abu Bakr al-Baghdadi"): two capitalised words or more, followed by
    /// punctuation, a stop word or the end.
    fn name_at(&self, k: usize) -> Option<usize> {
        let first = self.tok(k)?;
        if !first.cap || first.kind != Kind::Word || self.trigger_tok[k] || self.date_tok[k] {
            return None;
        }
        let (mut j, mut caps, mut last) = (k, 0, k);
        while let Some(t) = self.tok(j) {
            let glued_punct = (t.is_punct("-") || t.is_punct("'")) && !t.space_before;
            if t.kind == Kind::Word
                && Name::fits(t)
                && !self.trigger_tok[j]
                && !self.date_tok[j]
                && !W.stop.contains(t.norm)
            {
                caps += usize::from(t.cap);
                last = j;
            } else if !glued_punct {
                break;
            }
            j += 1;
        }
        let ends_well = self
            .tok(j)
            .is_none_or(|t| t.kind == Kind::Punct || W.stop.contains(t.norm) || self.date_tok[j]);
        (caps >= 2 && ends_well && !plural(self.toks[last].norm, self.ls)).then_some(last + 1)
    }

    /// True when a noun phrase starts at `k` (after a pronoun, "her" is a determiner).
    fn starts_np(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| {
            t.kind == Kind::Word && !W.stop.contains(t.norm) && !self.trigger_tok[k]
        })
    }

    /// The end of the words that follow a number or determiner, and of a
    /// complement ("membres des Unités de mobilisation populaire").
    fn head_end(&self, from: usize) -> (usize, usize) {
        let mut end = from;
        let mut words = 0;
        while let Some(t) = self.tok(end) {
            let ok_word = t.kind == Kind::Word
                && !W.stop.contains(t.norm)
                && !self.trigger_tok[end]
                && !self.date_tok[end];
            let hyphen = t.is_punct("-")
                && !t.space_before
                && self.tok(end + 1).is_some_and(|n| !n.space_before);
            if ok_word && words < 5 && !W.of.contains(t.norm) {
                words += 1;
                end += 1;
            } else if hyphen && words > 0 {
                end += 1;
            } else {
                break;
            }
        }
        if words == 0 {
            return (from, from);
        }
        // A complement: "of the army", "des Unités de mobilisation populaire irakiennes".
        if is(self.tok(end), &W.of) && self.num_of.get(end + 1).is_some_and(Option::is_none) {
            let mut k = end + 1;
            let mut last = end;
            let mut n = 0;
            while let Some(t) = self.tok(k) {
                let joiner = ["de", "des", "du", "d'", "of", "the", "la", "le", "l'", "al"]
                    .contains(&t.norm)
                    || (t.is_punct("-") && !t.space_before);
                let word = t.kind == Kind::Word
                    && !W.stop.contains(t.norm)
                    && !self.trigger_tok[k]
                    && !self.date_tok[k];
                if n >= 10 || !(joiner || word) {
                    break;
                }
                if word && !joiner {
                    last = k + 1;
                }
                n += 1;
                k += 1;
            }
            if last > end {
                return (end, last);
            }
        }
        (end, end)
    }

    /// The first unused number within ten tokens after a total ("the death
    /// toll from Monday's earthquake has risen to 1,200"), in the same clause.
    fn toll_number(&self, j: usize, kind: usize) -> Option<Np> {
        for k in j..(j + 10).min(self.toks.len()) {
            let t = &self.toks[k];
            if [".", ";", "!", "?"].iter().any(|p| t.is_punct(p)) || self.trigger_tok[k] {
                return None;
            }
            // "on both sides" is no total.
            let starts_number = self.num_of[k].is_some_and(|n| self.nums[n].first == k)
                && !is(Some(t), &["both", "les"]);
            if starts_number {
                return self.np_at(k, kind);
            }
        }
        None
    }

    /// The phrase after a right trigger ending at token `j`, with coordination.
    fn right_np(&self, j: usize, kind: usize, toll: bool) -> Option<Np> {
        let mut k = j;
        let mut skipped = 0;
        while skipped < 5 {
            let t = self.tok(k)?;
            let quote = t.kind == Kind::Punct && ["«", "»", "\"", "“", "”"].contains(&t.norm);
            let skip = (W.right_skip.contains(t.norm) || self.date_tok[k] || quote)
                && self.num_of[k].is_none()
                && !(t.norm == "an" && self.np_at(k, kind).is_some());
            let toll_skip = toll && W.toll_skip.contains(t.norm) && self.num_of[k].is_none();
            // "killing and injuring dozens": share the phrase of the next trigger.
            let shared = is(Some(t), &["and", "et", "or", "ou"])
                && self
                    .tok(k + 1)
                    .is_some_and(|_| self.trigger_tok.get(k + 1).copied().unwrap_or(false));
            if shared {
                k += 2;
                while self.trigger_tok.get(k).copied().unwrap_or(false) {
                    k += 1;
                }
            } else if skip || toll_skip {
                k += 1;
            } else {
                break;
            }
            skipped += 1;
        }
        let mut np = match self.np_at(k, kind) {
            Some(np) => np,
            None if toll => self.toll_number(j, kind)?,
            None => return None,
        };
        // Coordination: "two soldiers and a civilian".
        loop {
            let mut c = np.end;
            if is(self.tok(c), &W.subset) || is(self.tok(c + 1), &W.subset) {
                break;
            }
            if is(self.tok(c), &["as"])
                && is(self.tok(c + 1), &["well"])
                && is(self.tok(c + 2), &["as"])
            {
                c += 3;
            } else if is(self.tok(c), &["ainsi"]) && is(self.tok(c + 1), &["que"]) {
                c += 2;
            } else if is(self.tok(c), &["and", "et", "plus"]) {
                c += 1;
            } else if self.tok(c).is_some_and(|t| t.is_punct(",")) {
                // A comma joins only in a list closed by "and"/"et"
                // ("killed Luay Abdel Wahed, an election candidate" is one).
                if !self.list_closes(c, kind) {
                    break;
                }
                c += 1;
            } else {
                break;
            }
            // "la mort de deux policiers et d'un civil".
            if is(self.tok(c), &W.of) {
                c += 1;
            }
            // A coordinated name is no person count ("nine soldiers and Iraqi
            // Police Service officers").
            // Nor is "the Levant" in "seven Islamic State of Iraq and the Levant
            // members": a determiner phrase must have a lowercase head.
            let proper_head = |n: &Np| {
                n.nums.is_empty()
                    && (n.first..n.end)
                        .rev()
                        .find(|&x| self.toks[x].kind == Kind::Word)
                        .is_some_and(|h| self.toks[h].cap)
            };
            match self
                .np_at(c, kind)
                .filter(|n| (self.name_at(c).is_none() || !n.nums.is_empty()) && !proper_head(n))
            {
                Some(next) => np.add(next),
                None => break,
            }
        }
        Some(np)
    }

    /// True when the comma at `c` starts list items closed by "and"/"et"
    /// ("two soldiers, a policeman and a civilian").
    fn list_closes(&self, mut c: usize, kind: usize) -> bool {
        for _ in 0..6 {
            let Some(next) = self.np_at(c + 1, kind) else { return false };
            if self.name_at(c + 1).is_some() && next.nums.is_empty() {
                return false;
            }
            match self.tok(next.end) {
                Some(t) if is(Some(t), &["and", "et"]) => return true,
                Some(t) if t.is_punct(",") => c = next.end,
                _ => return false,
            }
        }
        false
    }

    /// The phrase before a left trigger starting at token `i`, scanning no
    /// further back than `lo`. `Err(())` when it is a number already counted.
    fn left_np(&self, i: usize, lo: usize, kind: usize) -> Result<Option<Np>, ()> {
        let mut k = i;
        while k > lo {
            if (is(self.tok(k - 1), &W.left_skip) || self.date_tok[k - 1])
                && self.num_of[k - 1].is_none()
            {
                k -= 1;
            } else if k >= lo + 2
                && is(self.tok(k - 1), &["and"])
                && self.tok(k - 2).is_some_and(|t| t.norm.ends_with("ed"))
            {
                // "was attacked and beaten to death".
                k -= 2;
            } else {
                break;
            }
        }
        // "mention of fatalities" is no count, "une dizaine de blessés" is.
        let quantity_of = k >= 2 && is(self.tok(k - 1), &W.of) && self.num_of[k - 2].is_some();
        if k <= lo || (is(self.tok(k - 1), &W.no_count_before) && !quantity_of) {
            return Ok(None);
        }
        let np_end = k;
        let mut total: Option<Np> = None;
        let mut seen_and = false;
        let mut max_words = 8;
        while let Some((item, before)) = self.left_item(k, lo, np_end, kind, max_words)? {
            // "five personnel including one policeman and four soldiers": all
            // that follows "including" is a part of the total, not added.
            if before > lo && is(self.tok(before - 1), &W.subset) {
                total = None;
                seen_and = false;
                k = before - 1;
                max_words = 8;
                continue;
            }
            match total.as_mut() {
                Some(t) => t.add(item),
                None => total = Some(item),
            }
            // Coordination to the left of the item.
            let mut c = before;
            if c > lo && is(self.tok(c - 1), &["and", "et", "plus"]) {
                c -= 1;
                seen_and = true;
                // The serial comma: "3 policemen, 2 militiamen, and 1 soldier".
                if c > lo && self.tok(c - 1).is_some_and(|t| t.is_punct(",")) {
                    c -= 1;
                }
            } else if c >= lo + 3
                && is(self.tok(c - 1), &["as"])
                && is(self.tok(c - 2), &["well"])
                && is(self.tok(c - 3), &["as"])
            {
                c -= 3;
                seen_and = true;
            } else if c >= lo + 2
                && is(self.tok(c - 1), &["que"])
                && is(self.tok(c - 2), &["ainsi"])
            {
                c -= 2;
                seen_and = true;
            } else if c > lo && seen_and && self.tok(c - 1).is_some_and(|t| t.is_punct(",")) {
                c -= 1;
            } else {
                break;
            }
            k = c;
            max_words = 3;
        }
        if let Some(t) = total.as_mut() {
            t.end = t.end.max(np_end);
        }
        Ok(total)
    }

    /// One counted item ending before token `k`: (phrase, index of its first token).
    #[allow(clippy::result_unit_err)]
    fn left_item(
        &self,
        k: usize,
        lo: usize,
        np_end: usize,
        kind: usize,
        max_words: usize,
    ) -> Result<Option<(Np, usize)>, ()> {
        let mut k = k;
        let mut words = 0;
        let mut head: Option<usize> = None;
        let mut name = Name::default();
        let mut complement_done = false;
        // Where the scan ends without a number or determiner, a proper name
        // ("Abbas al-Ju'ani was injured") is one person.
        let one = |first: usize| Np { count: 1, first, end: np_end, ..Np::default() };
        // Names only for the first item: a coordinated one is a short phrase.
        let by_name = |name: &Name, head: Option<usize>| {
            (max_words > 3 && name.person(self, head)).then(|| (one(name.first), name.first))
        };
        while k > lo {
            let t = &self.toks[k - 1];
            if self.date_tok[k - 1] && self.num_of[k - 1].is_none() {
                k -= 1;
                continue;
            }
            // "The body of a man was found dead": already counted.
            if self.used_tok[kind][k - 1] {
                return Err(());
            }
            if let Some(n) = self.num_of[k - 1] {
                if self.used[kind][n] {
                    return Err(());
                }
                let num = &self.nums[n];
                // "eight of whom were beheaded": a part of a total.
                if is(self.tok(num.end), &["of"])
                    && is(self.tok(num.end + 1), &["whom", "them", "which", "those"])
                {
                    return Err(());
                }
                // "Quatre membres d'une même famille": a number in a complement.
                let article = is(self.tok(num.first), &["un", "une", "one"]);
                if article && num.first > lo && is(self.tok(num.first - 1), &W.of) {
                    words = 0;
                    head = None;
                    name = Name::default();
                    k = num.first - 1;
                    continue;
                }
                let np = Np {
                    count: num.value.unwrap_or(0),
                    unknown: num.value.is_none(),
                    lower_bound: num.lower_bound,
                    approx: num.approx,
                    first: num.first,
                    end: k + words,
                    nums: vec![n],
                };
                return Ok(Some((np, num.first)));
            }
            if t.is_punct(")") {
                // Skip a bracketed detail: "19 (10 policemen and 9 civilians)".
                match self.open_bracket(k, lo) {
                    Some(m) => {
                        k = m;
                        continue;
                    }
                    None => return Ok(None),
                }
            }
            if t.is_punct(",") && words == 0 {
                match self.skip_apposition(k, lo, np_end) {
                    Some(m) => {
                        k = m;
                        name.apposed = true;
                        continue;
                    }
                    None => return Ok(None),
                }
            }
            if t.kind == Kind::Num && measure_after(self.toks, k) {
                // "a 25-year-old man": part of the phrase, not its count.
                words += 1;
                name.spoil();
                k -= 1;
                continue;
            }
            if t.kind != Kind::Word && !(t.is_punct("-") || t.is_punct("'")) {
                return Ok(by_name(&name, head));
            }
            if t.kind != Kind::Word {
                k -= 1;
                continue;
            }
            if words == 0 && ["he", "she", "il", "elle", "another"].contains(&t.norm) {
                return Ok(Some((one(k - 1), k - 1)));
            }
            if self.trigger_tok[k - 1] || W.left_boundary.contains(t.norm) {
                return Ok(by_name(&name, head));
            }
            if head.is_none() {
                head = Some(k - 1);
            }
            let zero = W.zero_det.contains(t.norm);
            // French "a" is "has", not an article.
            let french_a = t.norm == "a" && !self.ls.contains(&L::En);
            let det = !french_a && zero
                || W.singular_det.contains(t.norm)
                || W.plural_det.contains(t.norm);
            if det && words > 0 {
                let before = k.checked_sub(2).and_then(|b| self.tok(b));
                // "in the blast": a complement, not a subject.
                let prep_before = is(before, &W.stop)
                    && !is(before, &W.subset)
                    && !is(before, &["and", "et", "as", "a", "were", "was", "est", "sont", "ont"]);
                if prep_before {
                    // "a fugitive from the penitentiary system was killed": a
                    // short complement, when no "and" could start a clause.
                    let short = words <= 3
                        && (k - 1..np_end).all(|x| !is(self.tok(x), &["and", "et", ","]));
                    if short && !complement_done {
                        complement_done = true;
                        words = 0;
                        head = None;
                        name = Name::default();
                        k -= 2;
                        continue;
                    }
                    return Ok(None);
                }
                // A coordinated determiner phrase is short ("the NDS district
                // head and his bodyguard"); "A shoot-out broke out and ..." is
                // a clause, ending in a particle.
                let particle = head.is_some_and(|h| {
                    is(self.tok(h), &["out", "up", "down", "off", "away", "back", "again", "later"])
                });
                if max_words <= 3 && (words > 3 || particle) {
                    return Ok(None);
                }
                // "of the army": keep looking for the head.
                if !is(before, &W.of) {
                    let h = head.map_or("", |h| self.toks[h].norm);
                    if zero {
                        // "no American personnel were injured".
                        let np = Np { first: k - 1, end: np_end, ..Np::default() };
                        return Ok(Some((np, k - 1)));
                    }
                    let one = one_det(t.norm, h, self.ls);
                    let np = Np {
                        count: u32::from(one),
                        unknown: !one,
                        first: k - 1,
                        end: np_end,
                        ..Np::default()
                    };
                    return Ok(Some((np, k - 1)));
                }
            }
            if W.of.contains(t.norm) || W.subset.contains(t.norm) {
                // "one member of the officer's family": the complement does not
                // count; "two militants including HM's chief": nor does the part.
                words = 0;
                head = None;
                name = Name::default();
                k -= 1;
                continue;
            }
            if name.ends_at(t) && !det && !W.of.contains(t.norm) {
                if let Some(found) = by_name(&name, head) {
                    return Ok(Some(found));
                }
            }
            name.word(t, k - 1);
            // "pro-government" is one word.
            // Count written words: "pro-government" and "Asa'ib" are one.
            words += usize::from(t.space_before);
            if words > max_words {
                return Ok(None);
            }
            k -= 1;
        }
        Ok(by_name(&name, head))
    }

    /// The index of the `(` that opens the `)` at `k - 1`.
    fn open_bracket(&self, k: usize, lo: usize) -> Option<usize> {
        let mut depth = 0;
        let mut m = k;
        while m > lo {
            m -= 1;
            if self.toks[m].is_punct(")") {
                depth += 1;
            } else if self.toks[m].is_punct("(") {
                depth -= 1;
                if depth == 0 {
                    return Some(m);
                }
            }
        }
        None
    }

    /// Skip comma-separated material before the comma at `k - 1`: parts
    /// ("Five people, including two children, were killed", also over several
    /// commas) or an apposition right before the verb ("one person, the driver
    /// of the vehicle, was killed"). Returns the index to continue from.
    fn skip_apposition(&self, k: usize, lo: usize, np_end: usize) -> Option<usize> {
        // A part: the nearest "including" within a few segments.
        let mut m = k - 1;
        let mut segments = 0;
        while m > lo && segments < 4 && k - m < 30 {
            m -= 1;
            let t = &self.toks[m];
            if t.is_punct(",") {
                segments += 1;
            } else if W.subset.contains(t.norm) {
                return (m > lo && self.toks[m - 1].is_punct(",")).then(|| m - 1);
            }
        }
        // An apposition of one segment, right before the verb.
        let mut m = k - 1;
        while m > lo && !self.toks[m - 1].is_punct(",") {
            m -= 1;
        }
        (k == np_end && k - m <= 20 && m > lo).then(|| m - 1)
    }
}

/// A run of capitalised words read backwards: a person's name.
#[derive(Debug, Clone, Copy, Default)]
struct Name {
    /// Capitalised words seen.
    caps: usize,
    /// A lowercase word came first or interrupted the run: no name.
    spoiled: bool,
    /// First token of the name.
    first: usize,
    /// An apposition follows the name.
    apposed: bool,
}

/// Lowercase particles inside names ("Abu Bakr al-Baghdadi").
const NAME_PARTICLES: [&str; 10] =
    ["al", "el", "bin", "ibn", "abu", "de", "del", "da", "van", "von"];

impl Name {
    fn fits(t: &Tok) -> bool {
        // "Ju'ani": a lowercase piece glued after an apostrophe or hyphen.
        t.cap || NAME_PARTICLES.contains(&t.norm) || !t.space_before
    }
    /// True when `t` ends a run of name words (it does not fit in a name).
    fn ends_at(&self, t: &Tok) -> bool {
        !self.spoiled && self.caps > 0 && !Name::fits(t)
    }
    /// Feed the next word to the left.
    fn word(&mut self, t: &Tok, i: usize) {
        if self.spoiled {
            return;
        }
        if t.norm == "s" && !t.space_before {
            // "the regime's Air Force Intelligence": a possessive, no name.
            self.spoiled = true;
        } else if Name::fits(t) {
            self.caps += usize::from(t.cap);
            self.first = i;
        } else {
            self.spoiled = true;
        }
    }
    fn spoil(&mut self) {
        self.spoiled = true;
    }
    /// True when the run is a person's name: two capitalised words or more
    /// (one before an apposition: "Shamry, a candidate, was killed"), the
    /// head not a plural.
    fn person(&self, s: &Sentence<'_>, head: Option<usize>) -> bool {
        let head_plural = head.is_some_and(|h| plural(s.toks[h].norm, s.ls));
        let enough = self.caps >= 2 || (self.caps == 1 && self.apposed);
        !self.spoiled && enough && !head_plural
    }
}

/// A number followed by a unit or "-year-old" is a measure, not a count.
fn measure_after(toks: &[Tok], end: usize) -> bool {
    let Some(t) = toks.get(end) else { return false };
    if W.units.contains(t.norm) {
        return true;
    }
    t.is_punct("-")
        && is(toks.get(end + 1), &["year", "years", "month", "day", "km", "mile", "ans"])
}

fn kind_index(killed: bool) -> usize {
    usize::from(!killed)
}

fn span_of(toks: &[Tok], first: usize, end: usize) -> Span {
    Span::new(toks[first].start, toks[end - 1].end)
}

/// Every killed or injured count stated in `span` of `text` (one sentence or
/// clause), in text order. See the module notes for the semantics.
///
/// ```
/// use sitrep_model::{Lang, Span};
/// use sitrep_quantify::{find_casualties, CasualtyKind};
/// let s = "Des avions ont ciblé la frontière, tuant quatre membres des Unités de mobilisation.";
/// let c = find_casualties(s, Span::new(0, s.len()), Lang::Fr);
/// assert_eq!((c[0].kind, c[0].count), (CasualtyKind::Killed, Some(4)));
/// assert_eq!(c[0].who.map(|w| w.slice(s)), Some("quatre membres des Unités de mobilisation"));
/// ```
pub fn find_casualties(text: &str, span: Span, lang: Lang) -> Vec<Casualty> {
    let span = clamp(text, span);
    let body = &text[span.start..span.end];
    cached(&MEMO, (span.start, lang), body, || casualties_in(text, span, lang))
}

thread_local! {
    static MEMO: RefCell<Memo<(usize, Lang), Vec<Casualty>>> = RefCell::new(Memo::default());
}

/// [`find_casualties`] without the memory, `span` clamped.
fn casualties_in(text: &str, span: Span, lang: Lang) -> Vec<Casualty> {
    let tokens = tokenize_shared(text, span);
    let toks = tokens.toks();
    let ls = langs(lang);
    let lex = &*LEXICON;
    let no_slot = |_: usize| None;

    // Mark zero phrases and triggers first, so phrases stop at them.
    let mut found: Vec<(usize, usize, Option<Trigger>, Option<crate::lexicon::Zero>)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some(z) = lex.zeros.match_at(&toks, i, ls, &no_slot) {
            found.push((i, z.end, None, Some(*z.value)));
            i = z.end;
        } else if let Some(m) = lex.triggers.match_at(&toks, i, ls, &no_slot) {
            if not_a_death(&toks, i, m.end) {
                // "leading to death of one demonstrator": "death of" may follow.
                let death_of = toks[i].norm == "to" && is(toks.get(m.end), &["of"]);
                i = if death_of { i + 1 } else { m.end };
            } else if adjective(&toks, i, m.end, m.value, ls) {
                // "a wounded soldier later died": the noun phrase of another verb.
                i = m.end;
            } else {
                found.push((i, m.end, Some(*m.value), None));
                i = m.end;
            }
        } else {
            i += 1;
        }
    }
    // Without a trigger or zero phrase there is nothing to count: the
    // sentence's dates and numbers need not be read.
    if found.is_empty() {
        return Vec::new();
    }
    let mut s = Sentence::new(text, &toks, ls);
    for &(a, b, _, _) in &found {
        for t in &mut s.trigger_tok[a..b] {
            *t = true;
        }
    }

    let mut out: Vec<Casualty> = Vec::new();
    // Left scans stop at the previous statement (or "no casualties" phrase).
    let mut lo = 0;
    for &(a, b, trig, zero) in &found {
        if let Some(z) = zero {
            // ("among the dead" is in the table with neither kind: nothing to count.)
            for (on, kind) in [(z.killed, CasualtyKind::Killed), (z.injured, CasualtyKind::Injured)]
            {
                if on {
                    out.push(zero_casualty(kind, span_of(&toks, a, b)));
                }
            }
            lo = b;
            continue;
        }
        let Some(trig) = trig else { continue };
        if let Some(c) = resolve(&mut s, a, b, lo, trig) {
            out.push(c);
        }
        lo = b;
    }
    dedupe_tolls(text, out)
}

fn zero_casualty(kind: CasualtyKind, span: Span) -> Casualty {
    Casualty {
        kind,
        count: Some(0),
        span,
        lower_bound: false,
        approx: false,
        toll: false,
        who: None,
    }
}

/// An English participle between a determiner and its noun ("a wounded
/// soldier", "the dead man"): an adjective, not a statement.
fn adjective(toks: &[Tok], i: usize, end: usize, trig: &Trigger, ls: &[L]) -> bool {
    let det_before =
        i > 0 && (is(toks.get(i - 1), &W.singular_det) || is(toks.get(i - 1), &W.plural_det));
    let noun_after =
        toks.get(end).is_some_and(|t| t.kind == Kind::Word && !W.stop.contains(t.norm));
    let participle = trig.reading == Reading::Verb || (trig.reading == Reading::Left && !trig.toll);
    participle && end == i + 1 && det_before && noun_after && ls.contains(&L::En)
}

/// "peine de mort", "condamné à mort", "menaces de mort": no death.
fn not_a_death(toks: &[Tok], i: usize, end: usize) -> bool {
    let t = &toks[i];
    // "attempted to kill", "threatened to kill", "will kill": not done.
    if t.norm == "kill" && i > 0 {
        return is(toks.get(i - 1), &W.intent);
    }
    // "deux roquettes se sont abattues": they fell.
    if t.norm.starts_with("abattu") {
        return (i.saturating_sub(3)..i).any(|k| is(toks.get(k), &["se", "s'"]));
    }
    if t.norm == "death" || t.norm == "to" {
        // "death threats", "death penalty"; "leading to death of one demonstrator".
        let after = toks.get(end);
        if is(after, &W.not_death_after) || (t.norm == "to" && is(after, &["of"])) {
            return true;
        }
    }
    if t.norm == "to" {
        // "sentenced him to death", "threatened to put them to death".
        return (i.saturating_sub(5)..i).any(|k| is(toks.get(k), &W.not_death_before));
    }
    if !t.norm.starts_with("mort") || i < 2 {
        return false;
    }
    is(toks.get(i - 1), &["de", "a"]) && is(toks.get(i - 2), &W.not_death_before)
}

/// Count the phrase of one trigger spanning tokens `a..b`.
fn resolve(s: &mut Sentence<'_>, a: usize, b: usize, lo: usize, trig: Trigger) -> Option<Casualty> {
    let kind = kind_index(trig.killed);
    let toks = s.toks;
    let before = a.checked_sub(1).and_then(|k| toks.get(k));
    // "his injuries", "les blessures", "the dead": a description, not a count.
    if trig.reading == Reading::Left && trig.toll && is(before, &W.possessive) {
        return None;
    }
    let pronoun_one =
        |k: usize| is(k.checked_sub(1).and_then(|k| toks.get(k)), &["le", "la", "l'"]);
    let np: Result<Option<Np>, ()> = match trig.reading {
        Reading::Right => {
            if pronoun_one(a) {
                Ok(Some(Np { count: 1, first: a - 1, end: a, ..Np::default() }))
            } else {
                Ok(s.right_np(b, kind, trig.toll))
            }
        }
        // "20 fatalities", or failing that "fatalities coded as 20".
        Reading::Left => match s.left_np(a, lo, kind) {
            Ok(None) if trig.toll => Ok(s.right_np(b, kind, true)),
            // "Dozens of fatalities coded as 12": the number wins.
            Ok(Some(np)) if trig.toll && np.count().is_none() => {
                let right = s.right_np(b, kind, true).filter(|r| r.count().is_some());
                Ok(right.or(Some(np)))
            }
            r => r,
        },
        Reading::Verb => {
            let mut k = a;
            while k > lo && is(toks.get(k - 1), &W.adverbs) {
                k -= 1;
            }
            // Lowercase only: "IS" (the group) is no auxiliary.
            let aux = k.checked_sub(1).and_then(|k| toks.get(k)).filter(|t| !t.cap);
            let number_before = k > 0 && s.num_of[k - 1].is_some();
            if is(aux, &W.passive) || number_before {
                // "were killed"; "1 killed 3 injured".
                s.left_np(a, lo, kind)
            } else if is(aux, &W.active) {
                if pronoun_one(k - 1) {
                    Ok(Some(Np { count: 1, first: k - 2, end: k - 1, ..Np::default() }))
                } else {
                    Ok(s.right_np(b, kind, trig.toll))
                }
            } else if is(aux, &["and", "et"]) && s.right_np(b, kind, trig.toll).is_none() {
                // "a man was abducted by four men and stabbed to death": the
                // subject of the first passive verb.
                let passive = (lo.max(k.saturating_sub(15))..k - 1)
                    .rev()
                    .find(|&x| is(toks.get(x), &W.passive) && !toks[x].cap);
                match passive {
                    Some(x) => s.left_np(x + 1, lo, kind),
                    None => s.left_np(a, lo, kind),
                }
            } else {
                match s.right_np(b, kind, trig.toll) {
                    Some(np) => Ok(Some(np)),
                    None => s.left_np(a, lo, kind),
                }
            }
        }
    };
    let Ok(mut np) = np else { return None };
    if let Some(n) = &np {
        // The head noun, before any complement ("four helicopter crew members").
        let stop = (n.first..n.end).find(|&k| is(toks.get(k), &W.of)).unwrap_or(n.end);
        let head = (n.first..stop).rev().find(|&k| toks[k].kind == Kind::Word);
        // (In French the noun comes first and its adjectives after: "47 drones ukrainiens".)
        let first_noun = (n.first..stop)
            .find(|&k| toks[k].kind == Kind::Word && s.num_of.get(k).is_none_or(|x| x.is_none()));
        let french_head = s.ls.contains(&L::Fr).then_some(first_noun).flatten();
        // ("l'un des drones", "one of the drones": a number alone before its complement counts
        // the complement's noun.)
        let of_noun = first_noun
            .is_none()
            .then(|| {
                (stop + 1..n.end).find(|&k| toks[k].kind == Kind::Word && !is(toks.get(k), &W.of))
            })
            .flatten();
        if head.is_some_and(|h| is(toks.get(h), &W.not_people))
            || french_head.is_some_and(|h| is(toks.get(h), &W.not_people))
            || of_noun.is_some_and(|h| is(toks.get(h), &W.not_people))
        {
            return None;
        }
        // "shot down 45 of 60 drones", "abattu 45 des 60 drones", "l'un des drones": a part of
        // things counted.
        if is(toks.get(n.end), &W.of) {
            let whole = s.num_of.get(n.end + 1).copied().flatten().map(|k| s.nums[k].end);
            let next = (n.end + 1..toks.len().min(n.end + 3)).find(|&k| toks[k].kind == Kind::Word);
            if whole.is_some_and(|e| is(toks.get(e), &W.not_people))
                || next.is_some_and(|k| is(toks.get(k), &W.not_people))
            {
                return None;
            }
        }
    }
    // "killed or injured 3", "3 were killed, injured or captured": not a count of the dead.
    if disjunctive(s, a, b) {
        if let Some(n) = np.as_mut() {
            n.unknown = true;
            n.count = 0;
            n.nums.clear();
        }
    }
    let kind_v = if trig.killed { CasualtyKind::Killed } else { CasualtyKind::Injured };
    let trig_span = span_of(toks, a, b);
    let Some(np) = np else {
        // A total with nothing to count ("fatalities were reported", "tel est
        // le bilan") says nothing.
        if trig.toll {
            return None;
        }
        return Some(Casualty {
            kind: kind_v,
            count: None,
            span: trig_span,
            lower_bound: false,
            approx: false,
            toll: trig.toll,
            who: None,
        });
    };
    for &n in &np.nums {
        s.used[kind][n] = true;
    }
    for u in &mut s.used_tok[kind][np.first..np.end.min(toks.len())] {
        *u = true;
    }
    let who = (np.end > np.first).then(|| span_of(toks, np.first, np.end));
    let start = trig_span.start.min(who.map_or(usize::MAX, |w| w.start));
    let end = trig_span.end.max(who.map_or(0, |w| w.end));
    // A bare number before the participle ("1 killed, 7 injured") states a total.
    let bare = np.nums.len() == 1 && np.end <= a && s.nums[np.nums[0]].end == a;
    Some(Casualty {
        kind: kind_v,
        count: np.count(),
        span: Span::new(start, end),
        lower_bound: np.lower_bound || (np.unknown && np.count > 0),
        approx: np.approx,
        toll: trig.toll || bare,
        who,
    })
}

/// True when the trigger `a..b` is one term of "killed or injured".
fn disjunctive(s: &Sentence<'_>, a: usize, b: usize) -> bool {
    let trig = |k: usize| s.trigger_tok.get(k).copied().unwrap_or(false);
    let or = |k: usize| is(s.tok(k), &["or", "ou"]);
    let after = (or(b) && trig(b + 1))
        || (s.tok(b).is_some_and(|t| t.is_punct(",")) && trig(b + 1) && (b + 2..b + 5).any(or));
    let before = a >= 2 && or(a - 1) && trig(a - 2);
    after || before
}

/// Drop a total that repeats a count already described in the sentence.
///
/// Also drop an unknown count that only points back ("the blast killed
/// them") when the sentence counts that kind already.
fn dedupe_tolls(text: &str, mut out: Vec<Casualty>) -> Vec<Casualty> {
    let counted: Vec<CasualtyKind> =
        out.iter().filter(|c| c.count.is_some()).map(|c| c.kind).collect();
    out.retain(|c| {
        let pronoun = c.who.is_some_and(|w| {
            ["them", "themselves", "les", "eux"].contains(&w.slice(text).to_lowercase().as_str())
        });
        !(c.count.is_none() && pronoun && counted.contains(&c.kind))
    });
    let described: Vec<(CasualtyKind, Option<u32>)> = out
        .iter()
        .filter(|c| !c.toll && c.count.is_some_and(|n| n > 0))
        .map(|c| (c.kind, c.count))
        .collect();
    out.retain(|c| {
        !c.toll || c.count.is_none_or(|n| n == 0) || !described.contains(&(c.kind, c.count))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (sentence, lang, expected [(kind, count, lower_bound)])
    type Case = (&'static str, Lang, &'static [(CasualtyKind, Option<u32>, bool)]);

    #[test]
    fn counts_casualties() {
        use CasualtyKind::{Injured as I, Killed as K};
        let cases: &[Case] = &[
            // French.
            ("Des avions ont ciblé des zones à la frontière irako-syrienne, tuant quatre membres des Unités de mobilisation populaire irakiennes (Hachd al-Chaabi).", Lang::Fr, &[(K, Some(4), false)]),
            ("l'invasion menée par les États-Unis sur la frontière irako-syrienne, qui a entraîné le martyre de quatre membres des Hachd al-Chaabi.", Lang::Fr, &[(K, Some(4), false)]),
            ("L'attaque a fait 3 morts et 12 blessés.", Lang::Fr, &[(K, Some(3), false), (I, Some(12), false)]),
            // Regression (issue 5): things counted are no dead, the noun before its French
            // adjective ("47 drones ukrainiens") or after "l'un des".
            ("Le ministère a affirmé avoir abattu 47 drones ukrainiens.", Lang::Fr, &[]),
            ("L'un des drones a été abattu par les défenses aériennes.", Lang::Fr, &[]),
            ("L'un des soldats a été tué.", Lang::Fr, &[(K, Some(1), false)]),
            // Regression (issue 5): "à" after the casualty word is no article ("a" = one).
            ("La frappe a fait une vingtaine de blessés lundi à Gao.", Lang::Fr, &[(I, Some(20), false)]),
            ("Trois soldats ont été blessés à Gao.", Lang::Fr, &[(I, Some(3), false)]),
            ("Quatre soldats ont été tués et deux autres blessés.", Lang::Fr, &[(K, Some(4), false), (I, Some(2), false)]),
            ("Un soldat a été tué dans l'explosion.", Lang::Fr, &[(K, Some(1), false)]),
            ("Au moins vingt civils ont péri.", Lang::Fr, &[(K, Some(20), true)]),
            ("Des hommes armés l'ont abattu devant chez lui.", Lang::Fr, &[(K, Some(1), false)]),
            ("L'explosion n'a fait aucune victime.", Lang::Fr, &[(K, Some(0), false), (I, Some(0), false)]),
            ("Il n'y a eu aucun blessé.", Lang::Fr, &[(I, Some(0), false)]),
            ("Une dizaine de personnes ont été blessées.", Lang::Fr, &[(I, Some(10), false)]),
            ("Les frappes ont fait des dizaines de blessés.", Lang::Fr, &[(I, None, false)]),
            ("Le bilan s'élève à 25 morts.", Lang::Fr, &[(K, Some(25), false)]),
            ("Il a été condamné à mort en 2019.", Lang::Fr, &[]),
            ("deux policiers et un civil ont été tués", Lang::Fr, &[(K, Some(3), false)]),
            ("La roquette a blessé cinq soldats.", Lang::Fr, &[(I, Some(5), false)]),
            ("Le soldat est mort de ses blessures.", Lang::Fr, &[(K, Some(1), false)]),
            ("Au moins 12 personnes ont été tuées et 30 autres blessées dans un attentat à Bagdad.", Lang::Fr, &[(K, Some(12), true), (I, Some(30), false)]),
            ("L'attaque a fait au moins cinq morts et une dizaine de blessés.", Lang::Fr, &[(K, Some(5), true), (I, Some(10), false)]),
            ("Trois soldats ont perdu la vie dans l'explosion.", Lang::Fr, &[(K, Some(3), false)]),
            ("Un civil a été tué par un tir de drone.", Lang::Fr, &[(K, Some(1), false)]),
            ("Le bilan provisoire fait état de 7 morts.", Lang::Fr, &[(K, Some(7), false)]),
            ("Les frappes ont coûté la vie à 15 combattants.", Lang::Fr, &[(K, Some(15), false)]),
            ("Deux policiers ont été grièvement blessés.", Lang::Fr, &[(I, Some(2), false)]),
            ("Une personne est morte et quatre ont été blessées.", Lang::Fr, &[(K, Some(1), false), (I, Some(4), false)]),
            ("L'explosion a tué un enfant et blessé sa mère.", Lang::Fr, &[(K, Some(1), false), (I, Some(1), false)]),
            ("Des dizaines de personnes ont été tuées.", Lang::Fr, &[(K, None, false)]),
            ("Le tir de roquette a fait deux morts, selon la police.", Lang::Fr, &[(K, Some(2), false)]),
            ("Les combats ont fait 1 500 morts depuis janvier.", Lang::Fr, &[(K, Some(1500), false)]),
            ("Un drone a frappé le véhicule, tuant 2 personnes et en blessant 5 autres.", Lang::Fr, &[(K, Some(2), false), (I, Some(5), false)]),
            ("Le chef du groupe a été tué lors d'un raid.", Lang::Fr, &[(K, Some(1), false)]),
            ("Quatre membres des Unités de mobilisation populaire ont été tués.", Lang::Fr, &[(K, Some(4), false)]),
            ("L'attaque n'a pas fait de victimes.", Lang::Fr, &[(K, Some(0), false), (I, Some(0), false)]),
            ("Il a été menacé de mort.", Lang::Fr, &[]),
            ("Cinq personnes, dont deux enfants, ont péri dans l'incendie.", Lang::Fr, &[(K, Some(5), false)]),
            ("Une quinzaine de rebelles ont été abattus par l'armée.", Lang::Fr, &[(K, Some(15), false)]),
            ("Un kamikaze s'est fait exploser, faisant au moins 20 morts.", Lang::Fr, &[(K, Some(20), true)]),
            ("Bilan : 3 morts.", Lang::Fr, &[(K, Some(3), false)]),
            ("L'attaque a fait un mort.", Lang::Fr, &[(K, Some(1), false)]),
            ("Des hommes armés ont tué trois soldats.", Lang::Fr, &[(K, Some(3), false)]),
            // English.
            ("The attack killed at least 10 people, most of them civilians.", Lang::En, &[(K, Some(10), true)]),
            ("Five people were killed and dozens injured.", Lang::En, &[(K, Some(5), false), (I, None, false)]),
            ("The bombing left at least 12 people dead.", Lang::En, &[(K, Some(12), true)]),
            ("12 people lost their lives in the fire.", Lang::En, &[(K, Some(12), false)]),
            ("The attack claimed the lives of 7 soldiers.", Lang::En, &[(K, Some(7), false)]),
            ("Officials gave a death toll of 12.", Lang::En, &[(K, Some(12), false)]),
            ("Gunmen killed two people, including a police officer.", Lang::En, &[(K, Some(2), false)]),
            ("Police fired on demonstrators over the death of militant Reyaz Naikoo, leading to death of one demonstrator.", Lang::En, &[(K, None, false), (K, Some(1), false)]),
            ("2 Taliban militants including a commander were killed and 3-5 were wounded.", Lang::En, &[(K, Some(2), false), (I, Some(3), true)]),
            ("The corpses of around thirty militants were discovered.", Lang::En, &[(K, Some(30), false)]),
            ("Gunmen believed to belong to IS shot and killed a man near the gas field.", Lang::En, &[(K, Some(1), false)]),
            ("A mob attacked a couple resulting in 1 death.", Lang::En, &[(K, Some(1), false)]),
            ("He received 3 death threats.", Lang::En, &[]),
            ("A fugitive from the penitentiary system was killed by police.", Lang::En, &[(K, Some(1), false)]),
            ("Rockets hit the base in the city and soldiers were killed.", Lang::En, &[(K, None, false)]),
            ("Israeli strikes killed at least 30 Palestinians overnight, including 12 children.", Lang::En, &[(K, Some(30), true)]),
            ("The death toll from Monday's earthquake has risen to 1,200.", Lang::En, &[(K, Some(1200), false)]),
            ("Une frappe de drone a tué mardi soir un haut commandant à Bagdad.", Lang::Fr, &[(K, Some(1), false)]),
            ("Le bilan s'est alourdi à 112 morts et plus de 200 blessés.", Lang::Fr, &[(K, Some(112), false), (I, Some(200), true)]),
            ("A 12-year-old girl was among the dead.", Lang::En, &[]),
            ("The military said no American personnel were injured in the attack.", Lang::En, &[(I, Some(0), false)]),
            ("Aucun soldat n'a été tué.", Lang::Fr, &[(K, Some(0), false)]),
            ("Rebels shot down a helicopter, killing all four crew members.", Lang::En, &[(K, Some(4), false)]),
            ("Le drone a tué les 4 passagers du véhicule.", Lang::Fr, &[(K, Some(4), false)]),
            ("L'armée a affirmé avoir tué « plus de 20 terroristes ».", Lang::Fr, &[(K, Some(20), true)]),
            ("Four people were killed in the attack.", Lang::En, &[(K, Some(4), false)]),
            ("Gunmen killed 6 civilians in the village.", Lang::En, &[(K, Some(6), false)]),
            ("The blast left 3 dead.", Lang::En, &[(K, Some(3), false)]),
            ("At least 20 killed in the clashes.", Lang::En, &[(K, Some(20), true)]),
            ("The army reported 20 fatalities.", Lang::En, &[(K, Some(20), false)]),
            ("No casualties were reported.", Lang::En, &[(K, Some(0), false), (I, Some(0), false)]),
            ("No one was hurt.", Lang::En, &[(K, Some(0), false), (I, Some(0), false)]),
            ("There were no immediate reports of casualties.", Lang::En, &[(K, Some(0), false), (I, Some(0), false)]),
            ("Aucune victime n'est à déplorer.", Lang::Fr, &[(K, Some(0), false), (I, Some(0), false)]),
            ("There were no fatalities.", Lang::En, &[(K, Some(0), false)]),
            ("Police shot the suspect, killing him.", Lang::En, &[(K, Some(1), false)]),
            ("Nine people were killed, including 2 women.", Lang::En, &[(K, Some(9), false)]),
            ("The bodies of 3 men were found near the road.", Lang::En, &[(K, Some(3), false)]),
            ("Two soldiers and a civilian were killed.", Lang::En, &[(K, Some(3), false)]),
            ("The militants fired on the convoy, wounding five.", Lang::En, &[(I, Some(5), false)]),
            ("Airstrikes hit the area, injuring dozens.", Lang::En, &[(I, None, false)]),
            ("Militants claimed to have killed two soldiers and injured five others.", Lang::En, &[(K, Some(2), false), (I, Some(5), false)]),
            ("2 Taliban militants were killed and 1 was wounded when Afghan forces repulsed their attack.", Lang::En, &[(K, Some(2), false), (I, Some(1), false)]),
            ("At least 4 people (including 1 journalist) as well as 2 policemen were killed and 19 (10 policemen and 9 civilians) were wounded.", Lang::En, &[(K, Some(6), true), (I, Some(19), false)]),
            ("A man was found dead on a road.", Lang::En, &[(K, Some(1), false)]),
            ("Both victims died.", Lang::En, &[(K, Some(2), false)]),
            ("The victim died.", Lang::En, &[(K, Some(1), false)]),
            ("Shells killed six civilians in Abu Salim, six fatalities reported.", Lang::En, &[(K, Some(6), false)]),
            ("1 killed, 7 injured.", Lang::En, &[(K, Some(1), false), (I, Some(7), false)]),
            ("Eight people were killed and 10 injured in this attack.", Lang::En, &[(K, Some(8), false), (I, Some(10), false)]),
            ("One person was killed in the blast and 11 more were injured.", Lang::En, &[(K, Some(1), false), (I, Some(11), false)]),
            ("Five people, including two children, were killed.", Lang::En, &[(K, Some(5), false)]),
            ("A 25-year-old man was killed on 9 May 2020.", Lang::En, &[(K, Some(1), false)]),
            ("Airstrikes targeted the fighters, killing and injuring dozens of them.", Lang::En, &[(K, None, false), (I, None, false)]),
            ("Two soldiers of the army were killed.", Lang::En, &[(K, Some(2), false)]),
            ("He faces the death penalty.", Lang::En, &[]),
            ("The death toll rose to 35.", Lang::En, &[(K, Some(35), false)]),
            ("More than 20 pro-Houthi elements killed.", Lang::En, &[(K, Some(20), true)]),
            ("He died of his injuries.", Lang::En, &[(K, Some(1), false)]),
            ("Fatalities coded as 3.", Lang::En, &[(K, Some(3), false)]),
            ("Airstrikes hit PKK targets, killing or injuring 3 militants.", Lang::En, &[(K, None, false), (I, None, false)]),
            ("3 militants were killed, injured or captured.", Lang::En, &[(K, None, false), (I, None, false)]),
            ("They burned 20 huts and killed 15 livestock.", Lang::En, &[]),
            ("At least one person, the driver of the vehicle, was killed in the blast.", Lang::En, &[(K, Some(1), true)]),
            ("One member of the military officer's family was killed and six injured.", Lang::En, &[(K, Some(1), false), (I, Some(6), false)]),
            ("At least 21 militants including 2 commanders and 4 Afghan soldiers were killed.", Lang::En, &[(K, Some(21), true)]),
            ("Two militants and five security personnel including one policeman and four army personnel were killed.", Lang::En, &[(K, Some(7), false)]),
            ("3 local policemen, 2 pro-government militia members, and 1 soldier were killed, and 8 were wounded.", Lang::En, &[(K, Some(6), false), (I, Some(8), false)]),
            ("A mob attacked a youth and 3 others. 1 killed 3 injured.", Lang::En, &[(K, Some(1), false), (I, Some(3), false)]),
            ("A man was abducted by four men and stabbed to death near a soccer field.", Lang::En, &[(K, Some(1), false)]),
            ("Security forces and Maoists exchanged fire under Jarawandi Police Station (Gadchiroli) and one Maoist cadre was killed.", Lang::En, &[(K, Some(1), false)]),
            ("No fatality, 1 injured.", Lang::En, &[(K, Some(0), false), (I, Some(1), false)]),
            ("The body of a man was found dead.", Lang::En, &[(K, Some(1), false)]),
            ("Three of the wounded are in critical condition.", Lang::En, &[]),
            ("A wounded soldier later died in hospital.", Lang::En, &[(K, Some(1), false)]),
            ("The dead man was identified as a local farmer.", Lang::En, &[]),
            ("The NDS district head and his bodyguard were killed and 2 were wounded.", Lang::En, &[(K, Some(2), false), (I, Some(2), false)]),
            ("A former town councilor and his wife were shot dead by assailants.", Lang::En, &[(K, Some(2), false)]),
            ("Un soldat blessé par balle a succombé.", Lang::Fr, &[(I, Some(1), false), (K, None, false)]),
            ("Un mort et deux blessés, tel est le bilan.", Lang::Fr, &[(K, Some(1), false), (I, Some(2), false)]),
            ("Le ministère de la Santé a fait état de 35 morts, dont 12 enfants, et de 120 blessés.", Lang::Fr, &[(K, Some(35), false), (I, Some(120), false)]),
            ("Shamry, a candidate for Ahrar Party, was killed in the assault.", Lang::En, &[(K, Some(1), false)]),
            ("Four helicopter crew members were killed.", Lang::En, &[(K, Some(4), false)]),
            ("Assailants stoned to death two civilians in Mosul.", Lang::En, &[(K, Some(2), false)]),
            ("At least 23 soldiers and Asa'ib Ahl al-Haq (AAH) fighters were killed in the attack.", Lang::En, &[(K, Some(23), true)]),
            ("Mulla Nadhim al-Jubouri, a senior leader for the Sahwa militia and an Al-Qa'ida expert, was shot and killed in Jamis.", Lang::En, &[(K, Some(1), false)]),
            ("Gunmen shot and killed Luay Abdel Wahed, an election candidate, in Mosul.", Lang::En, &[(K, Some(1), false)]),
            ("Assailants executed nine soldiers and Iraqi Police Service (IPS) officers in Qayyarah.", Lang::En, &[(K, Some(9), false)]),
            ("At least 15 soldiers were killed, eight of whom were beheaded.", Lang::En, &[(K, Some(15), true)]),
            ("Militants killed two soldiers, a policeman and a civilian.", Lang::En, &[(K, Some(4), false)]),
            ("Gunmen attempted to kill a commander as he returned home.", Lang::En, &[]),
            ("The group threatened to kill 5 hostages.", Lang::En, &[]),
            ("Such attacks kill dozens every year.", Lang::En, &[(K, None, false)]),
            ("Deux roquettes se sont abattues près de l'ambassade, sans faire de blessés.", Lang::Fr, &[(I, Some(0), false)]),
            ("L'armée a abattu deux drones.", Lang::Fr, &[]),
            ("Quatre membres d'une même famille, dont deux enfants, ont péri.", Lang::Fr, &[(K, Some(4), false)]),
            ("Les autorités ont annoncé la mort de deux policiers et d'un civil.", Lang::Fr, &[(K, Some(3), false)]),
            ("Two soldiers died when the blast killed them.", Lang::En, &[(K, Some(2), false)]),
            ("A shoot-out broke out and two suspects died and one was injured.", Lang::En, &[(K, Some(2), false), (I, Some(1), false)]),
            ("Shells killed a family of three, including a child.", Lang::En, &[(K, Some(3), false)]),
            // issue 5: a part of the drones launched is no count of people.
            ("L'armée a abattu 45 des 60 drones lancés.", Lang::Fr, &[]),
            ("Air defences shot down 45 of 60 drones.", Lang::En, &[]),
            // issue 5: "une" is the article of the family, not its count.
            ("Les frappes ont tué une famille de cinq personnes.", Lang::Fr, &[(K, Some(5), false)]),
            ("The report makes no mention of fatalities.", Lang::En, &[]),
            ("Fatalities were reported on both sides.", Lang::En, &[]),
            ("A sarpanch was attacked and beaten to death by a mob.", Lang::En, &[(K, Some(1), false)]),
            ("Gunmen shot and killed a security forces personnel at the market.", Lang::En, &[(K, Some(1), false)]),
            ("Abbas al-Ju'ani, a police major, was injured in the blast.", Lang::En, &[(I, Some(1), false)]),
            ("Islamic State militants were killed.", Lang::En, &[(K, None, false)]),
            ("One soldier was killed and another was injured.", Lang::En, &[(K, Some(1), false), (I, Some(1), false)]),
            ("One soldier was killed and another soldier was injured.", Lang::En, &[(K, Some(1), false), (I, Some(1), false)]),
            ("Assailants executed seven Islamic State of Iraq and the Levant (ISIL) members in Mosul.", Lang::En, &[(K, Some(7), false)]),
            ("Houthis were killed.", Lang::En, &[(K, None, false)]),
            ("The Houthis were killed.", Lang::En, &[(K, None, false)]),
            ("Les frappes ont tué des civils.", Lang::Fr, &[(K, None, false)]),
            ("Five police officers died, while 12 officers and civilians were injured.", Lang::En, &[(K, Some(5), false), (I, Some(12), false)]),
            ("At least five people, including the bomber, prison guards, and at least one inmate, were injured.", Lang::En, &[(I, Some(5), true)]),
            ("Two people were killed and an unknown number were injured.", Lang::En, &[(K, Some(2), false), (I, None, false)]),
            ("Israeli troops killed Ahmed Manasra near the town.", Lang::En, &[(K, Some(1), false)]),
            ("2 members of the regime's Air Force Intelligence were killed.", Lang::En, &[(K, Some(2), false)]),
            ("A guard stabbed a man to death over a dispute.", Lang::En, &[(K, Some(1), false)]),
            ("The court sentenced him to death.", Lang::En, &[]),
        ];
        let mut failures = Vec::new();
        for (text, lang, want) in cases {
            let got: Vec<_> = find_casualties(text, Span::new(0, text.len()), *lang)
                .into_iter()
                .map(|c| (c.kind, c.count, c.lower_bound))
                .collect();
            if got != want.to_vec() {
                failures.push(format!("{text}\n   got {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn reports_who_and_evidence() {
        let text = "On 9 May 2020, suspected ISGS militants killed three civilians in the village of Gadabo.";
        let c = find_casualties(text, Span::new(0, text.len()), Lang::En);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].who.map(|w| w.slice(text)), Some("three civilians"));
        assert_eq!(c[0].span.slice(text), "killed three civilians");
        let text = "Le Pentagone a déclaré que l'invasion a entraîné le martyre de quatre membres des Hachd al-Chaabi.";
        let c = find_casualties(text, Span::new(0, text.len()), Lang::Fr);
        assert_eq!(c[0].who.map(|w| w.slice(text)), Some("quatre membres des Hachd al-Chaabi"));
        assert_eq!(c[0].span.slice(text), "le martyre de quatre membres des Hachd al-Chaabi");
    }
}
