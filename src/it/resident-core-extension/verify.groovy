// The harness and its checks: src/it/_support/resident.groovy (launch) and src/test/java/dev/codeartifact/resident/.
def resident = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/resident.groovy"))
resident(basedir, localRepositoryPath, standinUrl, mavenLabel, "core")
