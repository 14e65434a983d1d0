package be.lungcare.fhir.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

	private final RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofHours(24));
	private final Instant created = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void waitsDoubleFromTheFirstRetryUpToTheLongestInterval() {
		assertThat(schedule.next(created, 1, created)).isEqualTo(created.plusSeconds(10));
		assertThat(schedule.next(created, 2, created)).isEqualTo(created.plusSeconds(20));
		assertThat(schedule.next(created, 3, created)).isEqualTo(created.plusSeconds(40));
		assertThat(schedule.next(created, 7, created)).isEqualTo(created.plusSeconds(600)); // 640 s capped
		assertThat(schedule.next(created, 500, created)).isEqualTo(created.plusSeconds(600));
	}

	@Test
	void theLastAttemptIsAtTheWindowsEndAndThenItFails() {
		Instant late = created.plus(Duration.ofHours(24)).minusSeconds(60);
		assertThat(schedule.next(created, 200, late)).isEqualTo(created.plus(Duration.ofHours(24)));
		assertThat(schedule.next(created, 201, created.plus(Duration.ofHours(24)))).isNull();
		assertThat(schedule.next(created, 1, created.plus(Duration.ofDays(2)))).isNull();
	}
}
