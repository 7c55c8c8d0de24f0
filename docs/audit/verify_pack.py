#!/usr/bin/env python3
"""Checks an ics-transition evidence pack without Java and without the service (Python 3.8+, standard library only).

    python3 verify_pack.py pack.zip keys.json

keys.json is the service's published key set (GET /api/v1/audit/keys). The script checks what
`java -jar ics-transition.jar verify-pack pack.zip --keys keys.json` checks: the manifest is signed by one of those
keys (RS256), every file has the SHA-256 the manifest says, every event matches its ledger hash, and the events and
proof.json lead to the ledger digest's root (an RFC 6962 Merkle tree). It prints each problem and exits 1 if there is
any, 0 if the pack is whole. See docs/decisions/0024-evidence-packs-verify-offline.md for what each check proves.
"""

import base64
import hashlib
import json
import struct
import sys
import zipfile

LISTED = ["events.ndjson", "proof.json", "readiness.csv", "milestones.csv", "board.csv", "due-diligence.csv",
          "transfers.csv", "report.html", "README.txt"]
# DER of the SHA-256 DigestInfo that PKCS #1 v1.5 signatures wrap the hash in (RFC 8017, section 9.2)
SHA256_DIGEST_INFO = bytes.fromhex("3031300d060960864801650304020105000420")


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def thumbprint(jwk):
    """The key's RFC 7638 thumbprint: how the service names its keys."""
    canonical = json.dumps({"e": jwk["e"], "kty": "RSA", "n": jwk["n"]}, separators=(",", ":"))
    return b64url_encode(hashlib.sha256(canonical.encode("ascii")).digest())


def rs256_verifies(jwk, signing_input, signature):
    n = int.from_bytes(b64url(jwk["n"]), "big")
    e = int.from_bytes(b64url(jwk["e"]), "big")
    k = (n.bit_length() + 7) // 8
    if len(signature) != k:
        return False
    encoded = pow(int.from_bytes(signature, "big"), e, n).to_bytes(k, "big")
    digest = SHA256_DIGEST_INFO + hashlib.sha256(signing_input).digest()
    expected = b"\x00\x01" + b"\xff" * (k - len(digest) - 3) + b"\x00" + digest
    return encoded == expected


def field(value):
    """One field of an event's canonical encoding: its length (4 bytes, big-endian; -1 for none), then its bytes."""
    if value is None:
        return struct.pack(">i", -1)
    return struct.pack(">i", len(value)) + value


def text(value):
    return None if value is None else value.encode("utf-8")


def stored_bytes(line, name):
    if name + "Base64" in line:
        return base64.b64decode(line[name + "Base64"])
    return text(line[name])


def entry_hash(line):
    """SHA-256 over the previous entry's hash and the event's canonical encoding (ChainHash in the service)."""
    encoding = b"".join([
        field(text(line["eventIdentifier"])),
        field(text(line.get("aggregateType"))),
        field(text(line["aggregateIdentifier"])),
        field(text(str(line["sequenceNumber"]))),
        field(text(line["payloadType"])),
        field(text(line.get("payloadRevision"))),
        field(text(line["timeStamp"])),
        field(stored_bytes(line, "payload")),
        field(stored_bytes(line, "metaData")),
    ])
    return hashlib.sha256(bytes.fromhex(line["previousHash"]) + encoding).hexdigest()


def leaf_hash(entry_hash_hex):
    return hashlib.sha256(b"\x00" + bytes.fromhex(entry_hash_hex)).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def split(n):
    """The largest power of two smaller than n."""
    return 1 << ((n - 1).bit_length() - 1)


def merkle_root(size, known, proof):
    """The root of the tree of `size` leaves from the known leaves ({index: entry hash}) and the proof's hashes."""
    if size == 0:
        return hashlib.sha256(b"").digest()
    indexes = sorted(known)
    proof = iter(proof)
    cursor = [0]

    def walk(lo, hi):
        if cursor[0] >= len(indexes) or indexes[cursor[0]] >= hi:
            return bytes.fromhex(next(proof))
        if hi - lo == 1:
            index = indexes[cursor[0]]
            cursor[0] += 1
            return leaf_hash(known[index])
        k = split(hi - lo)
        left = walk(lo, lo + k)
        return node_hash(left, walk(lo + k, hi))

    root = walk(0, size)
    if next(proof, None) is not None:
        raise ValueError("the proof has more hashes than the tree needs")
    return root


