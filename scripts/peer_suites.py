#!/usr/bin/env python3
"""Measures two Python peers on the conformance suites Espace is measured on.

Peers (install with `pip install pyld pyoxigraph`):
  * pyld       - over the seven JSON-LD 1.1 API manifests (expand, compact, flatten,
                 toRdf, fromRdf, remote-doc, html) and, through its URDNA2015
                 implementation (RDFC-1.0's former name), over the RDFC-1.0 suite;
  * pyoxigraph - over the RDFC-1.0 suite (Dataset.canonicalize) and, through its JSON-LD
                 parser (RdfFormat.JSON_LD), over the toRdf manifest.

Suites: shared/conformance/json-ld-api/tests and shared/conformance/rdf-canon/tests
(see the README beside each). Nothing touches the network: sockets are disabled, and
pyld gets a document loader that serves https://w3c.github.io/json-ld-api/tests/ from
the suite folder, emulates the remote-doc HTTP options, and fails every other URL with
`loading document failed`.

Comparison rules (from the suite READMEs):
  * JSON results: objects member by member, arrays unordered except under @list,
    scalars strictly equal (bool is not a number), @language case-insensitive, blank
    node labels matched through one consistent bijection;
  * toRdf: dataset isomorphism, decided by comparing RDFC-1.0 canonical forms made by
    pyoxigraph on both sides (sorted lines); where the expected file is generalized RDF
    that pyoxigraph cannot parse, pyld's URDNA2015 canonical forms are compared instead;
  * negative tests: the raised JSON-LD error code must equal expectErrorCode (pyld puts
    it in JsonLdError.code, somewhere along the __cause__ chain). pyoxigraph's errors
    carry no JSON-LD error code, so for pyoxigraph a negative test passes when any
    error is raised (reported as a note);
  * RDFC-1.0 eval tests: canonical N-Quads text compared byte for byte; map tests: the
    issued identifier map; the negative test passes only if the processor raises within
    30 s (it runs in a subprocess that is killed at the time-out).

A 1.1 processor skips the tests marked specVersion json-ld-1.0. Tests whose options a
peer's API cannot express are skipped with the reason given.

Usage:
    python3 scripts/peer_suites.py [--json OUT] [--suites DIR] [--only pyld|pyoxigraph]
DIR defaults to ../shared/conformance relative to the package root.
"""
import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Mapping

# ---------------------------------------------------------------------------
# No network, whatever happens.


def _no_network(*_args, **_kwargs):
    raise OSError("network access disabled by peer_suites.py")


socket.socket.connect = _no_network
socket.socket.connect_ex = _no_network
socket.create_connection = _no_network
socket.getaddrinfo = _no_network

JSONLD_BASE = "https://w3c.github.io/json-ld-api/tests/"
CANON_BASE = "https://w3c.github.io/rdf-canon/tests/"
JSONLD_MANIFESTS = ["expand", "compact", "flatten", "toRdf", "fromRdf", "remote-doc", "html"]
PER_TEST_TIMEOUT = 30          # seconds, for any single in-process test
NEGATIVE_CANON_TIMEOUT = 30    # seconds, for the RDFC-1.0 poison graph (test074)
GLOBAL_BUDGET = 8 * 60         # seconds; tests not started by then are skipped

START = time.monotonic()


class TestTimeout(BaseException):
    """Raised by SIGALRM; a BaseException so that peers' `except Exception` can't eat it."""


def _on_alarm(_signum, _frame):
    raise TestTimeout()


signal.signal(signal.SIGALRM, _on_alarm)


def run_bounded(fn, seconds=PER_TEST_TIMEOUT):
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)


def one_line(text, limit=160):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def budget_left():
    return time.monotonic() - START < GLOBAL_BUDGET


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8")


def read_json(path):
    return json.loads(read_text(path))


def types_of(entry):
    t = entry.get("@type", entry.get("type", []))
    return t if isinstance(t, list) else [t]


# ---------------------------------------------------------------------------
# JSON-LD object comparison with blank-node bijection.


class CompareBudgetExceeded(Exception):
    pass


def plain(v):
    """frozendict / tuples -> dict / list, so the comparison sees plain JSON."""
    if isinstance(v, Mapping):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


def is_bnode(v):
    return isinstance(v, str) and v.startswith("_:")


def num_key(v):
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**63:
        return str(int(v))
    return repr(v)


def json_literal(v):
    return json.dumps(v, sort_keys=True, ensure_ascii=False)


