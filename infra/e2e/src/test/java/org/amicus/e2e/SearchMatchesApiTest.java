package org.amicus.e2e;

import static org.amicus.e2e.Records.created;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.amicus.e2e.Api.Reply;
import org.awaitility.Awaitility;

/**
 * Issue 14's differential leak test: search may show a caller only what the owning service's API
 * lets that caller read, and must find everything it does.
 *
 * <p>Random records of every searchable kind (persons, cases, recommendations, submissions, sourced
 * figures) with random owners, visibility, co-signers and status are created through the gateway,
 * each carrying a unique random word. Then every caller (the demo users of every role, and a
 * coordinator of each organisation that has none in the demo realm) is compared on every record:
 * the oracle is the owning service's {@code GET /api/<kind>/{id}} with the caller's own token (200:
 * may read; 403 or 404: may not). Search, with the same token, must
 *
 * <ol>
 *   <li>show in hits, highlights, suggestions and facet counts only records that the API returns to
 *       that caller, and never a person's name word in a record the caller may read when the API
 *       refuses that person to the caller;
 *   <li>find every record the API returns to the caller by its unique word.
 * </ol>
 *
 * <p>Failures name the record's kind and id, the caller's username and what differed; never a
 * record's words (a person's name is one of them).
 */
class SearchMatchesApiTest {

  private static final int PERSONS = 90;
  private static final int CASES = 90;
  private static final int RECOMMENDATIONS = 30;
  private static final int SUBMISSIONS = 100;
  private static final int FIGURES = 30;
  private static final int MIN_PAIRS = 2_000;
  private static final List<String> ORGANISATIONS = List.of("odf", "fidu", "kisr");
  private static final List<String> VISIBILITIES = List.of("ORGANISATION", "COALITION", "PUBLIC");
  private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
  private static final Pattern TAGS = Pattern.compile("</?em>");
  private static final Duration INDEXED = Duration.ofMinutes(2);
  private static final int THREADS = 6;

  private static Platform platform;
  private static StaffUsers staff;

  /** Every caller by username, in a fixed order. */
  private static final Map<String, Api> callers = new LinkedHashMap<>();

  /** Each caller's organisation. */
  private static final Map<String, String> organisationOf = new HashMap<>();

  /** Who writes for each organisation: its partners and coordinators. */
  private static final Map<String, List<String>> writers = new LinkedHashMap<>();

  /** The coordinators, who alone may enter UPR recommendations. */
  private static final List<String> coordinators = new ArrayList<>();

  @BeforeContainer
  static void callersOfEveryRoleAndOrganisation() {
    platform = Platform.get();
    // the demo users: a partner of each organisation, odf's coordinator and an admin
    for (String[] demo :
        new String[][] {
          {"anna", "odf"}, {"marco", "fidu"}, {"olena", "kisr"}, {"clara", "odf"}, {"adam", "odf"}
        }) {
      callers.put(demo[0], platform.api(demo[0]));
      organisationOf.put(demo[0], demo[1]);
    }
    coordinators.add("clara");
    writers.put("odf", List.of("anna", "clara"));
    // a coordinator of each other organisation, which the demo realm does not have
    staff = new StaffUsers(platform.keycloak(), platform.runId());
    for (String organisation : List.of("fidu", "kisr")) {
      String coordinator = staff.create("coordinator", organisation);
      callers.put(coordinator, new Api(platform.gatewayUrl(), () -> staff.token(coordinator)));
      organisationOf.put(coordinator, organisation);
      coordinators.add(coordinator);
    }
    writers.put("fidu", List.of("marco", coordinators.get(1)));
    writers.put("kisr", List.of("olena", coordinators.get(2)));
  }

  @AfterContainer
  static void removeTheAddedStaff() {
    if (staff != null) {
      staff.deleteAll();
    }
  }

  // ---------------------------------------------------------------- what is generated

  record PersonSpec(String author, String visibility, String occupation) {}

