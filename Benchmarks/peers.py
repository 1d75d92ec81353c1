#!/usr/bin/env python3
"""Python peers of the Espace benchmarks, on the same inputs, timed the same way.

    python3 Benchmarks/peers.py prepare --data bench-out    # writes the N-Quads inputs
    python3 Benchmarks/peers.py run --data bench-out [--budget 2] [--filter TEXT]...
    python3 Benchmarks/peers.py table espace.jsonl peers.jsonl

`run` prints one JSON line per benchmark and implementation, in the format of
EspaceBenchmarks: {"name":..., "impl":..., "iterations":..., "median_us":..., "ops_per_s":...}.
Peers: the standard `json` module, pyld (expand, to_rdf, URDNA2015) and pyoxigraph (JSON-LD
and N-Quads parsing, RDFC-1.0). Install them with `pip install pyld pyoxigraph`.

Nothing here touches the network: pyld gets a document loader that serves contexts from
the shared folder (protocols/contexts/context-map.json) and the generated catalogue context,
and fails for any other URL; pyoxigraph cannot load remote contexts, so it is given the
documents with their contexts inlined; and sockets are disabled for the whole process.
"""

import argparse
import copy
import json
import os
import socket
import statistics
import sys
import time

CATALOG_CONTEXT_URL = "https://espace.example/benchmarks/dcat-context.jsonld"
ALUMNI = "conformance/vc/vc-di-eddsa/TestVectors/unsigned.json"
ALUMNI_SIGNED = "conformance/vc/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/signedDataInt.json"
ALUMNI_JCS = "conformance/vc/vc-di-eddsa/TestVectors/eddsa-jcs-2022/canonDocJCS.txt"
ALUMNI_RDFC = "conformance/vc/vc-di-eddsa/TestVectors/eddsa-rdfc-2022/canonDocDataInt.txt"


class NetworkDisabled(RuntimeError):
    pass


def _no_network(*args, **kwargs):
    raise NetworkDisabled("the benchmark peers must not use the network")


socket.socket.connect = _no_network  # type: ignore[method-assign]
socket.socket.connect_ex = _no_network  # type: ignore[method-assign]
socket.create_connection = _no_network  # type: ignore[assignment]
socket.getaddrinfo = _no_network  # type: ignore[assignment]


# MARK: Inputs


def package_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def shared_root(explicit):
    if explicit:
        return explicit
    env = os.environ.get("ESPACE_SHARED")
    if env:
        return env
    return os.path.join(os.path.dirname(package_root()), "shared")


def read_bytes(path):
    if not os.path.exists(path):
        print(f"skip: {path} not found (run Benchmarks/run.sh to generate it)", file=sys.stderr)
        return None
    with open(path, "rb") as f:
        return f.read()


def context_files(shared, data):
    """Context URL -> local file: the shared context map plus the catalogue's context."""
    with open(os.path.join(shared, "protocols/contexts/context-map.json"), encoding="utf-8") as f:
        entries = json.load(f)["contexts"]
    files = {entry["url"]: os.path.join(shared, entry["file"]) for entry in entries}
    files[CATALOG_CONTEXT_URL] = os.path.join(data, "dcat-context.jsonld")
    return files


def make_loader(files):
    """A pyld document loader that serves local files only."""
    from pyld import jsonld

    cache = {}

    def loader(url, options=None):
        key = url.split("#", 1)[0] if url not in files else url
        if key not in files:
            raise jsonld.JsonLdError(
                f"{url} is not a local context", "jsonld.LoadDocumentError", code="loading document failed")
        if key not in cache:
            with open(files[key], encoding="utf-8") as f:
                cache[key] = json.load(f)
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": cache[key]}

    return loader


def inline_contexts(document, files):
    """The document with each remote @context URL replaced by that context's content
    (pyoxigraph has no document loader)."""
    def resolve(context):
        if isinstance(context, str):
            with open(files[context], encoding="utf-8") as f:
                return json.load(f)["@context"]
        if isinstance(context, list):
            return [resolve(c) for c in context]
        return context

    out = dict(document)
    out["@context"] = resolve(document["@context"])
    return out


