package be.lungcare.fhir.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * A small, seeded export in the shape Synthea 3 writes, the kind of foreign data an integration engine forwards:
 * US Core race, ethnicity and birth-sex extensions and profiles, Synthea's own extensions, {@code urn:oid} code
 * systems, identifier systems the server does not know, and shared organisations and practitioners created
 * conditionally and referenced by conditional URLs from every patient's transaction bundle. It also has an
 * asthma patient. None of it knows the LungCare profiles.
 */
public final class SyntheaStyleSample {

	public static final String SYNTHEA = "https://github.com/synthetichealth/synthea";
	public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
	private static final String US_CORE = "http://hl7.org/fhir/us/core/StructureDefinition/";
	private static final String SCT = "http://snomed.info/sct";
	private static final String LOINC = "http://loinc.org";

	/** The parts of the export: the shared organisations and practitioners (batches) and the patients (transactions). */
	public record Export(Bundle organizations, Bundle practitioners, List<Bundle> patients, int encountersPerPatient,
			int observationsPerEncounter) {

		/** Every resource the export should store, by type. */
		public int patientCount() {
			return patients.size();
		}
	}

	private final Random random;
	private final String run;

	/** @param run a word that makes this export's identifiers unique (several exports in one database) */
	public SyntheaStyleSample(long seed, String run) {
		this.random = new Random(seed);
		this.run = run;
	}

	public Export export(int patients, int organizations, int practitioners, int encountersPerPatient,
			int observationsPerEncounter) {
		Bundle orgBatch = new Bundle().setType(Bundle.BundleType.BATCH);
		for (int i = 0; i < organizations; i++) {
			orgBatch.addEntry().setFullUrl(uuid()).setResource(organization(i)).getRequest().setMethod(Bundle.HTTPVerb.POST)
					.setUrl("Organization").setIfNoneExist("identifier=" + SYNTHEA + "|" + orgId(i));
		}
		Bundle practitionerBatch = new Bundle().setType(Bundle.BundleType.BATCH);
		for (int i = 0; i < practitioners; i++) {
			practitionerBatch.addEntry().setFullUrl(uuid()).setResource(practitioner(i)).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Practitioner").setIfNoneExist("identifier=" + NPI + "|" + npi(i));
		}
		List<Bundle> patientBundles = new ArrayList<>();
		for (int p = 0; p < patients; p++) {
			patientBundles.add(patientBundle(p, organizations, practitioners, encountersPerPatient, observationsPerEncounter));
		}
		return new Export(orgBatch, practitionerBatch, patientBundles, encountersPerPatient, observationsPerEncounter);
	}

	public String orgId(int i) {
		return run + "-org-" + i;
	}

	public String npi(int i) {
		return run + "-npi-" + i;
	}

	public String patientId(int p) {
		return run + "-patient-" + p;
	}

	private Organization organization(int i) {
		Organization org = new Organization();
		org.getMeta().addProfile(US_CORE + "us-core-organization");
		org.addIdentifier().setSystem(SYNTHEA).setValue(orgId(i));
		org.setActive(true).setName("General Hospital " + i);
		org.addType().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/organization-type").setCode("prov");
		org.addExtension(new Extension("http://synthetichealth.github.io/synthea/utilization-encounters-extension",
				new org.hl7.fhir.r4.model.IntegerType(100 + i)));
		org.addAddress().setCity("Bedford").setState("MA").setCountry("US");
		return org;
	}

