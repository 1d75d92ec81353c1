/// The monitor scope: running transfers re-checked against their agreements, and the ones
/// that no longer comply named for termination, with the reasons. The data plane acts on the
/// verdicts; this type decides (no I/O).
public struct TransferMonitor: Sendable {
    /// A transfer in progress: its agreement and what is known about it now.
    public struct RunningTransfer: Sendable {
        public var id: String
        public var agreement: CompiledPolicy
        /// The context in the monitor scope (the clock, the usage so far, the participant's
        /// current claims: a revoked membership shows here).
        public var context: EnforcementContext

        public init(id: String, agreement: CompiledPolicy, context: EnforcementContext) {
            self.id = id
            self.agreement = agreement
            var context = context
            context.scope = .monitor
            self.context = context
        }
    }

    /// What to do with one transfer.
    public struct Verdict: Sendable {
        public var transferID: String
        /// True when the transfer must be terminated.
        public var terminate: Bool
        /// For a terminated transfer, the compliance report that says why.
        public var report: ComplianceReport?
    }

    public var enforcer: PolicyEnforcer

    public init(enforcer: PolicyEnforcer = PolicyEnforcer()) {
        self.enforcer = enforcer
    }

    /// A verdict per transfer, in order: continue when the agreement still permits, terminate
    /// (with the report) when it does not.
    public func check(_ transfers: [RunningTransfer]) -> [Verdict] {
        transfers.map { transfer in
            if enforcer.decide(transfer.agreement, in: transfer.context) == .permit {
                return Verdict(transferID: transfer.id, terminate: false, report: nil)
            }
            return Verdict(
                transferID: transfer.id, terminate: true,
                report: enforcer.explain(transfer.agreement.policy, in: transfer.context))
        }
    }
}
