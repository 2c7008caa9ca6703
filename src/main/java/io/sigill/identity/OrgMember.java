package io.sigill.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Binds a Camunda identity user to the one org it belongs to. */
@Entity
@Table(name = "org_member")
class OrgMember {

  @Id
  @Column(name = "user_id", length = 64)
  private String userId;

  @Column(name = "org_id", nullable = false, length = 36)
  private String orgId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected OrgMember() {}

  OrgMember(String userId, String orgId) {
    this.userId = userId;
    this.orgId = orgId;
    this.createdAt = Instant.now();
  }

  String getUserId() {
    return userId;
  }

  String getOrgId() {
    return orgId;
  }
}
