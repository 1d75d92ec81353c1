import EspaceIdentity
import EspaceJSON
import Foundation

/// The checks after the signature, shared by every form.
extension CredentialVerifier {
    /// `dataModel`, `validityPeriod`, `certificateChain`, `issuerTrust`, `status`.
    func credentialChecks(
        _ report: inout VerificationReport, _ credential: VerifiableCredential, method: ResolvedVerificationMethod?,
        signatureVerified: Bool, claims: JSONObject?
    ) async {
        do throws(IdentityError) {
            try structureValidator.validate(credential: credential)
            report.pass(.dataModel, "VC Data Model \(credential.version?.rawValue ?? "")")
        } catch {
            report.fail(.dataModel, error)
        }
        validityPeriod(&report, credential.json, claims: claims, what: "the credential")
        let certified = await certificateChain(
            &report, method: method, methodID: report.verificationMethod, signatureVerified: signatureVerified)
        issuerTrust(&report, credential, certified: certified)
        await status(&report, credential, signatureVerified: signatureVerified)
    }

    /// `dataModel`, `validityPeriod`, `audience`, nested credential reports, `holderBinding`.
    func presentationChecks(
        _ report: inout VerificationReport, _ presentation: VerifiablePresentation, presenter: String?,
        claims: JSONObject?, audiences: [String], nonce: String?, entries: [JSONValue], depth: Int,
        signatureVerified: Bool
    ) async {
        do throws(IdentityError) {
            try structureValidator.validate(presentation: presentation)
            report.pass(.dataModel, "VC Data Model \(presentation.version?.rawValue ?? "")")
        } catch {
            report.fail(.dataModel, error)
        }
        validityPeriod(&report, presentation.json, claims: claims, what: "the presentation")
        audience(
            &report, audiences: audiences, nonce: nonce, jti: claims?["jti"]?.stringValue ?? presentation.id,
            expiry: claims?["exp"]?.numberValue?.doubleValue, signatureVerified: signatureVerified)
        report.credentials = await nestedReports(entries, depth: depth)
        holderBinding(&report, presenter: presenter)
    }

    /// The data model rules, without the clock (the validity period is its own check).
    var structureValidator: CredentialValidator {
        var options = policy.validatorOptions
        options.now = nil
        options.mode = .verification
        return CredentialValidator(options: options)
    }

    /// `validityPeriod`: the JWT time claims (if any), then `validFrom`/`validUntil` (or
    /// `issuanceDate`/`expirationDate`), against `policy.now` give or take `policy.leeway`.
    func validityPeriod(_ report: inout VerificationReport, _ json: JSONObject, claims: JSONObject?, what: String) {
        let now = policy.now.timeIntervalSince1970
        do throws(IdentityError) {
            if let claims {
                var expectations = JWT.Expectations(now: now)
                expectations.requireExpiry = false
                expectations.leeway = policy.leeway
                try JWT.check(claims, expectations)
            }
            let from = try Self.instant(json, json["validFrom"] != nil ? "validFrom" : "issuanceDate")
            let until = try Self.instant(json, json["validUntil"] != nil ? "validUntil" : "expirationDate")
            if let from, now + policy.leeway < from.seconds {
                throw IdentityError("\(what) is not valid before \(from.text)", reason: .notYetValid)
            }
            if let until, now - policy.leeway > until.seconds {
                throw IdentityError("\(what) expired at \(until.text)", reason: .expired)
            }
            let period = "from \(from?.text ?? "(any time)") until \(until?.text ?? "(no end)")"
            report.pass(.validityPeriod, "\(period), checked at \(XSDDateTime.format(now.rounded(.down)))")
        } catch {
            report.fail(.validityPeriod, error)
        }
    }

    static func instant(_ json: JSONObject, _ name: String) throws(IdentityError) -> (seconds: Double, text: String)? {
        guard let value = json[name] else { return nil }
        guard case .string(let text) = value, let seconds = XSDDateTime.instant(text, requireTimezone: false) else {
            throw IdentityError("\(name) \(value.jsonText) is not an XML Schema dateTime")
        }
        return (seconds, text)
    }

    /// `certificateChain` (Gaia-X): the signer's published JWK carries `x5c` or `x5u`, the
    /// chain reaches an anchor, and the leaf's key is that JWK. Returns whether it held.
    func certificateChain(
        _ report: inout VerificationReport, method: ResolvedVerificationMethod?, methodID: String?,
        signatureVerified: Bool
    ) async -> Bool {
        guard let trust = policy.x509 else {
            report.skip(.certificateChain, "no X.509 trust anchors are configured")
            return false
        }
        guard signatureVerified else {
            report.skip(.certificateChain, "the signature did not verify, so there is no key to certify")
            return false
        }
        do throws(IdentityError) {
            var resolved = method
            if resolved == nil, let methodID {
                resolved = try await policy.resolver.resolveVerificationMethod(methodID, for: .assertionMethod)
            }
            guard let resolved else {
                throw IdentityError("no verification method signed the credential", reason: .chainNotAnchored)
            }
            guard let jwk = resolved.publishedJWK, jwk["x5c"] != nil || jwk["x5u"] != nil else {
                throw IdentityError(
                    "the key \(resolved.id) is not published as a JWK with x5c or x5u, so no certificate vouches for it",
                    reason: .chainNotAnchored)
            }
            let summary = try await JWKChainVerifier.verify(
                jwk: jwk, anchors: trust.anchors,
                options: ChainValidator.Options(validationTime: policy.now, requiredPolicyOID: trust.requiredPolicyOID),
                http: trust.http, allowInsecureHTTP: trust.allowInsecureHTTP)
            report.pass(
                .certificateChain,
                "\(resolved.id): leaf \(summary.subject), issued by \(summary.issuer), reaches a trust anchor")
            return true
        } catch {
            report.fail(.certificateChain, error)
            return false
        }
    }

