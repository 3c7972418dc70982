package org.amicus.runtime;

import java.util.Map;

/**
 * A running SMTP server; what is sent to it can be read back over IMAP with any user name equal to
 * the recipient's address and any password.
 */
public record SmtpInfo(String host, int smtpPort, int imapPort) {

  /** From the component's state, as {@link Supervisors#ensure} returns it. */
  public SmtpInfo(Map<String, String> state) {
    this(
        state.get("host"),
        Integer.parseInt(state.get("smtp.port")),
        Integer.parseInt(state.get("imap.port")));
  }
}
