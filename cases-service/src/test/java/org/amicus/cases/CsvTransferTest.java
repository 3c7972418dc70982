package org.amicus.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.amicus.cases.shared.Csv;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** CSV export of filtered lists and import with a dry run, persons and cases, in Cyrillic too. */
class CsvTransferTest extends CasesIntegrationTest {

  /** A region (persons) and a title word (cases) of their own, so runs never see each other. */
  private final String marker = "csv" + UUID.randomUUID().toString().substring(0, 8);

  MockHttpServletResponse importCsv(String user, String path, String csv, boolean dryRun)
      throws Exception {
    return call(
        user,
        MockMvcRequestBuilders.post(path + "/import?dryRun=" + dryRun)
            .contentType(MediaType.valueOf("text/csv"))
            .content(csv.getBytes(StandardCharsets.UTF_8)));
  }

  String export(String user, String path) throws Exception {
    MockHttpServletResponse response = getAs(user, path);
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
    assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
    return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
  }

  /** The rows without the export-only columns, which an import does not keep. */
  static List<List<String>> content(String csv, int exportOnly) {
    List<List<String>> rows = new ArrayList<>();
    for (Csv.Row row : Csv.read(csv).rows()) {
      rows.add(row.cells().subList(exportOnly, row.cells().size()));
    }
    return rows;
  }

  long persons() {
    return jdbc.queryForObject("select count(*) from person where region = ?", Long.class, marker);
  }

  @Test
  void personsGoOutAndComeBackTheSameIncludingCyrillicNamesAndQuotes() throws Exception {
    for (String body :
        List.of(
            """
            {"originalName": "Джакишев Мухтар", "spellings": ["Dzhakishev", "Jakishev"],
             "birthYear": 1963, "gender": "MALE", "region": "%s", "occupation": "POLITICIAN",
             "contact": "+7 700 000 0000", "pseudonym": "M.D., \\"the manager\\"",
             "visibility": "ORGANISATION"}
            """,
            """
            {"originalName": "Козловська Людмила", "spellings": ["Kozlovska"],
             "region": "%s", "pseudonym": "L.K.", "visibility": "COALITION"}
            """)) {
      assertThat(send(ANNA, "POST", "/api/persons", null, body.formatted(marker)).getStatus())
          .isEqualTo(201);
    }
    String path = "/api/persons/export?region=" + marker + "&sort=name";
    String exported = export(ANNA, path);
    assertThat(exported).startsWith("\uFEFFid,ownerOrg,originalName,");
    assertThat(exported).contains("Джакишев Мухтар", "Козловська Людмила");
    // A phone number would be read as a formula by a spreadsheet; it is guarded, and comes back.
    assertThat(exported).contains("'+7 700 000 0000");
    // Another organisation's partner sees the shared person, never the contact data.
    assertThat(export(MARCO, path)).contains("Козловська").doesNotContain("Джакишев");

    JsonNode dry = body(importCsv(ANNA, "/api/persons", exported, true));
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("valid").asInt()).isEqualTo(2);
    assertThat(dry.get("errors")).isEmpty();
    assertThat(persons()).as("a dry run writes nothing").isEqualTo(2);

    MockHttpServletResponse imported = importCsv(ANNA, "/api/persons", exported, false);
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    assertThat(body(imported).get("created").asInt()).isEqualTo(2);
    assertThat(persons()).isEqualTo(4);

