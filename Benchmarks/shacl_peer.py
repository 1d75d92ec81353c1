#!/usr/bin/env python3
"""pyshacl peer of the EspaceBenchmarks SHACL entries: the Gaia-X Loire shapes on N copies of
the real Loire participant credentials.

    python3 Benchmarks/shacl_peer.py prepare --data bench-out   # writes the inputs
    python3 Benchmarks/shacl_peer.py run --data bench-out [--budget 2]

`prepare` turns the three enveloped VC payloads of shared/gaiax/loire/participant-vp-2026.decoded.json
into RDF with pyld (contexts served from shared/protocols/contexts/context-map.json, no network),
moves each credential's domain type onto its credentialSubject and keeps the subjects only (live
Loire VCs type the VC, the shapes describe the subject; see shared/gaiax/NOTES.md §2.2), adds the
registration-number subclass axioms of the Gaia-X ontology, and writes N copies with renamed IRIs
and blank nodes to shacl-gaiax-data-N.nt; the shapes, with the 2511# namespace rewritten to
development# (shared/gaiax/README.md), go to shacl-gaiax-shapes.ttl. EspaceBenchmarks reads the
same files. `run` times pyshacl.validate (no inference) on graphs parsed beforehand, and rdflib parsing the
shapes (`shacl.gaiax.parse`), in the
format of EspaceBenchmarks: {"name":..., "impl":"pyshacl", "iterations":..., "median_us":..., "ops_per_s":...}.
Install pyshacl with `pip install pyshacl` (pyld is needed for `prepare`).
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from peers import context_files, make_loader, measure, package_root, shared_root  # noqa: E402  (also disables sockets)

COUNTS = (1, 10, 100, 1000)
GX_2511 = "https://w3id.org/gaia-x/2511#"
GX_DEV = "https://w3id.org/gaia-x/development#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
CRED = "https://www.w3.org/2018/credentials#"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
# The registration-number types of the Gaia-X ontology are subclasses of gx:RegistrationNumber
# (the shapes file carries no class hierarchy; the clearing house reads it from the ontology).
REGISTRATION_TYPES = ("VatID", "LeiCode", "EORI", "EUID", "TaxID", "LocalRegistrationNumber")


def subject_triples(shared, data):
    """The normalized triples of the Loire credential subjects, as (s, p, o) N-Triples terms."""
    from pyld import jsonld

    with open(os.path.join(shared, "gaiax/loire/participant-vp-2026.decoded.json"), encoding="utf-8") as f:
        vp = json.load(f)
    loader = make_loader(context_files(shared, data))
    triples = []
    for index, credential in enumerate(vp["envelopedCredentialsDecoded"]):
        nquads = jsonld.to_rdf(credential["payload"], {"format": "application/n-quads", "documentLoader": loader})
        statements = []
        for line in nquads.splitlines():
            line = line.strip()
            if not line:
                continue
            parts = line[:-1].strip()  # drop the final '.'
            s, rest = parts.split(" ", 1)
            p, o = rest.split(" ", 1)
            # Blank nodes are per credential.
            fix = lambda t: f"_:c{index}{t[2:]}" if t.startswith("_:") else t  # noqa: E731
            statements.append((fix(s), p, fix(o).strip()))
        credentials = {s for s, p, o in statements if p == f"<{RDF_TYPE}>" and o == f"<{CRED}VerifiableCredential>"}
        for vc in credentials:
            subjects = [o for s, p, o in statements if s == vc and p == f"<{CRED}credentialSubject>"]
            types = [o for s, p, o in statements if s == vc and p == f"<{RDF_TYPE}>" and o != f"<{CRED}VerifiableCredential>"]
            triples += [(subject, f"<{RDF_TYPE}>", t) for subject in subjects for t in types]
        triples += [(s, p, o) for s, p, o in statements if s not in credentials]
    return triples


def prepare(args):
    shared = shared_root(args.shared)
    with open(os.path.join(shared, "gaiax/loire/gx-2511-shapes.ttl"), encoding="utf-8") as f:
        shapes = f.read().replace(GX_2511, GX_DEV)
    with open(os.path.join(args.data, "shacl-gaiax-shapes.ttl"), "w", encoding="utf-8") as f:
        f.write(shapes)
    base = subject_triples(shared, args.data)
    axioms = [f"<{GX_DEV}{t}> <{SUBCLASS}> <{GX_DEV}RegistrationNumber> ." for t in REGISTRATION_TYPES]

    def copy(term, i):
        if term.startswith("<https://gaia-x.eu/"):
            return term.replace("<https://gaia-x.eu/", f"<https://gaia-x.eu/copy{i}/", 1)
        if term.startswith("_:"):
            return f"{term}x{i}"
        return term

    for n in COUNTS:
        lines = list(axioms)
        for i in range(n):
            lines += [f"{copy(s, i)} {p} {copy(o, i)} ." for s, p, o in base]
        name = f"shacl-gaiax-data-{n}.nt"
        with open(os.path.join(args.data, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        print(f"wrote {name} ({len(lines)} triples, {3 * n} credentials)", file=sys.stderr)


def run(args):
    import rdflib
    from pyshacl import validate

    shapes_path = os.path.join(args.data, "shacl-gaiax-shapes.ttl")
    if not os.path.exists(shapes_path):
        sys.exit(f"error: {shapes_path} not found (run `shacl_peer.py prepare` first)")
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    if not args.filter or any(text in "shacl.gaiax.parse" for text in args.filter):
        with open(shapes_path, encoding="utf-8") as f:
            text = f.read()
        parse = lambda: len(rdflib.Graph().parse(data=text, format="turtle"))  # noqa: E731
        print(json.dumps(measure("shacl.gaiax.parse", "rdflib", parse, args.budget)), flush=True)
    for n in COUNTS:
        name = f"shacl.gaiax.validate.{n}"
        if args.filter and not any(text in name for text in args.filter):
            continue
        data = rdflib.Graph().parse(os.path.join(args.data, f"shacl-gaiax-data-{n}.nt"), format="nt")

        def operation(d=data):
            conforms, _, text = validate(d, shacl_graph=shapes, inference="none", advanced=False)
            if not conforms:
                raise SystemExit(f"error: {name}: pyshacl reports a violation:\n{text}")
            return conforms

        operation()
        print(json.dumps(measure(name, "pyshacl", operation, args.budget)), flush=True)


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
    args = parser.parse_args()
    {"prepare": prepare, "run": run}[args.command](args)


if __name__ == "__main__":
    main()
