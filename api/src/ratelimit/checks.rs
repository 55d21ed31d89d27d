//! What a partner request costs against [`super::PARTNER_QUOTA`]: one unit
//! per procura check it would run, so that aliases (`a: procuraCheck(..)
//! b: procuraCheck(..)`), fragments and batches cannot multiply the quota.
//!
//! Counted on the parsed document before anything runs: every occurrence of a
//! metered field in the operation that will execute (the one named by
//! `operationName`; all of them when none is named), with fragment spreads
//! expanded as often as they are spread. `@skip` / `@include` are not
//! evaluated: a skipped check still costs (the count errs on the safe side).
//! A request that checks nothing costs one unit, as does one that does not
//! parse (validation then refuses it without running anything).

use async_graphql::parser::types::{ExecutableDocument, Field};

use crate::graphql::guard::selection_size::ExpandedCounter;

/// The fields that each cost one unit: the checks partner apps run.
pub const METERED_FIELDS: [&str; 2] = ["procuraCheck", "collaboratorCheck"];

/// Units one GraphQL request costs (at least 1).
pub fn request_cost(request: &async_graphql::Request) -> u64 {
    let Ok(doc) = async_graphql::parser::parse_query(&request.query) else { return 1 };
    document_cost(&doc, request.operation_name.as_deref()).max(1)
}

fn document_cost(doc: &ExecutableDocument, operation_name: Option<&str>) -> u64 {
    let metered = |field: &Field| u64::from(METERED_FIELDS.contains(&field.name.node.as_str()));
    let mut counter = ExpandedCounter::new(doc, u64::MAX, metered);
    // A document nested deeper than the guard follows, or with a fragment
    // cycle, is refused by the engine before anything runs: like one that
    // does not parse, it costs the minimum and runs no check.
    doc.operations
        .iter()
        .filter(|(name, _)| match (operation_name, name) {
            (Some(wanted), Some(name)) => wanted == name.as_str(),
            _ => true,
        })
        .fold(0u64, |sum, (_, op)| sum.saturating_add(counter.operation(&op.node.selection_set).unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost(query: &str) -> u64 {
        request_cost(&async_graphql::Request::new(query))
    }

    const CHECK: &str =
        r#"procuraCheck(clientFiscalCode: "03456789019", service: REFUND_DOCUMENTATION) { authorized }"#;

    #[test]
    fn the_metered_fields_exist_in_the_schema() {
        // A renamed check would silently become free.
        let sdl = include_str!("../../../schema.graphql");
        for field in METERED_FIELDS {
            assert!(sdl.contains(&format!("\t{field}(")), "{field} is not a Query field of schema.graphql");
        }
    }

    #[test]
    fn each_aliased_check_costs_one_unit() {
        let aliased: String = (0..100).map(|i| format!("c{i}: {CHECK} ")).collect();
        assert_eq!(cost(&format!("{{ {aliased} }}")), 100);
    }

    #[test]
    fn a_request_without_checks_or_that_does_not_parse_costs_one() {
        assert_eq!(cost("{ procure { nodes { id } } }"), 1);
        assert_eq!(cost("{ not graphql"), 1);
    }

    #[test]
    fn fragments_count_as_often_as_they_are_spread() {
        let q = format!(
            "query {{ ...Two ...Two ... on Query {{ {CHECK} }} }} \
             fragment Two on Query {{ a: {CHECK} b: collaboratorCheck(collaboratorFiscalCode: \"x\", clientFiscalCode: \"y\", service: REFUND_DOCUMENTATION) {{ authorized }} }}"
        );
        assert_eq!(cost(&q), 5);
    }

    #[test]
    fn nested_spreads_multiply_without_exponential_work() {
        // Each level spreads the one below twice: 2^30 checks, counted in linear time.
        let mut q = format!("query {{ ...F0 }} fragment F30 on Query {{ {CHECK} }} ");
        for i in 0..30 {
            q.push_str(&format!("fragment F{i} on Query {{ ...F{n} ...F{n} }} ", n = i + 1));
        }
        assert_eq!(cost(&q), 1 << 30);
    }

    #[test]
    fn a_long_chain_of_fragments_is_counted_without_overflowing_the_stack() {
        use crate::graphql::guard::selection_size::tests::{fragment_chain, on_a_worker_stack};
        let query = fragment_chain(25_000);
        assert_eq!(on_a_worker_stack(move || cost(&query)), 1);
    }

    #[test]
    fn only_the_operation_that_runs_is_counted_and_cycles_count_nothing() {
        let q = format!("query One {{ {CHECK} }} query Three {{ a: {CHECK} b: {CHECK} c: {CHECK} }}");
        let mut req = async_graphql::Request::new(q.clone());
        req.operation_name = Some("Three".into());
        assert_eq!(request_cost(&req), 3);
        assert_eq!(cost(&q), 4, "no name given: all of them");
        assert_eq!(cost("query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"), 1);
    }
}
