package be.lungcare.fhir.synthetic;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Belgian regions with their share of the population, main language, cities, streets and names. */
enum Region {
	FLANDERS(575, Lang.NL, List.of(
			new City("Antwerpen", "2000", "3"), new City("Gent", "9000", "9"), new City("Brugge", "8000", "50"),
			new City("Leuven", "3000", "16"), new City("Hasselt", "3500", "11"), new City("Mechelen", "2800", "15"),
			new City("Kortrijk", "8500", "56"), new City("Aalst", "9300", "53"), new City("Genk", "3600", "89"),
			new City("Sint-Niklaas", "9100", "3"), new City("Roeselare", "8800", "51"), new City("Turnhout", "2300", "14"))),
	WALLONIA(305, Lang.FR, List.of(
			new City("Liège", "4000", "4"), new City("Namur", "5000", "81"), new City("Charleroi", "6000", "71"),
			new City("Mons", "7000", "65"), new City("Tournai", "7500", "69"), new City("La Louvière", "7100", "64"),
			new City("Verviers", "4800", "87"), new City("Arlon", "6700", "63"), new City("Wavre", "1300", "10"),
			new City("Ottignies-Louvain-la-Neuve", "1340", "10"))),
	BRUSSELS(112, Lang.FR, List.of(
			new City("Bruxelles", "1000", "2"), new City("Schaerbeek", "1030", "2"), new City("Anderlecht", "1070", "2"),
			new City("Ixelles", "1050", "2"), new City("Uccle", "1180", "2"), new City("Molenbeek-Saint-Jean", "1080", "2"),
			new City("Etterbeek", "1040", "2"), new City("Jette", "1090", "2"), new City("Woluwe-Saint-Lambert", "1200", "2"))),
	EAST_BELGIUM(8, Lang.DE, List.of(
			new City("Eupen", "4700", "87"), new City("Sankt Vith", "4780", "80"), new City("Kelmis", "4720", "87"),
			new City("Bütgenbach", "4750", "80")));

	/** A municipality with its postal code and telephone zone (without the leading 0). */
	record City(String name, String postalCode, String phoneZone) {
	}

	private static final int TOTAL_WEIGHT = 1000;

	final int weight;
	final Lang language;
	final List<City> cities;

	Region(int weight, Lang language, List<City> cities) {
		this.weight = weight;
		this.language = language;
		this.cities = cities;
	}

	/** A region drawn with its population share. */
	static Region draw(Random rnd) {
		int r = rnd.nextInt(TOTAL_WEIGHT);
		for (Region region : values()) {
			r -= region.weight;
			if (r < 0) {
				return region;
			}
		}
		return FLANDERS;
	}

	/** The language of someone living here: Brussels is about 80 % French- and 20 % Dutch-speaking. */
	Lang drawLanguage(Random rnd) {
		return this == BRUSSELS && rnd.nextInt(5) == 0 ? Lang.NL : language;
	}

	City drawCity(Random rnd) {
		return cities.get(rnd.nextInt(cities.size()));
	}

	String drawFamilyName(Random rnd, Lang lang) {
		if (this == BRUSSELS && rnd.nextInt(4) == 0) {
			return pick(rnd, BRUSSELS_FAMILY);
		}
		return pick(rnd, switch (lang) {
			case NL -> NL_FAMILY;
			case FR -> FR_FAMILY;
			case DE -> DE_FAMILY;
		});
	}

	String drawGivenName(Random rnd, Lang lang, boolean male) {
		if (this == BRUSSELS && rnd.nextInt(5) == 0) {
			return pick(rnd, male ? BRUSSELS_MALE : BRUSSELS_FEMALE);
		}
		return pick(rnd, switch (lang) {
			case NL -> male ? NL_MALE : NL_FEMALE;
			case FR -> male ? FR_MALE : FR_FEMALE;
			case DE -> male ? DE_MALE : DE_FEMALE;
		});
	}

	/** A street address ("Kerkstraat 12") in the language of the region (Brussels: the speaker's language). */
	String drawStreet(Random rnd, Lang lang) {
		List<String> streets = switch (this == BRUSSELS ? lang : language) {
			case NL -> NL_STREETS;
			case FR -> FR_STREETS;
			case DE -> DE_STREETS;
		};
		return pick(rnd, streets) + " " + (1 + rnd.nextInt(240));
	}

	/** A landline number in a city's telephone zone, formatted as in the examples (+32 9 123 45 67). */
	static String landline(Random rnd, City city) {
		String digits = String.format(Locale.ROOT, "%07d", rnd.nextInt(10_000_000));
		if (city.phoneZone().length() == 1) {
			return "+32 " + city.phoneZone() + " " + digits.substring(0, 3) + " " + digits.substring(3, 5) + " "
					+ digits.substring(5);
		}
		return "+32 " + city.phoneZone() + " " + digits.substring(1, 3) + " " + digits.substring(3, 5) + " "
				+ digits.substring(5);
	}

	/** A Belgian mobile number (+32 475 12 34 56). */
	static String mobile(Random rnd) {
		return String.format(Locale.ROOT, "+32 4%d%d %02d %02d %02d", 7 + rnd.nextInt(3), rnd.nextInt(10), rnd.nextInt(100),
				rnd.nextInt(100), rnd.nextInt(100));
	}

