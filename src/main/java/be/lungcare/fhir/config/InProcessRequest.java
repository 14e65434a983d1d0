package be.lungcare.fhir.config;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.StringReader;
import java.security.Principal;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A GET request that the server hands to its own FHIR servlet, on its own thread, without a network connection
 * (the warm-up before readiness). It has no body, session, cookies or remote address; the identity is the caller's
 * Spring Security context, since no filter of the HTTP chain runs. No client can send one: it exists only in memory.
 * Interceptors that report on clients' requests (the request log) leave it out.
 */
public final class InProcessRequest implements HttpServletRequest {

	private static final String SERVLET_PATH = "/fhir";
	private static final Map<String, String> HEADERS = Map.of("accept", "application/fhir+json");

	private final String path;
	private final String query;
	private final ServletContext context;
	private final Map<String, Object> attributes = new HashMap<>();

	/**
	 * @param pathAndQuery the part after {@code /fhir/}, with its query string already URL-encoded
	 *                     ({@code Patient/1}, {@code Condition?patient=Patient/1})
	 * @param context      the FHIR servlet's context
	 */
	public InProcessRequest(String pathAndQuery, ServletContext context) {
		int question = pathAndQuery.indexOf('?');
		this.path = "/" + (question < 0 ? pathAndQuery : pathAndQuery.substring(0, question));
		this.query = question < 0 ? null : pathAndQuery.substring(question + 1);
		this.context = context;
	}

	@Override
	public String getMethod() {
		return "GET";
	}

	@Override
	public String getRequestURI() {
		return context.getContextPath() + SERVLET_PATH + path;
	}

	@Override
	public StringBuffer getRequestURL() {
		return new StringBuffer("http://localhost").append(getRequestURI());
	}

	@Override
	public String getContextPath() {
		return context.getContextPath();
	}

	@Override
	public String getServletPath() {
		return SERVLET_PATH;
	}

	@Override
	public String getPathInfo() {
		return path;
	}

	@Override
	public String getPathTranslated() {
		return null;
	}

	@Override
	public String getQueryString() {
		return query;
	}

	@Override
	public String getHeader(String name) {
		return HEADERS.get(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		String value = getHeader(name);
		return Collections.enumeration(value == null ? List.of() : List.of(value));
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		return Collections.enumeration(HEADERS.keySet());
	}

	@Override
	public long getDateHeader(String name) {
		return -1;
	}

	@Override
	public int getIntHeader(String name) {
		return -1;
	}

	@Override
	public Object getAttribute(String name) {
		return attributes.get(name);
	}

	@Override
	public Enumeration<String> getAttributeNames() {
		return Collections.enumeration(attributes.keySet());
	}

	@Override
	public void setAttribute(String name, Object value) {
		attributes.put(name, value);
	}

	@Override
	public void removeAttribute(String name) {
		attributes.remove(name);
	}

	// no body
	@Override
	public String getCharacterEncoding() {
		return null;
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		// a GET without a body has nothing to decode
	}

	@Override
	public int getContentLength() {
		return -1;
	}

	@Override
	public long getContentLengthLong() {
		return -1;
	}

	@Override
	public String getContentType() {
		return null;
	}

	@Override
	public ServletInputStream getInputStream() {
		return new ServletInputStream() {
			@Override
			public int read() {
				return -1;
			}

			@Override
			public boolean isFinished() {
				return true;
			}

			@Override
			public boolean isReady() {
				return true;
			}

			@Override
			public void setReadListener(ReadListener listener) {
				throw new IllegalStateException("an in-process request is not asynchronous");
			}
		};
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new StringReader(""));
	}

	// parameters: HAPI parses the query string itself; form parameters need a body
	@Override
	public String getParameter(String name) {
		return null;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.emptyEnumeration();
	}

	@Override
	public String[] getParameterValues(String name) {
		return null;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		return Map.of();
	}

	// no connection
	@Override
	public String getProtocol() {
		return "HTTP/1.1";
	}

	@Override
	public String getScheme() {
		return "http";
	}

	@Override
	public String getServerName() {
		return "localhost";
	}

	@Override
	public int getServerPort() {
		return 80;
	}

	@Override
	public String getRemoteAddr() {
		return null;
	}

	@Override
	public String getRemoteHost() {
		return null;
	}

	@Override
	public int getRemotePort() {
		return -1;
	}

	@Override
	public String getLocalName() {
		return null;
	}

	@Override
	public String getLocalAddr() {
		return null;
	}

	@Override
	public int getLocalPort() {
		return -1;
	}

	@Override
	public boolean isSecure() {
		return false;
	}

	@Override
	public Locale getLocale() {
		return Locale.ENGLISH;
	}

	@Override
	public Enumeration<Locale> getLocales() {
		return Collections.enumeration(List.of(Locale.ENGLISH));
	}

	@Override
	public ServletContext getServletContext() {
		return context;
	}

	@Override
	public DispatcherType getDispatcherType() {
		return DispatcherType.REQUEST;
	}

	@Override
	public String getRequestId() {
		return "in-process";
	}

	@Override
	public String getProtocolRequestId() {
		return "";
	}

	@Override
	public ServletConnection getServletConnection() {
		return null;
	}

	// no identity of the servlet container, no session, no cookies
	@Override
	public String getAuthType() {
		return null;
	}

	@Override
	public Cookie[] getCookies() {
		return null;
	}

	@Override
	public String getRemoteUser() {
		return null;
	}

	@Override
	public boolean isUserInRole(String role) {
		return false;
	}

	@Override
	public Principal getUserPrincipal() {
		return null;
	}

	@Override
	public String getRequestedSessionId() {
		return null;
	}

	@Override
	public HttpSession getSession(boolean create) {
		if (create) {
			throw new IllegalStateException("an in-process request has no session");
		}
		return null;
	}

	@Override
	public HttpSession getSession() {
		return getSession(true);
	}

	@Override
	public String changeSessionId() {
		throw new IllegalStateException("an in-process request has no session");
	}

	@Override
	public boolean isRequestedSessionIdValid() {
		return false;
	}

	@Override
	public boolean isRequestedSessionIdFromCookie() {
		return false;
	}

	@Override
	public boolean isRequestedSessionIdFromURL() {
		return false;
	}

	@Override
	public boolean authenticate(HttpServletResponse response) {
		return false;
	}

	@Override
	public void login(String user, String password) {
		throw new IllegalStateException("an in-process request has no container login");
	}

	@Override
	public void logout() {
		// nothing to log out of
	}

	@Override
	public Collection<Part> getParts() {
		return List.of();
	}

	@Override
	public Part getPart(String name) {
		return null;
	}

	@Override
	public <T extends HttpUpgradeHandler> T upgrade(Class<T> handler) {
		throw new IllegalStateException("an in-process request cannot be upgraded");
	}

	@Override
	public RequestDispatcher getRequestDispatcher(String path) {
		return null;
	}

	@Override
	public AsyncContext startAsync() {
		throw new IllegalStateException("an in-process request is not asynchronous");
	}

	@Override
	public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
		throw new IllegalStateException("an in-process request is not asynchronous");
	}

	@Override
	public boolean isAsyncStarted() {
		return false;
	}

	@Override
	public boolean isAsyncSupported() {
		return false;
	}

	@Override
	public AsyncContext getAsyncContext() {
		throw new IllegalStateException("an in-process request is not asynchronous");
	}
}
