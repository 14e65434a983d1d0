Invariant: lungcare-cat-1
Description: "The COPD Assessment Test total score is a whole number between 0 and 40."
Severity: #error
Expression: "value.ofType(Quantity).value.all($this >= 0 and $this <= 40 and $this.toString().matches('^[0-9]+([.]0+)?$'))"
