#!/usr/bin/env python3
"""Writes a deterministic DCAT catalogue for the Espace benchmarks.

    python3 Benchmarks/generate_catalog.py OUT.jsonld [--datasets 10000] [--seed 8785]

The catalogue is JSON-LD: one dcat:Catalog with N dcat:Dataset nodes, each with a title,
a description, keywords, dates, a publisher, a theme, a licence, two dcat:Distribution nodes
and an ODRL offer (odrl:hasPolicy) with one permission carrying one constraint. Its
@context is the URL CONTEXT_URL, whose document is written next to the catalogue as
dcat-context.jsonld; the benchmark loaders serve that URL from that file (nothing is
fetched). The same arguments always give the same bytes.
"""

import argparse
import datetime
import json
import os
import random
import sys
import uuid

CONTEXT_URL = "https://espace.example/benchmarks/dcat-context.jsonld"
CONTEXT_FILE = "dcat-context.jsonld"

CONTEXT = {
    "@context": {
        "@version": 1.1,
        "dcat": "http://www.w3.org/ns/dcat#",
        "dct": "http://purl.org/dc/terms/",
        "odrl": "http://www.w3.org/ns/odrl/2/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "id": "@id",
        "type": "@type",
        "Catalog": "dcat:Catalog",
        "Dataset": "dcat:Dataset",
        "Distribution": "dcat:Distribution",
        "Offer": "odrl:Offer",
        "title": {"@id": "dct:title", "@language": "en"},
        "description": {"@id": "dct:description", "@language": "en"},
        "keyword": {"@id": "dcat:keyword", "@container": "@set", "@language": "en"},
        "issued": {"@id": "dct:issued", "@type": "xsd:date"},
        "modified": {"@id": "dct:modified", "@type": "xsd:dateTime"},
        "publisher": {"@id": "dct:publisher", "@type": "@id"},
        "license": {"@id": "dct:license", "@type": "@id"},
        "theme": {"@id": "dcat:theme", "@type": "@id"},
        "homepage": {"@id": "foaf:homepage", "@type": "@id"},
        "dataset": {"@id": "dcat:dataset", "@container": "@set"},
        "distribution": {"@id": "dcat:distribution", "@container": "@set"},
        "accessURL": {"@id": "dcat:accessURL", "@type": "@id"},
        "mediaType": {"@id": "dcat:mediaType", "@type": "@id"},
        "byteSize": {"@id": "dcat:byteSize", "@type": "xsd:nonNegativeInteger"},
        "hasPolicy": {"@id": "odrl:hasPolicy"},
        "assigner": {"@id": "odrl:assigner", "@type": "@id"},
        "target": {"@id": "odrl:target", "@type": "@id"},
        "permission": {"@id": "odrl:permission", "@container": "@set"},
        "action": {"@id": "odrl:action", "@type": "@vocab"},
        "constraint": {"@id": "odrl:constraint", "@container": "@set"},
        "leftOperand": {"@id": "odrl:leftOperand", "@type": "@vocab"},
        "operator": {"@id": "odrl:operator", "@type": "@vocab"},
        "rightOperand": {"@id": "odrl:rightOperand"},
        "use": "odrl:use",
        "dateTime": "odrl:dateTime",
        "lteq": "odrl:lteq",
    }
}

WORDS = (
    "energy mobility traffic air quality water soil climate health hospital census budget "
    "procurement education school transport rail bus parking bicycle emission noise weather "
    "forecast satellite imagery agriculture crop forest biodiversity tourism culture museum "
    "library statistics population housing grid solar wind battery charging logistics port "
    "freight supply chain manufacturing sensor telemetry maintenance aviation maritime"
).split()
THEMES = ["AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST", "REGI", "SOCI", "TECH", "TRAN"]
LICENSES = [
    "https://creativecommons.org/licenses/by/4.0/",
    "https://creativecommons.org/licenses/by-sa/4.0/",
    "https://creativecommons.org/publicdomain/zero/1.0/",
    "https://data.europa.eu/eli/dec_impl/2023/138/oj",
]
MEDIA = [
    ("csv", "text/csv"),
    ("json", "application/json"),
    ("parquet", "application/vnd.apache.parquet"),
    ("geojson", "application/geo+json"),
]
BASE = "https://catalog.espace.example/"
EXPIRY_START = datetime.datetime(2027, 1, 1)


def sentence(rng, low, high):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize()


def dataset(rng, i):
    ident = f"{BASE}dataset/{i:05d}"
    publisher = f"did:web:participant-{rng.randint(1, 250):03d}.espace.example"
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    distributions = []
    for extension, media in rng.sample(MEDIA, 2):
        distributions.append({
            "id": f"{ident}/distribution/{extension}",
            "type": "Distribution",
            "title": f"{extension.upper()} download",
            "accessURL": f"https://data.espace.example/{i:05d}/data.{extension}",
            "mediaType": f"https://www.iana.org/assignments/media-types/{media}",
            "byteSize": rng.randint(1_000, 5_000_000_000),
        })
    # Every offer expires at its own minute, so constraint nodes are told apart by content.
    expiry = (EXPIRY_START + datetime.timedelta(minutes=7 * i + 1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "id": ident,
        "type": "Dataset",
        "title": sentence(rng, 3, 7),
        "description": sentence(rng, 12, 30) + ".",
        "keyword": sorted({rng.choice(WORDS) for _ in range(rng.randint(2, 5))}),
        "issued": f"2024-{month:02d}-{day:02d}",
        "modified": f"2025-{month:02d}-{day:02d}T{i % 24:02d}:{i % 60:02d}:00Z",
        "publisher": publisher,
        "theme": "http://publications.europa.eu/resource/authority/data-theme/" + rng.choice(THEMES),
        "license": rng.choice(LICENSES),
        "distribution": distributions,
        "hasPolicy": {
            "id": "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, ident + "#offer")),
            "type": "Offer",
            "assigner": publisher,
            "target": ident,
            "permission": [{
                "action": "use",
                "constraint": [{
                    "leftOperand": "dateTime",
                    "operator": "lteq",
                    "rightOperand": {"@value": expiry, "@type": "xsd:dateTime"},
                }],
            }],
        },
    }


def catalog(datasets, seed):
    rng = random.Random(seed)
    return {
        "@context": CONTEXT_URL,
        "id": BASE,
        "type": "Catalog",
        "title": "Espace benchmark catalogue",
        "description": f"A generated DCAT catalogue of {datasets} datasets for benchmarks.",
        "publisher": "did:web:catalog.espace.example",
        "homepage": BASE,
        "dataset": [dataset(rng, i) for i in range(datasets)],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the catalogue file to write (dcat-context.jsonld is written beside it)")
    parser.add_argument("--datasets", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8785)
    args = parser.parse_args()
    folder = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, CONTEXT_FILE), "w", encoding="utf-8", newline="\n") as f:
        json.dump(CONTEXT, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        json.dump(catalog(args.datasets, args.seed), f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes, {args.datasets} datasets)", file=sys.stderr)


if __name__ == "__main__":
    main()
