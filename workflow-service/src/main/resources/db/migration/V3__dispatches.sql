-- What was sent for each approved revision: the rendered file, its checksum and the Message-ID.
-- One row per (submission, revision) is what makes a dispatch idempotent: a retried job finds the
-- row and sends the same bytes with the same Message-ID, or nothing once it is SENT.
create table dispatch (
    submission_id uuid         not null references submission (id),
    revision      integer      not null,
    message_id    varchar(200) not null unique,
    recipient     varchar(320) not null,
    file_name     varchar(200) not null,
    media_type    varchar(100) not null,
    sha256        char(64)     not null,
    document      bytea        not null,
    status        varchar(10)  not null check (status in ('PREPARED', 'SENT')),
    prepared_at   timestamptz  not null,
    sent_at       timestamptz,
    primary key (submission_id, revision)
);
