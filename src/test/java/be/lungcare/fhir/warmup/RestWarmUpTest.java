package be.lungcare.fhir.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.config.InProcessRequest;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class RestWarmUpTest {

	/** Answers with a fixed status and body, and records what each request looked like. */
	private static final class Recording extends HttpServlet {
		final List<String> seen = new ArrayList<>();
		int status = 200;

		Recording() throws Exception {
			ServletConfig config = Mockito.mock(ServletConfig.class);
			ServletContext context = Mockito.mock(ServletContext.class);
			Mockito.when(config.getServletContext()).thenReturn(context);
			Mockito.when(context.getContextPath()).thenReturn("");
			init(config);
		}

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			Authentication caller = SecurityContextHolder.getContext().getAuthentication();
			String scope = caller instanceof JwtAuthenticationToken token ? token.getToken().getClaimAsString("scope") : null;
			seen.add(request.getRequestURI() + " " + request.getPathInfo() + " " + request.getQueryString() + " "
					+ request.getHeader("Accept") + " " + scope + " " + (request instanceof InProcessRequest));
			response.setStatus(status);
			response.getWriter().write("{\"resourceType\":\"Bundle\"}");
		}
	}

	private final Authentication outside = new TestingAuthenticationToken("someone", "secret");

	@BeforeEach
	void someoneElseIsSignedIn() {
		SecurityContextHolder.getContext().setAuthentication(outside);
	}

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void getsThroughTheServletAsTheServerItselfWithReadOnlyScope() throws Exception {
		Recording servlet = new Recording();
		RestWarmUp rest = new RestWarmUp(servlet);

		String body = rest.as(() -> rest.get("Observation?code=" + RestWarmUp.encode("http://loinc.org|81459-0") + "&_count=1"));

		assertThat(body).isEqualTo("{\"resourceType\":\"Bundle\"}");
		assertThat(servlet.seen).containsExactly("/fhir/Observation /Observation code=http%3A%2F%2Floinc.org%7C81459-0&_count=1"
				+ " application/fhir+json system/*.rs true");
		assertThat(rest.requests()).isEqualTo(1);
		assertThat(SecurityContextHolder.getContext().getAuthentication()).as("the caller's identity is back").isSameAs(outside);
	}

	@Test
	void anAnswerOtherThan200FailsTheWarmUpAndTheIdentityIsStillRestored() throws Exception {
		Recording servlet = new Recording();
		servlet.status = 403;
		RestWarmUp rest = new RestWarmUp(servlet);

		assertThatThrownBy(() -> rest.as(() -> rest.get("Patient/1"))).isInstanceOf(IllegalStateException.class)
				.hasMessage("GET /Patient/1 answered 403");
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(outside);
	}
}
