package org.amicus.cases.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.amicus.cases.casefile.CaseParts.ChargeRequest;
import org.amicus.cases.casefile.CaseParts.DecisionRequest;
import org.amicus.cases.casefile.CaseParts.EventRequest;
import org.amicus.cases.casefile.CaseRequest;
import org.amicus.cases.casefile.CaseService;
import org.amicus.cases.casefile.CaseView;
import org.amicus.cases.casefile.PartKind;
import org.amicus.cases.demo.DemoFile.DemoCase;
import org.amicus.cases.demo.DemoFile.DemoPerson;
import org.amicus.cases.demo.DemoFile.DemoRecommendation;
import org.amicus.cases.figure.SourcedFigureService;
import org.amicus.cases.person.ConsentRequest;
import org.amicus.cases.person.PersonRequest;
import org.amicus.cases.person.PersonService;
import org.amicus.cases.recommendation.RecommendationPayloads.AssessmentRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationRequest;
import org.amicus.cases.recommendation.RecommendationPayloads.RecommendationView;
import org.amicus.cases.recommendation.RecommendationService;
import org.amicus.cases.shared.Etag;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the facts of the coalition's 2019 statement as demo data, through the same services the API
 * uses, so the outbox and the audit trail get their rows too. Everything it creates is marked
 * {@code demo}.
 */
@Component
public class DemoData {

  static final String FILE = "/demo/kazakhstan-upr-2019.json";
  static final String FIGURES = "/demo/kazakhstan-upr-2019-figures.json";
  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  /** What every unverified demo recommendation tells its reader. */
  static final String UNVERIFIED_NOTE =
      " Unverified: no public source confirmed this state's paragraph of the report, its adopted"
          + " wording or the response in the addendum; the text is the statement's summary.";

  private final PersonService persons;
  private final CaseService cases;
  private final RecommendationService recommendations;
  private final SourcedFigureService figures;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;

  DemoData(
      PersonService persons,
      CaseService cases,
      RecommendationService recommendations,
      SourcedFigureService figures,
      JdbcTemplate jdbc,
      ObjectMapper json) {
    this.persons = persons;
    this.cases = cases;
    this.recommendations = recommendations;
    this.figures = figures;
    this.jdbc = jdbc;
    this.json = json;
  }

