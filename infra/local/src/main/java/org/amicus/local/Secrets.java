package org.amicus.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.amicus.runtime.Component;

/**
 * The secrets of this machine's local run, generated once and kept in {@code
 * .amicus/secrets.properties} (mode 600, never committed). They must stay the same across runs:
 * Keycloak imports the realm, with its client secrets and demo passwords, only into an empty
 * database, and the kept database still holds the first ones.
 *
 * <p>Keys are the environment variables the supervisors and applications read.
 */
final class Secrets {

  static final String POSTGRES_PASSWORD = "AMICUS_POSTGRES_PASSWORD";
  static final String KEYCLOAK_ADMIN_PASSWORD = "AMICUS_KEYCLOAK_ADMIN_PASSWORD";
  static final String GATEWAY_CLIENT_SECRET = "AMICUS_GATEWAY_CLIENT_SECRET";
  static final String SEARCH_CLIENT_SECRET = "AMICUS_SEARCH_CLIENT_SECRET";
  static final String WORKFLOW_CLIENT_SECRET = "AMICUS_WORKFLOW_CLIENT_SECRET";

  private static final List<String> KEYCLOAK_SECRETS =
      List.of(
          KEYCLOAK_ADMIN_PASSWORD,
          GATEWAY_CLIENT_SECRET,
          SEARCH_CLIENT_SECRET,
          WORKFLOW_CLIENT_SECRET);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /** Demo passwords are typed into a login form: no look-alike characters, groups of four. */
  private static final String TYPABLE = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY34679";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> values;
  private final List<String> demoUsers;

  private Secrets(Map<String, String> values, List<String> demoUsers) {
    this.values = Map.copyOf(values);
    this.demoUsers = List.copyOf(demoUsers);
  }

  /**
   * Reads the secrets, generating (and saving) any that are missing, e.g. all of them on the first
   * run or the password of a demo user added since.
   */
  static Secrets loadOrCreate(Path file, List<String> demoUsers) {
    Map<String, String> values = new TreeMap<>(read(file));
    boolean changed = false;
    for (String key : keys(demoUsers)) {
      if (!values.containsKey(key) || values.get(key).isBlank()) {
        values.put(key, key.startsWith(demoPrefix()) ? typable() : token());
        changed = true;
      }
    }
    if (changed) {
      write(file, values);
    } else {
      ownerOnly(file);
    }
    return new Secrets(values, demoUsers);
  }

  /** The environment variable of a demo user's password, e.g. AMICUS_DEMO_PASSWORD_ANNA. */
  static String demoPasswordVariable(String username) {
    return demoPrefix() + username.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  String get(String key) {
    String value = values.get(key);
    if (value == null) {
      throw new IllegalArgumentException("No secret " + key);
    }
    return value;
  }

  String demoPassword(String username) {
    return get(demoPasswordVariable(username));
  }

  /** What a dependency's supervisor needs, and nothing more. */
  Map<String, String> environmentFor(Component component) {
    Map<String, String> env = new LinkedHashMap<>();
    switch (component) {
      case POSTGRES -> env.put(POSTGRES_PASSWORD, get(POSTGRES_PASSWORD));
      case KEYCLOAK -> {
        KEYCLOAK_SECRETS.forEach(key -> env.put(key, get(key)));
        demoUsers.forEach(user -> env.put(demoPasswordVariable(user), demoPassword(user)));
      }
      default -> {
        // Elasticsearch and the SMTP server run without credentials on the loopback interface
      }
    }
    return env;
  }

  private static List<String> keys(List<String> demoUsers) {
    List<String> keys = new java.util.ArrayList<>();
    keys.add(POSTGRES_PASSWORD);
    keys.addAll(KEYCLOAK_SECRETS);
    demoUsers.forEach(user -> keys.add(demoPasswordVariable(user)));
    return keys;
  }

  private static String demoPrefix() {
    return "AMICUS_DEMO_PASSWORD_";
  }

  /** 192 random bits, URL-safe (it goes into JDBC URLs, JSON and form posts unescaped). */
  static String token() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Like {@code k7Pq-3xMa-Hu9r}: 72 random bits, 14 characters (the realm asks for 12). */
  static String typable() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        password.append('-');
      }
      password.append(TYPABLE.charAt(RANDOM.nextInt(TYPABLE.length())));
    }
    return password.toString();
  }

  private static Map<String, String> read(Path file) {
    Map<String, String> values = new TreeMap<>();
    if (!Files.exists(file)) {
      return values;
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    properties.forEach((key, value) -> values.put((String) key, ((String) value).trim()));
    return values;
  }

  /** Written to a file that is owner-only from its creation, then moved into place. */
  private static void write(Path file, Map<String, String> values) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp =
          Files.createTempFile(
              file.getParent(),
              "secrets",
              ".tmp",
              PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      Properties properties = new Properties();
      properties.putAll(values);
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        properties.store(
            out,
            " Generated by ./amicus for the local run on this machine. Never commit or share."
                + "\n To start over, delete this file together with .amicus/data/.");
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private static void ownerOnly(Path file) {
    try {
      if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restrict " + file + " to its owner", e);
    }
  }
}
