-- The articles of the Criminal Code of the Republic of Kazakhstan (2014) that the coalition's
-- 2019 UPR statement names; further articles and countries are added by later migrations.
insert into legal_article (country, code, number, title) values
  ('KZ', 'CC', '130', 'Libel'),
  ('KZ', 'CC', '174', 'Inciting social discord'),
  ('KZ', 'CC', '274', 'Dissemination of knowingly false information'),
  ('KZ', 'CC', '400', 'Violation of the order of organising rallies'),
  ('KZ', 'CC', '405', 'Participation in the activities of an organisation after its recognition as extremist');
