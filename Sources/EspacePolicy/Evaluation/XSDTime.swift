import EspaceRDF
import Foundation

/// Exact (`Decimal`) views of the values `EspaceRDF.XSDTemporal` parses, for typed comparison.
enum XSDTime {
    /// An `xsd:dateTime` as exact seconds since the epoch, and whether it had a time zone
    /// (a zoneless value is read as UTC; comparisons widen it by ±14 h).
    static func dateTime(_ text: String) -> (ExactNumber, Bool)? {
        XSDTemporal.dateTime(text).map {
            ($0.fractionDigits.isEmpty ? ExactNumber($0.seconds) : ExactNumber(exact($0.seconds, $0.fractionDigits)), $0.hasTimezone)
        }
    }

    /// An `xsd:date` as its first instant.
    static func date(_ text: String) -> (ExactNumber, Bool)? {
        XSDTemporal.date(text).map { (ExactNumber($0.seconds), $0.hasTimezone) }
    }

    /// An `xsd:duration` as signed months and signed exact seconds.
    static func duration(_ text: String) -> (Int, Decimal)? {
        guard let d = XSDTemporal.duration(text) else { return nil }
        let seconds = exact(d.seconds, d.fractionDigits)
        return d.isNegative ? (-d.months, -seconds) : (d.months, seconds)
    }

    private static func exact(_ whole: Int, _ fraction: String) -> Decimal {
        ExactDecimal.seconds(whole, fraction: fraction)
    }
}
