package be.lungcare.fhir.access;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizationInterceptor;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRule;
import ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOp;
import ca.uhn.fhir.rest.server.interceptor.auth.PolicyEnum;
import ca.uhn.fhir.rest.server.interceptor.auth.RuleBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * HAPI's authorization rules, built per request from the token's SMART scopes: which resources a request may
 * read, create, update or delete. {@code system/} scopes reach every resource of their types; {@code patient/}
 * scopes the token's patient compartment; {@code user/} scopes the compartments of the practitioner's patients
 * ({@link CareRelationships}). Shared directory and conformance types are readable with a matching scope in any
 * context. HAPI checks every resource read (search results, includes, {@code $everything}) and written
 * (transaction entries too) against these rules; anything they do not allow is refused with 403.
 * Which interaction a scope names (c, r, u, d, s) is checked exactly by {@link ScopeInteractionInterceptor}.
 */
@Interceptor(order = HookOrder.ACCESS_RULES)
final class ScopeRulesInterceptor extends AuthorizationInterceptor implements RestInterceptor {

	private static final List<String> TERMINOLOGY_OPERATIONS = List.of("$expand", "$validate-code", "$lookup", "$translate");

	private final AccessGrants grants;

	ScopeRulesInterceptor(AccessGrants grants) {
		super(PolicyEnum.DENY);
		this.grants = grants;
	}

	@Override
	public List<IAuthRule> buildRuleList(RequestDetails request) {
		RuleBuilder rules = new RuleBuilder();
		rules.allow("capabilities").metadata();
		AccessGrant grant = grants.of(request);
		if (grant == null) {
			return rules.denyAll("This request needs a bearer token").build();
		}
		rules.allow("validation").operation().named("$validate").atAnyLevel().andAllowAllResponses();
		for (String operation : TERMINOLOGY_OPERATIONS) {
			for (Class<? extends org.hl7.fhir.r4.model.Resource> type : List.of(ValueSet.class, CodeSystem.class, ConceptMap.class)) {
				if (grant.allowsAnywhere(type.getSimpleName(), SmartScope.Permission.READ)) {
					rules.allow("terminology").operation().named(operation).onType(type).andAllowAllResponses();
					rules.allow("terminology").operation().named(operation).onInstancesOfType(type).andAllowAllResponses();
				}
			}
		}
		if (grant.allowsAnywhere("Patient", SmartScope.Permission.READ)) {
			// every resource it returns must be readable under the rules below
			rules.allow("everything").operation().named("$everything").onInstancesOfType(Patient.class).andRequireExplicitResponseAuthorization();
		}
		if (grant.allows(SmartScope.Context.SYSTEM, "*", SmartScope.Permission.READ)) {
			// bulk export: the research feature pseudonymises research clients' exports and keeps each export to its client
			rules.allow("export").operation().named("$export").onServer().andAllowAllResponses();
			rules.allow("export").operation().named("$export").onType(Patient.class).andAllowAllResponses();
			rules.allow("export").operation().named("$export").onInstancesOfType(Group.class).andAllowAllResponses();
			rules.allow("export").bulkExport().any().andThen();
		}
		if (grant.allows(SmartScope.Context.SYSTEM, "Subscription", SmartScope.Permission.UPDATE)) {
			// which subscription: the client's own (the subscriptions feature checks the owner)
			rules.allow("trigger").operation().named("$trigger-subscription").onInstancesOfType(Subscription.class).andAllowAllResponses();
			rules.allow("trigger").operation().named("$trigger-subscription").onType(Subscription.class).andAllowAllResponses();
		}
		if (grant.has(SmartScope.Context.SYSTEM)) {
			rules.allow("export status").operation().named("$export-poll-status").onServer().andAllowAllResponses();
			// counts only; the populations they may store as Groups are exported pseudonymised to research clients
			rules.allow("indicators").operation().named("$lungcare-indicators").onServer().andAllowAllResponses();
			rules.allow("indicators").operation().named("$lungcare-indicator-report").onServer().andAllowAllResponses();
			rules.allow("export files").read().resourcesOfType("Binary").withAnyId().andThen();
		}
		rules.allow("bundles").transaction().withAnyOperation().andApplyNormalRules();
		if (grant.scopes().stream().anyMatch(s -> s.allows(SmartScope.Permission.UPDATE))) {
			rules.allow("patch").patch().allRequests(); // the patched resource is then held to the update rules
		}
		for (SmartScope scope : grant.scopes()) {
			add(rules, grant, scope);
		}
		return rules.denyAll("Not allowed for this token: the resource belongs to a patient outside its reach (no care relationship, "
				+ "or not the token's patient), or its scopes do not name it").build();
	}

