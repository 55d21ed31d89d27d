//! GraphQL layer of procure management: professionals (register, verify,
//! self-register), procure, collaborators, the two checks, partner API keys and
//! webhooks. Resolvers call one function of `operations` (mutations) or
//! `queries`/`store` (reads) and map the result.

mod loaders;
mod mutation;
mod query;
mod types;

pub use loaders::{HistoryByProcura, ProfessionalById, loaders};
pub use mutation::ProcureMutation;
pub use query::ProcureQuery;
pub use types::*;
