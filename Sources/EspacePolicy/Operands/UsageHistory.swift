/// The uses made under one agreement so far, as the usage log records them: what counts,
/// elapsed and metered time, and intervals are computed from.
public struct UsageHistory: Sendable, Equatable {
    /// One recorded use.
    public struct Use: Sendable, Equatable {
        /// The action's IRI (`odrl:use`, `odrl:read`, …).
        public var action: String
        /// When it started, seconds since 1970-01-01T00:00:00Z.
        public var time: Double
        /// How long it lasted, in seconds (0 for an instantaneous access).
        public var duration: Double

        public init(action: String, time: Double, duration: Double = 0) {
            self.action = action
            self.time = time
            self.duration = duration
        }
    }

    /// When the agreement was concluded (seconds since 1970), if known.
    public var agreementTime: Double?
    public var uses: [Use]

    public init(agreementTime: Double? = nil, uses: [Use] = []) {
        self.agreementTime = agreementTime
        self.uses = uses
    }
}
