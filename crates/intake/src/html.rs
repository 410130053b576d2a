//! Article extraction from HTML pages.
//!
//! The page is parsed with `scraper` (html5ever, the browser parsing algorithm),
//! so broken markup is repaired the way a browser would. Then:
//!
//! * **Noise is dropped**: `script`, `style`, `nav`, `header`, `footer`, `aside`,
//!   `figure`, `figcaption`, `form` and similar elements; elements that are
//!   `hidden`, `aria-hidden`, have a navigation-like `role`, or whose class or id
//!   has a token such as `share`, `related`, `newsletter`, `comments`
//!   (whole tokens only, so `commentary` is kept).
//! * **The body is chosen**: an `itemprop="articleBody"` element, else the
//!   `<article>` with the most paragraph text, else the element whose `<p>`
//!   children carry the most text (a parent gets a paragraph's length, a
//!   grandparent half of it, as in Readability). If the choice holds less than
//!   half of the page's paragraph text, its ancestors are taken until it does.
//! * **Text is laid out** one block per line (`p`, headings, list items, `div`s
//!   holding text, `br`), whitespace collapsed as a browser renders it, and
//!   boilerplate lines ("Lire aussi : …", "Read more…", "Related: …", listed in
//!   `data/boilerplate.tsv`) removed, as are lines that are 80 % or more link
//!   text (lists of related articles). Paragraphs are joined with `"\n"`.
//! * **Metadata** comes from the whole page: title (`og:title`, `<title>` without
//!   a trailing `" | Outlet"` that repeats the site name or domain, `<h1>`),
//!   publication date (`article:published_time`, JSON-LD `datePublished`,
//!   `itemprop=datePublished`, `meta name=date|pubdate|dc.date…`, `<time datetime>`),
//!   canonical URL (`link rel=canonical`, `og:url`) and source (`og:site_name`,
//!   else the URL's domain).

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use ego_tree::{NodeId, NodeRef};
use scraper::{Html, Node};
use sitrep_model::Lang;

use crate::date::parse_date;

/// What was extracted from an HTML page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HtmlArticle {
    /// The page title, whitespace collapsed.
    pub title: Option<String>,
    /// The article body: paragraphs separated by `"\n"`.
    pub text: String,
    /// Publication date from the page's metadata.
    pub published: Option<NaiveDate>,
    /// Canonical absolute URL.
    pub url: Option<String>,
    /// Outlet name (`og:site_name`) or the URL's domain.
    pub source: Option<String>,
    /// The page's declared language (`<html lang>`), when it is a known code.
    pub lang: Option<Lang>,
    /// The page's summary (`og:description` or `meta name=description`).
    pub description: Option<String>,
}

/// Elements whose whole subtree is never article text.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "svg",
    "canvas",
    "video",
    "audio",
    "object",
    "embed",
    "head",
    "title",
    "menu",
    "dialog",
    "math",
];

/// `role` values that mark page furniture.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alert",
];

/// Class or id tokens that mark page furniture (whole tokens).
const UNLIKELY_TOKENS: &[&str] = &[
    "comments",
    "comment",
    "ad",
    "ads",
    "adslot",
    "promo",
    "breadcrumb",
    "breadcrumbs",
    "consent",
    "subscribe",
    "subscription",
    "popup",
    "modal",
    "recirculation",
    "signup",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "masthead",
    "toolbar",
    "tags",
    "banner",
];

/// Class or id token prefixes that mark page furniture (`relatedposts`, `sharing`).
const UNLIKELY_PREFIXES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "advert",
    "sidebar",
    "cookie",
    "outbrain",
    "taboola",
    "recommend",
];

/// Elements that start and end a line of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    "body",
];

/// Paragraphs shorter than this (in chars) do not vote for their container.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// Boilerplate rules from `data/boilerplate.tsv`.
struct Boilerplate {
    prefix: Vec<String>,
    line: Vec<String>,
    contains: Vec<String>,
}

static BOILERPLATE: LazyLock<Boilerplate> = LazyLock::new(|| {
    let mut b = Boilerplate { prefix: vec![], line: vec![], contains: vec![] };
    for row in include_str!("../data/boilerplate.tsv").lines() {
        let Some((kind, text)) = row.split_once('\t') else { continue };
        let text = text.trim().to_lowercase();
        match kind {
            "prefix" => b.prefix.push(text),
            "line" => b.line.push(text),
            "contains" => b.contains.push(text),
            _ => {}
        }
    }
    b
});