    List<List<String>> again = content(export(ANNA, path), 2);
    List<List<String>> first = content(exported, 2);
    assertThat(again).hasSize(5);
    // Sorted by name: each original is followed by its imported copy, identical field by field.
    assertThat(again.get(1)).isEqualTo(first.get(1));
    assertThat(again.get(2)).isEqualTo(first.get(1));
    assertThat(again.get(3)).isEqualTo(first.get(2));
    assertThat(again.get(4)).isEqualTo(first.get(2));
  }

  @Test
  void everyBadCellIsReportedWithItsLineAndFieldAndABadFileWritesNothing() throws Exception {
    String csv =
        "originalName,spellings,birthYear,gender,region,occupation,contact,pseudonym,visibility\n"
            + "Ок Человек,,1980,FEMALE,%s,,,O.Ch.,ORGANISATION\n".formatted(marker)
            + "Плохой,,,ALIEN,%s,,,,ORGANISATION\n".formatted(marker)
            + "\"Multi\nline\",,nineteen,,%s,,,M.,SECRET\n".formatted(marker)
            + "too,few,cells\n";

    MockHttpServletResponse dry = importCsv(ANNA, "/api/persons", csv, true);
    assertThat(dry.getStatus()).isEqualTo(200);
    JsonNode report = body(dry);
    assertThat(report.get("rows").asInt()).isEqualTo(4);
    assertThat(report.get("valid").asInt()).isEqualTo(1);
    List<String> errors = new ArrayList<>();
    report
        .get("errors")
        .forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("field").asText()));
    assertThat(errors)
        .containsExactlyInAnyOrder(
            "3 gender", "3 pseudonym", "4 birthYear", "4 visibility", "6 row");

    MockHttpServletResponse refused = importCsv(ANNA, "/api/persons", csv, false);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    List<String> fields = new ArrayList<>();
    body(refused).get("errors").forEach(e -> fields.add(e.get("field").asText()));
    assertThat(fields).contains("line 3: gender", "line 4: birthYear", "line 6: row");
    assertThat(persons()).as("nothing of a bad file is written").isZero();

    MockHttpServletResponse header = importCsv(ANNA, "/api/persons", "name,nickname\n", true);
    assertThat(header.getStatus()).isEqualTo(400);
    assertThat(body(header).at("/errors/0/field").asText()).isEqualTo("csv");
  }

  /**
   * What a user types into a spreadsheet or an editor comes in exactly as written: a nickname in
   * quotes inside a name, Cyrillic, Windows line ends, a cell that looks like a formula. It goes
   * out again with the formula defused and comes back the same.
   */
  @Test
  void aNameWithQuotesInsideComesInExactlyAsWrittenAndGoesOutAndBackTheSame() throws Exception {
    String csv =
        ("originalName,spellings,birthYear,gender,region,occupation,contact,pseudonym,visibility\r\n"
                + "Иван \"Ваня\" Петров,Ivan \"Vanya\" Petrov;Iwan Pietrow,1990,MALE,%1$s,,"
                + "=HYPERLINK(\"http://x\"),I.P.,ORGANISATION\r\n"
                + "\"Ольга \"\"Оля\"\", Сидорова\",,,,%1$s,,,-O.S.,ORGANISATION\r\n")
            .formatted(marker);

    JsonNode dry = body(importCsv(ANNA, "/api/persons", csv, true));
    assertThat(dry.get("errors")).isEmpty();
    assertThat(dry.get("valid").asInt()).isEqualTo(2);
    assertThat(persons()).as("a dry run writes nothing").isZero();

    MockHttpServletResponse imported = importCsv(ANNA, "/api/persons", csv, false);
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    List<String> stored =
        jdbc.queryForList(
            "select original_name || ' | ' || pseudonym from person where region = ?"
                + " order by original_name",
            String.class,
            marker);
    assertThat(stored)
        .containsExactly("Иван \"Ваня\" Петров | I.P.", "Ольга \"Оля\", Сидорова | -O.S.");
    assertThat(
            jdbc.queryForObject(
                "select spelling from person_spelling s join person p on p.id = s.person_id"
                    + " where p.region = ? order by spelling limit 1",
                String.class,
                marker))
        .isEqualTo("Ivan \"Vanya\" Petrov");

    String path = "/api/persons/export?region=" + marker + "&sort=name";
    String exported = export(ANNA, path);
    assertThat(exported).contains("\"Иван \"\"Ваня\"\" Петров\"", "'=HYPERLINK", "'-O.S.");
    assertThat(body(importCsv(ANNA, "/api/persons", exported, false)).get("created").asInt())
        .isEqualTo(2);
    List<List<String>> again = content(export(ANNA, path), 2);
    assertThat(again).hasSize(5);
    assertThat(again.get(2)).isEqualTo(again.get(1));
    assertThat(again.get(4)).isEqualTo(again.get(3));
    assertThat(again.get(1)).isEqualTo(content(exported, 2).get(1));
  }

  /** Text after a closing quote could mean two names; the file is refused, never guessed at. */
  @Test
  void aValueThatCannotBeReadWithoutGuessingIsRefusedWithItsLineAndField() throws Exception {
    String csv =
        ("originalName,spellings,birthYear,gender,region,occupation,contact,pseudonym,visibility\n"
                + "Ок Человек,,1980,FEMALE,%1$s,,,O.Ch.,ORGANISATION\n"
                + "\"Иван\" Петров,,,,%1$s,,,I.P.,ORGANISATION\n"
                + "Никогда,,,,%1$s,,,N.,ORGANISATION\n")
            .formatted(marker);

    JsonNode dry = body(importCsv(ANNA, "/api/persons", csv, true));
    assertThat(dry.get("valid").asInt()).isEqualTo(1);
    assertThat(dry.at("/errors/0/line").asInt()).isEqualTo(3);
    assertThat(dry.at("/errors/0/field").asText()).isEqualTo("originalName");
    assertThat(dry.at("/errors/0/message").asText()).contains("closing quote");
    assertThat(dry.get("errors")).hasSize(1);

    MockHttpServletResponse refused = importCsv(ANNA, "/api/persons", csv, false);
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(body(refused).at("/errors/0/field").asText()).isEqualTo("line 3: originalName");
    assertThat(persons()).as("nothing of a refused file is written").isZero();
  }

  @Test
  void casesGoOutAndComeBackAndAnImportChecksThePersonsItNames() throws Exception {
    long person =
        body(send(
                ANNA,
                "POST",
                "/api/persons",
                null,
                "{\"originalName\": \"Ахметов\", \"pseudonym\": \"A.\", \"visibility\": \"ORGANISATION\"}"))
            .get("id")
            .asLong();
    String title = "Задержание " + marker;
    assertThat(
            send(
                    ANNA,
                    "POST",
                    "/api/cases",
                    null,
                    """
                    {"title": "%s", "summary": "Line one,\\nline two", "country": "KZ",
                     "year": 2019, "personIds": [%d],
                     "violations": ["ARBITRARY_DETENTION", "UNFAIR_TRIAL"], "status": "OPEN",
                     "riskLevel": "HIGH", "visibility": "ORGANISATION"}
                    """
                        .formatted(title, person))
                .getStatus())
        .isEqualTo(201);
    String path = "/api/cases/export?q=" + marker;
    String exported = export(ANNA, path);
    assertThat(exported).contains(title, "ARBITRARY_DETENTION;UNFAIR_TRIAL");

    // marco cannot read the person the row names: his dry run says so, line and field.
    JsonNode foreign = body(importCsv(MARCO, "/api/cases", exported, true));
    assertThat(foreign.at("/errors/0/line").asInt()).isEqualTo(2);
    assertThat(foreign.at("/errors/0/field").asText()).isEqualTo("personIds[0]");

    MockHttpServletResponse imported = importCsv(ANNA, "/api/cases", exported, false);
    assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
    List<List<String>> again = content(export(ANNA, path), 3);
    assertThat(again).hasSize(3);
    assertThat(again.get(2)).isEqualTo(again.get(1));
    assertThat(again.get(1)).isEqualTo(content(exported, 3).get(1));
  }
}