class JsonComparer:
    def __init__(self, budget=200000):
        self.sig_cache = {}
        self.steps = 0
        self.budget = budget

    def sig(self, v, key=None):
        """Structural signature that ignores blank node labels and array order."""
        ck = (id(v), key)
        if ck in self.sig_cache:
            return self.sig_cache[ck][0]
        if key == "@value" and isinstance(v, (dict, list)):
            s = "J" + json_literal(v)
        elif isinstance(v, dict):
            parts = sorted(
                json.dumps("_:" if is_bnode(k) else k) + ":" + self.sig(x, k) for k, x in v.items()
            )
            s = "{" + ",".join(parts) + "}"
        elif isinstance(v, list):
            parts = [self.sig(x, key) for x in v]
            s = ("L[" + ",".join(parts) + "]") if key == "@list" else ("U[" + ",".join(sorted(parts)) + "]")
        elif isinstance(v, bool):
            s = "true" if v else "false"
        elif isinstance(v, (int, float)):
            s = "n" + num_key(v)
        elif v is None:
            s = "null"
        elif is_bnode(v):
            s = '"_:"'
        elif key == "@language":
            s = json.dumps(v.lower())
        else:
            s = json.dumps(v)
        self.sig_cache[ck] = (s, v)  # keep v alive so id() stays unique
        return s

    @staticmethod
    def unify(a, e, m):
        fwd, bwd = m
        if a in fwd:
            return m if fwd[a] == e else None
        if e in bwd:
            return None
        nf = dict(fwd)
        nf[a] = e
        nb = dict(bwd)
        nb[e] = a
        return (nf, nb)

    def tick(self):
        self.steps += 1
        if self.steps > self.budget:
            raise CompareBudgetExceeded()

    def match(self, a, e, key, m):
        self.tick()
        if key == "@value" and isinstance(a, (dict, list)):
            # a JSON literal (@type @json): plain JSON equality, arrays ordered, no blank nodes
            if isinstance(e, (dict, list)) and json_literal(a) == json_literal(e):
                yield m
        elif isinstance(a, dict):
            if not isinstance(e, dict) or len(a) != len(e):
                return
            a_plain = sorted(k for k in a if not is_bnode(k))
            e_plain = sorted(k for k in e if not is_bnode(k))
            if a_plain != e_plain:
                return
            a_bn = [k for k in a if is_bnode(k)]
            e_bn = [k for k in e if is_bnode(k)]
            pairs = [(a[k], e[k], k) for k in a_plain]

            def after_plain(m1):
                if not a_bn:
                    yield m1
                    return
                items_a = [(k, a[k]) for k in a_bn]
                items_e = [(k, e[k]) for k in e_bn]

                def pair_match(x, y, mm):
                    mm2 = self.unify(x[0], y[0], mm)
                    if mm2 is not None:
                        yield from self.match(x[1], y[1], None, mm2)

                yield from self.unordered(items_a, items_e, pair_match, m1,
                                          lambda it: self.sig(it[1], None))

            for m1 in self.seq(pairs, m):
                yield from after_plain(m1)
        elif isinstance(a, list):
            if not isinstance(e, list) or len(a) != len(e):
                return
            if key == "@list":
                yield from self.seq([(x, y, key) for x, y in zip(a, e)], m)
            else:
                yield from self.unordered(a, e, lambda x, y, mm: self.match(x, y, key, mm), m,
                                          lambda it: self.sig(it, key))
        elif isinstance(a, bool) or isinstance(e, bool):
            if isinstance(a, bool) and isinstance(e, bool) and a == e:
                yield m
        elif isinstance(a, (int, float)):
            if isinstance(e, (int, float)) and a == e:
                yield m
        elif a is None:
            if e is None:
                yield m
        elif isinstance(a, str):
            if not isinstance(e, str):
                return
            if is_bnode(a) and is_bnode(e):
                m2 = self.unify(a, e, m)
                if m2 is not None:
                    yield m2
            elif key == "@language":
                if a.lower() == e.lower():
                    yield m
            elif a == e:
                yield m

    def seq(self, pairs, m):
        if not pairs:
            yield m
            return
        a, e, k = pairs[0]
        for m2 in self.match(a, e, k, m):
            yield from self.seq(pairs[1:], m2)

    def unordered(self, items_a, items_e, fn, m, sigf):
        sa = [sigf(x) for x in items_a]
        se = [sigf(y) for y in items_e]
        if sorted(sa) != sorted(se):
            return
        yield from self._unordered(list(zip(sa, items_a)), list(zip(se, items_e)), fn, m)

    def _unordered(self, A, E, fn, m):
        if not A:
            yield m
            return
        sa, x = A[0]
        for j, (se, y) in enumerate(E):
            if se != sa:
                continue
            for m2 in fn(x, y, m):
                yield from self._unordered(A[1:], E[:j] + E[j + 1:], fn, m2)


