// CBE/KBO enterprise number: 10 digits starting with 0 or 1, check = 97 - (first 8 digits mod 97).
// Written as "remainder + check = 97": the HAPI/HL7 FHIRPath engine keeps the text of toInteger()
// ('08'.toInteger() = 8 is false), so an equality would reject check digits 01-09 (e.g. 0203456708).
Invariant: lungcare-cbe-1
Description: "A CBE (KBO/BCE) enterprise number has 10 digits, starts with 0 or 1, and ends with mod-97 check digits."
Severity: #error
Expression: "value.matches('^[01][0-9]{9}$') and ((value.substring(0, 8).toInteger() mod 97) + value.substring(8, 2).toInteger()) = 97"
