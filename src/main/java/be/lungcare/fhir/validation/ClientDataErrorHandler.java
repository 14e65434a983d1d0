package be.lungcare.fhir.validation;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;

/**
 * How HAPI's parsers treat what is not FHIR. HAPI's default is lenient: an unknown element is dropped with a log
 * line, so a client's data would be stored with a part silently lost. In a client request (see
 * {@link #clientRequest()}) an unknown element or attribute, a repeated element that does not repeat, or a JSON
 * value of the wrong JSON type ({@code "multipleBirthInteger": "3"}) is an error (400, the element named).
 * Elsewhere (HAPI's own core definitions, parsed at start-up, carry a few unknown elements) parsing stays
 * lenient, except for JSON types.
 */
public final class ClientDataErrorHandler extends LenientErrorHandler {

	/** Closes the client-request scope of the current thread. */
	public interface Scope extends AutoCloseable {
		@Override
		void close();
	}

	private static final ThreadLocal<Boolean> CLIENT_REQUEST = new ThreadLocal<>();

	/** Marks the current thread as handling a client request until the scope is closed. */
	public static Scope clientRequest() {
		CLIENT_REQUEST.set(Boolean.TRUE);
		return CLIENT_REQUEST::remove;
	}

	private static boolean inClientRequest() {
		return Boolean.TRUE.equals(CLIENT_REQUEST.get());
	}

	@Override
	public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
			BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
			BaseJsonLikeValue.ScalarType foundScalar) {
		throw new DataFormatException("[element=\"" + elementName + "\"] "
				+ createIncorrectJsonTypeMessage(elementName, expected, expectedScalar, found, foundScalar));
	}

	@Override
	public void unknownElement(IParseLocation location, String elementName) {
		if (inClientRequest()) {
			throw new DataFormatException("[element=\"" + where(location, elementName) + "\"] The element '" + elementName
					+ "' does not exist here in FHIR R4");
		}
		super.unknownElement(location, elementName);
	}

	@Override
	public void unknownAttribute(IParseLocation location, String attributeName) {
		if (inClientRequest()) {
			throw new DataFormatException("[element=\"" + where(location, attributeName) + "\"] The attribute '" + attributeName
					+ "' does not exist here in FHIR R4");
		}
		super.unknownAttribute(location, attributeName);
	}

	@Override
	public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
		if (inClientRequest()) {
			throw new DataFormatException("[element=\"" + where(location, elementName) + "\"] The element '" + elementName
					+ "' does not repeat");
		}
		super.unexpectedRepeatingElement(location, elementName);
	}

	private static String where(IParseLocation location, String name) {
		return location == null || location.getParentElementName() == null ? name : location.getParentElementName() + "." + name;
	}
}