/// True when a paragraph is a navigation aid ("Lire aussi : …") rather than text.
pub(crate) fn is_boilerplate(paragraph: &str) -> bool {
    let p = paragraph
        .trim_start_matches(|c: char| {
            c.is_whitespace() || c.is_ascii_punctuation() || "»«>•→►▶|".contains(c)
        })
        .trim()
        .to_lowercase();
    let b = &*BOILERPLATE;
    b.prefix.iter().any(|x| p.starts_with(x.as_str()))
        || b.line.iter().any(|x| {
            p.trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace()) == x
        })
        || b.contains.iter().any(|x| p.contains(x.as_str()))
}

/// Extracts the article body and metadata of a whole page.
pub fn extract_html(html: &str) -> HtmlArticle {
    let doc = Html::parse_document(html);
    let meta = Meta::collect(&doc);
    let root = doc.tree.root();
    let container = choose_container(root).unwrap_or(root);
    let text = render(container);
    meta.into_article(text)
}

/// Text of an HTML fragment (a feed item's body): all of it, minus noise and
/// boilerplate, one block per line. Text without any tag keeps its line breaks.
pub fn html_fragment_text(fragment: &str) -> String {
    let owned;
    let html = if fragment.contains('<') {
        fragment
    } else {
        owned = fragment.replace('\n', "<br>");
        &owned
    };
    let doc = Html::parse_document(html);
    render(doc.tree.root())
}

/// Collapses whitespace runs to one space and trims (for titles and names).
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text of a title-like field that may hold markup or entities.
pub(crate) fn plain_title(s: &str) -> Option<String> {
    let t = if s.contains('<') || s.contains('&') {
        collapse(&raw_text(Html::parse_fragment(s).tree.root()))
    } else {
        collapse(s)
    };
    (!t.is_empty()).then_some(t)
}

fn element_name<'a>(node: &NodeRef<'a, Node>) -> Option<&'a str> {
    node.value().as_element().map(|e| e.name())
}

/// True when this element's subtree is page furniture.
fn is_dropped(node: &NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else { return false };
    let name = el.name();
    if DROP_TAGS.contains(&name) || el.attr("hidden").is_some() {
        return true;
    }
    if el.attr("style").is_some_and(invisible_style) {
        return true;
    }
    if el.attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return true;
    }
    if el.attr("role").is_some_and(|r| DROP_ROLES.iter().any(|d| r.eq_ignore_ascii_case(d))) {
        return true;
    }
    if matches!(name, "html" | "body" | "article" | "main")
        || el.attr("itemprop").is_some_and(|v| v.contains("articleBody"))
    {
        return false;
    }
    let class_id = [el.attr("class"), el.attr("id")];
    class_id.iter().flatten().any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric()).map(|tok| tok.to_ascii_lowercase()).any(
            |tok| {
                UNLIKELY_TOKENS.contains(&tok.as_str())
                    || UNLIKELY_PREFIXES.iter().any(|p| tok.starts_with(p))
            },
        )
    })
}

