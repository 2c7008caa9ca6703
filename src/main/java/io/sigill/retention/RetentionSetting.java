package io.sigill.retention;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An org's retention period in years; orgs without a row use the default. */
@Entity
@Table(name = "retention_setting")
class RetentionSetting {

  @Id
  @Column(name = "org_id", length = 36)
  private String orgId;

  @Column(nullable = false)
  private int years;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected RetentionSetting() {}

  RetentionSetting(String orgId) {
    this.orgId = orgId;
  }

  void change(int years, String by, Instant at) {
    this.years = years;
    this.updatedBy = by;
    this.updatedAt = at;
  }

  int getYears() {
    return years;
  }
}