def verify(pack_path, keys_path):
    problems = []
    keys = {key["kid"]: key for key in json.load(open(keys_path, encoding="utf-8"))["keys"]}
    with zipfile.ZipFile(pack_path) as pack:
        names = pack.namelist()
        for name in set(names):
            if names.count(name) > 1:
                problems.append("the zip holds two files called %s" % name)
            if name not in LISTED + ["manifest.json", "manifest.jws"]:
                problems.append("%s is not part of an evidence pack: it was added" % name)
        manifest_bytes = pack.read("manifest.json")
        manifest = json.loads(manifest_bytes)

        header_b64, payload_b64, signature_b64 = pack.read("manifest.jws").decode("ascii").strip().split(".")
        header = json.loads(b64url(header_b64))
        key = keys.get(header.get("kid"))
        if header.get("alg") != "RS256":
            problems.append("the manifest is not signed with RS256")
        elif key is None:
            problems.append("the manifest is signed with key %s, which is not one of the published keys"
                            % header.get("kid"))
        elif thumbprint(key) != header["kid"] or not rs256_verifies(
                key, (header_b64 + "." + payload_b64).encode("ascii"), b64url(signature_b64)):
            problems.append("the manifest's signature does not verify")
        if b64url(payload_b64) != manifest_bytes:
            problems.append("manifest.json is not the manifest the service signed: it was changed")

        for listed in manifest["files"]:
            if listed["name"] not in names:
                problems.append("%s is listed in the manifest but missing: it was removed" % listed["name"])
                continue
            data = pack.read(listed["name"])
            if hashlib.sha256(data).hexdigest() != listed["sha256"] or len(data) != listed["bytes"]:
                problems.append("%s was changed: its SHA-256 is not the manifest's" % listed["name"])

        organisations = {manifest["ics"]["code"], *manifest["ccgs"]}
        events = []
        for number, raw in enumerate(pack.read("events.ndjson").decode("utf-8").split("\n"), start=1):
            if not raw.strip():
                continue
            line = json.loads(raw)
            where = "events.ndjson line %d (ledger entry %s)" % (number, line.get("sequence"))
            if entry_hash(line) != line["hash"]:
                problems.append(where + ": the event does not match its ledger hash: it was changed")
            about = {line["aggregateIdentifier"]}
            if line["aggregateIdentifier"] not in organisations:
                try:
                    payload = json.loads(stored_bytes(line, "payload"))
                    about = {payload.get("icsCode"), payload.get("ccgCode")}
                except (ValueError, TypeError, AttributeError):
                    about = set()
            if not about & organisations:
                problems.append(where + " is not about %s or its CCGs: it was added" % manifest["ics"]["code"])
            if events and line["sequence"] <= events[-1][0]:
                problems.append(where + " is out of ledger order or repeated")
            events.append((line["sequence"], line["hash"]))

        proof = json.loads(pack.read("proof.json"))
        digest = proof["digest"]
        if (digest["events"], digest["head"], digest["root"]) != (
                manifest["digest"]["events"], manifest["digest"]["head"], manifest["digest"]["root"]):
            problems.append("the proof's digest is not the manifest's: the proof was swapped")
        named, present = proof["entries"], [sequence for sequence, _ in events]
        for sequence in sorted(set(named) - set(present)):
            problems.append("ledger entry %d is named by proof.json but missing from events.ndjson: an event was"
                            " removed" % sequence)
        for sequence in sorted(set(present) - set(named)):
            problems.append("ledger entry %d is not named by proof.json: an event was added" % sequence)
        known = {sequence - 1: hash_hex for sequence, hash_hex in events if 1 <= sequence <= digest["events"]}
        if digest["events"] > 0:
            known.setdefault(digest["events"] - 1, digest["head"])
        try:
            if merkle_root(digest["events"], known, proof["proof"]).hex() != digest["root"]:
                problems.append("the events and proof.json do not lead to the digest's root")
        except (StopIteration, ValueError):
            problems.append("the events and proof.json do not fit the ledger's tree")
        if manifest["events"] != len(events):
            problems.append("events.ndjson holds %d events, the manifest says %d" % (len(events), manifest["events"]))
    return manifest, digest, problems


def main(args):
    if len(args) != 2:
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    manifest, digest, problems = verify(args[0], args[1])
    print("  pack of %s (%s), %s, known as of %s" % (manifest["ics"]["code"], manifest["ics"]["name"],
                                                    manifest["quarter"], manifest["knownAsOf"]))
    print("  digest of %d ledger entries, root %s" % (digest["events"], digest["root"]))
    if problems:
        print("NOT VERIFIED: %s (%d problems)" % (args[0], len(problems)), file=sys.stderr)
        for problem in problems:
            print("  - " + problem, file=sys.stderr)
        return 1
    print("VERIFIED: " + args[0])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
