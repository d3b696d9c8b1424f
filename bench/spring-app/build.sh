#!/usr/bin/env bash
# Builds bench/spring-app twice, as executable jars: target/plain.jar (Spring Boot web + actuator) and
# target/dreamnet.jar (the same with dreamnet-spring-boot-starter). DreamNet's artifacts come from the repository
# the examples' build made from this checkout (`mvn -B -pl examples-it -am verify -DskipTests`), read offline, or,
# when there is none, from your local repository (`mvn -B install -DskipTests -Dinvoker.skip` at the root).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
app="$root/bench/spring-app"
repo=()
if [ -d "$root/examples-it/target/local-repo/dev/dreamnet/dreamnet-spring-boot-starter" ]; then
  # As the examples' build does: DreamNet from its repository, everything else from yours, no network.
  settings="$(mktemp)"
  trap 'rm -f "$settings"' EXIT
  cat >"$settings" <<XML
<settings><mirrors><mirror><id>local</id><url>file://$HOME/.m2/repository</url><mirrorOf>*</mirrorOf></mirror></mirrors>
<profiles><profile><id>local</id>
<repositories><repository><id>central</id><url>file://$HOME/.m2/repository</url>
<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
<pluginRepositories><pluginRepository><id>central</id><url>file://$HOME/.m2/repository</url>
<releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>local</activeProfile></activeProfiles></settings>
XML
  repo=(-s "$settings" -Dmaven.repo.local="$root/examples-it/target/local-repo")
fi
mvn -B -q -f "$app/pom.xml" "${repo[@]}" clean package
cp "$app/target/spring-app-1.0.0-SNAPSHOT.jar" "$app/target/plain.jar"
mvn -B -q -f "$app/pom.xml" "${repo[@]}" -Pdreamnet package
cp "$app/target/dreamnet/spring-app-1.0.0-SNAPSHOT.jar" "$app/target/dreamnet.jar"
echo "built $app/target/plain.jar and $app/target/dreamnet.jar"
