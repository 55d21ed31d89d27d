//! Stricter query-cost limits for API keys than for staff. The schema-wide
//! limits ([`crate::graphql::MAX_COMPLEXITY`], [`crate::graphql::MAX_DEPTH`])
//! apply to everyone; this extension, run after validation, refuses a key's
//! operation whose computed cost exceeds [`super::PARTNER_MAX_COMPLEXITY`] or
//! [`super::PARTNER_MAX_DEPTH`] before anything is resolved.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation};
use async_graphql::{ServerError, ValidationResult};

use super::{PARTNER_MAX_COMPLEXITY, PARTNER_MAX_DEPTH};
use crate::tenancy::Scope;

pub struct PartnerCostLimit;

impl ExtensionFactory for PartnerCostLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(PartnerCostLimitExtension)
    }
}

struct PartnerCostLimitExtension;

#[async_graphql::async_trait::async_trait]
impl Extension for PartnerCostLimitExtension {
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        let is_key = ctx.data_opt::<Scope>().is_some_and(|s| s.principal().api_key_id().is_some());
        if is_key && (result.complexity > PARTNER_MAX_COMPLEXITY || result.depth > PARTNER_MAX_DEPTH) {
            let mut error = ServerError::new(
                format!(
                    "Interrogazione troppo costosa per una chiave API (costo {}, massimo {PARTNER_MAX_COMPLEXITY}; \
                     profondità {}, massimo {PARTNER_MAX_DEPTH}): chiedi meno elementi per pagina",
                    result.complexity, result.depth
                ),
                None,
            );
            let ext = error.extensions.get_or_insert_with(Default::default);
            ext.set("code", "BAD_USER_INPUT");
            ext.set(
                "en",
                format!(
                    "Query too costly for an API key (cost {}, at most {PARTNER_MAX_COMPLEXITY}; \
                     depth {}, at most {PARTNER_MAX_DEPTH}): ask for fewer items per page",
                    result.complexity, result.depth
                ),
            );
            ext.set("cost", result.complexity as u64);
            ext.set("maxCost", PARTNER_MAX_COMPLEXITY as u64);
            return Err(vec![error]);
        }
        Ok(result)
    }
}
