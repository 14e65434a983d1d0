// Full SSIN (INSZ/NISS) check, including BIS numbers and the 2000+ rule.
// - 11 digits: YYMMDD + 3-digit serial + 2 check digits
// - month 00-12, BIS numbers: month + 20 (sex unknown) or + 40 (sex known); day 00-31
// - check = 97 - (first nine digits mod 97)                    (born before 2000)
//   check = 97 - ((68 + first nine digits mod 97) mod 97)      (born 2000 or later:
//           "2" prefixed to the nine digits; 2000000000 mod 97 = 68 keeps it in 32 bits)
// Either computation may match: the number alone does not tell the century (YY = 05 may be 1905 or 2005).
// On a Patient, lungcare-ssin-2 requires the rule of the century of Patient.birthDate and the agreement of
// YYMMDD with it; lungcare-ssin-3 allows one national register number and one BIS number side by side.
// Written as "remainder + check = 97" rather than "97 - remainder = check": the HAPI/HL7 FHIRPath engine
// keeps the text of toInteger() ('08'.toInteger() = 8 is false), so check digits 01-09 would never match
// an equality; an addition yields a normalised integer.
Invariant: lungcare-ssin-1
Description: "An SSIN (INSZ/NISS) or BIS number has 11 digits, a valid (BIS) month and day, and mod-97 check digits (before-2000 or 2000+ rule)."
Severity: #error
Expression: "value.matches('^[0-9]{2}(0[0-9]|1[0-2]|2[0-9]|3[0-2]|4[0-9]|5[0-2])(0[0-9]|[12][0-9]|3[01])[0-9]{5}$') and (((value.substring(0, 9).toInteger() mod 97) + value.substring(9, 2).toInteger()) = 97 or (((68 + (value.substring(0, 9).toInteger() mod 97)) mod 97) + value.substring(9, 2).toInteger()) = 97)"
