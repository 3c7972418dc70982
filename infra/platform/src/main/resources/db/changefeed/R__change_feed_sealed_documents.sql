-- Documents hold the records' texts: a service with an encryption key stores them sealed here
-- (AES-256-GCM, opened when the feed is read) and `document` stays null. Repeatable, and safe to
-- repeat, because the services' own versioned migrations already run past this library's.
alter table change_outbox add column if not exists document_sealed bytea;
