package org.amicus.workflow.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two revisions: the plain fields, and the sections matched by heading in
 * order (a longest common subsequence), so a reviewer sees which sections were added, removed or
 * rewritten.
 */
public record RevisionDiff(
    int from, int to, List<FieldChange> fields, List<SectionChange> sections) {

  public record FieldChange(String field, Object before, Object after) {}

  /**
   * @param fromIndex position in the older revision (0-based), null when added
   * @param toIndex position in the newer revision (0-based), null when removed
   */
  public record SectionChange(
      Change change,
      Integer fromIndex,
      Integer toIndex,
      String heading,
      String before,
      String after) {}

  public enum Change {
    UNCHANGED,
    CHANGED,
    ADDED,
    REMOVED
  }

  public boolean identical() {
    return fields.isEmpty() && sections.stream().allMatch(s -> s.change() == Change.UNCHANGED);
  }

  static RevisionDiff between(int from, SubmissionContent a, int to, SubmissionContent b) {
    List<FieldChange> fields = new ArrayList<>();
    field(fields, "title", a, b, SubmissionContent::title);
    field(fields, "language", a, b, SubmissionContent::language);
    field(fields, "deadline", a, b, SubmissionContent::deadline);
    field(fields, "riskLevel", a, b, SubmissionContent::riskLevel);
    field(fields, "coSigners", a, b, SubmissionContent::coSigners);
    field(fields, "caseIds", a, b, SubmissionContent::caseIds);
    field(fields, "recommendationIds", a, b, SubmissionContent::recommendationIds);
    field(fields, "proposedRecommendations", a, b, SubmissionContent::proposedRecommendations);
    return new RevisionDiff(from, to, List.copyOf(fields), sections(a.sections(), b.sections()));
  }

  private static void field(
      List<FieldChange> changes,
      String name,
      SubmissionContent a,
      SubmissionContent b,
      Function<SubmissionContent, Object> value) {
    Object before = value.apply(a);
    Object after = value.apply(b);
    if (!Objects.equals(before, after)) {
      changes.add(new FieldChange(name, before, after));
    }
  }

  private static List<SectionChange> sections(
      List<SubmissionContent.Section> a, List<SubmissionContent.Section> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).heading().equals(b.get(j).heading())
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<SectionChange> changes = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).heading().equals(b.get(j).heading())) {
        String before = a.get(i).text();
        String after = b.get(j).text();
        boolean same = Objects.equals(before, after);
        changes.add(
            new SectionChange(
                same ? Change.UNCHANGED : Change.CHANGED,
                i,
                j,
                b.get(j).heading(),
                same ? null : before,
                same ? null : after));
        i++;
        j++;
      } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
        changes.add(
            new SectionChange(Change.ADDED, null, j, b.get(j).heading(), null, b.get(j).text()));
        j++;
      } else {
        changes.add(
            new SectionChange(Change.REMOVED, i, null, a.get(i).heading(), a.get(i).text(), null));
        i++;
      }
    }
    return List.copyOf(changes);
  }
}
