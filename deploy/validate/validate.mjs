// Checks Kubernetes objects against the JSON schemas of the Kubernetes API, offline, with the schemas
// that the npm package kubernetes-models compiles from the API's OpenAPI document.
//
//   node validate.mjs [--checked-elsewhere=apiVersion/Kind,…] < objects.json
//
// stdin:  a JSON array of Kubernetes objects (deploy's tests send each rendered overlay)
// stdout: a JSON array of findings, {index, apiVersion, kind, name, message}; empty when all is well
//
// The schemas catch wrong types ("replicas: two"), missing required fields (a Deployment without a
// selector), values outside an enum (a Service of type "Loadbalancer") and malformed formats. An object
// whose kind has no built-in schema is a finding too, unless named in --checked-elsewhere (custom
// resources such as kafka.strimzi.io/v1beta2/KafkaTopic, which the Java checks cover).
import { readFileSync } from "node:fs";

const checkedElsewhere = new Set(
  process.argv
    .filter((arg) => arg.startsWith("--checked-elsewhere="))
    .flatMap((arg) => arg.slice("--checked-elsewhere=".length).split(","))
    .filter(Boolean),
);

/** The model class of apiVersion/kind, or undefined when kubernetes-models has none. */
async function modelOf(apiVersion, kind) {
  try {
    const module = await import(`kubernetes-models/${apiVersion}/${kind}`);
    const model = module[kind];
    // the package also exports the parts of objects (DeploymentSpec, …), which are not kinds
    return model?.apiVersion === apiVersion && model?.kind === kind ? model : undefined;
  } catch (error) {
    if (error.code === "ERR_MODULE_NOT_FOUND" || error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      return undefined;
    }
    throw error;
  }
}

const objects = JSON.parse(readFileSync(0, "utf8"));
const findings = [];

for (const [index, object] of objects.entries()) {
  const apiVersion = object?.apiVersion;
  const kind = object?.kind;
  const name = object?.metadata?.name;
  const report = (message) => findings.push({ index, apiVersion, kind, name, message });

  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    report("apiVersion and kind must both be set");
    continue;
  }
  if (checkedElsewhere.has(`${apiVersion}/${kind}`)) {
    continue;
  }
  const Model = await modelOf(apiVersion, kind);
  if (!Model) {
    report(`no schema for ${apiVersion} ${kind}: a typo in apiVersion or kind, or a custom resource the checks do not know`);
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    const details = error.errors ?? [{ instancePath: "", message: error.message }];
    for (const detail of details) {
      const where = detail.instancePath || "/";
      const missing = detail.params?.missingProperty;
      const allowed = detail.params?.allowedValues;
      let message = `${where} ${detail.message}`;
      if (allowed) message += ` (${allowed.join(", ")})`;
      if (missing && !detail.message.includes(missing)) message += ` (${missing})`;
      report(message);
    }
  }
}

process.stdout.write(JSON.stringify(findings));
