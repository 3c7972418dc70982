-- HARASSMENT_OF_LAWYERS_DEFENDERS_JOURNALISTS (43 characters) did not fit in varchar(40).
alter table case_violation alter column violation type varchar(60);
