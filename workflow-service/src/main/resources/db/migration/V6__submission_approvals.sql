-- What reviewers and co-signers approved: the outgoing rendering of a revision (pseudonymised text
-- laid out as the document that is sent), stored once per (submission, revision, SHA-256), and each
-- approval or sign-off with the SHA-256 of the bytes it was given for. Dispatch sends the bytes of
-- the last approval, so what leaves is byte for byte what was approved.
create table submission_rendering (
    submission_id uuid         not null references submission (id),
    revision      integer      not null,
    sha256        char(64)     not null,
    -- SHA-256 of the outgoing text and of whose consent it relies on: the same text keeps the same
    -- bytes, so the preview a reviewer reads is the document they approve.
    fingerprint   char(64)     not null,
    -- title and document are sealed (AES-GCM under workflow-service's key), like dispatch.document
    title         bytea        not null,
    file_name     varchar(200) not null,
    media_type    varchar(100) not null,
    document      bytea        not null,
    -- Persons named as written because they consented: dispatch asks cases-service again.
    consent_of    bigint[]     not null,
    rendered_at   timestamptz  not null,
    primary key (submission_id, revision, sha256),
    unique (submission_id, revision, fingerprint)
);

-- Immutable: rows are only ever inserted.
create table submission_approval (
    id                    bigserial primary key,
    submission_id         uuid         not null references submission (id),
    revision              integer      not null,
    task_key              varchar(64)  not null,
    decision              varchar(20)  not null,
    approved_by           varchar(100) not null,
    approver_organisation varchar(40),
    approved_at           timestamptz  not null,
    sha256                char(64)     not null,
    foreign key (submission_id, revision, sha256)
        references submission_rendering (submission_id, revision, sha256)
);

create index submission_approval_submission on submission_approval (submission_id, id);