def json_equal(actual, expected):
    c = JsonComparer()
    for _ in c.match(plain(actual), plain(expected), None, ({}, {})):
        return True
    return False


# ---------------------------------------------------------------------------
# RDF comparison helpers.


def ox_canonical(quads, algorithm=None):
    import pyoxigraph as ox

    d = ox.Dataset(quads)
    d.canonicalize(algorithm or ox.CanonicalizationAlgorithm.RDFC_1_0)
    lines = [line for line in str(d).split("\n") if line]
    lines.sort()
    return "".join(line + "\n" for line in lines)


def ox_parse_nquads(text):
    import pyoxigraph as ox

    return list(ox.parse(text.encode("utf-8"), ox.RdfFormat.N_QUADS))


def pyld_canonical(text):
    from pyld import jsonld

    return jsonld.normalize(text, {"algorithm": "URDNA2015", "inputFormat": "application/n-quads",
                                   "format": "application/n-quads"})


NQ_TERM = re.compile(r'\s*(<[^>]*>|_:[^\s<>"]+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)')
NQ_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _unescape(text):
    simple = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}

    def rep(m):
        g = m.group(1)
        return chr(int(g[1:], 16)) if g[0] in "uU" and len(g) > 1 else simple.get(g, g)

    return NQ_ESCAPE.sub(rep, text)


