def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-foe-down-${mavenLabel}")
check.passedWithoutToken("[WARNING] Cannot reach the CodeArtifact API at http://127.0.0.1:1 (region us-west-2): connection refused;")
true
