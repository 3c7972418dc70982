-- Submissions, every saved revision of their content, comments and the events of their life.
-- The editable content (sections, co-signers, links) is one JSON document: it is always read and
-- written whole, and a revision is an immutable copy of it.
create table submission (
    id                  uuid primary key,
    type                varchar(40)  not null,
    target              varchar(40)  not null,
    lead_organisation   varchar(40)  not null,
    status              varchar(30)  not null,
    revision            integer      not null,
    content             jsonb        not null,
    process_instance_id varchar(64),
    created_by          varchar(100) not null,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    lock_version        bigint       not null
);

create index submission_lead_organisation on submission (lead_organisation);
create index submission_status on submission (status);

-- Immutable: rows are only ever inserted.
create table submission_revision (
    submission_id uuid         not null references submission (id),
    revision      integer      not null,
    content       jsonb        not null,
    saved_by      varchar(100) not null,
    saved_at      timestamptz  not null,
    primary key (submission_id, revision)
);

create table submission_comment (
    id                  uuid primary key,
    submission_id       uuid         not null references submission (id),
    revision            integer      not null,
    author              varchar(100) not null,
    author_organisation varchar(40),
    body                text         not null,
    created_at          timestamptz  not null
);

create index submission_comment_submission on submission_comment (submission_id, created_at);

-- Who did what, when, as Amicus sees it (Camunda's history adds the task-level detail).
create table submission_event (
    id                  bigserial primary key,
    submission_id       uuid         not null references submission (id),
    at                  timestamptz  not null,
    actor               varchar(100) not null,
    actor_organisation  varchar(40),
    action              varchar(40)  not null,
    revision            integer,
    detail              text
);

create index submission_event_submission on submission_event (submission_id, id);
