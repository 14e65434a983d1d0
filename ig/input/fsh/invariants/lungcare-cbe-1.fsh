// CBE/KBO enterprise number: 10 digits starting with 0 or 1, check = 97 - (first 8 digits mod 97).
Invariant: lungcare-cbe-1
Description: "A CBE (KBO/BCE) enterprise number has 10 digits, starts with 0 or 1, and ends with mod-97 check digits."
Severity: #error
Expression: "value.matches('^[01][0-9]{9}$') and (97 - (value.substring(0, 8).toInteger() mod 97)) = value.substring(8, 2).toInteger()"
