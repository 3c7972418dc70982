-- cases-service schema baseline: the change-feed outbox comes from the platform library
-- (db/changefeed); the documentation model follows in later migrations.
comment on table change_outbox is 'cases-service change feed, read by search-service';
