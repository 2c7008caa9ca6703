package io.sigill.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrgMemberRepository extends JpaRepository<OrgMember, String> {
  List<OrgMember> findByOrgId(String orgId);
}
