//! Every string a request hands to a resolver, checked once before any
//! resolver runs: no control characters (a NUL makes PostgreSQL fail where
//! SQLite stores it), line breaks only where the field is long free text, and
//! no more characters than the field's column holds. The rule of each input
//! is in [`super::rules`], keyed by its schema coordinate.
//!
//! The walk follows the schema's types, so inline literals and variables are
//! checked alike, inside input objects and lists, and each fragment is checked
//! once however often it is spread.

use std::collections::{HashMap, HashSet};

use async_graphql::parser::types::{ExecutableDocument, OperationType, Selection, SelectionSet};
use async_graphql::registry::{MetaInputValue, MetaType, Registry};
use async_graphql::{Name, Positioned, Variables};
use async_graphql_value::{ConstValue, Value};

use super::rules::{Lines, Rule, rule_for};
use super::selection_size::MAX_NESTING;

#[derive(Debug, PartialEq, Eq)]
pub struct InputError {
    /// The GraphQL name of the offending input (argument or input field).
    pub field: String,
    pub problem: Problem,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    ControlCharacters,
    LineBreaks,
    TooLong { max: usize },
}

/// Checks every string argument of every operation of `doc`.
pub fn check(doc: &ExecutableDocument, variables: &Variables, registry: &Registry) -> Result<(), InputError> {
    let mut walker = Walker { doc, registry, variables: HashMap::new(), fragments_seen: HashSet::new() };
    for (_, operation) in doc.operations.iter() {
        let op = &operation.node;
        walker.variables = resolved_variables(op, variables);
        // Fragments resolve this operation's variables: check them again for each operation.
        walker.fragments_seen.clear();
        let root = match op.ty {
            OperationType::Query => Some(registry.query_type.as_str()),
            OperationType::Mutation => registry.mutation_type.as_deref(),
            OperationType::Subscription => registry.subscription_type.as_deref(),
        };
        if let Some(root) = root {
            walker.selection(root, &op.selection_set, 0)?;
        }
    }
    Ok(())
}

/// The request's variables, with each operation's defaults for those not sent.
fn resolved_variables(
    op: &async_graphql::parser::types::OperationDefinition,
    variables: &Variables,
) -> HashMap<Name, ConstValue> {
    let mut resolved: HashMap<Name, ConstValue> = variables.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    for def in &op.variable_definitions {
        let name = &def.node.name.node;
        if let (false, Some(default)) = (resolved.contains_key(name), &def.node.default_value) {
            resolved.insert(name.clone(), default.node.clone());
        }
    }
    resolved
}

struct Walker<'a> {
    doc: &'a ExecutableDocument,
    registry: &'a Registry,
    variables: HashMap<Name, ConstValue>,
    fragments_seen: HashSet<&'a str>,
}

