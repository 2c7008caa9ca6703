package io.sigill.signing;

import io.sigill.retention.RetainedDocuments;
import io.sigill.notification.Mailer;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells retention which vault documents (original and final) belong to which of an org's requests. */
@Component
class SigningRetainedDocuments implements RetainedDocuments {

  private static final String DOCUMENTS = "select r.id, r.documentId, r.finalDocumentId from SignatureRequest r ";

  private final EntityManager entityManager;
  private final Mailer mailer;

  SigningRetainedDocuments(EntityManager entityManager, Mailer mailer) {
    this.entityManager = entityManager;
    this.mailer = mailer;
  }

  @Override
  @Transactional(readOnly = true)
  public List<ScopedDocument> ofRequests(String orgId, Collection<String> requestIds) {
    return documents(entityManager.createQuery(DOCUMENTS + "where r.orgId = :org and r.id in :ids", Object[].class)
        .setParameter("org", orgId).setParameter("ids", requestIds).getResultList());
  }

  @Override
  @Transactional(readOnly = true)
  public List<ScopedDocument> ofSigner(String orgId, String signerEmail) {
    return documents(entityManager.createQuery("select distinct r.id, r.documentId, r.finalDocumentId "
            + "from SignatureRequest r join r.signers s where r.orgId = :org and lower(s.email) = :email", Object[].class)
        .setParameter("org", orgId).setParameter("email", signerEmail.toLowerCase(Locale.ROOT)).getResultList());
  }

  @Override
  @Transactional(readOnly = true)
  public List<ScopedDocument> ofOrg(String orgId) {
    return documents(entityManager.createQuery(DOCUMENTS + "where r.orgId = :org", Object[].class)
        .setParameter("org", orgId).getResultList());
  }

  @Override
  @Transactional(readOnly = true)
  public List<String> subjectsOf(String orgId, Collection<String> requestIds) {
    return entityManager.createQuery(
            "select s.id from Signer s where s.request.orgId = :org and s.request.id in :ids", String.class)
        .setParameter("org", orgId).setParameter("ids", requestIds).getResultList().stream()
        .map(id -> "signer:" + id)
        .toList();
  }

  /**
   * Names, addresses, signatures, field values, decline reasons and CC addresses of these requests
   * go, and so do the recipients and texts of the mails recorded about them.
   */
  @Override
  @Transactional
  public void purgePersonalData(String orgId, Collection<String> requestIds) {
    List<String> ids = entityManager.createQuery("select r.id from SignatureRequest r where r.orgId = :org and r.id in :ids",
        String.class).setParameter("org", orgId).setParameter("ids", requestIds).getResultList();
    if (ids.isEmpty()) {
      return;
    }
    List<String> mails = new ArrayList<>();
    for (String id : ids) {
      mails.addAll(List.of("completed-copy:" + id + ":", "declined:" + id + ":", "cancelled:" + id + ":"));
    }
    entityManager.createQuery("select s.id from Signer s where s.request.id in :ids", String.class)
        .setParameter("ids", ids).getResultList()
        .forEach(signerId -> mails.addAll(List.of("signing-link:" + signerId, "signing-reminder:" + signerId + ":")));
    mailer.redact(mails);
    entityManager.flush();
    entityManager.createNativeQuery("update signature_signer set name = '(erased)', email = 'erased@erased.invalid', "
        + "signature_value = null, decline_reason = null where request_id in (:ids)").setParameter("ids", ids).executeUpdate();
    entityManager.createNativeQuery("update signature_field set field_value = null where request_id in (:ids)")
        .setParameter("ids", ids).executeUpdate();
    entityManager.createNativeQuery("delete from signature_cc where request_id in (:ids)").setParameter("ids", ids)
        .executeUpdate();
    entityManager.clear();
  }

  @Override
  @Transactional(readOnly = true)
  public List<SignerCopy> copiesOf(String signerEmail) {
    return entityManager.createQuery("select r.orgId, r.id, s.id, r.finalDocumentId from SignatureRequest r "
            + "join r.signers s where lower(s.email) = :email and r.finalDocumentId is not null", Object[].class)
        .setParameter("email", signerEmail.strip().toLowerCase(Locale.ROOT)).getResultList().stream()
        .map(row -> new SignerCopy((String) row[0], (String) row[1], (String) row[2], (String) row[3]))
        .toList();
  }

  private static List<ScopedDocument> documents(List<Object[]> rows) {
    List<ScopedDocument> documents = new ArrayList<>();
    for (Object[] row : rows) {
      String requestId = (String) row[0];
      if (row[1] != null) {
        documents.add(new ScopedDocument(requestId, (String) row[1]));
      }
      if (row[2] != null) {
        documents.add(new ScopedDocument(requestId, (String) row[2]));
      }
    }
    return documents;
  }
}