/// True for inline styles that hide the element.
fn invisible_style(style: &str) -> bool {
    let s: String =
        style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// True when a dropped element other than a `<header>` encloses the node (a
/// `<time>` in an article header is the article's date; one in an `<aside>` or
/// a comment is not).
fn in_furniture(node: &NodeRef<'_, Node>) -> bool {
    node.ancestors().any(|a| is_dropped(&a) && element_name(&a) != Some("header"))
}

/// True when the node or one of its ancestors is dropped.
fn in_dropped(node: &NodeRef<'_, Node>) -> bool {
    is_dropped(node) || node.ancestors().any(|a| is_dropped(&a))
}

/// Paragraph votes: every kept `<p>` with its text length in chars.
struct Votes {
    /// Readability-style score: a paragraph's length to its parent, half to its grandparent.
    scores: HashMap<NodeId, f64>,
    /// Paragraph text (chars) inside each element.
    inside: HashMap<NodeId, usize>,
    total: usize,
}

impl Votes {
    fn collect(root: NodeRef<'_, Node>) -> Votes {
        let mut v = Votes { scores: HashMap::new(), inside: HashMap::new(), total: 0 };
        for node in root.descendants() {
            if element_name(&node) != Some("p") || in_dropped(&node) {
                continue;
            }
            let len = render(node).chars().count();
            if len < MIN_PARAGRAPH_CHARS {
                continue;
            }
            v.total += len;
            for (i, a) in node.ancestors().enumerate() {
                *v.inside.entry(a.id()).or_default() += len;
                let share = match i {
                    0 => 1.0,
                    1 => 0.5,
                    _ => continue,
                };
                *v.scores.entry(a.id()).or_default() += len as f64 * share;
            }
        }
        v
    }

    /// Paragraph text (chars) inside `node`.
    fn ptext(&self, node: NodeRef<'_, Node>) -> usize {
        self.inside.get(&node.id()).copied().unwrap_or(0)
    }
}

/// The element holding the article body.
fn choose_container(root: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    let votes = Votes::collect(root);
    let kept = |n: &NodeRef<'_, Node>| !in_dropped(n);
    let named = |name: &str| {
        root.descendants().filter(|n| element_name(n) == Some(name) && kept(n)).collect::<Vec<_>>()
    };
    let body_prop = root.descendants().find(|n| {
        n.value()
            .as_element()
            .and_then(|e| e.attr("itemprop"))
            .is_some_and(|v| v.contains("articleBody"))
            && kept(n)
    });
    if votes.total == 0 {
        return body_prop
            .or_else(|| named("article").into_iter().next())
            .or_else(|| named("main").into_iter().next());
    }
    let best_article = named("article")
        .into_iter()
        .max_by_key(|a| votes.ptext(*a))
        .filter(|a| votes.ptext(*a) > 0);
    let best_scored = votes
        .scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
        .and_then(|(id, _)| root.tree().get(*id));
    let mut pick = match (body_prop.filter(|b| votes.ptext(*b) > 0), best_article, best_scored) {
        (Some(b), _, _) => b,
        (None, Some(a), Some(s)) if votes.ptext(a) * 10 >= votes.ptext(s) * 6 => a,
        (None, _, Some(s)) => s,
        (None, Some(a), None) => a,
        (None, None, None) => return None,
    };
    while votes.ptext(pick) * 2 < votes.total {
        match pick.parent() {
            Some(p) => pick = p,
            None => break,
        }
    }
    Some(pick)
}

/// Lays out the text under `node`: one block per line, whitespace collapsed,
/// noise and boilerplate removed.
fn render(node: NodeRef<'_, Node>) -> String {
    let mut out = Layout::default();
    out.walk(node);
    out.flush();
    out.paragraphs.join("\n")
}

#[derive(Default)]
struct Layout {
    paragraphs: Vec<String>,
    line: String,
    pending_space: bool,
    /// Depth of `<a>` elements around the current text.
    link_depth: usize,
    /// Non-space chars of the current line, and how many of them are link text.
    chars: usize,
    link_chars: usize,
}

/// Share of link text (in tenths) from which a line is a list of links, not prose.
const MAX_LINK_TENTHS: usize = 8;

impl Layout {
    fn walk(&mut self, root: NodeRef<'_, Node>) {
        // Iterative depth-first walk: deep documents must not overflow the stack.
        let mut stack: Vec<(NodeRef<'_, Node>, bool)> = vec![(root, false)];
        while let Some((node, leaving)) = stack.pop() {
            let block = element_name(&node).is_some_and(|n| BLOCK_TAGS.contains(&n));
            let link = element_name(&node) == Some("a");
            if leaving {
                if block {
                    self.flush();
                }
                if link {
                    self.link_depth = self.link_depth.saturating_sub(1);
                }
                continue;
            }
            match node.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(e) if e.name() == "br" => self.flush(),
                Node::Element(_) if is_dropped(&node) => continue,
                Node::Element(_) | Node::Document | Node::Fragment => {
                    if block {
                        self.flush();
                    }
                    if link {
                        self.link_depth += 1;
                    }
                    stack.push((node, true));
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, false)));
                }
                _ => {}
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        for c in text.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
                self.chars += 1;
                if self.link_depth > 0 {
                    self.link_chars += 1;
                }
            }
        }
    }

    fn flush(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.pending_space = false;
        let links = self.link_chars * 10 >= self.chars * MAX_LINK_TENTHS;
        (self.chars, self.link_chars) = (0, 0);
        if !line.trim().is_empty() && !links && !is_boilerplate(&line) {
            self.paragraphs.push(line);
        }
    }
}

