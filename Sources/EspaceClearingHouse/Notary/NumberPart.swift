/// A rule broken inside the part of a number being checked, at a 0-based index of that part.
struct NumberFault: Error, Sendable {
    let rule: RegistrationNumberRule
    let index: Int?
    let message: String

    init(_ rule: RegistrationNumberRule, at index: Int?, _ message: String) {
        self.rule = rule
        self.index = index
        self.message = message
    }
}

/// The characters of a normalised number (ASCII, upper case), with the checks the country
/// rules are written in. Every index is 0-based within the part.
struct NumberPart: Sendable {
    let bytes: [UInt8]

    init(_ bytes: some Collection<UInt8>) {
        self.bytes = Array(bytes)
    }

    var count: Int { bytes.count }
    var text: String { String(decoding: bytes, as: UTF8.self) }

    subscript(_ i: Int) -> UInt8 { bytes[i] }

    func isDigit(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 48 && bytes[i] <= 57 }
    func isLetter(_ i: Int) -> Bool { i < bytes.count && bytes[i] >= 65 && bytes[i] <= 90 }
    /// The digit at `i` (the caller has checked it is one).
    func digit(_ i: Int) -> Int { Int(bytes[i]) - 48 }
    /// The digits in `range` (checked to be digits by the caller).
    func digits(_ range: Range<Int>) -> [Int] { range.map(digit) }
    /// All digits of the part.
    var allDigits: [Int] { digits(0..<count) }
    /// The decimal value of the digits in `range` (at most 18 of them).
    func value(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + digit($1) } }
    /// The character at `i`, for messages.
    func char(_ i: Int) -> String { String(UnicodeScalar(bytes[i])) }

    /// Requires one of `lengths` characters.
    func requireLength(_ lengths: [Int], _ what: String) throws(NumberFault) {
        guard lengths.contains(count) else {
            let allowed = lengths.map(String.init).joined(separator: " or ")
            throw NumberFault(.length, at: nil, "\(what) has \(allowed) characters, found \(count)")
        }
    }

    /// Requires digits in `range`, naming the first character that is not.
    func requireDigits(_ range: Range<Int>, _ what: String = "a digit") throws(NumberFault) {
        for i in range where !isDigit(i) {
            throw NumberFault(.format, at: i, "expected \(what), found '\(char(i))'")
        }
    }

    /// Requires a letter at `i` among `allowed` (all letters when nil).
    func requireLetter(_ i: Int, in allowed: String? = nil) throws(NumberFault) {
        guard isLetter(i), allowed.map({ $0.utf8.contains(bytes[i]) }) ?? true else {
            let expected = allowed.map { "one of \($0)" } ?? "a letter"
            throw NumberFault(.format, at: i, "expected \(expected), found '\(char(i))'")
        }
    }

    /// Requires the character at `i` to be `expected`, computed by `algorithm`.
    func requireCheck(_ i: Int, _ expected: UInt8, _ algorithm: String) throws(NumberFault) {
        guard bytes[i] == expected else {
            throw NumberFault(
                .checkDigits, at: i,
                "\(algorithm) gives check character '\(String(UnicodeScalar(expected)))', found '\(char(i))'")
        }
    }

    /// Requires the digit at `i` to be `expected` (0…9).
    func requireCheckDigit(_ i: Int, _ expected: Int, _ algorithm: String) throws(NumberFault) {
        try requireCheck(i, UInt8(48 + expected), algorithm)
    }

    /// Requires a weighted sum condition to hold, blaming the check character at `i`.
    func requireChecksum(_ holds: Bool, at i: Int, _ algorithm: String) throws(NumberFault) {
        guard holds else { throw NumberFault(.checkDigits, at: i, "\(algorithm) does not hold") }
    }
}

/// The check-digit algorithms several registration numbers share.
enum CheckDigits {
    /// Σ weights[i]·digits[i].
    static func weighted(_ digits: [Int], _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Whether `digits` (check digit last) pass the Luhn algorithm.
    static func luhnValid(_ digits: [Int]) -> Bool {
        luhnSum(digits) % 10 == 0
    }

    /// The Luhn sum: every second digit from the right doubled (digits of the product added).
    static func luhnSum(_ digits: [Int]) -> Int {
        var sum = 0
        for (offset, d) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum
    }

    /// The ISO 7064 MOD 11,10 check digit of `digits` (without it).
    static func mod11Radix10(_ digits: [Int]) -> Int {
        var product = 10
        for d in digits {
            var sum = (d + product) % 10
            if sum == 0 { sum = 10 }
            product = (2 * sum) % 11
        }
        return (11 - product) % 10
    }

    /// ISO 7064 MOD 97-10 remainder of an alphanumeric string (A=10 … Z=35), computed
    /// digit by digit so any length works; nil if a character is not [0-9A-Z].
    static func mod97(_ bytes: [UInt8]) -> Int? {
        var remainder = 0
        for b in bytes {
            switch b {
            case 48...57: remainder = (remainder * 10 + Int(b - 48)) % 97
            case 65...90:
                let v = Int(b - 55)
                remainder = (remainder * 100 + v) % 97
            default: return nil
            }
        }
        return remainder
    }
}
