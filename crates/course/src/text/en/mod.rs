//! The English table, part by part (see [`crate::text`]).

table!();
