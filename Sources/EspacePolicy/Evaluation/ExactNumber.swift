import Foundation

/// An exact number: an `Int` when the value is whole and fits (counts, instants in whole
/// seconds: compared in one instruction), a `Decimal` otherwise. Equality and order are
/// numeric whichever the storage (`3` equals `3.0`).
struct ExactNumber: Comparable, Sendable {
    private enum Storage: Sendable {
        case int(Int)
        case decimal(Decimal)
    }

    private let storage: Storage

    init(_ value: Int) { storage = .int(value) }

    init(_ value: Decimal) {
        if value.exponent >= 0, value.significand < Decimal(1 << 53), let whole = Int(exactly: NSDecimalNumber(decimal: value).int64Value),
            Decimal(whole) == value
        {
            storage = .int(whole)
        } else {
            storage = .decimal(value)
        }
    }

    /// The value as a `Decimal`.
    var decimal: Decimal {
        switch storage {
        case .int(let value): return Decimal(value)
        case .decimal(let value): return value
        }
    }

    /// The nearest `Double`.
    var double: Double {
        switch storage {
        case .int(let value): return Double(value)
        case .decimal(let value): return NSDecimalNumber(decimal: value).doubleValue
        }
    }

    /// This number plus `seconds`.
    func adding(_ amount: Int) -> ExactNumber {
        if case .int(let value) = storage {
            let (sum, overflow) = value.addingReportingOverflow(amount)
            if !overflow { return ExactNumber(sum) }
        }
        return ExactNumber(decimal + Decimal(amount))
    }

    static func < (a: ExactNumber, b: ExactNumber) -> Bool {
        if case .int(let x) = a.storage, case .int(let y) = b.storage { return x < y }
        return a.decimal < b.decimal
    }

    static func == (a: ExactNumber, b: ExactNumber) -> Bool {
        if case .int(let x) = a.storage, case .int(let y) = b.storage { return x == y }
        return a.decimal == b.decimal
    }
}
