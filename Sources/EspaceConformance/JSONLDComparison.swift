import EspaceJSON

/// JSON-LD object comparison as the JSON-LD test suite defines it: objects member by
/// member, arrays unordered except `@list` values, `@language` case-insensitive, and blank
/// node labels equal up to a consistent renaming.
public enum JSONLDComparison {
    /// Whether `actual` matches `expected`.
    public static func equivalent(_ actual: JSONValue, _ expected: JSONValue) -> Bool {
        var state = Bijection()
        var budget = 200_000
        return match(actual, expected, key: nil, state: &state, budget: &budget)
    }

    struct Bijection {
        var forward: [String: String] = [:]
        var backward: [String: String] = [:]

        mutating func bind(_ a: String, _ b: String) -> Bool {
            if let existing = forward[a] { return existing == b }
            if backward[b] != nil { return false }
            forward[a] = b
            backward[b] = a
            return true
        }
    }

    static func isBlank(_ s: String) -> Bool { s.hasPrefix("_:") }

    static func match(_ a: JSONValue, _ b: JSONValue, key: String?, state: inout Bijection, budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if key == "@language" { return x.lowercased() == y.lowercased() }
            if isBlank(x) && isBlank(y) && key != "@value" { return state.bind(x, y) }
            return x == y
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            if key == "@list" {
                for (p, q) in zip(x, y) where !match(p, q, key: nil, state: &state, budget: &budget) { return false }
                return true
            }
            return matchUnordered(x[...], y, used: Array(repeating: false, count: y.count), state: &state, budget: &budget)
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            var blankKeysA: [String] = []
            for (k, v) in x {
                if isBlank(k) { blankKeysA.append(k); continue }
                guard let w = y[k] else { return false }
                let childKey = k == "@value" || k == "@language" || k == "@list" ? k : nil
                if !match(v, w, key: childKey, state: &state, budget: &budget) { return false }
            }
            if blankKeysA.isEmpty { return true }
            let blankKeysB = Array(y.keys.filter(isBlank))
            return matchBlankKeys(blankKeysA[...], blankKeysB, x, y, state: &state, budget: &budget)
        case (.number(let x), .number(let y)):
            return x == y
        default:
            return a == b
        }
    }

    static func matchUnordered(
        _ rest: ArraySlice<JSONValue>, _ candidates: [JSONValue], used: [Bool], state: inout Bijection, budget: inout Int
    ) -> Bool {
        guard let first = rest.first else { return true }
        var used = used
        for (i, candidate) in candidates.enumerated() where !used[i] {
            var trial = state
            if match(first, candidate, key: nil, state: &trial, budget: &budget) {
                used[i] = true
                var next = trial
                if matchUnordered(rest.dropFirst(), candidates, used: used, state: &next, budget: &budget) {
                    state = next
                    return true
                }
                used[i] = false
            }
            if budget < 0 { return false }
        }
        return false
    }

    static func matchBlankKeys(
        _ keys: ArraySlice<String>, _ candidates: [String], _ x: JSONObject, _ y: JSONObject, state: inout Bijection,
        budget: inout Int
    ) -> Bool {
        guard let key = keys.first, let value = x[key] else { return true }
        for candidate in candidates {
            guard let other = y[candidate] else { continue }
            var trial = state
            if trial.bind(key, candidate), match(value, other, key: nil, state: &trial, budget: &budget),
                matchBlankKeys(keys.dropFirst(), candidates, x, y, state: &trial, budget: &budget)
            {
                state = trial
                return true
            }
        }
        return false
    }
}
