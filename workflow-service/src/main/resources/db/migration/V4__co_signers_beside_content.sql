-- The content is about to be sealed (migration 5), so lists can no longer look into it for the
-- co-signing organisations: they get a column of their own, organisation ids only (the
-- descriptions stay in the sealed content), in the shape the content had: [{"organisation": "fidu"}].
alter table submission add column co_signers jsonb not null default '[]';

update submission s
   set co_signers = (select coalesce(jsonb_agg(jsonb_build_object('organisation', c ->> 'organisation')), '[]')
                       from jsonb_array_elements(s.content -> 'coSigners') c)
 where jsonb_typeof(s.content -> 'coSigners') = 'array';
