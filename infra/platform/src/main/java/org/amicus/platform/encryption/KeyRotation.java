package org.amicus.platform.encryption;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up (before the service reports ready): refuses to go on when a sealed column holds
 * values of a key that is neither the current nor a previous one (the wrong key was configured),
 * then re-seals with the current key every value still sealed with a previous one, in small
 * transactions, unless switched off. A value is only replaced if nobody changed it meanwhile, so
 * running it on several instances at once is harmless. Logs counts and key ids, never values.
 */
public class KeyRotation implements ApplicationRunner, Ordered {

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
  private static final int BATCH = 100;

  private final Encryption encryption;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final EncryptionProperties properties;
  private final List<SealedColumn> columns;

  public KeyRotation(
      Encryption encryption,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      EncryptionProperties properties,
      List<SealedColumn> columns) {
    this.encryption = encryption;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
    this.columns = List.copyOf(columns);
  }

  /** First of the start-up work: nothing may seal anything before the key is known right. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public void run(ApplicationArguments args) {
    refuseUnknownKeys();
    if (properties.reencryptOnStart()) {
      Map<SealedColumn, Integer> done = reencrypt();
      if (done.values().stream().anyMatch(n -> n > 0)) {
        log.info("Re-sealed with the current key: {}", done);
      }
    }
  }

  /**
   * Fails when a column holds values sealed with a key this service was not given: started with the
   * wrong key, it would serve errors and seal new values under a key the rest does not share.
   */
  public void refuseUnknownKeys() {
    for (SealedColumn c : columns) {
      List<byte[]> ids =
          jdbc.queryForList(
              "select distinct substring("
                  + c.column()
                  + " from 2 for "
                  + Encryption.KEY_ID_BYTES
                  + ") from "
                  + c.table()
                  + " where "
                  + c.column()
                  + " is not null",
              byte[].class);
      for (byte[] id : ids) {
        if (!encryption.hasKey(id)) {
          throw new IllegalStateException(
              c.purpose()
                  + " holds values sealed with key id "
                  + HexFormat.of().formatHex(id)
                  + ", which is neither amicus.encryption.key nor one of"
                  + " amicus.encryption.previous-keys; start with the key they were sealed with"
                  + " (docs/operations.md, \"Encryption keys\")");
        }
      }
    }
  }

  /** Re-seals everything sealed with a previous key; answers how many values per column. */
  public Map<SealedColumn, Integer> reencrypt() {
    Map<SealedColumn, Integer> done = new LinkedHashMap<>();
    for (SealedColumn column : columns) {
      done.put(column, reencrypt(column));
    }
    return done;
  }

  /** How many values of each column are not sealed with the current key. */
  public Map<SealedColumn, Long> outdated() {
    Map<SealedColumn, Long> counts = new LinkedHashMap<>();
    for (SealedColumn c : columns) {
      counts.put(
          c,
          jdbc.queryForObject(
              "select count(*) from " + c.table() + outdated(c),
              Long.class,
              encryption.currentKeyId()));
    }
    return counts;
  }

  private int reencrypt(SealedColumn c) {
    String keys = String.join(", ", c.key());
    String placeholders = String.join(", ", c.key().stream().map(k -> "?").toList());
    int done = 0;
    int unreadable = 0;
    Object[] after = null;
    while (true) {
      List<Object> arguments = new ArrayList<>();
      arguments.add(encryption.currentKeyId());
      String sql = "select " + keys + " from " + c.table() + outdated(c);
      if (after != null) {
        sql += " and (" + keys + ") > (" + placeholders + ")";
        arguments.addAll(List.of(after));
      }
      sql += " order by " + keys + " limit " + BATCH;
      List<Object[]> rows =
          jdbc.query(
              sql,
              (rs, row) -> {
                Object[] key = new Object[c.key().size()];
                for (int i = 0; i < key.length; i++) {
                  key[i] = rs.getObject(i + 1);
                }
                return key;
              },
              arguments.toArray());
      if (rows.isEmpty()) {
        break;
      }
      for (Object[] key : rows) {
        Integer changed = transactions.execute(status -> reseal(c, key));
        if (changed == null || changed < 0) {
          unreadable++;
        } else {
          done += changed;
        }
      }
      after = rows.get(rows.size() - 1);
    }
    if (unreadable > 0) {
      log.error(
          "{} values in {} do not open with their key (altered?); they are left as they are",
          unreadable,
          c.purpose());
    }
    return done;
  }

  /** 1 when re-sealed, 0 when changed meanwhile, -1 when it cannot be opened. */
  private int reseal(SealedColumn c, Object[] key) {
    String where = " where " + String.join(" and ", c.key().stream().map(k -> k + " = ?").toList());
    byte[] old =
        jdbc.query(
            "select " + c.column() + " from " + c.table() + where + " for update",
            rs -> rs.next() ? rs.getBytes(1) : null,
            key);
    if (old == null || encryption.isCurrent(old)) {
      return 0;
    }
    byte[] plain;
    try {
      plain = encryption.open(old, c.purpose());
    } catch (Encryption.SealedValueException e) {
      return -1;
    }
    Object[] arguments = new Object[key.length + 1];
    arguments[0] = encryption.seal(plain, c.purpose());
    System.arraycopy(key, 0, arguments, 1, key.length);
    return jdbc.update("update " + c.table() + " set " + c.column() + " = ?" + where, arguments);
  }

  private static String outdated(SealedColumn c) {
    return " where "
        + c.column()
        + " is not null and substring("
        + c.column()
        + " from 2 for "
        + Encryption.KEY_ID_BYTES
        + ") <> ?";
  }
}
