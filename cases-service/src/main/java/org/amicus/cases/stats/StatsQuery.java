package org.amicus.cases.stats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.amicus.cases.shared.Access;
import org.amicus.platform.security.Caller;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures straight from the case data, never stored totals. Every query starts from the cases the
 * caller may read (the same rule as {@link Access}), so a figure never leaks what a list would
 * hide. An event or charge without a person applies to every person of its case.
 */
@Component
public class StatsQuery {

  private static final String READABLE =
      """
      readable as (
        select id from case_file
         where (owner_org = :org or visibility <> 'ORGANISATION')
           and (cast(:country as varchar) is null or country = :country)),
      """;

  private static final String EVENTS =
      READABLE
          + """
          ev as (
            select e.id, e.type, e.date_year, e.date_month, e.date_day,
                   coalesce(e.person_id, cp.person_id) as who
              from case_event e
              join readable r on r.id = e.case_id
              left join case_person cp on e.person_id is null and cp.case_id = e.case_id)
          """;

  private final NamedParameterJdbcTemplate jdbc;

  StatsQuery(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(readOnly = true)
  public Figures figures(Caller caller, String country) {
    Access.requireContentRole(caller);
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("org", caller.organisation().orElse(""))
            .addValue("country", country);
    return new Figures(
        count(
            "with "
                + EVENTS
                + """
                select count(*) from (
                  select distinct on (who) who, type from ev
                   where who is not null
                     and type in ('ARREST', 'DETENTION', 'SENTENCE_CUSTODIAL', 'RELEASE',
                                  'DEATH_IN_CUSTODY')
                   order by who, date_year desc, coalesce(date_month, 1) desc,
                            coalesce(date_day, 1) desc, id desc) latest
                 where type in ('ARREST', 'DETENTION', 'SENTENCE_CUSTODIAL')
                """,
            params),
        count(
            "with "
                + READABLE
                + """
                charged as (
                  select coalesce(ch.person_id, cp.person_id) as who
                    from charge ch
                    join readable r on r.id = ch.case_id
                    left join case_person cp on ch.person_id is null and cp.case_id = ch.case_id)
                select count(distinct who) from charged
                """,
            params),
        jdbc.query(
            "with "
                + EVENTS
                + """
                select to_char(make_date(date_year, date_month, 1), 'YYYY-MM') as month,
                       count(*) as detentions
                  from ev
                 where type in ('ARREST', 'DETENTION') and date_month is not null
                 group by 1 order by 1
                """,
            params,
            (rs, i) -> new Figures.MonthCount(rs.getString("month"), rs.getLong("detentions"))),
        jdbc.query(
            "with "
                + READABLE.replaceFirst(",\\s*$", "")
                + """
                select a.country, a.code, a.number, a.title, count(distinct ch.case_id) as cases
                  from charge ch
                  join readable r on r.id = ch.case_id
                  join legal_article a on a.id = ch.article_id
                 group by a.country, a.code, a.number, a.title
                 order by cases desc, a.number
                """,
            params,
            (rs, i) ->
                new Figures.ArticleCount(
                    rs.getString("country"),
                    rs.getString("code"),
                    rs.getString("number"),
                    rs.getString("title"),
                    rs.getLong("cases"))),
        unDecisions(params),
        recommendations(country),
        count(
            "with " + READABLE.replaceFirst(",\\s*$", "") + " select count(*) from readable",
            params));
  }

  private Figures.UnDecisions unDecisions(MapSqlParameterSource params) {
    Map<String, Long> by = new LinkedHashMap<>();
    for (String compliance : List.of("IGNORED", "PARTLY", "PENDING", "COMPLIED")) {
      by.put(compliance, 0L);
    }
    jdbc.query(
        "with "
            + READABLE.replaceFirst(",\\s*$", "")
            + """
            select d.compliance, count(*) as n
              from un_decision d join readable r on r.id = d.case_id
             group by d.compliance
            """,
        params,
        rs -> {
          by.put(rs.getString("compliance"), rs.getLong("n"));
        });
    return new Figures.UnDecisions(by.values().stream().mapToLong(Long::longValue).sum(), by);
  }

  /** Recommendations are UN text, not case content: counted over all, per country if asked. */
  private Figures.Recommendations recommendations(String country) {
    MapSqlParameterSource params = new MapSqlParameterSource("country", country);
    String where = " where (cast(:country as varchar) is null or state_under_review = :country)";
    Map<String, Long> byResponse = new LinkedHashMap<>();
    jdbc.query(
        "select coalesce(response, 'AWAITING') as k, count(*) as n from recommendation"
            + where
            + " group by 1 order by 1",
        params,
        rs -> {
          byResponse.put(rs.getString("k"), rs.getLong("n"));
        });
    Map<String, Long> byImplementation = new LinkedHashMap<>();
    jdbc.query(
        "select coalesce(implementation, 'NOT_ASSESSED') as k, count(*) as n from recommendation"
            + where
            + " group by 1 order by 1",
        params,
        rs -> {
          byImplementation.put(rs.getString("k"), rs.getLong("n"));
        });
    return new Figures.Recommendations(
        byResponse.values().stream().mapToLong(Long::longValue).sum(),
        byResponse,
        byImplementation);
  }

  private long count(String sql, MapSqlParameterSource params) {
    Long n = jdbc.queryForObject(sql, params, Long.class);
    return n == null ? 0 : n;
  }
}
