// Patient level: a patient may carry a BIS number beside the SSIN (e.g. a BIS number issued before the
// national register entry), but not two of a kind. The kind is read from the month digits (3rd-4th digit):
// 00-12 national register number, 20-32 or 40-52 BIS number (month + 20 / + 40). Numbers of neither kind are
// malformed and reported by lungcare-ssin-1. The regular expressions are anchored (^...$): the R4 engine's
// matches() finds a partial match.
Invariant: lungcare-ssin-3
Description: "A patient has at most one national register number (SSIN, month 00-12) and at most one BIS number (month 20-32 or 40-52) among the identifiers with the SSIN system."
Severity: #error
Expression: "identifier.where(system = 'https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin' and value.matches('^[0-9]{2}(0[0-9]|1[0-2])[0-9]{7}$')).count() <= 1 and identifier.where(system = 'https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin' and value.matches('^[0-9]{2}(2[0-9]|3[0-2]|4[0-9]|5[0-2])[0-9]{7}$')).count() <= 1"
