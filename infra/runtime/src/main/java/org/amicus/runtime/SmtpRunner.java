package org.amicus.runtime;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;

/** A real SMTP server with IMAP beside it, so what was sent can be read back. */
final class SmtpRunner implements Runner {

  private GreenMail greenMail;

  @Override
  public Map<String, String> start(RunSpec spec) {
    int smtpPort = spec.portOrFree();
    int imapPort = spec.port() == 0 ? Ports.free() : spec.port() + 118; // 3025 -> 3143
    greenMail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    return Map.of(
        "host", "127.0.0.1",
        "smtp.port", Integer.toString(smtpPort),
        "imap.port", Integer.toString(imapPort));
  }

  @Override
  public void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }
}
