#!/usr/bin/python3
"""Runs the brief commands of examples/ci/{github-actions.yml, gitlab-ci.yml,
kubernetes-job.yaml} the way their CI engine would, on this machine: each
shard's command with the variables the engine sets (the GitHub matrix value,
GitLab's CI_NODE_INDEX/CI_NODE_TOTAL, Kubernetes' JOB_COMPLETION_INDEX),
the artefacts or volume emulated by folders, then the merge command.

Usage: run_examples.py BRIEF_BINARY BRIEFS_DIR WORK_DIR
Prints one line per example: "<name>: <shards> shards, exit codes <...>,
merge exit <n>, <k> briefs merged", and exits 1 if a command could not be
found in an example.
"""
import json
import os
import shutil
import subprocess
import sys

import yaml

brief, briefs, work = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
examples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "examples", "ci")


def run(command, cwd, env=None):
    """Runs a shell command line from an example; returns its exit status."""
    full = dict(os.environ, **(env or {}))
    return subprocess.run(["bash", "-c", command], cwd=cwd, env=full,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode


def merged_count(path):
    with open(path) as f:
        return len(json.load(f)["briefs"])


def find_command(lines, needle):
    for line in lines:
        if needle in line:
            return line
    sys.exit(f"no line with {needle!r} in an example")


def local(command):
    """An example's command with this checkout's binary and the test briefs."""
    return command.replace("build/brief", brief).replace("briefs/", briefs + "/")


def github():
    doc = yaml.safe_load(open(os.path.join(examples, "github-actions.yml")))
    render_steps = [s.get("run", "") for s in doc["jobs"]["render"]["steps"]]
    render = find_command(render_steps, "brief render")
    merge_steps = [s.get("run", "") for s in doc["jobs"]["merge"]["steps"]]
    merge = find_command(merge_steps, "manifest merge")
    cwd = os.path.join(work, "github")
    os.makedirs(os.path.join(cwd, "shards"))
    codes = []
    shards = doc["jobs"]["render"]["strategy"]["matrix"]["shard"]
    for shard in shards:
        codes.append(run(local(render.replace("${{ matrix.shard }}", str(shard))), cwd))
        # upload-artifact out/ as briefs-shard-N, download-artifact into shards/.
        shutil.move(os.path.join(cwd, "out"), os.path.join(cwd, "shards", f"briefs-shard-{shard}"))
    code = run(local(merge), cwd)
    return len(shards), codes, code, merged_count(os.path.join(cwd, "shards", "manifest.json"))


def gitlab():
    doc = yaml.safe_load(open(os.path.join(examples, "gitlab-ci.yml")))
    render = find_command(doc["render"]["script"], "brief render")
    merge = find_command(doc["merge"]["script"], "manifest merge")
    total = doc["render"]["parallel"]
    cwd = os.path.join(work, "gitlab")
    os.makedirs(cwd)
    codes = [run(local(render), cwd, {"CI_NODE_INDEX": str(i), "CI_NODE_TOTAL": str(total)})
             for i in range(1, total + 1)]
    code = run(local(merge), cwd)
    return total, codes, code, merged_count(os.path.join(cwd, "out", "manifest.json"))


def kubernetes():
    doc = yaml.safe_load(open(os.path.join(examples, "kubernetes-job.yaml")))
    container = doc["spec"]["template"]["spec"]["containers"][0]
    command = " ".join(container["args"])
    total = doc["spec"]["completions"]
    data = os.path.join(work, "kubernetes", "data")
    os.makedirs(os.path.join(data, "out"))
    shutil.copytree(briefs, os.path.join(data, "briefs"))
    command = command.replace("/brief/build/brief", brief).replace("/data/", data + "/")
    codes = [run(command, data, {"JOB_COMPLETION_INDEX": str(i)}) for i in range(total)]
    merge = (f"{brief} manifest merge -o {data}/out/manifest.json {data}/out/shard-*/manifest.json")
    code = run(merge, data)
    return total, codes, code, merged_count(os.path.join(data, "out", "manifest.json"))


for name, example in (("github", github), ("gitlab", gitlab), ("kubernetes", kubernetes)):
    shards, codes, code, count = example()
    print(f"{name}: {shards} shards, exit codes {codes}, merge exit {code}, {count} briefs merged")
