-- Append-only, hash-chained audit trail of every read and change of case content.
-- seq is assigned as max + 1 under an advisory lock (not from a sequence), so a gap can only mean a
-- deleted row; each hash covers the previous hash and the row's canonical content.
create table audit_log (
    seq           bigint       primary key,
    at            timestamptz  not null,
    subject       varchar(200) not null,
    username      varchar(200) not null,
    organisation  varchar(40),
    action        varchar(60)  not null,
    record_type   varchar(40)  not null,
    record_id     varchar(100) not null,
    client_ip     varchar(100),
    prev_hash     varchar(64)  not null,
    hash          varchar(64)  not null
);
create index audit_log_record on audit_log (record_type, record_id, seq);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op;
end;
$$;

create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
