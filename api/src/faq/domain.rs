//! FAQ rules and the Italian text analysis used for search on SQLite.
//!
//! PostgreSQL analyses text with its own `italian` configuration (Snowball
//! stemmer and stop words). SQLite's FTS5 has no Italian stemmer, so the same
//! Snowball algorithm runs here, in Rust, both on the indexed text and on the
//! query: "pensione" and "pensioni" both become "pension".

use rust_stemmers::{Algorithm, Stemmer};

pub use entities::faq_entry::FaqStatus;

pub mod limits {
    pub const QUESTION_MIN: usize = 5;
    pub const QUESTION_MAX: usize = 500;
    pub const ANSWER_MAX: usize = 8000;
    pub const TAGS_MAX: usize = 10;
    pub const TAG_MAX: usize = 40;
    pub const SEARCH_MAX: usize = 200;
}

/// Tags trimmed, lower-cased, without duplicates, in the order given. An
/// empty or blank tag is refused (`"blank"`), not silently dropped: it is
/// almost always a mistake of the client (a trailing separator, an empty field).
pub fn normalise_tags(tags: &[String]) -> Result<Vec<String>, &'static str> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_lowercase();
        if tag.is_empty() {
            return Err("blank");
        }
        if tag.chars().count() > limits::TAG_MAX || tag.contains(',') {
            return Err("tag");
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > limits::TAGS_MAX {
        return Err("count");
    }
    Ok(out)
}

pub fn join_tags(tags: &[String]) -> String {
    tags.join(", ")
}

pub fn split_tags(stored: &str) -> Vec<String> {
    stored.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

/// The most frequent Italian function words (a subset of Snowball's list):
/// dropped on both sides so that a query's "di" or "la" never has to match.
const STOP_WORDS: &[&str] = &[
    "a", "ad", "al", "alla", "alle", "agli", "ai", "all", "anche", "che", "chi", "ci", "come", "con", "da", "dal",
    "dalla", "dai", "dagli", "dalle", "de", "degli", "dei", "del", "della", "delle", "dello", "di", "e", "ed", "gli",
    "ha", "ho", "i", "il", "in", "io", "l", "la", "le", "lo", "ma", "mi", "nei", "nel", "nella", "nelle", "non", "o",
    "per", "più", "quale", "quando", "se", "si", "sono", "su", "sul", "sulla", "tra", "fra", "un", "una", "uno", "è",
    "cosa", "mio", "mia", "miei", "mie", "suo", "sua", "come",
];

/// Italian words reduced to their Snowball stems, lower case, stop words
/// dropped, in text order.
pub fn italian_stems(text: &str) -> Vec<String> {
    let stemmer = Stemmer::create(Algorithm::Italian);
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .map(|w| stemmer.stem(&w).into_owned())
        .collect()
}

/// The text stored in the SQLite FTS5 table for an entry.
pub fn index_text(question: &str, answer: &str, tags: &str) -> String {
    italian_stems(&format!("{question} {answer} {tags}")).join(" ")
}

/// An FTS5 MATCH expression: every stem must occur (AND), each quoted so
/// that nothing the user typed is read as FTS5 syntax. `None` when the query
/// has no searchable word.
pub fn fts5_query(search: &str) -> Option<String> {
    let mut stems = italian_stems(search);
    stems.dedup();
    if stems.is_empty() {
        return None;
    }
    Some(stems.iter().map(|s| format!("\"{}\"", s.replace('"', ""))).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_and_plural_share_a_stem() {
        assert_eq!(italian_stems("pensione"), italian_stems("pensioni"));
        assert_eq!(italian_stems("contributo"), italian_stems("contributi"));
        assert_eq!(italian_stems("indennità"), italian_stems("Indennità"));
    }

    #[test]
    fn stop_words_are_dropped_and_case_folded() {
        assert_eq!(italian_stems("La pensione di VECCHIAIA"), italian_stems("pensioni vecchiaia"));
    }

    #[test]
    fn a_query_is_quoted_stems_joined_by_and() {
        assert_eq!(fts5_query("Pensioni anticipate").as_deref(), Some("\"pension\" \"anticip\""));
        assert_eq!(fts5_query("di la"), None);
        assert_eq!(fts5_query("  "), None);
    }

    #[test]
    fn fts5_syntax_in_the_query_is_not_interpreted() {
        let q = fts5_query("NASpI\" OR * NEAR(").unwrap();
        assert!(!q.contains('*') && !q.contains('('));
        assert_eq!(q.matches('"').count() % 2, 0);
    }

    #[test]
    fn tags_are_normalised_and_deduplicated() {
        let tags = vec![" NASpI ".to_owned(), "naspi".into(), "disoccupazione".into()];
        assert_eq!(normalise_tags(&tags).unwrap(), vec!["naspi", "disoccupazione"]);
        assert_eq!(split_tags(&join_tags(&normalise_tags(&tags).unwrap())), vec!["naspi", "disoccupazione"]);
    }

    #[test]
    fn too_many_or_too_long_tags_are_refused() {
        let many: Vec<String> = (0..11).map(|i| format!("t{i}")).collect();
        assert_eq!(normalise_tags(&many), Err("count"));
        assert_eq!(normalise_tags(&["x".repeat(41)]), Err("tag"));
        assert_eq!(normalise_tags(&["a,b".to_owned()]), Err("tag"));
    }

    #[test]
    fn empty_or_blank_tags_are_refused() {
        assert_eq!(normalise_tags(&["naspi".to_owned(), "".into()]), Err("blank"));
        assert_eq!(normalise_tags(&["  \t ".to_owned()]), Err("blank"));
        assert_eq!(normalise_tags(&[]), Ok(vec![]));
    }
}
