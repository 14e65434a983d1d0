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
	void requestsAreLoggedWithoutPatientData(CapturedOutput output) {
		String ssin = "66030112390";
		get("Patient?identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|" + ssin);
		assertThat(output.getOut()).containsPattern("GET /fhir/Patient 200 \\d+ ms");
		assertThat(output.getOut()).doesNotContain(ssin);
	}
}