	static <T> T pick(Random rnd, List<T> values) {
		return values.get(rnd.nextInt(values.size()));
	}

	private static final List<String> NL_FAMILY = List.of("Peeters", "Janssens", "Maes", "Jacobs", "Mertens",
			"Willems", "Claes", "Goossens", "Wouters", "De Smet", "Vermeulen", "Van den Broeck", "Hermans", "De Vos",
			"Pauwels", "Smets", "Verhoeven", "Van Damme", "Declercq", "Aerts", "Michiels", "Lambrechts", "Desmet",
			"Vandenberghe", "Van de Velde", "Coppens", "De Clercq", "Martens", "Verstraete", "Cools");
	private static final List<String> FR_FAMILY = List.of("Dubois", "Lambert", "Dupont", "Martin", "Simon",
			"Laurent", "Leclercq", "Lejeune", "Renard", "Dumont", "Lambotte", "Collard", "Gilson", "François",
			"Mathieu", "Henry", "Denis", "Lemaire", "Noël", "Fontaine", "Hubert", "Delvaux", "Leroy", "Thiry",
			"Legrand", "Wauters", "Gérard", "Bertrand", "Massart", "Charlier");
	private static final List<String> DE_FAMILY = List.of("Schmitz", "Kreutz", "Lentz", "Margraff", "Heinen",
			"Cremer", "Thissen", "Jost", "Kessler", "Hilgers", "Palm", "Reuter", "Mertes", "Backes", "Gennen");
	private static final List<String> BRUSSELS_FAMILY = List.of("El Amrani", "Benali", "Yilmaz", "Diallo", "Kaya",
			"Nowak", "Rossi", "Garcia", "Ouali", "Kabongo", "Papadopoulos", "Silva");
	private static final List<String> NL_MALE = List.of("Lucas", "Noah", "Liam", "Arthur", "Louis", "Jan",
			"Pieter", "Marc", "Luc", "Tom", "Bart", "Koen", "Wim", "Dirk", "Jef", "Stijn", "Jens", "Senne", "Wout",
			"Geert");
	private static final List<String> NL_FEMALE = List.of("Emma", "Olivia", "Marie", "Lotte", "Elke", "Sofie",
			"An", "Hilde", "Ilse", "Nathalie", "Katrien", "Inge", "Lien", "Fien", "Mila", "Nina", "Anouk", "Ellen",
			"Griet", "Jana");
	private static final List<String> FR_MALE = List.of("Louis", "Arthur", "Jules", "Hugo", "Olivier", "Pierre",
			"Michel", "Philippe", "Jean", "Nicolas", "Julien", "Thomas", "Maxime", "Antoine", "Théo", "Benoît",
			"Alain", "Christophe", "Gabriel", "Nathan");
	private static final List<String> FR_FEMALE = List.of("Camille", "Julie", "Marie", "Sarah", "Chloé", "Léa",
			"Manon", "Isabelle", "Nathalie", "Catherine", "Martine", "Sophie", "Louise", "Alice", "Élise", "Anne",
			"Valérie", "Juliette", "Charlotte", "Pauline");
	private static final List<String> DE_MALE = List.of("Lukas", "Jonas", "Leon", "Paul", "Thomas", "Stefan",
			"Jürgen", "Markus", "Michael", "Andreas", "Tim", "Felix");
	private static final List<String> DE_FEMALE = List.of("Anna", "Lena", "Hannah", "Laura", "Sabine", "Monika",
			"Petra", "Claudia", "Julia", "Sarah", "Marie", "Lea");
	private static final List<String> BRUSSELS_MALE = List.of("Mohamed", "Adam", "Youssef", "Ilyas", "Ayoub",
			"Mamadou", "Marco", "David");
	private static final List<String> BRUSSELS_FEMALE = List.of("Sara", "Lina", "Amina", "Yasmine", "Fatima",
			"Aïcha", "Elena", "Maria");
	private static final List<String> NL_STREETS = List.of("Kerkstraat", "Stationsstraat", "Dorpsstraat",
			"Molenstraat", "Schoolstraat", "Nieuwstraat", "Kapelstraat", "Beukenlaan", "Veldstraat", "Lindenlei",
			"Kortrijksesteenweg", "Naamsestraat", "Brugsesteenweg", "Hoogstraat");
	private static final List<String> FR_STREETS = List.of("Rue de la Station", "Rue de l'Église", "Rue du Moulin",
			"Avenue des Tilleuls", "Chaussée de Bruxelles", "Rue Haute", "Place Communale", "Rue de Fer",
			"Avenue de la Citadelle", "Chaussée de Louvain", "Rue des Champs", "Rue du Centre", "Avenue Louise",
			"Rue Saint-Gilles");
	private static final List<String> DE_STREETS = List.of("Kirchstraße", "Bahnhofstraße", "Hauptstraße",
			"Bergstraße", "Klosterstraße", "Aachener Straße", "Gospertstraße", "Neustraße", "Malmedyer Straße");
}