	private Practitioner practitioner(int i) {
		Practitioner practitioner = new Practitioner();
		practitioner.getMeta().addProfile(US_CORE + "us-core-practitioner");
		practitioner.addIdentifier().setSystem(NPI).setValue(npi(i));
		practitioner.addName().setFamily("Smith" + i).addGiven("Alex").addPrefix("Dr.");
		practitioner.setGender(i % 2 == 0 ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
		practitioner.addExtension(new Extension("http://synthetichealth.github.io/synthea/utilization-encounters-extension",
				new org.hl7.fhir.r4.model.IntegerType(10 + i)));
		return practitioner;
	}

	private Bundle patientBundle(int p, int organizations, int practitioners, int encounters, int observations) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		String patientUrl = uuid();
		add(bundle, patientUrl, patient(p), "Patient");
		String org = "Organization?identifier=" + SYNTHEA + "|" + orgId(p % organizations);
		String gp = "Practitioner?identifier=" + NPI + "|" + npi(p % practitioners);
		// Synthea repeats the shared practitioner in a patient's bundle as a conditional create
		bundle.addEntry().setFullUrl(uuid()).setResource(practitioner(p % practitioners)).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Practitioner").setIfNoneExist("identifier=" + NPI + "|" + npi(p % practitioners));
		Condition asthma = new Condition();
		asthma.getMeta().addProfile(US_CORE + "us-core-condition");
		asthma.getClinicalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-clinical").setCode("active");
		asthma.getVerificationStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-ver-status").setCode("confirmed");
		asthma.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-category").setCode("encounter-diagnosis");
		asthma.getCode().addCoding().setSystem(SCT).setCode("195967001").setDisplay("Asthma");
		asthma.setSubject(new Reference(patientUrl)).setOnset(new DateTimeType("2011-03-0" + (1 + p % 9)));
		add(bundle, uuid(), asthma, "Condition");
		for (int e = 0; e < encounters; e++) {
			String encounterUrl = uuid();
			Encounter encounter = new Encounter();
			encounter.getMeta().addProfile(US_CORE + "us-core-encounter");
			encounter.setStatus(Encounter.EncounterStatus.FINISHED);
			encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", null));
			encounter.addType().addCoding().setSystem(SCT).setCode("185349003").setDisplay("Encounter for check up");
			encounter.setSubject(new Reference(patientUrl));
			encounter.addParticipant().setIndividual(new Reference(gp));
			encounter.setServiceProvider(new Reference(org));
			encounter.setPeriod(new Period().setStartElement(new DateTimeType("2020-0" + (1 + e % 9) + "-15T10:00:00+01:00"))
					.setEndElement(new DateTimeType("2020-0" + (1 + e % 9) + "-15T10:30:00+01:00")));
			add(bundle, encounterUrl, encounter, "Encounter");
			for (int o = 0; o < observations; o++) {
				Observation observation = new Observation();
				observation.getMeta().addProfile(US_CORE + "us-core-vital-signs");
				observation.setStatus(Observation.ObservationStatus.FINAL);
				observation.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
						.setCode("vital-signs");
				observation.getCode().addCoding().setSystem(LOINC).setCode(o % 2 == 0 ? "8302-2" : "29463-7")
						.setDisplay(o % 2 == 0 ? "Body Height" : "Body Weight");
				observation.setSubject(new Reference(patientUrl)).setEncounter(new Reference(encounterUrl));
				observation.setEffective(new DateTimeType("2020-0" + (1 + e % 9) + "-15T10:05:00+01:00"));
				observation.setValue(new Quantity().setValue(o % 2 == 0 ? 170 + random.nextInt(20) : 60 + random.nextInt(40))
						.setUnit(o % 2 == 0 ? "cm" : "kg").setSystem("http://unitsofmeasure.org").setCode(o % 2 == 0 ? "cm" : "kg"));
				add(bundle, uuid(), observation, "Observation");
			}
		}
		return bundle;
	}

	private Patient patient(int p) {
		Patient patient = new Patient();
		patient.getMeta().addProfile(US_CORE + "us-core-patient");
		patient.addExtension(race());
		patient.addExtension(ethnicity());
		patient.addExtension(US_CORE + "us-core-birthsex", new org.hl7.fhir.r4.model.CodeType(p % 2 == 0 ? "F" : "M"));
		patient.addExtension("http://hl7.org/fhir/StructureDefinition/patient-mothersMaidenName", new StringType("Jones" + p));
		patient.addExtension("http://synthetichealth.github.io/synthea/disability-adjusted-life-years", new DecimalType(0.5 + p));
		patient.addExtension("http://synthetichealth.github.io/synthea/quality-adjusted-life-years", new DecimalType(40.5 - p));
		patient.addIdentifier().setSystem(SYNTHEA).setValue(patientId(p));
		patient.addIdentifier().setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0203", "SS", null)))
				.setSystem("http://hl7.org/fhir/sid/us-ssn").setValue("999-" + (10 + p) + "-" + (1000 + p));
		patient.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily("Import" + p).addGiven("Sam");
		patient.setGender(p % 2 == 0 ? Enumerations.AdministrativeGender.FEMALE : Enumerations.AdministrativeGender.MALE);
		patient.getBirthDateElement().setValueAsString("19" + (50 + p % 40) + "-0" + (1 + p % 9) + "-1" + (p % 9));
		patient.getMaritalStatus().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-MaritalStatus").setCode("M");
		patient.addCommunication().getLanguage().addCoding().setSystem("urn:ietf:bcp:47").setCode("en-US");
		return patient;
	}

	private static Extension race() {
		Extension race = new Extension(US_CORE + "us-core-race");
		race.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", "2106-3", "White"));
		race.addExtension("text", new StringType("White"));
		return race;
	}

	private static Extension ethnicity() {
		Extension ethnicity = new Extension(US_CORE + "us-core-ethnicity");
		ethnicity.addExtension("ombCategory", new Coding("urn:oid:2.16.840.1.113883.6.238", "2186-5", "Not Hispanic or Latino"));
		ethnicity.addExtension("text", new StringType("Not Hispanic or Latino"));
		return ethnicity;
	}

	private static void add(Bundle bundle, String fullUrl, Resource resource, String type) {
		bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
	}

	private String uuid() {
		return "urn:uuid:" + new UUID(random.nextLong(), random.nextLong());
	}
}
