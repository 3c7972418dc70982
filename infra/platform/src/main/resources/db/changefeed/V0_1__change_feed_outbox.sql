-- The outbox behind /internal/changes. Rows are written in the same transaction as the change
-- they describe; seq order equals commit order because writers take one advisory lock.
create table change_outbox (
    seq         bigserial primary key,
    record_type varchar(40)  not null,
    record_id   varchar(100) not null,
    operation   varchar(10)  not null check (operation in ('UPSERT', 'DELETE')),
    changed_at  timestamptz  not null default now(),
    document    jsonb
);

create index change_outbox_record on change_outbox (record_type, record_id, seq desc);
