package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkBudgetTest {

	@Test
	void requestsTakeTheirWeightAndGiveItBack() throws InterruptedException {
		WorkBudget budget = new WorkBudget(100, 4, Duration.ofMillis(50));
		assertThat(budget.acquire(60)).isTrue();
		assertThat(budget.acquire(50)).as("over the budget: waits, then gives up").isFalse();
		assertThat(budget.acquire(40)).isTrue();
		budget.release(60);
		assertThat(budget.acquire(50)).isTrue();
		budget.release(50);
		budget.release(40);
		assertThat(budget.available()).isEqualTo(100);
	}

	@Test
	void aWeightAboveTheCapacityTakesTheWholeBudget() throws InterruptedException {
		WorkBudget budget = new WorkBudget(100, 4, Duration.ofMillis(50));
		assertThat(budget.acquire(250)).isTrue();
		assertThat(budget.available()).isZero();
		budget.release(250);
		assertThat(budget.available()).isEqualTo(100);
	}

	@Test
	void bytesWeighLessThanElements() {
		assertThat(WorkBudget.weightOfBytes(0)).isZero();
		assertThat(WorkBudget.weightOfBytes(1)).isEqualTo(1);
		assertThat(WorkBudget.weightOfBytes(10L * 1024 * 1024)).isEqualTo(52_429);
	}
}
