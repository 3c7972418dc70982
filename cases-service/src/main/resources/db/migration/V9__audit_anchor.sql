-- The head of the audit chain (last seq and hash), sealed with the encryption key and rewritten in
-- the transaction of every append. A hash chain alone cannot show that its newest entries were cut
-- off; the sealed head can, and it cannot be forged without the key, which is not in the database.
create table audit_anchor (
    id      smallint primary key check (id = 1),
    sealed  bytea    not null
);
