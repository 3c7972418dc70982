package org.amicus.workflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordCountTest {

  @Test
  void countsRunsBetweenWhitespaceThatHoldALetterOrDigit() {
    assertThat(WordCount.of("Recommendation 124.45 (Norway) — not implemented")).isEqualTo(5);
    assertThat(WordCount.of("civil-society  work\n\tbanned • for 7 years")).isEqualTo(6);
    assertThat(WordCount.of("Джакишев задержан")).isEqualTo(2);
    assertThat(WordCount.of("  ")).isZero();
    assertThat(WordCount.of((String) null)).isZero();
  }

  @Test
  void aSubmissionCountsHeadingsTextsAndProposedRecommendationsButNotItsTitle() {
    SubmissionContent content =
        new SubmissionContent(
            "A title of many words that do not count",
            "en",
            null,
            null,
            List.of(new SubmissionContent.CoSigner("fidu", "An Italian federation")),
            List.of(
                new SubmissionContent.Section("Introduction", "Three words here"),
                new SubmissionContent.Section("Detention", "Two words")),
            null,
            null,
            List.of("Release all detained activists"));

    assertThat(WordCount.of(content)).isEqualTo(1 + 3 + 1 + 2 + 4);
  }

  @Test
  void theUprLimitsAreThoseOhchrSets() {
    assertThat(SubmissionType.UPR_INDIVIDUAL.wordLimit()).hasValue(2_815);
    assertThat(SubmissionType.UPR_JOINT.wordLimit()).hasValue(5_630);
    assertThat(SubmissionType.EU_BRIEFING.wordLimit()).isEmpty();
  }
}
