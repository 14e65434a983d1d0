package be.lungcare.fhir.access;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One SMART resource scope, e.g. {@code patient/Observation.rs?category=laboratory}.
 * <p>
 * Parsed per SMART App Launch 2.x, "Scopes and Launch Context": the v2 form {@code <context>/<type>.<cruds>[?<query>]}
 * and the v1 forms {@code .read}, {@code .write} and {@code .*}. The parser is deliberately strict: a scope grants
 * access, so a token that is not exactly a resource scope grants nothing rather than whatever it might have meant.
 * Other tokens of a {@code scope} claim ({@code openid}, {@code launch/patient}, {@code offline_access}, the admin
 * scope, ...) are simply not resource scopes here; whoever needs them looks at the raw claim.
 *
 * @param context      whose data the scope reaches
 * @param resourceType a resource type name, or {@code *} for every type
 * @param permissions  the interactions named (never empty, unmodifiable)
 * @param filter       the v2 query that narrows the scope: parameter name to its percent-decoded values, in the order
 *                     given (unmodifiable, empty when there is no query)
 */
record SmartScope(Context context, String resourceType, Set<Permission> permissions, Map<String, List<String>> filter) {

	/** Whose data a scope reaches: the launch patient's, the user's, or (for backend services) anyone's. */
	enum Context { PATIENT, USER, SYSTEM }

	/** The SMART v2 permission letters {@code c r u d s}, in the order the spec requires them to be written. */
	enum Permission { CREATE, READ, UPDATE, DELETE, SEARCH }

	/** The v2 letters, index-aligned with {@link Permission#values()}: the order a permission string must follow. */
	private static final String LETTERS = "cruds";

	/** A token this long is not a scope anybody issues; it is ignored rather than scanned. */
	static final int MAX_TOKEN_LENGTH = 1_000;

	/** Bounds the work one {@code scope} claim can cause; real tokens carry a few dozen scopes at most. */
	static final int MAX_TOKENS = 200;