def _generalized_terms(text):
    """A small generalized-N-Quads reader (blank nodes allowed anywhere), used only where
    pyoxigraph cannot parse the expected file. Quads become ordered lists of tagged terms."""
    quads = set()
    for n, line in enumerate(text.split("\n"), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        pos, terms = 0, []
        while True:
            m = NQ_TERM.match(line, pos)
            if not m:
                break
            tok = m.group(1)
            pos = m.end()
            if tok.startswith("<"):
                terms.append("I" + _unescape(tok[1:-1]))
            elif tok.startswith("_:"):
                terms.append(tok)
            else:
                end = tok.rindex('"')
                value, rest = _unescape(tok[1:end]), tok[end + 1:]
                lang = rest[1:].lower() if rest.startswith("@") else ""
                dt = rest[3:-1] if rest.startswith("^^") else ("" if lang else XSD_STRING)
                terms.append("L" + json.dumps([value, lang, dt]))
        if line[pos:].strip() != "." or len(terms) not in (3, 4):
            raise ValueError("unreadable N-Quads line %d" % n)
        quads.add(tuple(terms) if len(terms) == 4 else tuple(terms) + ("D",))
    return [{"@list": list(q)} for q in sorted(quads)]


class InvalidOutput(Exception):
    pass


def nquads_isomorphic(actual_text, expected_text):
    """Returns (equal, comparator)."""
    try:
        expected = ox_parse_nquads(expected_text)
    except Exception:
        # generalized RDF (blank-node predicates): pyoxigraph can't read it; fall back to a
        # blank-node bijection search over the quads
        return (json_equal(_generalized_terms(actual_text), _generalized_terms(expected_text)),
                "generalized-quads bijection")
    try:
        actual = ox_parse_nquads(actual_text)
    except Exception as e:
        raise InvalidOutput("output is not valid N-Quads, so not isomorphic: " + one_line(e, 100))
    return ox_canonical(actual) == ox_canonical(expected), "pyoxigraph-RDFC-1.0"


# ---------------------------------------------------------------------------
# Result bookkeeping.


class Row:
    def __init__(self, peer, suite, manifest):
        self.peer, self.suite, self.manifest = peer, suite, manifest
        self.passed, self.failed, self.skipped = [], [], []
        self.notes = []

    def ok(self, tid):
        self.passed.append(tid)

    def fail(self, tid, reason):
        self.failed.append((tid, one_line(reason)))

    def skip(self, tid, reason):
        self.skipped.append((tid, one_line(reason)))

    def as_json(self):
        return {
            "peer": self.peer, "suite": self.suite, "manifest": self.manifest,
            "passed": len(self.passed), "failed": len(self.failed), "skipped": len(self.skipped),
            "failures": [{"id": t, "reason": r} for t, r in self.failed],
            "skips": [{"id": t, "reason": r} for t, r in self.skipped],
            "notes": self.notes,
        }


# ---------------------------------------------------------------------------
# JSON-LD suite: shared plumbing.


class JsonLdTest:
    def __init__(self, manifest_name, manifest, entry, tests_dir):
        self.manifest_name = manifest_name
        self.entry = entry
        self.dir = tests_dir
        self.base_iri = manifest.get("baseIri", JSONLD_BASE)
        self.id = self.base_iri + manifest_name + "-manifest" + entry["@id"]
        self.types = types_of(entry)
        self.option = entry.get("option", {})
        self.input_url = self.base_iri + entry["input"]

    def path(self, rel):
        return os.path.join(self.dir, rel.split("#")[0])

    @property
    def kind(self):
        if "jld:NegativeEvaluationTest" in self.types:
            return "negative"
        if "jld:PositiveSyntaxTest" in self.types:
            return "syntax"
        return "positive"

    @property
    def operation(self):
        for t in ("jld:ExpandTest", "jld:CompactTest", "jld:FlattenTest", "jld:ToRDFTest", "jld:FromRDFTest"):
            if t in self.types:
                return t
        return None


def load_jsonld_tests(tests_dir, name):
    manifest = read_json(os.path.join(tests_dir, name + "-manifest.jsonld"))
    return [JsonLdTest(name, manifest, e, tests_dir) for e in manifest["sequence"]]


CONTENT_TYPES = {".jsonld": "application/ld+json", ".json": "application/json", ".html": "text/html",
                 ".nq": "application/n-quads", ".jldt": "application/jldTest+json",
                 ".jldte": "application/jldTest"}


def content_type_for(path):
    for ext, ct in CONTENT_TYPES.items():
        if path.endswith(ext):
            return ct
    return "application/octet-stream"


def make_pyld_loader(test):
    """A pyld document loader serving the suite folder and emulating the test's HTTP
    response options (contentType, httpStatus + redirectTo, httpLink) for its input URL.
    Link headers are handled with the same rules as pyld's bundled RequestsDocumentLoader
    (context link ignored for application/ld+json, more than one is an error, an
    application/ld+json alternate is followed for non-JSON types); the document is handed
    back as text so that pyld's own load_document parses JSON or extracts it from HTML."""
    from pyld import iri_resolver
    from pyld.jsonld import JsonLdError, parse_link_header

    opts = test.option
    input_no_frag = test.input_url.split("#")[0]

    def fail(url, why):
        raise JsonLdError("loading document failed: " + why, "jsonld.LoadDocumentError",
                          {"url": url}, code="loading document failed")

    def loader(url, options=None, emulate=True):
        if not isinstance(url, str) or not url.startswith(JSONLD_BASE):
            fail(url, "not a test-suite URL (network disabled)")
        no_frag = url.split("#")[0]
        is_input = emulate and no_frag == input_no_frag
        document_url = url
        served = no_frag
        if is_input and opts.get("redirectTo") and int(opts.get("httpStatus", 0)) >= 300:
            document_url = JSONLD_BASE + opts["redirectTo"]
            served = document_url.split("#")[0]
        rel = served[len(JSONLD_BASE):]
        path = os.path.join(test.dir, rel)
        if not os.path.isfile(os.path.realpath(path)) or not os.path.realpath(path).startswith(
                os.path.realpath(test.dir)):
            fail(url, "404 not found")
        content_type = content_type_for(rel)
        if is_input and opts.get("contentType"):
            content_type = opts["contentType"]
        doc = {"contentType": content_type, "contextUrl": None, "documentUrl": document_url,
               "document": None}
        links = opts.get("httpLink") if is_input else None
        if links:
            header = ", ".join(links) if isinstance(links, list) else links
            parsed = parse_link_header(header)
            ctx_link = parsed.get("http://www.w3.org/ns/json-ld#context")
            if ctx_link and content_type != "application/ld+json":
                if isinstance(ctx_link, list):
                    raise JsonLdError("more than one context Link header", "jsonld.LoadDocumentError",
                                      {"url": url}, code="multiple context link headers")
                doc["contextUrl"] = iri_resolver.resolve(ctx_link["target"], document_url)
            alt = parsed.get("alternate")
            if isinstance(alt, list):
                alt = alt[0]
            if (alt and alt.get("type") == "application/ld+json"
                    and not re.match(r"^application/(\w*\+)?json$", content_type)):
                return loader(iri_resolver.resolve(alt["target"], document_url), options, emulate=False)
        doc["document"] = read_text(path)
        return doc

    return lambda url, options=None: loader(url, options)


def pyld_error_code(err):
    from pyld.jsonld import JsonLdError

    seen = 0
    while err is not None and seen < 50:
        seen += 1
        if isinstance(err, JsonLdError):
            if err.code:
                return err.code
            if isinstance(err.details, dict) and err.details.get("code"):
                return err.details["code"]
        err = err.__cause__ or err.__context__
    return None


def describe_error(err):
    code = pyld_error_code(err)
    if code:
        return "error '%s'" % code
    msg = err.args[0] if getattr(err, "args", None) else err
    return "%s: %s" % (type(err).__name__, one_line(msg, 100))


# ---------------------------------------------------------------------------
# pyld over the JSON-LD manifests.


def run_pyld_jsonld_test(t):
    from pyld import jsonld

    jsonld._resolved_context_cache.clear()
    jsonld._inverse_context_cache.clear()
    loader = make_pyld_loader(t)
    options = {"documentLoader": loader}
    for k in ("base", "processingMode", "compactArrays", "compactToRelative", "produceGeneralizedRdf",
              "rdfDirection", "useNativeTypes", "useRdfType", "extractAllScripts"):
        if k in t.option:
            options[k] = t.option[k]
    if "expandContext" in t.option:
        options["expandContext"] = read_json(t.path(t.option["expandContext"]))
    op = t.operation
    if op == "jld:ExpandTest":
        return jsonld.expand(t.input_url, options)
    if op == "jld:CompactTest":
        return jsonld.compact(t.input_url, read_json(t.path(t.entry["context"])), options)
    if op == "jld:FlattenTest":
        ctx = read_json(t.path(t.entry["context"])) if "context" in t.entry else None
        return jsonld.flatten(t.input_url, ctx, options)
    if op == "jld:ToRDFTest":
        options["format"] = "application/n-quads"
        return jsonld.to_rdf(t.input_url, options)
    if op == "jld:FromRDFTest":
        fopts = {"format": "application/n-quads"}
        for k in ("useNativeTypes", "useRdfType", "rdfDirection"):
            if k in t.option:
                fopts[k] = t.option[k]
        return jsonld.from_rdf(read_text(t.path(t.entry["input"])), fopts)
    raise RuntimeError("unknown test type %r" % (t.types,))


def judge(row, t, run, compare_rdf):
    """Runs `run()` under the time-out and records the verdict for test t."""
    try:
        result = run_bounded(run)
    except TestTimeout:
        row.fail(t.id, "timed out after %d s" % PER_TEST_TIMEOUT)
        return
    except Exception as e:  # noqa: BLE001 - any failure of the peer is a verdict
        if t.kind == "negative":
            got = t.peer_error_code(e)
            want = t.entry["expectErrorCode"]
            if got is True or got == want:
                row.ok(t.id)
            else:
                row.fail(t.id, "expected error '%s', got %s" % (want, describe_error(e)))
        else:
            row.fail(t.id, "raised " + describe_error(e))
        return
    if t.kind == "negative":
        row.fail(t.id, "expected error '%s', none raised" % t.entry["expectErrorCode"])
        return
    if t.kind == "syntax":
        row.ok(t.id)
        return
    expect_rel = t.entry["expect"]
    try:
        if t.operation == "jld:ToRDFTest":
            equal, comparator = run_bounded(lambda: compare_rdf(result, read_text(t.path(expect_rel))))
            if comparator != "pyoxigraph-RDFC-1.0":
                row.notes.append("%s compared with %s" % (t.id, comparator))
        else:
            equal = run_bounded(lambda: json_equal(result, read_json(t.path(expect_rel))))
    except TestTimeout:
        row.fail(t.id, "comparison timed out after %d s" % PER_TEST_TIMEOUT)
        return
    except CompareBudgetExceeded:
        row.fail(t.id, "comparison search budget exceeded (treated as different)")
        return
    except InvalidOutput as e:
        row.fail(t.id, str(e))
        return
    except Exception as e:  # noqa: BLE001
        row.fail(t.id, "comparison: " + describe_error(e))
        return
    if equal:
        row.ok(t.id)
    else:
        row.fail(t.id, "output differs from expected" +
                 (" (dataset not isomorphic)" if t.operation == "jld:ToRDFTest" else ""))


def run_pyld_jsonld(tests_dir):
    rows = []
    for name in JSONLD_MANIFESTS:
        row = Row("pyld", "json-ld-api", name)
        for t in load_jsonld_tests(tests_dir, name):
            if t.option.get("specVersion") == "json-ld-1.0":
                row.skip(t.id, "specVersion json-ld-1.0 (1.1 processor)")
                continue
            if not budget_left():
                row.skip(t.id, "global time budget exhausted")
                continue
            t.peer_error_code = pyld_error_code
            judge(row, t, lambda t=t: run_pyld_jsonld_test(t), nquads_isomorphic)
        non_normative = [t for t in load_jsonld_tests(tests_dir, name)
                         if t.option.get("normative") is False and t.option.get("specVersion") != "json-ld-1.0"]
        if non_normative:
            row.notes.append("%d non-normative test(s) run and counted like the others" % len(non_normative))
        rows.append(row)
    return rows


# ---------------------------------------------------------------------------
# pyoxigraph's JSON-LD parser over the toRdf manifest.

OX_UNEXPRESSIBLE = {
    "expandContext": "expandContext option not exposed by pyoxigraph.parse",
    "processingMode": "processingMode option not exposed by pyoxigraph.parse",
    "produceGeneralizedRdf": "produceGeneralizedRdf option not exposed by pyoxigraph.parse",
    "rdfDirection": "rdfDirection option not exposed by pyoxigraph.parse",
}


def run_pyoxigraph_torf(tests_dir):
    import pyoxigraph as ox

    row = Row("pyoxigraph", "json-ld-api", "toRdf")
    if not hasattr(ox.RdfFormat, "JSON_LD"):
        for t in load_jsonld_tests(tests_dir, "toRdf"):
            row.skip(t.id, "this pyoxigraph has no JSON-LD parser")
        row.notes.append("pyoxigraph %s has no RdfFormat.JSON_LD" % ox.__version__)
        return row
    lenient_negatives = 0
    for t in load_jsonld_tests(tests_dir, "toRdf"):
        if t.option.get("specVersion") == "json-ld-1.0":
            row.skip(t.id, "specVersion json-ld-1.0 (1.1 processor)")
            continue
        bad = [k for k in OX_UNEXPRESSIBLE if k in t.option and not (
            k == "processingMode" and t.option[k] == "json-ld-1.1")]
        if bad:
            row.skip(t.id, OX_UNEXPRESSIBLE[bad[0]])
            continue
        if not budget_left():
            row.skip(t.id, "global time budget exhausted")
            continue
        base = t.option.get("base", t.input_url)

        def run(t=t, base=base):
            data = open(t.path(t.entry["input"]), "rb").read()
            return list(ox.parse(data, ox.RdfFormat.JSON_LD, base_iri=base))

        def compare(quads, expected_text):
            return ox_canonical(quads) == ox_canonical(ox_parse_nquads(expected_text)), "pyoxigraph-RDFC-1.0"

        t.peer_error_code = lambda e: True  # any error counts: pyoxigraph errors carry no JSON-LD code
        before = len(row.passed)
        judge(row, t, run, compare)
        if t.kind == "negative" and len(row.passed) > before:
            lenient_negatives += 1
    row.notes.append("negative tests count as passed when any error is raised (pyoxigraph's errors carry "
                     "no JSON-LD error code): %d of the passes are such" % lenient_negatives)
    row.notes.append("remote contexts cannot be loaded: pyoxigraph.parse exposes no document loader")
    return row


# ---------------------------------------------------------------------------
# RDFC-1.0 suite.


def load_canon_tests(tests_dir):
    manifest = read_json(os.path.join(tests_dir, "manifest.jsonld"))
    out = []
    for e in manifest["entries"]:
        out.append({
            "id": CANON_BASE + "manifest" + e["id"],
            "type": e["type"].split(":")[-1],
            "action": os.path.join(tests_dir, e["action"]),
            "result": os.path.join(tests_dir, e["result"]) if e.get("result") else None,
            "hash": e.get("hashAlgorithm", "SHA256"),
        })
    return out


def canon_worker(peer, path, hash_alg):
    """Runs in a subprocess (for the negative test): canonicalize, print the outcome."""
    text = read_text(path)
    try:
        if peer == "pyoxigraph":
            import pyoxigraph as ox

            alg = ox.CanonicalizationAlgorithm.RDFC_1_0_SHA_384 if hash_alg == "SHA384" else \
                ox.CanonicalizationAlgorithm.RDFC_1_0
            ox_canonical(ox_parse_nquads(text), alg)
        else:
            pyld_canonical(text)
    except Exception as e:  # noqa: BLE001
        print("RAISED " + one_line("%s: %s" % (type(e).__name__, e), 120))
        return
    print("COMPLETED")


def run_negative_in_subprocess(row, test, peer):
    cmd = [sys.executable, os.path.abspath(__file__), "--_canon-worker", peer, test["action"], test["hash"]]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=NEGATIVE_CANON_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        row.fail(test["id"], "did not raise: still running after %d s (killed)" % NEGATIVE_CANON_TIMEOUT)
        return
    out = out.strip()
    if out.startswith("RAISED"):
        row.ok(test["id"])
    elif out == "COMPLETED":
        row.fail(test["id"], "completed without raising")
    else:
        row.fail(test["id"], "worker exited %s without a verdict" % proc.returncode)


def run_canon_pyoxigraph(tests_dir):
    import pyoxigraph as ox

    rows = {k: Row("pyoxigraph", "rdf-canon", k) for k in ("eval", "map", "negative")}
    for t in load_canon_tests(tests_dir):
        if t["type"] == "RDFC10EvalTest":
            row = rows["eval"]
            alg = ox.CanonicalizationAlgorithm.RDFC_1_0_SHA_384 if t["hash"] == "SHA384" else \
                ox.CanonicalizationAlgorithm.RDFC_1_0
            try:
                got = run_bounded(lambda: ox_canonical(ox_parse_nquads(read_text(t["action"])), alg))
            except TestTimeout:
                row.fail(t["id"], "timed out after %d s" % PER_TEST_TIMEOUT)
                continue
            except Exception as e:  # noqa: BLE001
                row.fail(t["id"], "raised %s: %s" % (type(e).__name__, e))
                continue
            want = read_text(t["result"])
            if got == want:
                row.ok(t["id"])
            else:
                row.fail(t["id"], first_difference(got, want))
        elif t["type"] == "RDFC10MapTest":
            rows["map"].skip(t["id"], "pyoxigraph's canonicalize() renames in place and exposes no "
                                      "issued-identifier map")
        elif t["type"] == "RDFC10NegativeEvalTest":
            run_negative_in_subprocess(rows["negative"], t, "pyoxigraph")
    rows["eval"].notes.append("pyoxigraph serializes the canonical dataset unordered; the harness sorts the "
                              "lines by code point before the byte comparison")
    return list(rows.values())


def run_canon_pyld(tests_dir):
    from pyld.canon import URDNA2015
    from pyld.jsonld import JsonLdProcessor

    rows = {k: Row("pyld", "rdf-canon", k) for k in ("eval", "map", "negative")}
    for t in load_canon_tests(tests_dir):
        kind = {"RDFC10EvalTest": "eval", "RDFC10MapTest": "map", "RDFC10NegativeEvalTest": "negative"}[t["type"]]
        row = rows[kind]
        if kind == "negative":
            run_negative_in_subprocess(row, t, "pyld")
            continue
        if t["hash"] != "SHA256":
            row.skip(t["id"], "hashAlgorithm %s: pyld's URDNA2015 has no hash-algorithm option (SHA-256 only)"
                     % t["hash"])
            continue
        if not budget_left():
            row.skip(t["id"], "global time budget exhausted")
            continue
        text = read_text(t["action"])
        try:
            if kind == "eval":
                got = run_bounded(lambda: pyld_canonical(text))
                want = read_text(t["result"])
                ok = got == want
            else:
                def issued_map():
                    c = URDNA2015()
                    c.main(JsonLdProcessor.parse_nquads(text), {})
                    return {k[2:]: v[2:] for k, v in c.canonical_issuer.existing.items()}

                got = run_bounded(issued_map)
                ok = got == read_json(t["result"])
        except TestTimeout:
            row.fail(t["id"], "timed out after %d s" % PER_TEST_TIMEOUT)
            continue
        except Exception as e:  # noqa: BLE001
            row.fail(t["id"], "raised %s: %s" % (type(e).__name__, e))
            continue
        if ok:
            row.ok(t["id"])
        else:
            row.fail(t["id"], first_difference(got, want) if kind == "eval"
                     else "issued identifier map differs from expected")
    rows["map"].notes.append("map read from pyld.canon.URDNA2015().canonical_issuer after main(); "
                             "normalize() itself returns only the N-Quads")
    return list(rows.values())


# ---------------------------------------------------------------------------
# Output.


def first_difference(got, want):
    g, w = got.split("\n"), want.split("\n")
    for i in range(max(len(g), len(w))):
        if i >= len(g) or i >= len(w) or g[i] != w[i]:
            return "canonical N-Quads differ from expected from line %d" % (i + 1)
    return "canonical N-Quads differ from expected"


def short_id(tid):
    for base in (JSONLD_BASE, CANON_BASE):
        if tid.startswith(base):
            return tid[len(base):]
    return tid


def print_table(rows):
    header = ("peer", "suite", "manifest", "passed", "failed", "skipped")
    data = [(r.peer, r.suite, r.manifest, str(len(r.passed)), str(len(r.failed)), str(len(r.skipped)))
            for r in rows]
    totals = {}
    for r in rows:
        key = (r.peer, r.suite)
        p, f, s = totals.get(key, (0, 0, 0))
        totals[key] = (p + len(r.passed), f + len(r.failed), s + len(r.skipped))
    for (peer, suite), (p, f, s) in totals.items():
        data.append((peer, suite, "TOTAL", str(p), str(f), str(s)))
    widths = [max(len(x[i]) for x in data + [header]) for i in range(6)]
    fmt = "| " + " | ".join("%%-%ds" % w if i < 3 else "%%%ds" % w for i, w in enumerate(widths)) + " |"
    print(fmt % header)
    print("|" + "|".join(("-" * (w + 2)) if i < 3 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|")
    for d in data:
        print(fmt % d)


def versions():
    from importlib import metadata

    out = {"python": "%d.%d.%d" % sys.version_info[:3]}
    for dist in ("PyLD", "pyoxigraph"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--json", metavar="OUT", help="write the summary and failure lists as JSON to OUT")
    default_suites = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "conformance")
    ap.add_argument("--suites", default=os.path.normpath(default_suites),
                    help="folder holding json-ld-api/ and rdf-canon/ (default: %(default)s)")
    ap.add_argument("--only", choices=["pyld", "pyoxigraph"], help="measure one peer only")
    ap.add_argument("--_canon-worker", nargs=3, metavar=("PEER", "PATH", "HASH"), help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args._canon_worker:
        canon_worker(*args._canon_worker)
        return 0

    jsonld_dir = os.path.join(args.suites, "json-ld-api", "tests")
    canon_dir = os.path.join(args.suites, "rdf-canon", "tests")
    for d in (jsonld_dir, canon_dir):
        if not os.path.isdir(d):
            sys.exit("suite folder not found: %s (use --suites)" % d)

    vers = versions()
    rows, unmeasured = [], []
    if args.only in (None, "pyld"):
        if vers["PyLD"]:
            from pyld import jsonld

            def refuse(url, options=None):
                raise jsonld.JsonLdError("default loader disabled", "jsonld.LoadDocumentError",
                                         {"url": url}, code="loading document failed")

            jsonld.set_document_loader(refuse)  # every call passes its own loader; this is a guard
            rows += run_pyld_jsonld(jsonld_dir)
            rows += run_canon_pyld(canon_dir)
        else:
            unmeasured.append("pyld: not installed (pip install pyld)")
    if args.only in (None, "pyoxigraph"):
        if vers["pyoxigraph"]:
            rows += run_canon_pyoxigraph(canon_dir)
            rows.append(run_pyoxigraph_torf(jsonld_dir))
        else:
            unmeasured.append("pyoxigraph: not installed (pip install pyoxigraph)")

    print("Peer conformance (python %s, PyLD %s, pyoxigraph %s)\n" % (vers["python"], vers["PyLD"],
                                                                       vers["pyoxigraph"]))
    print_table(rows)
    for r in rows:
        if r.failed or r.notes:
            print("\n## %s / %s / %s: %d failed" % (r.peer, r.suite, r.manifest, len(r.failed)))
            for tid, reason in r.failed:
                print("  FAIL %s: %s" % (short_id(tid), reason))
            for n in r.notes:
                print("  note: %s" % short_id(n))
    skip_reasons = {}
    for r in rows:
        for _, reason in r.skipped:
            key = (r.peer, r.suite, r.manifest, reason)
            skip_reasons[key] = skip_reasons.get(key, 0) + 1
    if skip_reasons:
        print("\n## skipped, by reason")
        for (peer, suite, manifest, reason), n in skip_reasons.items():
            print("  %s / %s / %s: %d x %s" % (peer, suite, manifest, n, reason))
    for u in unmeasured:
        print("\nNOT MEASURED: " + u)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"versions": vers, "rows": [r.as_json() for r in rows], "not_measured": unmeasured},
                      f, indent=2, ensure_ascii=False)
            f.write("\n")
    print("\nelapsed %.1f s" % (time.monotonic() - START), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
