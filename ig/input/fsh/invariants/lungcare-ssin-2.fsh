// Patient level: every SSIN (INSZ/NISS) or BIS number of the patient agrees with Patient.birthDate.
// lungcare-ssin-1 (on each identifier) checks the format and accepts either check-digit rule, because the
// number alone does not tell the century; with the birth date known, this invariant requires:
// - YY  = last two digits of the birth year (a year is always present in a FHIR date)
// - MM  = birth month; BIS numbers: birth month + 20 (sex unknown) or + 40 (sex known). Month 00 (BIS 20 or 40)
//         means "month unknown" and is accepted, as is any month when birthDate has no month (e.g. "1968")
// - DD  = birth day; 00 means "day unknown" and is accepted, as is any day when birthDate has no day
// - the check digits use the rule of the birth century (n = first nine digits):
//   born before 2000: 97 - (n mod 97); born 2000 or later: 97 - ((68 + n mod 97) mod 97), i.e. "2" prefixed
// Only well-formed numbers (the format of lungcare-ssin-1: 11 digits, (BIS) month, day 00-31) are checked here:
// a malformed one is reported by lungcare-ssin-1 alone. Wrong check digits are reported by both invariants (valid
// under neither rule / not valid under the rule of the birth century).
// FHIRPath notes (HAPI/HL7 engines, checked by SsinCheckTest and the valid/invalid instance tests):
// - birthDate is read as text (toString() gives "1968", "1968-05" or "1968-05-17"): only the parts present
//   are compared, by length; no date functions
// - %resource is the Patient (also inside a Bundle); inside all(), $this is the identifier
// - toInteger() keeps the text ('08'.toInteger() = 8 is false): integers are only compared after an
//   arithmetic operation (mod, +), which yields a normalised integer; check digits as "remainder + check = 97"
// - the BIS offset is removed with "mod 20" (03, 23 and 43 all give 3; 00, 20 and 40 give 0)
Invariant: lungcare-ssin-2
Description: "Each SSIN (INSZ/NISS) or BIS number agrees with birthDate: YYMMDD is the birth date (BIS: month + 20 or + 40; a month or day 00 means unknown; only the parts present in birthDate are compared), and the check digits follow the rule of the birth century (born before 2000: 97 - (n mod 97); born 2000 or later: 97 - ((2000000000 + n) mod 97), n = first nine digits)."
Severity: #error
Expression: "birthDate.hasValue() implies identifier.where(system = 'https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin' and value.matches('^[0-9]{2}(0[0-9]|1[0-2]|2[0-9]|3[0-2]|4[0-9]|5[0-2])(0[0-9]|[12][0-9]|3[01])[0-9]{5}$')).all(value.substring(0, 2) = %resource.birthDate.toString().substring(2, 2) and (%resource.birthDate.toString().length() < 7 or (value.substring(2, 2).toInteger() mod 20) = 0 or (value.substring(2, 2).toInteger() mod 20) = (%resource.birthDate.toString().substring(5, 2).toInteger() + 0)) and (%resource.birthDate.toString().length() < 10 or value.substring(4, 2) = '00' or value.substring(4, 2) = %resource.birthDate.toString().substring(8, 2)) and ((%resource.birthDate.toString().substring(0, 4).toInteger() < 2000 and ((value.substring(0, 9).toInteger() mod 97) + value.substring(9, 2).toInteger()) = 97) or (%resource.birthDate.toString().substring(0, 4).toInteger() >= 2000 and (((68 + (value.substring(0, 9).toInteger() mod 97)) mod 97) + value.substring(9, 2).toInteger()) = 97)))"
