import EspaceIdentity
import EspaceJSON
import Testing

/// PS256 and RS256 against tokens made by jwcrypto (Python), with a 2048-bit key.
@Suite("RSA JWS")
struct RSAJWSTests {
    static let jwk = JWK(
        kty: "RSA",
        n: "qje4XxatQoLM0W_CFss1LkRmWgLIO-SSHh_ehmlHVsAjwX4yX1R7p0I1qbPpGazeeNsctRVMSVEgWidr3MiXfDsQgBiZ2fwYsWUuV0bzVrfvrDQSBudcA3uKcRV8nP3VnNYQkfJ2DIzFqiySc_Eh7b05X6RRY_eYfCbHmhgrRqrDNeUJ12f2iMaomouJbRr543IbjX9jKh3piqWDYhWDQ8ao7YLw0GXxQ5O9iiMmBFVF627Yhu2W3DM6_6AuLYdY6tMeCVp_IAk0b0vtJT29ZPPRxarblmgNEelfyokjaEKk9sQSi9y5zCDXYq4YyQBH2_IQkwBjsI78JKsGc66XsQ",
        e: "AQAB")
    static let ps256 = "eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJkaWQ6d2ViOmNsZWFyaW5nLWhvdXNlLmV4YW1wbGUifQ.SQsMTr7abSTglORoSCvYSGfotL690lhp6CRVh5y1VUY1AFrp5Oax-b8z0j4E3bpz_p89D9qfyODHUzlLqSUvnfCqeuv8p2wl0WRUyFXVsxnjhIfUoMgadc7juq6swT9dmV8G9ro59BTycreusQ3ALA2V9utNCsec3-f4lPtjqbxDvYEJXqBGjtSc9f_l-rRQeh_yxmiUERtz5L6darBdIelUNFoR8IjwtgURZucH0hI6sTwGQPy2ZG4WlhwcPFSIEj1VpnHqTCktIgqJuktpRh2KLQ0vjwHsri6HktM296HqF5lDQYPinjBoXCczAZ9PKhz5lVncV6VKDnrFThB8fg"
    static let rs256 = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJkaWQ6d2ViOmNsZWFyaW5nLWhvdXNlLmV4YW1wbGUifQ.XR2HVTe7-DdT5hmRMicOzcvCK3aO0u3LGVpR6JXsYZ25ipoy2XGPC83jGDLR6BoO51fdlRzv6b_5T0taMHCpJnpeYUFslzozEdgHCvAhgi074xRhBMngSZI-KMaVG1gHEecRbhgOWEMgHFbyF-cl_J2_GX_EdQ_4qEk-EdUM7sHz6qtoAYemlgBqjEWo7y4mKuVcxPlYwCWePXR1hNxqBQ5YvMDGA8qY7JvWOKi19aX-kek838bebr5zAp-gwrExH9qXs8qCvzjHwkW5pgl6cgqo83FxrRaZkTijp82ElzJjud6r0PBRVz91CDWe0op4dsoUroxO5H1t-W_y-iqmYQ"

    @Test func peerTokensVerify() throws {
        let key = try PublicKey(jwk: Self.jwk)
        for token in [Self.ps256, Self.rs256] {
            let verified = try JWS.verify(token, key: key)
            #expect(verified.payload == Array(#"{"iss":"did:web:clearing-house.example"}"#.utf8))
        }
    }

    @Test func paddingCannotBeSwapped() throws {
        let key = try PublicKey(jwk: Self.jwk)
        // The PS256 signature presented as RS256 (and the reverse) must fail.
        let ps = Self.ps256.split(separator: ".").map(String.init)
        let rs = Self.rs256.split(separator: ".").map(String.init)
        #expect(throws: IdentityError.self) { try JWS.verify(rs[0] + "." + ps[1] + "." + ps[2], key: key) }
        #expect(throws: IdentityError.self) { try JWS.verify(ps[0] + "." + rs[1] + "." + rs[2], key: key) }
        #expect(throws: IdentityError.self) { try JWS.verify(Self.ps256, key: key, allowed: [.rs256]) }
    }

    @Test func shortRSAKeysAreRefused() {
        let error = #expect(throws: IdentityError.self) {
            try PublicKey.rsa(n: [0xC3] + [UInt8](repeating: 0x55, count: 127), e: [1, 0, 1])
        }
        #expect(error?.message.contains("RSA") == true)
    }
}
