// Format check of an NIHDI organization number: 8 digits, optionally followed by a 3-digit suffix.
Invariant: lungcare-nihdi-org-1
Description: "An NIHDI organization number has 8 or 11 digits (no separators)."
Severity: #error
Expression: "value.matches('^[0-9]{8}([0-9]{3})?$')"