impl<'a> Walker<'a> {
    /// Checks the arguments in `set`, of type `type_name`, `depth` levels below its operation.
    fn selection(
        &mut self,
        type_name: &str,
        set: &'a Positioned<SelectionSet>,
        depth: usize,
    ) -> Result<(), InputError> {
        if depth > MAX_NESTING {
            // Not followed, so that no document can overflow the stack here: the
            // guard's size check has already refused it, and the engine refuses
            // anything this deep before any resolver runs.
            return Ok(());
        }
        for item in &set.node.items {
            match &item.node {
                Selection::Field(field) => {
                    let field = &field.node;
                    let Some(meta) = self.registry.types.get(type_name).and_then(|t| t.field_by_name(&field.name.node))
                    else {
                        continue; // unknown field: the engine's validation reports it
                    };
                    for (arg_name, value) in &field.arguments {
                        if let Some(arg) = meta.args.get(arg_name.node.as_str()) {
                            let coordinate = format!("{type_name}.{}({})", meta.name, arg.name);
                            let value = self.resolve(&value.node);
                            self.value(&coordinate, arg, &arg.ty, &value)?;
                        }
                    }
                    let child = MetaTypeName::concrete(&meta.ty).to_owned();
                    self.selection(&child, &field.selection_set, depth + 1)?;
                }
                Selection::InlineFragment(inline) => {
                    let on = inline.node.type_condition.as_ref().map(|c| c.node.on.node.to_string());
                    self.selection(on.as_deref().unwrap_or(type_name), &inline.node.selection_set, depth + 1)?;
                }
                Selection::FragmentSpread(spread) => {
                    let name = spread.node.fragment_name.node.as_str();
                    if let Some(fragment) = self.doc.fragments.get(name)
                        && self.fragments_seen.insert(name)
                    {
                        let on = fragment.node.type_condition.node.on.node.to_string();
                        self.selection(&on, &fragment.node.selection_set, depth + 1)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn resolve(&self, value: &Value) -> ConstValue {
        value
            .clone()
            .into_const_with(|name| {
                Ok::<_, std::convert::Infallible>(self.variables.get(&name).cloned().unwrap_or_default())
            })
            .unwrap_or_default()
    }

    /// Checks `value` against the input type `ty` (e.g. `String!`, `[ID!]`, `BookingInput!`).
    fn value(&self, coordinate: &str, input: &MetaInputValue, ty: &str, value: &ConstValue) -> Result<(), InputError> {
        let ty = ty.strip_suffix('!').unwrap_or(ty);
        if let Some(inner) = ty.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            return match value {
                ConstValue::List(items) => items.iter().try_for_each(|v| self.value(coordinate, input, inner, v)),
                single => self.value(coordinate, input, inner, single),
            };
        }
        match (self.registry.types.get(ty), value) {
            (Some(MetaType::InputObject { name, input_fields, .. }), ConstValue::Object(fields)) => {
                for (key, field_value) in fields {
                    if let Some(field) = input_fields.get(key.as_str()) {
                        self.value(&format!("{name}.{key}"), field, &field.ty, field_value)?;
                    }
                }
                Ok(())
            }
            (_, ConstValue::String(text)) if ty == "String" || ty == "ID" => {
                check_text(text, rule_for(coordinate, &input.name))
                    .map_err(|problem| InputError { field: input.name.clone(), problem })
            }
            // Other scalars (dates, uploads) and enums parse themselves; a NUL still never passes.
            (_, ConstValue::String(text)) if text.contains('\0') => {
                Err(InputError { field: input.name.clone(), problem: Problem::ControlCharacters })
            }
            _ => Ok(()),
        }
    }
}

/// `[Type!]!` → `Type`.
struct MetaTypeName;

impl MetaTypeName {
    fn concrete(ty: &str) -> &str {
        ty.trim_matches(|c| c == '[' || c == ']' || c == '!')
    }
}

/// One string against its rule.
pub fn check_text(text: &str, rule: Rule) -> Result<(), Problem> {
    for c in text.chars() {
        let line_break = c == '\n' || c == '\r' || c == '\t';
        if line_break && rule.lines == Lines::Single {
            return Err(Problem::LineBreaks);
        }
        if c.is_control() && !line_break {
            return Err(Problem::ControlCharacters);
        }
    }
    // Counted after the scan so a 100 kB value costs one pass, not two.
    if text.chars().count() > rule.max_chars {
        return Err(Problem::TooLong { max: rule.max_chars });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: Rule = Rule { max_chars: 5, lines: Lines::Single };
    const TEXT: Rule = Rule { max_chars: 20, lines: Lines::Multi };

    #[test]
    fn nul_and_other_control_characters_are_refused_everywhere() {
        assert_eq!(check_text("a\u{0}", TEXT), Err(Problem::ControlCharacters));
        assert_eq!(check_text("a\u{7}", TEXT), Err(Problem::ControlCharacters));
        assert_eq!(check_text("a\u{1b}[0m", TEXT), Err(Problem::ControlCharacters));
        assert_eq!(check_text("a\u{85}", TEXT), Err(Problem::ControlCharacters));
    }

    #[test]
    fn line_breaks_only_in_free_text() {
        assert_eq!(check_text("riga\nriga\ttab", TEXT), Ok(()));
        assert_eq!(check_text("a\r\nb", LINE), Err(Problem::LineBreaks));
    }

    #[test]
    fn a_long_chain_of_fragments_is_walked_without_overflowing_the_stack() {
        use crate::graphql::guard::selection_size::tests::{fragment_chain, on_a_worker_stack};
        let doc = async_graphql::parser::parse_query(fragment_chain(25_000)).unwrap();
        let walked = on_a_worker_stack(move || check(&doc, &Variables::default(), &Registry::default()));
        assert_eq!(walked, Ok(()));
    }

    #[test]
    fn length_counts_characters() {
        assert_eq!(check_text("perché", Rule { max_chars: 6, lines: Lines::Single }), Ok(()));
        assert_eq!(check_text("abcdef", LINE), Err(Problem::TooLong { max: 5 }));
    }
}
