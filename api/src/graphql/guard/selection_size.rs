//! How many fields an operation selects once its fragments are expanded.
//!
//! The engine's own validators (complexity, depth, overlapping fields) walk a
//! fragment again at every spread, so eight fragments spreading the next one
//! ten times make 10⁸ visits from a 672-byte body. This count memoises each
//! fragment, so it costs one pass over the document however the fragments
//! nest, and it runs before those validators.

use std::collections::HashMap;

use async_graphql::parser::types::{ExecutableDocument, Field, Selection, SelectionSet};
use async_graphql::{Name, Positioned};

/// Most fields one operation may select, counted after expanding fragments.
/// The admin app's largest screen selects a few hundred.
pub const MAX_SELECTED_FIELDS: u64 = 2_500;

/// Deepest nesting the guard's walks follow, counting as levels what the
/// engine's recursion-depth limit (32, see `build_schema`) counts: a field's
/// selection, an inline fragment, a fragment spread. A chain of fragments,
/// each spreading the next, is as deep as it is long, and a 1 MiB body holds
/// about 27 000 of them: followed without a bound, the walks would overflow
/// the worker's stack, aborting the whole server, before the engine refused
/// the document. Twice the engine's limit, so only documents it would refuse
/// anyway are refused here.
pub const MAX_NESTING: usize = 64;

#[derive(Debug, PartialEq, Eq)]
pub enum SizeError {
    TooManyFields { limit: u64 },
    TooDeep { limit: usize },
    FragmentCycle(String),
}

/// The expanded field count of the largest operation of `doc`, or an error
/// as soon as it passes [`MAX_SELECTED_FIELDS`].
pub fn check(doc: &ExecutableDocument) -> Result<u64, SizeError> {
    let mut counter = ExpandedCounter::new(doc, MAX_SELECTED_FIELDS, |_| 1);
    let mut largest = 0;
    for (_, operation) in doc.operations.iter() {
        largest = largest.max(counter.operation(&operation.node.selection_set)?);
    }
    Ok(largest)
}

/// Adds up `weight` over the fields an operation selects, each fragment
/// expanded as often as it is spread but walked once (its total memoised), so
/// the cost is one pass over the document however fragments nest. Stops with
/// an error past `limit`, past [`MAX_NESTING`] or on a fragment cycle. The
/// guard counts every field with it; the partner quota counts the checks.
pub struct ExpandedCounter<'a, W> {
    doc: &'a ExecutableDocument,
    limit: u64,
    weight: W,
    /// Expanded total of each fragment already counted.
    sizes: HashMap<&'a str, u64>,
    /// Fragments being counted (a spread of one of them is a cycle).
    visiting: Vec<&'a str>,
}

impl<'a, W: Fn(&Field) -> u64> ExpandedCounter<'a, W> {
    pub fn new(doc: &'a ExecutableDocument, limit: u64, weight: W) -> Self {
        ExpandedCounter { doc, limit, weight, sizes: HashMap::new(), visiting: Vec::new() }
    }

    /// The total of one operation's selection set.
    pub fn operation(&mut self, set: &'a Positioned<SelectionSet>) -> Result<u64, SizeError> {
        self.selection(set, 0)
    }

    /// The expanded total of `set`, found `depth` levels below its operation.
    fn selection(&mut self, set: &'a Positioned<SelectionSet>, depth: usize) -> Result<u64, SizeError> {
        if depth > MAX_NESTING {
            return Err(SizeError::TooDeep { limit: MAX_NESTING });
        }
        let mut total: u64 = 0;
        for item in &set.node.items {
            let size = match &item.node {
                Selection::Field(field) => {
                    (self.weight)(&field.node).saturating_add(self.selection(&field.node.selection_set, depth + 1)?)
                }
                Selection::InlineFragment(inline) => self.selection(&inline.node.selection_set, depth + 1)?,
                Selection::FragmentSpread(spread) => self.fragment(&spread.node.fragment_name, depth + 1)?,
            };
            total = total.saturating_add(size);
            if total > self.limit {
                return Err(SizeError::TooManyFields { limit: self.limit });
            }
        }
        Ok(total)
    }