  /**
   * @param personPicks which of the author's organisation's persons the case concerns (modulo)
   */
  record CaseSpec(String author, String visibility, List<Integer> personPicks) {}

  record RecommendationSpec(String author) {}

  record SubmissionSpec(String author, List<String> coSigners, boolean submitted) {}

  record FigureSpec(String author, String visibility) {}

  /**
   * @param words unique random words: one per record (two per person: name and pseudonym) and one
   *     for the whole run
   */
  record World(
      List<PersonSpec> persons,
      List<CaseSpec> cases,
      List<RecommendationSpec> recommendations,
      List<SubmissionSpec> submissions,
      List<FigureSpec> figures,
      List<String> words) {

    @Override
    public String toString() {
      // jqwik prints the sample of a failed try: counts only, never the words
      return "World[%d persons, %d cases, %d recommendations, %d submissions, %d figures]"
          .formatted(
              persons.size(),
              cases.size(),
              recommendations.size(),
              submissions.size(),
              figures.size());
    }
  }

  @Provide
  Arbitrary<World> worlds() {
    Arbitrary<String> author =
        Arbitraries.of(ORGANISATIONS).flatMap(org -> Arbitraries.of(writers.get(org)));
    Arbitrary<String> visibility = Arbitraries.of(VISIBILITIES);
    Arbitrary<PersonSpec> person =
        Combinators.combine(
                author,
                visibility,
                Arbitraries.of(
                    "ACTIVIST", "JOURNALIST", "BLOGGER", "LAWYER", "PROTESTER", "POLITICIAN"))
            .as(PersonSpec::new);
    Arbitrary<CaseSpec> aCase =
        Combinators.combine(
                author,
                visibility,
                Arbitraries.integers().between(0, 10_000).list().ofMinSize(0).ofMaxSize(2))
            .as(CaseSpec::new);
    Arbitrary<RecommendationSpec> recommendation =
        Arbitraries.of(coordinators).map(RecommendationSpec::new);
    Arbitrary<SubmissionSpec> submission =
        author.flatMap(
            lead ->
                Combinators.combine(
                        Arbitraries.subsetOf(others(organisationOf.get(lead)))
                            .map(set -> set.stream().sorted().toList()),
                        Arbitraries.of(true, false))
                    .as((coSigners, submitted) -> new SubmissionSpec(lead, coSigners, submitted)));
    Arbitrary<List<String>> words =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofLength(12)
            .list()
            .ofSize(2 * PERSONS + CASES + RECOMMENDATIONS + SUBMISSIONS + FIGURES + 1)
            .uniqueElements();
    return Combinators.combine(
            person.list().ofSize(PERSONS),
            aCase.list().ofSize(CASES),
            recommendation.list().ofSize(RECOMMENDATIONS),
            submission.list().ofSize(SUBMISSIONS),
            Combinators.combine(author, visibility).as(FigureSpec::new).list().ofSize(FIGURES),
            words)
        .as(World::new);
  }

  private static List<String> others(String organisation) {
    return ORGANISATIONS.stream().filter(o -> !o.equals(organisation)).toList();
  }

  // ---------------------------------------------------------------- the property

  /** One record made here: its kind, id, unique word and who made it. */
  record Made(String type, String id, String word, String author, String status) {
    String key() {
      return key(type, id);
    }

    static String key(String type, String id) {
      return type + ":" + id;
    }
  }

  /** One record to make: what was generated for it, its unique word, a person's name word. */
  record Job<T>(T spec, String word, String name, int index) {}

  record Pair(String caller, Made record) {}

  record Prefix(String caller, String prefix, String person) {}

