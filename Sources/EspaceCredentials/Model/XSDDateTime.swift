import EspaceIdentity
import EspaceRDF

/// XML Schema 1.1 `dateTime` and `dateTimeStamp` literals (the date formats of the VC data
/// models: `issuanceDate`/`expirationDate` in 1.1, `validFrom`/`validUntil` in 2.0), as
/// seconds since the epoch. Parsing is `EspaceRDF.XSDTemporal`'s.
public enum XSDDateTime {
    /// The instant `text` denotes, in seconds since 1970-01-01T00:00:00Z, or nil when it is
    /// not a valid literal. With `requireTimezone` (dateTimeStamp) a `Z` or `±hh:mm` suffix
    /// is mandatory; without one, a literal without time zone is read as UTC.
    public static func instant(_ text: String, requireTimezone: Bool) -> Double? {
        XSDTemporal.dateTime(text, requireTimezone: requireTimezone)?.secondsSinceEpoch
    }

    /// The instants `format` writes exactly: years 0001 to 9999.
    public static let representable: ClosedRange<Double> = -62_135_596_800...253_402_300_799

    /// Throws `.malformed` unless both ends of `period` are within `representable`.
    public static func checkRepresentable(_ period: ClosedRange<Double>) throws(IdentityError) {
        guard representable.contains(period.lowerBound), representable.contains(period.upperBound) else {
            throw IdentityError("the validity period \(period) is outside the years 0001 to 9999")
        }
    }

    /// Formats an instant (seconds since 1970) as a UTC `dateTimeStamp` with whole seconds;
    /// instants outside `representable` (and NaN) are clamped into it.
    public static func format(_ seconds: Double) -> String {
        let clamped = seconds.isNaN ? 0 : min(max(seconds, representable.lowerBound), representable.upperBound)
        return XSDTemporal.formatUTC(seconds: Int(clamped.rounded(.down)))
    }
}