	private void add(RuleBuilder rules, AccessGrant grant, SmartScope scope) {
		String name = scope.context().name().toLowerCase() + "/" + scope.resourceType();
		for (SmartScope.Permission permission : List.of(SmartScope.Permission.READ, SmartScope.Permission.CREATE,
				SmartScope.Permission.UPDATE, SmartScope.Permission.DELETE)) {
			boolean named = scope.allows(permission) || (permission == SmartScope.Permission.READ && scope.allows(SmartScope.Permission.SEARCH));
			if (!named) {
				continue;
			}
			Supplier<IAuthRuleBuilderRuleOp> op = () -> switch (permission) {
				case READ -> rules.allow(name).read();
				case CREATE -> rules.allow(name).create();
				case UPDATE -> rules.allow(name).write();
				default -> rules.allow(name).delete();
			};
			if (scope.context() == SmartScope.Context.SYSTEM) {
				if (grant.research()) {
					shared(op, scope, permission); // research clients: no patient data over REST
				} else if (scope.hasFilter()) {
					types(op, scope).withFilter(filter(scope));
				} else {
					types(op, scope).withAnyId();
				}
				continue;
			}
			shared(op, scope, permission);
			if (scope.context() == SmartScope.Context.PATIENT) {
				String patient = grants.patientOf(grant);
				if (patient == null) {
					continue;
				}
				if (scope.hasFilter()) {
					types(op, scope).inCompartmentWithFilter("Patient", new IdType("Patient", patient), filter(scope));
				} else {
					types(op, scope).inCompartment("Patient", new IdType("Patient", patient));
				}
			} else if (!scope.hasFilter()) { // user/ scopes with a filter grant nothing (documented)
				Set<String> patients = grants.patientsOfPractitioner(grant);
				if (!patients.isEmpty()) {
					List<IIdType> owners = patients.stream().map(id -> (IIdType) new IdType("Patient", id)).toList();
					types(op, scope).inCompartment("Patient", owners);
				}
				if (permission == SmartScope.Permission.CREATE && scope.covers("Patient")) {
					rules.allow(name).create().resourcesOfType("Patient").withAnyId(); // registering a new patient
				}
			}
		}
	}

	/** The shared types the scope covers, any instance, for reading (and writing, for a system/ scope only). */
	private static void shared(Supplier<IAuthRuleBuilderRuleOp> op, SmartScope scope, SmartScope.Permission permission) {
		if (permission != SmartScope.Permission.READ && scope.context() != SmartScope.Context.SYSTEM) {
			return; // practitioners and patients do not edit the directory
		}
		for (String type : AccessTypes.SHARED) {
			if (scope.covers(type)) {
				(scope.hasFilter() ? op.get().resourcesOfType(type).withFilter(filter(scope)) : op.get().resourcesOfType(type).withAnyId()).andThen();
			}
		}
	}

	private static ca.uhn.fhir.rest.server.interceptor.auth.IAuthRuleBuilderRuleOpClassifier types(Supplier<IAuthRuleBuilderRuleOp> op, SmartScope scope) {
		return "*".equals(scope.resourceType()) ? op.get().allResources() : op.get().resourcesOfType(scope.resourceType());
	}

	private static String filter(SmartScope scope) {
		return scope.filter().entrySet().stream()
				.flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)))
				.collect(Collectors.joining("&"));
	}
}
