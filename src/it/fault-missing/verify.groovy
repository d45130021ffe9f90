def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "missing-it-${mavenLabel}")
check.failedWith("[ERROR] CodeArtifact domain '${check.domain}' with owner (the caller's account) was not found in region us-west-2: check codeartifact.domain, codeartifact.domainOwner and codeartifact.region (AWS: Domain not found)")
check.tokenRequests(1)
true