    /// `issuerTrust`: the issuer is listed (for any type or for one of the credential's
    /// types), certified through X.509, or every issuer is trusted by policy.
    func issuerTrust(_ report: inout VerificationReport, _ credential: VerifiableCredential, certified: Bool) {
        guard let issuer = credential.issuerID else {
            report.fail(.issuerTrust, IdentityError("the credential names no issuer"))
            return
        }
        if policy.trustedIssuers.contains(issuer) {
            report.pass(.issuerTrust, "\(issuer) is a trusted issuer")
        } else if let type = credential.types.first(where: { policy.trustedIssuersByType[$0]?.contains(issuer) == true }) {
            report.pass(.issuerTrust, "\(issuer) is trusted for \(type)")
        } else if certified {
            report.pass(.issuerTrust, "\(issuer) is certified by an X.509 chain to a trust anchor")
        } else if policy.trustAnyIssuer {
            report.pass(.issuerTrust, "any issuer is trusted (trustAnyIssuer)")
        } else {
            report.fail(
                .issuerTrust,
                IdentityError(
                    "the issuer \(issuer) is not trusted for \(credential.types.joined(separator: ", "))",
                    reason: .untrustedIssuer))
        }
    }

    /// `status`: every status list entry of the credential is clear.
    func status(_ report: inout VerificationReport, _ credential: VerifiableCredential, signatureVerified: Bool) async {
        let entries: [StatusListEntry]
        do throws(IdentityError) {
            entries = try StatusListEntry.entries(of: credential.json)
        } catch {
            report.fail(.status, error)
            return
        }
        guard !entries.isEmpty else {
            report.skip(.status, "the credential has no status list entry")
            return
        }
        guard let checker = policy.statusChecker else {
            report.skip(.status, "no status list checker is configured")
            return
        }
        guard signatureVerified else {
            report.skip(.status, "the signature did not verify, so its status lists were not fetched")
            return
        }
        do throws(IdentityError) {
            let values = try await checker.requireActive(credential.json, now: policy.now)
            let lists = entries.map { "\($0.statusPurpose.rawValue) #\($0.statusListIndex) of \($0.statusListCredential)" }
            report.pass(.status, "\(values.count) entries clear: \(lists.joined(separator: ", "))")
        } catch {
            report.fail(.status, error)
        }
    }

    /// `audience`: the presentation names the expected audience, echoes the expected nonce,
    /// and (with a replay guard) was not seen before.
    func audience(
        _ report: inout VerificationReport, audiences: [String], nonce: String?, jti: String?, expiry: Double?,
        signatureVerified: Bool
    ) {
        guard policy.audience != nil || policy.nonce != nil || policy.replayGuard != nil else {
            report.skip(.audience, "no audience or nonce is expected")
            return
        }
        do throws(IdentityError) {
            var detail: [String] = []
            if let expected = policy.audience {
                guard audiences.contains(expected) else {
                    throw IdentityError(
                        "the presentation is addressed to \(audiences.isEmpty ? "no one" : audiences.joined(separator: ", ")), not to \(expected)",
                        reason: .wrongAudience)
                }
                detail.append("addressed to \(expected)")
            }
            if let expected = policy.nonce {
                guard nonce == expected else {
                    throw IdentityError(
                        "the presentation does not echo the expected nonce (\(nonce == nil ? "it has none" : "it answers another request"))",
                        reason: .replayed)
                }
                detail.append("echoes the nonce")
            }
            if policy.replayGuard != nil, !signatureVerified {
                detail.append("nonce not recorded (the signature did not verify)")
            } else if let guardian = policy.replayGuard {
                guard let key = nonce ?? jti else {
                    throw IdentityError("the presentation has no nonce or id, which replay protection needs")
                }
                let now = policy.now.timeIntervalSince1970
                switch guardian.record(key, until: (expiry ?? now + policy.replayWindow) + policy.leeway, now: now) {
                case .recorded: detail.append("first use")
                case .replayed: throw IdentityError("the presentation's nonce \(key) was already used", reason: .replayed)
                case .full: throw IdentityError("the replay guard is full; the presentation cannot be accepted now", reason: .limitExceeded)
                }
            }
            report.pass(.audience, detail.joined(separator: ", "))
        } catch {
            report.fail(.audience, error)
        }
    }

    /// `holderBinding`: with `requireHolderBinding`, every subject of every presented
    /// credential is the presenter.
    func holderBinding(_ report: inout VerificationReport, presenter: String?) {
        guard policy.requireHolderBinding else {
            report.skip(.holderBinding, "not required by the policy")
            return
        }
        do throws(IdentityError) {
            guard let presenter else { throw IdentityError("the presentation names no holder", reason: .wrongIssuer) }
            for (i, nested) in report.credentials.enumerated() {
                guard let credential = nested.credential else {
                    throw IdentityError("credential \(i) could not be decoded, so its subject is unknown")
                }
                let ids = credential.credentialSubjects.map { $0["id"]?.stringValue }
                guard !ids.isEmpty, ids.allSatisfy({ $0 == presenter }) else {
                    let named = ids.map { $0 ?? "(no id)" }.joined(separator: ", ")
                    throw IdentityError(
                        "credential \(i) is about \(named.isEmpty ? "no subject" : named), not the presenter \(presenter)",
                        reason: .wrongIssuer)
                }
            }
            report.pass(.holderBinding, "every credential is about \(presenter)")
        } catch {
            report.fail(.holderBinding, error)
        }
    }
}
