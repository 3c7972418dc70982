package org.amicus.platform.web;

import jakarta.validation.MessageInterpolator;
import java.util.Locale;

/**
 * Bean Validation writes its messages in English, like the rest of the code; {@link
 * ProblemMessages} translates them with every other problem text when the problem is answered, so
 * one catalogue holds every language.
 */
public final class EnglishMessageInterpolator implements MessageInterpolator {

  private final MessageInterpolator target;

  public EnglishMessageInterpolator(MessageInterpolator target) {
    this.target = target;
  }

  @Override
  public String interpolate(String template, Context context) {
    return target.interpolate(template, context, Locale.ROOT);
  }

  @Override
  public String interpolate(String template, Context context, Locale locale) {
    return target.interpolate(template, context, Locale.ROOT);
  }
}
