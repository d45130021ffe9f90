def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-ext-plus-${mavenLabel}")
// Core extension, build extension and goal: one request, one INFO line.
check.passedWithToken()
assert check.log.count("CodeArtifact token for domain ${check.domain}") == 1
// The goal ran too (and found the token already applied).
check.shows(":authenticate (default) @ ext-plus-goal")
check.downloaded("lib-ext-plus")
check.neverShows("Failed to notify spy", "a failure of the event spy")
true
