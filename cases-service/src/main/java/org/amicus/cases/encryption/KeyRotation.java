package org.amicus.cases.encryption;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-seals with the current key every value still sealed with a previous one, in small
 * transactions, at start-up (before the service reports ready) unless switched off. A value is only
 * replaced if nobody changed it meanwhile, so running it on several instances at once is harmless.
 * Logs counts and key ids, never values.
 */
@Component
public class KeyRotation implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
  private static final int BATCH = 100;

  private final Encryption encryption;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final EncryptionProperties properties;

  KeyRotation(
      Encryption encryption,
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      EncryptionProperties properties) {
    this.encryption = encryption;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (properties.reencryptOnStart()) {
      Map<SealedColumn, Integer> done = reencrypt();
      if (done.values().stream().anyMatch(n -> n > 0)) {
        log.info("Re-sealed with the current key: {}", done);
      }
    }
  }

  /** Re-seals everything sealed with a previous key; answers how many values per column. */
  public Map<SealedColumn, Integer> reencrypt() {
    Map<SealedColumn, Integer> done = new EnumMap<>(SealedColumn.class);
    for (SealedColumn column : SealedColumn.values()) {
      done.put(column, reencrypt(column));
    }
    return done;
  }

  /** How many values of each column are not sealed with the current key. */
  public Map<SealedColumn, Long> outdated() {
    Map<SealedColumn, Long> counts = new EnumMap<>(SealedColumn.class);
    for (SealedColumn c : SealedColumn.values()) {
      counts.put(
          c,
          jdbc.queryForObject(
              "select count(*) from " + c.table + outdated(c),
              Long.class,
              encryption.currentKeyId()));
    }
    return counts;
  }

  private int reencrypt(SealedColumn c) {
    int done = 0;
    int unreadable = 0;
    long after = Long.MIN_VALUE;
    while (true) {
      List<Long> ids =
          jdbc.queryForList(
              "select "
                  + c.idColumn
                  + " from "
                  + c.table
                  + outdated(c)
                  + " and "
                  + c.idColumn
                  + " > ? order by "
                  + c.idColumn
                  + " limit "
                  + BATCH,
              Long.class,
              encryption.currentKeyId(),
              after);
      if (ids.isEmpty()) {
        break;
      }
      for (Long id : ids) {
        Integer changed = transactions.execute(status -> reseal(c, id));
        if (changed == null || changed < 0) {
          unreadable++;
        } else {
          done += changed;
        }
      }
      after = ids.get(ids.size() - 1);
    }
    if (unreadable > 0) {
      log.error(
          "{} values in {} are sealed with a key that is no longer configured; add it to"
              + " amicus.encryption.previous-keys",
          unreadable,
          c.purpose());
    }
    return done;
  }

  /** 1 when re-sealed, 0 when changed meanwhile, -1 when it cannot be opened. */
  private int reseal(SealedColumn c, long id) {
    String where = " where " + c.idColumn + " = ?";
    byte[] old =
        jdbc.query(
            "select " + c.column + " from " + c.table + where + " for update",
            rs -> rs.next() ? rs.getBytes(1) : null,
            id);
    if (old == null || encryption.isCurrent(old)) {
      return 0;
    }
    byte[] plain;
    try {
      plain = encryption.open(old, c.purpose());
    } catch (Encryption.SealedValueException e) {
      return -1;
    }
    return jdbc.update(
        "update " + c.table + " set " + c.column + " = ?" + where,
        encryption.seal(plain, c.purpose()),
        id);
  }

  private static String outdated(SealedColumn c) {
    return " where "
        + c.column
        + " is not null and substring("
        + c.column
        + " from 2 for "
        + Encryption.KEY_ID_BYTES
        + ") <> ?";
  }
}
