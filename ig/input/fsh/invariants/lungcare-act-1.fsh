Invariant: lungcare-act-1
Description: "The Asthma Control Test total score is a whole number between 5 and 25."
Severity: #error
Expression: "value.ofType(Quantity).value.all($this >= 5 and $this <= 25 and $this.toString().matches('^[0-9]+([.]0+)?$'))"