    /// A fragment's total is memoised wherever it is first spread: the depth
    /// bound is on this walk's recursion; the exact limit is the engine's.
    fn fragment(&mut self, name: &'a Positioned<Name>, depth: usize) -> Result<u64, SizeError> {
        let name = name.node.as_str();
        if let Some(size) = self.sizes.get(name) {
            return Ok(*size);
        }
        if self.visiting.contains(&name) {
            return Err(SizeError::FragmentCycle(name.to_owned()));
        }
        // An unknown fragment selects nothing here; the engine reports it.
        let Some(fragment) = self.doc.fragments.get(name) else { return Ok(0) };
        self.visiting.push(name);
        let size = self.selection(&fragment.node.selection_set, depth);
        self.visiting.pop();
        let size = size?;
        self.sizes.insert(name, size);
        Ok(size)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use async_graphql::parser::parse_query;

    /// `levels` fragments, each spreading the next `fanout` times; the last selects `__typename`.
    pub(crate) fn fragment_bomb(levels: usize, fanout: usize) -> String {
        let mut query = String::from("query { ...F0 }\n");
        for level in 0..levels {
            let body = if level + 1 == levels {
                "__typename".to_owned()
            } else {
                vec![format!("...F{}", level + 1); fanout].join(" ")
            };
            query.push_str(&format!("fragment F{level} on Query {{ {body} }}\n"));
        }
        query
    }

    fn size(query: &str) -> Result<u64, SizeError> {
        check(&parse_query(query).unwrap())
    }

    #[test]
    fn fields_are_counted_with_fragments_expanded() {
        assert_eq!(size("{ me { username displayName } }"), Ok(3));
        assert_eq!(size("{ ...A ...A } fragment A on Query { me { username } }"), Ok(4));
        assert_eq!(size("{ ... on Query { __typename } }"), Ok(1));
    }

    #[test]
    fn a_fragment_bomb_is_refused_without_expanding_it() {
        let started = std::time::Instant::now();
        assert_eq!(size(&fragment_bomb(8, 10)), Err(SizeError::TooManyFields { limit: MAX_SELECTED_FIELDS }));
        assert!(started.elapsed() < std::time::Duration::from_millis(100));
    }

    #[test]
    fn many_aliases_are_refused_too() {
        let fields: Vec<String> = (0..3_000).map(|i| format!("a{i}: __typename")).collect();
        assert!(size(&format!("{{ {} }}", fields.join(" "))).is_err());
    }

    /// `length` fragments, each spreading the next, in one line (no spaces).
    pub(crate) fn fragment_chain(length: usize) -> String {
        let mut query = String::from("{...F0}");
        for i in 0..length {
            query.push_str(&format!("fragment F{i} on QueryRoot{{...F{}}}", i + 1));
        }
        query.push_str(&format!("fragment F{length} on QueryRoot{{__typename}}"));
        query
    }

    /// Runs `f` on a thread with the stack of an actix-web worker (2 MiB).
    pub(crate) fn on_a_worker_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new().stack_size(2 << 20).spawn(f).unwrap().join().unwrap()
    }

    #[test]
    fn a_long_chain_of_fragments_within_the_body_limit_is_refused_without_overflowing_the_stack() {
        let query = fragment_chain(25_000);
        assert!(query.len() < crate::http::MAX_BODY_BYTES, "{} bytes", query.len());
        let doc = parse_query(&query).unwrap();
        assert_eq!(on_a_worker_stack(move || check(&doc)), Err(SizeError::TooDeep { limit: MAX_NESTING }));
    }

    #[test]
    fn nesting_the_engine_accepts_is_not_refused() {
        // A chain of 30 fragments is 31 levels deep, as is 30 nested fields: the engine's limit is 32.
        assert_eq!(size(&fragment_chain(30)), Ok(1));
        let nested = format!("{{{}__typename{}}}", "me{".repeat(30), "}".repeat(30));
        assert!(size(&nested).is_ok());
    }

    #[test]
    fn a_fragment_cycle_is_refused_not_followed() {
        let query = "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }";
        assert!(matches!(size(query), Err(SizeError::FragmentCycle(_))));
    }
}