/// Metadata candidates gathered from the whole page.
#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title_tag: Option<String>,
    h1: Option<String>,
    /// (priority, raw value): lower priority wins.
    dates: Vec<(u8, String)>,
    canonical: Option<String>,
    og_url: Option<String>,
    site_name: Option<String>,
    lang: Option<Lang>,
    description: Option<String>,
}

/// `meta name=…` values that carry a publication date.
const DATE_META_NAMES: &[&str] = &[
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.date",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "og:published_time",
    "datepublished",
    "citation_publication_date",
    "citation_date",
    "dc.date.published",
    "article:published",
];

impl Meta {
    fn collect(doc: &Html) -> Meta {
        let mut m = Meta::default();
        for node in doc.tree.root().descendants() {
            let Some(el) = node.value().as_element() else { continue };
            match el.name() {
                "meta" => m.meta(el),
                "html" => {
                    m.lang =
                        el.attr("lang").or_else(|| el.attr("xml:lang")).and_then(Lang::from_code)
                }
                "link" => {
                    let rel = el.attr("rel").unwrap_or("");
                    if rel.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("canonical")) {
                        m.canonical = m.canonical.take().or_else(|| absolute(el.attr("href")));
                    }
                }
                "title" if m.title_tag.is_none() => m.title_tag = non_empty(raw_text(node)),
                "h1" if m.h1.is_none() => m.h1 = non_empty(raw_text(node)),
                "time" if !in_furniture(&node) => {
                    if let Some(dt) = el.attr("datetime") {
                        let prio =
                            if el.attr("itemprop").is_some_and(|v| v.contains("datePublished")) {
                                0
                            } else if el.attr("pubdate").is_some() {
                                3
                            } else {
                                4
                            };
                        m.dates.push((prio, dt.to_owned()));
                    }
                }
                "script"
                    if el
                        .attr("type")
                        .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) =>
                {
                    let json = raw_text(node);
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(&json) {
                        if let Some(d) = find_json_key(&v, "datePublished") {
                            m.dates.push((1, d));
                        }
                    }
                }
                _ => {}
            }
            if el.attr("itemprop").is_some_and(|v| v.contains("datePublished"))
                && el.name() != "time"
            {
                if let Some(c) = el.attr("content") {
                    m.dates.push((0, c.to_owned()));
                }
            }
        }
        m
    }

    fn meta(&mut self, el: &scraper::node::Element) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let Some(content) = el.attr("content") else { return };
        match key.as_str() {
            "og:title" | "twitter:title" if self.og_title.is_none() => {
                self.og_title = non_empty(collapse(content))
            }
            "og:url" if self.og_url.is_none() => self.og_url = absolute(Some(content)),
            "og:description" | "description" | "twitter:description"
                if self.description.is_none() =>
            {
                self.description = non_empty(collapse(content))
            }
            "og:site_name" if self.site_name.is_none() => {
                self.site_name = non_empty(collapse(content))
            }
            "article:published_time" | "og:article:published_time" => {
                self.dates.push((0, content.to_owned()))
            }
            k if DATE_META_NAMES.contains(&k) => self.dates.push((2, content.to_owned())),
            _ => {}
        }
    }

    fn into_article(mut self, text: String) -> HtmlArticle {
        self.dates.sort_by_key(|(p, _)| *p); // stable: document order within a priority
        let published = self.dates.iter().find_map(|(_, d)| parse_date(d));
        let url = self.canonical.or(self.og_url);
        let site = self.site_name.clone().or_else(|| url.as_deref().and_then(domain));
        let tag_title = self.title_tag.map(|t| strip_site_suffix(t, site.as_deref()));
        let source = self.site_name.or_else(|| url.as_deref().and_then(domain));
        HtmlArticle {
            title: self.og_title.or(tag_title).or(self.h1),
            text,
            published,
            url,
            source,
            lang: self.lang,
            description: self.description,
        }
    }
}

