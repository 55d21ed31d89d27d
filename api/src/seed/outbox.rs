//! Demo notifications, so the admin app's outbox monitor has something to
//! show: one e-mail sent, one reminder waiting for its day, one webhook given
//! up on after its eight attempts.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, EntityTrait};
use uuid::Uuid;

use entities::outbox_delivery::{self, DeliveryOutcome};
use entities::outbox_message::{self, Channel, Status};

struct Demo {
    channel: Channel,
    event: &'static str,
    dedupe_key: &'static str,
    unit: Option<&'static str>,
    recipient: &'static str,
    subject: Option<&'static str>,
    body: &'static str,
    status: Status,
    /// Outcomes of the attempts made, oldest first.
    attempts: &'static [(DeliveryOutcome, Option<i32>, Option<&'static str>)],
    /// Created this many hours ago.
    age_hours: i64,
    /// Due in this many hours (negative: in the past).
    due_in_hours: i64,
}

const DNS_ERROR: &str =
    "error sending request: client error (Connect): dns error: failed to lookup address information";

const DEMO: &[Demo] = &[
    Demo {
        channel: Channel::Email,
        event: "quesito.answered",
        dedupe_key: "demo:quesito:answered",
        unit: Some("CRIC-SAR"),
        recipient: "cittadino.demo@example.it",
        subject: Some("Risposta al quesito n. 2026/000123"),
        body: "Gentile contribuente,\nil CRIC Sardegna ha risposto al suo quesito.\n",
        status: Status::Sent,
        attempts: &[(DeliveryOutcome::Sent, None, None)],
        age_hours: 3,
        due_in_hours: -3,
    },
    Demo {
        channel: Channel::Email,
        event: "appointment.reminder",
        dedupe_key: "demo:appointment:reminder",
        unit: Some("UT-CA1"),
        recipient: "prenotazione.demo@example.it",
        subject: Some("Promemoria: Appuntamento CUP n. 4512 del 27/11/26"),
        body: "Gentile contribuente,\nle ricordiamo l'appuntamento presso UT Cagliari 1.\n",
        status: Status::Pending,
        attempts: &[],
        age_hours: 1,
        due_in_hours: 48,
    },
    Demo {
        channel: Channel::Webhook,
        event: "procura.revoked",
        dedupe_key: "demo:procura:revoked",
        unit: None,
        recipient: "https://gestionale.example.invalid/accoglienza/webhook",
        subject: None,
        body: r#"{"event":"procura.revoked","procura":{"status":"REVOKED"}}"#,
        status: Status::Failed,
        attempts: &[
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Retry, None, Some(DNS_ERROR)),
            (DeliveryOutcome::Failed, None, Some(DNS_ERROR)),
        ],
        age_hours: 5,
        due_in_hours: -1,
    },
];

/// Inserts the demo messages; `unit_id` resolves a demo unit code.
pub async fn seed(
    conn: &impl ConnectionTrait,
    unit_id: impl Fn(&str) -> Option<Uuid>,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    for demo in DEMO {
        let created_at = now - Duration::hours(demo.age_hours);
        // The id carries the creation time (UUIDv7), as for a message enqueued then: the
        // outbox lists newest first by id, so a backdated message must not get today's id.
        let id = super::id_at(created_at);
        let sent = demo.status == Status::Sent;
        let last_error = demo.attempts.last().and_then(|(_, _, e)| e.map(str::to_owned));
        outbox_message::Entity::insert(outbox_message::ActiveModel {
            id: Set(id),
            channel: Set(demo.channel),
            event: Set(demo.event.to_owned()),
            dedupe_key: Set(demo.dedupe_key.to_owned()),
            unit_id: Set(demo.unit.and_then(&unit_id)),
            reference: Set((demo.channel == Channel::Webhook).then(|| "webhook:demo".to_owned())),
            recipient: Set(demo.recipient.to_owned()),
            subject: Set(demo.subject.map(str::to_owned)),
            sender: Set(None),
            cc: Set(None),
            body: Set(demo.body.to_owned()),
            attachment_name: Set(None),
            attachment: Set(None),
            signing_secret: Set(
                (demo.channel == Channel::Webhook && !sent).then(|| "demo-signing-secret-0123456789".to_owned())
            ),
            status: Set(demo.status),
            attempts: Set(i32::try_from(demo.attempts.len())?),
            next_attempt_at: Set(now + Duration::hours(demo.due_in_hours)),
            locked_until: Set(None),
            lease_token: Set(None),
            last_error: Set(if sent { None } else { last_error }),
            created_at: Set(created_at),
            sent_at: Set(sent.then_some(created_at + Duration::seconds(2))),
        })
        .exec(conn)
        .await?;
        for (n, (outcome, status_code, error)) in demo.attempts.iter().enumerate() {
            let attempt = i32::try_from(n + 1)?;
            outbox_delivery::Entity::insert(outbox_delivery::ActiveModel {
                id: Set(Uuid::now_v7()),
                message_id: Set(id),
                attempt: Set(attempt),
                at: Set(created_at + Duration::minutes(i64::from(attempt) * 10)),
                outcome: Set(*outcome),
                status_code: Set(*status_code),
                response: Set(None),
                error: Set(error.map(str::to_owned)),
                duration_ms: Set(Some(40)),
            })
            .exec(conn)
            .await?;
        }
    }
    Ok(())
}
