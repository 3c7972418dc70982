package org.amicus.workflow.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.amicus.workflow.submission.RevisionDiff.Change;
import org.amicus.workflow.submission.SubmissionContent.Section;
import org.junit.jupiter.api.Test;

class RevisionDiffTest {

  private static SubmissionContent content(String title, Section... sections) {
    return new SubmissionContent(
        title, "en", null, null, null, List.of(sections), null, null, null);
  }

  @Test
  void showsWhichSectionsWereAddedRemovedAndRewritten() {
    SubmissionContent before =
        content(
            "Kazakhstan",
            new Section("Introduction", "Old intro"),
            new Section("Detentions", "25 opinions ignored"),
            new Section("Annex", "list"));
    SubmissionContent after =
        content(
            "Kazakhstan, 4th cycle",
            new Section("Introduction", "New intro"),
            new Section("Detentions", "25 opinions ignored"),
            new Section("Recommendations", "Release them"));

    RevisionDiff diff = RevisionDiff.between(1, before, 2, after);

    assertThat(diff.fields())
        .singleElement()
        .satisfies(f -> assertThat(f.field()).isEqualTo("title"));
    assertThat(diff.sections())
        .extracting(RevisionDiff.SectionChange::heading, RevisionDiff.SectionChange::change)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Introduction", Change.CHANGED),
            org.assertj.core.groups.Tuple.tuple("Detentions", Change.UNCHANGED),
            org.assertj.core.groups.Tuple.tuple("Recommendations", Change.ADDED),
            org.assertj.core.groups.Tuple.tuple("Annex", Change.REMOVED));
    assertThat(diff.sections().get(0).before()).isEqualTo("Old intro");
    assertThat(diff.sections().get(0).after()).isEqualTo("New intro");
  }

  @Test
  void aRevisionComparedWithItselfIsIdentical() {
    SubmissionContent same = content("T", new Section("A", "a"));

    assertThat(RevisionDiff.between(3, same, 3, same).identical()).isTrue();
  }
}
