package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.research.Pseudonymiser.DatePolicy;
import be.lungcare.fhir.synthetic.PopulationGenerator;
import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;
import org.junit.jupiter.api.Test;

/**
 * The promises of the research export, checked on the JSON a researcher would get: realistic resources of one COPD
 * patient (and his partner and GP), the example bundles, a synthetic population, and every R4 resource type filled
 * with notes, SSINs, displays and dates. Leaks are looked for as text in the encoded JSON, so an element missed by
 * the walk shows up whatever its path.
 */
class PseudonymiserTest {

	private static final FhirContext FHIR = FhirContext.forR4Cached();
	private static final byte[] KEY = key(1);
	private static final byte[] OTHER_KEY = key(2);
	private static final int MAX_SHIFT = 30;

	private static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	private static final String NIHDI_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	private static final String PROFILE = "https://fhir.lungcare.be/StructureDefinition/lungcare-patient";
	private static final String BASE = "https://fhir.hospital.example/fhir/";

	private static final String PATIENT_ID = "pat-7f3a91c2";
	private static final String OTHER_PATIENT_ID = "pat-2b8e44d0";
	private static final String SSIN = "68051704535";
	private static final String HOSPITAL_NUMBER = "MRN-99817723";
	private static final String PARTNER_SSIN = "70021236441";
	private static final String NIHDI = "13456769003";
	private static final String OTHER_NIHDI = "19123456004";
	private static final String LICENCE = "VISA-2011-88123";
	private static final String PHOTO = "SlBFR2Jvb2d1c3Bob3Rv";
	private static final String BIRTH_DATE = "1968-05-17";

	/** Every full date of the patient's resources; they are more than MAX_SHIFT days apart, so no shift maps one onto another. */
	private static final List<String> PATIENT_DATES = List.of(BIRTH_DATE, "2019-11-02", "2020-04-20", "2020-07-14", "2023-10-02",
			"2024-01-08", "2024-03-12", "2024-05-27", "2024-08-06", "2024-12-31", "2025-02-11", "2025-06-30");

	/** What identifies the patient, a relative or a practitioner directly; none of it may be left anywhere in an export. */
	private static final List<String> DIRECT_IDENTIFIERS = List.of(SSIN, HOSPITAL_NUMBER, PARTNER_SSIN, NIHDI, OTHER_NIHDI, LICENCE,
			PHOTO, PATIENT_ID, "Vermeulen", "Marc", "Jozef", "Annick", "Claes", "Sofie", "Jansens", "Pieter", "De Smet",
			"+32 9 123 45 67", "marc.vermeulen@telenet.example", "+32 476 55 44 33", "sofie.jansens@huisartsen.example",
			"+32 9 222 11 00", "Kortrijksesteenweg 212", "Veldstraat 58", "Sint-Pietersnieuwstraat 33", "Gent", "\"9000\"",
			"short of breath", "06:45:00", "vip-flag", "#aB3xQ9");

	private final Pseudonymiser shifting = new Pseudonymiser(KEY, DatePolicy.SHIFT, MAX_SHIFT);
	private final Pseudonymiser truncating = new Pseudonymiser(KEY, DatePolicy.TRUNCATE, MAX_SHIFT);
	private final String pseudonym = shifting.pseudonym(PATIENT_ID);

