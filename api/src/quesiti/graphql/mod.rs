//! GraphQL layer of Linea quesiti. Resolvers call one function of `operations`
//! (mutations) or `queries`/`store` (reads) and map the result.

mod inputs;
mod loaders;
mod mutation;
mod query;
mod types;

pub use inputs::*;
pub use loaders::{CentralDirectorates, ClassificationById, EventsByQuesito, QuesitoById};
pub use mutation::QuesitoMutation;
pub use query::QuesitoQuery;
pub use types::*;
