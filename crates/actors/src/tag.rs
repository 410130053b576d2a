//! Dictionary tagging: folded text → alias hits → actor mentions.

use crate::fold::{self, Folded};
use crate::kb::{ActorKb, PREFIX};
use crate::person;
use sitrep_model::{ActorMention, EntityKind, Lang, Segmented, Span};

/// Words after which a state's name or capital is a place ("en Irak").
const LOCATIVES: [&str; 18] = [
    "en",
    "au",
    "aux",
    "a",
    "dans",
    "depuis",
    "d",
    "de",
    "in",
    "into",
    "inside",
    "across",
    "throughout",
    "near",
    "to",
    "pres",
    "sur",
    "at",
];

/// One dictionary hit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub span: Span,
    pub actor: u32,
    pub adjectival: bool,
    pub toponym: bool,
}

/// All actor mentions in the text, in text order, non-overlapping (longest wins).
///
/// `seg` gives sentence boundaries for person detection (it may be empty: the
/// tagger then guesses sentence starts from punctuation). `lang` is accepted for
/// future language-specific rules; the tables hold French, English and Arabic
/// names together, so every language gets every alias.
pub fn tag_actors(text: &str, seg: &Segmented, lang: Lang) -> Vec<ActorMention> {
    tag_with(ActorKb::global(), text, seg, lang)
}

/// [`tag_actors`] against a given knowledge base.
pub fn tag_with(kb: &ActorKb, text: &str, seg: &Segmented, _lang: Lang) -> Vec<ActorMention> {
    let folded = fold::fold(text);
    let hits = dictionary_hits(kb, text, &folded);
    let hits: Vec<Hit> =
        hits.into_iter().filter(|h| !(h.toponym && after_locative(&folded, h.span))).collect();
    let mut out: Vec<ActorMention> = hits.iter().map(|h| mention(kb, h)).collect();
    let persons = person::find_persons(text, &folded, seg, &out);
    out.extend(persons);
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut last_end = 0;
    out.retain(|m| {
        let keep = m.span.start >= last_end;
        if keep {
            last_end = m.span.end;
        }
        keep
    });
    absorb_generic_followers(text, &mut out);
    person::link_affiliations(kb, text, &mut out);
    out
}

/// "Al-Shabaab militants", "Hezbollah fighters": a generic armed-group word
/// right after a named group belongs to that group's mention.
fn absorb_generic_followers(text: &str, ms: &mut Vec<ActorMention>) {
    let mut out: Vec<ActorMention> = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        if let Some(a) = out.last_mut() {
            let named = matches!(a.kind, EntityKind::ArmedGroup | EntityKind::Military)
                && !a.adjectival
                && a.canonical.as_deref().is_some_and(|c| c != "Military Forces");
            let generic = m.canonical.as_deref() == Some("Unidentified Armed Group");
            let gap = text.get(a.span.end..m.span.start).unwrap_or("x");
            if named && generic && !gap.is_empty() && gap.chars().all(|c| c == ' ') {
                a.span = Span::new(a.span.start, m.span.end);
                continue;
            }
        }
        out.push(m);
    }
    *ms = out;
}

fn mention(kb: &ActorKb, h: &Hit) -> ActorMention {
    let a = &kb.actors[h.actor as usize];
    ActorMention {
        span: h.span,
        canonical: Some(a.canonical.clone()),
        kind: a.kind,
        country: a.country.clone(),
        acled_type: a.acled_type.clone(),
        part_of: a.part_of.clone(),
        adjectival: h.adjectival,
        affiliation: None,
    }
}

