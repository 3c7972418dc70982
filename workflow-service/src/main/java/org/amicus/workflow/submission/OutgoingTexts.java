package org.amicus.workflow.submission;

import java.util.ArrayList;
import java.util.List;
import org.amicus.workflow.names.NamesClient;

/**
 * Every text of a submission that leaves Amicus, each under the field name the API uses for it
 * ({@code sections[2].text}), so the name matcher's spans, the problems shown to authors and the
 * outgoing document agree on where a name is.
 */
public final class OutgoingTexts {

  public static final String TITLE = "title";

  private OutgoingTexts() {}

  public static String coSignerDescription(int i) {
    return "coSigners[" + i + "].description";
  }

  public static String sectionHeading(int i) {
    return "sections[" + i + "].heading";
  }

  public static String sectionText(int i) {
    return "sections[" + i + "].text";
  }

  public static String proposedRecommendation(int i) {
    return "proposedRecommendations[" + i + "]";
  }

  /** The title, each co-signer's description, each section's heading and text, each proposal. */
  public static List<NamesClient.Text> of(SubmissionContent content) {
    List<NamesClient.Text> texts = new ArrayList<>();
    add(texts, TITLE, content.title());
    for (int i = 0; i < content.coSigners().size(); i++) {
      add(texts, coSignerDescription(i), content.coSigners().get(i).description());
    }
    for (int i = 0; i < content.sections().size(); i++) {
      add(texts, sectionHeading(i), content.sections().get(i).heading());
      add(texts, sectionText(i), content.sections().get(i).text());
    }
    for (int i = 0; i < content.proposedRecommendations().size(); i++) {
      add(texts, proposedRecommendation(i), content.proposedRecommendations().get(i));
    }
    return List.copyOf(texts);
  }

  private static void add(List<NamesClient.Text> texts, String field, String text) {
    if (text != null && !text.isBlank()) {
      texts.add(new NamesClient.Text(field, text));
    }
  }
}
