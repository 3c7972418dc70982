package org.amicus.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.amicus.local.RunFile.Content;
import org.amicus.local.RunFile.Entry;
import org.amicus.local.RunFile.State;

/** The run in progress, kept in {@code launcher.json} after every change. */
final class Run {

  private final Workspace workspace;
  private Content content;

  Run(Workspace workspace, LaunchOptions options, ProcessRef launcher) {
    this.workspace = workspace;
    List<Entry> entries = new ArrayList<>();
    for (Part part : options.parts()) {
      entries.add(
          new Entry(
              part.id(),
              part.title(),
              expectedUrl(part, options),
              null,
              null,
              State.WAITING,
              List.of(),
              workspace.log(part).toString()));
    }
    this.content = new Content(launcher, workspace.root().toString(), options.publicUrl(), entries);
    RunFile.write(workspace.runFile(), content);
  }

  synchronized void update(Part part, UnaryOperator<Entry> change) {
    Entry entry = content.component(part.id()).orElseThrow();
    content = content.with(change.apply(entry));
    RunFile.write(workspace.runFile(), content);
  }

  synchronized Content content() {
    return content;
  }

  /** Removed when the run has stopped: no file, nothing running. */
  void delete() {
    try {
      Files.deleteIfExists(workspace.runFile());
    } catch (IOException e) {
      // the next ./amicus up or down finds it, sees its launcher gone and removes it
    }
  }

  private static String expectedUrl(Part part, LaunchOptions options) {
    int port = options.port(part);
    return switch (part) {
      case POSTGRES -> "postgresql://127.0.0.1:" + port;
      case SMTP -> "smtp://127.0.0.1:" + port;
      case GATEWAY -> options.publicUrl();
      default -> "http://127.0.0.1:" + port;
    };
  }
}