/// Leftmost-longest alias hits at word boundaries that pass their case rule.
///
/// Every key starts with a space and ends at a word end, so the folded text
/// is walked word by word: at each word start, the key map (which also holds
/// every word prefix of every key) is probed with one, two, three… words until
/// a prefix is unknown. The longest key that passes its checks wins and the
/// scan resumes after it; when none passes, at the next word.
pub(crate) fn dictionary_hits(kb: &ActorKb, text: &str, folded: &Folded) -> Vec<Hit> {
    let mut out = Vec::new();
    if kb.by_key.is_empty() {
        return out;
    }
    let hay = folded.text.as_str();
    let bytes = hay.as_bytes();
    let mut cands: Vec<(usize, u32)> = Vec::new();
    let mut s = 0;
    // `s` is always the position of a space (the byte before a word).
    while s + 1 < bytes.len() {
        cands.clear();
        let mut next_word = bytes.len();
        let mut b = s + 1;
        while b < bytes.len() {
            let Some(e) = bytes[b..].iter().position(|&c| c == b' ').map(|i| b + i) else {
                break;
            };
            if b == s + 1 {
                next_word = e;
                if !kb.first_words.may_start(hay.get(s..e).unwrap_or("")) {
                    break;
                }
            }
            match hay.get(s..e).and_then(|k| kb.by_key.get(k)) {
                Some(&p) if p != PREFIX => cands.push((e, p)),
                Some(_) => {}
                None => break,
            }
            b = e + 1;
        }
        let hit = cands
            .iter()
            .rev()
            .find_map(|&(e, p)| accept(kb, text, folded, s, e, p as usize).map(|h| (h, e)));
        match hit {
            Some((h, e)) => {
                out.push(h);
                s = e;
            }
            None => s = next_word,
        }
    }
    out
}

fn accept(
    kb: &ActorKb,
    text: &str,
    folded: &Folded,
    start: usize,
    end: usize,
    pattern: usize,
) -> Option<Hit> {
    if folded.text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    let ids = kb.pattern_aliases.get(pattern)?;
    for &id in ids {
        let alias = &kb.aliases[id as usize];
        let s = folded.orig(start + 1 + alias.proclitic);
        let e = folded.orig(end);
        let Some(span_text) = text.get(s..e) else { continue };
        let alias_text = kb
            .actors
            .get(alias.actor as usize)
            .and_then(|a| a.aliases.get(alias.text as usize))
            .map_or("", String::as_str);
        if s >= e || !case_matches(alias_text, span_text) {
            continue;
        }
        return Some(Hit {
            span: Span::new(s, e),
            actor: alias.actor,
            adjectival: alias.adjectival,
            toponym: alias.toponym,
        });
    }
    None
}

/// `case_ok(&rules(alias), text)` without building the rules: each word of
/// `text` is checked against the rule of the alias word at its place.
fn case_matches(alias: &str, text: &str) -> bool {
    let mut ws = fold::words(text);
    for a in fold::words(alias) {
        let Some(w) = ws.next() else { return false };
        let upper = a.chars().filter(|c| c.is_uppercase()).count();
        let digit = a.chars().any(|c| c.is_ascii_digit());
        let ok = if upper >= 2 || (upper >= 1 && digit) {
            a == w
        } else if a.chars().next().is_some_and(char::is_uppercase) {
            w.chars().next().is_some_and(char::is_uppercase)
        } else {
            true
        };
        if !ok {
            return false;
        }
    }
    true
}

