def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-invalid-owner-${mavenLabel}")
// Validation happens before any network call; one line, no stack trace.
check.invalidBeforeAnyCall("Invalid <domainOwner> (codeartifact.domainOwner) '12345': the domain owner is an AWS account id of exactly 12 digits")
true
