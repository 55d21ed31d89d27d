//! Checks every request undergoes after parsing and before any of the engine's own
//! checks: a bound on its expanded size, and the text rules of every
//! string input. Both are single passes over the document, so no request can
//! keep a worker busy for long (the engine's validators are exponential in
//! nested fragment spreads; see [`selection_size`]).

pub mod input_text;
pub mod rules;
pub mod selection_size;

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextPrepareRequest};
use async_graphql::{Request, ServerError, ServerResult};

use crate::error::AppError;
use input_text::{InputError, Problem};
use selection_size::SizeError;

/// The extension that runs both checks on every operation.
pub struct RequestGuard;

impl ExtensionFactory for RequestGuard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(RequestGuard)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for RequestGuard {
    /// Runs before the engine parses: it parses the query itself (the engine
    /// then reuses the parsed document) because the engine's first check after
    /// parsing, the recursion depth, already follows every fragment spread.
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        let mut request = next.run(ctx, request).await?;
        let variables = request.variables.clone();
        let doc = request.parsed_query()?;
        selection_size::check(doc).map_err(size_error)?;
        input_text::check(doc, &variables, &ctx.schema_env.registry).map_err(input_error)?;
        Ok(request)
    }
}

fn size_error(err: SizeError) -> ServerError {
    let err = match err {
        SizeError::TooManyFields { limit } => AppError::BadUserInput {
            field: None,
            msg: crate::error::Msg::new(
                format!("Richiesta troppo grande: al massimo {limit} campi, contando i frammenti espansi"),
                format!("Request too large: at most {limit} fields, counting expanded fragments"),
            ),
        },
        SizeError::TooDeep { limit } => AppError::BadUserInput {
            field: None,
            msg: crate::error::Msg::new(
                format!("Richiesta troppo annidata: al massimo {limit} livelli, contando i frammenti espansi"),
                format!("Request nested too deeply: at most {limit} levels, counting expanded fragments"),
            ),
        },
        SizeError::FragmentCycle(name) => AppError::BadUserInput {
            field: None,
            msg: crate::error::Msg::new(
                format!("Il frammento «{name}» include sé stesso"),
                format!("Fragment \"{name}\" spreads itself"),
            ),
        },
    };
    async_graphql::Error::from(err).into_server_error(Default::default())
}

fn input_error(err: InputError) -> ServerError {
    let (it, en) = match err.problem {
        Problem::ControlCharacters => (
            "Il testo contiene caratteri di controllo non ammessi".to_owned(),
            "The text contains control characters that are not allowed".to_owned(),
        ),
        Problem::LineBreaks => (
            "Il campo non può contenere a capo o tabulazioni".to_owned(),
            "This field cannot contain line breaks or tabs".to_owned(),
        ),
        Problem::TooLong { max } => (
            format!("Testo troppo lungo: al massimo {max} caratteri"),
            format!("Text too long: at most {max} characters"),
        ),
    };
    async_graphql::Error::from(AppError::bad_input(&err.field, it, en)).into_server_error(Default::default())
}
