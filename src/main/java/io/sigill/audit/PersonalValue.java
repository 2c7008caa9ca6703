package io.sigill.audit;

/**
 * A payload value that is personal data (an email, a name, an IP): stored encrypted under the
 * key of {@code subjectId}, so erasing that subject makes it unreadable without breaking the chain.
 */
public record PersonalValue(String subjectId, String value) {

  public PersonalValue {
    if (subjectId == null || subjectId.isBlank()) {
      throw new IllegalArgumentException("A personal value needs the subject it belongs to");
    }
  }
}