/// All text under `node`, without any dropping (for `<title>`).
fn raw_text(node: NodeRef<'_, Node>) -> String {
    node.descendants().filter_map(|n| n.value().as_text().map(|t| t.to_string())).collect()
}

/// `"Headline | Outlet"` → `"Headline"` when the suffix is the outlet's name
/// or domain (compared case-insensitively, domain without its last label too).
fn strip_site_suffix(title: String, site: Option<&str>) -> String {
    let Some(site) = site.map(str::to_lowercase) else { return title };
    let short =
        site.rsplit_once('.').map(|(head, _)| head.to_owned()).unwrap_or_else(|| site.clone());
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim().to_lowercase();
            if !head.trim().is_empty() && (tail == site || tail == short) {
                return head.trim().to_owned();
            }
        }
    }
    title
}

fn non_empty(s: String) -> Option<String> {
    let s = collapse(&s);
    (!s.is_empty()).then_some(s)
}

/// The value if it is an absolute http(s) URL.
fn absolute(v: Option<&str>) -> Option<String> {
    let v = v?.trim();
    let lower = v.get(..8).unwrap_or(v).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")).then(|| v.to_owned())
}

/// The host of an absolute URL, lowercased, without `www.`.
pub(crate) fn domain(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    (!host.is_empty()).then_some(host)
}

