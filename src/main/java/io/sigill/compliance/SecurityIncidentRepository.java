package io.sigill.compliance;

import org.springframework.data.jpa.repository.JpaRepository;

interface SecurityIncidentRepository extends JpaRepository<SecurityIncident, String> {}
