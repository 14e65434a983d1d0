package be.lungcare.fhir.operations;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class OperationsIT extends AbstractServerIT {

	@Test
	void healthProbesIncludeTheDatabase() {
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"", "\"db\"");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusMetricsAreExposed() {
		get("metadata");
		HttpResponse<String> metrics = get("/actuator/prometheus");
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active");
	}

	@Test
	void actuatorIsServedOnTheManagementPortOnly() {
		assertThat(managementPort).isNotEqualTo(port);
		HttpResponse<String> onFhirPort = get("http://localhost:" + port + "/actuator/prometheus");
		assertThat(onFhirPort.statusCode()).isEqualTo(404);
		assertThat(onFhirPort.body()).doesNotContain("jvm_memory_used_bytes");
	}

	@Test
	void responsesSayNosniffAndNotWhatSoftwareRunsThem() {
		HttpResponse<String> metadata = get("metadata");
		assertThat(metadata.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(metadata.headers().firstValue("X-Powered-By")).isEmpty();
		HttpResponse<String> error = get("Patient?birthdate=notadate");
		assertThat(error.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(error.headers().firstValue("X-Powered-By")).isEmpty();
	}

	@Test
	void requestsAreLoggedWithoutPatientData(CapturedOutput output) throws InterruptedException {
		String ssin = "66030112390";
		get("Patient?identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|" + ssin);
		// the line is written once the response has been sent: wait for it
		for (int i = 0; i < 50 && !output.getOut().contains("GET /fhir/Patient 200"); i++) {
			Thread.sleep(100);
		}
		assertThat(output.getOut()).containsPattern("GET /fhir/Patient 200 \\d+ ms");
		assertThat(output.getOut()).doesNotContain(ssin);
	}
}
