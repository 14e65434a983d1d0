// Format check of an individual NIHDI (RIZIV/INAMI) number: 11 digits
// (8-digit identification incl. check digits + 3-digit qualification code).
Invariant: lungcare-nihdi-1
Description: "An NIHDI number of a care professional has 11 digits (no separators)."
Severity: #error
Expression: "value.matches('^[0-9]{11}$')"
