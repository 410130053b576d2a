//! RSS (0.9x, 1.0/RDF, 2.0) and Atom feeds: one document per item.
//!
//! A small pull parser over `quick-xml` rather than a feed library, so that each
//! item's problems can be reported for that item (`"<path>: item 3: …"`) and each
//! unparsable date becomes a warning instead of vanishing. XML that is not
//! well-formed is one error for the whole file: no partial feed is returned.
//!
//! Per item: id = `guid`/`id`, else the link, else `"<path>#item<N>"`;
//! url = `link` (RSS text, or Atom `href` with `rel` absent or `alternate`);
//! published = `pubDate`/`published`/`dc:date`/`issued`, else `updated`/`modified`;
//! text = the first non-empty of `content:encoded`, `content`, `description`,
//! `summary`, through the HTML text extraction (an item with a title but no body
//! gets its title as text); source = the item's `<source>`, else the link's domain,
//! else the feed's title; language = the feed's `<language>` or `xml:lang`.

use std::borrow::Cow;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use sitrep_model::{Document, Lang};

use crate::date::parse_date;
use crate::error::{ErrorKind, IntakeError};
use crate::html::{domain, html_fragment_text, plain_title};
use crate::Item;

/// Field priorities: body fields, first wins.
const BODY_FIELDS: [&str; 4] = ["encoded", "content", "description", "summary"];
/// Date fields, first present wins; the later ones are fallbacks.
const DATE_FIELDS: [&str; 6] = ["pubdate", "published", "date", "issued", "updated", "modified"];

/// Fields gathered from one `<item>` or `<entry>`.
#[derive(Default)]
struct RawItem {
    title: Option<String>,
    link: Option<String>,
    id: Option<String>,
    source: Option<String>,
    dates: Vec<(usize, String)>,
    bodies: Vec<(usize, String)>,
}

/// Feed-level facts used for every item.
#[derive(Default)]
struct FeedInfo {
    title: Option<String>,
    lang: Option<Lang>,
}

/// Parses a decoded feed into items (documents, item errors and warnings), or
/// one error for the file when the XML is not a well-formed RSS or Atom feed.
pub(crate) fn parse_feed_text(name: &str, xml: &str, max_bytes: usize) -> Vec<Item> {
    match scan(xml) {
        Ok((info, raws)) => {
            let mut out = Vec::new();
            if raws.is_empty() {
                out.push(Item::Warning(IntakeError::new(name, ErrorKind::EmptyFeed)));
            }
            for (i, raw) in raws.into_iter().enumerate() {
                build(name, i + 1, raw, &info, max_bytes, &mut out);
            }
            out
        }
        Err(message) => {
            vec![Item::Error(IntakeError::new(name, ErrorKind::MalformedFeed(message)))]
        }
    }
}