	@Test
	void thePatientLosesEveryDirectIdentifierAndGetsItsPseudonym() {
		Patient patient = patient();
		shifting.apply(patient, PATIENT_ID);

		assertThat(patient.getIdElement().getValue()).isEqualTo(pseudonym);
		assertThat(patient.hasIdentifier() || patient.hasName() || patient.hasTelecom() || patient.hasAddress() || patient.hasPhoto()
				|| patient.hasContact() || patient.hasLink()).isFalse();
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1968");
		assertThat(patient.getGender()).isEqualTo(AdministrativeGender.MALE);
		assertThat(patient.getGeneralPractitionerFirstRep().getReference()).isEqualTo("Practitioner/prac-1");
		String json = json(patient);
		assertThat(json).contains("\"birthDate\":\"1968\"", pseudonym).doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new));
		assertThat(json).doesNotContain(PATIENT_DATES.toArray(String[]::new));
	}

	@Test
	void relatedPersonPractitionerAndRoleLoseTheirDirectIdentifiers() {
		RelatedPerson partner = relatedPerson();
		Practitioner practitioner = practitioner();
		PractitionerRole role = practitionerRole();
		shifting.apply(partner, PATIENT_ID);
		shifting.apply(practitioner, null);
		shifting.apply(role, null);

		assertThat(partner.hasIdentifier() || partner.hasName() || partner.hasTelecom() || partner.hasAddress() || partner.hasPhoto()).isFalse();
		assertThat(partner.getPatient().getReference()).isEqualTo("Patient/" + pseudonym);
		assertThat(partner.getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("WIFE");
		assertThat(practitioner.hasIdentifier() || practitioner.hasName() || practitioner.hasTelecom() || practitioner.hasAddress()
				|| practitioner.hasPhoto() || practitioner.getQualificationFirstRep().hasIdentifier()).isFalse();
		assertThat(practitioner.getQualificationFirstRep().getCode().getText()).isEqualTo("huisarts");
		assertThat(role.hasTelecom()).isFalse();
		assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/prac-1");
		assertThat(json(partner) + json(practitioner) + json(role)).doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new));
	}

	@Test
	void aCareTeamLosesItsNameWhichNamesThePatient() {
		CareTeam team = careTeam(PATIENT_ID);
		shifting.apply(team, PATIENT_ID);

		assertThat(team.hasName()).isFalse();
		assertThat(team.getParticipant()).extracting(p -> p.getMember().getReference()).containsExactly("Practitioner/prac-1", "RelatedPerson/rp-1");
		assertThat(json(team)).contains("Patient/" + pseudonym).doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new));
	}

	@Test
	void displaysLogicalReferencesNotesAndSsinsAreGoneFromEveryResource() {
		Observation observation = observation(PATIENT_ID);
		Condition condition = condition(PATIENT_ID);
		shifting.apply(observation, PATIENT_ID);
		shifting.apply(condition, PATIENT_ID);

		assertThat(observation.getSubject().getReference()).isEqualTo("Patient/" + pseudonym);
		assertThat(observation.getSubject().hasDisplay()).isFalse();
		assertThat(observation.getPerformer()).hasSize(1);
		assertThat(observation.getPerformerFirstRep().getReference()).isEqualTo("Practitioner/prac-1");
		assertThat(observation.getPerformerFirstRep().hasDisplay()).isFalse();
		assertThat(observation.hasNote() || condition.hasNote()).isFalse();
		assertThat(observation.getIdentifier()).extracting(Identifier::getValue).containsExactly("LAB-2024-0042");
		assertThat(observation.getValueQuantity().getValue()).isEqualByComparingTo("2.1");
		assertThat(condition.getAsserter().getReference()).isEqualTo("Practitioner/prac-1");
		String json = json(observation) + json(condition);
		assertThat(json).contains("\"display\":\"FEV1\"").doesNotContain("\"display\":\"Dr", "\"display\":\"Marc", "\"note\"")
				.doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new));
	}

	@Test
	void everyReferenceToAPatientBecomesItsRelativeUnversionedPseudonym() {
		CarePlan plan = carePlan(PATIENT_ID);
		plan.addSupportingInfo(new Reference("Patient/" + OTHER_PATIENT_ID));
		shifting.apply(plan, PATIENT_ID);

		assertThat(plan.getSubject().getReference()).isEqualTo("Patient/" + pseudonym);
		assertThat(plan.getAuthor().getReference()).isEqualTo("Patient/" + pseudonym);
		assertThat(plan.getSupportingInfo()).extracting(Reference::getReference)
				.containsExactly("Patient/" + shifting.pseudonym(OTHER_PATIENT_ID));
		assertThat(plan.getContributor()).extracting(Reference::getReference).containsExactly("RelatedPerson/rp-1");
		assertThat(plan.getCareTeam()).extracting(Reference::getReference).containsExactly("CareTeam/ct-1");
		assertThat(plan.getIdElement().getValue()).isEqualTo("cp-1");
		assertThat(json(plan)).doesNotContain(PATIENT_ID, OTHER_PATIENT_ID, BASE, "_history", "Claes", "Annick");
	}

	@Test
	void containedResourcesArePseudonymisedWithTheSamePatient() {
		MedicationRequest request = medicationRequest(PATIENT_ID);
		shifting.apply(request, PATIENT_ID);

		assertThat(request.getContained()).hasSize(2);
		Practitioner prescriber = (Practitioner) request.getContained().stream().filter(Practitioner.class::isInstance).findFirst().orElseThrow();
		assertThat(prescriber.hasName() || prescriber.hasIdentifier()).isFalse();
		assertThat(request.getRequester().getReference()).isEqualTo("#req");
		assertThat(request.getMedicationReference().getReference()).isEqualTo("#med");
		assertThat(request.getAuthoredOnElement().getValueAsString()).isEqualTo(shiftedDay("2024-08-06", PATIENT_ID) + "T10:15:00+02:00");
		String json = json(request);
		assertThat(json).contains("\"contained\"", "\"id\":\"req\"", "\"id\":\"med\"", "Salbutamol")
				.doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new)).doesNotContain("2024-08-06");
	}

	@Test
	void metaKeepsOnlyTheProfilesAndTheNarrativeIsGone() {
		Patient patient = patient();
		Observation observation = observation(PATIENT_ID);
		observation.getMeta().setVersionId("7").setSource("#lab");
		shifting.apply(patient, PATIENT_ID);
		shifting.apply(observation, PATIENT_ID);

		assertThat(patient.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(PROFILE);
		assertThat(patient.getMeta().hasVersionId() || patient.getMeta().hasLastUpdated() || patient.getMeta().hasSource()
				|| patient.getMeta().hasTag() || patient.getMeta().hasSecurity()).isFalse();
		assertThat(patient.hasText()).isFalse();
		assertThat(observation.hasMeta()).isFalse();
		assertThat(json(patient)).contains(PROFILE).doesNotContain("versionId", "lastUpdated", "\"source\"", "\"tag\"", "\"security\"",
				"\"text\"", "div");
		assertThat(json(observation)).doesNotContain("\"meta\"");
	}

	@Test
	void nothingThatIdentifiesAPersonIsLeftInTheWholeExport() {
		List<Resource> export = new ArrayList<>();
		for (Resource resource : List.of(patient(), relatedPerson(), observation(PATIENT_ID), condition(PATIENT_ID), carePlan(PATIENT_ID),
				careTeam(PATIENT_ID), medicationRequest(PATIENT_ID))) {
			shifting.apply(resource, PATIENT_ID);
			export.add(resource);
		}
		for (Resource resource : List.of(practitioner(), practitionerRole())) {
			shifting.apply(resource, null);
			export.add(resource);
		}
		String json = String.join("\n", export.stream().map(PseudonymiserTest::json).toList());

		assertThat(json).doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new));
		assertThat(json).doesNotContain(PATIENT_DATES.toArray(String[]::new));
		assertThat(json).contains("Patient/" + pseudonym, "Practitioner/prac-1", "\"birthDate\":\"1968\"");
	}

	@Test
	void pseudonymsAreStablePerKeyDifferBetweenKeysAndAreValidIds() throws GeneralSecurityException {
		Pseudonymiser again = new Pseudonymiser(KEY.clone(), DatePolicy.TRUNCATE, 5);
		Pseudonymiser otherProject = new Pseudonymiser(OTHER_KEY, DatePolicy.SHIFT, MAX_SHIFT);

		assertThat(again.pseudonym(PATIENT_ID)).isEqualTo(pseudonym);
		assertThat(otherProject.pseudonym(PATIENT_ID)).isNotEqualTo(pseudonym);
		assertThat(shifting.pseudonym(OTHER_PATIENT_ID)).isNotEqualTo(pseudonym);
		assertThat(pseudonym).matches("[0-9a-f]{64}").matches("[A-Za-z0-9\\-.]{1,64}");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
		assertThat(pseudonym).isEqualTo(HexFormat.of().formatHex(mac.doFinal(("patient|" + PATIENT_ID).getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void aShiftKeepsEveryIntervalAndIsTheSameAcrossThePatientsResources() {
		Observation observation = observation(PATIENT_ID);
		Condition condition = condition(PATIENT_ID);
		CarePlan plan = carePlan(PATIENT_ID);
		shifting.apply(observation, PATIENT_ID);
		shifting.apply(condition, PATIENT_ID);
		shifting.apply(plan, PATIENT_ID);

		int shift = shifting.shiftDays(PATIENT_ID);
		assertThat(shift).isNotZero().isBetween(-MAX_SHIFT, MAX_SHIFT);
		assertThat(days("2024-03-12", observation.getEffectiveDateTimeType().getValueAsString())).isEqualTo(shift);
		assertThat(days("2024-03-12", observation.getIssuedElement().getValueAsString())).isEqualTo(shift);
		Period onset = condition.getOnsetPeriod();
		assertThat(days("2019-11-02", onset.getStartElement().getValueAsString())).isEqualTo(shift);
		assertThat(days(onset.getStartElement().getValueAsString(), onset.getEndElement().getValueAsString()))
				.isEqualTo(days("2019-11-02", "2020-04-20"));
		assertThat(days(onset.getStartElement().getValueAsString(), condition.getRecordedDateElement().getValueAsString()))
				.isEqualTo(days("2019-11-02", "2020-07-14"));
		assertThat(days(plan.getPeriod().getStartElement().getValueAsString(), observation.getEffectiveDateTimeType().getValueAsString()))
				.isEqualTo(days("2024-01-08", "2024-03-12"));
		assertThat(days("2024-05-27", plan.getActivityFirstRep().getDetail().getScheduledTiming().getEvent().get(0).getValueAsString()))
				.isEqualTo(shift);
	}

	@Test
	void aShiftKeepsTimeOfDayPrecisionAndTimeZone() {
		int shift = shifting.shiftDays(PATIENT_ID);
		Observation observation = observation(PATIENT_ID);
		observation.addComponent().setCode(new CodeableConcept().setText("period")).setValue(new Period()
				.setStartElement(new DateTimeType("2023-02")).setEndElement(new DateTimeType("2023")));
		Patient patient = patient();
		shifting.apply(observation, PATIENT_ID);
		shifting.apply(patient, PATIENT_ID);

		String day = shiftedDay("2024-03-12", PATIENT_ID);
		assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo(day + "T09:30:00+01:00");
		assertThat(observation.getIssuedElement().getValueAsString()).isEqualTo(day + "T10:02:11.250+01:00");
		Period period = observation.getComponentFirstRep().getValuePeriod();
		assertThat(period.getStartElement().getValueAsString())
				.isEqualTo(YearMonth.from(LocalDate.of(2023, 2, 1).plusDays(shift)).toString());
		assertThat(period.getEndElement().getValueAsString()).isEqualTo("2023");
		assertThat(patient.getDeceasedDateTimeType().getValueAsString()).isEqualTo(shiftedDay("2025-02-11", PATIENT_ID) + "T23:10:00+01:00");
		assertThat(json(observation)).contains("\"effectiveDateTime\":\"" + day + "T09:30:00+01:00\"");
	}

	@Test
	void shiftsAreWithinBoundsNeverZeroAndDifferBetweenPatients() {
		assertThat(shifting.shiftDays(PATIENT_ID)).isNotEqualTo(shifting.shiftDays(OTHER_PATIENT_ID));
		assertThat(shifting.shiftDays(PATIENT_ID)).isEqualTo(new Pseudonymiser(KEY, DatePolicy.SHIFT, MAX_SHIFT).shiftDays(PATIENT_ID));
		Set<Integer> shifts = new TreeSet<>();
		for (int i = 0; i < 2_000; i++) {
			shifts.add(shifting.shiftDays("patient-" + i));
		}
		assertThat(shifts).doesNotContain(0).allSatisfy(shift -> assertThat(shift).isBetween(-MAX_SHIFT, MAX_SHIFT));
		assertThat(shifts).hasSize(2 * MAX_SHIFT);
		Pseudonymiser oneDay = new Pseudonymiser(KEY, DatePolicy.SHIFT, 1);
		Set<Integer> tiny = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			tiny.add(oneDay.shiftDays("patient-" + i));
		}
		assertThat(tiny).containsExactlyInAnyOrder(-1, 1);
		Observation other = observation(OTHER_PATIENT_ID);
		shifting.apply(other, OTHER_PATIENT_ID);
		assertThat(days("2024-03-12", other.getEffectiveDateTimeType().getValueAsString())).isEqualTo(shifting.shiftDays(OTHER_PATIENT_ID));
	}

	@Test
	void resourcesOfNoPatientKeepTheirDatesUnderShift() {
		Practitioner practitioner = practitioner();
		Organization organization = new Organization().setName("AZ Sint-Jan");
		organization.addExtension(new Extension("https://fhir.lungcare.be/StructureDefinition/accredited",
				new DateTimeType("2021-06-15T12:00:00+02:00")));
		shifting.apply(practitioner, null);
		shifting.apply(organization, null);

		assertThat(practitioner.getQualificationFirstRep().getPeriod().getStartElement().getValueAsString()).isEqualTo("2011-09-01");
		assertThat(((DateTimeType) organization.getExtension().get(0).getValue()).getValueAsString()).isEqualTo("2021-06-15T12:00:00+02:00");
	}

	@Test
	void truncateGivesYearMonthAndTheBirthDateGivesTheYear() {
		Patient patient = patient();
		Observation observation = observation(PATIENT_ID);
		Condition condition = condition(PATIENT_ID);
		condition.getOnsetPeriod().setEndElement(new DateTimeType("2020"));
		Practitioner practitioner = practitioner();
		truncating.apply(patient, PATIENT_ID);
		truncating.apply(observation, PATIENT_ID);
		truncating.apply(condition, PATIENT_ID);
		truncating.apply(practitioner, null);

		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1968");
		assertThat(patient.getDeceasedDateTimeType().getValueAsString()).isEqualTo("2025-02");
		assertThat(observation.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-03");
		assertThat(observation.getIssuedElement().getValueAsString()).isEqualTo("2024-03-01T00:00:00+01:00");
		assertThat(condition.getOnsetPeriod().getStartElement().getValueAsString()).isEqualTo("2019-11");
		assertThat(condition.getOnsetPeriod().getEndElement().getValueAsString()).isEqualTo("2020");
		assertThat(condition.getRecordedDateElement().getValueAsString()).isEqualTo("2020-07");
		assertThat(practitioner.getQualificationFirstRep().getPeriod().getStartElement().getValueAsString()).isEqualTo("2011-09");
		String json = json(patient) + json(observation) + json(condition);
		assertThat(json).contains("\"birthDate\":\"1968\"", "\"effectiveDateTime\":\"2024-03\"", "\"recordedDate\":\"2020-07\"")
				.doesNotContain(PATIENT_DATES.toArray(String[]::new)).doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new));
	}

	@Test
	void aShortKeyOrAnImpossibleShiftIsRefused() {
		assertThatThrownBy(() -> new Pseudonymiser(new byte[31], DatePolicy.SHIFT, MAX_SHIFT))
				.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new Pseudonymiser(null, DatePolicy.SHIFT, MAX_SHIFT)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Pseudonymiser(KEY, DatePolicy.SHIFT, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Pseudonymiser(KEY, DatePolicy.SHIFT, Pseudonymiser.MAX_SHIFT_DAYS + 1))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(new Pseudonymiser(new byte[32], DatePolicy.SHIFT, 1).pseudonym("x")).hasSize(64);
	}

	@Test
	void notesNamesAndSsinsInsideExtensionsAndOtherResourcesAreRemoved() {
		Condition condition = condition(PATIENT_ID);
		condition.addExtension(new Extension("https://fhir.lungcare.be/StructureDefinition/remark",
				new Annotation().setText("told by his daughter Els")));
		condition.addStage().setSummary(new CodeableConcept().setText("GOLD 3")).addExtension(new Extension(
				"https://fhir.lungcare.be/StructureDefinition/informant", new HumanName().setFamily("Peeters").addGiven("Els")));
		condition.getEvidenceFirstRep().addModifierExtension(new Extension("https://fhir.lungcare.be/StructureDefinition/source",
				new Identifier().setSystem(SSIN_SYSTEM).setValue(PARTNER_SSIN)));
		Organization practice = new Organization().setName("Huisartsenpraktijk Zuid");
		practice.addContact().setName(new HumanName().setFamily("Peeters").addGiven("Els"));
		shifting.apply(condition, PATIENT_ID);
		shifting.apply(practice, null);

		assertThat(condition.hasExtension()).isFalse();
		assertThat(condition.getStageFirstRep().hasExtension()).isFalse();
		assertThat(condition.getStageFirstRep().getSummary().getText()).isEqualTo("GOLD 3");
		assertThat(json(condition) + json(practice)).doesNotContain("Els", "Peeters", PARTNER_SSIN, "remark", "informant", "/source");
		assertThat(json(practice)).contains("Huisartsenpraktijk Zuid");
	}

	@Test
	void inMemoryAndConditionalReferencesLeakNothing() {
		Patient patient = patient();
		patient.setId(PATIENT_ID);
		Observation observation = observation(PATIENT_ID);
		observation.setSubject(new Reference(patient));
		observation.addBasedOn(new Reference(new Patient().addIdentifier(new Identifier().setSystem(SSIN_SYSTEM).setValue(SSIN))));
		observation.addFocus(new Reference("Patient?identifier=" + SSIN_SYSTEM + "|" + SSIN));
		shifting.apply(observation, PATIENT_ID);

		assertThat(observation.getSubject().getReference()).isEqualTo("Patient/" + pseudonym);
		assertThat(observation.getSubject().getResource()).isNull();
		assertThat(observation.hasBasedOn() || observation.hasFocus()).isFalse();
		assertThat(json(observation)).doesNotContain(SSIN, "Vermeulen", "\"contained\"");
	}

	@Test
	void aReferenceByObjectToAContainedResourceStaysLocal() {
		MedicationRequest request = byObject(medicationRequest(PATIENT_ID));
		assertThat(request.getMedicationReference().hasReference()).isFalse();
		// (encoding fills in the reference texts, so it is shown on a twin)
		assertThat(json(byObject(medicationRequest(PATIENT_ID)))).contains("\"reference\":\"#med\"", "Pieter");
		shifting.apply(request, PATIENT_ID);

		assertThat(request.getMedicationReference().getReference()).isEqualTo("#med");
		assertThat(request.getRequester().getReference()).isEqualTo("#req");
		assertThat(json(request)).contains("\"reference\":\"#med\"", "\"reference\":\"#req\"", "Salbutamol").doesNotContain("Pieter", OTHER_NIHDI);
	}

	@Test
	void aBundleLosesItsUrlsAndEachEntryIsPseudonymised() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
		bundle.addLink().setRelation("self").setUrl(BASE + "Patient?identifier=" + SSIN_SYSTEM + "|" + SSIN);
		bundle.addEntry().setFullUrl(BASE + "Patient/" + PATIENT_ID).setResource(patient());
		bundle.addEntry().setFullUrl(BASE + "Observation/obs-fev1").setResource(observation(PATIENT_ID))
				.getResponse().setStatus("200").setLocation(BASE + "Observation/obs-fev1/_history/1");
		shifting.apply(bundle, PATIENT_ID);

		assertThat(bundle.getEntry().get(0).getResource().getIdElement().getValue()).isEqualTo(pseudonym);
		assertThat(bundle.getEntry()).allSatisfy(entry -> assertThat(entry.hasFullUrl() || entry.hasResponse()).isFalse());
		assertThat(json(bundle)).doesNotContain(BASE).doesNotContain(DIRECT_IDENTIFIERS.toArray(String[]::new))
				.doesNotContain(PATIENT_DATES.toArray(String[]::new));
	}

	@Test
	void everyResourceTypeIsHandledWithoutAnExceptionAndWithoutLeaks() {
		List<String> failures = new ArrayList<>();
		int withPseudonym = 0;
		for (String type : new TreeSet<>(FHIR.getResourceTypes())) {
			for (Pseudonymiser pseudonymiser : List.of(shifting, truncating)) {
				Resource resource = (Resource) FHIR.getResourceDefinition(type).newInstance();
				fill(resource, 0);
				String json;
				try {
					pseudonymiser.apply(resource, PATIENT_ID);
					json = json(resource);
				} catch (RuntimeException e) {
					failures.add(type + ": " + e);
					continue;
				}
				for (String leak : List.of(SSIN, "Dr. Pieter De Smet", "short of breath", PATIENT_ID, "2021-03-04")) {
					if (json.contains(leak)) {
						failures.add(type + " keeps " + leak);
					}
				}
				withPseudonym += json.contains("Patient/" + pseudonym) ? 1 : 0;
			}
		}
		assertThat(failures).isEmpty();
		assertThat(withPseudonym).as("resources whose patient references were rewritten").isGreaterThan(100);
		Observation unfilled = new Observation();
		shifting.apply(unfilled, null);
		shifting.apply(null, PATIENT_ID);
		assertThat(json(unfilled)).isEqualTo("{\"resourceType\":\"Observation\"}");
	}

	@Test
	void theExampleBundlesLeaveNoDirectIdentifier() throws IOException {
		Path examples = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "examples");
		List<Path> files;
		try (var list = Files.list(examples)) {
			files = list.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(4);
		for (Path file : files) {
			assertNoDirectIdentifierLeft(file.getFileName().toString(), FHIR.newJsonParser().parseResource(Bundle.class, Files.readString(file)));
		}
	}

	@Test
	void aSyntheticPopulationLeavesNoDirectIdentifier() {
		Iterator<Bundle> bundles = new PopulationGenerator(20261201L).bundles(30, 1);
		for (int i = 0; bundles.hasNext(); i++) {
			assertNoDirectIdentifierLeft("synthetic patient " + i, bundles.next());
		}
	}

	/**
	 * Pseudonymises every entry of a bundle of one patient (Practitioner, PractitionerRole and Organization as
	 * resources of no patient) and finds none of the identifying values of the bundle's people in the result, as a
	 * word of its own (so a postal code inside a pseudonym does not count). Organizations are not scanned: they are
	 * not persons, and their names and addresses (a hospital named after its city) are kept by design.
	 */
	private void assertNoDirectIdentifierLeft(String label, Bundle bundle) {
		Set<String> identifying = identifyingValues(bundle);
		assertThat(identifying).as(label).hasSizeGreaterThan(10);
		// the patient's id as the parser gave it (from fullUrl), as an export would pass it; or one of our own
		String patientId = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Patient.class::isInstance)
				.map(patient -> patient.getIdElement().getIdPart()).filter(id -> id != null).findFirst().orElse("bundle-patient");
		StringBuilder export = new StringBuilder();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			boolean ofNoPatient = resource instanceof Practitioner || resource instanceof PractitionerRole || resource instanceof Organization;
			shifting.apply(resource, ofNoPatient ? null : patientId);
			if (!(resource instanceof Organization)) {
				export.append(json(resource)).append('\n');
			}
		}
		List<String> left = new ArrayList<>();
		for (String value : identifying) {
			if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])").matcher(export).find()) {
				left.add(value);
			}
		}
		assertThat(left).as(label + " keeps direct identifiers in\n" + export).isEmpty();
		assertThat(export).contains("\"id\":\"" + shifting.pseudonym(patientId) + "\"").doesNotContain("\"display\":\"Dr");
	}

	// ---- fixtures: one COPD patient of Gent, her partner, his GP, and his record ----

	private static Patient patient() {
		Patient patient = new Patient();
		patient.setId(BASE + "Patient/" + PATIENT_ID + "/_history/3");
		patient.getMeta().addProfile(PROFILE).setVersionId("3").setLastUpdatedElement(new InstantType("2025-06-30T14:12:09.512+02:00"))
				.setSource("#aB3xQ9").addTag("https://fhir.hospital.example/tags", "vip-flag", null)
				.addSecurity(new Coding("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R", "restricted"));
		patient.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
				.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Marc Vermeulen, 17/05/1968</div>");
		patient.addIdentifier().setSystem(SSIN_SYSTEM).setValue(SSIN);
		patient.addIdentifier().setSystem("https://fhir.hospital.example/sid/mrn").setValue(HOSPITAL_NUMBER);
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily("Vermeulen").addGiven("Marc").addGiven("Jozef");
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+32 9 123 45 67");
		patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("marc.vermeulen@telenet.example");
		patient.addAddress().addLine("Kortrijksesteenweg 212").setCity("Gent").setPostalCode("9000").setCountry("BE");
		patient.setGender(AdministrativeGender.MALE);
		patient.setBirthDateElement(new DateType(BIRTH_DATE));
		patient.getBirthDateElement().addExtension(new Extension("http://hl7.org/fhir/StructureDefinition/patient-birthTime",
				new DateTimeType("1968-05-17T06:45:00+01:00")));
		patient.setDeceased(new DateTimeType("2025-02-11T23:10:00+01:00"));
		patient.addPhoto(new Attachment().setContentType("image/jpeg").setDataElement(new Base64BinaryType(PHOTO)));
		Patient.ContactComponent contact = patient.addContact();
		contact.addRelationship().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v2-0131", "N", "Next-of-Kin"));
		contact.setName(new HumanName().setFamily("Claes").addGiven("Annick"));
		contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+32 476 55 44 33");
		contact.setAddress(new Address().addLine("Kortrijksesteenweg 212").setCity("Gent").setPostalCode("9000"));
		patient.addLink().setOther(new Reference("Patient/pat-old-0001").setDisplay("Marc Vermeulen (old record)"))
				.setType(Patient.LinkType.REPLACES);
		patient.addGeneralPractitioner(new Reference("Practitioner/prac-1").setDisplay("Dr. Sofie Jansens"));
		patient.setManagingOrganization(new Reference("Organization/org-1").setDisplay("AZ Gent Zuid")
				.setIdentifier(new Identifier().setSystem("https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization")
						.setValue("71000436000")));
		return patient;
	}

	private static RelatedPerson relatedPerson() {
		RelatedPerson partner = new RelatedPerson();
		partner.setId("rp-1");
		partner.setPatient(new Reference("Patient/" + PATIENT_ID).setDisplay("Marc Vermeulen"));
		partner.addIdentifier().setSystem(SSIN_SYSTEM).setValue(PARTNER_SSIN);
		partner.addRelationship().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "WIFE", "wife"));
		partner.addName().setFamily("Claes").addGiven("Annick");
		partner.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+32 476 55 44 33");
		partner.addAddress().addLine("Veldstraat 58").setCity("Gent").setPostalCode("9000");
		partner.addPhoto().setContentType("image/jpeg").setDataElement(new Base64BinaryType(PHOTO));
		return partner;
	}

	private static Practitioner practitioner() {
		Practitioner practitioner = new Practitioner();
		practitioner.setId("prac-1");
		practitioner.addIdentifier().setSystem(NIHDI_SYSTEM).setValue(NIHDI);
		practitioner.addName().setFamily("Jansens").addGiven("Sofie").addPrefix("Dr.");
		practitioner.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("sofie.jansens@huisartsen.example");
		practitioner.addAddress().addLine("Sint-Pietersnieuwstraat 33").setCity("Gent").setPostalCode("9000");
		practitioner.addQualification().setCode(new CodeableConcept().setText("huisarts"))
				.setPeriod(new Period().setStartElement(new DateTimeType("2011-09-01")))
				.addIdentifier().setSystem("https://www.riziv.fgov.be/visa").setValue(LICENCE);
		return practitioner;
	}

	private static PractitionerRole practitionerRole() {
		PractitionerRole role = new PractitionerRole();
		role.setId("role-1");
		role.setPractitioner(new Reference("Practitioner/prac-1").setDisplay("Dr. Sofie Jansens"));
		role.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("+32 9 222 11 00");
		role.addCode().addCoding(new Coding("https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty", "persphysician", null));
		return role;
	}

	private static Observation observation(String patientId) {
		Observation observation = new Observation();
		observation.setId("obs-fev1");
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding(new Coding("http://loinc.org", "20150-9", "FEV1"));
		observation.addIdentifier().setSystem("https://fhir.hospital.example/sid/lab").setValue("LAB-2024-0042");
		observation.addIdentifier().setSystem(SSIN_SYSTEM).setValue(SSIN);
		observation.setSubject(new Reference("Patient/" + patientId).setDisplay("Marc Vermeulen"));
		observation.setEffective(new DateTimeType("2024-03-12T09:30:00+01:00"));
		observation.setIssuedElement(new InstantType("2024-03-12T10:02:11.250+01:00"));
		observation.addPerformer(new Reference("Practitioner/prac-1").setDisplay("Dr. Sofie Jansens"));
		observation.addPerformer(new Reference().setDisplay("Dr. Pieter De Smet")
				.setIdentifier(new Identifier().setSystem(NIHDI_SYSTEM).setValue(OTHER_NIHDI)));
		observation.setValue(new Quantity().setValue(2.1).setUnit("L").setSystem("http://unitsofmeasure.org").setCode("L"));
		observation.addNote(new Annotation().setText("Marc was short of breath after climbing the stairs with Annick")
				.setAuthor(new StringType("Sofie Jansens")).setTimeElement(new DateTimeType("2024-03-12T09:45:00+01:00")));
		return observation;
	}

	private static Condition condition(String patientId) {
		Condition condition = new Condition();
		condition.setId("cond-copd");
		condition.getCode().addCoding(new Coding("http://snomed.info/sct", "13645005", "COPD"));
		condition.setSubject(new Reference("Patient/" + patientId).setDisplay("Marc Vermeulen"));
		condition.setOnset(new Period().setStartElement(new DateTimeType("2019-11-02")).setEndElement(new DateTimeType("2020-04-20")));
		condition.setRecordedDateElement(new DateTimeType("2020-07-14"));
		condition.setAsserter(new Reference("Practitioner/prac-1").setDisplay("Dr. Sofie Jansens"));
		condition.addNote().setText("Marc smoked 30 pack-years; short of breath since 2019");
		return condition;
	}

	private static CarePlan carePlan(String patientId) {
		CarePlan plan = new CarePlan();
		plan.setId(BASE + "CarePlan/cp-1/_history/2");
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.setSubject(new Reference(BASE + "Patient/" + patientId).setDisplay("Marc Vermeulen"));
		plan.setAuthor(new Reference("Patient/" + patientId + "/_history/3"));
		plan.addContributor(new Reference("RelatedPerson/rp-1").setDisplay("Annick Claes"));
		plan.addCareTeam(new Reference("CareTeam/ct-1"));
		plan.setPeriod(new Period().setStartElement(new DateTimeType("2024-01-08")).setEndElement(new DateTimeType("2024-12-31")));
		plan.setCreatedElement(new DateTimeType("2023-10-02T11:00:00+02:00"));
		CarePlan.CarePlanActivityComponent activity = plan.addActivity();
		activity.addProgress().setText("Annick Claes helps Marc with the inhaler");
		Timing timing = new Timing();
		timing.getEvent().add(new DateTimeType("2024-05-27T08:00:00+02:00"));
		activity.getDetail().setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED).setScheduled(timing);
		return plan;
	}

	private static CareTeam careTeam(String patientId) {
		CareTeam team = new CareTeam();
		team.setId("ct-1");
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE).setName("Zorgteam COPD - Marc Vermeulen");
		team.setSubject(new Reference("Patient/" + patientId).setDisplay("Marc Vermeulen"));
		team.addParticipant().setMember(new Reference("Practitioner/prac-1").setDisplay("Dr. Sofie Jansens"))
				.setPeriod(new Period().setStartElement(new DateTimeType("2024-01-08")));
		team.addParticipant().setMember(new Reference("RelatedPerson/rp-1").setDisplay("Annick Claes"));
		return team;
	}

	private static MedicationRequest medicationRequest(String patientId) {
		Practitioner prescriber = new Practitioner();
		prescriber.setId("req");
		prescriber.addIdentifier().setSystem(NIHDI_SYSTEM).setValue(OTHER_NIHDI);
		prescriber.addName().setFamily("De Smet").addGiven("Pieter");
		Medication medication = new Medication();
		medication.setId("med");
		medication.getCode().setText("Salbutamol 100 µg inhaler");
		MedicationRequest request = new MedicationRequest();
		request.setId("mr-1");
		request.addContained(prescriber);
		request.addContained(medication);
		request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE).setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		request.setMedication(new Reference("#med"));
		request.setRequester(new Reference("#req").setDisplay("Dr. Pieter De Smet"));
		request.setSubject(new Reference("Patient/" + patientId));
		request.setAuthoredOnElement(new DateTimeType("2024-08-06T10:15:00+02:00"));
		return request;
	}

	// ---- helpers ----

	/** The request with its medication and requester referenced as objects (no reference text). */
	private static MedicationRequest byObject(MedicationRequest request) {
		for (Resource contained : request.getContained()) {
			if (contained instanceof Medication medication) {
				request.setMedication(new Reference(medication));
			} else if (contained instanceof Practitioner prescriber) {
				request.setRequester(new Reference(prescriber));
			}
		}
		return request;
	}

	private static byte[] key(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i * 7);
		}
		return key;
	}

	private static String json(Resource resource) {
		return FHIR.newJsonParser().encodeResourceToString(resource);
	}

	/** Days from one date to another, by their (local) date parts. */
	private static long days(String from, String to) {
		return ChronoUnit.DAYS.between(LocalDate.parse(from.substring(0, 10)), LocalDate.parse(to.substring(0, 10)));
	}

	private String shiftedDay(String day, String patientId) {
		return LocalDate.parse(day).plusDays(shifting.shiftDays(patientId)).toString();
	}

	/**
	 * Puts into every element of these types, down to backbone elements: a note, an SSIN identifier, a reference to the
	 * patient with a display, and a dateTime.
	 */
	private static void fill(Base element, int depth) {
		for (Property property : element.children()) {
			String name = property.getName();
			String type = property.getTypeCode();
			if (name.contains("[x]") || name.equals("contained") || name.equals("id")) {
				continue;
			}
			try {
				if (type.equals("Annotation")) {
					((Annotation) element.addChild(name)).setText("short of breath, says Marc");
				} else if (type.equals("Identifier")) {
					((Identifier) element.addChild(name)).setSystem(SSIN_SYSTEM).setValue(SSIN);
				} else if (type.startsWith("Reference(")) {
					((Reference) element.addChild(name)).setReference(BASE + "Patient/" + PATIENT_ID).setDisplay("Dr. Pieter De Smet");
				} else if (type.equals("dateTime")) {
					element.setProperty(name, new DateTimeType("2021-03-04T05:06:07+01:00"));
				} else if ((type.isEmpty() || type.equals("BackboneElement")) && depth < 2) {
					fill(element.addChild(name), depth + 1);
				}
			} catch (FHIRException | ClassCastException e) {
				// not an element this filler knows how to add; the pseudonymiser is what is under test
			}
		}
	}

	/** Identifiers, name parts, telecoms and addresses of the bundle's patients, relatives and practitioners. */
	private static Set<String> identifyingValues(Bundle bundle) {
		Set<String> values = new LinkedHashSet<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			List<Identifier> identifiers = new ArrayList<>();
			List<HumanName> names = new ArrayList<>();
			List<ContactPoint> telecoms = new ArrayList<>();
			List<Address> addresses = new ArrayList<>();
			if (resource instanceof Patient patient) {
				identifiers.addAll(patient.getIdentifier());
				names.addAll(patient.getName());
				telecoms.addAll(patient.getTelecom());
				addresses.addAll(patient.getAddress());
				patient.getContact().forEach(contact -> {
					names.add(contact.getName());
					telecoms.addAll(contact.getTelecom());
				});
				if (patient.hasBirthDate()) {
					values.add(patient.getBirthDateElement().getValueAsString());
				}
			} else if (resource instanceof RelatedPerson person) {
				identifiers.addAll(person.getIdentifier());
				names.addAll(person.getName());
				telecoms.addAll(person.getTelecom());
				addresses.addAll(person.getAddress());
			} else if (resource instanceof Practitioner practitioner) {
				identifiers.addAll(practitioner.getIdentifier());
				names.addAll(practitioner.getName());
				telecoms.addAll(practitioner.getTelecom());
				addresses.addAll(practitioner.getAddress());
			}
			identifiers.forEach(identifier -> values.add(identifier.getValue()));
			names.forEach(name -> {
				values.add(name.getFamily());
				name.getGiven().forEach(given -> values.add(given.getValue()));
			});
			telecoms.forEach(telecom -> values.add(telecom.getValue()));
			addresses.forEach(address -> {
				address.getLine().forEach(line -> values.add(line.getValue()));
				values.add(address.getCity());
				values.add(address.getPostalCode());
			});
		}
		values.remove(null);
		values.remove("");
		return values;
	}
}