	/** A search parameter name, optionally with a modifier or chain ({@code code:in}, {@code subject.name}). */
	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_:.-]*");

	SmartScope {
		Objects.requireNonNull(context, "context");
		Objects.requireNonNull(resourceType, "resourceType");
		Objects.requireNonNull(permissions, "permissions");
		Objects.requireNonNull(filter, "filter");
		if (resourceType.isEmpty() || permissions.isEmpty()) {
			throw new IllegalArgumentException("a scope names a resource type and at least one permission");
		}
		EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
		copy.addAll(permissions);
		permissions = Collections.unmodifiableSet(copy);
		LinkedHashMap<String, List<String>> ordered = new LinkedHashMap<>();
		filter.forEach((name, values) -> ordered.put(Objects.requireNonNull(name, "filter name"), List.copyOf(values)));
		filter = Collections.unmodifiableMap(ordered);
	}

	/**
	 * The resource scope this token is, or empty for anything that is not a well-formed resource scope ({@code openid},
	 * {@code fhirUser}, {@code launch}, {@code launch/patient}, {@code offline_access}, {@code online_access}, the admin
	 * scope, a malformed scope, an unknown resource type ...). Never throws, whatever the token (including {@code null}).
	 * <p>
	 * Beyond the shape the spec gives, a token is rejected when it has a character RFC 6749 does not allow in a scope
	 * (space, control, non-ASCII, {@code "} or {@code \}), when a query value holds a raw {@code =}, {@code ?},
	 * {@code #} or {@code +} (the last is a space to some decoders and a plus to others), or when a decoded value holds
	 * a control character: the filter would then not say plainly what it narrows to.
	 *
	 * @param isResourceType which names are resource types of this server; only asked about a non-empty name
	 */
	static Optional<SmartScope> parse(String scope, Predicate<String> isResourceType) {
		Objects.requireNonNull(isResourceType, "isResourceType");
		if (scope == null || !scopeTokenCharacters(scope)) {
			return Optional.empty();
		}
		int slash = scope.indexOf('/');
		if (slash < 0) {
			return Optional.empty();
		}
		Context context = context(scope.substring(0, slash));
		if (context == null) {
			return Optional.empty();
		}
		String rest = scope.substring(slash + 1);
		int question = rest.indexOf('?');
		String typeAndPermissions = question < 0 ? rest : rest.substring(0, question);
		int dot = typeAndPermissions.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String type = typeAndPermissions.substring(0, dot);
		String letters = typeAndPermissions.substring(dot + 1);
		if (!type.equals("*") && !isResourceType.test(type)) {
			return Optional.empty();
		}
		Set<Permission> permissions = v1Permissions(letters);
		if (permissions != null) {
			// v1 scopes predate the query syntax; a query on one is not something to guess the meaning of
			return question < 0 ? Optional.of(new SmartScope(context, type, permissions, Map.of())) : Optional.empty();
		}
		permissions = v2Permissions(letters);
		if (permissions == null) {
			return Optional.empty();
		}
		if (question < 0) {
			return Optional.of(new SmartScope(context, type, permissions, Map.of()));
		}
		Map<String, List<String>> filter = query(rest.substring(question + 1));
		return filter == null ? Optional.empty() : Optional.of(new SmartScope(context, type, permissions, filter));
	}

	/**
	 * All well-formed resource scopes of a space-separated {@code scope} claim, in order; other tokens are ignored
	 * ({@code null} or blank gives an empty list). Tokens are separated as {@code \s+} does. Only the first
	 * {@value #MAX_TOKENS} tokens are looked at and a token longer than {@value #MAX_TOKEN_LENGTH} characters is
	 * ignored, so an oversized claim costs bounded work and grants nothing beyond its first tokens.
	 *
	 * @param isResourceType which names are resource types of this server
	 */
	static List<SmartScope> parseAll(String scopes, Predicate<String> isResourceType) {
		Objects.requireNonNull(isResourceType, "isResourceType");
		if (scopes == null) {
			return List.of();
		}
		List<SmartScope> parsed = new ArrayList<>();
		int tokens = 0;
		int i = 0;
		int length = scopes.length();
		while (tokens < MAX_TOKENS) {
			while (i < length && separator(scopes.charAt(i))) {
				i++;
			}
			if (i == length) {
				break;
			}
			int start = i;
			while (i < length && !separator(scopes.charAt(i))) {
				i++;
			}
			tokens++;
			if (i - start <= MAX_TOKEN_LENGTH) {
				parse(scopes.substring(start, i), isResourceType).ifPresent(parsed::add);
			}
		}
		return List.copyOf(parsed);
	}

	/** Whether this scope reaches resources of the given type: it names that type, or every type. */
	boolean covers(String type) {
		return "*".equals(resourceType) || resourceType.equals(type);
	}

	boolean allows(Permission permission) {
		return permissions.contains(permission);
	}

	/** Whether a query narrows this scope to the resources that match it. */
	boolean hasFilter() {
		return !filter.isEmpty();
	}

	private static Context context(String name) {
		return switch (name) {
			case "patient" -> Context.PATIENT;
			case "user" -> Context.USER;
			case "system" -> Context.SYSTEM;
			default -> null;
		};
	}

	/** The v1 permission words, as SMART 2.x maps them onto v2 letters; {@code null} when it is not one of them. */
	private static Set<Permission> v1Permissions(String word) {
		return switch (word) {
			case "read" -> EnumSet.of(Permission.READ, Permission.SEARCH);
			case "write" -> EnumSet.of(Permission.CREATE, Permission.UPDATE, Permission.DELETE);
			case "*" -> EnumSet.allOf(Permission.class);
			default -> null;
		};
	}

	/** The v2 letters: non-empty, each of {@code c r u d s} at most once, in that order; else {@code null}. */
	private static Set<Permission> v2Permissions(String letters) {
		if (letters.isEmpty()) {
			return null;
		}
		EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
		int previous = -1;
		for (int i = 0; i < letters.length(); i++) {
			int index = LETTERS.indexOf(letters.charAt(i));
			if (index <= previous) { // unknown letter (-1), repeated, or out of order
				return null;
			}
			permissions.add(Permission.values()[index]);
			previous = index;
		}
		return permissions;
	}

	/** {@code name=value(&name=value)*} with percent-decoded values, names in first-seen order; else {@code null}. */
	private static Map<String, List<String>> query(String query) {
		if (query.isEmpty()) {
			return null;
		}
		Map<String, List<String>> filter = new LinkedHashMap<>();
		// limit -1 keeps trailing empty pairs, so "a=1&" is seen (and refused) rather than silently trimmed
		for (String pair : query.split("&", -1)) {
			int equals = pair.indexOf('=');
			if (equals < 0) {
				return null;
			}
			String name = pair.substring(0, equals);
			String value = decode(pair.substring(equals + 1));
			if (!NAME.matcher(name).matches() || value == null) {
				return null;
			}
			filter.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return filter;
	}

	/**
	 * A non-empty value, percent-decoded as strict UTF-8; {@code null} when it is empty, has a raw character that makes
	 * its meaning doubtful ({@code = ? # +}), a malformed escape or invalid UTF-8, or decodes to a control character.
	 * The raw characters are ASCII already ({@link #scopeTokenCharacters}), so each stands for its own byte.
	 */
	private static String decode(String raw) {
		if (raw.isEmpty()) {
			return null;
		}
		ByteBuffer bytes = ByteBuffer.allocate(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '=' || c == '?' || c == '#' || c == '+') {
				return null;
			}
			if (c == '%') {
				int high = i + 1 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
				int low = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 2), 16) : -1;
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.put((byte) (high << 4 | low));
				i += 2;
			} else {
				bytes.put((byte) c);
			}
		}
		bytes.flip();
		CharBuffer decoded;
		try {
			decoded = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(bytes);
		} catch (CharacterCodingException e) {
			return null;
		}
		String value = decoded.toString();
		return value.chars().anyMatch(Character::isISOControl) ? null : value;
	}

	/** RFC 6749 section 3.3: {@code scope-token = 1*( %x21 / %x23-5B / %x5D-7E )}. */
	private static boolean scopeTokenCharacters(String token) {
		if (token.isEmpty()) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
				return false;
			}
		}
		return true;
	}

	/** The separators {@code \s} matches, so tokens split here the way the rest of the access code splits them. */
	private static boolean separator(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
	}
}
