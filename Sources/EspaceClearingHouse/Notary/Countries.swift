/// The countries registration numbers are issued for, with their English names (EORI
/// credentials carry the country "written in plain english", `gx:country`).
enum Countries {
    /// The 27 EU member states by ISO 3166-1 alpha-2 code.
    static let europeanUnion: [String: String] = [
        "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "CY": "Cyprus", "CZ": "Czechia", "DE": "Germany",
        "DK": "Denmark", "EE": "Estonia", "ES": "Spain", "FI": "Finland", "FR": "France", "GR": "Greece",
        "HR": "Croatia", "HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg",
        "LV": "Latvia", "MT": "Malta", "NL": "Netherlands", "PL": "Poland", "PT": "Portugal", "RO": "Romania",
        "SE": "Sweden", "SI": "Slovenia", "SK": "Slovakia",
    ]

    /// The EEA states outside the EU (BRIS registers them too).
    static let otherEEA: [String: String] = ["IS": "Iceland", "LI": "Liechtenstein", "NO": "Norway"]

    /// EORI prefixes: the EU states (Greece also as `EL`), `XI` (Northern Ireland) and `GB`.
    static let eoriPrefixes: [String: (countryCode: String, name: String)] = {
        var table: [String: (countryCode: String, name: String)] = [:]
        for (code, name) in europeanUnion { table[code] = (code, name) }
        table["EL"] = ("GR", "Greece")
        table["XI"] = ("GB", "United Kingdom (Northern Ireland)")
        table["GB"] = ("GB", "United Kingdom")
        return table
    }()
}
