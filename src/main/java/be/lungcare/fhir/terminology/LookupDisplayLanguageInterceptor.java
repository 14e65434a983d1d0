package be.lungcare.fhir.terminology;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.ResponseDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * {@code CodeSystem/$lookup} (HAPI's) with a {@code displayLanguage}: HAPI only uses a designation whose language is
 * exactly the one asked for, and never for the display, so {@code displayLanguage=fr} on a code with an
 * {@code fr-BE} designation answers the English display. This puts the designation in that language (same rule as
 * {@code $expand}: {@code fr} takes {@code fr-BE}) in {@code display}, and adds the designations in that language that
 * the answer lacks. The designations come from the answer and from the code system of the installed IG.
 */
@Interceptor
final class LookupDisplayLanguageInterceptor implements RestInterceptor {

	private static final String LOOKUP = "$lookup";
	private static final String CODE_SYSTEM = "CodeSystem";

	/** What a lookup asked for. */
	private record Lookup(String system, String code, String displayLanguage) {}

	private final FhirContext fhirContext;
	private final CodeSystemConcepts codeSystems;

	LookupDisplayLanguageInterceptor(FhirContext fhirContext, CodeSystemConcepts codeSystems) {
		this.fhirContext = fhirContext;
		this.codeSystems = codeSystems;
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean localise(RequestDetails request, ResponseDetails response) {
		if (!LOOKUP.equals(request.getOperation()) || !CODE_SYSTEM.equals(request.getResourceName())
				|| !(response.getResponseResource() instanceof Parameters result)) {
			return true;
		}
		Optional<Lookup> lookup = lookup(request);
		Optional<DisplayLanguage> language = lookup.flatMap(l -> DisplayLanguage.ofTag(l.displayLanguage()));
		if (language.isEmpty()) {
			return true;
		}
		localise(result, lookup.get(), language.get());
		return true;
	}

	private void localise(Parameters result, Lookup lookup, DisplayLanguage language) {
		List<Designation> designations = new ArrayList<>();
		for (Parameters.ParametersParameterComponent parameter : result.getParameter()) {
			if ("designation".equals(parameter.getName())) {
				designations.add(designation(parameter));
			}
		}
		for (Designation fromCodeSystem : codeSystems.designations(lookup.system(), lookup.code())) {
			if (designations.stream().noneMatch(fromCodeSystem::sameAs)) {
				designations.add(fromCodeSystem);
				if (language.matches(fromCodeSystem.language())) {
					addDesignation(result, fromCodeSystem);
				}
			}
		}
		language.choose(designations).ifPresent(chosen -> {
			Parameters.ParametersParameterComponent display = result.getParameter("display");
			if (display == null) {
				result.addParameter().setName("display").setValue(new StringType(chosen.value()));
			} else {
				display.setValue(new StringType(chosen.value()));
			}
		});
	}

	private static Designation designation(Parameters.ParametersParameterComponent parameter) {
		String language = null;
		Coding use = null;
		String value = null;
		for (Parameters.ParametersParameterComponent part : parameter.getPart()) {
			Type partValue = part.getValue();
			switch (part.getName()) {
				case "language" -> language = partValue == null ? null : partValue.primitiveValue();
				case "use" -> use = partValue instanceof Coding coding ? coding : null;
				case "value" -> value = partValue == null ? null : partValue.primitiveValue();
				default -> { }
			}
		}
		return new Designation(language, use, value);
	}

	private static void addDesignation(Parameters result, Designation designation) {
		Parameters.ParametersParameterComponent parameter = result.addParameter().setName("designation");
		if (designation.language() != null) {
			parameter.addPart().setName("language").setValue(new CodeType(designation.language()));
		}
		if (designation.use() != null) {
			parameter.addPart().setName("use").setValue(designation.use().copy());
		}
		parameter.addPart().setName("value").setValue(new StringType(designation.value()));
	}

	/** The system, code and display language of the lookup: from the URL (GET), or from the Parameters body (POST). */
	private Optional<Lookup> lookup(RequestDetails request) {
		if (request.getRequestType() == RequestTypeEnum.GET) {
			String system = first(request, "system");
			String code = first(request, "code");
			String coding = first(request, "coding");
			if (coding != null) {
				TokenParam token = new TokenParam();
				token.setValueAsQueryToken(fhirContext, "coding", null, coding);
				system = token.getSystem();
				code = token.getValue();
			}
			return Optional.of(new Lookup(system, code, first(request, "displayLanguage")));
		}
		return body(request).map(body -> {
			Parameters.ParametersParameterComponent coding = body.getParameter("coding");
			if (coding != null && coding.getValue() instanceof Coding value) {
				return new Lookup(value.getSystem(), value.getCode(), primitive(body, "displayLanguage"));
			}
			return new Lookup(primitive(body, "system"), primitive(body, "code"), primitive(body, "displayLanguage"));
		});
	}

	private Optional<Parameters> body(RequestDetails request) {
		EncodingEnum encoding = RestfulServerUtils.determineRequestEncodingNoDefault(request);
		byte[] contents = request.loadRequestContents();
		if (encoding == null || contents == null || contents.length == 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(encoding.newParser(fhirContext)
					.parseResource(Parameters.class, new String(contents, StandardCharsets.UTF_8)));
		} catch (DataFormatException e) {
			return Optional.empty(); // HAPI answered it, so it parsed; nothing to localise otherwise
		}
	}

	private static String first(RequestDetails request, String name) {
		String[] values = request.getParameters().get(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	private static String primitive(Parameters body, String name) {
		Parameters.ParametersParameterComponent parameter = body.getParameter(name);
		return parameter == null || parameter.getValue() == null ? null : parameter.getValue().primitiveValue();
	}
}
