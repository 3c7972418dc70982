package org.amicus.local;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** The local launcher behind {@code ./amicus}: up, status, down, backup, restore, help. */
public final class Amicus {

  static final int USAGE = 2;

  private Amicus() {}

  public static void main(String[] args) {
    // exit also when up returns: its shutdown hook is what stops everything after a failure
    System.exit(run(args, System.out, System.err));
  }

  /**
   * @return the exit code
   */
  static int run(String[] args, PrintStream out, PrintStream err) {
    String command = args.length == 0 ? "help" : args[0];
    List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
    Workspace workspace = Workspace.current();
    try {
      return switch (command) {
        case "up" -> {
          new Up(workspace, LaunchOptions.parse(rest), out).run();
          yield 0;
        }
        case "status" -> new Status(workspace, out).run(json(rest));
        case "down" -> {
          noOptions("down", rest);
          yield new Down(workspace, out).run();
        }
        case "backup" -> {
          new Backup(workspace, System.getenv(), out).run(Backup.parse(rest));
          yield 0;
        }
        case "restore" -> {
          new Restore(workspace, System.getenv(), out).run(Restore.parse(rest));
          yield 0;
        }
        case "help", "--help", "-h" -> {
          out.print(help());
          yield 0;
        }
        default -> throw new UsageException("Unknown command " + command + ".");
      };
    } catch (UsageException e) {
      err.println(e.getMessage());
      err.println("See ./amicus help.");
      return USAGE;
    } catch (LaunchException e) {
      err.println();
      err.println(e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (RuntimeException e) {
      err.println();
      err.println("Unexpected failure: " + e);
      e.printStackTrace(err);
      return 1;
    }
  }

  private static boolean json(List<String> options) {
    if (options.isEmpty()) {
      return false;
    }
    if (options.equals(List.of("--json"))) {
      return true;
    }
    throw new UsageException("status takes only --json, not " + String.join(" ", options) + ".");
  }

  private static void noOptions(String command, List<String> options) {
    if (!options.isEmpty()) {
      throw new UsageException(command + " takes no options.");
    }
  }

  static String help() {
    StringBuilder ports = new StringBuilder();
    for (Part part : Part.values()) {
      ports.append(
          "  %-22s %-17s (default %d)%n"
              .formatted(part.portOption() + " N", part.title(), part.defaultPort()));
    }
    return """
        Amicus on this machine, without Docker.

        Usage: ./amicus <command>

          up [options]     build what is missing, start the dependencies and the four
                           applications, load demo data; runs until Ctrl-C
          status [--json]  each component's URL, PID and health
                           (exit code 0 all up, 1 some not, 3 not running)
          down             stop a running ./amicus up, from any shell
          backup [--to DIR]
                           a sealed copy of the stopped platform's data (databases,
                           Keycloak's users, secrets) in DIR, default .amicus/backups;
                           sealed with AMICUS_BACKUP_KEY or .amicus/backup.key
          restore FILE [--force]
                           that copy back into this stopped platform (--force replaces
                           data it holds); ./amicus up then rebuilds the search index
          help             this text

        Options of up:
        %s  --only PARTS           run only these, e.g. --only postgres,smtp or --only cases
                                 (an application brings what it needs); parts:
                                 %s
        IMAP (to read the mail sent) listens on the SMTP port + %d; the gateway's health and
        metrics on the gateway port + %d (never on the public port).

        Files: .amicus/secrets.properties (generated, never commit), .amicus/data/ (kept across
        runs; delete it with the secrets to start over), .amicus/logs/.
        """
        .formatted(
            ports,
            String.join(", ", Arrays.stream(Part.values()).map(Part::id).toList()),
            Part.IMAP_OFFSET,
            Part.MANAGEMENT_OFFSET);
  }
}
