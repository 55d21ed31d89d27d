//! Generated procure of the demo professional.

use chrono::Duration;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder, TransactionTrait};

use entities::{procura, professional};

use super::{CHUNK, Gen, GenerateOptions, at};

/// An 11-digit Italian VAT code (partita IVA) with its check digit.
pub fn vat_code(first_ten: u64) -> String {
    let digits: Vec<u32> =
        format!("{:010}", first_ten % 10_000_000_000).chars().filter_map(|c| c.to_digit(10)).collect();
    let sum: u32 = digits
        .iter()
        .enumerate()
        .map(|(i, d)| {
            if i % 2 == 0 {
                *d
            } else if d * 2 > 9 {
                d * 2 - 9
            } else {
                d * 2
            }
        })
        .sum();
    let check = (10 - sum % 10) % 10;
    format!("{:010}{check}", first_ten % 10_000_000_000)
}

/// Procure declared by the demo professional (`prof.rossi`) for client
/// companies: 200 per scale step, most active, some expired or revoked.
pub(super) async fn procure(db: &DatabaseConnection, g: &mut Gen, opts: &GenerateOptions) -> anyhow::Result<usize> {
    let Some(prof) = professional::Entity::find().order_by_asc(professional::Column::FiscalCode).one(db).await? else {
        return Ok(0);
    };
    let mut rows = Vec::new();
    for i in 0..(200 * u64::from(opts.scale)) {
        let from = opts.until - Duration::days(g.range(0, i64::from(opts.days).max(1)));
        let to = from + Duration::days(g.range(180, 3 * 365));
        let declared = at(from, 10, 0);
        let revoked = g.pct(5).then(|| from + Duration::days(g.range(1, 120))).filter(|d| *d <= opts.until);
        let services = g.range(1, 15);
        rows.push(procura::ActiveModel::from(procura::Model {
            id: g.id(declared),
            professional_id: prof.id,
            client_fiscal_code: vat_code(1_000_000_000 + i * 7919),
            service_review_irregularity: services & 1 != 0,
            service_refund_documentation: services & 2 != 0,
            service_review_assessments41bis: services & 4 != 0,
            service_status_information: services & 8 != 0 || services == 0,
            valid_from: from,
            valid_to: to,
            collaborators_authorized: g.pct(40),
            privacy_notice_given: true,
            declared_at: declared,
            revoked_at: revoked.map(|d| at(d, 11, 0)),
            revoked_on: revoked,
            version: if revoked.is_some() { 2 } else { 1 },
        }));
    }
    let n = rows.len();
    let txn = db.begin().await?;
    for chunk in rows.chunks(CHUNK) {
        procura::Entity::insert_many(chunk.to_vec()).exec(&txn).await?;
    }
    txn.commit().await?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_vat_codes_pass_the_validation() {
        for n in [1, 1_000_000_000, 1_234_567_890, 9_999_999_999] {
            let code = vat_code(n);
            assert!(crate::validation::VatCode::parse(&code).is_ok(), "{code}");
        }
    }
}
