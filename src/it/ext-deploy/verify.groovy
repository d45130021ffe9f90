def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-ext-deploy-${mavenLabel}")
check.deployed("ext-releases", "dev/codeartifact/it/ext-deploy-${mavenLabel}/1.0/ext-deploy-${mavenLabel}-1.0.jar")
check.tokenRequests(1)
true
