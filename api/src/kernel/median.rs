//! The median, once: the middle value of a sorted group, or the mean of its
//! two middle values when the group is even; none for an empty group.
//!
//! Computed in memory ([`median`]) or by the database, where a window
//! function numbers each group's rows and only the middle ones come back
//! ([`middle_rows_sql`]), their sum and count then giving the median
//! ([`from_middle`]). Both pick the middle rows with the same rule.

/// Whether the `rank`-th (1-based) of `n` sorted values is a middle one.
pub fn is_middle(rank: i64, n: i64) -> bool {
    rank == (n + 1) / 2 || rank == (n + 2) / 2
}

/// The SQL form of [`is_middle`], over a rank column and a count column
/// (e.g. `ROW_NUMBER() OVER (…)` and `COUNT(*) OVER (…)`).
pub fn middle_rows_sql(rank: &str, n: &str) -> String {
    format!("{rank} = ({n} + 1) / 2 OR {rank} = ({n} + 2) / 2")
}

/// The median from the sum and count of a group's middle value(s).
pub fn from_middle(sum: i64, count: i64) -> Option<f64> {
    (count > 0).then(|| sum as f64 / count as f64)
}

/// The median of `values`.
pub fn median(values: impl IntoIterator<Item = i64>) -> Option<f64> {
    let mut values: Vec<i64> = values.into_iter().collect();
    values.sort_unstable();
    let n = values.len() as i64;
    let middle: Vec<i64> =
        values.into_iter().zip(1..).filter(|(_, rank)| is_middle(*rank, n)).map(|(v, _)| v).collect();
    from_middle(middle.iter().sum(), middle.len() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_the_middle_value_or_the_mean_of_the_two_middle_ones() {
        assert_eq!(median([]), None);
        assert_eq!(median([5, 1, 30]), Some(5.0));
        assert_eq!(median([2, 4]), Some(3.0));
        assert_eq!(median([90]), Some(90.0));
        assert_eq!(median([4, 1, 3, 2]), Some(2.5));
    }

    #[test]
    fn the_sql_picks_the_same_middle_rows() {
        assert_eq!(middle_rows_sql("rn", "n"), "rn = (n + 1) / 2 OR rn = (n + 2) / 2");
        assert_eq!((1..=4).filter(|r| is_middle(*r, 4)).collect::<Vec<_>>(), vec![2, 3]);
        assert_eq!((1..=5).filter(|r| is_middle(*r, 5)).collect::<Vec<_>>(), vec![3]);
    }

    #[test]
    fn the_median_of_an_even_group_is_the_mean_of_its_two_middle_values() {
        assert_eq!(from_middle(30, 2), Some(15.0));
        assert_eq!(from_middle(7, 1), Some(7.0));
        assert_eq!(from_middle(0, 0), None);
    }
}