/// Reads the whole feed; `Err` is the message of a fatal problem.
fn scan(xml: &str) -> Result<(FeedInfo, Vec<RawItem>), String> {
    let mut reader = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut info = FeedInfo::default();
    let mut items: Vec<RawItem> = Vec::new();
    let mut current: Option<(usize, RawItem)> = None; // (depth of the item element, fields)
    let mut root_seen = false;
    let fail =
        |e: &dyn std::fmt::Display, pos: u64, current: &Option<(usize, RawItem)>, n: usize| {
            let within =
                if current.is_some() { format!(" (in item {})", n + 1) } else { String::new() };
            format!("{e} at byte {pos}{within}")
        };
    loop {
        let event = reader
            .read_event()
            .map_err(|e| fail(&e, reader.error_position(), &current, items.len()))?;
        match event {
            Event::Start(e) => {
                let (prefix, local) = names(&e);
                if stack.is_empty() {
                    check_root(&local)?;
                    root_seen = true;
                    info.lang = attr(&e, "xml:lang").as_deref().and_then(Lang::from_code);
                }
                if current.is_none() && matches!(local.as_str(), "item" | "entry") {
                    stack.push(local);
                    current = Some((stack.len(), RawItem::default()));
                    continue;
                }
                let child_of_item = current.as_ref().is_some_and(|(d, _)| stack.len() == *d);
                let feed_level = current.is_none()
                    && matches!(stack.last().map(String::as_str), Some("channel" | "feed"));
                if child_of_item || (feed_level && matches!(local.as_str(), "title" | "language")) {
                    let xhtml = attr(&e, "type").is_some_and(|t| t.eq_ignore_ascii_case("xhtml"));
                    let href = attr(&e, "href");
                    let rel = attr(&e, "rel");
                    let raw = reader.read_text(e.name()).map_err(|err| {
                        fail(&err, reader.error_position(), &current, items.len())
                    })?;
                    let value = if xhtml { raw.into_owned() } else { xml_text(&raw) };
                    match current.as_mut() {
                        Some((_, item)) => item.field(prefix.as_deref(), &local, value, href, rel),
                        None => info.field(&local, value),
                    }
                } else {
                    stack.push(local);
                }
            }
            Event::Empty(e) => {
                if let Some((depth, item)) = current.as_mut() {
                    if stack.len() == *depth {
                        let (prefix, local) = names(&e);
                        item.field(
                            prefix.as_deref(),
                            &local,
                            String::new(),
                            attr(&e, "href"),
                            attr(&e, "rel"),
                        );
                    }
                } else if stack.is_empty() {
                    check_root(&names(&e).1)?;
                    root_seen = true;
                }
            }
            Event::End(_) => {
                if current.as_ref().is_some_and(|(d, _)| stack.len() == *d) {
                    if let Some((_, item)) = current.take() {
                        items.push(item);
                    }
                }
                stack.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !stack.is_empty() {
        return Err(fail(&"unexpected end of file", xml.len() as u64, &current, items.len()));
    }
    if !root_seen {
        return Err("no XML root element".into());
    }
    Ok((info, items))
}

fn check_root(local: &str) -> Result<(), String> {
    match local {
        "rss" | "feed" | "rdf" | "channel" => Ok(()),
        other => Err(format!("not an RSS or Atom feed (root element <{other}>)")),
    }
}

/// The element's prefix and local name, lowercased.
fn names(e: &BytesStart<'_>) -> (Option<String>, String) {
    let qname = e.name();
    let local = String::from_utf8_lossy(qname.local_name().as_ref()).to_ascii_lowercase();
    let prefix = qname.prefix().map(|p| String::from_utf8_lossy(p.as_ref()).to_ascii_lowercase());
    (prefix, local)
}

/// An attribute's value, entities decoded leniently.
fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref().eq_ignore_ascii_case(key.as_bytes()))
        .map(|a| unescape_lenient(&String::from_utf8_lossy(&a.value)).into_owned())
}

impl FeedInfo {
    fn field(&mut self, local: &str, value: String) {
        match local {
            "title" if self.title.is_none() => self.title = plain_title(&value),
            "language" => self.lang = Lang::from_code(&value).or(self.lang),
            _ => {}
        }
    }
}

impl RawItem {
    fn field(
        &mut self,
        prefix: Option<&str>,
        local: &str,
        value: String,
        href: Option<String>,
        rel: Option<String>,
    ) {
        let plain = matches!(prefix, None | Some("atom" | "rss"));
        let pos = |list: &[&str]| list.iter().position(|f| *f == local);
        match (prefix, local) {
            (_, "title") if plain && self.title.is_none() => self.title = plain_title(&value),
            (_, "link") if plain => {
                let alternate = rel.as_deref().is_none_or(|r| r.eq_ignore_ascii_case("alternate"));
                let url = href.or_else(|| Some(value.trim().to_owned())).filter(|u| !u.is_empty());
                if self.link.is_none() && alternate {
                    self.link = url;
                }
            }
            (_, "guid" | "id") if plain && self.id.is_none() => {
                self.id = Some(value.trim().to_owned()).filter(|v| !v.is_empty())
            }
            // RSS `<source>` names the outlet; Atom's holds child elements and is skipped.
            (_, "source") if plain && self.source.is_none() && !value.contains('<') => {
                self.source = plain_title(&value)
            }
            (Some("dc"), "date") => self.dates.push((2, value)),
            (_, "encoded") if prefix == Some("content") => self.bodies.push((0, value)),
            (_, _) if plain => {
                if let Some(p) = pos(&DATE_FIELDS) {
                    self.dates.push((p, value));
                } else if let Some(p) = pos(&BODY_FIELDS) {
                    self.bodies.push((p, value));
                }
            }
            _ => {}
        }
    }
}

/// Turns one raw item into a document (plus warnings) or an item error.
fn build(
    name: &str,
    n: usize,
    mut raw: RawItem,
    info: &FeedInfo,
    max_bytes: usize,
    out: &mut Vec<Item>,
) {
    let origin = format!("{name}: item {n}");
    raw.bodies.sort_by_key(|(p, _)| *p);
    raw.dates.sort_by_key(|(p, _)| *p);
    if let Some((_, big)) = raw.bodies.iter().find(|(_, b)| b.len() > max_bytes) {
        let kind = ErrorKind::TooLarge { size: big.len() as u64, limit: max_bytes };
        out.push(Item::Error(IntakeError::new(origin, kind)));
        return;
    }
    let body = raw.bodies.iter().map(|(_, b)| html_fragment_text(b)).find(|t| !t.trim().is_empty());
    let text = match (body, &raw.title) {
        (Some(b), _) => b,
        (None, Some(t)) => t.clone(),
        (None, None) => {
            let kind = ErrorKind::NoText("no title, content, description or summary".into());
            out.push(Item::Error(IntakeError::new(origin, kind)));
            return;
        }
    };
    let dates: Vec<&str> =
        raw.dates.iter().map(|(_, d)| d.trim()).filter(|d| !d.is_empty()).collect();
    let published = dates.iter().find_map(|d| parse_date(d));
    let id = raw.id.or_else(|| raw.link.clone()).unwrap_or_else(|| format!("{name}#item{n}"));
    let source =
        raw.source.or_else(|| raw.link.as_deref().and_then(domain)).or_else(|| info.title.clone());
    let doc = Document {
        id,
        source,
        url: raw.link,
        title: raw.title,
        published,
        language: info.lang,
        text,
    };
    out.push(Item::Doc(doc));
    if published.is_none() {
        if let Some(first) = dates.first() {
            out.push(Item::Warning(IntakeError::new(
                origin,
                ErrorKind::BadDate((*first).to_owned()),
            )));
        }
    }
}

/// Character data of an element: CDATA sections verbatim, the rest unescaped.
fn xml_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(start) = rest.find("<![CDATA[") {
        out.push_str(&unescape_lenient(&rest[..start]));
        let inner = &rest[start + 9..];
        match inner.find("]]>") {
            Some(end) => {
                out.push_str(&inner[..end]);
                rest = &inner[end + 3..];
            }
            None => {
                out.push_str(inner);
                rest = "";
            }
        }
    }
    out.push_str(&unescape_lenient(rest));
    out
}

