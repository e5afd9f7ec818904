//! The `mapping_presets` table: named column mappings, offered again when a
//! file with the same header arrives.

use crate::{EditError, Result, Store};

/// The longest preset name, in characters.
pub const NAME_MAX: usize = 80;
use laoke_core::dto::MappingPreset;
use laoke_core::import::ColumnMapping;
use rusqlite::{params, OptionalExtension};

fn header_key(headers: &[String]) -> String {
    headers.join("\u{1f}")
}

impl Store {
    /// Saves (or replaces) the preset `name` for files with these headers.
    pub fn save_mapping(
        &mut self,
        name: &str,
        headers: &[String],
        mapping: &ColumnMapping,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        let now = &laoke_core::time::to_stored(now);
        let name = name.trim();
        if name.is_empty() {
            return Err(EditError::PresetNameEmpty.into());
        }
        if name.chars().count() > NAME_MAX {
            return Err(EditError::PresetNameTooLong { max: NAME_MAX }.into());
        }
        let json = serde_json::to_string(mapping).unwrap_or_default();
        self.conn.execute(
            "INSERT INTO mapping_presets (name, header_key, mapping, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
             ON CONFLICT (name) DO UPDATE SET header_key = excluded.header_key, mapping = excluded.mapping,
                 updated_at = excluded.updated_at",
            params![name, header_key(headers), json, now],
        )?;
        Ok(())
    }

    /// The most recently saved preset for exactly these headers.
    pub fn mapping_for(&self, headers: &[String]) -> Result<Option<MappingPreset>> {
        let found: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT name, mapping FROM mapping_presets WHERE header_key = ?1 ORDER BY updated_at DESC, id DESC LIMIT 1",
                [header_key(headers)],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        Ok(found.and_then(|(name, json)| {
            serde_json::from_str(&json).ok().map(|mapping| MappingPreset { name, headers: headers.to_vec(), mapping })
        }))
    }

    pub fn mapping_presets(&self) -> Result<Vec<MappingPreset>> {
        let mut stmt = self.conn.prepare("SELECT name, header_key, mapping FROM mapping_presets ORDER BY name")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (name, key, json) = row?;
            if let Ok(mapping) = serde_json::from_str(&json) {
                out.push(MappingPreset { name, headers: key.split('\u{1f}').map(str::to_owned).collect(), mapping });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use laoke_core::import::MappedField;

    #[test]
    fn a_preset_is_found_again_by_its_header() {
        let mut store = Store::open_in_memory().unwrap();
        let headers: Vec<String> = ["InvoiceNo", "InvoiceDate", "UnitPrice"].map(String::from).to_vec();
        let mut mapping = ColumnMapping { columns: Default::default(), date_format: None };
        mapping.columns.insert(MappedField::OrderId, "InvoiceNo".into());
        store
            .save_mapping("UCI", &headers, &mapping, laoke_core::time::from_stored("2026-11-22T00:00:00Z").unwrap())
            .unwrap();
        let found = store.mapping_for(&headers).unwrap().unwrap();
        assert_eq!((found.name.as_str(), &found.mapping), ("UCI", &mapping));
        assert_eq!(store.mapping_for(&headers[..2]).unwrap(), None, "another header, no preset");
        mapping.date_format = Some("%d/%m/%Y".into());
        store
            .save_mapping("UCI", &headers, &mapping, laoke_core::time::from_stored("2026-11-23T00:00:00Z").unwrap())
            .unwrap();
        assert_eq!(store.mapping_presets().unwrap().len(), 1, "saving under the same name replaces");
        assert!(store.save_mapping(" ", &headers, &mapping, chrono::DateTime::UNIX_EPOCH).is_err());
    }
}
