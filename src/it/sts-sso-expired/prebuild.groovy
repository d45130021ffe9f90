// The SSO token cache of `aws sso login` for the profile's start URL (file name: SHA-1 of the URL), expired an hour
// ago, under the HOME this IT gives the SDK.
def url = "https://standin-sso.awsapps.com/start"
def name = java.security.MessageDigest.getInstance("SHA-1").digest(url.getBytes("UTF-8")).encodeHex().toString()
def cache = new File(basedir, "sso-home/.aws/sso/cache")
cache.mkdirs()
def expired = java.time.Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
new File(cache, "${name}.json").text = """{"startUrl": "${url}", "region": "us-west-2", "accessToken": "standin-expired-sso-access-token", "expiresAt": "${expired}"}"""
true
