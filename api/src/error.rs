//! The one error type every operation returns.
//!
//! Each variant is what the client sees: a stable `extensions.code` and a
//! message in Italian (for the admin app) with the English text in
//! `extensions.en`. Database and unexpected errors are logged once, where they
//! are converted, and reach the client only as a generic `INTERNAL`.

use async_graphql::ErrorExtensions;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// No valid credentials: missing, expired or revoked token, wrong password.
    Unauthenticated(Msg),
    /// Signed in, but this role may not do this here.
    Forbidden(Msg),
    /// Signed in with a password someone else chose (an admin creating the
    /// person): nothing but `me`, `changePassword`, the session fields and
    /// `logout` until they choose their own. Sent as code `FORBIDDEN` (the list
    /// of codes is closed) with `extensions.reason: "PASSWORD_CHANGE_REQUIRED"`.
    PasswordChangeRequired,
    /// The input is wrong; `field` names the offending input field when there is one.
    BadUserInput { field: Option<String>, msg: Msg },
    /// Like `BadUserInput` (the same code), with more for the client in
    /// `extensions` under `key` (e.g. `nextOpenSlots` when the office is closed).
    BadUserInputWith { field: String, msg: Msg, key: &'static str, value: serde_json::Value },
    /// Does not exist, or exists outside the caller's scope (the two are indistinguishable).
    NotFound(Msg),
    /// The state changed under the caller: illegal transition, lost race, duplicate.
    Conflict(Msg),
    /// Too many requests; retry after this many seconds.
    RateLimited { retry_after_secs: u64 },
    /// A dependency (Redis) is out of reach: the request was refused at once and
    /// may be retried after `retry_after_secs`. Sent as code `INTERNAL` (the list
    /// of codes is closed: clients switch on it) with `extensions.retryable: true`
    /// and `extensions.retryAfter`.
    Unavailable { retry_after_secs: u64 },
    /// Something failed on our side; details are in the server log only.
    Internal,
}

/// `extensions.reason` of [`AppError::PasswordChangeRequired`]: what clients switch on.
pub const PASSWORD_CHANGE_REQUIRED: &str = "PASSWORD_CHANGE_REQUIRED";

/// A message in the two languages the API speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub it: String,
    pub en: String,
}

impl Msg {
    pub fn new(it: impl Into<String>, en: impl Into<String>) -> Self {
        Msg { it: it.into(), en: en.into() }
    }
}

impl AppError {
    pub fn unauthenticated() -> Self {
        AppError::Unauthenticated(Msg::new(
            "Accesso richiesto: effettua di nuovo l'accesso",
            "Authentication required: please sign in again",
        ))
    }

    pub fn forbidden(it: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::Forbidden(Msg::new(it, en))
    }

    pub fn not_found(it: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::NotFound(Msg::new(it, en))
    }

    pub fn conflict(it: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::Conflict(Msg::new(it, en))
    }

    pub fn bad_input(field: &str, it: impl Into<String>, en: impl Into<String>) -> Self {
        AppError::BadUserInput { field: Some(field.to_owned()), msg: Msg::new(it, en) }
    }

    /// Logs the cause once, with the current span (which carries the request id),
    /// and returns the opaque error the client sees.
    pub fn internal(cause: impl std::fmt::Debug) -> Self {
        tracing::error!(error.cause = ?cause, "internal error");
        AppError::Internal
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Unauthenticated(_) => "UNAUTHENTICATED",
            AppError::Forbidden(_) | AppError::PasswordChangeRequired => "FORBIDDEN",
            AppError::BadUserInput { .. } | AppError::BadUserInputWith { .. } => "BAD_USER_INPUT",
            AppError::NotFound(_) => "NOT_FOUND",
            AppError::Conflict(_) => "CONFLICT",
            AppError::RateLimited { .. } => "RATE_LIMITED",
            AppError::Unavailable { .. } | AppError::Internal => "INTERNAL",
        }
    }

    pub fn msg(&self) -> Msg {
        match self {
            AppError::Unauthenticated(m)
            | AppError::Forbidden(m)
            | AppError::NotFound(m)
            | AppError::Conflict(m)
            | AppError::BadUserInput { msg: m, .. }
            | AppError::BadUserInputWith { msg: m, .. } => m.clone(),
            AppError::PasswordChangeRequired => Msg::new(
                "Scegli una nuova password per continuare: quella attuale è stata impostata da un amministratore",
                "Choose a new password to continue: the current one was set by an administrator",
            ),
            AppError::RateLimited { retry_after_secs } => Msg::new(
                format!("Troppe richieste: riprova tra {retry_after_secs} secondi"),
                format!("Too many requests: retry in {retry_after_secs} seconds"),
            ),
            AppError::Unavailable { .. } => Msg::new(
                "Servizio temporaneamente non disponibile, riprova tra qualche secondo",
                "Service temporarily unavailable, retry in a few seconds",
            ),
            AppError::Internal => {
                Msg::new("Errore interno: riprova più tardi", "Internal error: please try again later")
            }
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(err: sea_orm::DbErr) -> Self {
        AppError::internal(err)
    }
}

impl From<sea_orm::TransactionError<AppError>> for AppError {
    fn from(err: sea_orm::TransactionError<AppError>) -> Self {
        match err {
            sea_orm::TransactionError::Connection(db) => AppError::internal(db),
            sea_orm::TransactionError::Transaction(app) => app,
        }
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        let msg = err.msg();
        async_graphql::Error::new(msg.it).extend_with(|_, ext| {
            ext.set("code", err.code());
            ext.set("en", msg.en.clone());
            match &err {
                AppError::BadUserInput { field: Some(field), .. } => ext.set("field", field.as_str()),
                AppError::BadUserInputWith { field, key, value, .. } => {
                    ext.set("field", field.as_str());
                    if let Ok(value) = async_graphql::Value::from_json(value.clone()) {
                        ext.set(*key, value);
                    }
                }
                AppError::RateLimited { retry_after_secs } => ext.set("retryAfter", *retry_after_secs),
                AppError::PasswordChangeRequired => ext.set("reason", PASSWORD_CHANGE_REQUIRED),
                AppError::Unavailable { retry_after_secs } => {
                    ext.set("retryable", true);
                    ext.set("retryAfter", *retry_after_secs);
                }
                _ => {}
            }
        })
    }
}

pub type AppResult<T> = Result<T, AppError>;
