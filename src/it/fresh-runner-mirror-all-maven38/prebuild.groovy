// A local repository with only the plugin in it (see the shared script).
evaluate(new File(new File(standinData).parentFile.parentFile, "src/it/_support/fresh-repo.groovy"))
