package io.sigill.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An organisation (tenant): the owner of users, requests and documents. */
@Entity
@Table(name = "org")
public class Org {

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 64, unique = true)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Org() {}

  public Org(String slug, String name) {
    this.id = UUID.randomUUID().toString();
    this.slug = slug;
    this.name = name;
    this.createdAt = Instant.now();
  }

  public String getId() {
    return id;
  }

  public String getSlug() {
    return slug;
  }

  public String getName() {
    return name;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
