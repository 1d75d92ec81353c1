"""Credential-verification peers for Benchmarks/peers.py: jwcrypto (VC-JWT) and pyld +
cryptography (eddsa-rdfc-2022), on the inputs `prepare_credentials` writes.

Inputs (in the data folder): for each algorithm A in EdDSA, ES256, PS256, `vcjwt-A.jwt` (an
enveloped VC-JOSE credential, `typ: vc+jwt`, signed by jwcrypto) and `vcjwt-A.jwk.json` (its
public key as a JWK). Both implementations verify the same tokens: signature, header
(`alg`, `typ`), payload parsed as JSON, and the credential's validity period.
"""

import base64
import datetime
import hashlib
import json
import os
import sys

ALGORITHMS = ("EdDSA", "ES256", "PS256")
ISSUER = "did:web:issuer.espace.example"


def credential():
    """A VC 2.0 membership credential of the size data spaces exchange (about 1 KB)."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
        "id": "https://issuer.espace.example/credentials/3732",
        "type": ["VerifiableCredential", "MembershipCredential"],
        "issuer": ISSUER,
        "validFrom": "2026-01-01T00:00:00Z",
        "validUntil": "2036-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:web:participant.espace.example",
            "memberOf": "https://dataspace.espace.example",
            "name": "Example Participant GmbH",
            "countryCode": "DE",
            "registrationNumber": "DE123456789",
            "role": ["provider", "consumer"],
        },
        "credentialStatus": {
            "id": "https://issuer.espace.example/status/1#94567",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "94567",
            "statusListCredential": "https://issuer.espace.example/status/1",
        },
    }


def prepare_credentials(data):
    from jwcrypto import jwk, jws
    from jwcrypto.common import json_encode

    keys = {
        "EdDSA": jwk.JWK.generate(kty="OKP", crv="Ed25519"),
        "ES256": jwk.JWK.generate(kty="EC", crv="P-256"),
        "PS256": jwk.JWK.generate(kty="RSA", size=2048),
    }
    payload = json.dumps(credential(), separators=(",", ":")).encode("utf-8")
    for alg, key in keys.items():
        token = jws.JWS(payload)
        header = {"alg": alg, "typ": "vc+jwt", "cty": "vc", "iss": ISSUER, "kid": ISSUER + "#key-" + alg}
        token.add_signature(key, None, json_encode(header))
        with open(os.path.join(data, f"vcjwt-{alg}.jwt"), "w", encoding="utf-8") as f:
            f.write(token.serialize(compact=True))
        with open(os.path.join(data, f"vcjwt-{alg}.jwk.json"), "w", encoding="utf-8") as f:
            f.write(key.export_public())
        print(f"wrote vcjwt-{alg}.jwt", file=sys.stderr)


def _parse_time(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def jwt_verifier(token, key, alg):
    """jwcrypto: verify the compact JWS with the expected algorithm, check typ, parse the
    credential and its validity period."""
    from jwcrypto import jws

    now = datetime.datetime(2026, 11, 29, tzinfo=datetime.timezone.utc)

    def verify():
        signed = jws.JWS()
        signed.deserialize(token)
        signed.verify(key, alg=alg)
        header = signed.jose_header
        if header.get("typ") != "vc+jwt":
            raise ValueError("typ")
        vc = json.loads(signed.payload)
        if not (_parse_time(vc["validFrom"]) <= now < _parse_time(vc["validUntil"])):
            raise ValueError("validity")
        if vc["issuer"] != header["iss"]:
            raise ValueError("issuer")
        return vc
    return verify


def eddsa_rdfc_verifier(signed, options):
    """pyld + cryptography: eddsa-rdfc-2022 verification (VC DI EdDSA §3.2.2): canonicalize
    the document without its proof and the proof options, hash both, verify Ed25519."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from pyld import jsonld

    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"

    def b58decode(text):
        n = 0
        for c in text:
            n = n * 58 + alphabet.index(c)
        raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
        return b"\0" * (len(text) - len(text.lstrip("1"))) + raw

    normalize = dict(options, algorithm="URDNA2015", format="application/n-quads")

    def verify():
        document = dict(signed)
        proof = dict(document.pop("proof"))
        signature = b58decode(proof.pop("proofValue")[1:])
        proof["@context"] = document["@context"]
        method = proof["verificationMethod"]
        public = b58decode(method.split("#")[0][len("did:key:z"):])[2:]
        proof_hash = hashlib.sha256(jsonld.normalize(proof, normalize).encode("utf-8")).digest()
        doc_hash = hashlib.sha256(jsonld.normalize(document, normalize).encode("utf-8")).digest()
        Ed25519PublicKey.from_public_bytes(public).verify(signature, proof_hash + doc_hash)
        return True
    return verify


def raw_verifier(token, key, alg):
    """`cryptography` alone: the signature check jwcrypto ends in, on the token's signing
    input, with the key object and (for ES256) the DER signature made beforehand."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding, utils

    header, payload, signature = token.split(".")
    message = (header + "." + payload).encode("ascii")
    raw = base64.urlsafe_b64decode(signature + "=" * (-len(signature) % 4))
    public = key.get_op_key("verify")
    if alg == "EdDSA":
        def verify(m=message):
            public.verify(raw, m)
    elif alg == "ES256":
        der = utils.encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        algorithm = ec.ECDSA(hashes.SHA256())

        def verify(m=message):
            public.verify(der, m, algorithm)
    else:
        pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=hashes.SHA256.digest_size)
        digest = hashes.SHA256()

        def verify(m=message):
            public.verify(raw, m, pss, digest)
    verify()
    try:
        verify(message[:-1] + bytes([message[-1] ^ 1]))
    except Exception:
        pass
    else:
        raise RuntimeError(f"crypto.verify.{alg}: a changed message was accepted")
    return verify


def credential_benchmarks(shared, data, options, signed_path):
    """(name, impl, operation) for the credential peers whose inputs exist."""
    from jwcrypto import jwk

    out = []
    for alg in ALGORITHMS:
        token_path = os.path.join(data, f"vcjwt-{alg}.jwt")
        key_path = os.path.join(data, f"vcjwt-{alg}.jwk.json")
        if not (os.path.exists(token_path) and os.path.exists(key_path)):
            print(f"skip: {token_path} not found (run peers.py prepare)", file=sys.stderr)
            continue
        with open(token_path, encoding="utf-8") as f:
            token = f.read().strip()
        with open(key_path, encoding="utf-8") as f:
            key = jwk.JWK.from_json(f.read())
        verify = jwt_verifier(token, key, alg)
        verify()
        out.append((f"vc.jwt.verify.{alg}", "jwcrypto", verify))
        out.append((f"crypto.verify.{alg}", "cryptography", raw_verifier(token, key, alg)))
    if os.path.exists(signed_path):
        with open(signed_path, encoding="utf-8") as f:
            signed = json.load(f)
        verify = eddsa_rdfc_verifier(signed, options)
        verify()
        out.append(("vc.di.eddsa-rdfc-2022.verify", "pyld", verify))
        # Stages: the two canonicalizations the verification hashes.
        from pyld import jsonld
        normalize = dict(options, algorithm="URDNA2015", format="application/n-quads")
        unsecured = {k: v for k, v in signed.items() if k != "proof"}
        config = {k: v for k, v in signed["proof"].items() if k != "proofValue"}
        config["@context"] = signed["@context"]
        out.append(("vc.di.stage.canonicalDocument", "pyld", lambda: jsonld.normalize(unsecured, normalize)))
        out.append(("vc.di.stage.canonicalProof", "pyld", lambda: jsonld.normalize(config, normalize)))
    return out
