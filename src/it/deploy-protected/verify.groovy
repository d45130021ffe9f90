def check = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/verify-checks.groovy"))(binding, "it-deploy-${mavenLabel}")
check.deployed("releases", "dev/codeartifact/it/deploy-${mavenLabel}/1.0/deploy-${mavenLabel}-1.0.jar")
true
