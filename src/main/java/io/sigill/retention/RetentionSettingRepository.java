package io.sigill.retention;

import org.springframework.data.jpa.repository.JpaRepository;

interface RetentionSettingRepository extends JpaRepository<RetentionSetting, String> {}
