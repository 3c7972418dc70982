package org.amicus.workflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.amicus.platform.security.Caller;
import org.amicus.platform.security.Readers;
import org.amicus.platform.security.Role;
import org.junit.jupiter.api.Test;

/**
 * The {@code readers} a submission carries to search say exactly what {@link
 * SubmissionAccess#canRead} says, for every set of roles, every relation of the caller's
 * organisation to the submission and every status: search shows a submission to the people the API
 * shows it to, and to nobody else.
 */
class SubmissionAccessTest {

  private static final String LEAD = "odf";
  private static final List<String> CO_SIGNERS = List.of("fidu", "kisr");

  /** The lead's staff, a co-signer's, another organisation's, and a token without one. */
  private static final List<Optional<String>> ORGANISATIONS =
      List.of(Optional.of(LEAD), Optional.of("kisr"), Optional.of("hrw"), Optional.empty());

  private static SubmissionSnapshot submission(SubmissionStatus status) {
    SubmissionContent content =
        new SubmissionContent(
            "Title",
            "en",
            null,
            null,
            CO_SIGNERS.stream().map(o -> new SubmissionContent.CoSigner(o, "A partner")).toList(),
            List.of(new SubmissionContent.Section("Heading", "Text")),
            null,
            null,
            null);
    return new SubmissionSnapshot(
        UUID.randomUUID(),
        SubmissionType.UPR_JOINT,
        SubmissionType.Target.OHCHR_UPR,
        LEAD,
        status,
        1,
        content,
        null,
        "anna",
        Instant.EPOCH,
        Instant.EPOCH,
        0);
  }

  private static List<Caller> everyCaller() {
    List<Caller> callers = new ArrayList<>();
    Role[] roles = Role.values();
    for (int mask = 0; mask < 1 << roles.length; mask++) {
      Set<Role> held = EnumSet.noneOf(Role.class);
      for (int i = 0; i < roles.length; i++) {
        if ((mask & 1 << i) != 0) {
          held.add(roles[i]);
        }
      }
      for (Optional<String> organisation : ORGANISATIONS) {
        callers.add(new Caller("s" + callers.size(), "u" + callers.size(), organisation, held));
      }
    }
    return callers;
  }

  @Test
  void readersGrantExactlyWhomTheApiLetsRead() {
    int compared = 0;
    for (SubmissionStatus status : SubmissionStatus.values()) {
      SubmissionSnapshot submission = submission(status);
      List<String> readers = SubmissionAccess.readers(submission);
      for (Caller caller : everyCaller()) {
        assertThat(Readers.admit(readers, caller))
            .as("%s: %s of %s", status, caller.roles(), caller.organisation())
            .isEqualTo(SubmissionAccess.canRead(caller, submission));
        compared++;
      }
    }
    assertThat(compared)
        .isEqualTo(
            SubmissionStatus.values().length * ORGANISATIONS.size() * (1 << Role.values().length));
  }

  @Test
  void aDraftIsForItsOrganisationsAndASubmittedOneForCoordinatorsToo() {
    assertThat(SubmissionAccess.readers(submission(SubmissionStatus.DRAFT)))
        .containsExactlyInAnyOrder(
            "partner@odf",
            "coordinator@odf",
            "partner@fidu",
            "coordinator@fidu",
            "partner@kisr",
            "coordinator@kisr");
    assertThat(SubmissionAccess.readers(submission(SubmissionStatus.IN_REVIEW)))
        .contains("coordinator@*")
        .doesNotContain("partner@*");
  }

  @Test
  void theSearchDocumentCarriesTheReaders() {
    SubmissionSnapshot inReview = submission(SubmissionStatus.IN_REVIEW);
    assertThat(SubmissionSearchDocument.of(inReview).readers())
        .isEqualTo(SubmissionAccess.readers(inReview));
  }
}
