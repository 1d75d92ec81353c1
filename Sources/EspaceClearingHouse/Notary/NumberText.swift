/// Normalisation of a registration number as typed: bounded, upper-cased, separators dropped.
enum NumberText {
    /// Longest input examined, in UTF-8 bytes (no registration number is near it).
    static let maxInputBytes = 128

    /// Separators people write inside VAT IDs, EORI and LEIs.
    static let separators: Set<Unicode.Scalar> = [" ", "\t", ".", "-", "/"]

    /// `raw` upper-cased with `dropping` removed; every other character must satisfy
    /// `allowed`, else the fault names its position in the normalised text.
    static func normalize(
        _ raw: String, dropping: Set<Unicode.Scalar>, allowed: (UInt8) -> Bool
    ) -> (bytes: [UInt8], fault: NumberFault?) {
        guard raw.utf8.count <= maxInputBytes else {
            return ([], NumberFault(.tooLong, at: nil, "longer than \(maxInputBytes) bytes"))
        }
        var out: [UInt8] = []
        for scalar in raw.unicodeScalars where !dropping.contains(scalar) {
            guard scalar.isASCII else {
                return (
                    out, NumberFault(.invalidCharacter, at: out.count, "'\(scalar)' is not an ASCII letter or digit")
                )
            }
            var b = UInt8(scalar.value)
            if b >= 97 && b <= 122 { b -= 32 }
            guard allowed(b) else {
                return (out, NumberFault(.invalidCharacter, at: out.count, "'\(scalar)' is not allowed here"))
            }
            out.append(b)
        }
        if out.isEmpty { return (out, NumberFault(.empty, at: nil, "no characters left after removing separators")) }
        return (out, nil)
    }

    /// ASCII digits and upper-case letters.
    static func isAlphanumeric(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 65 && b <= 90) }

    /// An `InvalidRegistrationNumber` for `fault`, found `offset` characters into `bytes`.
    static func invalid(
        _ type: RegistrationNumberType, _ fault: NumberFault, in bytes: [UInt8], offset: Int = 0
    ) -> RegistrationNumberCheck {
        .invalid(
            InvalidRegistrationNumber(
                type: type, rule: fault.rule, position: fault.index.map { $0 + offset + 1 },
                normalized: String(decoding: bytes.prefix(64), as: UTF8.self), message: fault.message))
    }
}

/// ISO 17442 Legal Entity Identifiers.
public enum LEIValidator {
    /// The rule's name in evidence.
    public static let algorithm = "ISO 17442: 18 alphanumerics and 2 check digits, ISO 7064 MOD 97-10"

    /// Checks `raw`: 20 characters once spaces are removed, `[A-Z0-9]{18}[0-9]{2}`, and the
    /// whole read as a MOD 97-10 number (A=10 … Z=35) leaves remainder 1.
    public static func validate(_ raw: String) -> RegistrationNumberCheck {
        let (bytes, fault) = NumberText.normalize(raw, dropping: [" ", "\t"], allowed: NumberText.isAlphanumeric)
        if let fault { return NumberText.invalid(.leiCode, fault, in: bytes) }
        let part = NumberPart(bytes)
        do throws(NumberFault) {
            try part.requireLength([20], "an LEI")
            try part.requireDigits(18..<20, "a check digit")
            let remainder = CheckDigits.mod97(bytes) ?? -1
            guard remainder == 1 else {
                throw NumberFault(.checkDigits, at: 18, "ISO 7064 MOD 97-10 leaves \(remainder), not 1")
            }
        } catch {
            return NumberText.invalid(.leiCode, error, in: bytes)
        }
        return .valid(
            ValidRegistrationNumber(
                type: .leiCode, value: part.text, countryCode: nil,
                check: OfflineCheck(algorithm: algorithm, checkDigitsVerified: true)))
    }
}