/// Decodes the five XML entities and numeric references; leaves unknown
/// entities (`&nbsp;`) for the HTML parser.
fn unescape_lenient(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let entity = after.find(';').filter(|&i| i <= 10).map(|i| (&after[..i], i));
        let decoded = entity.and_then(|(name, len)| decode_entity(name).map(|c| (c, len)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &after[len + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn docs(items: &[Item]) -> Vec<&Document> {
        items.iter().filter_map(|i| if let Item::Doc(d) = i { Some(d) } else { None }).collect()
    }

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel>
  <title>Le Journal - International</title>
  <link>https://journal.example/</link>
  <language>fr-fr</language>
  <item>
    <title>Trêve fragile à Bagdad</title>
    <link>https://journal.example/a/1</link>
    <guid isPermaLink="false">urn:journal:1</guid>
    <pubDate>Sat, 02 Mar 2024 08:00:00 +0100</pubDate>
    <description>Résumé court.</description>
    <content:encoded><![CDATA[<p>Le cessez-le-feu tient depuis <b>trois</b> jours.</p><p>Lire aussi : autre chose</p><p>Les milices ont retiré leurs combattants.</p>]]></content:encoded>
    <media:content url="https://journal.example/i.jpg"><media:title>Photo</media:title></media:content>
  </item>
  <item>
    <title>Deuxième &amp; dernier</title>
    <link>https://journal.example/a/2</link>
    <description>&lt;p&gt;Des tirs ont été entendus&amp;nbsp;hier.&lt;/p&gt;</description>
    <dc:date>hier soir</dc:date>
  </item>
  <item>
    <description>Sans lien ni titre.</description>
    <source url="https://agence.example/rss">Agence Exemple</source>
  </item>
  <item>
    <enclosure url="https://journal.example/x.mp3"/>
  </item>
</channel>
</rss>"#;

    #[test]
    fn rss_items() {
        let items = parse_feed_text("feed.rss", RSS, 1_000_000);
        let d = docs(&items);
        assert_eq!(d.len(), 3);
        assert_eq!(d[0].id, "urn:journal:1");
        assert_eq!(d[0].url.as_deref(), Some("https://journal.example/a/1"));
        assert_eq!(d[0].title.as_deref(), Some("Trêve fragile à Bagdad"));
        assert_eq!(d[0].published, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(
            d[0].text,
            "Le cessez-le-feu tient depuis trois jours.\nLes milices ont retiré leurs combattants."
        );
        assert_eq!(d[0].source.as_deref(), Some("journal.example"));
        assert_eq!(d[0].language, Some(Lang::Fr));
        assert_eq!(d[1].id, "https://journal.example/a/2");
        assert_eq!(d[1].title.as_deref(), Some("Deuxième & dernier"));
        assert_eq!(d[1].text, "Des tirs ont été entendus\u{a0}hier.");
        assert_eq!(d[1].published, None);
        assert_eq!(d[2].id, "feed.rss#item3");
        assert_eq!(d[2].source.as_deref(), Some("Agence Exemple"));
        let problems: Vec<String> = items
            .iter()
            .filter_map(|i| match i {
                Item::Warning(e) => Some(format!("W {e}")),
                Item::Error(e) => Some(format!("E {e}")),
                Item::Doc(_) => None,
            })
            .collect();
        assert_eq!(
            problems,
            [
                "W feed.rss: item 2: unparsable date \"hier soir\", published left empty",
                "E feed.rss: item 4: no text: no title, content, description or summary",
            ]
        );
    }

    #[test]
    fn atom_entries() {
        let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="text">World desk</title>
  <entry>
    <title type="html">Strike near &lt;i&gt;Kirkuk&lt;/i&gt;</title>
    <link rel="enclosure" href="https://desk.example/a.mp3"/>
    <link rel="alternate" type="text/html" href="https://desk.example/kirkuk"/>
    <id>tag:desk.example,2024:1</id>
    <updated>2024-03-05T12:00:00Z</updated>
    <published>2024-03-04T22:00:00-05:00</published>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>An airstrike hit a depot.</p><p>Two people were hurt.</p></div></content>
  </entry>
  <entry>
    <title>Second</title>
    <source><id>tag:other.example,2024</id><title>Other feed</title></source>
    <id>tag:desk.example,2024:2</id>
    <updated>2024-03-06</updated>
    <summary type="html">&lt;p&gt;Talks resumed in Geneva.&lt;/p&gt;</summary>
  </entry>
</feed>"#;
        let items = parse_feed_text("desk.atom", atom, 1_000_000);
        assert_eq!(items.len(), 2, "{items:?}");
        let d = docs(&items);
        assert_eq!(d[0].id, "tag:desk.example,2024:1");
        assert_eq!(d[0].title.as_deref(), Some("Strike near Kirkuk"));
        assert_eq!(d[0].url.as_deref(), Some("https://desk.example/kirkuk"));
        assert_eq!(d[0].published, NaiveDate::from_ymd_opt(2024, 3, 4));
        assert_eq!(d[0].text, "An airstrike hit a depot.\nTwo people were hurt.");
        assert_eq!(d[0].language, Some(Lang::En));
        assert_eq!(d[1].text, "Talks resumed in Geneva.");
        assert_eq!(d[1].published, NaiveDate::from_ymd_opt(2024, 3, 6));
        assert_eq!(d[1].source.as_deref(), Some("World desk"));
    }

    #[test]
    fn malformed_feeds_are_one_error() {
        let cases = [
            ("<rss><channel><item><title>a</item></channel></rss>", "in item 1"),
            ("<rss><channel><item><title>a</title></item>", "unexpected end of file"),
            ("<html><body>not a feed</body></html>", "not an RSS or Atom feed"),
            ("", "no XML root element"),
            ("just text", "no XML root element"),
        ];
        for (xml, needle) in cases {
            let items = parse_feed_text("bad.xml", xml, 1000);
            assert_eq!(items.len(), 1, "{xml}: {items:?}");
            match &items[0] {
                Item::Error(e) => {
                    assert_eq!(e.origin, "bad.xml");
                    assert!(e.to_string().contains(needle), "{xml}: {e}");
                }
                other => panic!("{xml}: expected an error, got {other:?}"),
            }
        }
    }

    #[test]
    fn item_size_limit_and_entities() {
        let xml = format!(
            "<rss><channel><item><title>ok</title><description>{}</description></item><item><title>b</title></item></channel></rss>",
            "x".repeat(200)
        );
        let items = parse_feed_text("f.rss", &xml, 100);
        assert!(
            matches!(&items[0], Item::Error(e) if e.origin == "f.rss: item 1" && matches!(e.kind, ErrorKind::TooLarge { .. }))
        );
        assert!(matches!(&items[1], Item::Doc(d) if d.text == "b"));
        assert_eq!(
            unescape_lenient("a &amp;lt; &#233;&#xE9; &nbsp; & &zz"),
            "a &lt; éé &nbsp; & &zz"
        );
        assert_eq!(xml_text("x &amp; <![CDATA[<b>&amp;</b>]]> y"), "x & <b>&amp;</b> y");
    }
}