/// True when the word before `span` is a locative preposition.
fn after_locative(folded: &Folded, span: Span) -> bool {
    // Find the folded position of the span start, then the previous word.
    let i = folded.map.partition_point(|&o| (o as usize) < span.start);
    let before = folded.text.get(..i).unwrap_or("").trim_end();
    let prev = before.rsplit(' ').next().unwrap_or("");
    // "à l'Irak", "in the US" are still places; skip one article.
    let prev = if matches!(prev, "l" | "la" | "le" | "les" | "the") {
        before.trim_end_matches(prev).trim_end().rsplit(' ').next().unwrap_or("")
    } else {
        prev
    };
    LOCATIVES.contains(&prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> Vec<(String, String, bool)> {
        tag_actors(text, &Segmented::default(), Lang::Fr)
            .into_iter()
            .map(|m| {
                (m.span.slice(text).to_string(), m.canonical.unwrap_or_default(), m.adjectival)
            })
            .collect()
    }

    #[test]
    fn table_of_sentences() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("les troupes US en Irak", &[("troupes", "Military Forces"), ("US", "United States")]),
            ("we told us about it", &[]),
            ("Le Pentagone a déclaré", &[("Pentagone", "US Department of Defense")]),
            (
                "des avions de chasse américains ont frappé",
                &[("avions de chasse américains", "Military Forces of the United States")],
            ),
            ("Hachd al-Chaabi", &[("Hachd al-Chaabi", "Popular Mobilization Forces")]),
            ("والحشد الشعبي", &[("الحشد الشعبي", "Popular Mobilization Forces")]),
            ("washington state of mind", &[]),
            ("Washington n'a pas", &[("Washington", "United States")]),
            ("unidentified gunmen shot", &[("unidentified gunmen", "Unidentified Armed Group")]),
            ("Des manifestants", &[("manifestants", "Protesters")]),
            (
                "Taliban militants attacked Afghan forces",
                &[
                    ("Taliban militants", "Taliban"),
                    ("Afghan forces", "Military Forces of Afghanistan"),
                ],
            ),
            (
                "Suspected militants attacked",
                &[("Suspected militants", "Unidentified Armed Group")],
            ),
        ];
        for (text, want) in cases {
            let got = tag(text);
            let got: Vec<(&str, &str)> =
                got.iter().map(|(a, b, _)| (a.as_str(), b.as_str())).collect();
            assert_eq!(&got, want, "{text}");
        }
    }

    /// The allocation-free case check agrees with the rules of `kb.rs` on
    /// every alias, against its own spelling and other casings.
    #[test]
    fn case_check_agrees_with_the_rules() {
        use crate::kb::{case_ok, rules};
        let kb = ActorKb::global();
        let mut n = 0;
        for a in kb.actors.iter().flat_map(|a| &a.aliases).step_by(7) {
            for text in [a.clone(), a.to_lowercase(), a.to_uppercase(), format!("{a} x")] {
                assert_eq!(case_matches(a, &text), case_ok(&rules(a), &text), "{a:?} {text:?}");
                n += 1;
            }
            let short: String = a.split(' ').next().unwrap_or("").to_string();
            assert_eq!(case_matches(a, &short), case_ok(&rules(a), &short), "{a:?}");
        }
        assert!(n > 10_000);
    }

    #[test]
    fn locative_states_are_places() {
        assert!(tag("il vit en Irak").is_empty());
        assert_eq!(tag("l'Irak a condamné")[0].1, "Iraq");
    }

    #[test]
    fn adjectival_flag() {
        let t = tag("les intérêts américains");
        assert_eq!(t, vec![("américains".into(), "United States".into(), true)]);
    }

    #[test]
    fn random_input_gives_valid_spans() {
        // A small xorshift generator over an alphabet of tricky pieces.
        let pieces = [
            "US",
            "us",
            "É",
            "é",
            "’",
            "'",
            "-",
            " ",
            ".",
            ",",
            "\n",
            "al-",
            "Saad",
            "Hamas",
            "ا",
            "ال",
            "حشد",
            "\u{64b}",
            "a\u{301}",
            "Œ",
            "ß",
            "M.",
            "said",
            "a déclaré",
            "États-Unis",
            "Irak",
            "en",
            "Washington",
            "hommes armés",
            "(",
            "\"",
            "İ",
            "ǅ",
        ];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300 {
            let mut s = String::new();
            for _ in 0..(x % 40) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            let ms = tag_actors(&s, &Segmented::default(), Lang::Fr);
            let mut last = 0;
            for m in &ms {
                assert!(m.span.start >= last && m.span.start < m.span.end, "{s:?} {m:?}");
                assert!(s.is_char_boundary(m.span.start) && s.is_char_boundary(m.span.end));
                assert!(m.span.end <= s.len());
                last = m.span.end;
            }
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in ["", " ", "’", "É", "a\u{301}", "\u{640}\u{64b}", "US.", "((", "\0\u{FEFF}x"] {
            let _ = tag_actors(s, &Segmented::default(), Lang::En);
        }
    }
}