/// The first string value under `key`, searching nested objects and arrays.
fn find_json_key(v: &serde_json::Value, key: &str) -> Option<String> {
    match v {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(|x| x.as_str().map(str::to_owned))
            .or_else(|| map.values().find_map(|x| find_json_key(x, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|x| find_json_key(x, key)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="fr"><head>
<meta charset="utf-8">
<title>Frappe de drone près d'Erbil - Le Quotidien</title>
<meta property="og:site_name" content="Le Quotidien">
<link rel="canonical" href="https://www.lequotidien.example/monde/erbil-frappe">
<script>var x = "Lire aussi: ceci est du code";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav></header>
<article>
  <h1>Frappe de drone près d'Erbil</h1>
  <p class="byline">Publié le <time datetime="2024-03-02T08:15:00+03:00">2 mars 2024</time></p>
  <p>Une frappe de drone a visé dimanche   une base
     proche de l'aéroport d'Erbil, selon les autorités kurdes.</p>
  <p>Lire aussi : <a href="/x">Le Kurdistan irakien sous pression</a></p>
  <figure><img src="a.jpg"><figcaption>La base, en 2020. Photo AFP</figcaption></figure>
  <p>Aucune victime n'a été signalée, a précisé le ministère de l'Intérieur.</p>
  <div class="share-buttons"><p>Partager cet article sur les réseaux sociaux</p></div>
</article>
<aside><p>Les plus lus : un article sans rapport avec la frappe.</p></aside>
<footer><p>© Le Quotidien, tous droits réservés, mentions légales.</p></footer>
</body></html>"#;

    #[test]
    fn extracts_article_and_metadata() {
        let a = extract_html(PAGE);
        assert_eq!(
            a.text,
            "Frappe de drone près d'Erbil\nPublié le 2 mars 2024\n\
             Une frappe de drone a visé dimanche une base proche de l'aéroport d'Erbil, selon les autorités kurdes.\n\
             Aucune victime n'a été signalée, a précisé le ministère de l'Intérieur."
        );
        assert_eq!(a.title.as_deref(), Some("Frappe de drone près d'Erbil"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(a.url.as_deref(), Some("https://www.lequotidien.example/monde/erbil-frappe"));
        assert_eq!(a.source.as_deref(), Some("Le Quotidien"));
        assert_eq!(a.lang, Some(Lang::Fr));
    }

    #[test]
    fn prefers_main_text_block_without_article() {
        let html = r#"<html><body>
        <div id="menu"><p>Home | World | Politics | Business | Sport</p></div>
        <div class="col"><div class="story">
          <p>Rockets struck a military base north of Baghdad on Tuesday, officials said.</p>
          <p>Related: Iraq's parliament votes on foreign troops</p>
          <p>No group immediately claimed responsibility for the attack on the base.</p>
        </div>
        <div class="teaser"><p>Short teaser.</p></div></div>
        <div><p>Some other box with a long enough paragraph to count as text here.</p></div>
        </body></html>"#;
        let a = extract_html(html);
        assert_eq!(
            a.text,
            "Rockets struck a military base north of Baghdad on Tuesday, officials said.\n\
             No group immediately claimed responsibility for the attack on the base."
        );
        assert_eq!(a.title, None);
        assert_eq!(a.source, None);
    }

    #[test]
    fn metadata_priorities() {
        let html = r#"<html><head>
        <meta property="og:title" content="  Ceasefire   holds ">
        <meta property="og:url" content="https://news.example.org/a?b=1">
        <meta name="DC.date" content="2023-01-05">
        <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2023-01-04T10:00:00Z"}]}</script>
        </head><body><time datetime="2023-01-09">Jan 9</time><p>Body text that is long enough to be kept.</p></body></html>"#;
        let times = r#"<html><body><aside><time datetime="2020-01-01">old</time></aside>
        <article><header><time datetime="2023-02-03">3 Feb</time></header><p>Text.</p></article></body></html>"#;
        assert_eq!(extract_html(times).published, NaiveDate::from_ymd_opt(2023, 2, 3));
        let a = extract_html(html);
        assert_eq!(a.title.as_deref(), Some("Ceasefire holds"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2023, 1, 4));
        assert_eq!(a.url.as_deref(), Some("https://news.example.org/a?b=1"));
        assert_eq!(a.source.as_deref(), Some("news.example.org"));
    }

    #[test]
    fn fragments_and_boilerplate() {
        let cases = [
            ("<p>Un.</p><p>Deux &amp; trois.</p>", "Un.\nDeux & trois."),
            (
                "<p>Texte <a href=x>lié</a> ici.</p><ul><li><a href=y>Autre article</a></li></ul>",
                "Texte lié ici.",
            ),
            ("<p><a href=z>Tout le paragraphe est un lien vers ailleurs</a></p>", ""),
            ("Ligne un\nLigne &eacute;deux", "Ligne un\nLigne édeux"),
            ("<p>Texte.</p><p>The post Texte appeared first on Blog.</p>", "Texte."),
            ("<div>a<br>b</div><script>c</script>", "a\nb"),
            ("<p>vu</p><p style=\"display: none\">caché</p>", "vu"),
            ("", ""),
        ];
        for (frag, want) in cases {
            assert_eq!(html_fragment_text(frag), want, "{frag:?}");
        }
        for (line, want) in [
            ("Lire aussi : la suite", true),
            ("» À lire aussi | x", true),
            ("READ MORE: x", true),
            ("Publicité", true),
            ("© Agence, 2024", true),
            ("Sign up for our daily briefing", true),
            ("Les forces lisent aussi la presse.", false),
            ("Related fighting was reported.", false),
        ] {
            assert_eq!(is_boilerplate(line), want, "{line:?}");
        }
    }

    #[test]
    fn site_suffixes() {
        let cases = [
            ("Strike kills 3 | World Desk", Some("World Desk"), "Strike kills 3"),
            ("Frappe à Gaza - lemonde.fr", Some("lemonde.fr"), "Frappe à Gaza"),
            ("Frappe à Gaza - Le Monde", Some("lemonde"), "Frappe à Gaza - Le Monde"),
            ("Talks in Doha – Reuters", Some("reuters.com"), "Talks in Doha"),
            ("Kyiv - Kharkiv", None, "Kyiv - Kharkiv"),
            (" | World Desk", Some("World Desk"), " | World Desk"),
        ];
        for (title, site, want) in cases {
            assert_eq!(strip_site_suffix(title.to_owned(), site), want, "{title}");
        }
    }

    #[test]
    fn domains() {
        assert_eq!(domain("https://www.Example.com:8080/x").as_deref(), Some("example.com"));
        assert_eq!(domain("http://user@news.example/").as_deref(), Some("news.example"));
        assert_eq!(domain("not a url"), None);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}text{}", "<div>".repeat(5000), "</div>".repeat(5000));
        assert!(extract_html(&html).text.contains("text"));
    }
}
