Invariant: lungcare-mmrc-1
Description: "The mMRC dyspnoea grade is a whole number between 0 and 4."
Severity: #error
Expression: "value.ofType(Quantity).value.all($this >= 0 and $this <= 4 and $this.toString().matches('^[0-9]+([.]0+)?$'))"
