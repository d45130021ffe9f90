// Shared by the verify scripts of resident-core-extension and resident-build-extension, which evaluate this file and
// call what it returns: resident(basedir, localRepositoryPath, standinUrl, mavenLabel, mode) runs
// dev.codeartifact.resident.ResidentHarness (src/test/java, compiled to target/test-classes) in a child JVM on the
// Maven that ran the IT (its home from the "Maven home:" line that -V printed), with the IT environment (fake AWS keys,
// the stand-in as endpoint, the suite's token cache), and fails with the harness's report (one line per check) when a
// check fails. The child's class path holds only the test classes: the harness loads Maven from its home itself.
import java.util.concurrent.TimeUnit

return { basedir, localRepositoryPath, String standinUrl, String mavenLabel, String mode ->
  def pom = new File("${basedir}", "pom.xml").text
  def prop = { String name ->
    def m = pom =~ "<${java.util.regex.Pattern.quote(name)}>([^<]*)</"
    assert m.find() : "no <${name}> in pom.xml"
    m.group(1).trim()
  }
  def home = new File("${basedir}", "build.log").text =~ /(?m)^Maven home: (.+)$/
  assert home.find() : "no 'Maven home:' line in build.log (invoker.goals must keep -V)"
  def target = new File(prop("resident.target"))
  def report = new File("${basedir}", "resident-report.txt")
  def output = new File("${basedir}", "resident.log")
  report.delete()
  def command = [new File(System.getProperty("java.home"), "bin/java").path, "-Xmx512m", "-XX:+UseSerialGC",
      "-cp", new File(target, "test-classes").path, "dev.codeartifact.resident.ResidentHarness",
      "--maven-home", home.group(1).trim(), "--repo", "${localRepositoryPath}".toString(), "--standin", standinUrl,
      "--version", prop("resident.pluginVersion"), "--mode", mode, "--label", mavenLabel,
      "--work", new File("${basedir}", "resident").path, "--report", report.path]
  def pb = new ProcessBuilder(command).directory(new File("${basedir}")).redirectErrorStream(true).redirectOutput(output)
  def env = pb.environment()
  env.keySet().removeAll(env.keySet().findAll { it.startsWith("AWS_") || it.startsWith("CODEARTIFACT_") || it == "MAVEN_ARGS" })
  // As the invoker's environmentVariables in pom.xml give every IT build.
  env.putAll([
      AWS_ACCESS_KEY_ID: prop("resident.awsAccessKeyId"),
      AWS_SECRET_ACCESS_KEY: prop("resident.awsSecretAccessKey"),
      AWS_ENDPOINT_URL_CODEARTIFACT: standinUrl,
      AWS_EC2_METADATA_DISABLED: "true",
      AWS_CONFIG_FILE: new File(target, "no-aws-config").path,
      AWS_SHARED_CREDENTIALS_FILE: new File(target, "no-aws-credentials").path,
      CODEARTIFACT_CACHE_DIR: new File(target, "it-cache").path,
      CI: "true"])
  def process = pb.start()
  if (!process.waitFor(420, TimeUnit.SECONDS)) {
    process.destroyForcibly()
    assert false : "the resident harness did not finish in 420 s (see resident.log)"
  }
  def text = report.isFile() ? report.text : "no report (see resident.log):\n" + output.readLines().takeRight(20).join("\n")
  // Nothing the harness or its builds wrote may hold a token the stand-in issued.
  def tokens = new URL(standinUrl + "/_standin/tokens").text.readLines().findAll { it }
  def written = [output, report]
  new File("${basedir}", "resident/logs").eachFile { written << it }
  written.findAll { it.isFile() }.each { f ->
    def content = f.text
    tokens.each { t -> assert !content.contains(t.substring(0, 40)) : "an issued token appears in ${f.name}" }
  }
  assert process.exitValue() == 0 : "resident harness on ${mavenLabel} (${mode}):\n" + text
  true
}
