def fresh = evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/fresh-runner-checks.groovy"))(basedir, standinUrl, mavenLabel, "fresh")
// Maven 3.9+ adds no plexus-utils 1.1 to the plugin.
assert !new File(fresh, "org/codehaus/plexus/plexus-utils/1.1").exists()
true
