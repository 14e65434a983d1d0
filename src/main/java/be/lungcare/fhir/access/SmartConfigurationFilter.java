package be.lungcare.fhir.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: the SMART App Launch v2 discovery document (public). It
 * names the identity provider's endpoints and what this server accepts; it is answered here because the FHIR
 * servlet would take {@code .well-known} for a resource type.
 */
final class SmartConfigurationFilter extends OncePerRequestFilter {

	static final String PATH = "/fhir/.well-known/smart-configuration";

	private final byte[] document;

	SmartConfigurationFilter(AccessProperties properties, ObjectMapper json) throws IOException {
		Map<String, Object> smart = new LinkedHashMap<>();
		smart.put("issuer", properties.issuer());
		smart.put("authorization_endpoint", properties.authorizationEndpointOrDefault());
		smart.put("token_endpoint", properties.tokenEndpointOrDefault());
		smart.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
		smart.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
		smart.put("response_types_supported", List.of("code"));
		smart.put("code_challenge_methods_supported", List.of("S256"));
		smart.put("scopes_supported", List.of("openid", "offline_access", "patient/*.rs", "user/*.rs", "user/*.cruds",
				"system/*.rs", "system/*.cruds", properties.adminScope()));
		smart.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric",
				"permission-v1", "permission-v2", "permission-patient", "permission-user", "permission-offline"));
		this.document = json.writeValueAsBytes(smart);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !PATH.equals(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			response.setHeader("Allow", "GET, HEAD");
			response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("application/json");
		response.setHeader("Cache-Control", "public, max-age=3600");
		response.setContentLength(document.length);
		if ("GET".equals(request.getMethod())) {
			response.getOutputStream().write(document);
		}
	}
}
