package be.lungcare.fhir.synthetic;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Free texts in the patient's language: team and plan names, and the activities of care plans. */
final class Phrases {

	/** ServiceRequest and Task texts. */
	enum Activity {
		PULMONARY_REHABILITATION("Pulmonale revalidatie (12 weken, 3x per week)",
				"Réadaptation pulmonaire (12 semaines, 3x par semaine)", "Pneumologische Rehabilitation (12 Wochen, 3x pro Woche)"),
		SMOKING_CESSATION("Rookstopbegeleiding door tabacoloog", "Accompagnement au sevrage tabagique par un tabacologue",
				"Raucherentwöhnung durch einen Tabakologen"),
		AIRWAY_CLEARANCE("Ademhalingskinesitherapie: drainage van de luchtwegen (2x per week)",
				"Kinésithérapie respiratoire : drainage bronchique (2x par semaine)",
				"Atemphysiotherapie: Bronchialdrainage (2x pro Woche)"),
		ENT_FOLLOW_UP("NKO-opvolging van de neuspoliepen (endoscopie om de 6 maanden)",
				"Suivi ORL des polypes nasaux (endoscopie tous les 6 mois)",
				"HNO-Kontrolle der Nasenpolypen (Endoskopie alle 6 Monate)"),
		DERMATOLOGY_FOLLOW_UP("Opvolging eczeem door dermatoloog", "Suivi de l'eczéma par le dermatologue",
				"Ekzem-Kontrolle durch den Dermatologen"),
		DIET_ADVICE("Dieetadvies: eiwitrijke voeding bij COPD", "Conseils diététiques : alimentation riche en protéines (BPCO)",
				"Ernährungsberatung: eiweißreiche Ernährung bei COPD"),
		HOME_NURSING("Thuisverpleging: inhalatietechniek en therapietrouw opvolgen",
				"Soins à domicile : suivi de la technique d'inhalation et de l'observance",
				"Häusliche Pflege: Inhalationstechnik und Therapietreue begleiten"),
		INHALER_CHECK("Inhalatietechniek en therapietrouw nakijken bij elke aflevering",
				"Vérifier la technique d'inhalation et l'adhésion au traitement à chaque délivrance",
				"Inhalationstechnik und Therapietreue bei jeder Abgabe prüfen"),
		SCHOOL_ACTION_PLAN("Astma-actieplan op school opvolgen en noodmedicatie beschikbaar houden",
				"Suivre le plan d'action asthme à l'école et garder le traitement de secours disponible",
				"Asthma-Aktionsplan in der Schule begleiten und Notfallmedikament bereithalten");

		private final String nl;
		private final String fr;
		private final String de;

		Activity(String nl, String fr, String de) {
			this.nl = nl;
			this.fr = fr;
			this.de = de;
		}

		String text(Lang lang) {
			return lang.pick(nl, fr, de);
		}
	}

	private Phrases() {
	}

	static String careTeamName(Lang lang, List<String> groups, String patientName) {
		return lang.pick("Zorgteam ", "Équipe de soins ", "Behandlungsteam ") + join(lang, groups) + " - " + patientName;
	}

	static String carePlanTitle(Lang lang, List<String> groups) {
		return lang.pick("Zorgplan ", "Plan de soins ", "Behandlungsplan ") + join(lang, groups);
	}

	/** Goal text for nose and sinus complaints (no code of the IG's goal value set fits). */
	static String sinonasalGoal(Lang lang) {
		return lang.pick("Klachten van neus en sinussen onder controle", "Symptômes nasaux et sinusiens contrôlés",
				"Nasen- und Nebenhöhlenbeschwerden unter Kontrolle");
	}

	/** "astma en atopische dermatitis": lower case but for acronyms (COPD, BPCO) and German nouns. */
	private static String join(Lang lang, List<String> groups) {
		List<String> words = groups.stream().map(g -> lang != Lang.DE && g.length() > 1 && Character.isLowerCase(g.charAt(1))
				? g.substring(0, 1).toLowerCase(Locale.ROOT) + g.substring(1) : g).toList();
		if (words.size() == 1) {
			return words.get(0);
		}
		return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", "))
				+ lang.pick(" en ", " et ", " und ") + words.get(words.size() - 1);
	}
}
