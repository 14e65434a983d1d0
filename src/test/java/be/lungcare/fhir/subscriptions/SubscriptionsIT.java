package be.lungcare.fhir.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import be.lungcare.fhir.TestIssuer;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Rest-hook subscriptions end to end, with a receiver on a local port: criteria and topic subscriptions delivered once
 * per event with a stable event id, a receiver down for a while served when it is back, {@code $trigger-subscription},
 * the endpoint and header allow lists (422), and access (403, another client's subscriptions out of sight).
 */
class SubscriptionsIT extends AbstractServerIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	/** HAPI's registry of the active subscriptions the matching uses (a subscription is live once in it). */
	@Autowired
	private SubscriptionRegistry registry;
	private static HookListener listener;

	@BeforeAll
	static void listen() throws Exception {
		listener = new HookListener();
	}

	@AfterAll
	static void close() {
		listener.close();
	}

	@Test
	void aCriteriaSubscriptionGetsEachChangeOnceWithAStableEventId() throws Exception {
		String patient = newPatient();
		String subscription = subscribe(criteria("Observation?subject=" + patient, listener.endpoint("/criteria"), true));
		List<Instant> written = new ArrayList<>();
		List<String> observations = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			HttpResponse<String> created = postJson("Observation", catScore(patient, 10 + i));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			written.add(Instant.now());
			observations.add(idOf(created.body()));
		}
		List<HookListener.Received> received = listener.await(r -> r.path().startsWith("/criteria/Observation/"), 5, WAIT);
		assertThat(received).extracting(HookListener.Received::method).containsOnly("PUT");
		assertThat(received).extracting(r -> r.path().substring("/criteria/".length()))
				.containsExactlyInAnyOrderElementsOf(observations.stream().map(id -> "Observation/" + id).toList());
		assertThat(received).extracting(HookListener.Received::contentType).allMatch(t -> t.startsWith("application/fhir+json"));
		assertThat(new HashSet<>(received.stream().map(HookListener.Received::eventId).toList())).hasSize(5);
		Thread.sleep(3000); // nothing more arrives: each once
		assertThat(listener.received(r -> r.path().startsWith("/criteria/Observation/"))).hasSize(5);
		printLatency("criteria subscription", written, received);
		delete(subscription);
	}

	@Test
	void aTopicSubscriptionGetsANotificationBundleForMatchingResultsOnly() throws Exception {
		String patient = newPatient();
		String other = newPatient();
		subscribe(topic(LungCareTopics.LUNG_RESULT, "Observation?patient=" + patient, listener.endpoint("/topic")));
		assertThat(postJson("Observation", mmrc(patient)).statusCode()).isEqualTo(201); // not a topic result
		assertThat(postJson("Observation", catScore(other, 20)).statusCode()).isEqualTo(201); // another patient
		HttpResponse<String> cat = postJson("Observation", catScore(patient, 25));
		assertThat(cat.statusCode()).isEqualTo(201);
		List<HookListener.Received> received = listener.await(r -> r.path().equals("/topic"), 1, WAIT);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).method()).isEqualTo("POST");
		Bundle notification = parse(Bundle.class, received.get(0).body());
		assertThat(notification.getType()).isEqualTo(Bundle.BundleType.HISTORY);
		assertThat(notification.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Parameters", "Observation");
		assertThat(notification.getEntry()).filteredOn(e -> e.getResource().fhirType().equals("Observation"))
				.extracting(e -> e.getResource().getIdElement().getIdPart()).containsExactly(idOf(cat.body()));
		Thread.sleep(2000);
		assertThat(listener.received(r -> r.path().equals("/topic"))).hasSize(1);
	}

	@Test
	void aReceiverThatIsDownGetsTheNotificationWhenItIsBack() throws Exception {
		String patient = newPatient();
		String subscription = subscribe(criteria("Observation?subject=" + patient, listener.endpoint("/down"), false));
		listener.answer(503);
		HttpResponse<String> created = postJson("Observation", catScore(patient, 30));
		assertThat(created.statusCode()).isEqualTo(201);
		Thread.sleep(5000); // several attempts refused
		assertThat(listener.received(r -> r.path().equals("/down"))).isEmpty();
		listener.stop(); // and then not even listening
		Thread.sleep(3000);
		listener.start();
		listener.answer(200);
		List<HookListener.Received> received = listener.await(r -> r.path().equals("/down"), 1, WAIT);
		assertThat(received).hasSize(1);
		assertThat(received.get(0).method()).isEqualTo("POST"); // no payload type: an empty notification
		assertThat(received.get(0).body()).isEmpty();
		Thread.sleep(3000);
		assertThat(listener.received(r -> r.path().equals("/down"))).hasSize(1);
		delete(subscription);
	}

	@Test
	void triggerSubscriptionSendsAgainAsANewEvent() throws Exception {
		String patient = newPatient();
		String subscription = subscribe(criteria("Observation?subject=" + patient, listener.endpoint("/trigger"), true));
		String observation = idOf(postJson("Observation", catScore(patient, 12)).body());
		assertThat(listener.await(r -> r.path().startsWith("/trigger/"), 1, WAIT)).hasSize(1);
		HttpResponse<String> triggered = postJson(subscription + "/$trigger-subscription",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resourceId\",\"valueUri\":\"Observation/" + observation + "\"}]}");
		assertThat(triggered.statusCode()).as(triggered.body()).isEqualTo(200);
		List<HookListener.Received> received = listener.await(r -> r.path().startsWith("/trigger/"), 2, Duration.ofSeconds(60));
		assertThat(received).hasSize(2);
		assertThat(received.get(1).path()).isEqualTo("/trigger/Observation/" + observation);
		assertThat(received.get(1).eventId()).isNotEqualTo(received.get(0).eventId());
		delete(subscription);
	}

	@Test
	void endpointsAndHeadersOutsideTheAllowListsAreRefusedWith422() {
		String[] refused = {"http://127.0.0.1:9/hook", "http://example.org/hook", "file:///etc/passwd", "https://user:pw@localhost/hook",
				"not a url"};
		for (String endpoint : refused) {
			HttpResponse<String> response = postJson("Subscription", criteria("Observation?code=x", endpoint, false));
			assertThat(response.statusCode()).as(endpoint).isEqualTo(422);
			assertThat(expression(response)).as(endpoint).isEqualTo("Subscription.channel.endpoint");
		}
		String withHeader = criteria("Observation?code=x", listener.endpoint("/h"), false)
				.replace("\"type\":\"rest-hook\"", "\"type\":\"rest-hook\",\"header\":[\"Authorization: Bearer x\",\"X-Forwarded-For: 10.0.0.1\"]");
		HttpResponse<String> response = postJson("Subscription", withHeader);
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(expression(response)).isEqualTo("Subscription.channel.header[1]");
		HttpResponse<String> unknownTopic = postJson("Subscription", topic("https://fhir.lungcare.be/SubscriptionTopic/none", null, listener.endpoint("/t")));
		assertThat(unknownTopic.statusCode()).isEqualTo(422);
		assertThat(expression(unknownTopic)).isEqualTo("Subscription.criteria");
		HttpResponse<String> websocket = postJson("Subscription", criteria("Observation?code=x", listener.endpoint("/w"), false)
				.replace("rest-hook", "websocket"));
		assertThat(websocket.statusCode()).isEqualTo(422);
	}

	@Test
	void aClientSubscribesOnlyToWhatItMayReadAndSeesOnlyItsOwnSubscriptions() throws Exception {
		String observationsOnly = TestIssuer.get().token("it-narrow", "system/Subscription.cruds system/Patient.rs", Map.of());
		HttpResponse<String> refused = sendAs(observationsOnly, "POST", "Subscription", "application/fhir+json",
				criteria("Observation?code=x", listener.endpoint("/a"), false));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(expression(refused)).isEqualTo("Subscription.criteria");
		HttpResponse<String> topicRefused = sendAs(observationsOnly, "POST", "Subscription", "application/fhir+json",
				topic(LungCareTopics.CARE_PLAN_OR_TEAM, null, listener.endpoint("/a")));
		assertThat(topicRefused.statusCode()).isEqualTo(403);

		String mine = subscribe(criteria("Observation?code=x", listener.endpoint("/mine"), false));
		String otherEngine = TestIssuer.get().token("it-other-engine", "system/*.cruds", Map.of());
		assertThat(sendAs(otherEngine, "GET", mine, null, null).statusCode()).isIn(403, 404);
		Bundle search = parse(Bundle.class, sendAs(otherEngine, "GET", "Subscription?_count=100", null, null).body());
		assertThat(search.getEntry()).extracting(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue()).doesNotContain(mine);
		assertThat(sendAs(otherEngine, "DELETE", mine, null, null).statusCode()).isEqualTo(403);
		assertThat(sendAs(otherEngine, "POST", mine + "/$trigger-subscription", "application/fhir+json",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"resourceId\",\"valueUri\":\"Observation/1\"}]}").statusCode())
				.isEqualTo(403);
		assertThat(get(mine).statusCode()).isEqualTo(200);
		delete(mine);
	}

	@Test
	void theTopicsAreOfferedAndReadOnly() {
		Bundle topics = parse(Bundle.class, get("Basic?code=http://hl7.org/fhir/fhir-types|SubscriptionTopic").body());
		assertThat(topics.getEntry()).hasSizeGreaterThanOrEqualTo(3);
		String id = topics.getEntryFirstRep().getResource().getIdElement().getIdPart();
		HttpResponse<String> delete = send("DELETE", "Basic/" + id, null, null);
		assertThat(delete.statusCode()).isEqualTo(403);
	}

	// --- helpers -----------------------------------------------------------------------------------------------

	private String newPatient() {
		HttpResponse<String> created = postJson("Patient", json(TestData.patient("Subscriber", TestData.ssin())));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return "Patient/" + parse(Patient.class, created.body()).getIdElement().getIdPart();
	}

	/** Creates the subscription and waits until HAPI has activated it; its id (Subscription/x). */
	private String subscribe(String body) throws InterruptedException {
		HttpResponse<String> created = postJson("Subscription", body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = "Subscription/" + parse(Subscription.class, created.body()).getIdElement().getIdPart();
		long end = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < end) {
			Subscription current = parse(Subscription.class, get(id).body());
			if (current.getStatus() == Subscription.SubscriptionStatus.ACTIVE && registry.get(current.getIdElement().getIdPart()) != null) {
				Thread.sleep(500);
				return id;
			}
			Thread.sleep(200);
		}
		throw new AssertionError(id + " was not activated");
	}

	private void delete(String id) {
		assertThat(send("DELETE", id, null, null).statusCode()).isIn(200, 204);
	}

	static String criteria(String criteria, String endpoint, boolean payload) {
		return "{\"resourceType\":\"Subscription\",\"status\":\"requested\",\"reason\":\"integration test\",\"criteria\":\""
				+ criteria + "\",\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + endpoint + "\""
				+ (payload ? ",\"payload\":\"application/fhir+json\"" : "") + "}}";
	}

	static String topic(String topic, String filter, String endpoint) {
		String filterElement = filter == null ? "" : ",\"_criteria\":{\"extension\":[{\"url\":"
				+ "\"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria\",\"valueString\":\""
				+ filter + "\"}]}";
		return "{\"resourceType\":\"Subscription\",\"meta\":{\"profile\":[\"http://hl7.org/fhir/uv/subscriptions-backport/"
				+ "StructureDefinition/backport-subscription\"]},\"status\":\"requested\",\"reason\":\"integration test\","
				+ "\"criteria\":\"" + topic + "\"" + filterElement + ",\"channel\":{\"type\":\"rest-hook\",\"endpoint\":\"" + endpoint
				+ "\",\"payload\":\"application/fhir+json\",\"_payload\":{\"extension\":[{\"url\":"
				+ "\"http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content\",\"valueCode\":\"full-resource\"}]}}}";
	}

	static String catScore(String patient, int score) {
		return "{\"resourceType\":\"Observation\",\"meta\":{\"profile\":[\"https://fhir.lungcare.be/StructureDefinition/lungcare-copd-assessment-test\"]},"
				+ "\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"survey\"}]}],"
				+ "\"code\":{\"coding\":[{\"system\":\"https://fhir.lungcare.be/CodeSystem/lungcare-observation\",\"code\":\"cat-total\"}]},"
				+ "\"subject\":{\"reference\":\"" + patient + "\"},\"effectiveDateTime\":\"2026-11-02T10:00:00+01:00\","
				+ "\"valueQuantity\":{\"value\":" + score + ",\"unit\":\"score\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}}";
	}

	static String mmrc(String patient) {
		return "{\"resourceType\":\"Observation\",\"meta\":{\"profile\":[\"https://fhir.lungcare.be/StructureDefinition/lungcare-mmrc-dyspnoea\"]},"
				+ "\"status\":\"final\",\"category\":[{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"survey\"}]}],"
				+ "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"870179002\"}]},"
				+ "\"subject\":{\"reference\":\"" + patient + "\"},\"effectiveDateTime\":\"2026-11-02T10:00:00+01:00\","
				+ "\"valueQuantity\":{\"value\":2,\"unit\":\"score\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"{score}\"}}";
	}

	private String idOf(String body) {
		return parse(org.hl7.fhir.r4.model.Observation.class, body).getIdElement().getIdPart();
	}

	private String expression(HttpResponse<String> response) {
		OperationOutcome outcome = parse(OperationOutcome.class, response.body());
		return outcome.getIssueFirstRep().getExpression().isEmpty() ? null : outcome.getIssueFirstRep().getExpression().get(0).getValue();
	}

	/** The time from each write's answer to its notification's arrival (printed for docs/subscriptions.md, not asserted). */
	private static void printLatency(String what, List<Instant> written, List<HookListener.Received> received) {
		List<Long> millis = new ArrayList<>();
		List<HookListener.Received> byArrival = received.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList();
		for (int i = 0; i < Math.min(written.size(), byArrival.size()); i++) {
			millis.add(Duration.between(written.get(i), byArrival.get(i).at()).toMillis());
		}
		System.out.println("Delivery latency, " + what + " (ms, write answered -> notification received): " + millis);
	}
}