  public boolean present() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject("select exists (select 1 from case_file where demo)", Boolean.class));
  }

  public boolean figuresPresent() {
    return Boolean.TRUE.equals(
        jdbc.queryForObject(
            "select exists (select 1 from sourced_figure where demo)", Boolean.class));
  }

  /**
   * The figures the statement quotes, recorded by its organisation as one of its partners would;
   * also on their own, for a demo database loaded before figures were records. Answers how many.
   */
  @Transactional
  public int loadFigures() {
    DemoFigures sourced = read(FIGURES, DemoFigures.class);
    Caller statementOwner =
        new Caller(
            "amicus-demo-loader",
            "demo-loader",
            Optional.of(sourced.owner()),
            Set.of(Role.PARTNER));
    sourced.figures().forEach(f -> figures.create(statementOwner, f, true));
    return sourced.figures().size();
  }

  /** Loads everything or nothing; answers the number of cases created. */
  @Transactional
  public int load() {
    DemoFile file = read(FILE, DemoFile.class);
    Map<String, Long> caseIds = new HashMap<>();
    for (DemoCase entry : file.cases()) {
      caseIds.put(entry.key(), load(entry));
    }
    // Recommendations and their assessment are kept by the coalition's coordinators.
    Caller coordinator =
        new Caller(
            "amicus-demo-loader", "demo-loader", Optional.of("odf"), Set.of(Role.COORDINATOR));
    for (DemoRecommendation r : file.recommendations()) {
      if (r.sourceStatus() == null || !r.sourceStatus().fits(r.paragraph())) {
        throw new IllegalStateException(
            "Demo recommendation " + r.paragraph() + " has a paragraph its source status denies");
      }
      if (r.sourceStatus() == DemoFile.SourceStatus.UNVERIFIED && r.implementation() == null) {
        throw new IllegalStateException(
            "Demo recommendation "
                + r.paragraph()
                + " needs an assessment to say it is unverified");
      }
      RecommendationView created =
          recommendations.create(
              coordinator,
              new RecommendationRequest(
                  r.stateUnderReview(),
                  r.cycle(),
                  r.session(),
                  r.reportSymbol(),
                  r.paragraph(),
                  r.recommendingStates(),
                  r.text(),
                  r.themes(),
                  r.response()),
              true);
      if (r.implementation() != null) {
        recommendations.assess(
            coordinator,
            created.id(),
            Etag.of(created.version()),
            new AssessmentRequest(
                r.implementation(),
                r.sourceStatus() == DemoFile.SourceStatus.UNVERIFIED
                    ? r.note() + UNVERIFIED_NOTE
                    : r.note(),
                r.evidence().stream().map(caseIds::get).collect(Collectors.toSet())));
      }
    }
    int figureCount = loadFigures();
    log.info(
        "Loaded {} demo cases, {} recommendations and {} sourced figures",
        file.cases().size(),
        file.recommendations().size(),
        figureCount);
    return file.cases().size();
  }

  private long load(DemoCase entry) {
    // The loader acts as a partner of the owner organisation, as a user of that organisation would.
    Caller owner =
        new Caller(
            "amicus-demo-loader", "demo-loader", Optional.of(entry.owner()), Set.of(Role.PARTNER));
    Map<String, Long> ids = new HashMap<>();
    List<Long> personIds = new ArrayList<>();
    for (DemoPerson p : entry.persons()) {
      long id =
          persons
              .create(
                  owner,
                  new PersonRequest(
                      p.originalName(),
                      p.spellings(),
                      p.birthYear(),
                      p.gender(),
                      p.region(),
                      p.occupation(),
                      null,
                      p.pseudonym(),
                      p.visibility()),
                  true)
              .id();
      if (p.consent() != null) {
        p.consent()
            .forEach(
                c ->
                    persons.recordConsent(
                        owner, id, new ConsentRequest(c.channel(), c.granted(), c.date())));
      }
      ids.put(p.key(), id);
      personIds.add(id);
    }
    var body = entry.body();
    CaseView created =
        cases.create(
            owner,
            new CaseRequest(
                body.title(),
                body.summary(),
                body.country(),
                body.year(),
                personIds,
                body.violations(),
                body.status(),
                body.riskLevel(),
                body.visibility()),
            true);
    long caseId = created.id();
    if (entry.charges() != null) {
      entry
          .charges()
          .forEach(
              c ->
                  cases.add(
                      owner,
                      caseId,
                      PartKind.CHARGES,
                      new ChargeRequest(
                          c.article(), null, ids.get(c.person()), c.date(), c.note())));
    }
    if (entry.events() != null) {
      entry
          .events()
          .forEach(
              e ->
                  cases.add(
                      owner,
                      caseId,
                      PartKind.EVENTS,
                      new EventRequest(
                          e.type(),
                          e.date(),
                          ids.get(e.person()),
                          e.place(),
                          e.perpetrator(),
                          e.source(),
                          e.reliability(),
                          e.termMonths(),
                          e.description())));
    }
    if (entry.decisions() != null) {
      entry
          .decisions()
          .forEach(
              d ->
                  cases.add(
                      owner,
                      caseId,
                      PartKind.DECISIONS,
                      new DecisionRequest(
                          d.body(),
                          d.reference(),
                          d.date(),
                          d.finding(),
                          d.requestedRemedy(),
                          d.compliance(),
                          ids.get(d.person()))));
    }
    return caseId;
  }

  private <T> T read(String file, Class<T> type) {
    try (InputStream in = DemoData.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("Demo data file missing: " + file);
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new IllegalStateException("Demo data file is not valid", e);
    }
  }
}
