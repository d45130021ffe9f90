def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "denied-foe-${mavenLabel}")
check.passedWithoutToken("[WARNING] Access denied getting a CodeArtifact token for ${check.what}: the AWS identity needs the IAM permissions")
true
