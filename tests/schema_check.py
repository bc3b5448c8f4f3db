#!/usr/bin/python3
"""Checks brief's JSON Schema: valid as a draft 2020-12 schema, accepting
every brief named after --valid and rejecting every one after --invalid.

  schema_check.py SCHEMA --valid FILE... --invalid FILE...

Briefs are read as the YAML language server reads them (YAML 1.2: only
true/false are booleans, dates stay text). Prints one line per file that
is judged wrongly and exits 1 if there is one."""
import json
import re
import sys

import jsonschema
import yaml


class Yaml12Loader(yaml.SafeLoader):
    pass


# YAML 1.2's core schema: no timestamps, no yes/no/on/off booleans, and
# floats such as 4.0e9 (YAML 1.1 wants a sign in the exponent).
Yaml12Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers
          if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:float")]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$"),
    list("-+0123456789."))


def main():
    args = sys.argv[1:]
    schema = json.load(open(args[0], encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    mode, wrong, seen = None, 0, 0
    for arg in args[1:]:
        if arg in ("--valid", "--invalid"):
            mode = arg
            continue
        with open(arg, encoding="utf-8") as f:
            data = yaml.load(f, Loader=Yaml12Loader)
        errors = list(validator.iter_errors(data))
        seen += 1
        if mode == "--valid" and errors:
            wrong += 1
            print(f"{arg}: rejected: {errors[0].message} at {list(errors[0].absolute_path)}")
        if mode == "--invalid" and not errors:
            wrong += 1
            print(f"{arg}: accepted")
    print(f"{seen} briefs checked, {wrong} judged wrongly")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