def jcs(value):
    """JCS via the json module: equal to RFC 8785 for documents whose keys are ASCII and
    whose numbers are integers (true of the alumni credential; checked before timing)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# MARK: Measurement (the same procedure as BenchmarkRunner.swift)


def measure(name, impl, operation, budget, setup=None, warmup=0.2, minimum_sample=0.001, minimum_samples=3,
            maximum_samples=51):
    """Median time of `operation()`; with `setup`, of `operation(setup())`, where setup runs
    untimed before every operation (then each sample is one operation)."""
    clock = time.perf_counter

    def timed(count):
        if setup is None:
            begin = clock()
            for _ in range(count):
                operation()
            return clock() - begin
        total = 0.0
        for _ in range(count):
            argument = setup()
            begin = clock()
            operation(argument)
            total += clock() - begin
        return total

    warmed = 0
    spent = 0.0
    while spent < warmup or warmed == 0:
        spent += timed(1)
        warmed += 1
    estimate = max(spent / warmed, 1e-9)
    batch = 1 if setup is not None else max(1, int(-(-minimum_sample // estimate)))
    samples = min(maximum_samples, max(minimum_samples, int(budget / (estimate * batch))))
    per_operation = [timed(batch) / batch for _ in range(samples)]
    median_us = statistics.median(per_operation) * 1e6
    return {"name": name, "impl": impl, "iterations": samples * batch,
            "median_us": round(median_us, 3), "ops_per_s": round(1e6 / median_us, 2) if median_us > 0 else 0}


# MARK: Benchmarks


def benchmarks(shared, data):
    """(name, impl, operation) for every peer whose input exists; checks results first.
    `operation` is a function of no argument, or a pair (function, setup) when each run
    needs a fresh input made by `setup` outside the timing."""
    from pyld import jsonld
    import pyoxigraph as ox

    files = context_files(shared, data)
    loader = make_loader(files)
    jsonld.set_document_loader(loader)
    options = {"documentLoader": loader}
    out = []

    alumni = read_bytes(os.path.join(shared, ALUMNI))
    if alumni is not None:
        expected = read_bytes(os.path.join(shared, ALUMNI_JCS))
        if jcs(json.loads(alumni)) != expected:
            print("warning: json.dumps differs from the JCS vector for the alumni credential", file=sys.stderr)
        out.append(("json.parse.alumni", "python-json", lambda: json.loads(alumni)))
        out.append(("json.jcs.alumni", "python-json", lambda: jcs(json.loads(alumni))))
    catalog10k = read_bytes(os.path.join(data, "catalog-10000.jsonld"))
    if catalog10k is not None:
        out.append(("json.parse.catalog10k", "python-json", lambda: json.loads(catalog10k)))

    documents = (
        ("alumni", alumni),
        ("alumniSigned", read_bytes(os.path.join(shared, ALUMNI_SIGNED))),
        ("catalog1k", read_bytes(os.path.join(data, "catalog-1000.jsonld"))),
    )
    for suffix, raw in documents:
        if raw is None:
            continue
        document = json.loads(raw)
        inlined = json.dumps(inline_contexts(document, files)).encode("utf-8")
        out.append((f"jsonld.expand.{suffix}", "pyld", lambda d=document: jsonld.expand(d, options)))
        out.append((f"jsonld.toRdf.{suffix}", "pyld", lambda d=document: jsonld.to_rdf(d, options)))
        out.append((f"jsonld.toRdf.{suffix}", "pyoxigraph",
                    lambda b=inlined: list(ox.parse(b, format=ox.RdfFormat.JSON_LD))))
        normalize_options = dict(options, algorithm="URDNA2015", format="application/n-quads")
        out.append((f"jsonld.canonize.{suffix}", "pyld", lambda d=document: jsonld.normalize(d, normalize_options)))
        out.append((f"jsonld.canonize.{suffix}", "pyoxigraph",
                    lambda b=inlined: ox_canonical(ox.parse(b, format=ox.RdfFormat.JSON_LD))))

        # RDFC-1.0 alone, on statements parsed beforehand. pyld gets its own dataset form
        # (its N-Quads parser is quadratic, so it is not used to make it).
        dataset = jsonld.to_rdf(document, options)
        quads = list(ox.parse(inlined, format=ox.RdfFormat.JSON_LD))
        pyld_canonical = jsonld.URDNA2015().main(copy.deepcopy(dataset), {"algorithm": "URDNA2015", "format": "application/n-quads"})
        if pyld_canonical != ox_canonical(quads):
            print(f"warning: pyld and pyoxigraph disagree on the canonical form of {suffix}", file=sys.stderr)
        if suffix == "alumni" and pyld_canonical.encode("utf-8") != read_bytes(os.path.join(shared, ALUMNI_RDFC)):
            print("warning: the canonical alumni credential differs from canonDocDataInt.txt", file=sys.stderr)
        # URDNA2015.main relabels blank nodes in its input, so each run gets a fresh copy (untimed).
        out.append((f"rdfc.{suffix}", "pyld",
                    (lambda ds: jsonld.URDNA2015().main(ds, {"algorithm": "URDNA2015", "format": "application/n-quads"}),
                     lambda ds=dataset: copy.deepcopy(ds))))
        out.append((f"rdfc.{suffix}", "pyoxigraph", lambda q=quads: ox_canonical(q)))

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from credential_peers import credential_benchmarks
    out += credential_benchmarks(shared, data, options, os.path.join(shared, ALUMNI_SIGNED))

    for suffix, file in (("alumni", "alumni.nq"), ("catalog10k", "catalog-10000.nq")):
        nquads = read_bytes(os.path.join(data, file))
        if nquads is not None:
            out.append((f"rdf.nquads.parse.{suffix}", "pyoxigraph",
                        lambda b=nquads: list(ox.parse(b, format=ox.RdfFormat.N_QUADS))))
    return out


def ox_canonical(quads):
    """pyoxigraph RDFC-1.0: statements -> canonical N-Quads text with sorted lines."""
    import pyoxigraph as ox

    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = ox.serialize(dataset, format=ox.RdfFormat.N_QUADS).decode("utf-8").splitlines(keepends=True)
    return "".join(sorted(lines))


# MARK: Commands


def prepare(args):
    """Writes alumni.nq and catalog-N.nq (N-Quads of the JSON-LD inputs, via pyoxigraph) and
    catalog-1000.canonical.nq (its RDFC-1.0 form)."""
    import pyoxigraph as ox

    shared = shared_root(args.shared)
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from credential_peers import prepare_credentials
    prepare_credentials(args.data)
    files = context_files(shared, args.data)
    inputs = [("alumni.nq", os.path.join(shared, ALUMNI))]
    for n in (1000, 10000):
        inputs.append((f"catalog-{n}.nq", os.path.join(args.data, f"catalog-{n}.jsonld")))
    for out_name, path in inputs:
        raw = read_bytes(path)
        if raw is None:
            continue
        inlined = json.dumps(inline_contexts(json.loads(raw), files)).encode("utf-8")
        quads = list(ox.parse(inlined, format=ox.RdfFormat.JSON_LD))
        with open(os.path.join(args.data, out_name), "wb") as f:
            f.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        print(f"wrote {out_name} ({len(quads)} statements)", file=sys.stderr)
        if out_name == "catalog-1000.nq":
            # The expected RDFC-1.0 form, which EspaceBenchmarks checks its result against.
            with open(os.path.join(args.data, "catalog-1000.canonical.nq"), "wb") as f:
                f.write(ox_canonical(quads).encode("utf-8"))
            print("wrote catalog-1000.canonical.nq", file=sys.stderr)


def run(args):
    shared = shared_root(args.shared)
    for name, impl, operation in benchmarks(shared, args.data):
        if args.filter and not any(text in name for text in args.filter):
            continue
        setup = None
        if isinstance(operation, tuple):
            operation, setup = operation
        print(json.dumps(measure(name, impl, operation, args.budget, setup=setup)), flush=True)


def table(args):
    """Markdown table: each peer's median beside Espace's, and the ratio peer / Espace
    (above 1: Espace is that many times faster)."""
    def load(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip().startswith("{")]

    espace = {r["name"]: r for r in load(args.espace)}
    peers = load(args.peers)
    names = sorted({r["name"] for r in peers} | set(espace), key=lambda n: (n.split(".")[0], n))
    print("| benchmark | Espace median (µs) | peer | peer median (µs) | ratio peer/Espace |")
    print("| --- | ---: | --- | ---: | ---: |")
    for name in names:
        mine = espace.get(name)
        mine_text = f"{mine['median_us']:.1f}" if mine else "not yet"
        rows = [r for r in peers if r["name"] == name] or [None]
        for peer in rows:
            peer_name = peer["impl"] if peer else "-"
            peer_text = f"{peer['median_us']:.1f}" if peer else "-"
            ratio = f"{peer['median_us'] / mine['median_us']:.2f}×" if peer and mine and mine["median_us"] > 0 else "-"
            print(f"| {name} | {mine_text} | {peer_name} | {peer_text} | {ratio} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for command in ("prepare", "run"):
        sub = commands.add_parser(command)
        sub.add_argument("--data", default=os.path.join(package_root(), "bench-out"))
        sub.add_argument("--shared", default=None)
        if command == "run":
            sub.add_argument("--budget", type=float, default=2.0, help="seconds of timed samples per benchmark")
            sub.add_argument("--filter", action="append", default=[])
    sub = commands.add_parser("table")
    sub.add_argument("espace")
    sub.add_argument("peers")
    args = parser.parse_args()
    {"prepare": prepare, "run": run, "table": table}[args.command](args)


if __name__ == "__main__":
    main()
