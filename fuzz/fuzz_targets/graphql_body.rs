//! The `POST /graphql` body path up to the resolvers: async-graphql reads the
//! body (JSON, a batch, `application/graphql` or a multipart upload), then each
//! request goes through the checks the server runs before the engine's own:
//! the partner cost counter, the expanded-size bound and the text rules of
//! every string input (with the real schema's registry). None may panic.
#![no_main]

use std::sync::{Arc, OnceLock};

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest};
use async_graphql::http::{MultipartOptions, receive_batch_body};
use async_graphql::{EmptySubscription, Request, Schema, SchemaEnv, ServerResult};
use futures::executor::block_on;
use libfuzzer_sys::fuzz_target;

use api::graphql::guard::{input_text, selection_size};
use api::graphql::{MutationRoot, QueryRoot};
use api::ratelimit::request_cost;

/// The content types the server reads, chosen by the first byte.
const CONTENT_TYPES: [&str; 4] = [
    "application/json",
    "application/graphql",
    "multipart/form-data; boundary=xyz",
    "application/graphql-response+json",
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else { return };
    let content_type = CONTENT_TYPES[usize::from(selector) % CONTENT_TYPES.len()];
    // As the server reads it (see api/src/http/graphql.rs).
    let options = MultipartOptions::default().max_num_files(1).max_file_size(api::http::MAX_BODY_BYTES);
    let Ok(batch) = block_on(receive_batch_body(Some(content_type), body, options)) else { return };
    for request in batch.iter() {
        check(request);
    }
});

fn check(request: &Request) {
    let cost = request_cost(request);
    assert!(cost >= 1);
    let Ok(doc) = async_graphql::parser::parse_query(&request.query) else { return };
    if let Ok(size) = selection_size::check(&doc) {
        assert!(size <= selection_size::MAX_SELECTED_FIELDS);
    }
    let _ = input_text::check(&doc, &request.variables, &schema_env().registry);
}

/// The schema's environment (its type registry), taken once from a real
/// schema by an extension that sees it on the first request.
fn schema_env() -> &'static SchemaEnv {
    static ENV: OnceLock<SchemaEnv> = OnceLock::new();
    ENV.get_or_init(|| {
        let captured: Arc<OnceLock<SchemaEnv>> = Arc::default();
        let schema = Schema::build(QueryRoot::default(), MutationRoot::default(), EmptySubscription)
            .extension(Capture(captured.clone()))
            .finish();
        let _ = block_on(schema.execute("{ __typename }"));
        captured.get().cloned().unwrap_or_else(|| panic!("the extension did not see the schema"))
    })
}

struct Capture(Arc<OnceLock<SchemaEnv>>);

impl ExtensionFactory for Capture {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Capture(self.0.clone()))
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for Capture {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let _ = self.0.set(ctx.schema_env.clone());
        next.run(ctx, request).await
    }
}
