//! E-mail: written to `OUTBOX_MAIL_DIR` as `<message id>.eml` in development,
//! sent through `SMTP_URL` when it is set.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use entities::outbox_message;

use super::{Delivered, DeliveryResult, Failure, error_chain};
use crate::config::OutboxSettings;
use crate::outbox::domain::redact;

/// The slowest SMTP exchange we wait for (keep below `OUTBOX_LEASE_SECS`).
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(30);

pub enum EmailTransport {
    /// Development: one `.eml` file per message, nothing leaves the machine.
    File {
        dir: PathBuf,
        from: Mailbox,
    },
    Smtp {
        mailer: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

impl EmailTransport {
    pub fn from_settings(settings: &OutboxSettings) -> anyhow::Result<Self> {
        let from: Mailbox = settings.mail_from.parse()?;
        Ok(match &settings.smtp_url {
            Some(url) => {
                // The URL holds credentials: report that it is wrong, not what it is.
                let mailer = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
                    .map_err(|_| anyhow::anyhow!("SMTP_URL is not a valid smtp:// or smtps:// URL"))?
                    .timeout(Some(SMTP_TIMEOUT))
                    .build();
                EmailTransport::Smtp { mailer, from }
            }
            None => {
                // Created up front, so a directory that cannot exist stops the start-up.
                std::fs::create_dir_all(&settings.mail_dir).map_err(|err| {
                    anyhow::anyhow!("OUTBOX_MAIL_DIR {} cannot be created: {err}", settings.mail_dir.display())
                })?;
                EmailTransport::File { dir: settings.mail_dir.clone(), from }
            }
        })
    }

    pub fn is_smtp(&self) -> bool {
        matches!(self, EmailTransport::Smtp { .. })
    }

    pub async fn send(&self, message: &outbox_message::Model) -> DeliveryResult {
        match self {
            EmailTransport::File { dir, from } => {
                let email = build(message, from)?;
                write_eml(dir, message, &email.formatted()).await?;
                tracing::info!(outbox.message_id = %message.id, "e-mail written to the mail directory");
                Ok(Delivered::default())
            }
            EmailTransport::Smtp { mailer, from } => {
                let email = build(message, from)?;
                match mailer.send(email).await {
                    Ok(reply) => Ok(Delivered {
                        status_code: reply.code().to_string().parse().ok(),
                        response: reply.first_line().map(redact),
                    }),
                    Err(err) => Err(Failure {
                        status_code: err.status().and_then(|c| c.to_string().parse().ok()),
                        response: None,
                        error: redact(&error_chain(&err)),
                        permanent: err.is_permanent(),
                    }),
                }
            }
        }
    }
}

/// The RFC 5322 message. Its `Message-ID` is derived from the outbox id, so a
/// resend after a crash is recognisably the same message.
///
/// An e-mail with a sender of its own (a pre-contact e-mail from the operator)
/// is `From:` that person, with the server's address as `Sender:` (which also
/// receives bounces); `cc` is added as `Cc:`.
fn build(message: &outbox_message::Model, from: &Mailbox) -> Result<Message, Failure> {
    let to: Mailbox = message.recipient.parse().map_err(|_| Failure::permanent("invalid recipient address"))?;
    let domain = from.email.domain().to_owned();
    let mut builder = match &message.sender {
        Some(own) => {
            let own: Mailbox = own.parse().map_err(|_| Failure::permanent("invalid sender address"))?;
            Message::builder().from(own).sender(from.clone())
        }
        None => Message::builder().from(from.clone()),
    };
    if let Some(cc) = &message.cc {
        builder = builder.cc(cc.parse().map_err(|_| Failure::permanent("invalid copy address"))?);
    }
    let builder = builder
        .to(to)
        .subject(message.subject.clone().unwrap_or_default())
        .message_id(Some(format!("<{}@{}>", message.id, domain)));
    let built = match (&message.attachment_name, &message.attachment) {
        (Some(name), Some(text)) => builder.multipart(
            MultiPart::mixed()
                .singlepart(SinglePart::plain(message.body.clone()))
                .singlepart(Attachment::new(name.clone()).body(text.clone(), csv_or_text(name))),
        ),
        _ => builder.header(ContentType::TEXT_PLAIN).body(message.body.clone()),
    };
    built.map_err(|err| Failure::permanent(format!("cannot build the e-mail: {err}")))
}

/// The attachment's type from its name: spreadsheets open a `.csv` as a table.
fn csv_or_text(name: &str) -> ContentType {
    let mime = if name.ends_with(".csv") { "text/csv; charset=utf-8" } else { "text/plain; charset=utf-8" };
    ContentType::parse(mime).unwrap_or(ContentType::TEXT_PLAIN)
}

/// Writes atomically (temporary file, then rename), so a reader never sees half a message.
async fn write_eml(dir: &std::path::Path, message: &outbox_message::Model, bytes: &[u8]) -> Result<(), Failure> {
    let io = |err: std::io::Error| Failure::transient(format!("mail directory: {err}"));
    tokio::fs::create_dir_all(dir).await.map_err(io)?;
    let path = dir.join(format!("{}.eml", message.id));
    let tmp = dir.join(format!(".{}.eml.tmp", message.id));
    tokio::fs::write(&tmp, bytes).await.map_err(io)?;
    tokio::fs::rename(&tmp, &path).await.map_err(io)
}
