def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-invalid-duration-${mavenLabel}")
// Validation happens before any network call; one line, no stack trace.
check.invalidBeforeAnyCall("Invalid <durationSeconds> (codeartifact.durationSeconds) '60': 0 (expire with the caller's role session) or a number of seconds from 900 to 43200")
true
