package io.sigill.audit;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * JDBC access for the audit tables, plus the one vendor difference that matters: creating a row
 * that concurrent transactions may create at the same time.
 *
 * <p>On MySQL/InnoDB a plain INSERT that hits a duplicate key leaves a shared lock on that row; two
 * such losers then both asking for the row FOR UPDATE deadlock, and the victim's whole
 * transaction (an engine step) rolls back. {@code INSERT ... ON DUPLICATE KEY UPDATE} takes an
 * exclusive lock instead, so losers simply queue. H2 holds no lock after a failed insert, so a
 * caught duplicate followed by a re-read is enough there.
 */
@Component
class AuditDatabase {

  final JdbcTemplate jdbc;
  private final boolean mysql;

  AuditDatabase(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.mysql = productName(dataSource).contains("mysql") || productName(dataSource).contains("mariadb");
  }

  /**
   * Inserts a row unless one with the same primary key exists; after this returns the row exists
   * and, on MySQL, is locked by the current transaction. {@code noOpUpdate} is a column
   * assignment that changes nothing, e.g. {@code last_seq = last_seq}.
   */
  void insertIfMissing(String insertSql, String noOpUpdate, Object... args) {
    if (mysql) {
      jdbc.update(insertSql + " ON DUPLICATE KEY UPDATE " + noOpUpdate, args);
      return;
    }
    try {
      jdbc.update(insertSql, args);
    } catch (DuplicateKeyException concurrentlyCreated) {
      // Another transaction created it first; the caller re-reads it.
    }
  }

  boolean isMySql() {
    return mysql;
  }

  private static String productName(DataSource dataSource) {
    try {
      String name = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
      return name == null ? "" : name.toLowerCase(Locale.ROOT);
    } catch (MetaDataAccessException e) {
      throw new IllegalStateException("Cannot tell which database the audit trail runs on", e);
    }
  }
}
