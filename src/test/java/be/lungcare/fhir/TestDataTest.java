package be.lungcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The integration tests share one database: the SSINs their test data gets must never repeat. */
class TestDataTest {

	@Test
	void ssinsForAGivenBirthDayAndFreshOnesNeverRepeat() {
		LocalDate sharedDay = LocalDate.of(1970, 1, 2); // ssin() hands out serials 4, 14, ... 994 of this day
		List<String> issued = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			issued.add(TestData.ssinBornOn(sharedDay));
		}
		for (int i = 0; i < 12_000; i++) {
			issued.add(TestData.ssin());
		}
		for (int i = 0; i < 50; i++) {
			issued.add(TestData.ssinBornOn(sharedDay));
		}
		assertThat(issued).doesNotHaveDuplicates();
		assertThat(issued.subList(0, 50)).allSatisfy(ssin -> assertThat(TestData.birthDateOf(ssin)).isEqualTo("1970-01-02"));
	}
}
