//! A tabela em português (Brasil), parte por parte (veja [`crate::text`]).

table!();
