//! A prepared statement whose text values are bound by reference, not copied.
//! rusqlite binds every string as `SQLITE_TRANSIENT`: SQLite allocates a copy
//! and frees it at the next bind. For the half a million line titles of a large
//! import that was a fifth of the writing thread's time (an allocation, a copy
//! and a free per title), spent on text that outlives the statement's run
//! anyway. This binds with `SQLITE_STATIC` instead, which is sound because the
//! borrowed texts outlive [`BorrowingStatement::execute`] (its lifetime
//! parameter says so) and each run clears its bindings before returning, so no
//! pointer outlives the values it points to.

use crate::Result;
use rusqlite::{ffi, Connection};
use std::ffi::{c_int, CStr};
use std::marker::PhantomData;
use std::ptr;

pub(crate) struct BorrowingStatement<'c> {
    stmt: *mut ffi::sqlite3_stmt,
    db: *mut ffi::sqlite3,
    params: usize,
    _conn: PhantomData<&'c Connection>,
}

/// Binds one run's values; texts must live as long as `'a`, which outlives the run.
pub(crate) struct Binder<'a> {
    stmt: *mut ffi::sqlite3_stmt,
    bound: usize,
    rc: c_int,
    _texts: PhantomData<&'a str>,
}

impl<'a> Binder<'a> {
    fn check(&mut self, rc: c_int) {
        self.bound += 1;
        if self.rc == ffi::SQLITE_OK {
            self.rc = rc;
        }
    }

    /// Binds parameter `i` (from 1).
    pub(crate) fn int(&mut self, i: usize, v: i64) {
        // SAFETY: `stmt` is a live prepared statement (owned by the borrowing statement).
        let rc = unsafe { ffi::sqlite3_bind_int64(self.stmt, i as c_int, v) };
        self.check(rc);
    }

    pub(crate) fn text(&mut self, i: usize, v: &'a str) {
        // SAFETY: SQLite reads `v` only while the statement runs, and `'a` outlives the run.
        let rc = unsafe {
            ffi::sqlite3_bind_text64(
                self.stmt,
                i as c_int,
                v.as_ptr().cast(),
                v.len() as u64,
                ffi::SQLITE_STATIC(),
                ffi::SQLITE_UTF8 as u8,
            )
        };
        self.check(rc);
    }

    pub(crate) fn opt_text(&mut self, i: usize, v: Option<&'a str>) {
        match v {
            Some(v) => self.text(i, v),
            None => self.null(i),
        }
    }

    pub(crate) fn null(&mut self, i: usize) {
        // SAFETY: as in `int`.
        let rc = unsafe { ffi::sqlite3_bind_null(self.stmt, i as c_int) };
        self.check(rc);
    }
}

impl<'c> BorrowingStatement<'c> {
    pub(crate) fn prepare(conn: &'c Connection, sql: &str) -> Result<Self> {
        // SAFETY: the handle is used only while `conn` is borrowed ('c), from this thread.
        let db = unsafe { conn.handle() };
        let mut stmt = ptr::null_mut();
        // SAFETY: `sql` is valid for its length; SQLite writes the statement or null into `stmt`.
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                db,
                sql.as_ptr().cast(),
                sql.len() as c_int,
                ffi::SQLITE_PREPARE_PERSISTENT,
                &mut stmt,
                ptr::null_mut(),
            )
        };
        if rc != ffi::SQLITE_OK || stmt.is_null() {
            return Err(error(db, rc));
        }
        // SAFETY: `stmt` was just prepared.
        let params = unsafe { ffi::sqlite3_bind_parameter_count(stmt) } as usize;
        Ok(BorrowingStatement { stmt, db, params, _conn: PhantomData })
    }

    /// Binds every parameter through `bind`, runs the statement to completion and resets it.
    pub(crate) fn execute<'a>(&mut self, bind: impl FnOnce(&mut Binder<'a>)) -> Result<()> {
        let mut binder = Binder { stmt: self.stmt, bound: 0, rc: ffi::SQLITE_OK, _texts: PhantomData };
        bind(&mut binder);
        // A parameter left out would silently be NULL: a mistake in the caller.
        debug_assert_eq!(binder.bound, self.params, "every parameter is bound on every run");
        let rc = if binder.rc != ffi::SQLITE_OK {
            binder.rc
        } else {
            // SAFETY: a live statement whose parameters point to values that outlive this call.
            unsafe { ffi::sqlite3_step(self.stmt) }
        };
        let result = match rc {
            ffi::SQLITE_DONE | ffi::SQLITE_ROW => Ok(()),
            _ => Err(error(self.db, rc)),
        };
        // SAFETY: a live statement; the error, if any, was read above. Clearing the
        // bindings drops the borrowed pointers before the values can go away.
        unsafe {
            ffi::sqlite3_reset(self.stmt);
            ffi::sqlite3_clear_bindings(self.stmt);
        }
        result
    }
}

