-- workflow-service schema baseline: Camunda owns its ACT_* tables; the change-feed outbox comes
-- from the platform library (db/changefeed); submissions follow in later migrations.
comment on table change_outbox is 'workflow-service change feed, read by search-service';
