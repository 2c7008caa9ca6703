package io.sigill.signing;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookSettingRepository extends JpaRepository<WebhookSetting, String> {}
