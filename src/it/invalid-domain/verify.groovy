def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "Bad_Domain")
// Validation happens before any network call; one line, no stack trace.
check.invalidBeforeAnyCall("Invalid <domain> (codeartifact.domain) 'Bad_Domain': a domain name is 2 to 50 characters")
// The m3916wagon run is the one without -e (pom.xml): make sure the check without -e really runs there.
if (mavenLabel == "m3916wagon") {
  assert !check.log.contains("Error stacktraces are turned on")
}
true