  @Property(tries = 1, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
  void searchShowsEachCallerExactlyWhatTheApiLetsThemRead(@ForAll("worlds") World world)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      new Run(world, pool).check();
    } finally {
      pool.shutdownNow();
    }
  }

  /** One run over one generated world. */
  private static final class Run {

    private final World world;
    private final ExecutorService pool;
    private final Words words;
    private final String runWord;
    private final List<Made> made = new ArrayList<>();

    /** Person name words (never shown) to the person's key. */
    private final Map<String, String> nameWords = new HashMap<>();

    /**
     * Words only their own record may show, to its key: a person's name word, every other record's
     * unique word.
     */
    private final Map<String, String> ownerOfWord = new HashMap<>();

    /** caller -> record key -> whether the API returns the record to the caller. */
    private final Map<String, Map<String, Boolean>> readable = new ConcurrentHashMap<>();

    private final List<String> mismatches = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger suggestions = new AtomicInteger();

    Run(World world, ExecutorService pool) {
      this.world = world;
      this.pool = pool;
      this.words = new Words(world.words());
      this.runWord = words.next();
    }

    void check() throws Exception {
      long started = System.nanoTime();
      createEverything();
      long createdAt = System.nanoTime();
      awaitIndexed();
      long indexedAt = System.nanoTime();

      // the oracle: every caller asks the owning service for every record
      List<Pair> pairs = new ArrayList<>();
      for (String caller : callers.keySet()) {
        for (Made record : made) {
          pairs.add(new Pair(caller, record));
        }
      }
      parallel(pairs, pair -> mayRead(pair.caller(), pair.record().key()));

      // search, as each caller, for each record's unique word
      parallel(
          pairs,
          pair -> {
            searchByWord(pair.caller(), pair.record());
            return null;
          });

      // suggestions, as each caller, for the start of each person's name
      List<Prefix> prefixes = new ArrayList<>();
      for (String caller : callers.keySet()) {
        nameWords.forEach(
            (word, person) -> prefixes.add(new Prefix(caller, word.substring(0, 6), person)));
      }
      parallel(
          prefixes,
          prefix -> {
            suggest(prefix.caller(), prefix.prefix(), prefix.person());
            return null;
          });

      // and everything at once: the run's common word, page by page
      parallel(
          List.copyOf(callers.keySet()),
          caller -> {
            searchAll(caller);
            return null;
          });

      long readableCount =
          readable.values().stream()
              .flatMap(m -> m.entrySet().stream())
              .filter(e -> e.getValue() && madeKeys().contains(e.getKey()))
              .count();
      System.out.printf(
          "SearchMatchesApiTest: %d records, %d callers, %d (caller, record) pairs (%d readable"
              + " through the API), %d searches, %d suggestion requests, %d mismatches;"
              + " created in %d s, indexed after %d s more, compared in %d s%n",
          made.size(),
          callers.size(),
          pairs.size(),
          readableCount,
          searches.get(),
          suggestions.get(),
          mismatches.size(),
          seconds(createdAt - started),
          seconds(indexedAt - createdAt),
          seconds(System.nanoTime() - indexedAt));

      assertThat(pairs)
          .as("(caller, record) pairs compared")
          .hasSizeGreaterThanOrEqualTo(MIN_PAIRS);
      assertThat(readableCount)
          .as("pairs the API allows: the oracle must allow some and refuse some")
          .isBetween(1L, (long) pairs.size() - 1);
      List<String> sorted = mismatches.stream().sorted().toList();
      assertThat(sorted.size())
          .as(
              "differences between search and the owning services' APIs over %d (caller, record)"
                  + " pairs (the first 60 of them):%n%s",
              pairs.size(), String.join("\n", sorted.subList(0, Math.min(60, sorted.size()))))
          .isZero();
    }

    private Set<String> madeKeys() {
      Set<String> keys = new HashSet<>();
      made.forEach(m -> keys.add(m.key()));
      return keys;
    }

    // ---------------------------------------------------------- creating

    private void createEverything() throws Exception {
      // persons first: cases concern persons of their own organisation
      List<Made> madePersons =
          parallel(
              jobs(world.persons(), true),
              job -> {
                PersonSpec spec = job.spec();
                String name = job.name();
                String word = job.word();
                JsonNode person =
                    created(
                        callers
                            .get(spec.author())
                            .post(
                                "/api/persons",
                                Map.of(
                                    "originalName", capital(name),
                                    "pseudonym", capital(word) + " " + capital(runWord),
                                    "occupation", spec.occupation(),
                                    "region", "Almaty",
                                    "visibility", spec.visibility())));
                String id = person.get("id").asText();
                synchronized (nameWords) {
                  nameWords.put(name, Made.key("person", id));
                }
                return new Made("person", id, word, spec.author(), null);
              });
      made.addAll(madePersons);
      Map<String, List<Long>> personsOf = new HashMap<>();
      for (Made person : madePersons) {
        personsOf
            .computeIfAbsent(organisationOf.get(person.author()), o -> new ArrayList<>())
            .add(Long.parseLong(person.id()));
      }

      made.addAll(
          parallel(
              jobs(world.cases(), false),
              job -> {
                CaseSpec spec = job.spec();
                String word = job.word();
                List<Long> own =
                    personsOf.getOrDefault(organisationOf.get(spec.author()), List.of());
                List<Long> concerned =
                    own.isEmpty()
                        ? List.of()
                        : spec.personPicks().stream()
                            .map(pick -> own.get(pick % own.size()))
                            .distinct()
                            .toList();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("title", "Detention " + word + " " + runWord);
                body.put("country", "KZ");
                body.put("year", 2022);
                body.put("personIds", concerned);
                body.put("violations", List.of("ARBITRARY_DETENTION"));
                body.put("status", "OPEN");
                body.put("riskLevel", "HIGH");
                body.put("visibility", spec.visibility());
                JsonNode aCase = created(callers.get(spec.author()).post("/api/cases", body));
                return new Made("case", aCase.get("id").asText(), word, spec.author(), null);
              }));

      made.addAll(
          parallel(
              jobs(world.recommendations(), false),
              job -> {
                RecommendationSpec spec = job.spec();
                String word = job.word();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("stateUnderReview", "KZ");
                body.put("cycle", 3);
                body.put("session", 34);
                body.put("reportSymbol", "A/HRC/99/" + runWord);
                body.put("paragraph", "99." + (job.index() + 1));
                body.put("recommendingStates", List.of("Norway"));
                body.put("text", "Release " + word + " " + runWord);
                body.put("themes", List.of("civil and political rights"));
                body.put("response", "SUPPORTED");
                JsonNode recommendation =
                    created(callers.get(spec.author()).post("/api/recommendations", body));
                return new Made(
                    "recommendation", recommendation.get("id").asText(), word, spec.author(), null);
              }));

      made.addAll(
          parallel(
              jobs(world.submissions(), false),
              job -> {
                SubmissionSpec spec = job.spec();
                String word = job.word();
                Api author = callers.get(spec.author());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("type", spec.coSigners().isEmpty() ? "UPR_INDIVIDUAL" : "UPR_JOINT");
                body.put("title", "Submission " + word + " " + runWord);
                body.put("language", "en");
                body.put("deadline", LocalDate.now().plusDays(30).toString());
                body.put("riskLevel", "LOW");
                body.put(
                    "coSigners",
                    spec.coSigners().stream()
                        .map(o -> Map.of("organisation", o, "description", "Co-signer"))
                        .toList());
                body.put(
                    "sections",
                    List.of(Map.of("heading", "Findings", "text", "Findings on " + word + ".")));
                Reply draft = author.post("/api/submissions", body);
                String id = created(draft).get("id").asText();
                String status = "DRAFT";
                if (spec.submitted()) {
                  Reply submitted = Records.submit(author, draft);
                  assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
                  status = submitted.json().get("status").asText();
                }
                return new Made("submission", id, word, spec.author(), status);
              }));

      made.addAll(
          parallel(
              jobs(world.figures(), false),
              job -> {
                FigureSpec spec = job.spec();
                String word = job.word();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("value", job.index() + 1);
                body.put("qualifier", "AT_LEAST");
                body.put("label", "prisoners " + word + " " + runWord);
                body.put("country", "KZ");
                body.put("refersFrom", "2021");
                body.put("countedBy", "Counted " + word);
                body.put("sourceCitation", "Statement on " + word);
                body.put("visibility", spec.visibility());
                JsonNode figure =
                    created(callers.get(spec.author()).post("/api/stats/sourced", body));
                return new Made("figure", figure.get("id").asText(), word, spec.author(), null);
              }));

      // a person's pseudonym is meant to be shown wherever the person is mentioned: only their name
      // word is theirs alone
      for (Made record : made) {
        if (!record.type().equals("person")) {
          ownerOfWord.put(record.word(), record.key());
        }
      }
      ownerOfWord.putAll(nameWords);
    }

    /** Each spec with its unique word (and a person's name word), handed out in order. */
    private <T> List<Job<T>> jobs(List<T> specs, boolean named) {
      List<Job<T>> jobs = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        String name = named ? words.next() : null;
        jobs.add(new Job<>(specs.get(i), words.next(), name, i));
      }
      return jobs;
    }

    /**
     * Feeds are pulled: wait until each author finds, by the run's word, every record they made,
     * submissions in the status the workflow gave them.
     */
    private void awaitIndexed() {
      Map<String, Map<String, String>> expected = new LinkedHashMap<>();
      for (Made record : made) {
        expected
            .computeIfAbsent(record.author(), a -> new HashMap<>())
            .put(record.key(), record.status());
      }
      Awaitility.await("every record searchable by its author")
          .atMost(INDEXED)
          .pollInterval(Duration.ofSeconds(1))
          .until(
              () -> {
                for (Map.Entry<String, Map<String, String>> author : expected.entrySet()) {
                  Map<String, String> found = new HashMap<>();
                  for (JsonNode hit : allHits(author.getKey())) {
                    found.put(
                        Made.key(hit.path("type").asText(), hit.path("id").asText()),
                        hit.path("status").asText(null));
                  }
                  for (Map.Entry<String, String> record : author.getValue().entrySet()) {
                    if (!found.containsKey(record.getKey())) {
                      return false;
                    }
                    if (record.getValue() != null
                        && !record.getValue().equals(found.get(record.getKey()))) {
                      return false;
                    }
                  }
                }
                return true;
              });
    }

    // ---------------------------------------------------------- the oracle

    /** Whether the owning service's API returns the record to the caller; asked once. */
    private boolean mayRead(String caller, String key) {
      Map<String, Boolean> known = readable.computeIfAbsent(caller, c -> new ConcurrentHashMap<>());
      Boolean answer = known.get(key);
      if (answer == null) {
        answer = ask(caller, key); // outside the map's lock: an HTTP call
        known.putIfAbsent(key, answer);
      }
      return answer;
    }

    private static boolean ask(String caller, String key) {
      int colon = key.indexOf(':');
      String type = key.substring(0, colon);
      String id = key.substring(colon + 1);
      String path =
          switch (type) {
            case "case" -> "/api/cases/";
            case "person" -> "/api/persons/";
            case "recommendation" -> "/api/recommendations/";
            case "submission" -> "/api/submissions/";
            case "figure" -> "/api/stats/sourced/";
            default -> throw new AssertionError("search returned an unknown kind " + type);
          };
      int status = callers.get(caller).get(path + id).status();
      return switch (status) {
        case 200 -> true;
        case 403, 404 -> false;
        default ->
            throw new AssertionError(
                "GET %s%s as %s answered HTTP %d".formatted(path, id, caller, status));
      };
    }

    // ---------------------------------------------------------- the comparisons

    private void searchByWord(String caller, Made record) {
      JsonNode page = search(caller, "q=" + encode(record.word()) + "&size=100");
      if (page == null) {
        // refused outright (an admin): nothing shown, so the API must refuse the record too
        if (mayRead(caller, record.key())) {
          mismatch(record.key(), caller, "the API returns it, search refuses the caller (403)");
        }
        return;
      }
      Map<String, Integer> readableByType = new HashMap<>();
      Set<String> found = new HashSet<>();
      for (JsonNode hit : page.path("hits")) {
        String key = Made.key(hit.path("type").asText(), hit.path("id").asText());
        found.add(key);
        if (checkHit(caller, hit, "a search for its word")) {
          readableByType.merge(hit.path("type").asText(), 1, Integer::sum);
        }
      }
      if (page.path("total").asLong() != page.path("hits").size()) {
        mismatch(
            record.key(),
            caller,
            "a search for its word counts %d records but shows %d"
                .formatted(page.path("total").asLong(), page.path("hits").size()));
      }
      checkFacets(caller, record.key(), page.path("facets"), readableByType);
      if (mayRead(caller, record.key()) && !found.contains(record.key())) {
        mismatch(
            record.key(), caller, "the API returns it, a search for its word does not find it");
      }
    }

    /**
     * A hit (with its highlights) must be of a record the API returns to the caller, and may show
     * no name word of a person the API refuses to the caller. Returns whether it is readable.
     */
    private boolean checkHit(String caller, JsonNode hit, String how) {
      String key = Made.key(hit.path("type").asText(), hit.path("id").asText());
      boolean readableHit = mayRead(caller, key);
      List<String> highlighted = new ArrayList<>();
      hit.path("highlights").fieldNames().forEachRemaining(highlighted::add);
      if (!readableHit) {
        mismatch(
            key,
            caller,
            "the API refuses it (404/403), %s shows it as a hit%s"
                .formatted(
                    how,
                    highlighted.isEmpty()
                        ? ""
                        : " with highlights in " + String.join(", ", highlighted)));
      }
      List<String> shown = new ArrayList<>();
      shown.add(hit.path("title").asText(""));
      hit.path("names").forEach(n -> shown.add(n.asText()));
      hit.path("highlights").forEach(fragments -> fragments.forEach(f -> shown.add(f.asText())));
      for (String text : shown) {
        Matcher letters = LETTERS.matcher(TAGS.matcher(text).replaceAll(""));
        while (letters.find()) {
          String owner = ownerOfWord.get(letters.group().toLowerCase(Locale.ROOT));
          if (owner != null && !owner.equals(key) && !mayRead(caller, owner)) {
            mismatch(
                owner,
                caller,
                "the API refuses it, yet %s %s shows one of its words (%s)"
                    .formatted(hit.path("type").asText(), hit.path("id").asText(), how));
          }
        }
      }
      return readableHit;
    }

    /**
     * Facet counts of a search for one record's word: the record types must count exactly the hits
     * the API returns to the caller, and no value may count more records than those.
     */
    private void checkFacets(
        String caller, String about, JsonNode facets, Map<String, Integer> readableByType) {
      int readableHits = readableByType.values().stream().mapToInt(Integer::intValue).sum();
      Map<String, Integer> types = new HashMap<>();
      for (JsonNode count : facets.path("type")) {
        types.put(count.path("value").asText(), count.path("count").asInt());
      }
      if (!types.equals(readableByType)) {
        mismatch(
            about,
            caller,
            "facet counts of a search for its word: type %s, but the API returns %s of the hits"
                .formatted(types, readableByType));
      }
      for (Map.Entry<String, JsonNode> facet : facets.properties()) {
        for (JsonNode count : facet.getValue()) {
          if (count.path("count").asInt() > readableHits) {
            mismatch(
                about,
                caller,
                "facet %s=%s counts %d records for a search for its word; the API returns %d"
                    .formatted(
                        facet.getKey(),
                        count.path("value").asText(),
                        count.path("count").asInt(),
                        readableHits));
          }
        }
      }
    }

    private void suggest(String caller, String prefix, String person) {
      suggestions.incrementAndGet();
      Reply reply = callers.get(caller).get("/api/search/suggest?size=20&prefix=" + encode(prefix));
      if (reply.status() == 403) {
        return; // nothing suggested
      }
      assertThat(reply.status())
          .as("suggestions as %s: HTTP %d", caller, reply.status())
          .isEqualTo(200);
      for (JsonNode suggestion : reply.json().path("suggestions")) {
        String key = Made.key(suggestion.path("type").asText(), suggestion.path("id").asText());
        if (!mayRead(caller, key)) {
          mismatch(
              key,
              caller,
              "the API refuses it, a suggestion for the start of a name of %s offers it"
                  .formatted(person));
        }
        Matcher letters = LETTERS.matcher(suggestion.path("name").asText(""));
        while (letters.find()) {
          String owner = ownerOfWord.get(letters.group().toLowerCase(Locale.ROOT));
          if (owner != null && !owner.equals(key) && !mayRead(caller, owner)) {
            mismatch(
                owner, caller, "the API refuses it, a suggestion of " + key + " shows its name");
          }
        }
      }
    }

    /** The run's common word finds every record at once: the same comparisons, in bulk. */
    private void searchAll(String caller) {
      List<JsonNode> hits = allHits(caller);
      if (hits == null) {
        for (Made record : made) {
          if (mayRead(caller, record.key())) {
            mismatch(record.key(), caller, "the API returns it, search refuses the caller (403)");
          }
        }
        return;
      }
      Set<String> found = new HashSet<>();
      for (JsonNode hit : hits) {
        found.add(Made.key(hit.path("type").asText(), hit.path("id").asText()));
        checkHit(caller, hit, "a search for the run's common word");
      }
      for (Made record : made) {
        if (mayRead(caller, record.key()) && !found.contains(record.key())) {
          mismatch(
              record.key(), caller, "the API returns it, a search for the run's word misses it");
        }
      }
    }

    /** Every hit for the run's word, all pages; null when search refuses the caller. */
    private List<JsonNode> allHits(String caller) {
      List<JsonNode> hits = new ArrayList<>();
      String next = null;
      do {
        JsonNode page =
            search(
                caller,
                "q="
                    + encode(runWord)
                    + "&size=100&sort=title"
                    + (next == null ? "" : "&searchAfter=" + encode(next)));
        if (page == null) {
          return null;
        }
        page.path("hits").forEach(hits::add);
        next = page.path("next").isTextual() ? page.path("next").asText() : null;
      } while (next != null);
      return hits;
    }

    /** A search page as the caller gets it; null when search refuses the caller (403). */
    private JsonNode search(String caller, String query) {
      searches.incrementAndGet();
      Reply reply = callers.get(caller).get("/api/search?" + query);
      if (reply.status() == 403) {
        return null;
      }
      assertThat(reply.status()).as("search as %s: HTTP %d", caller, reply.status()).isEqualTo(200);
      return reply.json();
    }

    private void mismatch(String key, String caller, String what) {
      int colon = key.indexOf(':');
      mismatches.add(
          "%s %s, caller %s: %s"
              .formatted(key.substring(0, colon), key.substring(colon + 1), caller, what));
    }

    private <T, R> List<R> parallel(Collection<T> items, Function<T, R> work) throws Exception {
      List<Future<R>> futures = new ArrayList<>();
      for (T item : items) {
        futures.add(pool.submit(() -> work.apply(item)));
      }
      List<R> results = new ArrayList<>();
      for (Future<R> future : futures) {
        try {
          results.add(future.get());
        } catch (ExecutionException e) {
          for (Future<R> other : futures) {
            other.cancel(true);
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw (Exception) e.getCause();
        }
      }
      return results;
    }
  }

  /** Hands out the generated words in order. */
  private static final class Words {
    private final List<String> words;
    private int next;

    Words(List<String> words) {
      this.words = words;
    }

    synchronized String next() {
      return words.get(next++);
    }
  }

  private static String capital(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long seconds(long nanos) {
    return Duration.ofNanos(nanos).toSeconds();
  }
}