impl Drop for BorrowingStatement<'_> {
    fn drop(&mut self) {
        // SAFETY: finalized once, here; the connection outlives the statement ('c).
        unsafe { ffi::sqlite3_finalize(self.stmt) };
    }
}

/// The connection's error for a failed call, as rusqlite reports its own.
fn error(db: *mut ffi::sqlite3, rc: c_int) -> crate::StoreError {
    // SAFETY: `db` is the live connection; its message is copied before any other call.
    let (code, message) = unsafe {
        let code = ffi::sqlite3_extended_errcode(db);
        let msg = ffi::sqlite3_errmsg(db);
        let message = (!msg.is_null()).then(|| CStr::from_ptr(msg).to_string_lossy().into_owned());
        (if code == ffi::SQLITE_OK { rc } else { code }, message)
    };
    rusqlite::Error::SqliteFailure(ffi::Error::new(code), message).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Connection {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, a TEXT, b TEXT) STRICT").unwrap();
        conn
    }

    #[test]
    fn borrowed_texts_are_stored_as_given_and_the_statement_runs_again() {
        let conn = table();
        let mut stmt = BorrowingStatement::prepare(&conn, "INSERT INTO t (k, a, b) VALUES (?1, ?2, ?3)").unwrap();
        for (k, a, b) in [(1, "西湖龙井 250g", Some("")), (2, "", None), (3, "tea \"x\" 'y'", Some("绿茶"))] {
            // A fresh string per run, dropped right after it: nothing may keep pointing into it.
            let owned = a.to_owned();
            stmt.execute(|bind| {
                bind.int(1, k);
                bind.text(2, &owned);
                bind.opt_text(3, b);
            })
            .unwrap();
        }
        let rows: Vec<(i64, String, Option<String>)> = conn
            .prepare("SELECT k, a, b FROM t ORDER BY k")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            rows,
            vec![
                (1, "西湖龙井 250g".to_owned(), Some(String::new())),
                (2, String::new(), None),
                (3, "tea \"x\" 'y'".to_owned(), Some("绿茶".to_owned()))
            ]
        );
    }

    #[test]
    fn a_failed_run_reports_sqlites_error_and_leaves_the_statement_usable() {
        let conn = table();
        let mut stmt = BorrowingStatement::prepare(&conn, "INSERT INTO t (k, a, b) VALUES (?1, ?2, ?3)").unwrap();
        let insert = |stmt: &mut BorrowingStatement<'_>, k: i64| {
            stmt.execute(|bind| {
                bind.int(1, k);
                bind.text(2, "a");
                bind.null(3);
            })
        };
        insert(&mut stmt, 1).unwrap();
        match insert(&mut stmt, 1) {
            Err(crate::StoreError::Sqlite(rusqlite::Error::SqliteFailure(e, Some(msg)))) => {
                assert_eq!(e.extended_code, ffi::SQLITE_CONSTRAINT_PRIMARYKEY);
                assert!(msg.contains("t.k"), "{msg}");
            }
            other => panic!("expected a primary key violation, got {other:?}"),
        }
        insert(&mut stmt, 2).unwrap();
        let n: i64 = conn.query_row("SELECT count(*) FROM t", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 2);
    }

    #[test]
    fn bad_sql_is_an_error_not_a_statement() {
        let conn = table();
        let err = BorrowingStatement::prepare(&conn, "INSERT INTO missing VALUES (?1)").err().unwrap();
        assert!(err.to_string().contains("missing"), "{err}");
    }
}
