package org.amicus.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import org.amicus.local.DemoAccounts.Account;

/** What users need once everything is ready: where to go, how to log in, where the logs are. */
final class Summary {

  private final PrintStream out;
  private final Workspace workspace;
  private final LaunchOptions options;
  private final Secrets secrets;

  Summary(PrintStream out, Workspace workspace, LaunchOptions options, Secrets secrets) {
    this.out = out;
    this.workspace = workspace;
    this.options = options;
    this.secrets = secrets;
  }

  void print(Duration took, List<Account> accounts, String demoData) {
    out.println();
    if (options.runs(Part.GATEWAY)) {
      out.printf("Amicus is running at %s%n", options.publicUrl());
    } else {
      out.printf(
          "Running: %s%n", String.join(", ", options.parts().stream().map(Part::title).toList()));
    }
    if (!accounts.isEmpty()) {
      out.println();
      out.println("Demo accounts (this machine only; generated into .amicus/secrets.properties):");
      int width = accounts.stream().mapToInt(a -> a.organisation().length()).max().orElse(0);
      for (Account account : accounts) {
        out.printf(
            "  %-8s %-" + width + "s  %-12s %s%n",
            account.username(),
            account.organisation(),
            account.role(),
            secrets.demoPassword(account.username()));
      }
    }
    if (options.runs(Part.SMTP)) {
      out.printf(
          "%nMail sent by Amicus is caught locally: IMAP 127.0.0.1:%d, user = recipient address,"
              + " any password.%n",
          options.imapPort());
    }
    out.printf("Demo data: %s.%n", demoData);
    out.printf("Logs:      %s%n", workspace.root().relativize(workspace.logs()) + "/");
    out.printf("Ready in   %d s%n", Math.round(took.toMillis() / 1000.0));
    out.println();
    out.println("./amicus status shows health, ./amicus down stops it from another shell.");
    out.println("Press Ctrl-C to stop.");
  }
}
