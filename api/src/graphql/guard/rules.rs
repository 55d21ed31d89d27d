//! The text rule of every string input of the schema: how many characters it
//! may hold (never more than its column) and whether it may span lines.
//!
//! Inputs are matched by name (`username` is 64 characters wherever it
//! appears), with schema coordinates (`MutationRoot.createApiKey(name)`,
//! `PublishFaqInput.question`) where one name has two columns behind it. The
//! areas' validators apply the finer rules (formats, minimums); this table is
//! the bound nothing passes. A test walks the schema and fails on any string
//! input this table does not name, so a new field needs a decision here.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// One line: no line breaks or tabs (names, codes, identifiers).
    Single,
    /// Free text: newlines and tabs allowed.
    Multi,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub max_chars: usize,
    pub lines: Lines,
}

const fn line(max_chars: usize) -> Rule {
    Rule { max_chars, lines: Lines::Single }
}

const fn text(max_chars: usize) -> Rule {
    Rule { max_chars, lines: Lines::Multi }
}

/// What an input not named in the tables gets (the schema test keeps this unused).
pub const FALLBACK: Rule = line(200);

/// Coordinates whose column differs from the usual one of their name.
fn by_coordinate(coordinate: &str) -> Option<Rule> {
    Some(match coordinate {
        "PublishFaqInput.question" | "UpdateFaqInput.question" => text(500),
        "MutationRoot.cancelAppointment(reason)" => text(500),
        "MutationRoot.rejectProfessional(reason)" => text(500),
        "UnitClosureInput.reason" => line(200),
        "MutationRoot.completeFollowUp(outcome)" => text(2_000),
        "RecordContactInput.note" => text(2_000),
        "RequestCallbackInput.topic" => line(500),
        "MutationRoot.createApiKey(name)" => line(100),
        "CreateOrgUnitInput.code" | "MutationRoot.updateOrgUnit(code)" | "QueryRoot.orgUnit(code)" => line(32),
        "ServiceInput.code" => line(32),
        // A reset link's token: the prefix and 43 characters of base64.
        "MutationRoot.resetPassword(token)" => line(100),
        // An SSO handoff code: 43 characters of base64.
        "MutationRoot.completeSsoSignIn(code)" => line(100),
        _ => return None,
    })
}

fn by_name(name: &str) -> Option<Rule> {
    Some(match name {
        // Free text.
        "answer" => text(8_000),
        "question" => text(4_000),
        "reason" | "reply" | "request" => text(2_000),
        "note" => text(500),
        "faqQuestion" => text(500),
        // Names and labels.
        "subject" | "citizenName" | "name" | "displayName" | "label" | "albo" | "topic" => line(200),
        "profiloUtenteProcess" | "profiloUtenteProduct" | "openingHours" => line(200),
        "tags" | "faqTags" => line(40),
        "text" | "search" => line(200),
        // Codes of units, services, sections, classifications.
        "code" => line(40),
        "officeCode" | "unitCode" | "regionCode" | "parentCode" | "directorateCode" | "segment" => line(32),
        "serviceCode" | "serviceCodes" | "section" => line(32),
        "entratelUserType" => line(8),
        "alboProvince" => line(2),
        "alboNumber" | "cupNumber" => line(32),
        "protocolNumber" | "action" | "recordType" => line(64),
        "idempotencyKey" => line(100),
        // People and contacts. Fiscal codes are normalised (spaces, case) by
        // their validator before they meet a 16-character column.
        "fiscalCode" | "citizenFiscalCode" | "clientFiscalCode" | "collaboratorFiscalCode" => line(32),
        "email" | "citizenEmail" | "virtualCounterMailbox" | "functionMailbox" => line(254),
        "phone" | "citizenPhone" => line(32),
        "username" | "assignee" | "actor" => line(64),
        "password" | "initialPassword" | "currentPassword" | "newPassword" => {
            line(crate::auth::password::MAX_PASSWORD_CHARS)
        }
        "url" => line(2_000),
        // Identifiers and cursors.
        "after" => line(200),
        "id" | "classification" => line(64),
        _ if name.ends_with("Id") || name.ends_with("Ids") => line(64),
        _ => return None,
    })
}

/// The rule of the input `name` declared at `coordinate`.
pub fn rule_for(coordinate: &str, name: &str) -> Rule {
    explicit_rule(coordinate, name).unwrap_or(FALLBACK)
}

pub fn explicit_rule(coordinate: &str, name: &str) -> Option<Rule> {
    by_coordinate(coordinate).or_else(|| by_name(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use async_graphql::parser::parse_schema;
    use async_graphql::parser::types::{TypeKind, TypeSystemDefinition};

    /// Every String or ID argument and input field of the schema, as (coordinate, name).
    fn string_inputs() -> Vec<(String, String)> {
        let doc = parse_schema(crate::graphql::sdl()).unwrap();
        let is_text = |ty: &async_graphql::parser::types::Type| {
            let name = ty.to_string();
            let base = name.trim_matches(|c| c == '[' || c == ']' || c == '!');
            base == "String" || base == "ID"
        };
        let mut found = Vec::new();
        for def in doc.definitions {
            let TypeSystemDefinition::Type(ty) = def else { continue };
            let type_name = ty.node.name.node.to_string();
            match &ty.node.kind {
                TypeKind::Object(object) => {
                    for field in &object.fields {
                        for arg in &field.node.arguments {
                            if is_text(&arg.node.ty.node) {
                                let coordinate =
                                    format!("{type_name}.{}({})", field.node.name.node, arg.node.name.node);
                                found.push((coordinate, arg.node.name.node.to_string()));
                            }
                        }
                    }
                }
                TypeKind::InputObject(input) => {
                    for field in &input.fields {
                        if is_text(&field.node.ty.node) {
                            let coordinate = format!("{type_name}.{}", field.node.name.node);
                            found.push((coordinate, field.node.name.node.to_string()));
                        }
                    }
                }
                _ => {}
            }
        }
        found
    }

    #[test]
    fn every_string_input_of_the_schema_has_a_rule() {
        let inputs = string_inputs();
        assert!(inputs.len() > 100, "the walk found only {} inputs", inputs.len());
        let missing: Vec<_> = inputs.iter().filter(|(c, n)| explicit_rule(c, n).is_none()).collect();
        assert!(missing.is_empty(), "string inputs without a rule in guard/rules.rs: {missing:?}");
    }

    #[test]
    fn coordinates_win_over_names() {
        assert_eq!(rule_for("PublishFaqInput.question", "question"), text(500));
        assert_eq!(rule_for("FileQuesitoInput.question", "question"), text(4_000));
        assert_eq!(rule_for("MutationRoot.login(username)", "username"), line(64));
    }
}
