package be.lungcare.fhir.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointPolicyTest {

	/** A resolver with fixed answers, so no test depends on DNS. */
	private static final Map<String, String> DNS = Map.of("hooks.hospital.be", "193.191.219.10", "ehr.example.be", "81.82.83.84",
			"internal.hospital.be", "10.1.2.3", "rebind.example.be", "169.254.169.254", "v6.hospital.be", "fd00::1",
			"mapped.hospital.be", "::ffff:127.0.0.1", "cgnat.hospital.be", "100.64.0.7");

	private static EndpointPolicy policy(List<String> hosts, boolean http, boolean privateNetworks, List<String> headers) {
		return new EndpointPolicy(hosts, http, privateNetworks, headers, host -> {
			String address = DNS.get(host);
			if (address == null) {
				if (host.matches("[0-9.]+|[0-9a-f:]+")) {
					return new InetAddress[] {InetAddress.getByName(host)};
				}
				throw new UnknownHostException(host);
			}
			return new InetAddress[] {InetAddress.getByName(address)};
		});
	}

	private final EndpointPolicy production = policy(List.of("hooks.hospital.be", "*.example.be", "internal.hospital.be",
			"rebind.example.be", "v6.hospital.be", "mapped.hospital.be", "cgnat.hospital.be", "127.0.0.1"), false, false, List.of("Authorization"));

	@Test
	void httpsToAnAllowedPublicHostIsAccepted() {
		assertThat(production.refusal("https://hooks.hospital.be/fhir/notify")).isNull();
		assertThat(production.refusal("https://ehr.example.be:8443/hook")).isNull();
		assertThat(production.refusal("https://HOOKS.hospital.be/x")).isNull();
	}

	@Test
	void nothingIsAcceptedWithoutAnAllowList() {
		assertThat(policy(List.of(), false, false, List.of()).refusal("https://hooks.hospital.be/x")).contains("LUNGCARE_SUBSCRIPTIONS_ALLOWED_HOSTS");
	}

	@Test
	void otherSchemesHostsAndCredentialsAreRefused() {
		assertThat(production.refusal("http://hooks.hospital.be/x")).contains("https");
		assertThat(production.refusal("file:///etc/passwd")).contains("https");
		assertThat(production.refusal("ftp://hooks.hospital.be/x")).contains("https");
		assertThat(production.refusal("https://evil.org/x")).contains("not on the server's list");
		assertThat(production.refusal("https://example.be.evil.org/x")).contains("not on the server's list");
		assertThat(production.refusal("https://user:secret@hooks.hospital.be/x")).contains("user name");
		assertThat(production.refusal("https:///nohost")).contains("no host");
		assertThat(production.refusal("not a url")).isNotNull();
		assertThat(production.refusal("")).contains("endpoint");
		assertThat(production.refusal(null)).contains("endpoint");
	}

	@Test
	void internalAddressesAreRefusedEvenForAllowedHosts() {
		assertThat(production.refusal("https://internal.hospital.be/x")).contains("internal address (10.1.2.3)");
		assertThat(production.refusal("https://rebind.example.be/x")).contains("169.254.169.254");
		assertThat(production.refusal("https://v6.hospital.be/x")).contains("internal address");
		assertThat(production.refusal("https://mapped.hospital.be/x")).contains("internal address");
		assertThat(production.refusal("https://cgnat.hospital.be/x")).contains("internal address");
		assertThat(production.refusal("https://127.0.0.1/x")).contains("internal address");
		assertThat(production.refusal("https://unknown.example.be/x")).contains("cannot be resolved");
	}

	@Test
	void privateNetworksAndHttpWhenConfigured() {
		EndpointPolicy lab = policy(List.of("internal.hospital.be"), true, true, List.of());
		assertThat(lab.refusal("http://internal.hospital.be:8080/x")).isNull();
		assertThat(lab.refusal("https://internal.hospital.be/x")).isNull();
	}

	@Test
	void onlyAllowedHeadersOnOneLine() {
		assertThat(production.headerRefusal("Authorization: Bearer abc")).isNull();
		assertThat(production.headerRefusal("authorization: Bearer abc")).isNull();
		assertThat(production.headerRefusal("X-Forwarded-For: 10.0.0.1")).contains("may not be sent");
		assertThat(production.headerRefusal("Authorization: a\r\nX-Evil: b")).contains("single line");
		assertThat(production.headerRefusal("no colon")).contains("Name: value");
		assertThat(policy(List.of(), false, false, List.of()).headerRefusal("Authorization: x")).contains("LUNGCARE_SUBSCRIPTIONS_ALLOWED_HEADERS");
	}

	@Test
	void internalAddressRanges() throws Exception {
		for (String internal : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.1.1", "0.0.0.0", "100.100.0.1",
				"224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "::")) {
			assertThat(EndpointPolicy.isInternal(InetAddress.getByName(internal))).as(internal).isTrue();
		}
		for (String external : List.of("193.191.219.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860:4860::8888")) {
			assertThat(EndpointPolicy.isInternal(InetAddress.getByName(external))).as(external).isFalse();
		}
	}
}
