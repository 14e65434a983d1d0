package be.lungcare.fhir.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.InstantType;
import org.junit.jupiter.api.Test;

/**
 * The change feed for engines that poll: {@code _history} at type and system level with {@code _since} and
 * {@code _count}. Paging is stable: changes made while a client pages do not shift or join the pages; they come in the
 * next poll, from the first page's {@code meta.lastUpdated}.
 */
class ChangeFeedIT extends AbstractServerIT {

	@Test
	void pagesAreStableAndTheNextPollGetsWhatChangedMeanwhile() throws Exception {
		final String since = InstantType.now().getValueAsString();
		Thread.sleep(20);
		String patient = newPatient();
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			before.add(observation(patient, 10 + i));
		}
		for (String path : new String[] {"Observation/_history", "_history"}) {
			Bundle page = bundle(path + "?_since=" + encode(since) + "&_count=2");
			assertThat(page.getType()).isEqualTo(Bundle.BundleType.HISTORY);
			String pollFrom = page.getMeta().getLastUpdatedElement().getValueAsString();
			assertThat(pollFrom).as("the feed position for the next poll").isNotNull();
			List<String> seen = new ArrayList<>();
			List<String> during = new ArrayList<>();
			while (true) {
				assertThat(page.getEntry().size()).isLessThanOrEqualTo(2);
				page.getEntry().forEach(e -> seen.add(e.getResource().getIdElement().toUnqualified().getValue()));
				during.add(observation(patient, 20)); // a change while paging
				if (page.getLink(Bundle.LINK_NEXT) == null) {
					break;
				}
				page = bundle(page.getLink(Bundle.LINK_NEXT).getUrl());
			}
			Set<String> seenObservations = new HashSet<>();
			for (String id : seen) {
				if (id.startsWith("Observation/")) {
					assertThat(seenObservations.add(id)).as("no change twice: " + id).isTrue();
				}
			}
			assertThat(seenObservations).containsAll(before.stream().map(id -> "Observation/" + id + "/_history/1").toList());
			assertThat(seenObservations).doesNotContainAnyElementsOf(during.stream().map(id -> "Observation/" + id + "/_history/1").toList());

			List<String> next = new ArrayList<>();
			Bundle poll = bundle(path + "?_since=" + encode(pollFrom) + "&_count=100");
			poll.getEntry().forEach(e -> next.add(e.getResource().getIdElement().toUnqualified().getValue()));
			assertThat(next).containsAll(during.stream().map(id -> "Observation/" + id + "/_history/1").toList());
			assertThat(next).doesNotContainAnyElementsOf(before.stream().map(id -> "Observation/" + id + "/_history/1").toList());
			before.addAll(during); // the system-level feed, from the same _since, has them all
		}
	}

	@Test
	void badFeedParametersAreClientErrors() {
		for (String bad : new String[] {"Observation/_history?_since=yesterday", "_history?_since=2026-12-01",
				"_history?_since=2026-12-01T10:00:00Z&_since=2026-12-02T10:00:00Z"}) {
			HttpResponse<String> response = get(bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(response.body()).as(bad).contains("_since");
		}
		assertThat(get("_history?_since=2026-12-01T10:00:00Z&_at=2026-12-01").statusCode()).isEqualTo(400);
	}

	private String newPatient() {
		HttpResponse<String> created = postJson("Patient", json(TestData.patient("Feed", TestData.ssin())));
		assertThat(created.statusCode()).isEqualTo(201);
		return "Patient/" + parse(Patient.class, created.body()).getIdElement().getIdPart();
	}

	private String observation(String patient, int score) {
		HttpResponse<String> created = postJson("Observation", SubscriptionsIT.catScore(patient, score));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return parse(org.hl7.fhir.r4.model.Observation.class, created.body()).getIdElement().getIdPart();
	}

	private Bundle bundle(String url) {
		HttpResponse<String> response = get(url);
		assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
		return parse(Bundle.class, response.body());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
