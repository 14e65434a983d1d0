package be.lungcare.fhir.subscriptions;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Where notifications may go (no server-side request forgery through a Subscription): an endpoint must be https (or
 * http when allowed) to a host on the allow list, and unless allowed, every address the host resolves to must be a
 * public one (not loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified). The
 * headers a Subscription asks to be sent must be on their own allow list. Checked when a Subscription is written and
 * again before every delivery (the name may resolve elsewhere by then).
 */
final class EndpointPolicy {

	/** Resolves a host name to its addresses (the system resolver; replaced in unit tests). */
	interface Resolver {
		InetAddress[] resolve(String host) throws UnknownHostException;
	}

	private final List<String> allowedHosts;
	private final boolean allowHttp;
	private final boolean allowPrivateNetworks;
	private final List<String> allowedHeaders;
	private final Resolver resolver;

	EndpointPolicy(List<String> allowedHosts, boolean allowHttp, boolean allowPrivateNetworks, List<String> allowedHeaders) {
		this(allowedHosts, allowHttp, allowPrivateNetworks, allowedHeaders, InetAddress::getAllByName);
	}

	EndpointPolicy(List<String> allowedHosts, boolean allowHttp, boolean allowPrivateNetworks, List<String> allowedHeaders,
			Resolver resolver) {
		this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
		this.allowHttp = allowHttp;
		this.allowPrivateNetworks = allowPrivateNetworks;
		this.allowedHeaders = allowedHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
		this.resolver = resolver;
	}

	/** Why this endpoint is refused, or null when notifications may be sent to it. */
	String refusal(String endpoint) {
		if (endpoint == null || endpoint.isBlank()) {
			return "A rest-hook Subscription needs channel.endpoint";
		}
		URI uri;
		try {
			uri = new URI(endpoint.trim());
		} catch (URISyntaxException e) {
			return "channel.endpoint is not a valid URL";
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
			return allowHttp ? "channel.endpoint must be an http or https URL" : "channel.endpoint must be an https URL";
		}
		if (uri.getRawUserInfo() != null) {
			return "channel.endpoint must not carry a user name or password";
		}
		String host = uri.getHost();
		if (host == null || host.isBlank()) {
			return "channel.endpoint names no host";
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (!hostAllowed(host)) {
			return allowedHosts.isEmpty()
					? "This server sends notifications to no host yet: its administrator lists the hosts allowed (LUNGCARE_SUBSCRIPTIONS_ALLOWED_HOSTS)"
					: "Notifications may not be sent to " + host + ": it is not on the server's list of allowed hosts";
		}
		if (!allowPrivateNetworks) {
			InetAddress[] addresses;
			try {
				addresses = resolver.resolve(host);
			} catch (UnknownHostException e) {
				return "The host of channel.endpoint (" + host + ") cannot be resolved";
			}
			for (InetAddress address : addresses) {
				if (isInternal(address)) {
					return "Notifications may not be sent to " + host + ": it resolves to an internal address ("
							+ address.getHostAddress() + ")";
				}
			}
		}
		return null;
	}

	/** Why this header (as {@code Name: value}) may not be sent, or null. */
	String headerRefusal(String header) {
		int colon = header == null ? -1 : header.indexOf(':');
		if (colon <= 0) {
			return "channel.header must be written as Name: value";
		}
		if (header.indexOf('\r') >= 0 || header.indexOf('\n') >= 0) {
			return "channel.header must be a single line";
		}
		String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
		if (!allowedHeaders.contains(name)) {
			return allowedHeaders.isEmpty()
					? "This server sends no headers of a Subscription's own (channel.header); its administrator may allow some (LUNGCARE_SUBSCRIPTIONS_ALLOWED_HEADERS)"
					: "The header " + header.substring(0, colon).trim() + " may not be sent; allowed: " + String.join(", ", allowedHeaders);
		}
		return null;
	}

	private boolean hostAllowed(String host) {
		for (String allowed : allowedHosts) {
			if (allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed)) {
				return true;
			}
		}
		return false;
	}

	/** Loopback, private, link-local, unique-local, carrier-grade NAT, multicast, unspecified. */
	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
				|| address.isAnyLocalAddress() || address.isMulticastAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			return first == 0 || (first == 100 && second >= 64 && second <= 127) || (first == 169 && second == 254)
					|| first >= 240;
		}
		if (address instanceof Inet6Address) {
			boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
			boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
			if (mapped) {
				try {
					return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				} catch (UnknownHostException e) {
					return true;
				}
			}
			return uniqueLocal;
		}
		return true;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}
}
