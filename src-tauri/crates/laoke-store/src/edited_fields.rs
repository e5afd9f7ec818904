//! Which profile fields the seller edited, as `customers.edited` stores them: an
//! import never overwrites nor fills an edited field (even one edited to empty).
//! The bits are written once here; the profile's save, the import's fill and its
//! SQL all take them from this type.

use std::sync::LazyLock;

bitflags::bitflags! {
    /// One bit per editable column; a flag's name in lower case is the column's.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct EditedFields: i64 {
        const NAME = 1;
        const PHONE = 2;
        const EMAIL = 4;
        const PROVINCE = 8;
        const CITY = 16;
        const ADDRESS = 32;
        const WECHAT = 64;
        const BIRTHDAY = 128;
        const GENDER = 256;
        const HOBBIES = 512;
        const BIRTHDAY_LUNAR = 1024;
    }
}

impl EditedFields {
    /// The fields an import fills when the archive does not know them yet, in the
    /// order `fill_sql` binds them (`?2`…`?7`).
    pub const FILLED: [EditedFields; 6] =
        [Self::NAME, Self::PHONE, Self::EMAIL, Self::PROVINCE, Self::CITY, Self::ADDRESS];

    /// The column a single flag marks.
    pub fn column(self) -> String {
        self.iter_names().next().map(|(name, _)| name.to_lowercase()).unwrap_or_default()
    }
}

/// The import's fill of unknown, unedited profile fields: `?1` the customer, `?2`… the
/// [`EditedFields::FILLED`] values, then the time.
pub(crate) fn fill_sql() -> &'static str {
    static SQL: LazyLock<String> = LazyLock::new(|| {
        let fields: Vec<(String, i64, usize)> =
            EditedFields::FILLED.iter().enumerate().map(|(i, f)| (f.column(), f.bits(), i + 2)).collect();
        let sets: Vec<String> =
            fields.iter().map(|(c, bit, p)| format!("{c} = iif(edited & {bit}, {c}, COALESCE({c}, ?{p}))")).collect();
        let wanted: Vec<String> = fields
            .iter()
            .map(|(c, bit, p)| format!("{c} IS NULL AND ?{p} IS NOT NULL AND edited & {bit} = 0"))
            .collect();
        let now = fields.len() + 2;
        format!(
            "UPDATE customers SET {}, updated_at = ?{now} WHERE id = ?1 AND ({})",
            sets.join(", "),
            wanted.join(" OR ")
        )
    });
    &SQL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_name_their_columns_and_the_fill_names_the_first_six() {
        assert_eq!(EditedFields::BIRTHDAY_LUNAR.column(), "birthday_lunar");
        assert_eq!(
            EditedFields::from_bits(63),
            Some(EditedFields::FILLED.iter().fold(EditedFields::empty(), |a, f| a | *f))
        );
        let sql = fill_sql();
        assert!(sql.contains("name = iif(edited & 1, name, COALESCE(name, ?2))"), "{sql}");
        assert!(sql.contains("address IS NULL AND ?7 IS NOT NULL AND edited & 32 = 0"), "{sql}");
        assert!(sql.contains("updated_at = ?8"), "{sql}");
    }
}
