import EspaceRDF
import Testing

@Suite("XSD date, time and duration parsing")
struct XSDTemporalTests {
    @Test("dateTime with and without zones gives the UTC instant")
    func dateTimes() throws {
        let utc = try #require(XSDTemporal.dateTime("2026-11-29T13:00:00Z"))
        #expect(utc.seconds == 1_795_957_200)
        #expect(utc.timezoneOffset == 0)
        let east = try #require(XSDTemporal.dateTime("2026-11-29T14:00:00+01:00"))
        #expect(east.seconds == utc.seconds)
        #expect(east.timezoneOffset == 3_600)
        let zoneless = try #require(XSDTemporal.dateTime("2026-11-29T13:00:00"))
        #expect(zoneless.seconds == utc.seconds)
        #expect(!zoneless.hasTimezone)
        #expect(XSDTemporal.dateTime("2026-11-29T13:00:00", requireTimezone: true) == nil)
        #expect(XSDTemporal.dateTime("1969-12-31T23:59:59Z")?.seconds == -1)
    }

    @Test("fractions keep their digits and drop trailing zeros")
    func fractions() throws {
        let value = try #require(XSDTemporal.dateTime("1970-01-01T00:00:01.2500Z"))
        #expect(value.seconds == 1)
        #expect(value.fractionDigits == "25")
        #expect(value.secondsSinceEpoch == 1.25)
        #expect(XSDTemporal.dateTime("1970-01-01T00:00:01.000Z")?.fractionDigits == "")
        #expect(XSDTemporal.dateTime("1970-01-01T00:00:01.Z") == nil)
    }

    @Test("24:00:00 is the end of the day; other out-of-range fields are refused")
    func ranges() {
        #expect(XSDTemporal.dateTime("2026-01-01T24:00:00Z")?.seconds == XSDTemporal.dateTime("2026-01-02T00:00:00Z")?.seconds)
        for bad in [
            "2026-01-01T24:00:01Z", "2026-01-01T24:00:00.5Z", "2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z",
            "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00+14:01", "2026-01-01T00:00:00+01",
            "26-01-01T00:00:00Z", "02026-01-01T00:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00ZZ", "",
            "2026-01-01T0:00:00Z", String(repeating: "9", count: 70),
        ] {
            #expect(XSDTemporal.dateTime(bad) == nil, "\(bad)")
        }
        #expect(XSDTemporal.dateTime("2024-02-29T00:00:00Z") != nil)
        #expect(XSDTemporal.dateTime("12026-01-01T00:00:00Z") != nil)
        #expect(XSDTemporal.dateTime("-0044-03-15T12:00:00Z") != nil)
    }

    @Test("date is the first instant of the day in its zone")
    func dates() {
        #expect(XSDTemporal.date("1970-01-02")?.seconds == 86_400)
        #expect(XSDTemporal.date("1970-01-02+02:00")?.seconds == 86_400 - 7_200)
        #expect(XSDTemporal.date("1970-01-02T00:00:00Z") == nil)
        #expect(XSDTemporal.date("1970-1-2") == nil)
    }

    @Test("durations split into months and seconds")
    func durations() throws {
        let d = try #require(XSDTemporal.duration("P1Y2M3DT4H5M6.70S"))
        #expect(d.months == 14)
        #expect(d.seconds == 3 * 86_400 + 4 * 3_600 + 5 * 60 + 6)
        #expect(d.fractionDigits == "7")
        #expect(!d.isNegative)
        #expect(XSDTemporal.duration("-PT1S")?.isNegative == true)
        #expect(XSDTemporal.duration("P30D")?.seconds == 2_592_000)
        for bad in ["P", "PT", "P1S", "P1M1Y", "PT1H1H", "P1.5D", "P1YT", "1D", "P-1D", "PT1.S", "P999999999999999999999Y"] {
            #expect(XSDTemporal.duration(bad) == nil, "\(bad)")
        }
    }

    @Test("formatUTC is the inverse of parsing whole seconds")
    func formatting() {
        for text in ["1970-01-01T00:00:00Z", "2026-11-29T13:00:00Z", "1969-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"] {
            let seconds = XSDTemporal.dateTime(text)?.seconds ?? 0
            #expect(XSDTemporal.formatUTC(seconds: seconds) == text)
        }
    }
}
