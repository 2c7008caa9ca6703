package io.sigill.signing;

import org.springframework.data.jpa.repository.JpaRepository;

interface SignerTokenRepository extends JpaRepository<SignerToken, String> {}
